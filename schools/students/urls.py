"""Workspace routes of schools, classes, students and login cards (namespace `workspace`)."""

from django.urls import path

from schools.students import views
from schools.students import views_data_rights as student_data

_class = "schools/<int:school_pk>/classes/<int:class_pk>"

urlpatterns = [
    path("schools/", views.school_list, name="schools"),
    path("schools/<int:pk>/", views.school_detail, name="school"),
    path("schools/<int:school_pk>/classes/", views.classroom_list, name="classes"),
    path("schools/<int:school_pk>/classes/<int:pk>/", views.classroom_detail, name="classroom"),
    path("schools/<int:school_pk>/classes/<int:pk>/login-cards/", views.login_cards, name="login_cards"),
    path(f"{_class}/students/<int:pk>/consent/", views.student_consent, name="student_consent"),
    path(f"{_class}/students/<int:pk>/deactivate/", views.student_deactivate_view, name="student_deactivate"),
    path(f"{_class}/students/<int:pk>/reactivate/", views.student_reactivate_view, name="student_reactivate"),
    path(f"{_class}/students/<int:pk>/data.zip", student_data.student_export, name="student_export"),
    path(f"{_class}/students/<int:pk>/erase/", student_data.student_erase_view, name="student_erase"),
]
