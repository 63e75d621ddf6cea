"""Judging: judges, conflicts, assignments, score sheets (on screen or imported from paper)."""
