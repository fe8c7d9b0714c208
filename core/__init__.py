"""Samverkan: the shared, auditable record of cross-organisation healthcare partnerships.

Plugins import what they implement from here: ``from samverkan import hookimpl, Panel``.
The names are looked up on first use, so that importing one module of the package (the
offline verifier, say) loads nothing else.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from samverkan.hookspecs import Exporter, MenuLink, Panel
    from samverkan.markers import hookimpl

PUBLIC = {
    "Exporter": "samverkan.hookspecs",
    "MenuLink": "samverkan.hookspecs",
    "Panel": "samverkan.hookspecs",
    "hookimpl": "samverkan.markers",
}
__all__ = ["Exporter", "MenuLink", "Panel", "hookimpl"]


def __getattr__(name: str) -> Any:
    if name in PUBLIC:
        return getattr(import_module(PUBLIC[name]), name)
    raise AttributeError(f"module 'samverkan' has no attribute {name!r}")
