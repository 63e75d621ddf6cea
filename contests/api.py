"""Contest endpoints of the JSON API (/api/v1/contests/...)."""

from ninja import Router

router = Router(tags=["contests"])
