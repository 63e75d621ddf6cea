"""The contests app's Wagtail page: a public page per contest (announcement, rules,
prizes, eligible levels, the deadline in Asia/Ho_Chi_Minh time with a countdown, and a
"submit" button while the contest accepts entries).

Imported by ContestsConfig.ready(), which registers the page type: the page reads the
results' selectors, which read the models, so the models cannot import it.
"""

from zoneinfo import ZoneInfo

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from contests.enums import ContestStatus
from contests.models.contests import Contest
from contests.results.selectors import published_results
from home.models.search import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from schools.enums import SchoolLevel

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def contest_phase(contest: Contest, now=None) -> str:
    """'upcoming', 'open' (accepting entries), or 'closed' (deadline passed or not open)."""
    now = now or timezone.now()
    if contest.status in (ContestStatus.DRAFT, ContestStatus.OPEN) and now < contest.opens_at:
        return "upcoming"
    if contest.status == ContestStatus.OPEN and contest.opens_at <= now < contest.closes_at:
        return "open"
    return "closed"


class ContestPage(FoldedSearchMixin, Page):
    contest = models.ForeignKey(Contest, on_delete=models.PROTECT, related_name="pages", verbose_name=_("contest"))
    intro = RichTextField(
        _("announcement"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h3"],
        help_text=_("The contest's announcement, shown above the rules."),
    )

    content_panels = Page.content_panels + [FieldPanel("contest"), FieldPanel("intro")]
    search_fields = (
        Page.search_fields + [index.SearchField("intro"), index.SearchField("contest_text")] + FOLDED_SEARCH_FIELDS
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contest page")
        verbose_name_plural = _("contest pages")

    def contest_text(self) -> str:
        """The contest's title, summary and rules, so searching for them finds this page."""
        contest = Contest.objects.get(pk=self.contest_id)
        return "\n".join(part for part in (contest.title, contest.summary, contest.rules) if part)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        contest = Contest.objects.select_related("programme").prefetch_related("prize_tiers").get(pk=self.contest_id)
        now = timezone.now()
        tiers = list(contest.prize_tiers.all())
        context.update(
            contest=contest,
            phase=contest_phase(contest, now),
            opens_at=timezone.localtime(contest.opens_at, VIETNAM),
            closes_at=timezone.localtime(contest.closes_at, VIETNAM),
            prize_tiers=tiers,
            prize_total=sum(tier.count for tier in tiers),
            eligible_levels=[
                SchoolLevel(level).label for level in contest.eligible_levels if level in SchoolLevel.values
            ],
            eligible_school_count=contest.eligible_schools.count(),
        )
        # Winners by tier: only when the user may see the results.
        may_see = request.user.has_perm("contests.view_results", contest)
        context["results"] = published_results(contest) if may_see else None
        return context
