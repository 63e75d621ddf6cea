from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schools.enums import AREA_ROLES, SCHOOL_ROLES, ConsentParty, Role
from schools.validators import validate_student_name

from .places import Area, Classroom, School


class Student(models.Model):
    """A child in a class, with or without a login. No e-mail or phone is ever stored.

    Public pages show initials, class and school unless both consents are recorded
    (Law 91/2025: a child of 7 or more and a parent or guardian).
    """

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="students", verbose_name=_("school"))
    classroom = models.ForeignKey(Classroom, on_delete=models.PROTECT, related_name="students", verbose_name=_("class"))
    display_name = models.CharField(_("name"), max_length=120, validators=[validate_student_name])
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="student",
        verbose_name=_("login"),
    )
    # The current state of consent, kept in step with the latest ConsentRecord by
    # schools.services.student_consent_record, the only writer of both.
    consent_child = models.BooleanField(_("the student agrees to show their name publicly"), default=False)
    consent_guardian = models.BooleanField(_("a parent or guardian agrees to show the name publicly"), default=False)
    consent_recorded_at = models.DateTimeField(_("consent recorded at"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set by schools.students.services_erase: the row stays (teams, ranks, counts) with no personal data.
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("student")
        verbose_name_plural = _("students")
        ordering = ["classroom__name", "display_name"]

    def __str__(self):
        return self.display_name

    @property
    def may_show_name(self) -> bool:
        return self.consent_child and self.consent_guardian

    @property
    def initials(self) -> str:
        if self.erased_at is not None:
            return self.display_name  # the erasure's marker, "(đã xóa)"
        return ".".join(part[0].upper() for part in self.display_name.split() if part) + "."

    @property
    def public_name(self) -> str:
        """The name as public pages may show it: full with consent, else initials and class;
        an erased student's marker alone."""
        if self.may_show_name or self.erased_at is not None:
            return self.display_name
        return f"{self.initials} ({self.classroom.name})"


class ConsentRecord(models.Model):
    """One consent given or withdrawn, for the child or a guardian: who recorded it and when.

    Rows are only added, by schools.services.student_consent_record; the student's flags
    hold the latest value of each party.
    """

    student = models.ForeignKey(
        Student, on_delete=models.CASCADE, related_name="consent_records", verbose_name=_("student")
    )
    party = models.CharField(_("whose consent"), max_length=10, choices=ConsentParty.choices)
    given = models.BooleanField(_("given"), help_text=_("Unticked: the consent was withdrawn."))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-recorded_at", "-pk"]
        indexes = [models.Index(fields=["student", "-recorded_at"], name="consent_student_recorded")]

    def __str__(self):
        return f"{self.student} – {self.get_party_display()} – {self.given}"


class Membership(models.Model):
    """A role a user holds, scoped to a school, an area or a programme.

    One user may hold several (a teacher who judges another contest). Teachers and
    students name a school; officers an area; organisers and judges a programme, or
    none for all programmes.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    school = models.ForeignKey(
        School, on_delete=models.CASCADE, null=True, blank=True, related_name="memberships", verbose_name=_("school")
    )
    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, null=True, blank=True, related_name="memberships", verbose_name=_("area")
    )
    programme = models.ForeignKey(
        "schools.Programme",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("programme"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                name="membership_scope_matches_role",
                condition=(
                    Q(role__in=SCHOOL_ROLES, school__isnull=False, area__isnull=True, programme__isnull=True)
                    | Q(role__in=AREA_ROLES, area__isnull=False, school__isnull=True, programme__isnull=True)
                    | Q(role__in=(Role.ORGANISER, Role.JUDGE), school__isnull=True, area__isnull=True)
                ),
            ),
            # One constraint per scope: NULLs are distinct in SQL, and SQLite has no NULLS NOT DISTINCT.
            models.UniqueConstraint(
                fields=["user", "role", "school"], condition=Q(school__isnull=False), name="unique_school_membership"
            ),
            models.UniqueConstraint(
                fields=["user", "role", "area"], condition=Q(area__isnull=False), name="unique_area_membership"
            ),
            models.UniqueConstraint(
                fields=["user", "role", "programme"],
                condition=Q(programme__isnull=False),
                name="unique_programme_membership",
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(school__isnull=True, area__isnull=True, programme__isnull=True),
                name="unique_unscoped_membership",
            ),
        ]

    def __str__(self):
        scope = self.school or self.area or self.programme
        return f"{self.user} – {self.get_role_display()}" + (f" – {scope}" if scope else "")
