"""The one diacritic-folding function."""

import unicodedata

from home.text import fold_diacritics


def test_fold_diacritics_removes_marks_and_case():
    assert fold_diacritics("Nguyễn Thị Đào") == "nguyen thi dao"
    assert fold_diacritics("Nước") == "nuoc"
    assert fold_diacritics("ĐƯỜNG Trường HỌC") == "duong truong hoc"


def test_fold_diacritics_treats_decomposed_input_like_composed():
    assert fold_diacritics(unicodedata.normalize("NFD", "Tiết kiệm điện")) == "tiet kiem dien"


def test_fold_diacritics_keeps_spaces_and_punctuation():
    assert fold_diacritics("  Cầu  Diễn, Hà-Nội! ") == "  cau  dien, ha-noi! "


def test_fold_diacritics_of_none_is_empty():
    assert fold_diacritics(None) == ""
