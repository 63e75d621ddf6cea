"""The monitoring board: its registry of providers, the board, reminders and the programme report."""
