"""Enrolling schools into a programme in bulk, and withdrawing one with a reason.

Who: an organiser of the programme (a global organiser: any programme). Which schools:
active schools under the programme's area, and only those; a school outside it is
refused by name. The organiser picks them by area, by level or by a list of codes,
sees the count and the list (`enrolment_preview`), and confirms (`enrolments_create`),
all or nothing. `schools.imports.enrolments` is the same with a file.

A withdrawal removes the Enrolment (the school leaves the board and the counts) and
keeps an EnrolmentWithdrawal: who, when, why, since when it was enrolled. The school's
plans, audit days and entries in the programme stay.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from schools.models import Area, Enrolment, EnrolmentWithdrawal, Programme, School
from schools.selectors_scope import in_scope
from schools.services import nfc

REASON_MAX = 300
_CODE_SPLIT = re.compile(r"[\s,;]+")


def may_enrol(user, programme: Programme) -> bool:
    """Only an organiser of this programme (or of every programme) enrols into it or withdraws from it."""
    return user is None or in_scope(user, programme)


def enrollable_schools(programme: Programme) -> QuerySet[School]:
    """Active schools under the programme's area that it does not hold yet."""
    return (
        School.objects.filter(active=True, area__path__startswith=programme.area.path)
        .exclude(enrolments__programme=programme)
        .select_related("area")
        .order_by("name")
    )


def is_in_programme_area(programme: Programme, school: School) -> bool:
    return school.area.path.startswith(programme.area.path)


def parse_codes(text: str) -> list[str]:
    """School codes pasted one per line, or separated by commas, semicolons or spaces; in order, once each."""
    seen, codes = set(), []
    for code in _CODE_SPLIT.split(nfc(text)):
        if code and code.lower() not in seen:
            seen.add(code.lower())
            codes.append(code)
    return codes


@dataclass
class EnrolmentPreview:
    """What a bulk enrolment would do: the schools to enrol, and why some asked for cannot be."""

    schools: list[School] = field(default_factory=list)
    already: list[School] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.schools)


def enrolment_preview(
    *, programme: Programme, area: Area | None = None, level: str = "", codes: list[str] | None = None
) -> EnrolmentPreview:
    """The schools an organiser's choice means. With codes (they win over area and level),
    each code is one school: an unknown code, a closed school or one outside the
    programme's area is a problem (and the page refuses to confirm); one already enrolled
    is listed apart. Without codes: the enrollable schools under `area` (default: the
    programme's) of `level` (default: any)."""
    preview = EnrolmentPreview()
    if area is not None and not area.path.startswith(programme.area.path):
        preview.problems.append(
            _("The area “%(area)s” is outside the programme's area “%(programme_area)s”.")
            % {"area": area.name, "programme_area": programme.area.name}
        )
        return preview
    if codes:
        lowered = {code.lower() for code in codes}
        found = {
            s.code.lower(): s
            for s in School.objects.annotate(code_lower=Lower("code"))
            .filter(code_lower__in=lowered)
            .select_related("area")
        }
        enrolled = set(Enrolment.objects.filter(programme=programme).values_list("school_id", flat=True))
        for code in codes:
            school = found.get(code.lower())
            if school is None:
                preview.problems.append(_("No school has the code “%(code)s”.") % {"code": code})
            elif not is_in_programme_area(programme, school):
                preview.problems.append(
                    _("“%(school)s” (%(code)s) is outside the programme's area “%(area)s”.")
                    % {"school": school.name, "code": school.code, "area": programme.area.name}
                )
            elif not school.active:
                preview.problems.append(
                    _("“%(school)s” (%(code)s) is closed.") % {"school": school.name, "code": school.code}
                )
            elif school.pk in enrolled:
                preview.already.append(school)
            else:
                preview.schools.append(school)
        return preview
    schools = enrollable_schools(programme)
    if area is not None:
        schools = schools.filter(area__path__startswith=area.path)
    if level:
        schools = schools.filter(level=level)
    preview.schools = list(schools)
    return preview


@transaction.atomic
def enrolments_create(*, programme: Programme, schools: list[School], by) -> int:
    """Enrol `schools` into `programme`, all or nothing; returns how many were new.

    `by` is the organiser (None: the command line). Refused (PermissionDenied) for
    someone who does not organise the programme; refused (ValidationError, nothing
    written) when any school lies outside the programme's area or is not active.
    """
    if not may_enrol(by, programme):
        raise PermissionDenied
    outside = [s for s in schools if not is_in_programme_area(programme, s) or not s.active]
    if outside:
        raise ValidationError(
            _("Outside the programme's area “%(area)s” or closed: %(schools)s. Nothing was enrolled.")
            % {"area": programme.area.name, "schools": ", ".join(s.name for s in outside)}
        )
    held = set(Enrolment.objects.filter(programme=programme).values_list("school_id", flat=True))
    new = [Enrolment(programme=programme, school=s) for s in {s.pk: s for s in schools}.values() if s.pk not in held]
    Enrolment.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def enrolment_withdraw(*, programme: Programme, school: School, by, reason: str) -> EnrolmentWithdrawal:
    """Take the school out of the programme, recording who, when and why (the reason is required)."""
    if not may_enrol(by, programme):
        raise PermissionDenied
    reason = nfc(reason)
    if not reason:
        raise ValidationError(_("Say why the school is withdrawn."))
    if len(reason) > REASON_MAX:
        raise ValidationError(_("The reason is longer than %(max)s characters.") % {"max": REASON_MAX})
    enrolment = Enrolment.objects.select_for_update().filter(programme=programme, school=school).first()
    if enrolment is None:
        raise ValidationError(_("“%(school)s” is not enrolled in this programme.") % {"school": school.name})
    withdrawal = EnrolmentWithdrawal.objects.create(
        programme=programme,
        school=school,
        enrolled_on=enrolment.enrolled_on,
        reason=reason,
        withdrawn_by=by,
        withdrawn_at=timezone.now(),
    )
    enrolment.delete()
    return withdrawal


def programme_withdrawals(programme: Programme) -> QuerySet[EnrolmentWithdrawal]:
    return EnrolmentWithdrawal.objects.filter(programme=programme).select_related("school", "withdrawn_by")


def programme_enrolments(programme: Programme) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(programme=programme).select_related("school", "school__area").order_by("school__name")
    )
