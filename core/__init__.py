"""Samverkan: the shared, auditable record of cross-organisation healthcare partnerships.

Plugins import what they implement from here: ``from samverkan import hookimpl, Panel``.
"""

from samverkan.hookspecs import Exporter, MenuLink, Panel
from samverkan.markers import hookimpl

__all__ = ["Exporter", "MenuLink", "Panel", "hookimpl"]
