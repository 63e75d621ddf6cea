"""Workspace routes of contests (namespace `contests`, under /workspace/contests/).

Each part of the app keeps its own route module; this one only joins them.
"""

from contests.certificates.urls import urlpatterns as certificate_urls
from contests.entries.urls import urlpatterns as entry_urls
from contests.entries.urls_media import urlpatterns as media_urls
from contests.implementation.urls import urlpatterns as implementation_urls
from contests.judging.urls import urlpatterns as judging_urls
from contests.results.urls import urlpatterns as results_urls

app_name = "contests"

urlpatterns = [*entry_urls, *media_urls, *judging_urls, *results_urls, *certificate_urls, *implementation_urls]
