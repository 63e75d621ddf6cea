"""The upload pages: permissions by name, the page, the example files, results and bad rows."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from schools.models import School, SchoolYearProfile
from tests.factories import SchoolYearFactory
from tests.schools.imports.test_support import SCHOOL_HEADER, USER_HEADER, csv_upload, snapshot, xlsx_upload

PAGES = ["workspace:import_schools", "workspace:import_users"]
EXAMPLES = ["workspace:import_schools_example", "workspace:import_users_example"]


@pytest.fixture
def as_user(client_for, settings):
    """A client logged in as the user, reading English (the msgids) whatever catalogue is compiled."""

    def login(user):
        client = client_for(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return login


@pytest.mark.parametrize("name", PAGES + EXAMPLES)
def test_import_pages_organiser_may_open(world, as_user, name):
    response = as_user(world.organiser).get(reverse(name))
    assert response.status_code == 200


@pytest.mark.parametrize("role", ["teacher", "student", "officer", "judge", "outsider"])
@pytest.mark.parametrize("name", PAGES + EXAMPLES)
def test_import_pages_other_roles_are_forbidden(world, as_user, role, name):
    response = as_user(world.user_for(role)).get(reverse(name))
    assert response.status_code == 403


@pytest.mark.parametrize("role", ["teacher", "officer"])
def test_import_upload_by_other_roles_is_forbidden_and_writes_nothing(world, as_user, role):
    before = snapshot()
    upload = csv_upload(f"{SCHOOL_HEADER}\nth-x,Trường X,primary,cau-dien,,\n")
    response = as_user(world.user_for(role)).post(reverse("workspace:import_schools"), {"file": upload})
    assert response.status_code == 403
    assert snapshot() == before


@pytest.mark.parametrize("name", PAGES + EXAMPLES)
def test_import_pages_anonymous_goes_to_login(world, client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


@pytest.mark.parametrize("name", PAGES)
def test_import_pages_refuse_other_methods(world, as_user, name):
    response = as_user(world.organiser).put(reverse(name))
    assert response.status_code == 405


def test_import_example_upload_is_refused_by_post(world, as_user):
    assert as_user(world.organiser).post(reverse("workspace:import_users_example")).status_code == 405


def test_import_schools_page_explains_columns(world, as_user):
    response = as_user(world.organiser).get(reverse("workspace:import_schools"))
    html = response.content.decode()
    for column in SCHOOL_HEADER.split(","):
        assert f"<code>{column}</code>" in html
    assert 'enctype="multipart/form-data"' in html
    assert reverse("workspace:import_schools_example") in html


def test_import_users_page_says_officers_use_an_area_code(world, as_user):
    response = as_user(world.organiser).get(reverse("workspace:import_users"))
    assert "Officers: the code of the AREA they oversee" in response.content.decode()


@pytest.mark.parametrize(
    "name, header",
    [("workspace:import_schools_example", SCHOOL_HEADER), ("workspace:import_users_example", USER_HEADER)],
)
def test_import_example_is_utf8_csv_with_bom(world, as_user, name, header):
    response = as_user(world.organiser).get(reverse(name))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ",".join(rows[0]) == header
    assert len(rows) >= 4
    assert any("Trường" in cell or "Nguyễn" in cell for row in rows for cell in row)


def test_import_schools_example_imports_once_its_areas_exist(world):
    from schools.imports import import_schools
    from schools.imports.views import SCHOOLS, _example

    result = import_schools(csv_upload(_example(SCHOOLS).content.decode("utf-8")))
    assert result.ok, result.errors
    assert result.created == 2 and result.updated == 1


def test_import_users_example_imports_once_its_schools_exist(world):
    from schools.imports import import_users
    from schools.imports.views import USERS, _example

    result = import_users(csv_upload(_example(USERS).content.decode("utf-8")))
    assert result.ok, result.errors
    assert result.created == 4


def test_import_schools_upload_shows_the_summary(world, as_user):
    upload = csv_upload(f"{SCHOOL_HEADER}\nth-x,Trường X,primary,cau-dien,100,4\n", bom=True)
    response = as_user(world.organiser).post(reverse("workspace:import_schools"), {"file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "alert-success" in html
    assert "1 created" in html
    assert School.objects.filter(code="th-x").exists()


def test_import_users_upload_xlsx(world, as_user):
    upload = xlsx_upload([USER_HEADER.split(","), ["mai", "Đỗ Thị Mai", "giáo viên", "thcs-cau-dien", "", ""]])
    response = as_user(world.organiser).post(reverse("workspace:import_users"), {"file": upload})
    assert response.status_code == 200
    assert response.context["result"].created == 1


def test_import_users_upload_with_one_bad_row_shows_every_bad_row_and_imports_nothing(world, as_user):
    text = (
        f"{USER_HEADER}\n"
        "mai,Đỗ Thị Mai,giáo viên,thcs-cau-dien,,mai@example.org\n"
        "an2,Trần An,học sinh,thcs-cau-dien,6A1,an@example.org\n"
        "lan,Nguyễn Lan,giáo viên,khong-co,,\n"
    )
    before = snapshot()
    response = as_user(world.organiser).post(reverse("workspace:import_users"), {"file": csv_upload(text)})
    assert response.status_code == 200
    html = response.content.decode()
    result = response.context["result"]
    assert [p.line for p in result.errors] == [3, 4]
    assert "Nothing was imported" in html
    assert html.count('<td class="text-nowrap">3</td>') == 1
    assert html.count('<td class="text-nowrap">4</td>') == 1
    assert "No school has the code “khong-co”." in html
    assert snapshot() == before


def test_import_upload_without_a_file_shows_the_form_error(world, as_user):
    before = snapshot()
    response = as_user(world.organiser).post(reverse("workspace:import_schools"), {})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert response.context["result"] is None
    assert snapshot() == before


def test_import_upload_over_the_limit_is_refused_with_a_message(world, as_user, settings):
    settings.IMPORT_MAX_BYTES = 1024
    upload = csv_upload(SCHOOL_HEADER + "\n" + "th-x,Trường X,primary,cau-dien,,\n" * 100)
    before = snapshot()
    response = as_user(world.organiser).post(reverse("workspace:import_schools"), {"file": upload})
    assert response.status_code == 200
    assert response.context["form"].errors["file"][0].startswith("The file is")
    assert snapshot() == before


@pytest.mark.parametrize(
    "data",
    [b"", b"\x89PNG\r\n\x1a\n\x00\x00", "code,name\nx,Tr\xf0\n".encode("latin-1"), b"PK\x03\x04garbage"],
    ids=["empty", "png", "latin-1", "broken-zip"],
)
def test_import_upload_of_a_bad_file_never_gives_a_server_error(world, as_user, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = snapshot()
    upload = SimpleUploadedFile("x.csv", data)
    response = as_user(world.organiser).post(reverse("workspace:import_users"), {"file": upload})
    assert response.status_code == 200
    assert [p.line for p in response.context["result"].errors] == [None]
    assert snapshot() == before


def test_import_workspace_home_links_to_the_pages(world, as_user):
    html = as_user(world.organiser).get(reverse("workspace:home")).content.decode()
    assert reverse("workspace:import_schools") in html
    assert reverse("workspace:import_users") in html


def test_import_upload_check_only_writes_nothing(world, as_user):
    upload = csv_upload(f"{SCHOOL_HEADER}\nth-x,Trường X,primary,cau-dien,100,4\n")
    before = snapshot()
    response = as_user(world.organiser).post(reverse("workspace:import_schools"), {"file": upload, "dry_run": "on"})
    assert response.status_code == 200
    result = response.context["result"]
    assert (result.ok, result.dry_run, result.created) == (True, True, 1)
    assert "The file is valid" in response.content.decode()
    assert snapshot() == before


def test_import_schools_page_files_figures_under_the_year_chosen(world, as_user):
    year = SchoolYearFactory(name="2021-2022", starts_on=date(2021, 9, 1), ends_on=date(2022, 5, 31))
    client = as_user(world.organiser)
    page = client.get(reverse("workspace:import_schools"))
    upload = csv_upload(f"{SCHOOL_HEADER}\nth-x,Trường X,primary,cau-dien,120,5\n")

    response = client.post(reverse("workspace:import_schools"), {"file": upload, "year": year.pk})

    assert f'<option value="{world.programme.school_year.pk}" selected>' in page.content.decode()
    assert response.status_code == 200
    assert SchoolYearProfile.objects.get(school__code="th-x").year == year
