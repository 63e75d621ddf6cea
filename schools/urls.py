from django.urls import include, path

from schools import views as workspace

app_name = "workspace"

urlpatterns = [
    path("", workspace.home, name="home"),
    path("", include("schools.students.urls")),
    path("imports/", include("schools.imports.urls")),
    path("", include("schools.plans.urls")),
    path("", include("schools.monitoring.urls")),
]
