"""Permission matrix: certificates (organiser batches, PDFs, a school's list, the public
check) and the implementation records of selected initiatives.

Objects belong to the world's school (own) or the other school (other, in another
district: its objects answer 404 to everyone but organisers). The world's organiser is
a global organiser; the judge holds no school, so every school object answers 404.
"""

from django.urls import reverse

from tests.matrix.base import LOGIN, Route, everyone, organisers_only, school_of

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00"
    b"\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _school_access(*, organiser, officer, teacher, student):
    """Codes for a school's object: `x` for own, 404 for another school's (organisers see all)."""
    return {
        "anonymous": (LOGIN, LOGIN),
        "organiser": (organiser, organiser),
        "officer": (officer, 404),
        "teacher": (teacher, 404),
        "student": (student, 404),
        "judge": (404, 404),
        "outsider": (404, 404),
    }


VIEW = _school_access(organiser=200, officer=200, teacher=200, student=200)
UPDATE = _school_access(organiser=302, officer=403, teacher=302, student=403)
DOWNLOAD = _school_access(organiser=200, officer=403, teacher=200, student=403)
SIGNED_IN_ROLES = {
    "anonymous": LOGIN,
    "organiser": 200,
    "officer": 200,
    "teacher": 200,
    "student": 200,
    "judge": 403,
    "outsider": 403,
}


def _batch(world, other=False):
    """A finished batch with one certificate (stand-in files: the matrix tests access, not PDFs)."""
    from django.core.files.base import ContentFile

    from contests.enums import BatchStatus
    from contests.models import Certificate
    from tests.factories.contests import CertificateBatchFactory, awarded_contest

    contest, (award,) = awarded_contest(
        programme=world.programme, school=school_of(world, other), tiers=[("Giải Nhất", 1)], members=1
    )
    batch = CertificateBatchFactory(contest=contest, requested_by=world.organiser, status=BatchStatus.DONE)
    batch.archive.save("batch.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18))
    certificate = Certificate(batch=batch, entry=award.entry, award=award, recipient="T.M.A. (6A1)", code="7K3QMX9D2F")
    certificate.file.save("7K3QMX9D2F.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    return batch


def _contest_url(name):
    def url(world, other):
        from tests.factories.contests import awarded_contest

        contest, _awards = awarded_contest(programme=world.programme, school=world.school, members=1)
        return reverse(f"contests:{name}", args=[contest.slug])

    return url


def _batch_url(name):
    def url(world, other):
        batch = _batch(world)
        return reverse(f"contests:{name}", args=[batch.contest.slug, batch.pk])

    return url


def _certificate_pdf_url(world, other):
    batch = _batch(world, other)
    return reverse("contests:certificate_pdf", args=[batch.certificates.get().pk])


def _verify_url(world, other):
    batch = _batch(world)
    return reverse("certificate_verify", args=[batch.certificates.get().code])


def _selected(world, other):
    from tests.factories.contests import selected_entry

    return selected_entry(programme=world.programme, school=school_of(world, other), title="Tiết kiệm nước")


def _entry_url(name):
    return lambda w, o: reverse(f"contests:{name}", args=[_selected(w, o).pk])


def _milestone_url(name, photo=False):
    def url(world, other):
        from django.core.files.base import ContentFile

        from contests.models import Implementation, Milestone

        entry = _selected(world, other)
        implementation = Implementation.objects.create(entry=entry)
        milestone = Milestone.objects.create(implementation=implementation, date="2023-03-01", title="Lắp van")
        if photo:
            milestone.photo.save("x.png", ContentFile(PNG), save=True)
        return reverse(f"contests:{name}", args=[entry.pk, milestone.pk])

    return url


def _implementations_url(world, other):
    entry = _selected(world, other)
    return reverse("contests:implementations", args=[entry.contest.slug])


ROUTES = {
    "contests:certificates": Route(_contest_url("certificates"), organisers_only()),
    "contests:certificate_batch_start": Route(
        _contest_url("certificate_batch_start"), {**organisers_only(), "organiser": 302}, method="post"
    ),
    "contests:certificate_batch": Route(_batch_url("certificate_batch"), organisers_only()),
    "contests:certificate_batch_zip": Route(_batch_url("certificate_batch_zip"), organisers_only()),
    "contests:certificate_pdf": Route(_certificate_pdf_url, DOWNLOAD),
    "contests:school_certificates": Route(
        lambda w, o: reverse("contests:school_certificates", args=[school_of(w, o).pk]), DOWNLOAD
    ),
    "contests:implementations": Route(_implementations_url, SIGNED_IN_ROLES),
    "contests:implementation": Route(_entry_url("implementation"), VIEW),
    "contests:implementation_update": Route(
        _entry_url("implementation_update"),
        UPDATE,
        method="post",
        data={"status": "in_progress", "progress_pct": "40", "summary": "Đã lắp 3 van"},
    ),
    "contests:milestone_add": Route(
        _entry_url("milestone_add"), UPDATE, method="post", data={"date": "2023-03-01", "title": "Lắp van tiết kiệm"}
    ),
    "contests:milestone_delete": Route(_milestone_url("milestone_delete"), UPDATE, method="post"),
    "contests:milestone_photo": Route(_milestone_url("milestone_photo", photo=True), VIEW),
    "contests:indicator_save": Route(
        _entry_url("indicator_save"),
        UPDATE,
        method="post",
        data={"name": "Nước tiết kiệm được", "unit": "m³", "value": "12.5", "target": "40"},
    ),
    "certificate_verify": Route(_verify_url, everyone(200)),
    "certificate_verify_form": Route(lambda w, o: reverse("certificate_verify_form"), everyone(200)),
}
