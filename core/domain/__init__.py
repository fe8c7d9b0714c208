"""The partnership domain: aggregates and their events, one aggregate per module."""
