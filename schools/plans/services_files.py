"""Attachments of action plans: checked by their content, stored under a server-made name.

Accepted: PDF (rewritten without metadata, scripts or attached files), DOCX and XLSX
(refused when macro-enabled or too large once unpacked; rebuilt without personal
properties, comments or change authors), JPEG and PNG (re-encoded without metadata).
The type is read from the bytes, never from the name or the browser's content type; the
checks are the shared ones of home.uploads and home.uploads_documents.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from home.uploads import OUTPUT_SAME, image_clean
from home.uploads_documents import ooxml_clean, ooxml_type, pdf_clean
from schools.enums import PLAN_EDITABLE, PlanStatus
from schools.models import ActionPlan, Attachment
from schools.services import nfc

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 20
MAX_IMAGE_PIXELS = 40_000_000
_EXTENSIONS = {
    "pdf": {".pdf"},
    "docx": {".docx"},
    "xlsx": {".xlsx"},
    "jpeg": {".jpg", ".jpeg"},
    "png": {".png"},
}
ACCEPT = ",".join(sorted(ext for exts in _EXTENSIONS.values() for ext in exts))


def _bad_type() -> ValidationError:
    return ValidationError(
        _(
            "This file is not a PDF, Word (DOCX), Excel (XLSX), JPEG or PNG file, "
            "or its content does not match its name."
        ),
        code="type",
    )


def _kind_of(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            return ooxml_type(data, allowed=("docx", "xlsx"))
        except ValidationError as error:
            if error.code == "type":
                raise _bad_type() from None
            raise
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    raise _bad_type()


def _reencode(data: bytes, kind: str) -> bytes:
    try:
        return image_clean(data, allowed=(kind,), max_pixels=MAX_IMAGE_PIXELS, output=OUTPUT_SAME).data
    except ValidationError as error:
        if error.code == "pixels":
            raise ValidationError(_("This image is too large."), code="size") from None
        raise _bad_type() from None


def _clean(data: bytes, kind: str) -> bytes:
    if kind in ("jpeg", "png"):
        return _reencode(data, kind)
    try:
        return pdf_clean(data) if kind == "pdf" else ooxml_clean(data)
    except ValidationError as error:
        if error.code == "type":
            raise _bad_type() from None
        raise


def attachment_check(upload) -> tuple[bytes, str]:
    """Read and check an uploaded file: (bytes to store, kind). Raises ValidationError."""
    if upload is None or not hasattr(upload, "read"):
        raise ValidationError(_("Choose a file to attach."), code="missing")
    if upload.size is None or upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("The file is too large: at most %(mb)s MB.") % {"mb": MAX_ATTACHMENT_BYTES // (1024 * 1024)},
            code="size",
        )
    data = upload.read(MAX_ATTACHMENT_BYTES + 1)
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("The file is too large: at most %(mb)s MB.") % {"mb": MAX_ATTACHMENT_BYTES // (1024 * 1024)},
            code="size",
        )
    kind = _kind_of(data)
    if Path(upload.name or "").suffix.lower() not in _EXTENSIONS[kind]:
        raise _bad_type()
    return _clean(data, kind), kind


@transaction.atomic
def attachment_add(*, plan: ActionPlan, user, upload) -> Attachment:
    if plan.pk is None or plan.status not in PLAN_EDITABLE:
        raise ValidationError(
            _("This plan is “%(status)s” and cannot be changed now.") % {"status": PlanStatus(plan.status).label},
            code="locked",
        )
    if plan.attachments.count() >= MAX_ATTACHMENTS:
        raise ValidationError(
            _("At most %(count)s attachments per plan.") % {"count": MAX_ATTACHMENTS}, code="too_many"
        )
    data, kind = attachment_check(upload)
    name = nfc(Path(upload.name).name)[:200] or f"file.{kind}"
    attachment = Attachment(plan=plan, original_name=name, kind=kind, size=len(data), uploaded_by=user)
    attachment.file.save("upload", ContentFile(data), save=False)
    attachment.save()
    return attachment


@transaction.atomic
def attachment_delete(*, attachment: Attachment, user) -> None:
    plan = attachment.plan
    if plan.status not in PLAN_EDITABLE:
        raise ValidationError(
            _("This plan is “%(status)s” and cannot be changed now.") % {"status": PlanStatus(plan.status).label},
            code="locked",
        )
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))
