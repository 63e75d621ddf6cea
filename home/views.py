from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.utils.translation import gettext as _

from home.forms import LoginForm


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    """Also clears the one-time flag of a password printed on a login card."""

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.user.must_change_password:
            form.user.must_change_password = False
            form.user.save(update_fields=["must_change_password"])
        messages.success(self.request, _("Your password has been changed."))
        return response


def search(request):
    raise NotImplementedError
