from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from home.text import has_control_characters

_API_PREFIX = "/api/"
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class VietnameseFirstLocaleMiddleware:
    """Vietnamese for everyone unless they chose English with the switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, which gives
    an English page to a teacher whose phone is set to English; the platform's
    audience reads Vietnamese, so only the language cookie (set by the switch) counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        response.headers.setdefault("Vary", "Cookie")
        return response


class ControlCharacterMiddleware:
    """Answers 400 (the styled page) to NUL and other control characters in the input.

    The one place that guards the path, every query parameter and form field, the admin's
    and the API's included: a name may hold none, a value only tab, newline and carriage return
    (a textarea's lines); an uploaded file's name none. Nobody types them; PostgreSQL refuses NUL in text with an error,
    so letting one through turns into a 500. JSON bodies are the API's own (it only reads).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._refused(request):
            return self.get_response(request)
        reason = _(
            "The address or the form holds invisible control characters (such as NUL). "
            "Type the text again without them."
        )
        if request.path.startswith(_API_PREFIX):  # the API's error shape (config/api.py)
            return JsonResponse({"code": "bad_request", "detail": reason}, status=400)
        return render(request, "400.html", {"reason": reason}, status=400)

    def _refused(self, request) -> bool:
        if has_control_characters(request.path_info, multiline=False):  # "/api/v1/programmes/%00/summary/"
            return True
        fields = [request.GET]
        if request.method == "POST" and request.content_type in _FORM_TYPES:
            fields.append(request.POST)
            for key, files in request.FILES.lists():
                if any(has_control_characters(name, multiline=False) for name in [key, *(f.name or "" for f in files)]):
                    return True
        for data in fields:
            for key, values in data.lists():
                if has_control_characters(key, multiline=False):
                    return True
                if any(has_control_characters(v) for v in values):
                    return True
        return False


class SiteCSPMiddleware(CSPMiddleware):
    """The site's Content Security Policy (settings.CONTENT_SECURITY_POLICY: scripts from
    our own files only, no inline script), with one exception: the Wagtail admin, whose
    own templates still carry inline scripts, also gets 'unsafe-inline' for scripts.
    Organisers sign in there; children and the public never reach it."""

    ADMIN_PREFIX = "/admin/"

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path.startswith(self.ADMIN_PREFIX):
            update = dict(parts.update or {})
            update["script-src"] = [*update.get("script-src", []), "'unsafe-inline'"]
            parts.update = update
        return parts
