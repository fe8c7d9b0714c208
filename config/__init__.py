"""Serving settings shipped with the package: gunicorn.conf.py."""
