"""Workspace routes of the schools app: schools, classes, students, login cards, imports."""

from django.urls import reverse

from tests.matrix.base import LOGIN, Route, organisers_only, school_of, signed_in


def _classroom(world, other):
    return world.other_classroom if other else world.classroom


def _student(world, other):
    from tests.factories import StudentFactory

    return StudentFactory(classroom=world.other_classroom) if other else world.student


def _student_url(name):
    def url(world, other):
        student = _student(world, other)
        return reverse(f"workspace:{name}", args=[student.school_id, student.classroom_id, student.pk])

    return url


def _import_job_url(world, other):
    """A finished schools import of the organiser (other: of the school's teacher)."""
    from schools.models import ImportJob

    job = ImportJob.objects.create(
        kind="schools",
        requested_by=world.teacher if other else world.organiser,
        status="done",
        result={"created": 1, "updated": 0, "unchanged": 0, "dry_run": False, "errors": [], "notes": []},
    )
    return reverse("workspace:import_job", args=[job.pk])


# Own class: teachers of the school and organisers act; officers and students see the
# school but not its class lists (403); others never see the school (404).
CLASS_ACCESS = {
    "anonymous": (LOGIN, LOGIN),
    "organiser": (200, 200),
    "officer": (403, 404),
    "teacher": (200, 404),
    "student": (403, 404),
    "judge": (404, 404),
    "outsider": (404, 404),
}


def _post_access(ok):
    return {
        role: ((ok, ok) if codes == (200, 200) else (ok, codes[1]) if codes[0] == 200 else codes)
        for role, codes in CLASS_ACCESS.items()
    }


ROUTES = {
    "workspace:home": Route(lambda w, o: reverse("workspace:home"), signed_in(200)),
    "workspace:schools": Route(
        lambda w, o: reverse("workspace:schools"),
        {**signed_in(200), "judge": 403, "outsider": 403},
    ),
    "workspace:school": Route(
        lambda w, o: reverse("workspace:school", args=[school_of(w, o).pk]),
        {
            "anonymous": (LOGIN, LOGIN),
            "organiser": (200, 200),
            "officer": (200, 404),
            "teacher": (200, 404),
            "student": (200, 404),
            "judge": (404, 404),
            "outsider": (404, 404),
        },
    ),
    "workspace:classes": Route(lambda w, o: reverse("workspace:classes", args=[school_of(w, o).pk]), CLASS_ACCESS),
    "workspace:classroom": Route(
        lambda w, o: reverse("workspace:classroom", args=[school_of(w, o).pk, _classroom(w, o).pk]), CLASS_ACCESS
    ),
    "workspace:login_cards": Route(
        lambda w, o: reverse("workspace:login_cards", args=[school_of(w, o).pk, _classroom(w, o).pk]),
        _post_access(302),
        method="post",
    ),
    "workspace:student_consent": Route(_student_url("student_consent"), _post_access(302), method="post"),
    "workspace:student_deactivate": Route(_student_url("student_deactivate"), _post_access(302), method="post"),
    "workspace:student_reactivate": Route(_student_url("student_reactivate"), _post_access(404), method="post"),
    # A child's data rights: the ZIP, and the erasure's confirmation page (the erasure itself is
    # a POST with the name typed again: tests/schools/students/test_data_rights.py).
    "workspace:student_export": Route(_student_url("student_export"), CLASS_ACCESS),
    "workspace:student_erase": Route(_student_url("student_erase"), CLASS_ACCESS),
    "workspace:import_schools": Route(lambda w, o: reverse("workspace:import_schools"), organisers_only()),
    "workspace:import_users": Route(lambda w, o: reverse("workspace:import_users"), organisers_only()),
    "workspace:import_schools_example": Route(
        lambda w, o: reverse("workspace:import_schools_example"), organisers_only()
    ),
    "workspace:import_users_example": Route(lambda w, o: reverse("workspace:import_users_example"), organisers_only()),
    # A background import's page: the importer's own job only (another's answers 404).
    "workspace:import_job": Route(
        _import_job_url,
        {
            "anonymous": LOGIN,
            "organiser": (200, 404),
            **dict.fromkeys(["officer", "teacher", "student", "judge", "outsider"], 404),
        },
    ),
}
