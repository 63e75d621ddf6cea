"""The public check of a certificate: /xac-thuc/<code>/ (no login).

A known, valid code shows what the certificate says, with the recipient named by the
consent rule as it stands now (the PDF names the child in full; the public page gives
initials and class without both consents), the school, the prize, the contest and programme, the date and the
issuer. Anything else — an unknown code, a malformed one, a very long one, path
tricks or unicode — answers the same "not found" page with status 404 and no hint
of why, so the page cannot be used to probe codes. The codes themselves carry 50
random bits. A revoked code (the student's data was erased, or a newer certificate
replaced it) answers so, with nothing of the child. Neither page is indexed by search engines.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from contests.certificates.document import code_display, code_normalise
from contests.certificates.jobs import organisation_name, recipient_of
from contests.certificates.selectors import certificate_by_code


def _not_found(request):
    response = render(request, "contests/certificates/verify_not_found.html", status=404)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
@never_cache
def verify_form(request):
    """The form to type a code; a typed code goes to its page (normalised: dashes, case, O/0, I/1)."""
    typed = request.GET.get("code")
    if typed is not None:
        code = code_normalise(typed)
        if code is None:
            return _not_found(request)
        return HttpResponseRedirect(reverse("certificate_verify", args=[code]))
    response = render(request, "contests/certificates/verify_form.html")
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
@never_cache
def verify(request, code):
    certificate = certificate_by_code(code)
    if certificate is None:
        return _not_found(request)
    if certificate.revoked_at is not None:
        response = render(
            request,
            "contests/certificates/verify_revoked.html",
            {
                "certificate": certificate,
                "code": code_display(certificate.code),
                "revoked_on": timezone.localtime(certificate.revoked_at).date(),
            },
        )
        response["X-Robots-Tag"] = "noindex"
        return response
    response = render(
        request,
        "contests/certificates/verify.html",
        {
            "certificate": certificate,
            "code": code_display(certificate.code),
            "recipient": recipient_of(certificate.entry, certificate.student, public=True),
            "issued_on": certificate.printed_on or timezone.localtime(certificate.batch.created_at).date(),
            "issuer": organisation_name(),
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response
