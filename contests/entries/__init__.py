"""Entries: initiatives and slogans, their media, near-duplicate slogans, the school's review and the exports."""
