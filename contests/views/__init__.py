"""Workspace views of contests, one module per part (entries, review, media, judging, results)."""
