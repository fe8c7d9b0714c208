"""Commands of the application service, one module per part of the domain."""
