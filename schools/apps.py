from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = _("Schools and programmes")

    def ready(self):
        # Workspace sections of action plans and notices register themselves on import.
        from schools.plans import workspace  # noqa: F401
