from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContestsConfig(AppConfig):
    name = "contests"
    verbose_name = _("Contests")

    def ready(self):
        # Imported for what they register; AppConfig.ready is where Django lets apps do that.
        from contests import (
            monitoring,  # noqa: F401 - registers its board provider
            pages,  # noqa: F401 - registers the page type (it reads selectors, so models cannot import it)
            rules,  # noqa: F401 - registers the permissions
        )
        from contests.entries import student_data  # noqa: F401 - registers its part of a student's export and erasure
        from contests.workspace import SECTION_BUILDERS
        from schools.workspace import register_section

        for builder in SECTION_BUILDERS:
            register_section(builder)

        from contests.setup.copy import contest_dates, contests_copy
        from schools.programme_copy import register_copier

        register_copier("contests", dates=contest_dates, copy=contests_copy)
