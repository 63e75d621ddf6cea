"""Sign-in backend: Django's ModelBackend, refusing the demo password outside DEMO_MODE.

It stands in AUTHENTICATION_BACKENDS where ModelBackend stood, so every path through
`authenticate()` (the workspace login, the Wagtail admin login, `Client.login`) meets the
same check. A refusal raises PermissionDenied, which ends `authenticate()` (no later
backend is asked) and counts as a failed login for django-axes; the request is marked
`demo_password_refused` so the login forms can say why (home/forms.py).
"""

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from home.demo_password import demo_password_refused


class DemoAwareModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if demo_password_refused(password):
            if request is not None:
                request.demo_password_refused = True
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)
