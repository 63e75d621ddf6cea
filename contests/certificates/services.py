"""Certificates: starting a batch (its task is queued on commit) and taking an erased
student's names off certificates. The batch is made in contests/certificates/jobs.py,
which the task runs; the two are the only writers of CertificateBatch and Certificate.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from contests.certificates.document import certificate_pdf
from contests.certificates.jobs import (
    PlannedCertificate,
    archive_write,
    certificate_place,
    certificate_plan,
    certificate_text,
    organisation_name,
)
from contests.certificates.tasks import make_certificate_batch
from contests.enums import BatchStatus, CertificateRevocation
from contests.models import Certificate, CertificateBatch, Contest
from home.storage import files_delete_on_commit
from schools.students.data_rights import ERASED

# The error of a batch found stale (CertificateBatch.is_stale), stored in Vietnamese.
BATCH_INTERRUPTED = gettext_lazy("Making the certificates was interrupted; please start a new batch.")


def certificate_batch_start(
    *, contest: Contest, user, include_participants: bool = False, now=None
) -> CertificateBatch:
    """Queue a batch (task on commit). Refused while another batch of the contest is being
    made, and when there is nothing to certify. A batch stale at `now` (no heartbeat for
    BATCH_STALE_AFTER: its worker was lost) is marked failed and no longer blocks; the new
    batch issues new codes, and the certificates the stale one made stay valid."""
    now = now or timezone.now()
    with transaction.atomic():
        Contest.objects.select_for_update().filter(pk=contest.pk).first()
        active = list(
            CertificateBatch.objects.filter(contest=contest, status__in=[BatchStatus.QUEUED, BatchStatus.RUNNING])
        )
        busy = [batch for batch in active if not batch.is_stale(now)]
        if not busy:
            with override("vi"):
                error = str(BATCH_INTERRUPTED)
            CertificateBatch.objects.filter(pk__in=[batch.pk for batch in active]).update(
                status=BatchStatus.FAILED, error=error, finished_at=now
            )
        if busy:
            raise ValidationError(_("Certificates of this contest are being made. Wait until they are done."))
        batch = CertificateBatch(contest=contest, include_participants=include_participants, requested_by=user)
        batch.total = len(certificate_plan(batch))
        if batch.total == 0:
            raise ValidationError(_("There is nothing to certify yet: this contest has no prizes awarded."))
        batch.full_clean()
        batch.save()

        batch_id = batch.pk
        transaction.on_commit(lambda: make_certificate_batch.delay(batch_id))
    return batch


# --- a student's erasure (schools.students.services_erase, through contests.entries.student_data) ---


def _recipient_without(recipient: str, forms: list[str], marker: str) -> str:
    for form in forms:
        if form and form in recipient:
            return recipient.replace(form, marker, 1)
    return recipient


@transaction.atomic
def certificates_anonymise(*, student, names) -> None:
    """Take an erased student's names off certificates.

    The student's own certificates are revoked (their codes answer so on the public
    check), print ERASED instead of the name and lose their PDF (it belonged to them
    only). Their teams' certificates stay valid for the others: they print ERASED in
    place of the name they printed, and get a new PDF (a new batch makes them again
    with new codes, if the organiser wants). Every ZIP of an affected batch is
    written again from its PDFs. Old files are deleted once the erasure commits.
    """

    classroom = student.classroom.name
    forms = [*(f"{name} ({classroom})" for name in names if name), *names, f"{student.initials} ({classroom})"]
    related = ("batch__contest__programme__area", "entry__school", "award__tier")
    own = list(Certificate.objects.filter(student=student).select_related(*related))
    team = list(
        Certificate.objects.filter(student__isnull=True, entry__members__student=student).select_related(*related)
    )
    # The names are taken now: saving a new PDF renames the FieldFile in place.
    files_delete_on_commit(*[c.file for c in own], *[c.file for c in team])
    for certificate in own:
        Certificate.objects.filter(pk=certificate.pk).update(
            recipient=ERASED, file="", revoked_at=timezone.now(), revoked_reason=CertificateRevocation.ERASED
        )
    organisation = organisation_name()
    for certificate in team:
        certificate.recipient = _recipient_without(certificate.recipient, forms, ERASED)
        fields = {"recipient": certificate.recipient}
        if certificate.file:
            item = PlannedCertificate(certificate.entry, certificate.award, None)
            batch = certificate.batch
            pdf = certificate_pdf(
                certificate_text(batch, certificate, item, organisation, certificate_place(batch.contest))
            )
            certificate.file.save(f"{certificate.code}.pdf", ContentFile(pdf), save=False)
            fields["file"] = certificate.file.name
        Certificate.objects.filter(pk=certificate.pk).update(**fields)
    batch_ids = {c.batch_id for c in own + team}
    for batch in CertificateBatch.objects.filter(pk__in=batch_ids).exclude(archive=""):
        made = [
            (c, PlannedCertificate(c.entry, c.award, c.student))
            for c in Certificate.objects.filter(batch=batch)
            .exclude(file="")
            .select_related("entry", "award", "student")
        ]
        archive_write(batch, made, delete_old_on_commit=True)
