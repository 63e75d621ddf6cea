from django.urls import include, path

from schools.views import workspace

app_name = "workspace"

urlpatterns = [
    path("", workspace.home, name="home"),
    path("", include("schools.urls_students")),
    path("imports/", include("schools.urls_imports")),
    path("", include("schools.urls_plans")),
    path("", include("schools.urls_monitoring")),
]
