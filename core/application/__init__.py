"""The application: one service whose commands change aggregates (a module per aggregate)."""
