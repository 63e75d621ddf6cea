"""Permission matrix: monitoring routes (board, reminders, report, programme API).

Officers (of the world's district) and organisers follow the world's programme; every
other signed-in role gets 403 (no officer's or organiser's role at all).
"""

from django.core.files.base import ContentFile
from django.urls import reverse

from tests.matrix.base import LOGIN, Route, everyone

BOARD = {
    "anonymous": LOGIN,
    "organiser": 200,
    "officer": 200,
    **dict.fromkeys(["teacher", "student", "judge", "outsider"], 403),
}
POSTED = {**BOARD, "organiser": 302, "officer": 302}
# The world's programme is not published: its summary is for its organisers and officers.
SUMMARY = {**BOARD, "anonymous": 401}
# A report job is its requester's (built with their scope): the organiser's job is not the officer's.
OWN_JOB = {**BOARD, "officer": 404}


def _board(name):
    return lambda w, o: reverse(f"workspace:{name}", args=[w.programme.slug])


def _job(world, done=False):
    from schools.models import ReportJob
    from schools.models.monitoring import ReportStatus

    job = ReportJob.objects.create(programme=world.programme, requested_by=world.organiser)
    if done:
        job.pdf.save("report.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        job.status = ReportStatus.DONE
        job.save()
    return job


ROUTES = {
    "workspace:monitoring": Route(lambda w, o: reverse("workspace:monitoring"), BOARD),
    "workspace:board": Route(_board("board"), BOARD),
    "workspace:board_export": Route(_board("board_export"), BOARD),
    "workspace:board_remind": Route(_board("board_remind"), POSTED, method="post", data={"all": "1"}),
    "workspace:report_start": Route(_board("report_start"), POSTED, method="post"),
    "workspace:report_job": Route(
        lambda w, o: reverse("workspace:report_job", args=[w.programme.slug, _job(w).pk]), OWN_JOB
    ),
    "workspace:report_download": Route(
        lambda w, o: reverse("workspace:report_download", args=[w.programme.slug, _job(w, done=True).pk, "pdf"]),
        OWN_JOB,
    ),
    "api:programme_list": Route(lambda w, o: reverse("api:programme_list"), everyone(200)),
    "api:programme_summary": Route(
        lambda w, o: reverse("api:programme_summary", kwargs={"slug": w.programme.slug}), SUMMARY
    ),
}
