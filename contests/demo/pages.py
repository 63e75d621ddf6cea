"""One public ContestPage per demo contest, under the home page (called by contests.demo).

Idempotent: a contest that already has a page gets no second one.
"""

from django.db import transaction

from contests.models import Contest
from contests.pages import ContestPage
from home.models import HomePage

DEMO_LOGINS = []


@transaction.atomic
def seed(*, stdout=None, password=None):
    home = HomePage.objects.first()
    if home is None:
        return
    with_page = set(ContestPage.objects.values_list("contest_id", flat=True))
    taken_slugs = set(home.get_children().values_list("slug", flat=True))
    for contest in Contest.objects.exclude(pk__in=with_page).order_by("opens_at", "pk"):
        if contest.slug in taken_slugs:
            continue
        # The page shows the contest's own summary and rules; the announcement stays for organisers to write.
        page = ContestPage(title=contest.title, slug=contest.slug, contest=contest)
        home.add_child(instance=page)
        page.save_revision().publish()
        if stdout:
            stdout.write(f"  contest page {page.url_path}")
