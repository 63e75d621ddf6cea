"""Geometry of the server-rendered SVG bar chart: baseline vs final per category, g per person-day."""

from dataclasses import dataclass

LABEL_W = 0  # labels sit above each pair of bars, so bars use the whole width
WIDTH = 360
BAR_H = 14
GAP = 6
LABEL_H = 16
GROUP_H = LABEL_H + 2 * BAR_H + GAP + 10


@dataclass
class Bar:
    y: float
    width: float
    value: float | None

    @property
    def value_x(self) -> float:
        return round(self.width + 4, 1)

    @property
    def text_y(self) -> float:
        return self.y + 11


@dataclass
class Group:
    label: str
    label_y: float
    baseline: Bar
    final: Bar


def bar_chart(rows) -> dict:
    """rows: objects with `category`, `baseline_rate`, `final_rate`; categories with no data are left out."""
    rows = [r for r in rows if (r.baseline_rate or 0) or (r.final_rate or 0)]
    top = max([max(r.baseline_rate or 0, r.final_rate or 0) for r in rows] or [0]) or 1
    usable = WIDTH - 44  # room for the value after the bar
    groups = []
    for i, row in enumerate(rows):
        y = i * GROUP_H
        groups.append(
            Group(
                label=str(row.category.name),
                label_y=y + 12,
                baseline=Bar(y + LABEL_H, round((row.baseline_rate or 0) / top * usable, 1), row.baseline_rate),
                final=Bar(y + LABEL_H + BAR_H + 2, round((row.final_rate or 0) / top * usable, 1), row.final_rate),
            )
        )
    return {"groups": groups, "width": WIDTH, "height": max(len(groups) * GROUP_H, GROUP_H), "bar_h": BAR_H}
