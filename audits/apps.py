from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditsConfig(AppConfig):
    name = "audits"
    verbose_name = _("Waste audits")

    def ready(self):
        from audits import (
            imports,  # noqa: F401 - registers its background import kind
            monitoring,  # noqa: F401 - registers its board provider
            rules,  # noqa: F401 - registers the permissions
            student_data,  # noqa: F401 - registers its part of a student's export and erasure
        )
        from audits.workspace import audit_sections
        from schools.workspace import register_section

        register_section(audit_sections)

        from audits.programme_copy import period_dates, periods_copy
        from schools.programme_copy import register_copier

        register_copier("audits", dates=period_dates, copy=periods_copy)
