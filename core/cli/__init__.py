"""The `samverkan` command."""
