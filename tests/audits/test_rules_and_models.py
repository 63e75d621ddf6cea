"""Truth tables of the audit rules (obj=None, own school, other school) and the database's own checks."""

import uuid
from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from audits.categories import CATEGORIES
from audits.enums import Phase
from audits.models import AuditLine, WasteCategory
from tests.conftest import fresh
from tests.factories.audits import AuditLineFactory, AuditSessionFactory

ROLES = ["organiser", "officer", "teacher", "student", "judge", "outsider"]
SCHOOL_RULES = {
    # rule: roles allowed for (None, own school, other school)
    "audits.view_audits": (
        {"organiser", "officer", "teacher", "student"},
        {"organiser", "officer", "teacher", "student"},
        {"organiser"},
    ),
    "audits.record_audit": ({"organiser", "teacher", "student"}, {"organiser", "teacher", "student"}, {"organiser"}),
    "audits.verify_audit": ({"organiser", "teacher"}, {"organiser", "teacher"}, {"organiser"}),
    "audits.correct_audit": ({"organiser", "teacher"}, {"organiser", "teacher"}, {"organiser"}),
    "audits.import_audits": ({"organiser", "teacher"}, {"organiser", "teacher"}, {"organiser"}),
}


@pytest.mark.parametrize("rule", sorted(SCHOOL_RULES))
@pytest.mark.parametrize("role", ROLES)
def test_school_rule_truth_table(world, rule, role):
    user = fresh(world.user_for(role))
    expected = [role in allowed for allowed in SCHOOL_RULES[rule]]
    actual = [user.has_perm(rule), user.has_perm(rule, world.school), user.has_perm(rule, world.other_school)]
    assert actual == expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("published", [False, True])
def test_programme_rules_truth_table(world, role, published):
    world.programme.is_published = published
    user = fresh(world.user_for(role))
    results = role in ("organiser", "officer")
    assert user.has_perm("audits.view_programme_results", world.programme) is results
    assert user.has_perm("audits.view_programme_summary", world.programme) is (results or published)
    assert user.has_perm("audits.view_programme_results") is results
    assert user.has_perm("audits.manage_wastecategory") is (role == "organiser")


def test_anonymous_sees_only_published_summaries(world):
    from django.contrib.auth.models import AnonymousUser

    assert not AnonymousUser().has_perm("audits.view_programme_summary", world.programme)
    world.programme.is_published = True
    assert AnonymousUser().has_perm("audits.view_programme_summary", world.programme)
    assert not AnonymousUser().has_perm("audits.view_programme_results", world.programme)


def test_categories_are_seeded_in_both_languages(db):
    codes = set(WasteCategory.objects.values_list("code", flat=True))
    assert {row[0] for row in CATEGORIES} <= codes
    nylon = WasteCategory.objects.get(code="lvp_nylon_bag")
    assert (nylon.name_vi, nylon.name_en, nylon.is_low_value_plastic, nylon.parent.code) == (
        "Túi ni lông",
        "Plastic bags",
        True,
        "low_value_plastic",
    )
    battery = WasteCategory.objects.get(code="battery")
    assert (battery.measured_by, battery.is_hazardous) == ("count", True)


def test_category_in_use_cannot_be_deleted_only_retired(world):
    line = AuditLineFactory(session=AuditSessionFactory(school=world.school))
    with pytest.raises(ProtectedError):
        line.category.delete()
    line.category.retired = True
    line.category.save()
    from audits.selectors import recordable_categories

    assert line.category not in recordable_categories()


def test_database_refuses_duplicates_and_bad_values(world):
    session = AuditSessionFactory(school=world.school, date=date(2022, 10, 17))
    cases = [
        lambda: AuditSessionFactory(school=world.school, date=date(2022, 10, 17), period=session.period),
        lambda: AuditSessionFactory(
            school=world.school, date=date(2022, 10, 18), period=session.period, client_id=session.client_id
        ),
        lambda: AuditSessionFactory(
            school=world.school, date=date(2022, 10, 19), period=session.period, students_present=0
        ),
        lambda: AuditLine.objects.create(session=session, category=WasteCategory.objects.get(code="paper"), mass_g=-1),
        lambda: AuditLine.objects.create(
            session=session, category=WasteCategory.objects.get(code="paper"), mass_g=1_000_001
        ),
    ]
    for make in cases:
        with pytest.raises(IntegrityError), transaction.atomic():
            make()
    AuditLine.objects.create(session=session, category=WasteCategory.objects.get(code="glass"), mass_g=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditLine.objects.create(session=session, category=WasteCategory.objects.get(code="glass"), mass_g=6)


def test_wrong_phase_period_is_refused_by_the_form_of_another_period(world, periods, client_for):
    """A day dated in the final week cannot be recorded on the baseline form."""
    from django.urls import reverse

    from tests.audits.support import day_post

    client = client_for(world.teacher)
    response = client.post(
        reverse("audits:day_new", args=[world.school.pk, periods[Phase.BASELINE].pk]),
        day_post(client_id=uuid.uuid4(), date="2022-12-06"),
    )
    assert response.status_code == 400
