"""Contest permissions: judging. Registered on import from contests/rules.py."""
