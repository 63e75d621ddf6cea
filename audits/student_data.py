"""The audits' part of a student's export and erasure (registered in AuditsConfig.ready;
the registry and its contract: schools.students.data_rights).

A student takes part in an audit only through a login (recording collection days), so the
export lists the days their login recorded and the corrections it made. Erasure keeps
every day and figure (results do not change): the login's links go with the login
(SET_NULL), and the student's names are taken out of the notes of their school's days.
Evidence photos are the school's (a scale or a tally sheet), not the student's: they stay.
"""

from audits.models import AuditCorrection, AuditSession
from schools.students.data_rights import Part, iso, names_replace, register_student_data_provider


class AuditStudentData:
    key = "audits"
    order = 20

    def export(self, student) -> Part:
        if not student.user_id:
            return Part(data={"days_recorded": [], "corrections": []})
        days = AuditSession.objects.filter(recorded_by_id=student.user_id, school_id=student.school_id)
        corrections = AuditCorrection.objects.filter(corrected_by_id=student.user_id)
        return Part(
            data={
                "days_recorded": [
                    {
                        "date": iso(day.date),
                        "programme": day.period.programme.name,
                        "phase": day.period.phase,
                        "status": day.status,
                        "students_present": day.students_present,
                        "note": day.note,
                        "created_at": iso(day.created_at),
                    }
                    for day in days.select_related("period__programme").order_by("date", "pk")
                ],
                "corrections": [
                    {
                        "date": iso(c.session.date),
                        "field": c.field,
                        "old_value": c.old_value,
                        "new_value": c.new_value,
                        "reason": c.reason,
                        "corrected_at": iso(c.corrected_at),
                    }
                    for c in corrections.select_related("session").order_by("corrected_at", "pk")
                ],
            }
        )

    def erase(self, student, *, names) -> set[int]:
        days = AuditSession.objects.filter(school_id=student.school_id)
        names_replace(days, ["note", "return_reason"], names)
        names_replace(AuditCorrection.objects.filter(session__school_id=student.school_id), ["reason"], names)
        return set()


register_student_data_provider(AuditStudentData())
