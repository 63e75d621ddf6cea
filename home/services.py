"""Writes of the home app: workspace notices."""

from django.db import transaction

from home.models import Notice


@transaction.atomic
def notice_send(*, users, message: str, url: str = "") -> list[Notice]:
    """One unread notice per distinct active user; nothing for an empty list."""
    seen, notices = set(), []
    for user in users:
        if user is None or user.pk in seen or not user.is_active:
            continue
        seen.add(user.pk)
        notices.append(Notice(user=user, message=message[:300], url=url[:300]))
    return Notice.objects.bulk_create(notices)


def notice_mark_read(*, notice: Notice) -> Notice:
    if notice.read_at is None:
        from django.utils import timezone

        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
    return notice
