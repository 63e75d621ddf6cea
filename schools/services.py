"""Writes about places and people: the only way these rows are created or changed.

Each service validates with full_clean(), runs in one transaction and queues its side
effects (e-mails) on commit, so a rolled-back import sends nothing.
"""

import secrets
import unicodedata
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from schools.enums import ConsentParty, Role
from schools.models import (
    Area,
    Classroom,
    ConsentRecord,
    Enrolment,
    Membership,
    Programme,
    School,
    SchoolYear,
    SchoolYearProfile,
    Student,
)
from schools.selectors import forget_memberships, school_year_name_for, school_year_start_for
from schools.tasks import send_welcome_email

# Wagtail page, image and document permissions of organisers live on this group
# (created by a data migration); the rules grant everything else.
ORGANISER_GROUP = "Organisers"

ONE_TIME_HASHER = "pbkdf2_sha256_onetime"  # home.hashers.OneTimePasswordHasher

# No 0/O, 1/l/I: passwords on login cards are typed by children.
_CARD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def nfc(text: str) -> str:
    """Vietnamese text is stored NFC-normalised and trimmed."""
    return unicodedata.normalize("NFC", (text or "").strip())


def one_time_password_make() -> str:
    return "-".join("".join(secrets.choice(_CARD_ALPHABET) for _ in range(4)) for _ in range(2))


@transaction.atomic
def area_create(*, name: str, code: str, kind: str, parent: Area | None = None) -> Area:
    existing = Area.objects.filter(code=code).first()
    if existing:
        return existing
    fields = {"name": nfc(name), "code": code, "kind": kind}
    area = parent.add_child(**fields) if parent else Area.add_root(**fields)
    return area


def school_year_get_or_create(*, name: str, starts_on: date, ends_on: date) -> SchoolYear:
    year, _created = SchoolYear.objects.get_or_create(name=name, defaults={"starts_on": starts_on, "ends_on": ends_on})
    return year


def school_year_current(today: date | None = None) -> SchoolYear:
    """The school year containing today, created when missing (Vietnam: September to May)."""
    today = today or timezone.localdate()
    start_year = school_year_start_for(today)
    return school_year_get_or_create(
        name=school_year_name_for(today), starts_on=date(start_year, 9, 1), ends_on=date(start_year + 1, 5, 31)
    )


@transaction.atomic
def school_upsert(
    *,
    code: str,
    name: str,
    level: str,
    area: Area,
    address: str = "",
    year: SchoolYear | None = None,
    enrolment: int | None = None,
    classes: int | None = None,
) -> tuple[School, bool]:
    """Create or update a school by its code (the natural key of imports).

    Returns (school, changed): importing the same data twice changes nothing.
    """
    values = {"name": nfc(name), "level": level, "area": area}
    if address:
        values["address"] = nfc(address)
    school = School.objects.filter(code=code).first()
    changed = False
    if school is None:
        school = School(code=code, **values)
        changed = True
    else:
        for field, value in values.items():
            if getattr(school, field) != value:
                setattr(school, field, value)
                changed = True
    if changed:
        school.full_clean()
        school.save()
    if year is not None and (enrolment is not None or classes is not None):
        profile, created = SchoolYearProfile.objects.get_or_create(school=school, year=year)
        updates = {k: v for k, v in {"enrolment": enrolment, "classes": classes}.items() if v is not None}
        if created or any(getattr(profile, k) != v for k, v in updates.items()):
            for field, value in updates.items():
                setattr(profile, field, value)
            profile.save()
            changed = True
    return school, changed


def classroom_get_or_create(*, school: School, name: str, year: SchoolYear | None = None, grade: int | None = None):
    year = year or school_year_current()
    name = nfc(name).upper() if len(nfc(name)) <= 6 else nfc(name)
    if grade is None:
        digits = "".join(ch for ch in name.split()[0] if ch.isdigit()) if name else ""
        grade = int(digits[:2]) if digits and int(digits[:2]) <= 12 else (int(digits[0]) if digits else None)
    classroom, _created = Classroom.objects.get_or_create(
        school=school, year=year, name=name, defaults={"grade": grade}
    )
    return classroom


def username_suggest(full_name: str) -> str:
    """A short login a child can type: given name + initials ("Trần Minh An" → "antm"), made unique."""
    parts = slugify(nfc(full_name).replace("đ", "d").replace("Đ", "D")).split("-")
    parts = [p for p in parts if p]
    base = (parts[-1] + "".join(p[0] for p in parts[:-1]))[:20] if parts else "hocsinh"
    User = get_user_model()
    taken = set(User.objects.filter(username__startswith=base).values_list("username", flat=True))
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}{n}"
    return candidate


@transaction.atomic
def user_create(
    *,
    username: str,
    full_name: str,
    email: str = "",
    password: str | None = None,
    password_hash: str | None = None,
    must_change: bool = False,
):
    """Create a login. A one-time password (`must_change`) is hashed with the cheaper
    one-time hasher, so a class of 40 cards takes a second, not ten; Django re-hashes it
    with the default hasher at the first login, and the student must replace it anyway.
    `password_hash` takes an already hashed password (demo data hashes its one password once).
    """
    User = get_user_model()
    user = User(username=username, full_name=nfc(full_name), email=(email or "").strip().lower())
    user.must_change_password = must_change
    if password_hash:
        user.password = password_hash
    elif password:
        user.password = make_password(password, hasher=ONE_TIME_HASHER if must_change else "default")
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    return user


def user_welcome_queue(user) -> None:
    """Send the welcome e-mail (a link to choose a password) once the transaction commits."""

    if user.email:
        send_welcome_email.delay_on_commit(user.pk)


# Django permissions organisers need for Wagtail's own screens (ours use the rules). No user
# or group permission: Wagtail's user and group screens are for site administrators only.
_ORGANISER_MODEL_PERMS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
]
_ORGANISER_PAGE_PERMS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"]
_ORGANISER_COLLECTION_PERMS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


@transaction.atomic
def organiser_group_ensure() -> Group:
    """The group holding Wagtail's page, image and document permissions of organisers."""
    from django.contrib.auth.models import Permission
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    group, created = Group.objects.get_or_create(name=ORGANISER_GROUP)
    if not created:
        return group
    for app_label, codename in _ORGANISER_MODEL_PERMS:
        group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename=codename))
    root_page = Page.get_first_root_node()
    if root_page:
        for perm in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=_ORGANISER_PAGE_PERMS
        ):
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=perm)
    root_collection = Collection.get_first_root_node()
    if root_collection:
        for app_label, codename in _ORGANISER_COLLECTION_PERMS:
            for perm in Permission.objects.filter(content_type__app_label=app_label, codename=codename):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm
                )
    return group


@transaction.atomic
def membership_grant(*, user, role: str, school: School | None = None, area: Area | None = None, programme=None):
    membership, _created = Membership.objects.get_or_create(
        user=user, role=role, school=school, area=area, programme=programme
    )
    if role == Role.ORGANISER:
        user.groups.add(organiser_group_ensure())
    forget_memberships(user)
    return membership


@transaction.atomic
def student_create(
    *, classroom: Classroom, display_name: str, with_login: bool = False, user=None
) -> tuple[Student, str | None]:
    """Add a student to a class. With a login, returns the one-time password for the card;
    `user` links an existing login instead (granting the student role at the school)."""
    student = Student(school=classroom.school, classroom=classroom, display_name=nfc(display_name), user=user)
    student.full_clean()
    student.save()
    if user is not None:
        membership_grant(user=user, role=Role.STUDENT, school=classroom.school)
    password = student_login_create(student=student) if with_login and user is None else None
    return student, password


@transaction.atomic
def student_login_create(*, student: Student) -> str:
    """Give a student a login (or a new one-time password); the password is shown once, on the card."""
    password = one_time_password_make()
    if student.user is None:
        user = user_create(
            username=username_suggest(student.display_name),
            full_name=student.display_name,
            password=password,
            must_change=True,
        )
        student.user = user
        student.save(update_fields=["user"])
        membership_grant(user=user, role=Role.STUDENT, school=student.school)
    else:
        student.user.password = make_password(password, hasher=ONE_TIME_HASHER)
        student.user.must_change_password = True
        student.user.save(update_fields=["password", "must_change_password"])
    return password


@transaction.atomic
def student_consent_record(*, student: Student, child: bool, guardian: bool, recorded_by) -> Student:
    """Set whether the student and a parent or guardian agree to show the name publicly.

    The only writer of ConsentRecord and of the student's consent flags: each party whose
    consent changes gets one row (given, or withdrawn) by `recorded_by` (None: the platform
    itself, as for demo data), all at the same instant, and the flags and
    consent_recorded_at follow the latest rows. Posting the current state again records
    nothing. The row is locked first, so two teachers saving at once cannot lose a record.
    """
    if type(child) is not bool or type(guardian) is not bool:
        raise TypeError("Consent is True or False.")
    current = Student.objects.select_for_update().only("consent_child", "consent_guardian").get(pk=student.pk)
    wanted = {ConsentParty.CHILD: child, ConsentParty.GUARDIAN: guardian}
    held = {ConsentParty.CHILD: current.consent_child, ConsentParty.GUARDIAN: current.consent_guardian}
    changed = [party for party in ConsentParty if wanted[party] != held[party]]
    if changed:
        now = timezone.now()
        ConsentRecord.objects.bulk_create(
            ConsentRecord(student=student, party=party, given=wanted[party], recorded_by=recorded_by, recorded_at=now)
            for party in changed
        )
        Student.objects.filter(pk=student.pk).update(
            consent_child=child, consent_guardian=guardian, consent_recorded_at=now
        )
        student.consent_recorded_at = now
    student.consent_child, student.consent_guardian = child, guardian
    return student


@transaction.atomic
def programme_create(*, slug: str, name: str, school_year: SchoolYear, area: Area, **fields) -> Programme:
    programme = Programme.objects.filter(slug=slug).first()
    if programme:
        return programme
    programme = Programme(slug=slug, name=nfc(name), school_year=school_year, area=area, **fields)
    programme.full_clean()
    programme.save()
    return programme


def enrolment_create(*, programme: Programme, school: School) -> Enrolment:
    enrolment, _created = Enrolment.objects.get_or_create(programme=programme, school=school)
    return enrolment


@transaction.atomic
def organiser_create(*, username: str, full_name: str, email: str, password: str, site_admin: bool = False):
    """The first login of a fresh install (manage.py create_organiser): a global organiser.

    A global organiser (an organiser membership without a programme) gets into the Wagtail
    admin and manages every programme, school and role. Accounts themselves (Wagtail's
    user and group screens) are a site administrator's: `site_admin` also makes the login
    a superuser. The password is checked by Django's password validators first.
    """
    User = get_user_model()
    user = User(username=username.strip(), full_name=nfc(full_name), email=(email or "").strip().lower())
    validate_password(password, user)
    user.set_password(password)
    user.is_superuser = user.is_staff = site_admin
    user.full_clean()
    user.save()
    membership_grant(user=user, role=Role.ORGANISER)
    return user
