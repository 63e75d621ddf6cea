"""Reminders to late schools: a notice and an e-mail per teacher, a record, sent once."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.models import Notice
from schools.models import Reminder
from schools.monitoring.jobs import reminder_emails_send
from schools.monitoring.services import reminders_send
from tests.conftest import fresh
from tests.schools.monitoring.helpers import TODAY, build


def test_reminder_reaches_the_teachers_of_the_chosen_late_school(world, django_capture_on_commit_callbacks):
    programme, schools = build(world, 4)

    with django_capture_on_commit_callbacks(execute=True):
        reminders = reminders_send(
            programme=programme, user=fresh(world.officer), school_ids=[schools[3].pk, schools[1].pk], today=TODAY
        )

    assert [r.school_id for r in reminders] == [schools[3].pk]  # schools[1] is not late
    reminder = Reminder.objects.get()
    assert reminder.sent_by == world.officer
    assert reminder.recipients == 1
    assert reminder.late_items == [_("Action plan"), _("Final audit"), _("Reduction")]
    assert reminder.emailed_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["gv3@example.org"]
    assert "Trường THCS Số 0003" in mail.outbox[0].subject
    assert _("Final audit") in mail.outbox[0].body
    notice = Notice.objects.get(user__email="gv3@example.org")
    assert programme.name in notice.message


def test_reminder_to_every_late_school(world, django_capture_on_commit_callbacks):
    programme, schools = build(world, 7)

    with django_capture_on_commit_callbacks(execute=True):
        reminders = reminders_send(programme=programme, user=fresh(world.officer), today=TODAY)

    assert sorted(r.school_id for r in reminders) == sorted([world.school.pk, schools[3].pk, schools[6].pk])
    # world.school's teacher has the factory's e-mail; the others gvN@example.org
    assert len(mail.outbox) == 3
    assert Notice.objects.count() == 3


def test_reminder_emails_are_sent_once(world, django_capture_on_commit_callbacks):
    programme, schools = build(world, 4)
    with django_capture_on_commit_callbacks(execute=True):
        reminder = reminders_send(
            programme=programme, user=fresh(world.officer), school_ids=[schools[3].pk], today=TODAY
        )[0]

    assert reminder_emails_send(reminder=reminder) == 0
    assert len(mail.outbox) == 1


def test_a_school_reminded_within_the_hour_is_not_reminded_again(world, django_capture_on_commit_callbacks):
    programme, schools = build(world, 4)
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(programme=programme, user=fresh(world.officer), school_ids=[schools[3].pk], today=TODAY)

    with pytest.raises(ValidationError):
        reminders_send(programme=programme, user=fresh(world.officer), school_ids=[schools[3].pk], today=TODAY)
    assert Reminder.objects.count() == 1


def test_reminder_of_no_late_school_changes_nothing(world, client_for):
    programme, schools = build(world, 3)
    client = client_for(world.officer)

    response = client.post(reverse("workspace:board_remind", args=[programme.slug]), {"school": [str(schools[1].pk)]})

    assert response.status_code == 302
    assert Reminder.objects.count() == 0
    assert Notice.objects.count() == 0


def test_board_shows_who_reminded_when(world, client_for, django_capture_on_commit_callbacks):
    programme, schools = build(world, 4)
    client = client_for(world.officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("workspace:board_remind", args=[programme.slug]), {"school": [str(schools[3].pk), "x"]}
        )
    assert response.status_code == 302

    html = client.get(reverse("workspace:board", args=[programme.slug])).content.decode()

    reminder = Reminder.objects.get()
    assert f"{timezone.localtime(reminder.created_at):%d/%m}" in html
    assert world.officer.get_full_name() in html
