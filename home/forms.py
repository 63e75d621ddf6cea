from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from home.demo_password import DEMO_PASSWORD_REFUSED


class DemoPasswordMessageMixin:
    """Says why a sign-in failed when the backend refused the demo password (home/backends.py)."""

    def get_invalid_login_error(self):
        if getattr(self.request, "demo_password_refused", False):
            return forms.ValidationError(DEMO_PASSWORD_REFUSED, code="demo_password")
        return super().get_invalid_login_error()


class LoginForm(DemoPasswordMessageMixin, AuthenticationForm):
    """Django's login form with the label children and teachers recognise.

    `remember` is unticked by default: on a school's shared computer the session ends when
    the browser closes (home.views.LoginView).
    """

    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocapitalize": "none", "autocomplete": "username"}),
    )
    remember = forms.BooleanField(
        label=_("Remember this device (only on a phone or computer of your own)"), required=False, initial=False
    )


class AdminLoginForm(DemoPasswordMessageMixin, WagtailLoginForm):
    """Wagtail's admin login with a translatable label on the password field (Wagtail leaves it bare)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
