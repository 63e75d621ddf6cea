"""The read-only JSON API under /api/v1/ (django-ninja: OpenAPI schema at /api/v1/openapi.json).

Each app adds its router here; permissions are the apps' rules, checked by name.
"""

from ninja import NinjaAPI

from audits.api import router as audits_router
from contests.api import router as contests_router
from schools.api import router as schools_router

api = NinjaAPI(
    title="Green School API",
    version="1",
    urls_namespace="api",
    description="Aggregate figures of programmes. Published programmes are public; nothing per person.",
)
api.add_router("/", schools_router)
api.add_router("/", audits_router)
api.add_router("/", contests_router)
