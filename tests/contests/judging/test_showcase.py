"""A showcase in one sitting (issue 15): 20 entries imported from CSV with their own codes,
marked eligible in bulk, printed on paper sheets per judge, scored from the typed-in paper
sheets, and the live-showcase mode on the same imported entries."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contests.entries.imports import import_entries
from contests.entries.services_bulk import entries_check_bulk
from contests.enums import ContestKind, EntryStatus, EvaluationStatus, RoundMode
from contests.judging.imports import import_scores
from contests.judging.selectors import paper_sheets
from contests.judging.services import evaluation_save
from contests.judging.services_assignments import assign_all, judge_invite
from contests.models import Entry, Evaluation
from tests.conftest import rival_organiser
from tests.factories import EnrolmentFactory, SchoolFactory, UserFactory
from tests.factories.contests import ContestFactory, CriterionFactory, RoundFactory

CRITERIA = [("Sáng tạo", 3), ("Hữu ích", 2), ("Lan tỏa", 2), ("Khả thi", 2), ("Trình bày", 1)]


def _upload(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


@pytest.fixture
def showcase(world, settings):
    """A live round of five weighted criteria, five schools, five judges, 20 imported entries."""
    settings.AXES_ENABLED = False
    schools = [world.school] + [SchoolFactory(code=f"thcs-{n}", name=f"Trường THCS {n}") for n in range(2, 6)]
    for school in schools[1:]:
        EnrolmentFactory(programme=world.programme, school=school)
    contest = ContestFactory(programme=world.programme, kind=ContestKind.INITIATIVE, code_prefix="NTL")
    round_ = RoundFactory(contest=contest, order=1, name="Trình bày trực tiếp", mode=RoundMode.LIVE)
    for order, (name, weight) in enumerate(CRITERIA, start=1):
        CriterionFactory(round=round_, order=order, name=name, weight=Decimal(weight))
    lines = ["code,title,school_code,members"]
    for n in range(1, 21):
        school = schools[(n - 1) % 5]
        lines.append(f"NTL-{n:02d},Sáng kiến số {n},{school.code},Học Sinh {n} (7A{n % 3 + 1}); Bạn Của {n} (7A1)")
    outcome = import_entries(_upload("bai.csv", "\n".join(lines) + "\n"), contest=contest, user=world.organiser)
    assert outcome.result.ok, outcome.result.errors
    judges = [UserFactory(username=f"gk{n}", full_name=f"Giám Khảo {n}") for n in range(1, 6)]
    for judge in judges:
        judge_invite(contest=contest, judge=judge, by=world.organiser)
    return contest, round_, judges


def test_twenty_imported_entries_are_scored_from_paper_sheets(world, showcase):
    contest, round_, judges = showcase
    entries = list(Entry.objects.filter(contest=contest).order_by("code"))
    assert [e.code for e in entries] == [f"NTL-{n:02d}" for n in range(1, 21)]
    assert {e.status for e in entries} == {EntryStatus.ENDORSED}

    checked = entries_check_bulk(entries=entries, user=world.organiser, eligible=True)
    assert (len(checked.changed), len(checked.unchanged), checked.skipped) == (20, 0, [])

    sheets = paper_sheets(round_)
    assert [s["judge"].username for s in sheets] == ["gk1", "gk2", "gk3", "gk4", "gk5"]
    assert all([e.code for e in s["entries"]] == [e.code for e in entries] for s in sheets)

    # The judges' paper, typed in: judge j gives entry n the same mark m on every criterion.
    rows = ["round,judge,entry_code,criterion,score"]
    for j, sheet in enumerate(sheets):
        for n, entry in enumerate(sheet["entries"], start=1):
            mark = f"{5 + (n % 5) * 0.5 + j * 0.5:.1f}".replace(".", ",")
            rows += [f'1,{sheet["judge"].username},{entry.code},{name},"{mark}"' for name, _weight in CRITERIA]
    assert len(rows) == 501
    text = "\n".join(rows) + "\n"
    result = import_scores(_upload("phieu.csv", text), contest=contest, user=world.organiser)
    assert result.ok, result.errors[:3]
    assert result.summary() == "Đã nhập 500 dòng, 100 phiếu: tạo mới 100, cập nhật 0, không đổi 0."
    assert Evaluation.objects.filter(round=round_, status=EvaluationStatus.SUBMITTED).count() == 100
    first = Evaluation.objects.get(round=round_, judge=judges[0], entry=entries[0])
    assert first.total == Decimal("55.0000")  # 5,5 of 10 on every criterion

    again = import_scores(_upload("phieu.csv", text), contest=contest, user=world.organiser)
    assert (again.lines, again.created, again.unchanged) == (500, 0, 100)


def test_the_paper_sheet_page_and_its_import_file(world, client_for, showcase):
    contest, round_, judges = showcase
    entries_check_bulk(entries=list(Entry.objects.filter(contest=contest)), user=world.organiser, eligible=True)
    client = client_for(world.organiser)
    url = reverse("contests:judging_paper_sheets", args=[contest.pk, round_.pk])
    page = client.get(url).content.decode()
    assert page.count('class="paper-sheet"') == 5
    assert page.count('data-entry="NTL-07"') == 5
    assert all(f'data-criterion="{name}"' in page for name, _weight in CRITERIA)
    one = client.get(url, {"judge": "gk2"}).content.decode()
    assert one.count('class="paper-sheet"') == 1 and 'data-judge="gk2"' in one
    assert client.get(url, {"judge": "nobody"}).status_code == 404
    csv = client.get(reverse("contests:judging_paper_template", args=[contest.pk, round_.pk]), {"judge": "gk1"})
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "round,judge,entry_code,criterion,score"
    assert lines[1] == "1,gk1,NTL-01,Sáng tạo,"
    assert len(lines) == 1 + 20 * 5
    filled = "\n".join([lines[0], *(line + "7" for line in lines[1:])]) + "\n"
    result = import_scores(_upload("gk1.csv", filled), contest=contest)
    assert result.ok and (result.lines, result.created) == (100, 20)


def test_paper_sheets_of_another_programme_answer_404(world, client_for, showcase):
    contest, round_, _judges = showcase
    url = reverse("contests:judging_paper_sheets", args=[contest.pk, round_.pk])
    assert client_for(rival_organiser(world)).get(url).status_code == 404
    assert client_for(world.judge).get(url).status_code in (403, 404)


def test_the_live_mode_runs_on_imported_entries(world, client_for, showcase):
    contest, round_, judges = showcase
    entries = list(Entry.objects.filter(contest=contest).order_by("code"))
    entries_check_bulk(entries=entries, user=world.organiser, eligible=True)
    assign_all(round_=round_, by=world.organiser)
    client = client_for(judges[0])
    live = reverse("contests:judging_live", args=[round_.pk])
    response = client.get(live)
    assert response.status_code == 200
    assert response.context["entry"].code == "NTL-01"
    criteria = list(round_.criteria.order_by("order"))
    evaluation_save(
        round_=round_,
        judge=judges[0],
        entry=entries[0],
        scores={c.pk: Decimal("8") for c in criteria},
        submit=True,
    )
    assert client.get(live).context["entry"].code == "NTL-02"
