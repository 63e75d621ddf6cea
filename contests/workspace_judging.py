"""Workspace sections of contests: judging."""


def judging_sections(user) -> list:
    return []
