"""Factories of contests, entries and judging. Build states directly for tests that
need them; tests of a state change call the service instead."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from contests.enums import (
    ConflictSource,
    ContestKind,
    ContestStatus,
    EntryStatus,
    EvaluationStatus,
    RoundMode,
    RoundStatus,
)
from contests.models import (
    Assignment,
    ConflictOfInterest,
    Contest,
    Criterion,
    CriterionScore,
    Entry,
    EntryMember,
    Evaluation,
    JudgeInvitation,
    PrizeTier,
    ResultSnapshot,
    Round,
)

from .people import StudentFactory, UserFactory
from .places import SchoolFactory
from .programmes import ProgrammeFactory


class ContestFactory(factory.django.DjangoModelFactory):
    """An open contest (the window is around now) of a programme."""

    class Meta:
        model = Contest

    programme = factory.SubFactory(ProgrammeFactory)
    kind = ContestKind.INITIATIVE
    title = factory.Sequence(lambda n: f"Cuộc thi sáng kiến {n}")
    slug = factory.Sequence(lambda n: f"cuoc-thi-{n}")
    code_prefix = factory.Sequence(lambda n: f"C{n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    status = ContestStatus.OPEN


class PrizeTierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PrizeTier

    contest = factory.SubFactory(ContestFactory)
    order = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Giải {n + 1}")
    count = 1


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    contest = factory.SubFactory(ContestFactory)
    school = factory.SubFactory(SchoolFactory)
    code = factory.Sequence(lambda n: f"E-{n:04d}")
    title = factory.Sequence(lambda n: f"Sáng kiến tiết kiệm nước {n}")
    status = EntryStatus.SUBMITTED


class EntryMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EntryMember

    entry = factory.SubFactory(EntryFactory)
    student = factory.LazyAttribute(lambda o: StudentFactory(classroom__school=o.entry.school))


class JudgeInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JudgeInvitation
        django_get_or_create = ("contest", "judge")

    contest = factory.SubFactory(ContestFactory)
    judge = factory.SubFactory(UserFactory)


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    contest = factory.SubFactory(ContestFactory)
    order = factory.Sequence(lambda n: n + 1)
    name = "Chung khảo"
    mode = RoundMode.RUBRIC
    status = RoundStatus.OPEN


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    round = factory.SubFactory(RoundFactory)
    order = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Tiêu chí {n}")
    min_score = Decimal("0")
    max_score = Decimal("10")
    weight = Decimal("1")


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    round = factory.SubFactory(RoundFactory)
    judge = factory.SubFactory(UserFactory)
    entry = factory.LazyAttribute(lambda o: EntryFactory(contest=o.round.contest, status=EntryStatus.ELIGIBLE))


class EvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evaluation

    round = factory.SubFactory(RoundFactory)
    judge = factory.SubFactory(UserFactory)
    entry = factory.LazyAttribute(lambda o: EntryFactory(contest=o.round.contest, status=EntryStatus.ELIGIBLE))
    status = EvaluationStatus.DRAFT


class CriterionScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CriterionScore

    evaluation = factory.SubFactory(EvaluationFactory)
    criterion = factory.LazyAttribute(lambda o: CriterionFactory(round=o.evaluation.round))
    value = Decimal("5")


# --- results (helper "results") -------------------------------------------------------


class ResultSnapshotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResultSnapshot

    round = factory.SubFactory(RoundFactory)
    method = "mean"
    parameters = factory.LazyFunction(dict)
    rows = factory.LazyFunction(list)
    sha256 = "0" * 64
    created_by = factory.SubFactory(UserFactory)


def scored_round(*, scores, contest=None, tiers=(), school=None, **round_fields):
    """A round whose judges submitted score sheets: scores[i][j] is judge j's S (0–100)
    of entry i (None: that judge did not score it). One criterion on 0–100, so S is the
    value. Returns (round, entries, judges); entries are coded PREFIX-001, -002, ..."""
    contest = contest or ContestFactory(status=ContestStatus.JUDGING)
    for order, (name, count) in enumerate(tiers, start=1):
        PrizeTierFactory(contest=contest, order=order, name=name, count=count)
    round = RoundFactory(contest=contest, **round_fields)
    criterion = CriterionFactory(round=round, max_score=Decimal("100"))
    judges = [UserFactory() for _ in range(max(len(row) for row in scores))]
    for judge in judges:
        JudgeInvitationFactory(contest=contest, judge=judge)
    entries = []
    now = timezone.now()
    for number, row in enumerate(scores, start=1):
        extra = {"school": school} if school is not None else {}
        entry = EntryFactory(
            contest=contest, status=EntryStatus.ELIGIBLE, code=f"{contest.code_prefix}-{number:03d}", **extra
        )
        for judge, value in zip(judges, row, strict=False):
            if value is None:
                continue
            Assignment.objects.create(round=round, judge=judge, entry=entry, position=number)
            evaluation = EvaluationFactory(
                round=round,
                judge=judge,
                entry=entry,
                status=EvaluationStatus.SUBMITTED,
                total=Decimal(str(value)).quantize(Decimal("0.0001")),
                submitted_at=now,
            )
            CriterionScoreFactory(evaluation=evaluation, criterion=criterion, value=Decimal(str(value)))
        entries.append(entry)
    return round, entries, judges


def results_round(world):
    """A judged round of a contest of the world's programme: 3 entries of the world's
    school, 2 judges, two prize tiers of one each (no ties)."""
    contest = ContestFactory(programme=world.programme, status=ContestStatus.JUDGING)
    round, _entries, _judges = scored_round(
        contest=contest,
        scores=[[90, 80], [70, 60], [50, 40]],
        tiers=[("Giải Nhất", 1), ("Giải Nhì", 1)],
        school=world.school,
    )
    return round


# --- Judging (appended by the judging part) -------------------------------------------


class ConflictOfInterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConflictOfInterest

    contest = factory.SubFactory(ContestFactory)
    judge = factory.SubFactory(UserFactory)
    school = factory.SubFactory(SchoolFactory)
    source = ConflictSource.ORGANISER


def judging_round(*, programme, schools, judges, entries_per_school=1, criteria=3, **round_fields):
    """An open rubric round of a new contest with eligible entries of `schools`, `judges`
    invited, and `criteria` criteria scored 0–10 (weights 1). Returns (round, entries)."""
    contest = ContestFactory(programme=programme)
    round_ = RoundFactory(contest=contest, **round_fields)
    for i in range(criteria):
        CriterionFactory(round=round_, order=i + 1, name=f"Tiêu chí {i + 1}")
    entries = [
        EntryFactory(contest=contest, school=school, status=EntryStatus.ELIGIBLE, code=f"{contest.code_prefix}-{n:03d}")
        for n, school in enumerate([s for s in schools for _ in range(entries_per_school)], start=1)
    ]
    for judge in judges:
        JudgeInvitationFactory(contest=contest, judge=judge)
    return round_, entries


# --- Certificates and implementation (appended by the certificates part) --------------


class AwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "contests.Award"

    entry = factory.SubFactory(EntryFactory, status=EntryStatus.AWARDED)
    contest = factory.LazyAttribute(lambda o: o.entry.contest)
    tier = factory.LazyAttribute(lambda o: PrizeTierFactory(contest=o.contest))
    decided_by = factory.SubFactory(UserFactory)


class CertificateBatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "contests.CertificateBatch"

    contest = factory.SubFactory(ContestFactory)
    requested_by = factory.SubFactory(UserFactory)


def awarded_contest(*, programme, school, tiers=(("Giải Nhất", 1), ("Giải Nhì", 1)), members=2, organiser=None):
    """A contest of `programme` with one awarded entry of `school` per tier (named in order),
    each with `members` students (no consent). Returns (contest, awards)."""
    contest = ContestFactory(programme=programme, status=ContestStatus.RESULTS_PUBLISHED)
    decided_by = organiser or UserFactory()
    awards = []
    for order, (name, _count) in enumerate(tiers, start=1):
        tier = PrizeTierFactory(contest=contest, order=order, name=name, count=1)
        entry = EntryFactory(
            contest=contest, school=school, status=EntryStatus.AWARDED, code=f"{contest.code_prefix}-{order:03d}"
        )
        for _ in range(members):
            EntryMemberFactory(entry=entry)
        awards.append(AwardFactory(contest=contest, entry=entry, tier=tier, decided_by=decided_by))
    return contest, awards


def selected_entry(*, programme, school, **fields):
    """A SELECTED initiative of `school` in a new (or given) contest of `programme`."""
    contest = fields.pop("contest", None) or ContestFactory(programme=programme, status=ContestStatus.RESULTS_PUBLISHED)
    return EntryFactory(contest=contest, school=school, status=EntryStatus.SELECTED, **fields)


# --- helper "media": entry media and the contest page -------------------------------


class EntryMediaFactory(factory.django.DjangoModelFactory):
    """A ready PNG image of an entry, stored privately (built directly, not through the service)."""

    class Meta:
        model = "contests.EntryMedia"

    entry = factory.SubFactory(EntryFactory)
    kind = "image"
    extension = ".png"
    original_name = "ảnh.png"
    content_type = "image/png"
    size = 69
    sha256 = "0" * 64
    status = "ready"
    position = factory.Sequence(lambda n: n + 1)
    file = factory.django.FileField(
        filename="x.png",
        data=(
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS"
            b"\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00"
            b"\x00IEND\xaeB`\x82"
        ),
    )


def contest_page_factory():
    """ContestPageFactory, built on first use (tests.factories.pages imports the page models)."""
    from contests.pages import ContestPage
    from tests.factories.pages import PageFactory

    class ContestPageFactory(PageFactory):
        class Meta:
            model = ContestPage

        title = factory.LazyAttribute(lambda page: page.contest.title)
        slug = factory.LazyAttribute(lambda page: page.contest.slug)

    return ContestPageFactory
