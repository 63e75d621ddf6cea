"""PDF documents in Vietnamese (certificates, the programme report) with fpdf2.

Open Sans (from the ttf-opensans package) has every Vietnamese glyph; fpdf2 embeds
the subset used, so a PDF needs no system font and reads the same everywhere.
"""

import logging
from pathlib import Path

import ttf_opensans
from fpdf import FPDF

FONT_DIR = Path(ttf_opensans.__file__).parent / "ttf"
FONT = "OpenSans"

# fontTools logs every glyph subset at INFO: thousands of lines per PDF batch.
logging.getLogger("fontTools").setLevel(logging.WARNING)


def new_pdf(*, orientation: str = "portrait", title: str = "", author: str = "") -> FPDF:
    """An A4 FPDF with Open Sans registered (regular "", bold "B", italic "I") and selected."""
    pdf = FPDF(orientation=orientation, unit="mm", format="A4")
    pdf.add_font(FONT, "", str(FONT_DIR / "OpenSans-Regular.ttf"))
    pdf.add_font(FONT, "B", str(FONT_DIR / "OpenSans-Bold.ttf"))
    pdf.add_font(FONT, "I", str(FONT_DIR / "OpenSans-Italic.ttf"))
    pdf.add_font(FONT, "BI", str(FONT_DIR / "OpenSans-BoldItalic.ttf"))
    pdf.set_font(FONT, size=11)
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.set_creator("Trường học Xanh")
    return pdf


def pdf_bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())
