"""Who may do what with waste audits. Every predicate answers obj=None.

Object predicates accept a School, an AuditSession (anything with `school`), or for
programme rules a Programme.
"""

import rules

from audits.enums import EDITABLE, SessionStatus
from audits.models import AuditPeriod, WasteCategory
from schools.enums import Role
from schools.predicates import (
    is_officer_over_school,
    is_organiser_of_programme,
    is_organiser_of_school,
    is_student_of_school,
    is_teacher_of_school,
    manages,
)
from schools.selectors import areas_of
from schools.selectors_scope import register_global_only, register_scope


@rules.predicate
def is_officer_of_programme(user, programme=None):
    """An officer whose area contains the programme's area, or lies inside it."""
    areas = areas_of(user, Role.OFFICER)
    if programme is None:
        return bool(areas)
    path = programme.area.path
    return any(path.startswith(a.path) or a.path.startswith(path) for a in areas)


@rules.predicate
def is_published_programme(user, programme=None):
    return programme is not None and programme.is_published


def _day_in(*statuses):
    """The audit day (an AuditSession) is in one of `statuses`; obj=None: some day may be."""

    @rules.predicate(name=f"is_day_{'_or_'.join(statuses)}")
    def predicate(user, session=None):
        return session is None or session.status in statuses

    return predicate


is_day_editable = _day_in(*EDITABLE)
is_day_submitted = _day_in(SessionStatus.SUBMITTED)
is_day_verified = _day_in(SessionStatus.VERIFIED)

rules.add_perm(
    "audits.view_audits",
    is_teacher_of_school | is_student_of_school | is_officer_over_school | is_organiser_of_school,
)
rules.add_perm("audits.record_audit", is_teacher_of_school | is_student_of_school | is_organiser_of_school)
rules.add_perm("audits.verify_audit", is_teacher_of_school | is_organiser_of_school)
rules.add_perm("audits.correct_audit", is_teacher_of_school | is_organiser_of_school)
# The same, for one audit day in its state: what its page offers (the services still refuse).
rules.add_perm(
    "audits.edit_day", is_day_editable & (is_teacher_of_school | is_student_of_school | is_organiser_of_school)
)
rules.add_perm("audits.verify_day", is_day_submitted & (is_teacher_of_school | is_organiser_of_school))
rules.add_perm("audits.correct_day", is_day_verified & (is_teacher_of_school | is_organiser_of_school))
# obj=None: may import at all; a School: may import that school's lines.
rules.add_perm("audits.import_audits", is_teacher_of_school | is_organiser_of_school)
rules.add_perm("audits.view_programme_results", is_organiser_of_programme | is_officer_of_programme)
rules.add_perm(
    "audits.view_programme_summary",
    is_published_programme | is_organiser_of_programme | is_officer_of_programme,
)

# Back office (RulesPermissionPolicy): categories and periods are the organisers'.
# The categories are one catalogue for every programme; a period belongs to its programme.
register_global_only(WasteCategory)
register_scope(AuditPeriod)
rules.add_perm("audits.manage_wastecategory", manages(WasteCategory))
rules.add_perm("audits.manage_auditperiod", manages(AuditPeriod))
