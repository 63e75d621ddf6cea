"""Importing schools and users from CSV (UTF-8) or XLSX files, all-or-nothing.

- `reading`: a file → a table of rows with their line numbers (encoding, BOM, limits,
  header normalisation). Knows nothing of schools or users.
- `schools`, `users`: validate every row first; if any row is bad nothing is written
  and every bad row is reported; otherwise write through the services in one
  transaction. Importing the same file twice changes nothing (natural keys).
- `result`: what an import reports.
"""

from .result import ImportResult, Problem
from .schools import import_schools
from .users import import_users

__all__ = ["ImportResult", "Problem", "import_schools", "import_users"]
