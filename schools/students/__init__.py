"""Schools, classes and students in the workspace, login cards, and a child's data rights."""
