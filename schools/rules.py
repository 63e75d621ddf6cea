"""Who may do what with places and people, named once and checked everywhere.

The predicates live in schools/predicates.py; this module names the permissions. The
sub-domains name theirs in their own rules modules, registered by importing them here.
"""

import rules

from schools.models import (
    Area,
    Classroom,
    Enrolment,
    Membership,
    Programme,
    School,
    SchoolYear,
    SchoolYearProfile,
    Student,
)
from schools.monitoring import rules as monitoring_rules  # noqa: F401 - registers its permissions
from schools.plans import rules as plan_rules  # noqa: F401 - registers its permissions
from schools.predicates import (
    has_any_role,
    is_officer_over_school,
    is_organiser,
    is_organiser_of_programme,
    is_organiser_of_school,
    is_student_of_school,
    is_teacher_of_school,
    manages,
)
from schools.selectors import is_global_organiser

# Only organisers and site administrators get into the Wagtail admin.
rules.add_perm("wagtailadmin.access_admin", is_organiser)

rules.add_perm("schools.use_workspace", has_any_role)
rules.add_perm(
    "schools.view_school",
    is_teacher_of_school | is_student_of_school | is_officer_over_school | is_organiser_of_school,
)
rules.add_perm("schools.manage_students", is_teacher_of_school | is_organiser_of_school)
# A child's data rights (Law 91/2025): whoever manages the student may export and erase their data.
rules.add_perm("schools.export_student_data", is_teacher_of_school | is_organiser_of_school)
rules.add_perm("schools.erase_student", is_teacher_of_school | is_organiser_of_school)
rules.add_perm("schools.view_programme", is_organiser_of_programme)
rules.add_perm("schools.import_schools", is_organiser)
rules.add_perm("schools.import_users", is_organiser)


for _model in (Area, School, SchoolYear, SchoolYearProfile, Classroom, Student, Membership, Programme, Enrolment):
    rules.add_perm(f"schools.manage_{_model._meta.model_name}", manages(_model))
# A new programme belongs to nobody's scope yet: only a global organiser creates one.
rules.add_perm("schools.add_programme", rules.predicate(is_global_organiser))
