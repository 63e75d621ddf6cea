"""Contest permissions: entries. Registered on import from contests/rules.py."""
