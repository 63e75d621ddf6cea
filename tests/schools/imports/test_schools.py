"""Importing schools: every bad row reported with its line, nothing written; good files; idempotency."""

from datetime import date

import pytest
from django.utils import translation

from schools.enums import SchoolLevel
from schools.imports import import_schools
from schools.models import Programme, School, SchoolYearProfile
from schools.services import school_year_current
from tests.conftest import rival_organiser
from tests.factories import ProgrammeFactory, SchoolYearFactory
from tests.schools.imports.test_support import SCHOOL_HEADER, csv_upload, error_lines, snapshot, xlsx_upload


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English (their msgids), whatever catalogue is compiled."""
    with translation.override("en"):
        yield


GOOD = (
    SCHOOL_HEADER + "\r\n"
    "th-hoa-sen,Trường Tiểu học Hoa Sen,Tiểu học,cau-dien,640,18\r\n"
    "mn-son-ca,Trường Mầm non Sơn Ca,mầm non,hang-bac,,\r\n"
    "thcs-cau-dien,Trường THCS Cầu Diễn (mới),THCS,cau-dien,1250,28\r\n"
)


def refused(text, lines):
    before = snapshot()
    result = import_schools(csv_upload(text))
    assert not result.ok
    assert error_lines(result) == lines
    assert (result.created, result.updated, result.unchanged) == (0, 0, 0)
    assert snapshot() == before
    return result


def test_import_schools_good_csv_without_bom(world):
    before = snapshot()
    result = import_schools(csv_upload(GOOD))
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (2, 1, 0)
    assert snapshot()["schools"] == before["schools"] + 2
    hoa_sen = School.objects.get(code="th-hoa-sen")
    assert (hoa_sen.name, hoa_sen.level, hoa_sen.area) == ("Trường Tiểu học Hoa Sen", SchoolLevel.PRIMARY, world.ward)
    profile = SchoolYearProfile.objects.get(school=hoa_sen)
    # With no year given, figures go to the latest programme's school year, not today's.
    assert (profile.year, profile.enrolment, profile.classes) == (world.programme.school_year, 640, 18)
    assert School.objects.get(code="mn-son-ca").level == SchoolLevel.PRESCHOOL
    assert not SchoolYearProfile.objects.filter(school__code="mn-son-ca").exists()
    world.school.refresh_from_db()
    assert world.school.name == "Trường THCS Cầu Diễn (mới)"


def test_import_schools_good_csv_with_bom(world):
    result = import_schools(csv_upload(GOOD, bom=True))
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (2, 1, 0)
    assert School.objects.filter(code__in=["th-hoa-sen", "mn-son-ca"]).count() == 2


def test_import_schools_good_xlsx(world):
    rows = [line.split(",") for line in GOOD.strip().split("\r\n")]
    rows[1][4], rows[1][5] = 640, 18  # numbers as Excel stores them
    result = import_schools(xlsx_upload(rows))
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (2, 1, 0)
    assert SchoolYearProfile.objects.get(school__code="th-hoa-sen").enrolment == 640


def test_import_schools_same_file_twice_changes_nothing(world):
    import_schools(csv_upload(GOOD))
    after_first = snapshot()
    names = list(School.objects.order_by("code").values_list("code", "name", "level", "area_id"))
    result = import_schools(csv_upload(GOOD))
    assert result.ok
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert snapshot() == after_first
    assert list(School.objects.order_by("code").values_list("code", "name", "level", "area_id")) == names


@pytest.mark.parametrize(
    "word, level",
    [
        ("Mầm non", SchoolLevel.PRESCHOOL),
        ("MAM NON", SchoolLevel.PRESCHOOL),
        ("tiểu học", SchoolLevel.PRIMARY),
        ("thcs", SchoolLevel.LOWER_SECONDARY),
        ("Trung học cơ sở", SchoolLevel.LOWER_SECONDARY),
        ("THPT", SchoolLevel.UPPER_SECONDARY),
        ("Liên Cấp", SchoolLevel.MULTI),
        ("lien cap", SchoolLevel.MULTI),
        ("lower_secondary", SchoolLevel.LOWER_SECONDARY),
        ("Upper secondary", SchoolLevel.UPPER_SECONDARY),
        ("multi-level", SchoolLevel.MULTI),
    ],
)
def test_import_schools_level_words(world, word, level):
    result = import_schools(csv_upload(f"{SCHOOL_HEADER}\nx-1,Trường X,{word},cau-dien,,\n"))
    assert result.ok, result.errors
    assert School.objects.get(code="x-1").level == level


def test_import_schools_codes_match_ignoring_case(world):
    result = import_schools(csv_upload(f"{SCHOOL_HEADER}\nTHCS-Cau-Dien,Trường THCS Cầu Diễn,THCS,CAU-DIEN,,\n"))
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    assert not School.objects.filter(code="THCS-Cau-Dien").exists()


def test_import_schools_empty_figures_keep_stored_ones(world):
    import_schools(csv_upload(f"{SCHOOL_HEADER}\nthcs-cau-dien,Trường THCS Cầu Diễn,THCS,cau-dien,900,20\n"))
    result = import_schools(csv_upload(f"{SCHOOL_HEADER}\nthcs-cau-dien,Trường THCS Cầu Diễn,THCS,cau-dien,,21\n"))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    profile = SchoolYearProfile.objects.get(school=world.school)
    assert (profile.enrolment, profile.classes) == (900, 21)


def test_import_schools_unknown_area_code(world):
    result = refused(f"{SCHOOL_HEADER}\nth-a,Trường A,primary,cau-dien,,\nth-b,Trường B,primary,khong-co,,\n", [3])
    assert result.errors[0].message == "No area has the code “khong-co”."


def test_import_schools_duplicate_code_in_file(world):
    text = (
        f"{SCHOOL_HEADER}\nth-a,Trường A,primary,cau-dien,,\nth-b,Trường B,primary,cau-dien,,\n"
        "TH-A,Trường A bis,primary,cau-dien,,\n"
    )
    result = refused(text, [4])
    assert result.errors[0].message == "The school code “TH-A” is also on line 2."


def test_import_schools_bad_level(world):
    result = refused(f"{SCHOOL_HEADER}\nth-a,Trường A,đại học,cau-dien,,\n", [2])
    assert result.errors[0].message.startswith("Unknown level “đại học”. Use one of: Mầm non, Tiểu học, THCS")


@pytest.mark.parametrize("value", ["12.5", "-3", "abc", "1.200", "1,200"])
def test_import_schools_non_integer_enrolment(world, value):
    result = refused(f'{SCHOOL_HEADER}\nth-a,Trường A,primary,cau-dien,"{value}",\n', [2])
    assert result.errors[0].message == f"The enrolment must be a whole number of 0 or more, not “{value}”."


def test_import_schools_enrolment_with_spaces_is_a_number(world):
    result = import_schools(csv_upload(f"{SCHOOL_HEADER}\nth-a,Trường A,primary,cau-dien,1 250,\n"))
    assert result.ok
    assert SchoolYearProfile.objects.get(school__code="th-a").enrolment == 1250


def test_import_schools_every_bad_row_is_reported_and_nothing_written(world):
    text = (
        f"{SCHOOL_HEADER}\n"
        "th-ok,Trường Tốt,primary,cau-dien,100,5\n"  # 2: fine
        ",Không mã,primary,cau-dien,,\n"  # 3: no code
        "th có dấu,Trường C,primary,cau-dien,,\n"  # 4: bad code
        "th-d,,primary,cau-dien,,\n"  # 5: no name
        "th-e,Trường E,,cau-dien,,\n"  # 6: no level
        "th-f,Trường F,primary,,,\n"  # 7: no area
        "th-g,Trường G,nhà trẻ,nowhere,x,-1\n"  # 8: three problems
        "\n"  # 9: blank, skipped
        "th-ok,Trường Tốt lần hai,primary,cau-dien,,\n"  # 10: duplicate of line 2
    )
    result = refused(text, [3, 4, 5, 6, 7, 8, 8, 8, 8, 10])
    assert [p.message for p in result.errors if p.line == 8] == [
        "Unknown level “nhà trẻ”. Use one of: Mầm non, Tiểu học, THCS, THPT, Liên cấp.",
        "No area has the code “nowhere”.",
        "The enrolment must be a whole number of 0 or more, not “x”.",
        "The number of classes must be a whole number of 0 or more, not “-1”.",
    ]
    assert result.summary() == "Nothing was imported: 10 problem(s) found in 7 row(s)."


def test_import_schools_dry_run_counts_and_writes_nothing(world):
    before = snapshot()
    result = import_schools(csv_upload(GOOD), dry_run=True)
    assert result.ok
    assert (result.created, result.updated, result.unchanged) == (2, 1, 0)
    assert snapshot() == before
    world.school.refresh_from_db()
    assert world.school.name == "Trường THCS Cầu Diễn"


@pytest.mark.parametrize(
    "row",
    [
        "thcs-cau-dien,Trường THCS Cầu Diễn,THCS,hang-bac,,",  # another area
        "thcs-cau-dien,Trường THCS Cầu Diễn,THPT,cau-dien,,",  # another level
        "thcs-cau-dien,Trường THCS Cầu Diễn,THCS,cau-dien,900,",  # a figure where there was no profile
    ],
    ids=["area", "level", "first-figure"],
)
def test_import_schools_any_change_counts_as_updated(world, row):
    result = import_schools(csv_upload(f"{SCHOOL_HEADER}\n{row}\n"))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    again = import_schools(csv_upload(f"{SCHOOL_HEADER}\n{row}\n"))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


def test_import_schools_unchanged_rows_cost_no_query_per_row(world, django_assert_max_num_queries):
    rows = "\n".join(f"th-{n},Trường {n},primary,cau-dien,{n},3" for n in range(30))
    import_schools(csv_upload(f"{SCHOOL_HEADER}\n{rows}\n"))
    with django_assert_max_num_queries(8):
        result = import_schools(csv_upload(f"{SCHOOL_HEADER}\n{rows}\n"))
    assert result.unchanged == 30


def test_import_schools_files_figures_under_the_year_given(world):
    year = SchoolYearFactory(name="2021-2022", starts_on=date(2021, 9, 1), ends_on=date(2022, 5, 31))

    import_schools(csv_upload(f"{SCHOOL_HEADER}\nthcs-cau-dien,Trường THCS Cầu Diễn,THCS,cau-dien,900,20\n"), year=year)

    assert list(SchoolYearProfile.objects.filter(school=world.school).values_list("year__name", "enrolment")) == [
        ("2021-2022", 900)
    ]


def test_import_schools_without_any_programme_uses_the_current_year(world):
    Programme.objects.all().delete()

    import_schools(csv_upload(f"{SCHOOL_HEADER}\nth-a,Trường A,primary,cau-dien,300,9\n"))

    assert SchoolYearProfile.objects.get(school__code="th-a").year == school_year_current()


def test_import_schools_by_an_organiser_uses_their_latest_programme(world):
    year = SchoolYearFactory(name="2030-2031", starts_on=date(2030, 9, 1), ends_on=date(2031, 5, 31))
    ProgrammeFactory(slug="later-elsewhere", school_year=year, area=world.other_ward)  # not hers

    rival = rival_organiser(world)
    import_schools(csv_upload(f"{SCHOOL_HEADER}\nth-b,Trường B,primary,trang-tien,300,9\n"), by=rival)

    assert SchoolYearProfile.objects.get(school__code="th-b").year == world.programme.school_year
