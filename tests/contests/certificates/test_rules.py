"""Truth tables of the certificate and implementation permissions, with obj=None, the own
school's object and another school's (the world's organiser is a global organiser;
a programme organiser of another programme is not an organiser of this contest)."""

import pytest
from django.core.files.base import ContentFile

from contests.certificates.document import code_new
from contests.models import Certificate, Implementation, Milestone
from schools.enums import Role
from schools.services import membership_grant
from tests.conftest import fresh
from tests.factories.contests import CertificateBatchFactory, awarded_contest, selected_entry
from tests.factories.people import UserFactory
from tests.factories.programmes import ProgrammeFactory

ROLES = [
    "anonymous",
    "organiser",
    "other_organiser",
    "officer",
    "teacher",
    "other_teacher",
    "student",
    "judge",
    "outsider",
]


def _user(world, role):
    if role == "other_organiser":
        user = UserFactory(username="btc.khac")
        membership_grant(user=user, role=Role.ORGANISER, programme=ProgrammeFactory(area=world.district))
        return user
    user = world.user_for(role)
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        return AnonymousUser()
    return fresh(user)


def _certificate(world, school):
    contest, (award,) = awarded_contest(programme=world.programme, school=school, tiers=[("Giải Nhất", 1)], members=0)
    batch = CertificateBatchFactory(contest=contest)
    certificate = Certificate(batch=batch, entry=award.entry, award=award, recipient="x", code=code_new())
    certificate.file.save("x.pdf", ContentFile(b"%PDF-"), save=True)
    return certificate


# role: (obj=None, own object, other school's object)
MAKE = {
    "anonymous": (False, False, False),
    "organiser": (True, True, True),
    "other_organiser": (True, False, False),
    "officer": (False, False, False),
    "teacher": (False, False, False),
    "other_teacher": (False, False, False),
    "student": (False, False, False),
    "judge": (False, False, False),
    "outsider": (False, False, False),
}
DOWNLOAD = {
    **MAKE,
    "teacher": (True, True, False),
    "other_teacher": (True, False, True),
}
VIEW_IMPLEMENTATION = {
    **DOWNLOAD,
    "officer": (True, True, False),
    "student": (True, True, False),
}
UPDATE_IMPLEMENTATION = DOWNLOAD


@pytest.mark.parametrize("role", ROLES)
def test_make_certificates(world, role):
    user = _user(world, role)
    own = _certificate(world, world.school)
    other = _certificate(world, world.other_school)
    results = tuple(user.has_perm("contests.make_certificates", obj) for obj in (None, own.batch, other.batch.contest))
    assert results == MAKE[role]


@pytest.mark.parametrize("role", ROLES)
def test_download_certificate(world, role):
    user = _user(world, role)
    own = _certificate(world, world.school)
    other = _certificate(world, world.other_school)
    results = tuple(user.has_perm("contests.download_certificate", obj) for obj in (None, own, other))
    assert results == DOWNLOAD[role]


@pytest.mark.parametrize("role", ROLES)
def test_view_implementation(world, role):
    user = _user(world, role)
    own = selected_entry(programme=world.programme, school=world.school)
    other = selected_entry(programme=world.programme, school=world.other_school)
    results = tuple(user.has_perm("contests.view_implementation", obj) for obj in (None, own, other))
    assert results == VIEW_IMPLEMENTATION[role]


@pytest.mark.parametrize("role", ROLES)
def test_update_implementation(world, role):
    user = _user(world, role)
    own = Implementation.objects.create(entry=selected_entry(programme=world.programme, school=world.school))
    other = selected_entry(programme=world.programme, school=world.other_school)
    milestone = Milestone.objects.create(implementation=own, date="2023-01-05", title="x")
    results = tuple(user.has_perm("contests.update_implementation", obj) for obj in (None, own, other))
    assert results == UPDATE_IMPLEMENTATION[role]
    # A milestone is judged by its initiative.
    assert user.has_perm("contests.update_implementation", milestone) == UPDATE_IMPLEMENTATION[role][1]
