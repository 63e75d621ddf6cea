"""Implementation records of selected initiatives: the only writers of Implementation,
Milestone and Indicator.

- Only a SELECTED entry has a record; the first update makes it (get or create).
- Status moves freely between not started, in progress, completed and stopped (the
  school reports what happens); progress is a whole percentage 0–100. Completed means
  100 % unless the school says otherwise, so the status is not forced by the number.
- Milestone photos go through the shared image pipeline (home.uploads: JPEG, PNG or WebP
  by content, within the entry media limits, re-encoded as an upright JPEG without
  metadata); documents are refused. Indicators are unique by name per record: saving a
  name again updates it. Values and targets are never negative.
Every function validates first and writes nothing when it refuses (ValidationError).
"""

import unicodedata
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from contests.entries.media import image_max_bytes, max_pixels, max_side
from contests.enums import EntryStatus, ImplementationStatus
from contests.models import Implementation, Indicator, Milestone
from home.uploads import OUTPUT_JPEG, image_clean, read_upload

MAX_VALUE = Decimal("9999999999.99")  # the fields' 12 digits with 2 decimals


def _text(value, *, limit: int | None = None, required_message: str | None = None) -> str:
    text = unicodedata.normalize("NFC", str(value or "")).strip()
    if required_message and not text:
        raise ValidationError(required_message)
    if limit is not None and len(text) > limit:
        raise ValidationError(_("At most %(limit)s characters.") % {"limit": limit})
    return text


def _require_selected(entry) -> None:
    if entry.status != EntryStatus.SELECTED:
        raise ValidationError(_("Only a selected initiative has an implementation record."))


def implementation_for_update(*, entry) -> Implementation:
    """The entry's record, made on first use (locked for the update on PostgreSQL)."""
    _require_selected(entry)
    implementation, _created = Implementation.objects.select_for_update().get_or_create(entry=entry)
    return implementation


def implementation_update(*, entry, user, status: str, progress_pct, summary: str = "") -> Implementation:
    if status not in ImplementationStatus.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    try:
        progress = int(progress_pct)
    except (TypeError, ValueError):
        raise ValidationError({"progress_pct": _("Progress is a whole number from 0 to 100.")}) from None
    if not 0 <= progress <= 100:
        raise ValidationError({"progress_pct": _("Progress is a whole number from 0 to 100.")})
    summary = _text(summary, limit=5000)
    with transaction.atomic():
        implementation = implementation_for_update(entry=entry)
        implementation.status = status
        implementation.progress_pct = progress
        implementation.summary = summary
        implementation.updated_by = user
        implementation.full_clean()
        implementation.save()
    return implementation


def _photo(upload) -> bytes:
    data = read_upload(upload, limit=image_max_bytes())
    try:
        return image_clean(data, max_pixels=max_pixels(), max_side=max_side(), output=OUTPUT_JPEG).data
    except ValidationError as error:
        if error.code == "type":
            raise ValidationError(_("Upload a photo (JPEG, PNG or WebP), not a document."), code="type") from None
        raise


def milestone_add(*, entry, user, date, title: str, note: str = "", photo=None) -> Milestone:
    if date is None:
        raise ValidationError({"date": _("Enter the date of this milestone.")})
    title = _text(title, limit=200, required_message=_("Say what was done."))
    note = _text(note, limit=2000)
    data = None
    if photo:
        try:
            data = _photo(photo)
        except ValidationError as error:
            raise ValidationError({"photo": error.messages}) from None
    with transaction.atomic():
        implementation = implementation_for_update(entry=entry)
        milestone = Milestone(implementation=implementation, date=date, title=title, note=note, created_by=user)
        milestone.full_clean(exclude=["photo"])
        if data is not None:
            milestone.photo.save("photo.jpg", ContentFile(data), save=False)
        milestone.save()
        implementation.updated_by = user
        implementation.save(update_fields=["updated_by", "updated_at"])
    return milestone


def milestone_delete(*, milestone, user) -> None:
    with transaction.atomic():
        name = milestone.photo.name if milestone.photo else ""
        storage = milestone.photo.storage
        milestone.delete()
        if name:
            transaction.on_commit(lambda: storage.delete(name))


def _amount(value, field: str, *, optional: bool) -> Decimal | None:
    if value in (None, ""):
        if optional:
            return None
        raise ValidationError({field: _("Enter a number.")})
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationError({field: _("Enter a number.")}) from None
    if not amount.is_finite():
        raise ValidationError({field: _("Enter a number.")})
    if amount < 0:
        raise ValidationError({field: _("The number cannot be negative.")})
    if amount > MAX_VALUE:
        raise ValidationError({field: _("The number is too large.")})
    return amount.quantize(Decimal("0.01"))


def indicator_save(*, entry, user, name: str, unit: str, value, target=None) -> Indicator:
    """Add an indicator, or update the one of the same name (names compare exactly, after NFC)."""
    name = _text(name, limit=120, required_message=_("Name the indicator."))
    unit = _text(unit, limit=20, required_message=_("Give the unit, for example m³ or kg."))
    value = _amount(value, "value", optional=False)
    target = _amount(target, "target", optional=True)
    with transaction.atomic():
        implementation = implementation_for_update(entry=entry)
        indicator = Indicator.objects.filter(implementation=implementation, name=name).first()
        if indicator is None:
            indicator = Indicator(implementation=implementation, name=name)
        indicator.unit, indicator.value, indicator.target = unit, value, target
        indicator.full_clean()
        indicator.save()
        implementation.updated_by = user
        implementation.save(update_fields=["updated_by", "updated_at"])
    return indicator
