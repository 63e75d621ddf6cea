"""One judge's score of one entry (DESIGN §5), exact, in Decimal.

    S = 100 × Σ w·(x − min)/(max − min) ÷ Σ w      over the *counted* criteria

Contract (stable; the judging service stores `sheet_score(...)` as Evaluation.total and
the ranking recomputes it from the stored criterion scores and checks they are equal):

- `sheet_score(items)`: items are (value, min, max, weight, counted) tuples (Decimal,
  int, float or str values are accepted; floats go through repr()). Criteria with
  counted False are ignored. Returns S computed exactly (one integer fraction) and
  rounded once to 4 decimal places, half up (the precision of Evaluation.total), or
  None when no counted criterion exists.
  A counted criterion whose value is None raises ValueError (an incomplete sheet has
  no score); the caller validates completeness before.
- `validate_value(value, min, max)`: the value a judge typed, as a Decimal with at most
  2 decimal places inside [min, max]; otherwise a ValidationError with a clear
  (translated) message. Accepts "7,5" (Vietnamese decimal comma) as 7.5.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SCORE_PLACES = Decimal("0.0001")
VALUE_PLACES = Decimal("0.01")
HUNDRED = Decimal(100)
ZERO = Decimal(0)
_CONTEXT = Context(prec=34)  # whatever the thread's context says, 34 digits


def to_decimal(value) -> Decimal:
    """Decimal from Decimal/int/str/float (floats through their shortest repr)."""
    if type(value) is Decimal:
        return value
    if type(value) is int:
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def sheet_score(items: Iterable[tuple]) -> Decimal | None:
    """S on 0–100 from (value, min, max, weight, counted) items; None if none counted.

    Exact: the sum of fractions is kept as one integer fraction and rounded once.
    """
    ctx = _CONTEXT  # differences and products of short decimals: exact at 34 digits
    num, den = 0, 1  # Σ w·(x − min)/(max − min) as num/den
    weights = ZERO
    counted_any = False
    for value, low, high, weight, counted in items:
        if not counted:
            continue
        if value is None:
            raise ValueError("a counted criterion has no value")
        value, low, high, weight = to_decimal(value), to_decimal(low), to_decimal(high), to_decimal(weight)
        span = ctx.subtract(high, low)
        if span <= 0:
            raise ValueError("criterion max must be above min")
        if weight <= 0:
            raise ValueError("criterion weight must be positive")
        p1, q1 = ctx.multiply(weight, ctx.subtract(value, low)).as_integer_ratio()
        p2, q2 = span.as_integer_ratio()
        term_num, term_den = p1 * q2, q1 * p2
        num, den = num * term_den + term_num * den, den * term_den
        weights = ctx.add(weights, weight)
        counted_any = True
    if not counted_any:
        return None
    pw, qw = weights.as_integer_ratio()
    top, bottom = 1_000_000 * num * qw, den * pw  # S × 10⁴ = 100 × 10⁴ × (num/den) ÷ W
    quotient, remainder = divmod(abs(top), bottom)
    if 2 * remainder >= bottom:  # half up (away from zero), as Decimal's ROUND_HALF_UP
        quotient += 1
    return Decimal(-quotient if top < 0 else quotient).scaleb(-4)


def validate_value(value, low, high) -> Decimal:
    """The typed score as a Decimal within [low, high] with at most 2 decimals."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(_("Enter a score."), code="required")
    if isinstance(value, str):
        value = value.strip().replace(",", ".")
    try:
        number = to_decimal(value)
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError(_("The score must be a number."), code="invalid") from None
    if not number.is_finite():
        raise ValidationError(_("The score must be a number."), code="invalid")
    low, high = to_decimal(low), to_decimal(high)
    if number < low or number > high:
        raise ValidationError(
            _("The score must be between %(min)s and %(max)s.") % {"min": _plain(low), "max": _plain(high)},
            code="out_of_range",
        )
    if number != number.quantize(VALUE_PLACES, rounding=ROUND_HALF_UP):
        raise ValidationError(_("The score may have at most two decimal places."), code="precision")
    return number.quantize(VALUE_PLACES)


def _plain(number: Decimal) -> str:
    """10.00 → "10", 7.50 → "7.5" (how a judge reads the range)."""
    text = format(number.normalize(), "f")
    return text
