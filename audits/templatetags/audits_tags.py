from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def pct1(value):
    """A figure to one decimal in the current locale, or an en dash when there is none."""
    if value is None:
        return "–"
    return number_format(round(value, 1), 1)


@register.filter
def negate(value):
    return None if value is None else -value


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key)
