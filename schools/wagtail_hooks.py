"""The organisers' back office for places, people and programmes.

Permission policies are registered first, so every viewset asks the rules in
schools/rules.py (`schools.manage_<model>`) rather than Django's model permissions.
Every viewset is a ScopedModelViewSet: a programme organiser lists, opens and picks
only the rows of their programmes (schools/selectors_scope.py).
"""

from django.db.models import Count
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup

from schools import views_programme_setup
from schools.admin_forms import AreaForm, MembershipAdminForm
from schools.admin_scope import ScopedModelViewSet, register_scoped_policies
from schools.models import Area, Enrolment, Membership, Programme, School, SchoolYear, SchoolYearProfile, Student

register_scoped_policies(Area, School, SchoolYear, SchoolYearProfile, Student, Membership, Programme, Enrolment)


class ListedViewSet(ScopedModelViewSet):
    """A viewset whose listing loads its related rows up front (queries don't grow with rows)."""

    def index_queryset(self):
        return self.model._default_manager.all()

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(queryset=self.index_queryset(), **kwargs)


class AreaViewSet(ListedViewSet):
    model = Area
    form_fields = ["name", "code", "kind"]
    icon = "site"
    menu_label = _("Areas")
    list_display = ["name", "kind", "code"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    ordering = ["path"]

    def get_form_class(self, for_update=False):
        return AreaForm

    @property
    def panels(self):
        return [FieldPanel("parent"), FieldPanel("name"), FieldPanel("code"), FieldPanel("kind")]


class SchoolViewSet(ListedViewSet):
    model = School
    icon = "home"
    menu_label = _("Schools")
    form_fields = ["code", "name", "level", "area", "address", "active"]
    list_display = ["name", "code", "level", "area", BooleanColumn("active", label=_("active"))]
    list_filter = ["level", "active", "area"]
    search_fields = ["name", "code"]
    list_per_page = 50

    def index_queryset(self):
        return School.objects.select_related("area")


class SchoolYearViewSet(ListedViewSet):
    model = SchoolYear
    icon = "date"
    menu_label = _("School years")
    form_fields = ["name", "starts_on", "ends_on"]
    list_display = ["name", "starts_on", "ends_on"]


class SchoolYearProfileViewSet(ListedViewSet):
    model = SchoolYearProfile
    icon = "table"
    menu_label = _("School figures by year")
    form_fields = ["school", "year", "enrolment", "staff", "classes", "semi_boarding_students"]
    list_display = ["school", "year", "enrolment", "classes"]

    def index_queryset(self):
        return SchoolYearProfile.objects.select_related("school", "year")

    list_filter = ["year"]
    search_fields = ["school__name"]


class StudentViewSet(ListedViewSet):
    """Organisers correct records; teachers add students in the workspace.

    Consent is not edited here: it changes only in the workspace, through
    student_consent_record, which records who gave or withdrew it and when."""

    model = Student
    icon = "user"
    menu_label = _("Students")
    form_fields = ["display_name", "school", "classroom", "active"]
    list_display = ["display_name", "classroom", "school", BooleanColumn("active", label=_("active"))]
    list_filter = ["active", "consent_guardian"]
    search_fields = ["display_name", "school__name"]
    list_per_page = 50

    def index_queryset(self):
        return Student.objects.select_related("school", "classroom")


class MembershipViewSet(ListedViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Roles")
    list_display = ["user", "role", "school", "area", "programme"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__full_name"]
    list_per_page = 50

    def index_queryset(self):
        return Membership.objects.select_related("user", "school", "area", "programme")

    def get_form_class(self, for_update=False):
        return MembershipAdminForm


class ProgrammeIndexView(ListedViewSet.index_view_class):
    """The programmes' listing, with "Enrol schools" and "Copy to a new school year" on each row."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                _("Enrol schools"),
                url=reverse("schools_programme_enrol", args=[instance.pk]),
                icon_name="link",
                priority=5,
            )
        )
        if self.request.user.has_perm("schools.add_programme"):
            buttons.append(
                MenuItem(
                    _("Copy to a new school year"),
                    url=reverse("schools_programme_copy", args=[instance.pk]),
                    icon_name="copy",
                    priority=25,
                )
            )
        return buttons


class ProgrammeViewSet(ListedViewSet):
    model = Programme
    index_view_class = ProgrammeIndexView
    icon = "list-ul"
    menu_label = _("Programmes")
    form_fields = [
        "name",
        "slug",
        "school_year",
        "organiser",
        "area",
        "summary",
        "starts_on",
        "ends_on",
        "reduction_target_pct",
        "required_audit_days",
        "plan_deadline",
        "is_published",
    ]
    list_display = [
        "name",
        "school_year",
        "area",
        Column("school_count", label=_("Number of schools")),
        BooleanColumn("is_published", label=_("published")),
    ]
    list_filter = ["school_year", "is_published"]
    search_fields = ["name"]

    def index_queryset(self):
        return Programme.objects.select_related("school_year", "area").annotate(school_count=Count("enrolments"))


class EnrolmentViewSet(ListedViewSet):
    model = Enrolment
    icon = "link"
    menu_label = _("Enrolments")
    form_fields = ["programme", "school"]
    list_display = ["school", "programme", "enrolled_on"]
    list_filter = ["programme"]
    search_fields = ["school__name", "school__code"]
    list_per_page = 50

    def index_queryset(self):
        return Enrolment.objects.select_related("school", "programme")


class PeopleAndPlacesGroup(ViewSetGroup):
    menu_label = _("Schools and people")
    menu_icon = "home"
    menu_order = 200
    items = (SchoolViewSet, AreaViewSet, SchoolYearViewSet, SchoolYearProfileViewSet, StudentViewSet, MembershipViewSet)


class ProgrammesGroup(ViewSetGroup):
    menu_label = _("Programmes")
    menu_icon = "list-ul"
    menu_order = 190
    items = (ProgrammeViewSet, EnrolmentViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [PeopleAndPlacesGroup(), ProgrammesGroup()]


@hooks.register("register_admin_urls")
def register_programme_setup_urls():
    return [
        path("programmes/<int:pk>/enrol/", views_programme_setup.enrol, name="schools_programme_enrol"),
        path(
            "programmes/<int:pk>/withdraw/<int:school_pk>/",
            views_programme_setup.withdraw,
            name="schools_programme_withdraw",
        ),
        path("programmes/<int:pk>/copy-year/", views_programme_setup.copy_to_year, name="schools_programme_copy"),
    ]


# Exports and erasures of a student's data are actions of Wagtail's audit log.
from schools.students.data_rights_log import register_student_log_actions  # noqa: E402

hooks.register("register_log_actions", register_student_log_actions)
