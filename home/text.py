"""Text folding shared by every app (home is the lowest app, so all of them may import it)."""

import unicodedata


def fold_diacritics(text: str | None) -> str:
    """Text for accent- and case-blind matching ("Nguyễn Thị Đào" → "nguyen thi dao"), never for storing or showing.

    Guarantees: NFD with every combining mark removed, so composed and decomposed input
    fold alike; then casefolded (which adds no mark back); đ/Đ (no decomposition) become
    d. Spaces and punctuation are left as they are (callers choose their own word
    policy); None folds to "".
    """
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", text or "") if not unicodedata.combining(ch))
    return stripped.casefold().replace("đ", "d")
