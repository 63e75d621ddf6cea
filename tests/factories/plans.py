import datetime

import factory

from schools.enums import ActivityKind, TeamRole
from schools.models import ActionPlan, Activity, CoreTeamMember, Goal

from .places import SchoolFactory
from .programmes import ProgrammeFactory


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan

    programme = factory.SubFactory(ProgrammeFactory)
    school = factory.SubFactory(SchoolFactory)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    plan = factory.SubFactory(ActionPlanFactory)
    text = "Giảm 20% rác thải nhựa giá trị thấp"
    indicator = "Khối lượng nhựa giá trị thấp mỗi người mỗi ngày"
    target_value = 20
    unit = "%"


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    plan = factory.SubFactory(ActionPlanFactory)
    kind = ActivityKind.COMMUNICATION
    title = "Truyền thông dưới cờ"
    starts_on = datetime.date(2022, 10, 10)
    ends_on = datetime.date(2022, 10, 10)


class CoreTeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoreTeamMember

    plan = factory.SubFactory(ActionPlanFactory)
    team_role = TeamRole.MEMBER
