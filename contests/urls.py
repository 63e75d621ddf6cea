"""Workspace routes of contests (namespace `contests`, under /workspace/contests/).

Each part of the app keeps its own route module; this one only joins them.
"""

from contests.urls_certificates import urlpatterns as certificate_urls
from contests.urls_entries import urlpatterns as entry_urls
from contests.urls_judging import urlpatterns as judging_urls
from contests.urls_media import urlpatterns as media_urls
from contests.urls_results import urlpatterns as results_urls

app_name = "contests"

urlpatterns = [*entry_urls, *media_urls, *judging_urls, *results_urls, *certificate_urls]
