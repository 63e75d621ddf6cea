"""The one status → badge mapping."""

from django.template import engines

from contests.enums import BatchStatus
from home.badges import status_badge


def test_status_badge_of_registered_and_unknown_status():
    assert status_badge("contests.batch", BatchStatus.FAILED) == "text-bg-danger"
    assert status_badge("contests.batch", "done") == "text-bg-success"
    assert status_badge("contests.batch", "queued") == "text-bg-secondary"
    assert status_badge("schools.monitoring", "none") == "text-bg-light border"


def test_status_badge_filter_renders_the_mapping():
    template = engines["django"].from_string("{% load home_tags %}{{ status|status_badge:'contests.implementation' }}")

    assert template.render({"status": "in_progress"}) == "text-bg-primary"
