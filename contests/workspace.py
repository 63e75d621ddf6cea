"""The workspace sections of contests, registered from ContestsConfig.ready().

Each part of the app (entries, judging, results) keeps its own builder.
"""

from contests.certificates.workspace import certificate_sections
from contests.entries.workspace import entry_sections
from contests.judging.workspace import judging_sections
from contests.results.workspace import results_sections

SECTION_BUILDERS = [entry_sections, judging_sections, results_sections, certificate_sections]
