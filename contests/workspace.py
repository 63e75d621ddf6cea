"""The workspace sections of contests, registered from ContestsConfig.ready().

Each part of the app (entries, judging, results) keeps its own builder.
"""

from contests.workspace_certificates import certificate_sections
from contests.workspace_entries import entry_sections
from contests.workspace_judging import judging_sections
from contests.workspace_results import results_sections

SECTION_BUILDERS = [entry_sections, judging_sections, results_sections, certificate_sections]
