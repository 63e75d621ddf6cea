"""The published demo password: accepted only in DEMO_MODE (dev settings, `make run`, tests).

The demo accounts (`manage.py seed_demo`) all share DEMO_PASSWORD, which is printed in
the README and on the console. Outside DEMO_MODE a database seeded by mistake must not
open with it: the sign-in backend (home/backends.py) refuses it on every login path, and
the password validator keeps anyone from setting it again.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DEMO_PASSWORD = "xanh-2022"  # noqa: S105 -- published demo password, refused outside DEMO_MODE

DEMO_PASSWORD_REFUSED = gettext_lazy(
    "The demo password is not allowed on this site. Ask an organiser of your programme for a new password."
)


def demo_password_refused(password) -> bool:
    """True when `password` is the demo password and the site is not in DEMO_MODE."""
    return (
        not getattr(settings, "DEMO_MODE", False)
        and isinstance(password, str)
        and constant_time_compare(password, DEMO_PASSWORD)
    )


class DemoPasswordValidator:
    """AUTH_PASSWORD_VALIDATORS: the demo password cannot be set outside DEMO_MODE."""

    def validate(self, password, user=None):
        if demo_password_refused(password):
            raise ValidationError(DEMO_PASSWORD_REFUSED, code="demo_password")

    def get_help_text(self):
        return _("Your password cannot be the published demo password.")
