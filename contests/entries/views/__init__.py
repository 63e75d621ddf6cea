"""Workspace views of entries: the entry form, review, media and near-duplicate slogans."""
