"""The certificate document: one A4 landscape page in Vietnamese (fpdf2, Open Sans).

Pure: it turns a CertificateText into PDF bytes and reads nothing from the database,
so the batch task decides what is printed (services_certificates) and this module only
how. The texts are English msgids rendered in Vietnamese (a certificate is a
Vietnamese document whatever the interface language of the organiser who made it).

Codes: 10 characters of Crockford's base32 (no I, L, O or U), 50 random bits from
`secrets`; printed in two groups of five ("7K3QM-X9D2F") and accepted with or without
the dash, in either case, with I/L read as 1 and O as 0.
"""

import secrets
from dataclasses import dataclass
from datetime import date

from django.utils import translation
from django.utils.translation import gettext as _

from home.pdf import FONT, new_pdf, pdf_bytes

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})

GREEN = (25, 110, 60)
DARK = (33, 37, 41)
GREY = (90, 95, 100)


def code_new() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def code_normalise(text) -> str | None:
    """The stored form of a typed code, or None when it cannot be one (no database lookup needed)."""
    if not isinstance(text, str) or len(text) > 3 * CODE_LENGTH:
        return None
    code = "".join(text.split()).replace("-", "").upper().translate(_READ_AS)
    if len(code) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in code):
        return None
    return code


def code_display(code: str) -> str:
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


@dataclass(frozen=True)
class CertificateText:
    organisation: str
    recipient: str
    school: str
    prize: str  # the tier's name; empty for a participation certificate
    team_prize: bool  # a team member's own certificate of a prize their team won
    entry_title: str
    contest: str
    programme: str
    place: str
    issued_on: date
    code: str
    verify_url: str


def _fit(pdf, text: str, style: str, size: float, width: float, smallest: float = 10) -> None:
    """Select the largest font size (down to `smallest`) at which `text` fits in one line of `width`."""
    while size > smallest:
        pdf.set_font(FONT, style, size)
        if pdf.get_string_width(text) <= width:
            return
        size -= 1
    pdf.set_font(FONT, style, smallest)


def _line(pdf, text: str, *, height: float, style: str = "", size: float = 14, color=DARK, fit=True) -> None:
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_text_color(*color)
    if fit:
        _fit(pdf, text, style, size, width)
    else:
        pdf.set_font(FONT, style, size)
    pdf.multi_cell(width, height, text, align="C", new_x="LMARGIN", new_y="NEXT")


def _award_line(text: CertificateText) -> str:
    if not text.prize:
        return _("took part in the contest")
    if text.team_prize:
        return _("member of the team that won %(prize)s") % {"prize": text.prize}
    return _("has won %(prize)s") % {"prize": text.prize}


def certificate_pdf(text: CertificateText) -> bytes:
    """One certificate as PDF bytes, in Vietnamese."""
    with translation.override("vi"):
        return _render(text)


def _render(text: CertificateText) -> bytes:
    title = _("CERTIFICATE")
    pdf = new_pdf(orientation="landscape", title=f"{title} {code_display(text.code)}", author=text.organisation)
    pdf.set_auto_page_break(False)
    pdf.set_margins(28, 18, 28)
    pdf.add_page()
    # Two green frames.
    pdf.set_draw_color(*GREEN)
    pdf.set_line_width(1.6)
    pdf.rect(8, 8, pdf.w - 16, pdf.h - 16)
    pdf.set_line_width(0.4)
    pdf.rect(12, 12, pdf.w - 24, pdf.h - 24)

    pdf.set_y(20)
    _line(pdf, text.organisation.upper(), height=7, style="B", size=13, color=GREEN)
    pdf.ln(6)
    _line(pdf, title, height=18, style="B", size=38, color=GREEN)
    pdf.ln(2)
    _line(pdf, _("is awarded to"), height=8, style="I", size=14, color=GREY)
    pdf.ln(1)
    _line(pdf, text.recipient, height=13, style="B", size=26)
    if text.school and text.school != text.recipient:
        _line(pdf, text.school, height=8, size=15)
    pdf.ln(3)
    _line(pdf, _award_line(text), height=9, style="B" if text.prize else "", size=18, color=GREEN)
    if text.entry_title:
        _line(pdf, _("with the entry “%(title)s”") % {"title": text.entry_title}, height=8, style="I", size=14)
    _line(pdf, _("Contest: %(contest)s") % {"contest": text.contest}, height=8, size=14)
    _line(pdf, _("Programme: %(programme)s") % {"programme": text.programme}, height=8, size=13, color=GREY)
    pdf.ln(4)
    when = _("%(place)s, %(day)s/%(month)s/%(year)s") % {
        "place": text.place,
        "day": f"{text.issued_on.day:02d}",
        "month": f"{text.issued_on.month:02d}",
        "year": text.issued_on.year,
    }
    _line(pdf, when, height=8, style="I", size=13)
    _line(pdf, text.organisation, height=7, style="B", size=12)

    # The verification block sits at the bottom of the frame.
    pdf.set_y(pdf.h - 38)
    _line(pdf, _("Verification code: %(code)s") % {"code": code_display(text.code)}, height=7, style="B", size=13)
    _line(pdf, _("Check this certificate at %(url)s") % {"url": text.verify_url}, height=6, size=10, color=GREY)
    return pdf_bytes(pdf)
