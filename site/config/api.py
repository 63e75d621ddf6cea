"""The read-only JSON API under /api/v1/ (django-ninja: OpenAPI schema at /api/v1/openapi.json).

Each app adds its router here; permissions are the apps' rules, checked by name.

Every error body is `{"code": <stable machine code>, "detail": <message in the request's
language, Vietnamese by default>}`; a 422 adds `errors`, ninja's list of what failed.
Clients branch on `code`, never on `detail`.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from audits.api import router as audits_router
from contests.api import router as contests_router
from schools.api import router as schools_router

api = NinjaAPI(
    title="Green School API",
    version="1",
    urls_namespace="api",
    description="Aggregate figures of programmes. Published programmes are public; nothing per person.",
)
api.add_router("/", schools_router)
api.add_router("/", audits_router)
api.add_router("/", contests_router)


ERROR_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    422: "invalid",
    429: "throttled",
}


def error_body(status: int, detail: str) -> dict:
    return {"code": ERROR_CODES.get(status, "error"), "detail": detail}


@api.exception_handler(HttpError)
def _http_error(request, exc):
    # The routers raise HttpError with a message already translated (gettext at request time).
    return api.create_response(request, error_body(exc.status_code, str(exc)), status=exc.status_code)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, error_body(404, _("Not found.")), status=404)


@api.exception_handler(PermissionDenied)
def _permission_denied(request, exc):
    return api.create_response(request, error_body(403, _("You may not see this.")), status=403)


@api.exception_handler(AuthenticationError)
def _not_authenticated(request, exc):
    return api.create_response(request, error_body(401, _("Sign in first.")), status=401)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    body = error_body(422, _("Some parameters of the request are not valid."))
    body["errors"] = exc.errors
    return api.create_response(request, body, status=422)
