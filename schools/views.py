"""The workspace home: one page per person, with a section for each role they hold."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from schools.workspace import workspace_sections_for


@login_required
def home(request):
    return render(request, "schools/workspace_home.html", {"sections": workspace_sections_for(request.user)})
