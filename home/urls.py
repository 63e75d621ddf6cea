from django.urls import path

from home import views

urlpatterns = [
    path("search/", views.search, name="search"),
]
