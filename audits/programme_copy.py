"""Audits' part of copying a programme into a new school year (schools/programme_copy.py):
the baseline and final audit periods, with their dates shifted (or as the organiser chose).
Audit days, lines and photos are never copied."""

from django.utils.translation import gettext as _

from audits.models import AuditPeriod
from schools.programme_copy import DatedItem


def period_dates(source) -> list[DatedItem]:
    items = []
    for period in AuditPeriod.objects.filter(programme=source).order_by("starts_on"):
        phase = period.get_phase_display()
        items.append(
            DatedItem(
                f"audits.{period.phase}.starts_on", _("%(phase)s audit starts on") % {"phase": phase}, period.starts_on
            )
        )
        items.append(
            DatedItem(f"audits.{period.phase}.ends_on", _("%(phase)s audit ends on") % {"phase": phase}, period.ends_on)
        )
    return items


def periods_copy(source, target, dates: dict, years: int) -> None:
    for period in AuditPeriod.objects.filter(programme=source):
        copy = AuditPeriod(
            programme=target,
            phase=period.phase,
            starts_on=dates[f"audits.{period.phase}.starts_on"],
            ends_on=dates[f"audits.{period.phase}.ends_on"],
        )
        copy.full_clean()
        copy.save()
