"""Projections: the base every read model builds on, the runner that feeds them, the workers."""
