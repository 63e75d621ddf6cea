"""Contest permissions: results. Registered on import from contests/rules.py."""
