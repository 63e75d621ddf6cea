"""Setting contests up in the Wagtail admin: contests, prize tiers, rounds and their rubric."""
