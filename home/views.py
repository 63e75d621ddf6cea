from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.forms import LoginForm
from home.models.listing import paginate
from home.page_search import MAX_QUERY_LENGTH, query_words, search_entries, snippet_for

# How long a session lasts on a device the person asked to remember (Django's default age).
REMEMBER_DEVICE_AGE = timedelta(days=14)


class LoginView(auth_views.LoginView):
    """A session ends when the browser closes (shared school computers), unless the person
    ticks "remember this device": then it lasts REMEMBER_DEVICE_AGE from the last request."""

    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        remember = form.cleaned_data.get("remember")
        self.request.session.set_expiry(int(REMEMBER_DEVICE_AGE.total_seconds()) if remember else 0)
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """Also clears the one-time flag of a password printed on a login card."""

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.user.must_change_password:
            form.user.must_change_password = False
            form.user.save(update_fields=["must_change_password"])
        messages.success(self.request, _("Your password has been changed."))
        return response


def search(request):
    """Live public pages of this site holding every word of ?q=, ignoring diacritics and case."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    words = query_words(query)
    results = None
    if words:
        results = paginate(request, search_entries(query=query, site=Site.find_for_request(request)))
        for entry in results:
            entry.snippet = snippet_for(entry, words)
            entry.url = entry.page.get_url(request)
            entry.full_url = request.build_absolute_uri(entry.url)
    return render(request, "home/search.html", {"query": query, "results": results})


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the site's own 403 page saying what to do, in the user's language."""
    return render(request, "403_csrf.html", status=403)
