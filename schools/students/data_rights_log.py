"""The audit trail of a child's data rights: exports and erasures in Wagtail's audit log.

Wagtail's log (ModelLogEntry) already records who (user), when (timestamp) and what
(content type and id), and organisers read it in the admin's site history, so no second
log table is made. The label is the student's id and the data holds only ids, never a
name: an erasure's own record must not keep what it erased. The actions are registered
through the `register_log_actions` hook (schools/wagtail_hooks.py).
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

EXPORT = "schools.student_export"
ERASE = "schools.student_erase"


def register_student_log_actions(actions) -> None:
    actions.register_action(EXPORT, _("Export a student's data"), _("A student's data exported"))
    actions.register_action(ERASE, _("Erase a student"), _("A student's personal data erased"))


def student_log(*, student, action: str, user):
    return log(
        student,
        action,
        user=user,
        title=gettext("Student #%(id)s") % {"id": student.pk},
        data={"student": student.pk, "school": student.school_id, "classroom": student.classroom_id},
    )
