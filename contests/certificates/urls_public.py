"""Public routes of contests (no login): certificate verification and the like.

Included at the site root without a namespace (site/config/urls.py), before Wagtail's
pages: route names are unique (`certificate_verify`), paths are short for chat apps.
Everything under /xac-thuc/ reaches the verification view, so malformed codes get its
404 page too.
"""

from django.urls import path

from contests.certificates import views_verify as verify

urlpatterns = [
    path("xac-thuc/", verify.verify_form, name="certificate_verify_form"),
    path("xac-thuc/<path:code>/", verify.verify, name="certificate_verify"),
]
