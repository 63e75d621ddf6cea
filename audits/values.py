"""Typed-in or imported numbers → values, with the reason in the user's language when they are bad."""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from audits.enums import MAX_MASS_G

# Vietnamese writes 3.200 for three thousand two hundred and 3,2 for three point two.
_PLAIN = re.compile(r"^\d+$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")  # 3.200, 1.250.000
_THOUSANDS_DECIMAL = re.compile(r"^\d{1,3}(?:\.\d{3})+,\d+$")  # 1.250,5
_DECIMAL = re.compile(r"^\d+[.,]\d+$")  # 1250,5 or 1250.5 (a dot not followed by exactly 3 digits)


class BadValue(ValueError):
    pass


def read_mass(text) -> tuple[Decimal | None, bool]:
    """(grams, whether a separator was read): the Vietnamese way, nothing ambiguous guessed.

    - "1250", "1 250": whole grams;
    - "3.200", "1.250.000": dots between groups of three digits are thousands separators
      (3 200 g, never 3,2 g); "1.250,5" is 1 250,5 g;
    - "1250,5" and "3,2": a decimal comma; "1250.5": a decimal dot when it is not followed
      by exactly three digits;
    - refused: "1,250.5" and "1,250,000" (English thousands), several commas, words,
      negative, NaN/infinity, over 1,000 kg.
    """
    text = "".join(str(text if text is not None else "").split())
    if not text:
        return None, False
    if not text.isascii():
        raise BadValue(_("“%(value)s” is not a mass in grams (write for example 1250 or 1250,5).") % {"value": text})
    if _PLAIN.match(text):
        number, separated = text, False
    elif _THOUSANDS.match(text):
        number, separated = text.replace(".", ""), True
    elif _THOUSANDS_DECIMAL.match(text):
        number, separated = text.replace(".", "").replace(",", "."), True
    elif _DECIMAL.match(text):
        number, separated = text.replace(",", "."), True
    elif text.startswith("-"):
        raise BadValue(_("The mass cannot be negative."))
    elif re.match(r"^[\d.,]+$", text):
        raise BadValue(
            _(
                "“%(value)s” is ambiguous: write the grams without thousands separators, "
                "with a decimal comma (for example 1250,5)."
            )
            % {"value": text}
        )
    else:
        raise BadValue(_("“%(value)s” is not a mass in grams (write for example 1250 or 1250,5).") % {"value": text})
    value = Decimal(number).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if value > MAX_MASS_G:
        raise BadValue(
            _("%(value)s g is more than 1,000 kg in a day: check the unit (grams) and the digits.") % {"value": text}
        )
    return value, separated


def parse_mass(text) -> Decimal | None:
    """Grams as `read_mass` reads them; empty → None."""
    return read_mass(text)[0]


def mass_label(value: Decimal) -> str:
    """3200.0 → "3 200", 1250.5 → "1 250,5": how a mass is echoed back in Vietnamese."""
    whole, _dot, tenth = f"{value:.1f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", "\u00a0")
    return grouped if tenth == "0" else f"{grouped},{tenth}"


def parse_whole(text, *, what: str) -> int | None:
    """A whole number ≥ 0; empty → None."""
    text = "".join(str(text if text is not None else "").split())
    if not text:
        return None
    if text.startswith("-"):
        raise BadValue(_("The %(what)s cannot be negative.") % {"what": what})
    if not text.isascii() or not text.isdigit():
        raise BadValue(_("The %(what)s must be a whole number, not “%(value)s”.") % {"what": what, "value": text})
    value = int(text)
    if value > 1_000_000:
        raise BadValue(_("The %(what)s is too large.") % {"what": what})
    return value
