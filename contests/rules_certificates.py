"""Contest permissions: certificates. Registered on import from contests/rules.py."""
