"""Writes about waste audits: the only way periods, days, lines and corrections change.

Day status transitions (one function each):
    draft/returned --audit_session_save(submit=True)--> submitted
    submitted --audit_session_verify--> verified (locked; changes only by audit_line_correct)
    submitted --audit_session_return--> returned (editable again)
"""

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audits.enums import EDITABLE, SessionStatus
from audits.models import AuditCorrection, AuditLine, AuditPeriod, AuditSession, WasteCategory
from audits.photos import photo_clean


@dataclass
class DayInput:
    date: date
    students_present: int | None = None
    staff_present: int = 0
    abnormal: tuple = ()
    areas: tuple = ()
    note: str = ""


@transaction.atomic
def audit_period_ensure(*, programme, phase: str, starts_on: date, ends_on: date) -> AuditPeriod:
    period = AuditPeriod.objects.filter(programme=programme, phase=phase).first()
    if period is None:
        period = AuditPeriod(programme=programme, phase=phase, starts_on=starts_on, ends_on=ends_on)
        period.full_clean()
        period.save()
    return period


def day_check(*, school, period: AuditPeriod, day: date, exclude_pk=None, today: date | None = None) -> None:
    """The date rules every way of recording shares; raises ValidationError in the user's language."""
    today = today or timezone.localdate()
    if day > today:
        raise ValidationError({"date": _("The date %(date)s is in the future.") % {"date": f"{day:%d/%m/%Y}"}})
    if not period.starts_on <= day <= period.ends_on:
        raise ValidationError(
            {
                "date": _("The date must be within the %(phase)s period, %(start)s to %(end)s.")
                % {
                    "phase": period.get_phase_display().lower(),
                    "start": f"{period.starts_on:%d/%m/%Y}",
                    "end": f"{period.ends_on:%d/%m/%Y}",
                }
            }
        )
    clash = AuditSession.objects.filter(school=school, date=day).exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError(
            {"date": _("This school already has an audit day on %(date)s.") % {"date": f"{day:%d/%m/%Y}"}}
        )


def audit_session_save(
    *,
    school,
    period: AuditPeriod,
    client_id: uuid.UUID,
    user,
    day: DayInput,
    lines: dict,
    photo=None,
    submit: bool = False,
) -> tuple[AuditSession, bool]:
    """Create or update the day with this client_id; returns (session, changed).

    `lines` maps category pk → (mass_g Decimal|None, item_count int|None); a category
    with neither is removed. A form submitted again after its day was submitted
    (double tap, retry) changes nothing and returns the stored day.
    """
    try:
        with transaction.atomic():
            return _save(school, period, client_id, user, day, lines, photo, submit)
    except IntegrityError:  # the same form saved concurrently, or the same date: look again
        session = AuditSession.objects.filter(client_id=client_id, school=school).first()
        if session is not None and session.status not in EDITABLE:
            return session, False
        raise ValidationError(
            {"date": _("This school already has an audit day on %(date)s.") % {"date": f"{day.date:%d/%m/%Y}"}}
        ) from None


def _save(school, period, client_id, user, day, lines, photo, submit):
    session = AuditSession.objects.select_for_update().filter(client_id=client_id).first()
    if session is not None and session.school_id != school.pk:
        raise ValidationError(_("This form belongs to another school."))
    if session is not None and session.status not in EDITABLE:
        if submit:
            return session, False
        raise ValidationError(_("This day has been submitted and can no longer be changed here."))
    day_check(school=school, period=period, day=day.date, exclude_pk=session.pk if session else None)
    if submit:
        if not day.students_present:
            raise ValidationError({"students_present": _("Enter the number of students present (more than 0).")})
        if not any(mass is not None or count is not None for mass, count in lines.values()):
            raise ValidationError(_("Enter the mass or count of at least one category."))
    if session is None:
        session = AuditSession(client_id=client_id, school=school, recorded_by=user)
    session.period = period
    session.date = day.date
    session.students_present = day.students_present
    session.staff_present = day.staff_present or 0
    session.abnormal = sorted(set(day.abnormal))
    session.areas = sorted(set(day.areas))
    session.note = day.note
    if photo is not None:
        cleaned = photo_clean(photo)
        session.photo.save(cleaned.name, cleaned, save=False)
    if submit:
        session.status = SessionStatus.SUBMITTED
        session.submitted_at = timezone.now()
    session.full_clean(exclude=["photo"])
    session.save()
    _lines_replace(session, lines)
    return session, True


def _lines_replace(session: AuditSession, lines: dict) -> None:
    keep = {pk: values for pk, values in lines.items() if values[0] is not None or values[1] is not None}
    AuditLine.objects.filter(session=session).exclude(category_id__in=keep).delete()
    existing = {line.category_id: line for line in AuditLine.objects.filter(session=session)}
    new = []
    for category_id, (mass, count) in keep.items():
        line = existing.get(category_id) or AuditLine(session=session, category_id=category_id)
        line.mass_g, line.item_count = mass, count
        line.full_clean(exclude=["session", "category"], validate_unique=False, validate_constraints=False)
        if line.pk:
            line.save(update_fields=["mass_g", "item_count"])
        else:
            new.append(line)
    AuditLine.objects.bulk_create(new)


@transaction.atomic
def audit_session_verify(*, session: AuditSession, user) -> AuditSession:
    session = AuditSession.objects.select_for_update().get(pk=session.pk)
    if session.status == SessionStatus.VERIFIED:
        return session
    if session.status != SessionStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted day can be verified."))
    session.status = SessionStatus.VERIFIED
    session.verified_by = user
    session.verified_at = timezone.now()
    session.save(update_fields=["status", "verified_by", "verified_at", "updated_at", "is_abnormal"])
    return session


@transaction.atomic
def audit_session_return(*, session: AuditSession, user, reason: str) -> AuditSession:
    session = AuditSession.objects.select_for_update().get(pk=session.pk)
    if session.status != SessionStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted day can be returned."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say what needs to be fixed.")})
    session.status = SessionStatus.RETURNED
    session.return_reason = reason.strip()
    session.save(update_fields=["status", "return_reason", "updated_at", "is_abnormal"])
    return session


def _text(value) -> str:
    return "" if value is None else str(value)


@transaction.atomic
def audit_line_correct(
    *, session: AuditSession, user, category: WasteCategory, mass_g: Decimal | None, item_count: int | None, reason: str
) -> AuditLine | None:
    """Change a verified day's line; the old values and the reason are kept as AuditCorrection rows."""
    session = AuditSession.objects.select_for_update().get(pk=session.pk)
    if session.status != SessionStatus.VERIFIED:
        raise ValidationError(_("Only a verified day is corrected this way; edit the day instead."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the correction.")})
    line = AuditLine.objects.filter(session=session, category=category).first()
    old_mass, old_count = (line.mass_g, line.item_count) if line else (None, None)
    for field, old, new in (("mass_g", old_mass, mass_g), ("item_count", old_count, item_count)):
        if _text(old) != _text(new):
            AuditCorrection.objects.create(
                session=session,
                category=category,
                field=field,
                old_value=_text(old),
                new_value=_text(new),
                reason=reason.strip(),
                corrected_by=user,
            )
    if mass_g is None and item_count is None:
        if line:
            line.delete()
        return None
    line = line or AuditLine(session=session, category=category)
    line.mass_g, line.item_count = mass_g, item_count
    line.full_clean(validate_unique=False)
    line.save()
    return line
