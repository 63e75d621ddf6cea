"""Typed-in or imported numbers → values, with the reason in the user's language when they are bad."""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from audits.enums import MAX_MASS_G

_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


class BadValue(ValueError):
    pass


def parse_mass(text) -> Decimal | None:
    """Grams with a decimal comma or dot ("1250,5" or "1250.5"); empty → None.

    Refused: negative, NaN/infinity, words, thousands separators, over 1,000 kg.
    """
    text = "".join(str(text if text is not None else "").split())
    if not text:
        return None
    if not _NUMBER.match(text) or not text.isascii():
        if text.startswith("-"):
            raise BadValue(_("The mass cannot be negative."))
        raise BadValue(_("“%(value)s” is not a mass in grams (write for example 1250 or 1250,5).") % {"value": text})
    value = Decimal(text.replace(",", ".")).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if value > MAX_MASS_G:
        raise BadValue(
            _("%(value)s g is more than 1,000 kg in a day: check the unit (grams) and the digits.") % {"value": text}
        )
    return value


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
