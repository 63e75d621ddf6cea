"""The demo waste audits of the Nam Từ Liêm programme (audits/demo.py), loaded by seed_demo."""

import io

from django.core.management import call_command

from audits.models import AuditSession
from audits.results import programme_results
from schools.models import Programme


def test_demo_gives_24_schools_five_days_each_and_about_20_percent(seeded):
    programme = Programme.objects.get(slug="nhua-gia-tri-thap-nam-tu-liem-2022")
    results = programme_results(programme)
    assert (results.schools_enrolled, results.schools_paired) == (24, 24)
    assert AuditSession.objects.filter(period__programme=programme).count() == 240
    assert 18 <= results.reduction_pct <= 23
    assert sum(1 for s in results.schools if "abnormal_excluded" in s.flags) == 3


def test_demo_seed_twice_adds_no_audit_day(seeded):
    call_command("seed_demo", stdout=io.StringIO())
    assert AuditSession.objects.count() == 240
