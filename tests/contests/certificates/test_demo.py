"""The certificates part of the demo does nothing (and says so) before results are published."""

import io

from contests.demo import certificates as demo_certificates
from contests.models import CertificateBatch, Implementation


def test_demo_without_selected_or_awarded_entries_makes_nothing_and_says_so(db):
    out = io.StringIO()
    demo_certificates.seed(stdout=out)
    assert "no selected water initiative yet" in out.getvalue()
    assert "no awards yet" in out.getvalue()
    assert not Implementation.objects.exists() and not CertificateBatch.objects.exists()
