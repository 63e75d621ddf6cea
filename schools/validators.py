"""Validators shared by every place that takes the same input (forms, imports, the admin)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# A run of at least 8 digits, allowing the separators people type in a phone number
# ("0912 345 678", "091.234.5678", "+84 (91) 234-5678"). Names with a short number
# ("Lan 2") stay allowed.
_PHONE = re.compile(r"\+?\d(?:[\s.\-()]*\d){7,}")


def validate_student_name(value: str) -> None:
    """A student's name is only a name: no e-mail address or phone number is ever stored (DESIGN §2).

    Used by the Student model field (so the admin and every service's full_clean()), the
    add-students form and the users import.
    """
    if "@" in value:
        raise ValidationError(
            _("“%(name)s” looks like an e-mail address: enter only the student's name, no e-mail.") % {"name": value},
            code="email_in_name",
        )
    if _PHONE.search(value):
        raise ValidationError(
            _("“%(name)s” looks like a phone number: enter only the student's name, no phone number.")
            % {"name": value},
            code="phone_in_name",
        )
