"""Who may see the monitoring board, send reminders and make the programme report.

Object predicates take a Programme; obj=None answers "may they do this for some
programme?" (officers and organisers: the board's link and its 403 for everyone else).
Officers of a programme: their area node contains the programme's area or lies inside
it (the same idea as audits' rule, written here so schools never imports audits).
"""

import rules

from schools.enums import Role
from schools.predicates import is_organiser_of_programme
from schools.selectors import areas_of


@rules.predicate
def is_officer_of_programme_area(user, programme=None):
    areas = areas_of(user, Role.OFFICER)
    if programme is None:
        return bool(areas)
    path = programme.area.path
    return any(path.startswith(a.path) or a.path.startswith(path) for a in areas)


_board = is_organiser_of_programme | is_officer_of_programme_area
rules.add_perm("schools.view_board", _board)
rules.add_perm("schools.send_reminders", _board)
# Officers download reports (DESIGN §2), so they may make one too.
rules.add_perm("schools.make_report", _board)
