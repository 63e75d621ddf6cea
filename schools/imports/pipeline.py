"""The shape every import shares: read the file, validate every row, write all or nothing."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from .reading import Column, ImportFileError, read_table
from .result import ImportResult

Counts = tuple[int, int, int]  # created, updated, unchanged

# The steps a progress callback is told, with the rows done of the total.
CHECKING, WRITING = "checking", "writing"
Progress = Callable[[str, int, int], None]
_EVERY = 1000  # rows between two progress reports


class Rows(list):
    """The rows of a table, with the progress callback of the import they belong to."""

    progress: Progress | None = None


def checking(rows):
    """The rows, one by one, telling the import's progress every _EVERY rows (the main loop of a validate)."""
    progress = getattr(rows, "progress", None)
    total = len(rows)
    for done, row in enumerate(rows):
        if progress is not None and done % _EVERY == 0:
            progress(CHECKING, done, total)
        yield row
    if progress is not None:
        progress(CHECKING, total, total)


def run_import(
    file,
    *,
    columns: list[Column],
    validate: Callable[[list, ImportResult], list],
    write: Callable[[list], Counts],
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """`validate(rows, result)` reports every problem and returns clean records; only when
    there is none does `write(records)` run, inside one transaction. With dry_run the
    transaction is rolled back: the counts are exact and nothing (no e-mail) is sent.

    `progress(step, done, total)` hears of the checking (through `checking`) and, once,
    of the writing: it is called before the transaction, so its own writes are seen at once.
    """
    result = ImportResult(dry_run=dry_run)
    try:
        table = read_table(file, columns)
    except ImportFileError as exc:
        result.error(exc.line, exc.message)
        return result
    for line, message in table.notes:
        result.note(line, message)
    for line, message in table.errors:
        result.error(line, message)
    rows = Rows(table.rows)
    rows.progress = progress
    records = validate(rows, result)
    result.sort()
    if result.errors:
        return result
    if progress is not None:
        progress(WRITING, len(rows), len(rows))
    try:
        with transaction.atomic():
            counts = write(records)
            if dry_run:
                transaction.set_rollback(True)
    except (ValidationError, ValueError, DatabaseError) as exc:
        # Validation should have caught it; a concurrent change may not have been.
        reason = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        result.error(None, _("The import failed and nothing was saved: %(error)s") % {"error": reason})
        return result
    result.created, result.updated, result.unchanged = counts
    return result


def by_code_ignoring_case(queryset, codes) -> dict:
    """Objects whose `code` matches one of `codes` ignoring case, keyed by the lowercased code. One query."""
    lowered = {code.lower() for code in codes if code}
    if not lowered:
        return {}
    matches = queryset.annotate(code_lower=Lower("code")).filter(code_lower__in=lowered)
    return {obj.code.lower(): obj for obj in matches}
