"""A child's data rights (Law 91/2025): the registry through which apps above `schools` add
their part of a student's export and erasure, and the helpers they share.

`schools` never imports audits or contests. Each of them registers one provider from its
AppConfig.ready() with `register_student_data_provider`; the export
(schools.students.services_export) and the erasure (schools.students.services_erase) call
every registered provider, in `order`.

A provider is an object with:
- `key` (str: the JSON section and the folder of its files in the ZIP) and `order` (int);
- `export(student)` → Part: plain JSON of what the app holds about the student, and the
  stored files to put in the ZIP. Names of other children never appear in it, in the
  data nor in the file names (server-made paths only);
- `erase(student, *, names)` → set of programme ids whose stored reports may name the
  student (the erasure deletes those reports). It removes or anonymises what the app
  holds: `names` are the student's names before the erasure (display name, login's full
  name), to be replaced by ERASED wherever the app stores them as text, in rows of the
  student's school only (another school's child of the same name keeps theirs). Files
  that belong to this student only are deleted once the erasure commits
  (`home.storage.files_delete_on_commit`); aggregates and published results stay as they are.
  Called before the login is deleted, so `student.user` is still there.
"""

from dataclasses import dataclass, field

from django.db.models import Value
from django.db.models.functions import Replace

# What pages, certificates, exports and snapshots show instead of an erased student's
# name or initials. Stored as data (a certificate is a Vietnamese document whatever the
# language of the page), so it is the same in every language.
ERASED = "(đã xóa)"


@dataclass
class ExportFile:
    path: str  # inside the ZIP, below the provider's folder: server-made, never a person's name
    file: object  # a FieldFile (entry media, certificate PDF…)


@dataclass
class Part:
    data: dict = field(default_factory=dict)
    files: list = field(default_factory=list)  # [ExportFile]


_providers: dict = {}  # key -> provider


def register_student_data_provider(provider):
    """Register once (a second registration of the same key replaces the first)."""
    _providers[provider.key] = provider
    return provider


def student_data_providers() -> list:
    return sorted(_providers.values(), key=lambda p: p.order)


def names_replace(queryset, fields, names) -> int:
    """Replace every occurrence of each name by ERASED in the text fields of the queryset's rows
    (in SQL, one UPDATE per field and name, on the rows that contain it)."""
    changed = 0
    for name in names:
        for name_field in fields:
            rows = queryset.filter(**{f"{name_field}__contains": name})
            changed += rows.update(**{name_field: Replace(name_field, Value(name), Value(ERASED))})
    return changed


def text_scrub(text: str, names) -> str:
    for name in names:
        text = text.replace(name, ERASED)
    return text


def json_scrub(value, names):
    """The JSON value with each name replaced by ERASED in every string (keys included)."""
    if isinstance(value, str):
        return text_scrub(value, names)
    if isinstance(value, list):
        return [json_scrub(item, names) for item in value]
    if isinstance(value, dict):
        return {json_scrub(k, names): json_scrub(v, names) for k, v in value.items()}
    return value


def iso(value):
    return value.isoformat() if value is not None else None
