"""Cell values → Python values, forgiving about case, accents and spacing."""

from home.text import fold_diacritics
from schools.enums import Role, SchoolLevel

# Synonyms are folded (see `fold`): no accents, lowercase, single spaces. The values
# themselves and their English labels are accepted too.
_LEVELS = {
    SchoolLevel.PRESCHOOL: ("preschool", "mam non", "truong mam non"),
    SchoolLevel.PRIMARY: ("primary", "tieu hoc", "th"),
    SchoolLevel.LOWER_SECONDARY: ("lower secondary", "thcs", "trung hoc co so"),
    SchoolLevel.UPPER_SECONDARY: ("upper secondary", "thpt", "trung hoc pho thong"),
    SchoolLevel.MULTI: ("multi", "multi level", "lien cap"),
}
LEVEL_WORDS = "Mầm non, Tiểu học, THCS, THPT, Liên cấp"

# Organisers are not imported: that role opens the back office, so it is granted by hand.
IMPORTABLE_ROLES = (Role.TEACHER, Role.STUDENT, Role.JUDGE, Role.OFFICER)
_ROLES = {
    Role.TEACHER: ("teacher", "giao vien", "gv"),
    Role.STUDENT: ("student", "hoc sinh", "hs"),
    Role.JUDGE: ("judge", "giam khao", "bgk"),
    Role.OFFICER: ("officer", "education officer", "can bo", "can bo quan ly"),
}
ROLE_WORDS = "giáo viên, học sinh, giám khảo, cán bộ"

MAX_COUNT = 1_000_000


def fold(text: str) -> str:
    """ "Trung học  cơ sở" → "trung hoc co so": for matching words, never for storing them."""
    # Values ("lower_secondary") and cells ("Multi-level") join words with separators: spaces here.
    text = fold_diacritics(text)
    for sep in ("_", "-", "."):
        text = text.replace(sep, " ")
    return " ".join(text.split())


def _lookup(table: dict) -> dict[str, str]:
    words = {}
    for value, synonyms in table.items():
        words[fold(str(value))] = value
        for word in synonyms:
            words[word] = value
    return words


_LEVEL_LOOKUP = _lookup(_LEVELS)
_ROLE_LOOKUP = _lookup(_ROLES)


def parse_level(text: str) -> str | None:
    return _LEVEL_LOOKUP.get(fold(text))


def parse_role(text: str) -> str | None:
    return _ROLE_LOOKUP.get(fold(text))


def parse_count(text: str) -> int | None:
    """A whole number ≥ 0 ("1 200" allowed), or None when it is not one.

    Dots and commas are refused: "1.200" is 1200 in Vietnamese and 1.2 in English.
    """
    digits = "".join(text.split())
    if not digits.isascii() or not digits.isdigit():
        return None
    return int(digits)
