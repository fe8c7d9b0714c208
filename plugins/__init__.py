"""Built-in plugins: each registers through the same hooks as third-party plugins."""
