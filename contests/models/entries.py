import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from contests.enums import EntryStatus, MediaKind, MediaStatus
from home.storage import get_private_storage

from .contests import Contest


def media_upload_to(instance, filename):
    """Server-made names only: the uploaded name is kept as text, never as a path."""
    return f"contests/{instance.entry.contest_id}/{uuid.uuid4().hex}{instance.extension}"


def thumbnail_upload_to(instance, filename):
    return f"contests/{instance.entry.contest_id}/thumbs/{uuid.uuid4().hex}.jpg"


class Entry(models.Model):
    """An initiative, slogan or creative work of a school, by one or more of its students.

    `code` (prefix and number) is what judges, paper score sheets and blind rounds see.
    `client_id` lets a resubmitted or autosaved form find its draft instead of adding one.
    """

    contest = models.ForeignKey(Contest, on_delete=models.PROTECT, related_name="entries", verbose_name=_("contest"))
    school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, related_name="contest_entries", verbose_name=_("school")
    )
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=200, blank=True)
    text = models.TextField(_("slogan"), blank=True)
    problem = models.TextField(_("the problem"), blank=True)
    plan = models.TextField(_("what the team will do"), blank=True)
    expected_result = models.TextField(_("expected result"), blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    students = models.ManyToManyField(
        "schools.Student", through="EntryMember", related_name="contest_entries", verbose_name=_("team")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=EntryStatus.choices, default=EntryStatus.DRAFT, db_index=True
    )
    review_comment = models.TextField(_("comment from the school"), blank=True)
    ineligible_reason = models.TextField(_("reason it is not eligible"), blank=True)
    presentation_order = models.PositiveSmallIntegerField(_("presentation order"), null=True, blank=True)
    client_id = models.UUIDField(_("form id"), default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    endorsed_at = models.DateTimeField(null=True, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        ordering = ["contest", "code"]
        constraints = [models.UniqueConstraint(fields=["contest", "code"], name="unique_entry_code")]
        indexes = [models.Index(fields=["contest", "school", "status"])]

    def __str__(self):
        return f"{self.code} {self.title or self.text[:60]}".strip()


class EntryMember(models.Model):
    """A student in an entry's team. Public pages show the name only with both consents
    recorded on the Student; otherwise initials, class and school."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="members", verbose_name=_("entry"))
    student = models.ForeignKey(
        "schools.Student", on_delete=models.PROTECT, related_name="entry_memberships", verbose_name=_("student")
    )
    is_lead = models.BooleanField(_("team lead"), default=False)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [models.UniqueConstraint(fields=["entry", "student"], name="unique_entry_member")]

    def __str__(self):
        return f"{self.student} – {self.entry}"


class EntryMedia(models.Model):
    """An image or document of an entry, stored privately under a server-made name.

    Images are re-encoded without metadata before they are stored; the thumbnail is
    made by a Celery task. `original_name` is display text only (sanitised).
    """

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="media", verbose_name=_("entry"))
    kind = models.CharField(_("kind"), max_length=10, choices=MediaKind.choices)
    file = models.FileField(_("file"), upload_to=media_upload_to, storage=get_private_storage, max_length=200)
    thumbnail = models.FileField(
        _("thumbnail"), upload_to=thumbnail_upload_to, storage=get_private_storage, blank=True, max_length=200
    )
    extension = models.CharField(max_length=8, editable=False)
    original_name = models.CharField(_("file name"), max_length=120, blank=True)
    content_type = models.CharField(max_length=80)
    size = models.PositiveIntegerField(_("size (bytes)"))
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=MediaStatus.choices, default=MediaStatus.PROCESSING)
    position = models.PositiveSmallIntegerField(default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["entry", "position", "pk"]

    def __str__(self):
        return self.original_name or f"{self.get_kind_display()} {self.pk}"
