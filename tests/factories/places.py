from datetime import date

import factory

from schools.enums import AreaKind, SchoolLevel
from schools.models import Area, Classroom, School, SchoolYear


class AreaFactory(factory.django.DjangoModelFactory):
    """Areas are tree nodes: pass parent=<Area> for a child, none for a root."""

    class Meta:
        model = Area

    kind = AreaKind.WARD
    name = factory.Sequence(lambda n: f"Phường {n}")
    code = factory.Sequence(lambda n: f"area-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        return parent.add_child(**kwargs) if parent else model_class.add_root(**kwargs)


class SchoolYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolYear
        django_get_or_create = ("name",)

    name = "2022-2023"
    starts_on = date(2022, 9, 1)
    ends_on = date(2023, 5, 31)


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    code = factory.Sequence(lambda n: f"school-{n}")
    name = factory.Sequence(lambda n: f"Trường THCS Số {n}")
    level = SchoolLevel.LOWER_SECONDARY
    area = factory.SubFactory(AreaFactory)


class ClassroomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Classroom

    school = factory.SubFactory(SchoolFactory)
    year = factory.SubFactory(SchoolYearFactory)
    name = factory.Sequence(lambda n: f"6A{n}")
    grade = 6
