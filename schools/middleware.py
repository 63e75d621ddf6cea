"""Send a person signed in with a one-time password (a login card) to choose their own first."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Pages reachable before the password is changed: changing it, leaving, switching language.
_ALLOWED_URL_NAMES = ("password_change", "password_change_done", "logout", "set_language")


class OneTimePasswordMiddleware:
    """Redirect authenticated users with `must_change_password` to the password change page.

    Goes after AuthenticationMiddleware and MessageMiddleware. Static and media files,
    logout, the language switch and the password change pages themselves pass through.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._allowed_paths = None

    def _allowed(self, path: str) -> bool:
        if self._allowed_paths is None:
            self._allowed_paths = {reverse(name) for name in _ALLOWED_URL_NAMES}
        prefixes = [p for p in (settings.STATIC_URL, settings.MEDIA_URL) if p and p != "/"]
        return path in self._allowed_paths or any(path.startswith(prefix) for prefix in prefixes)

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "must_change_password", False)
            and not self._allowed(request.path)
        ):
            messages.info(
                request,
                _("Please choose your own password: the one on your login card works only once."),
                fail_silently=True,
            )
            return redirect("password_change")
        return self.get_response(request)
