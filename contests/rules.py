"""Who may do what with contests, named once and checked everywhere.

Each part names its permissions in its own rules module, from the shared predicates in
contests/predicates.py; importing them here registers them all (ContestsConfig.ready).
"""

from contests.certificates import rules as certificate_rules  # noqa: F401
from contests.entries import rules as entry_rules  # noqa: F401
from contests.entries import rules_media as media_rules  # noqa: F401
from contests.implementation import rules as implementation_rules  # noqa: F401
from contests.judging import rules as judging_rules  # noqa: F401
from contests.results import rules as results_rules  # noqa: F401
