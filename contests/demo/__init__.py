"""Demo contests of the 2022 report: seeded by calling services (`manage.py seed_demo`).

In order: the contests and their entries, the judging and published results, an open
live round for trying the judge's phone screens, then certificates and the follow-up
of the selected initiatives, and a public page per contest.
"""

from contests.demo import certificates as demo_certificates
from contests.demo import entries as demo_entries
from contests.demo import judging as demo_judging
from contests.demo import live as demo_live
from contests.demo import pages as demo_pages

PARTS = [demo_entries, demo_judging, demo_live, demo_certificates, demo_pages]
DEMO_LOGINS = [login for part in PARTS for login in getattr(part, "DEMO_LOGINS", [])]


def seed(*, stdout=None, password=None):
    for part in PARTS:
        part.seed(stdout=stdout, password=password)
