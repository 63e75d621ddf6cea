"""Routes of contests (workspace pages under /workspace/contests/, public pages, the API).

Each part keeps its ROUTES in its own module; this one joins them.
"""

from tests.matrix.contests_certificates import ROUTES as CERTIFICATE_ROUTES
from tests.matrix.contests_entries import ROUTES as ENTRY_ROUTES
from tests.matrix.contests_judging import ROUTES as JUDGING_ROUTES
from tests.matrix.contests_media import ROUTES as MEDIA_ROUTES
from tests.matrix.contests_results import ROUTES as RESULTS_ROUTES

ROUTES = {**ENTRY_ROUTES, **MEDIA_ROUTES, **JUDGING_ROUTES, **RESULTS_ROUTES, **CERTIFICATE_ROUTES}
