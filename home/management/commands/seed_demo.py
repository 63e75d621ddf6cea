"""Replay the 2022 annual report as demo data, by calling each app's services.

Each app may have a `demo` module with `seed(stdout)`; they run in dependency order
(home, schools, audits, contests), so this command imports none of them by name.
"""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.demo_password import DEMO_PASSWORD
from home.models import User

APPS_IN_ORDER = ["home", "schools", "audits", "contests"]


class Command(BaseCommand):
    help = "Load the demo data (idempotent). Demo passwords are set only when DEMO_MODE is on."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when users already exist.")

    def handle(self, *args, if_empty=False, **options):
        if not settings.DEMO_MODE:
            raise CommandError(
                "seed_demo runs only with DEMO_MODE (development and test settings): "
                "outside it the demo password is refused at login."
            )
        if if_empty and User.objects.exists():
            self.stdout.write("Demo data already loaded.")
            self.print_logins()
            return
        with transaction.atomic():
            for app in APPS_IN_ORDER:
                module_name = f"{app}.demo"
                if find_spec(module_name) is not None:
                    import_module(module_name).seed(stdout=self.stdout, password=DEMO_PASSWORD)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.print_logins()

    def print_logins(self):
        from importlib import import_module as load

        logins = []
        for app in APPS_IN_ORDER:
            if find_spec(f"{app}.demo") is not None:
                logins += getattr(load(f"{app}.demo"), "DEMO_LOGINS", [])
        if not logins:
            return
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for username, description in logins:
            self.stdout.write(f"  {username:<22} {description}")
        self.stdout.write("  Public site: http://127.0.0.1:8000/   Admin: http://127.0.0.1:8000/admin/\n")
