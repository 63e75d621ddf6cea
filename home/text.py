"""Text folding shared by every app (home is the lowest app, so all of them may import it)."""

import re
import unicodedata

from django.utils.html import strip_tags


def fold_diacritics(text: str | None) -> str:
    """Text for accent- and case-blind matching ("Nguyễn Thị Đào" → "nguyen thi dao"), never for storing or showing.

    Guarantees: NFD with every combining mark removed, so composed and decomposed input
    fold alike; then casefolded (which adds no mark back); đ/Đ (no decomposition) become
    d. Spaces and punctuation are left as they are (callers choose their own word
    policy); None folds to "".
    """
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", text or "") if not unicodedata.combining(ch))
    return stripped.casefold().replace("đ", "d")


# C0 control characters and DEL. Tab, newline and carriage return are kept in text that
# may span lines (a textarea, a quoted CSV cell); nothing else of them is ever typed.
_LINE_CONTROLS = frozenset("\t\n\r")


def has_control_characters(text: str, *, multiline: bool = True) -> bool:
    """True when `text` holds NUL or another C0 control character (or DEL).

    With multiline, tab, newline and carriage return are allowed; without, they count too.
    PostgreSQL refuses NUL in text outright, so such input must be stopped before a query.
    """
    return any((ch < " " or ch == "\x7f") and not (multiline and ch in _LINE_CONTROLS) for ch in text)


_SPACES = re.compile(r"\s+")


def plain_text(value) -> list[str]:
    """A search field's value as lines of plain text: lists flattened, HTML tags stripped, spaces collapsed."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [part for item in value for part in plain_text(item)]
    return [_SPACES.sub(" ", strip_tags(str(value))).strip()]
