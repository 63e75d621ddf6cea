"""Permission matrix: contest results routes (the chair's pages and the results API).

The world's contest belongs to the world's programme; the world's organiser is a global
organiser. Nobody else may read the ranking (the world's judge is not the chair).
"""

from django.urls import reverse

from tests.matrix.base import LOGIN, Route, everyone

OTHERS = ["officer", "teacher", "student", "judge", "outsider"]


def _organisers(code):
    return {"anonymous": LOGIN, "organiser": code, **dict.fromkeys(OTHERS, 403)}


def _round(world):
    from tests.factories.contests import results_round

    return results_round(world)


def _url(name):
    def url(world, other):
        round = _round(world)
        return reverse(f"contests:{name}", args=[round.contest.slug, round.order])

    return url


def _snapshot_url(world, other):
    from tests.factories.contests import ResultSnapshotFactory

    round = _round(world)
    snapshot = ResultSnapshotFactory(round=round, created_by=world.organiser)
    return reverse("contests:snapshot", args=[round.contest.slug, snapshot.pk])


def _api_results_url(world, other):
    """A published snapshot of a contest whose results are not public: organisers only."""
    from tests.factories.contests import ResultSnapshotFactory

    round = _round(world)
    round.contest.results_public = False
    round.contest.status = "results_published"
    round.contest.save()
    ResultSnapshotFactory(round=round, created_by=world.organiser, is_published=True)
    return reverse("api:contest_results", kwargs={"slug": round.contest.slug})


ROUTES = {
    "contests:ranking": Route(_url("ranking"), _organisers(200)),
    "contests:ranking_export": Route(_url("ranking_export"), _organisers(200)),
    "contests:tie_decide": Route(_url("tie_decide"), _organisers(302), method="post", data={"group": ""}),
    "contests:round_advance": Route(_url("round_advance"), _organisers(200)),
    "contests:results_publish": Route(_url("results_publish"), _organisers(200)),
    "contests:snapshot": Route(_snapshot_url, _organisers(200)),
    "api:contest_list": Route(lambda w, o: reverse("api:contest_list"), everyone(200)),
    "api:contest_results": Route(_api_results_url, {**everyone(404), "organiser": 200}),
}
