import factory

from schools.models import Enrolment, Programme

from .places import AreaFactory, SchoolFactory, SchoolYearFactory


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Chương trình {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    school_year = factory.SubFactory(SchoolYearFactory)
    area = factory.SubFactory(AreaFactory)


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    programme = factory.SubFactory(ProgrammeFactory)
    school = factory.SubFactory(SchoolFactory)
