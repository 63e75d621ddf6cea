"""Template tags of action plans for public pages: aggregate counts only."""

from django import template

from schools.plans.selectors import programme_plan_counts

register = template.Library()


@register.simple_tag
def plan_counts(programme, total=None):
    """Plan counts of a published programme (None when it is not published).

    Pass the number of enrolled schools when the page knows it: one query fewer.
    """
    return programme_plan_counts(programme, total=total)
