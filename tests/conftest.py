"""Shared fixtures: a small world of two schools in two wards and a user for each role.

`world.school` is "our" school; `world.other_school` is another school in another
ward, used to check that its objects answer 404.

The world is built once per test module, inside a transaction that is rolled back when
the module ends; each test runs in a savepoint inside it (as Django's setUpTestData does)
and gets its own deep copy of the Python objects, so nothing a test changes reaches the
next one.
"""

import copy
import threading
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import connection, transaction

from schools.enums import AreaKind, Role
from schools.services import membership_grant
from tests.factories import (
    AreaFactory,
    ClassroomFactory,
    EnrolmentFactory,
    ProgrammeFactory,
    SchoolFactory,
    StudentFactory,
    UserFactory,
)
from tests.migrated_database import load_into_test_database, migrated, shared_dir


@pytest.hookimpl(trylast=True)  # after the tmp_path plugin has set up the base temp
def pytest_configure(config):
    """The xdist controller (or a run without workers) starts migrating the run's SQLite
    database at once, so it overlaps the workers' start-up and collection."""
    from django.conf import settings

    sqlite = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    if sqlite and not hasattr(config, "workerinput") and not config.option.collectonly:
        threading.Thread(target=migrated, args=(shared_dir(config),), daemon=True).start()


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's database setup, except that an in-memory SQLite test database is
    copied from the run's migrated database instead of migrated again in each worker."""
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite" and connection.creation.is_in_memory_db(
            connection.creation._get_test_db_name()
        ):
            db_cfg = load_into_test_database(connection, migrated(shared_dir(request.config)))
            if connection.alias in serialized_aliases:  # as create_test_db does for serialized_rollback
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        else:
            keepdb = django_db_keepdb and not django_db_createdb
            db_cfg = setup_databases(
                verbosity=0, interactive=False, keepdb=keepdb, aliases=aliases, serialized_aliases=serialized_aliases
            )
    yield
    with django_db_blocker.unblock():
        teardown_databases(db_cfg, verbosity=0, keepdb=django_db_keepdb)


@dataclass
class World:
    city: object
    district: object
    ward: object
    other_ward: object
    school: object
    other_school: object
    classroom: object
    other_classroom: object
    programme: object
    organiser: object
    officer: object
    teacher: object
    student_user: object
    student: object
    judge: object
    other_teacher: object
    outsider: object

    def user_for(self, role: str):
        if role in LATE_ROLES:
            return LATE_ROLES[role](self)
        return {
            "anonymous": None,
            "organiser": self.organiser,
            "officer": self.officer,
            "teacher": self.teacher,
            "student": self.student_user,
            "judge": self.judge,
            "other_teacher": self.other_teacher,
            "outsider": self.outsider,
        }[role]


ROLES = ["anonymous", "organiser", "officer", "teacher", "student", "judge", "outsider"]


def rival_organiser(world):
    """An organiser of another programme (Hoàn Kiếm), which holds none of the world's schools."""
    from tests.factories import AreaFactory, ProgrammeFactory, UserFactory

    ward = AreaFactory(parent=world.other_ward.get_parent(), name="Phường Tràng Tiền", code="trang-tien")
    programme = ProgrammeFactory(name="Trường học xanh Hoàn Kiếm", slug="thx-hoan-kiem", area=ward)
    user = UserFactory(username="rival_organiser", full_name="Hồ Tổ Chức Khác")
    membership_grant(user=user, role=Role.ORGANISER, programme=programme)
    return user


def chair(world):
    """A judge of the world's programme who chairs the jury of every contest it has so far
    (the permission matrix asks for the chair after a route has made its contest)."""
    from contests.models import Contest
    from tests.factories import UserFactory
    from tests.factories.contests import JudgeInvitationFactory

    user = UserFactory(username="chair", full_name="Chu Chủ Tịch")
    membership_grant(user=user, role=Role.JUDGE, programme=world.programme)
    for contest in Contest.objects.filter(programme=world.programme):
        JudgeInvitationFactory(contest=contest, judge=user, is_chair=True)
    return user


# Made when a test asks for them, so the world every other test sees stays as it was.
LATE_ROLES = {"rival_organiser": rival_organiser, "chair": chair}


# Fixtures that make a test transactional (it commits, so it cannot sit in a shared transaction).
TRANSACTIONAL_FIXTURES = {
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


def is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(TRANSACTIONAL_FIXTURES & set(item.fixturenames))


@pytest.fixture(scope="module")
def world_of_module(request, django_db_setup, django_db_blocker):
    """The module's world in an open transaction, or None when a test of the module commits
    (then each test builds its own world in its own database state)."""
    items = [item for item in request.session.items if getattr(item, "module", None) is request.module]
    if any(is_transactional(item) for item in items):
        yield None
        return
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        built = build_world()
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def world(world_of_module, db):
    """Two schools in two wards and a user for each role; each test gets its own copy.

    `world_of_module` is module-scoped, so pytest opens its transaction before `db`
    opens the test's savepoint, whatever the order of a test's arguments."""
    if world_of_module is None:
        return build_world()
    return copy.deepcopy(world_of_module)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Pages and figures are cached (locmem): no test sees another's cached page."""
    cache.clear()
    yield
    cache.clear()


def build_world() -> World:
    city = AreaFactory(kind=AreaKind.CITY, name="Hà Nội", code="ha-noi")
    district = AreaFactory(parent=city, kind=AreaKind.DISTRICT_CLUSTER, name="Nam Từ Liêm", code="nam-tu-liem")
    ward = AreaFactory(parent=district, name="Phường Cầu Diễn", code="cau-dien")
    far_district = AreaFactory(parent=city, kind=AreaKind.DISTRICT_CLUSTER, name="Hoàn Kiếm", code="hoan-kiem")
    other_ward = AreaFactory(parent=far_district, name="Phường Hàng Bạc", code="hang-bac")
    school = SchoolFactory(code="thcs-cau-dien", name="Trường THCS Cầu Diễn", area=ward)
    other_school = SchoolFactory(code="thcs-hang-bac", name="Trường THCS Hàng Bạc", area=other_ward)
    classroom = ClassroomFactory(school=school, name="6A1")
    other_classroom = ClassroomFactory(school=other_school, name="7B2", grade=7)
    programme = ProgrammeFactory(name="Nhựa giá trị thấp", slug="nhua-gia-tri-thap", area=district)
    EnrolmentFactory(programme=programme, school=school)

    organiser = UserFactory(username="organiser", full_name="Lê Ban Tổ Chức")
    membership_grant(user=organiser, role=Role.ORGANISER)
    officer = UserFactory(username="officer", full_name="Phạm Cán Bộ")
    membership_grant(user=officer, role=Role.OFFICER, area=district)
    teacher = UserFactory(username="teacher", full_name="Nguyễn Thị Giáo Viên")
    membership_grant(user=teacher, role=Role.TEACHER, school=school)
    other_teacher = UserFactory(username="other_teacher", full_name="Đỗ Văn Khác")
    membership_grant(user=other_teacher, role=Role.TEACHER, school=other_school)
    student_user = UserFactory(username="student", full_name="Trần Minh An", email="")
    membership_grant(user=student_user, role=Role.STUDENT, school=school)
    student = StudentFactory(classroom=classroom, display_name="Trần Minh An", user=student_user)
    judge = UserFactory(username="judge", full_name="Vũ Giám Khảo")
    membership_grant(user=judge, role=Role.JUDGE, programme=programme)
    outsider = UserFactory(username="outsider", full_name="Người Ngoài")
    return World(
        city=city,
        district=district,
        ward=ward,
        other_ward=other_ward,
        school=school,
        other_school=other_school,
        classroom=classroom,
        other_classroom=other_classroom,
        programme=programme,
        organiser=organiser,
        officer=officer,
        teacher=teacher,
        student_user=student_user,
        student=student,
        judge=judge,
        other_teacher=other_teacher,
        outsider=outsider,
    )


def fresh(user):
    """The user as a new request would load it (no cached memberships)."""
    return type(user).objects.get(pk=user.pk) if user is not None else None


@pytest.fixture
def client_for(client):
    """Log in as a role of the world: client_for(world.teacher)."""

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login


# Browser tests that take 20-45 s each: started first among the browser tests, so that no
# worker is still running one at the end while the others have nothing left to do.
LONGEST_BROWSER_TESTS = (
    "test_action_plan_cycle",
    "test_contest_entries",
    "test_judging_live",
    "test_page_tree_editor_actions_panels_and_history_are_vietnamese",
)


def pytest_collection_modifyitems(config, items):
    """Browser tests last (their session-wide browser and server outlive them), the longest first."""

    def order(item):
        browser = "tests/e2e/" in str(item.fspath)
        return browser, browser and not any(name in item.nodeid for name in LONGEST_BROWSER_TESTS)

    items.sort(key=order)
