"""Contest permissions: certificates. Registered on import from contests/rules.py.

Object predicates take an Entry, or anything that belongs to one (a Certificate): they
judge the entry's school and contest (contests/predicates.py). A CertificateBatch or a
Contest is judged by its contest. obj=None asks "may they do this to some object?"
(menus, the workspace).
"""

import rules

from contests.predicates import is_organiser_of_entry_contest, is_teacher_of_entry_school
from schools.predicates import is_organiser_of_school, is_teacher_of_school

# Making a batch, following it and downloading its ZIP: the contest's organisers.
rules.add_perm("contests.make_certificates", is_organiser_of_entry_contest)
# One certificate's PDF: organisers, and the teachers of the entry's school.
rules.add_perm("contests.download_certificate", is_organiser_of_entry_contest | is_teacher_of_entry_school)
# A school's list of certificates (each PDF is still checked with download_certificate).
rules.add_perm("contests.view_school_certificates", is_teacher_of_school | is_organiser_of_school)
