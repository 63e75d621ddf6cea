"""Public routes of contests (no login): certificate verification and the like."""

urlpatterns = []
