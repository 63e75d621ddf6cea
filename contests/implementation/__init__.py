"""Implementation of selected initiatives: status, milestones and indicators."""
