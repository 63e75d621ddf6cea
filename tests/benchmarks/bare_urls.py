"""The project's URLs plus a bare Django view, the yardstick benchmarks print beside each page."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def bare(request):
    return HttpResponse("ok")


urlpatterns = [path("bench-bare/", bare), *project_urlpatterns]
