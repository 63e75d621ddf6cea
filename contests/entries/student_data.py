"""The contests' part of a student's export and erasure (registered in ContestsConfig.ready;
the registry and its contract: schools.students.data_rights).

The student's entries are those whose team they are on, and those their login created.
An entry is the student's own when nobody else is on its team: its files belong to them
only. Team-mates are never named in the export (the team is a count), and file paths in
the ZIP are server-made (entry code, file id), never an uploaded name.

Erasure keeps entries, teams, scores, awards and snapshots (ranks and published results do
not change; snapshot rows hold entry ids and codes, no names). It replaces the student's
names in the texts of their entries and of what is written about them (judges' comments,
conflict reasons, award reasons, implementation notes), deletes the files of their own
entries, and anonymises certificates (contests.certificates.services). The login's
`created_by`/`submitted_by` links go with the login (SET_NULL).
"""

from django.db.models import Count, Prefetch, Q

from contests.certificates.services import certificates_anonymise
from contests.models import (
    Award,
    Certificate,
    ConflictOfInterest,
    Entry,
    EntryMedia,
    Evaluation,
    Implementation,
    Milestone,
)
from home.storage import files_delete_on_commit
from schools.students.data_rights import (
    ExportFile,
    Part,
    iso,
    names_replace,
    register_student_data_provider,
)

ENTRY_TEXTS = ("title", "text", "problem", "plan", "expected_result", "review_comment", "ineligible_reason")


def _entries_of(student):
    query = Q(members__student=student)
    if student.user_id:
        query |= Q(created_by_id=student.user_id)
    ids = Entry.objects.filter(query).values("pk")
    return Entry.objects.filter(pk__in=ids, school_id=student.school_id)


def _own_entry_ids(student) -> list[int]:
    """Entries nobody but the student is on (their files belong to the student only)."""
    others = Count("members", filter=~Q(members__student=student))
    return list(_entries_of(student).annotate(others=others).filter(others=0).values_list("pk", flat=True))


def _entry_data(entry, student, folder) -> dict:
    me = next((m for m in entry.members.all() if m.student_id == student.pk), None)
    implementation = getattr(entry, "implementation", None)
    return {
        "code": entry.code,
        "contest": entry.contest.title,
        "programme": entry.contest.programme.name,
        "kind": entry.contest.kind,
        "status": entry.status,
        "status_label": str(entry.get_status_display()),
        **{name: getattr(entry, name) for name in ENTRY_TEXTS},
        "video_url": entry.video_url,
        "on_team": me is not None,
        "team_lead": bool(me and me.is_lead),
        "team_size": len(entry.members.all()),
        "created_by_student": bool(student.user_id) and entry.created_by_id == student.user_id,
        "created_at": iso(entry.created_at),
        "submitted_at": iso(entry.submitted_at),
        "files": [
            {
                "path": f"{folder}/{media.pk}{media.extension}",
                "kind": media.kind,
                "content_type": media.content_type,
                "size": media.size,
                "sha256": media.sha256,
            }
            for media in entry.media.all()
        ],
        "implementation": None
        if implementation is None
        else {
            "status": implementation.status,
            "progress_pct": implementation.progress_pct,
            "summary": implementation.summary,
        },
    }


class ContestStudentData:
    key = "contests"
    order = 30

    def export(self, student) -> Part:
        entries = list(
            _entries_of(student)
            .select_related("contest__programme", "implementation")
            .prefetch_related("members", Prefetch("media", queryset=EntryMedia.objects.order_by("position", "pk")))
            .order_by("contest__opens_at", "code")
        )
        part = Part(data={"entries": [], "awards": [], "certificates": []})
        for entry in entries:
            folder = f"entries/{entry.code}"
            part.data["entries"].append(_entry_data(entry, student, folder))
            part.files += [ExportFile(f"{folder}/{m.pk}{m.extension}", m.file) for m in entry.media.all() if m.file]
        awards = Award.objects.filter(entry__in=entries).select_related("tier", "contest", "entry")
        part.data["awards"] = [
            {"entry": a.entry.code, "contest": a.contest.title, "prize": a.tier.name, "decided_at": iso(a.decided_at)}
            for a in awards.order_by("decided_at", "pk")
        ]
        own = set(_own_entry_ids(student))
        certificates = Certificate.objects.filter(
            Q(student=student) | Q(student__isnull=True, entry_id__in=own)
        ).select_related("entry", "award__tier")
        for certificate in certificates.order_by("issued_at", "pk"):
            path = f"certificates/{certificate.code}.pdf" if certificate.file else None
            part.data["certificates"].append(
                {
                    "code": certificate.code,
                    "entry": certificate.entry.code,
                    "prize": certificate.award.tier.name if certificate.award else "",
                    "recipient": certificate.recipient,
                    "issued_at": iso(certificate.issued_at),
                    "file": path,
                }
            )
            if path:
                part.files.append(ExportFile(path, certificate.file))
        return part

    def erase(self, student, *, names) -> set[int]:
        entries = _entries_of(student)
        entry_ids = list(entries.values_list("pk", flat=True))
        programmes = set(
            Award.objects.filter(entry_id__in=entry_ids).values_list("contest__programme_id", flat=True).distinct()
        )
        names_replace(Entry.objects.filter(pk__in=entry_ids), ENTRY_TEXTS, names)
        names_replace(EntryMedia.objects.filter(entry_id__in=entry_ids), ["original_name"], names)
        names_replace(Evaluation.objects.filter(entry_id__in=entry_ids), ["comment"], names)
        names_replace(Award.objects.filter(entry_id__in=entry_ids), ["reason"], names)
        names_replace(Implementation.objects.filter(entry_id__in=entry_ids), ["summary"], names)
        names_replace(Milestone.objects.filter(implementation__entry_id__in=entry_ids), ["title", "note"], names)
        school_conflicts = Q(entry_id__in=entry_ids) | Q(school_id=student.school_id)
        names_replace(ConflictOfInterest.objects.filter(school_conflicts), ["reason"], names)
        own_media = list(EntryMedia.objects.filter(entry_id__in=_own_entry_ids(student)))
        files_delete_on_commit(*(f for media in own_media for f in (media.file, media.thumbnail)))
        EntryMedia.objects.filter(pk__in=[m.pk for m in own_media]).delete()
        # The team membership stays (team sizes, the others' certificates): the row has no name.
        certificates_anonymise(student=student, names=names)
        return programmes


register_student_data_provider(ContestStudentData())
