from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A login. Vietnamese names are one string, so `full_name` replaces first/last.

    Students may have a login made by their teacher: they never give an e-mail, and
    their first password is one-time (`must_change_password`).
    """

    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    must_change_password = models.BooleanField(
        _("must change password"),
        default=False,
        help_text=_("Set for one-time passwords printed on login cards."),
    )
    welcome_sent_at = models.DateTimeField(_("welcome e-mail sent at"), null=True, blank=True, editable=False)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.full_name or self.username

    def get_full_name(self):
        return self.full_name or super().get_full_name() or self.username

    def get_short_name(self):
        return self.get_full_name()
