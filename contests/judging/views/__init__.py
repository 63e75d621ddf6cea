"""Workspace views of judging: the judge's pages and the organisers' judging pages."""
