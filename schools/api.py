"""Programme endpoints of the JSON API (/api/v1/programmes/...): aggregates only."""

from ninja import Router

router = Router(tags=["programmes"])
