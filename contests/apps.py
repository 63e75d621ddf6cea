from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContestsConfig(AppConfig):
    name = "contests"
    verbose_name = _("Contests")

    def ready(self):
        from contests import (
            monitoring,  # noqa: F401 - registers its board provider
            rules,  # noqa: F401 - registers the permissions
        )
        from contests.entries import student_data  # noqa: F401 - registers its part of a student's export and erasure
        from contests.workspace import SECTION_BUILDERS
        from schools.workspace import register_section

        for builder in SECTION_BUILDERS:
            register_section(builder)
