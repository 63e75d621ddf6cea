"""Demo contests of the 2022 report: seeded by calling services (`manage.py seed_demo`).

Entries come first (demo_entries), then judging and results (demo_judging).
"""

from contests import demo_entries, demo_judging

DEMO_LOGINS = [*demo_entries.DEMO_LOGINS, *demo_judging.DEMO_LOGINS]


def seed(*, stdout=None, password=None):
    demo_entries.seed(stdout=stdout, password=password)
    demo_judging.seed(stdout=stdout, password=password)
    __import__("contests.demo_live").demo_live.seed(stdout=stdout, password=password)
    __import__("contests.demo_certificates").demo_certificates.seed(stdout=stdout, password=password)
