"""Storage: the event stores, the SQL tables that cannot be rebuilt, and their migrations."""
