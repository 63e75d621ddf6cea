from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils.translation import gettext as _


class Problem(NamedTuple):
    """One reason a row (or the whole file, line None) was refused, or a note about it."""

    line: int | None
    message: str

    def __str__(self):
        if self.line is None:
            return self.message
        return _("Line %(line)s: %(reason)s") % {"line": self.line, "reason": self.message}


@dataclass
class ImportResult:
    """What an import did. With any error, nothing was written and the counts are 0."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged

    @property
    def error_lines(self) -> list[int]:
        """The distinct line numbers of the bad rows, in order (file-level errors excluded)."""
        return sorted({p.line for p in self.errors if p.line is not None})

    def error(self, line: int | None, message: str) -> None:
        self.errors.append(Problem(line, message))

    def note(self, line: int | None, message: str) -> None:
        self.notes.append(Problem(line, message))

    def sort(self) -> None:
        """File-level problems first, then by line; messages of one line keep their order."""
        self.errors.sort(key=lambda p: -1 if p.line is None else p.line)
        self.notes.sort(key=lambda p: -1 if p.line is None else p.line)

    def problems(self) -> str:
        return _("%(count)s problem(s) found in %(rows)s row(s).") % {
            "count": len(self.errors),
            "rows": len(self.error_lines) or 1,
        }

    def summary(self) -> str:
        if not self.ok:
            return _("Nothing was imported: %(count)s problem(s) found in %(rows)s row(s).") % {
                "count": len(self.errors),
                "rows": len(self.error_lines) or 1,
            }
        if self.dry_run:
            return _("The file is valid: %(created)s to create, %(updated)s to update, %(unchanged)s unchanged.") % {
                "created": self.created,
                "updated": self.updated,
                "unchanged": self.unchanged,
            }
        return _("Imported %(rows)s row(s): %(created)s created, %(updated)s updated, %(unchanged)s unchanged.") % {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }
