"""Making a certificate batch: its PDFs and ZIP (what the task `make_certificate_batch` runs;
with contests/certificates/services.py, the only writers of CertificateBatch and Certificate).

What a batch holds (decided when its task runs, in a fixed order):
- one certificate per Award of the contest, for the team: the recipient is the team's
  names in full with their classes (`printed_name`: the certificate is the children's
  own document, handed over by the school, not a publication), the school printed
  beneath; a team without students is named by its school;
- with `include_participants`, also one per team member of every entry that went
  forward to judging (eligible, advanced, awarded, selected), erased students excepted:
  their own name, with the team's prize when it has one, else "took part".
The public verification page names them by the consent rule instead (`recipient_of`
with public=True, read at each request), so a consent given or withdrawn later needs no
new certificate. The date printed is the publication date of the contest's results
(`results_published_on`), else the batch's date.

A new batch makes the certificates again: each earlier valid certificate of the same
entry and student answers "replaced" (`replaced_by`) once the new one is made; the new
ones carry new codes.

Idempotent: a certificate is made once per batch (database constraint on batch, entry
and student) and its PDF once; a task that runs again (a retry, a redelivery after a
lost worker with late acks) finishes the missing ones and writes the ZIP, so progress
`done/total` only grows.
"""

import logging
import tempfile
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from contests.certificates.document import CertificateText, certificate_pdf, code_new
from contests.enums import ENTRY_IN_JUDGING, BatchStatus, CertificateRevocation
from contests.models import Award, Certificate, CertificateBatch, Entry, EntryMember, ResultSnapshot
from home.models import SiteSettings

logger = logging.getLogger(__name__)


DEFAULT_ORGANISATION = "Trung tâm Nghiên cứu Môi trường và Cộng đồng (CECR)"


RECIPIENT_MAX = 200


@dataclass(frozen=True)
class PlannedCertificate:
    entry: Entry
    award: Award | None
    student: object | None  # schools.Student for a participant's own certificate


def _members(entry) -> list:
    """The team in print order: the lead first, then by name (members prefetched)."""
    members = sorted(entry.members.all(), key=lambda m: (not m.is_lead, m.student.display_name, m.student_id))
    return [m.student for m in members]


def printed_name(student) -> str:
    """A child's name as printed on a certificate: in full, with the class (an erased student's marker alone)."""
    if student.erased_at is not None:
        return student.display_name
    return f"{student.display_name} ({student.classroom.name})"


def recipient_of(entry, student=None, *, public: bool = False) -> str:
    """The name printed on a certificate (in full), or with `public` as the public
    verification page shows it (`Student.public_name`: full only with both consents)."""
    name_of = (lambda s: s.public_name) if public else printed_name
    if student is not None:
        return name_of(student)[:RECIPIENT_MAX]
    names = ", ".join(name_of(s) for s in _members(entry))
    if not names:
        return entry.school.name[:RECIPIENT_MAX]
    return names if len(names) <= RECIPIENT_MAX else names[: RECIPIENT_MAX - 1] + "…"


def results_published_on(contest):
    """The Hà Nội date on which the contest's results were (last) published, or None."""
    published = (
        ResultSnapshot.objects.filter(round__contest=contest, is_published=True, published_at__isnull=False)
        .order_by("-published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return timezone.localtime(published).date() if published else None


def certificate_plan(batch: CertificateBatch) -> list[PlannedCertificate]:
    """The certificates a batch makes, in a fixed order (three queries)."""
    member_prefetch = EntryMember.objects.select_related("student__classroom")
    awards = list(
        Award.objects.filter(contest_id=batch.contest_id)
        .select_related("tier", "entry__school")
        .prefetch_related(Prefetch("entry__members", queryset=member_prefetch))
        .order_by("tier__order", "entry__code")
    )
    plan = [PlannedCertificate(award.entry, award, None) for award in awards]
    if batch.include_participants:
        award_of = {award.entry_id: award for award in awards}
        entries = (
            Entry.objects.filter(contest_id=batch.contest_id, status__in=ENTRY_IN_JUDGING)
            .select_related("school")
            .prefetch_related(Prefetch("members", queryset=member_prefetch))
            .order_by("code")
        )
        for entry in entries:
            for student in _members(entry):
                if student.erased_at is not None:
                    continue
                plan.append(PlannedCertificate(entry, award_of.get(entry.pk), student))
    return plan


def organisation_name() -> str:
    """The issuer printed on certificates: the site settings' organisation, else CECR."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return DEFAULT_ORGANISATION
    site_settings = SiteSettings.for_site(site)
    name = site_settings.organisation_name.strip()
    if not name:
        return DEFAULT_ORGANISATION
    short = site_settings.short_name.strip()
    return f"{name} ({short})" if short and short not in name else name


def certificate_place(contest) -> str:
    area = contest.programme.area
    return area.get_root().name if area is not None else ""


def verify_url(code: str) -> str:
    """The absolute address printed on a certificate (BASE_URL, as in e-mails)."""
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return base.rstrip("/") + reverse("certificate_verify", args=[code])


def _replace_earlier(batch, certificate) -> None:
    """Earlier valid certificates of the same entry and student now answer "replaced"."""
    Certificate.objects.filter(
        batch__contest_id=batch.contest_id,
        batch_id__lt=batch.pk,
        entry_id=certificate.entry_id,
        student_id=certificate.student_id,
        revoked_at__isnull=True,
    ).update(revoked_at=timezone.now(), revoked_reason=CertificateRevocation.REPLACED, replaced_by=certificate)


def _certificate_for(batch, item: PlannedCertificate, printed_on=None) -> Certificate:
    """The batch's certificate for a planned item, made once (a concurrent maker loses the race harmlessly)."""
    existing = Certificate.objects.filter(batch=batch, entry=item.entry, student=item.student).first()
    if existing is not None:
        return existing
    for _attempt in range(5):
        certificate = Certificate(
            batch=batch,
            entry=item.entry,
            award=item.award,
            student=item.student,
            recipient=recipient_of(item.entry, item.student),
            code=code_new(),
            printed_on=printed_on or timezone.localtime(batch.created_at).date(),
        )
        try:
            with transaction.atomic():
                certificate.save()
                _replace_earlier(batch, certificate)
            return certificate
        except IntegrityError:
            existing = Certificate.objects.filter(batch=batch, entry=item.entry, student=item.student).first()
            if existing is not None:
                return existing  # made by another run of the task
            # else: the random code collided with another certificate's; draw again
    raise RuntimeError("could not draw a free certificate code")


def certificate_text(batch, certificate, item, organisation, place) -> CertificateText:
    contest = batch.contest
    issued = certificate.printed_on or timezone.localtime(batch.created_at).date()
    return CertificateText(
        organisation=organisation,
        recipient=certificate.recipient,
        school=item.entry.school.name,
        prize=item.award.tier.name if item.award else "",
        team_prize=item.student is not None,
        entry_title=item.entry.title or item.entry.text[:120],
        contest=contest.title,
        programme=contest.programme.name,
        place=place,
        issued_on=issued,
        code=certificate.code,
        verify_url=verify_url(certificate.code),
    )


def _zip_name(certificate, item) -> str:
    who = f"-hs{item.student.pk}" if item.student is not None else ""
    return f"{item.entry.code}{who}-{certificate.code}.pdf"


def certificate_batch_make(*, batch_id: int) -> CertificateBatch | None:
    """Make the batch's missing certificates and PDFs, then its ZIP. Safe to run again.

    A failed batch is left as it is: it failed, or certificate_batch_start found it stale
    and a new batch replaced it, so a late redelivery of its task must not revive it.
    Every certificate made touches the heartbeat (BATCH_STALE_AFTER).
    """
    batch = CertificateBatch.objects.select_related("contest__programme__area").filter(pk=batch_id).first()
    if batch is None or (batch.status == BatchStatus.DONE and batch.archive) or batch.status == BatchStatus.FAILED:
        return batch
    CertificateBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.RUNNING, error="", heartbeat_at=timezone.now()
    )
    try:
        plan = certificate_plan(batch)
        organisation, place = organisation_name(), certificate_place(batch.contest)
        printed_on = results_published_on(batch.contest)
        CertificateBatch.objects.filter(pk=batch.pk).update(total=len(plan))
        made = []
        for done, item in enumerate(plan, start=1):
            certificate = _certificate_for(batch, item, printed_on)
            if not certificate.file:
                pdf = certificate_pdf(certificate_text(batch, certificate, item, organisation, place))
                certificate.file.save(f"{certificate.code}.pdf", ContentFile(pdf), save=False)
                Certificate.objects.filter(pk=certificate.pk).update(file=certificate.file.name)
            made.append((certificate, item))
            CertificateBatch.objects.filter(pk=batch.pk).update(done=done, heartbeat_at=timezone.now())
        archive_write(batch, made)
    except Exception as error:
        logger.exception("certificate batch %s failed", batch.pk)
        # Not raised again: the organiser sees the failure on the batch page and may start another.
        CertificateBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.FAILED, error=str(error)[:500])
        batch.refresh_from_db()
        return batch
    CertificateBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.DONE, finished_at=timezone.now(), total=len(made), done=len(made)
    )
    batch.refresh_from_db()
    return batch


def archive_write(batch, made, *, delete_old_on_commit=False) -> None:
    """Write the batch's ZIP of the `made` PDFs; the old ZIP is deleted at once, or once the transaction commits."""
    with tempfile.SpooledTemporaryFile(max_size=20 * 1024 * 1024) as buffer:
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
            for certificate, item in made:
                with certificate.file.open("rb") as pdf:
                    archive.writestr(_zip_name(certificate, item), pdf.read())
        buffer.seek(0)
        old = batch.archive.name if batch.archive else ""
        storage = batch.archive.storage
        batch.archive.save(f"{batch.contest.slug}-{batch.pk}.zip", File(buffer), save=False)
        CertificateBatch.objects.filter(pk=batch.pk).update(archive=batch.archive.name)
        if old and old != batch.archive.name:
            if delete_old_on_commit:
                transaction.on_commit(lambda: storage.delete(old))
            else:
                storage.delete(old)
