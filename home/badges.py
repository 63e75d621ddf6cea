"""Status badges: the one mapping of each kind of status to its badge's colour classes.

An app declares the colours of a kind of status once, next to the statuses (so they are
registered as soon as the statuses are imported), with `status_badges`; templates show
them with the `status_badge` filter of `home_tags`:
`<span class="badge {{ batch.status|status_badge:'contests.batch' }}">`. Home is the lowest
app, so every app registers here and no app imports another's statuses.

Statuses whose colours live in CSS keyed by the status itself (`entry-status-<status>`,
`plan-status-<status>`, …) need no mapping here.
"""

_BADGES: dict[str, tuple[dict[str, str], str]] = {}


def status_badges(kind: str, classes: dict[str, str], *, default: str) -> dict[str, str]:
    """Register the badge classes of the statuses of `kind`; `default` for any other value."""
    _BADGES[kind] = ({str(status): css for status, css in classes.items()}, default)
    return classes


def status_badge(kind: str, status) -> str:
    """The badge classes of `status`; an unregistered kind is a programming error (KeyError)."""
    classes, default = _BADGES[kind]
    return classes.get(str(status), default)
