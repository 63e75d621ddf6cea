"""Workspace routes of contests: entries (joined in contests/urls.py)."""

from django.urls import path

from contests.entries.views import entries, review, showcase

urlpatterns = [
    path("entries/", entries.entries_home, name="entries_home"),
    path("entries/to-endorse/", review.endorse_queue, name="endorse_queue"),
    path("entries/<int:pk>/", entries.entry_detail_view, name="entry"),
    path("entries/<int:pk>/withdraw/", entries.entry_withdraw_view, name="entry_withdraw"),
    path("entries/<int:pk>/endorse/", review.entry_endorse_view, name="entry_endorse"),
    path("entries/<int:pk>/return/", review.entry_return_view, name="entry_return"),
    path("entries/<int:pk>/check/", review.entry_check_view, name="entry_check"),
    path("entries/<int:pk>/files/<int:media_pk>/remove/", entries.entry_media_remove_view, name="entry_media_remove"),
    path("<slug:slug>/entries/", entries.my_entries, name="my_entries"),
    path("<slug:slug>/entries/new/", entries.entry_new, name="entry_new"),
    path("<slug:slug>/entries/autosave/", entries.entry_autosave, name="entry_autosave"),
    path("<slug:slug>/entries/all/", review.contest_entries, name="contest_entries"),
    path("<slug:slug>/entries/import/", showcase.entries_import, name="entries_import"),
    path("<slug:slug>/entries/check/", showcase.entries_check_bulk_view, name="entries_check_bulk"),
    path("<slug:slug>/entries/all.xlsx", review.contest_entries_export, name="contest_entries_export"),
]
