"""The first login of a fresh install: `manage.py create_organiser USERNAME --full-name … --email …`."""

import getpass
import os

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from schools.services import organiser_create

DEFAULT_PASSWORD_VARIABLE = "ORGANISER_PASSWORD"  # noqa: S105 - the name of a variable, not a password


class Command(BaseCommand):
    help = (
        "Create a global organiser: a login that gets into the Wagtail admin (/admin/) and manages every "
        "programme, school, enrolment and role. The password is asked twice, or read from an environment "
        "variable with --password-from-env (ORGANISER_PASSWORD unless named). --site-admin also makes the "
        "login a site administrator (a superuser), who alone manages accounts and groups."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--full-name", required=True, help="The person's full name, e.g. Nguyễn Thị Hoa.")
        parser.add_argument("--email", default="", help="Where password-reset e-mails go.")
        parser.add_argument(
            "--password-from-env",
            nargs="?",
            const=DEFAULT_PASSWORD_VARIABLE,
            default=None,
            metavar="VARIABLE",
            help=f"Read the password from this environment variable (default {DEFAULT_PASSWORD_VARIABLE}).",
        )
        parser.add_argument("--site-admin", action="store_true", help="Also a site administrator (superuser).")

    def handle(self, *args, username, full_name, email, password_from_env, site_admin, **options):
        with translation.override("vi"):
            if get_user_model().objects.filter(username__iexact=username.strip()).exists():
                raise CommandError(_("The username “%(username)s” is already taken.") % {"username": username})
            password = self._password(password_from_env)
            try:
                user = organiser_create(
                    username=username, full_name=full_name, email=email, password=password, site_admin=site_admin
                )
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from exc
            what = (
                _("organiser of every programme and site administrator")
                if site_admin
                else _("organiser of every programme")
            )
            self.stdout.write(
                self.style.SUCCESS(
                    _("Created “%(username)s” (%(what)s). Sign in at /admin/.")
                    % {"username": user.username, "what": what}
                )
            )

    def _password(self, variable: str | None) -> str:
        if variable:
            password = os.environ.get(variable, "")
            if not password:
                raise CommandError(_("The environment variable %(name)s is empty or not set.") % {"name": variable})
            return password
        password = getpass.getpass(_("Password: "))
        if password != getpass.getpass(_("Password (again): ")):
            raise CommandError(_("The two passwords differ."))
        return password
