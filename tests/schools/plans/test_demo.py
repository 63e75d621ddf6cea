"""The demo's action plans: every state, Cầu Diễn left to start from, and idempotent."""

import io

import pytest
from django.db.models import Count

from home.demo import seed as seed_home
from schools.demo import seed
from schools.models import ActionPlan, PlanVersion, Programme, ReviewComment

pytestmark = pytest.mark.django_db


def test_demo_plans_cover_every_state_and_a_second_run_changes_nothing():
    seed_home(stdout=io.StringIO(), password="xanh-2022")
    seed(stdout=io.StringIO(), password="xanh-2022")
    programme = Programme.objects.get(slug="nhua-gia-tri-thap-nam-tu-liem-2022")
    counts = dict(ActionPlan.objects.filter(programme=programme).values_list("status").annotate(n=Count("id")))
    assert counts == {"approved": 17, "returned": 3, "submitted": 2, "draft": 1}
    assert not ActionPlan.objects.filter(school__code="ntl-thcs-cau-dien").exists()
    assert ReviewComment.objects.filter(version__plan__status="returned").count() >= 3
    assert PlanVersion.objects.filter(plan__school__code="ntl-thcs-doan-thi-diem").count() == 2
    assert str(programme.plan_deadline) == "2022-11-15"
    before = (ActionPlan.objects.count(), PlanVersion.objects.count(), ReviewComment.objects.count())
    seed(stdout=io.StringIO(), password="xanh-2022")
    assert (ActionPlan.objects.count(), PlanVersion.objects.count(), ReviewComment.objects.count()) == before
