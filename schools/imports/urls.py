from django.urls import path

from schools.imports import views as imports

urlpatterns = [
    path("schools/", imports.import_schools, name="import_schools"),
    path("schools/example.csv", imports.import_schools_example, name="import_schools_example"),
    path("users/", imports.import_users, name="import_users"),
    path("users/example.csv", imports.import_users_example, name="import_users_example"),
    path("jobs/<int:pk>/", imports.import_job, name="import_job"),
]
