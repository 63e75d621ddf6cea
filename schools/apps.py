from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = _("Schools and programmes")

    def ready(self):
        # Imported for what they register: the permissions, and the workspace sections of
        # action plans and notices. AppConfig.ready is where Django lets apps do that.
        from schools import pages, rules  # noqa: F401 - the page type (it reads selectors), the permissions
        from schools.imports import kinds  # noqa: F401 - the background import kinds of schools and users
        from schools.monitoring import workspace as monitoring_workspace  # noqa: F401
        from schools.plans import monitoring as plan_monitoring  # noqa: F401 - the board's plan column
        from schools.plans import workspace  # noqa: F401
