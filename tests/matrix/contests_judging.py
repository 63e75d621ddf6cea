"""Permission matrix: contest judging routes.

For the judge's routes, "own" is a round/entry assigned to world.judge in an open round,
"other" one that is not (404 for everyone). Organiser routes answer 403 to every other role.
"""

from django.urls import reverse

from tests.matrix.base import LOGIN, Route, organisers_only


def _round(world, other):
    from contests.enums import RoundMode
    from tests.factories.contests import AssignmentFactory, judging_round

    round_, entries = judging_round(
        programme=world.programme, schools=[world.school], judges=[world.judge], mode=RoundMode.LIVE
    )
    if not other:
        AssignmentFactory(round=round_, judge=world.judge, entry=entries[0])
    return round_, entries[0]


def _judge_only(own):
    return {
        "anonymous": (LOGIN, LOGIN),
        **{role: (404, 404) for role in ("organiser", "officer", "teacher", "student", "outsider")},
        "judge": (own, 404),
    }


def _round_url(name):
    def url(world, other):
        round_, _entry = _round(world, other)
        return reverse(f"contests:{name}", args=[round_.pk])

    return url


def _score_url(world, other):
    round_, entry = _round(world, other)
    return reverse("contests:judging_score", args=[round_.pk, entry.pk])


def _conflict_url(world, other):
    from tests.factories.contests import ContestFactory, JudgeInvitationFactory

    contest = ContestFactory(programme=world.programme)
    if not other:
        JudgeInvitationFactory(contest=contest, judge=world.judge)
    return reverse("contests:judging_conflict", args=[contest.pk])


def _paper_url(name):
    def url(world, other):
        round_, _entry = _round(world, other)
        return reverse(f"contests:{name}", args=[round_.contest.pk, round_.pk])

    return url


def _contest_url(name):
    def url(world, other):
        round_, _entry = _round(world, other)
        return reverse(f"contests:{name}", args=[round_.contest.pk])

    return url


def _organisers(code):
    return {**organisers_only(), "organiser": code}


ROUTES = {
    "contests:judging": Route(
        url=lambda w, o: reverse("contests:judging"),
        expect={
            "anonymous": LOGIN,
            **dict.fromkeys(["organiser", "officer", "teacher", "student", "outsider"], 403),
            "judge": 200,
        },
    ),
    "contests:judging_round": Route(url=_round_url("judging_round"), expect=_judge_only(200)),
    "contests:judging_live": Route(url=_round_url("judging_live"), expect=_judge_only(200)),
    "contests:judging_score": Route(url=_score_url, expect=_judge_only(200)),
    "contests:judging_conflict": Route(url=_conflict_url, expect=_judge_only(200)),
    "contests:judging_manage_index": Route(
        url=lambda w, o: reverse("contests:judging_manage_index"), expect=organisers_only()
    ),
    "contests:judging_manage": Route(url=_contest_url("judging_manage"), expect=organisers_only()),
    "contests:judging_invite": Route(
        url=_contest_url("judging_invite"), expect=_organisers(302), method="post", data={"username": "outsider"}
    ),
    "contests:judging_assign": Route(url=_contest_url("judging_assign"), expect=_organisers(400), method="post"),
    "contests:judging_conflict_add": Route(
        url=_contest_url("judging_conflict_add"), expect=_organisers(400), method="post"
    ),
    "contests:judging_import": Route(url=_contest_url("judging_import"), expect=organisers_only()),
    "contests:judging_paper_sheets": Route(url=_paper_url("judging_paper_sheets"), expect=organisers_only()),
    "contests:judging_paper_template": Route(url=_paper_url("judging_paper_template"), expect=organisers_only()),
}
