"""Contests' part of copying a programme into a new school year (schools/programme_copy.py).

Each contest is copied as a draft with its rules, eligibility, limits, tie-break policy
and prize tiers, and its rounds (as drafts) with their rubric criteria. Submission
windows move to the dates the organiser chose (the time of day is kept, in Hà Nội time);
scoring windows move by the same number of years. Never copied: entries, team members,
media, judges and their invitations, conflicts, assignments, scores, results, awards.
"""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from contests.models import Contest, Criterion, PrizeTier, Round
from schools.programme_copy import DatedItem, shift_date

_CONTEST_FIELDS = (
    "kind",
    "title",
    "code_prefix",
    "summary",
    "rules",
    "eligible_levels",
    "max_entries_per_school",
    "max_entries_per_student",
    "slogan_max_length",
    "duplicate_threshold",
    "tie_break",
    "priority_criterion",
    "tie_policy",
    "results_public",
)
_ROUND_FIELDS = (
    "order",
    "name",
    "mode",
    "blind",
    "judges_see_others",
    "aggregation",
    "advance_rule",
    "advance_count",
    "advance_threshold",
    "judges_per_entry",
)
_CRITERION_FIELDS = ("order", "name", "help_text", "levels", "min_score", "max_score", "weight", "counted")
_TIER_FIELDS = ("order", "name", "count", "description")


def contest_dates(source) -> list[DatedItem]:
    items = []
    for contest in Contest.objects.filter(programme=source).order_by("opens_at", "pk"):
        opens, closes = timezone.localtime(contest.opens_at), timezone.localtime(contest.closes_at)
        items.append(
            DatedItem(
                f"contests.{contest.pk}.opens", _("“%(contest)s” opens on") % {"contest": contest.title}, opens.date()
            )
        )
        items.append(
            DatedItem(
                f"contests.{contest.pk}.closes",
                _("“%(contest)s” closes on") % {"contest": contest.title},
                closes.date(),
            )
        )
    return items


def _on(day, moment: datetime) -> datetime:
    """`moment`'s time of day (Hà Nội) on `day`."""
    local = timezone.localtime(moment)
    return timezone.make_aware(datetime.combine(day, local.time().replace(tzinfo=None)))


def _shifted(moment: datetime | None, years: int) -> datetime | None:
    if moment is None:
        return None
    return _on(shift_date(timezone.localtime(moment).date(), years), moment)


def _slug(source_slug: str, old_year: int, new_year: int) -> str:
    base = (
        source_slug.replace(str(old_year), str(new_year))
        if str(old_year) in source_slug
        else f"{source_slug}-{new_year}"
    )
    base, slug, n = base[:76], base[:80], 1
    while Contest.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def contests_copy(source, target, dates: dict, years: int) -> None:
    old_year = source.school_year.starts_on.year
    for contest in Contest.objects.filter(programme=source).prefetch_related(
        "eligible_schools", "prize_tiers", "rounds__criteria"
    ):
        copy = Contest(
            programme=target,
            slug=_slug(contest.slug, old_year, old_year + years),
            opens_at=_on(dates[f"contests.{contest.pk}.opens"], contest.opens_at),
            closes_at=_on(dates[f"contests.{contest.pk}.closes"], contest.closes_at),
            **{field: getattr(contest, field) for field in _CONTEST_FIELDS},
        )
        copy.full_clean()
        copy.save()
        copy.eligible_schools.set(contest.eligible_schools.all())
        PrizeTier.objects.bulk_create(
            PrizeTier(contest=copy, **{f: getattr(tier, f) for f in _TIER_FIELDS}) for tier in contest.prize_tiers.all()
        )
        for round_ in contest.rounds.all():
            new_round = Round.objects.create(
                contest=copy,
                opens_at=_shifted(round_.opens_at, years),
                closes_at=_shifted(round_.closes_at, years),
                **{f: getattr(round_, f) for f in _ROUND_FIELDS},
            )
            Criterion.objects.bulk_create(
                Criterion(round=new_round, **{f: getattr(c, f) for f in _CRITERION_FIELDS})
                for c in round_.criteria.all()
            )
