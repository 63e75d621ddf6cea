"""Workspace routes of contests: judging (joined in contests/urls.py)."""

from django.urls import path

from contests.judging.views import judge as judging
from contests.judging.views import organise as judging_admin
from contests.judging.views import paper

urlpatterns = [
    path("judging/", judging.judging_home, name="judging"),
    path("judging/rounds/<int:round_pk>/", judging.judging_round, name="judging_round"),
    path("judging/rounds/<int:round_pk>/live/", judging.judging_live, name="judging_live"),
    path("judging/rounds/<int:round_pk>/entries/<int:entry_pk>/", judging.judging_score, name="judging_score"),
    path("judging/contests/<int:contest_pk>/conflicts/new/", judging.judging_conflict_declare, name="judging_conflict"),
    path("judging/manage/", judging_admin.judging_manage_index, name="judging_manage_index"),
    path("judging/manage/<int:contest_pk>/", judging_admin.judging_manage, name="judging_manage"),
    path("judging/manage/<int:contest_pk>/invite/", judging_admin.judging_invite, name="judging_invite"),
    path("judging/manage/<int:contest_pk>/assign/", judging_admin.judging_assign, name="judging_assign"),
    path("judging/manage/<int:contest_pk>/conflicts/", judging_admin.judging_conflict_add, name="judging_conflict_add"),
    path("judging/manage/<int:contest_pk>/import/", judging_admin.judging_import, name="judging_import"),
    path(
        "judging/manage/<int:contest_pk>/rounds/<int:round_pk>/paper/",
        paper.judging_paper_sheets,
        name="judging_paper_sheets",
    ),
    path(
        "judging/manage/<int:contest_pk>/rounds/<int:round_pk>/paper.csv",
        paper.judging_paper_template,
        name="judging_paper_template",
    ),
]
