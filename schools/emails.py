"""E-mails about accounts, always in Vietnamese (the recipients' language)."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def welcome_email_send(*, user) -> bool:
    """Send the welcome e-mail with a link to choose a password, once per user."""
    with transaction.atomic():
        locked = type(user).objects.select_for_update().filter(pk=user.pk, welcome_sent_at__isnull=True).first()
        if locked is None or not locked.email:
            return False
        link = settings.WAGTAILADMIN_BASE_URL + reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(locked.pk)),
                "token": default_token_generator.make_token(locked),
            },
        )
        with translation.override("vi"):
            context = {"user": locked, "link": link, "site_name": settings.WAGTAIL_SITE_NAME}
            subject = render_to_string("schools/email/welcome_subject.txt", context).strip()
            body = render_to_string("schools/email/welcome_body.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [locked.email])
        locked.welcome_sent_at = timezone.now()
        locked.save(update_fields=["welcome_sent_at"])
    return True
