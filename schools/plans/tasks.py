"""E-mails about action plans, in Vietnamese, sent by Celery after the commit."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from schools.models import ActionPlan


def plan_emails_send(*, plan: ActionPlan, event: str, number, users) -> int:
    url = settings.WAGTAILADMIN_BASE_URL + reverse("workspace:plan", args=[plan.programme_id, plan.school_id])
    with override("vi"):
        values = {"school": plan.school.name, "programme": plan.programme.name, "number": number, "url": url}
        subjects = {
            "submitted": _("Action plan submitted: %(school)s"),
            "returned": _("Action plan returned with comments: %(school)s"),
            "approved": _("Action plan approved: %(school)s"),
        }
        bodies = {
            "submitted": _(
                "%(school)s submitted version %(number)s of its action plan for “%(programme)s”.\n\n"
                "Review it here: %(url)s"
            ),
            "returned": _(
                "The action plan of %(school)s for “%(programme)s” (version %(number)s) was returned with "
                "comments.\n\nRead the comments, fix the plan and submit it again: %(url)s"
            ),
            "approved": _(
                "The action plan of %(school)s for “%(programme)s” (version %(number)s) was approved.\n\n"
                "See and print it here: %(url)s"
            ),
        }
        subject, body = subjects[event] % values, bodies[event] % values
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [u.email]) for u in users if u.email]
    return send_mass_mail(messages) if messages else 0


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=5)
def send_plan_emails(self, plan_id: int, event: str, number, user_ids: list[int]) -> int:
    plan = ActionPlan.objects.select_related("school", "programme").filter(pk=plan_id).first()
    if plan is None:
        return 0
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    return plan_emails_send(plan=plan, event=event, number=number, users=users)
