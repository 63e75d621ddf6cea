"""Enrolling schools in bulk (schools/enrolments.py) and the enrolments import."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from schools.enrolments import enrolment_preview, enrolment_withdraw, enrolments_create, parse_codes
from schools.enums import SchoolLevel
from schools.imports.enrolments import import_enrolments
from schools.models import ActionPlan, Enrolment, EnrolmentWithdrawal
from schools.selectors import programme_schools
from tests.conftest import rival_organiser
from tests.factories import ProgrammeFactory, SchoolFactory


def _csv(text: str):
    return SimpleUploadedFile("enrolments.csv", text.encode("utf-8"), content_type="text/csv")


@pytest.fixture
def more_schools(world):
    return [
        SchoolFactory(code="th-a", name="Trường Tiểu học A", level=SchoolLevel.PRIMARY, area=world.ward),
        SchoolFactory(code="th-b", name="Trường Tiểu học B", level=SchoolLevel.PRIMARY, area=world.ward),
        SchoolFactory(code="mn-c", name="Trường Mầm non C", level=SchoolLevel.PRESCHOOL, area=world.ward),
    ]


def test_parse_codes_takes_lines_commas_and_spaces_once_each():
    assert parse_codes(" th-a\nth-b, mn-c;TH-A  th-d\r\n") == ["th-a", "th-b", "mn-c", "th-d"]


def test_preview_by_area_lists_the_schools_not_yet_enrolled(world, more_schools):
    preview = enrolment_preview(programme=world.programme, area=world.ward)

    assert [s.code for s in preview.schools] == ["mn-c", "th-a", "th-b"]
    assert preview.problems == []


def test_preview_by_level(world, more_schools):
    preview = enrolment_preview(programme=world.programme, level=SchoolLevel.PRIMARY)

    assert [s.code for s in preview.schools] == ["th-a", "th-b"]


def test_preview_of_an_area_outside_the_programme_is_refused(world, more_schools):
    preview = enrolment_preview(programme=world.programme, area=world.other_ward)

    assert preview.schools == []
    assert preview.problems == ["Khu vực “Phường Hàng Bạc” nằm ngoài khu vực “Nam Từ Liêm” của chương trình."]


def test_preview_by_codes_names_unknown_outside_and_already_enrolled(world, more_schools):
    preview = enrolment_preview(programme=world.programme, codes=["TH-A", "khong-co", "thcs-hang-bac", "thcs-cau-dien"])

    assert [s.code for s in preview.schools] == ["th-a"]
    assert [s.code for s in preview.already] == ["thcs-cau-dien"]
    assert preview.problems == [
        "Không có trường nào mã “khong-co”.",
        "“Trường THCS Hàng Bạc” (thcs-hang-bac) nằm ngoài khu vực “Nam Từ Liêm” của chương trình.",
    ]


def test_enrolments_create_enrols_all_and_counts_the_new(world, more_schools):
    created = enrolments_create(programme=world.programme, schools=[*more_schools, world.school], by=world.organiser)

    assert created == 3
    assert set(programme_schools(world.programme).values_list("code", flat=True)) == {
        "thcs-cau-dien",
        "th-a",
        "th-b",
        "mn-c",
    }


def test_enrolments_create_with_one_school_outside_the_area_enrols_nothing(world, more_schools):
    with pytest.raises(ValidationError):
        enrolments_create(programme=world.programme, schools=[*more_schools, world.other_school], by=world.organiser)

    assert Enrolment.objects.filter(programme=world.programme).count() == 1


def test_enrolments_create_by_an_organiser_of_another_programme_is_refused(world, more_schools):
    with pytest.raises(PermissionDenied):
        enrolments_create(programme=world.programme, schools=more_schools, by=rival_organiser(world))

    assert Enrolment.objects.filter(programme=world.programme).count() == 1


def test_withdraw_records_who_when_why_and_keeps_the_history(world):
    plan = ActionPlan.objects.create(programme=world.programme, school=world.school)
    before = timezone.now()

    withdrawal = enrolment_withdraw(
        programme=world.programme, school=world.school, by=world.organiser, reason="  Trường sáp nhập  "
    )

    assert not Enrolment.objects.filter(programme=world.programme, school=world.school).exists()
    withdrawal = EnrolmentWithdrawal.objects.get(pk=withdrawal.pk)
    assert (withdrawal.reason, withdrawal.withdrawn_by) == ("Trường sáp nhập", world.organiser)
    assert before <= withdrawal.withdrawn_at <= timezone.now()
    assert withdrawal.enrolled_on is not None
    assert ActionPlan.objects.filter(pk=plan.pk).exists()


def test_withdraw_without_a_reason_changes_nothing(world):
    with pytest.raises(ValidationError):
        enrolment_withdraw(programme=world.programme, school=world.school, by=world.organiser, reason="  ")

    assert Enrolment.objects.filter(programme=world.programme, school=world.school).exists()
    assert not EnrolmentWithdrawal.objects.exists()


def test_withdraw_by_an_organiser_of_another_programme_is_refused(world):
    with pytest.raises(PermissionDenied):
        enrolment_withdraw(programme=world.programme, school=world.school, by=rival_organiser(world), reason="x")

    assert Enrolment.objects.filter(programme=world.programme, school=world.school).exists()


def test_import_enrolments_enrols_and_counts_the_already_enrolled_unchanged(world, more_schools):
    result = import_enrolments(
        _csv(
            "programme_code,school_code\nnhua-gia-tri-thap,th-a\nNHUA-GIA-TRI-THAP,TH-B\nnhua-gia-tri-thap,thcs-cau-dien\n"
        ),
        by=world.organiser,
    )

    assert result.errors == []
    assert (result.created, result.updated, result.unchanged) == (2, 0, 1)
    assert Enrolment.objects.filter(programme=world.programme).count() == 3


def test_import_enrolments_with_one_bad_row_writes_nothing_and_names_every_bad_row(world, more_schools):
    result = import_enrolments(
        _csv(
            "programme_code,school_code\n"
            "nhua-gia-tri-thap,th-a\n"
            "nhua-gia-tri-thap,thcs-hang-bac\n"
            "khong-co,th-b\n"
            "nhua-gia-tri-thap,th-a\n"
        ),
        by=world.organiser,
    )

    assert [str(p) for p in result.errors] == [
        "Dòng 3: “Trường THCS Hàng Bạc” (thcs-hang-bac) nằm ngoài khu vực “Nam Từ Liêm” của chương trình.",
        "Dòng 4: Không có chương trình nào mã “khong-co”.",
        "Dòng 5: Trường “th-a” đã có ở dòng 2 cho chương trình này.",
    ]
    assert Enrolment.objects.filter(programme=world.programme).count() == 1


def test_import_enrolments_into_a_programme_the_organiser_does_not_run_is_refused(world, more_schools):
    other = ProgrammeFactory(slug="khac", area=world.district)

    result = import_enrolments(_csv("programme_code,school_code\nkhac,th-a\n"), by=rival_organiser(world))

    assert [p.line for p in result.errors] == [2]
    assert not Enrolment.objects.filter(programme=other).exists()
