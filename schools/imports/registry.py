"""What can be imported in the background: import kinds → callables, filled by each app.

An app registers a kind once (schools: schools and users from SchoolsConfig.ready(), audits:
audit lines from AuditsConfig.ready()); wiring another import into the background job is
one `register_import_kind` call.

- `run(file, *, user, options, dry_run, progress) -> ImportResult`: the import itself, with
  the importer's scope checked on every row as in the synchronous import;
- `may(user, options) -> bool`: may this user still make this import (asked when the job
  starts and on its pages: False → the page answers 404);
- `back_url(options) -> str`: the import page to go back to.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ImportKindSpec:
    key: str
    title: object
    run: Callable
    may: Callable
    back_url: Callable


_KINDS: dict[str, ImportKindSpec] = {}


def register_import_kind(key: str, *, title, run: Callable, may: Callable, back_url: Callable) -> None:
    _KINDS[key] = ImportKindSpec(key=key, title=title, run=run, may=may, back_url=back_url)


def import_kind(key: str) -> ImportKindSpec | None:
    return _KINDS.get(key)
