"""Read models: the core's projections of the log into SQL tables, rebuilt, never migrated."""
