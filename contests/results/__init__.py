"""Results: aggregation, tie-break, prize tiers, the ranking, tie decisions and publication."""
