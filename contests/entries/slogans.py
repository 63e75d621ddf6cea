"""Near-duplicate slogans (pure): normalised text and similar pairs.

Two slogans are near-duplicates when their normalised texts (NFC, no diacritics with
đ → d, lower case, no punctuation, words sorted) are at least `threshold` % similar
(rapidfuzz's ratio, an edit-distance similarity; exact matches score 100). Word order,
case, accents and punctuation therefore never hide a copy.

`similar_pairs` compares all slogans at once with `rapidfuzz.process.cdist` (C++,
a score cut-off), then keeps the pairs of different schools.
"""

import re
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from home.text import fold_diacritics

_CHUNK = 1000
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """'Tiết kiệm NƯỚC, hôm nay!' -> 'hom kiem nay nuoc tiet'."""
    words = _NOT_WORD.sub(" ", fold_diacritics(text)).split()
    return " ".join(sorted(words))


def similarity(a: str, b: str) -> float:
    """0-100: how alike two slogans are after normalisation."""
    return fuzz.ratio(normalise(a), normalise(b))


@dataclass(frozen=True)
class SimilarPair:
    first: int  # indexes into the input list, first < second
    second: int
    score: float


def similar_pairs(texts: list[str], groups: list | None = None, *, threshold: float = 85) -> list[SimilarPair]:
    """Pairs of texts at least `threshold` % similar, best first.

    `groups` (e.g. school ids, same length as `texts`): pairs within one group are
    left out. Empty texts are never paired.
    """
    if groups is not None and len(groups) != len(texts):
        raise ValueError("texts and groups differ in length")
    normalised = [normalise(text) for text in texts]
    keep = [i for i, text in enumerate(normalised) if text]
    if len(keep) < 2:
        return []
    choices = [normalised[i] for i in keep]
    pairs = []
    for start in range(0, len(choices), _CHUNK):  # bounded memory: _CHUNK rows at a time
        queries = choices[start : start + _CHUNK]
        scores = process.cdist(queries, choices, scorer=fuzz.ratio, score_cutoff=threshold, dtype=np.float32)
        rows, cols = np.nonzero(scores)
        for row, col in zip(rows.tolist(), cols.tolist(), strict=True):
            first, second = keep[start + row], keep[col]
            if second <= first or (groups is not None and groups[first] == groups[second]):
                continue
            pairs.append(SimilarPair(first, second, round(float(scores[row, col]), 1)))
    pairs.sort(key=lambda pair: (-pair.score, pair.first, pair.second))
    return pairs
