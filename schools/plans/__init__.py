"""Action plans: writing, review, versions, attachments, coverage and notices."""
