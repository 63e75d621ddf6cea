"""Contest permissions: media. Registered on import from contests/rules.py."""
