"""The pluggy markers of the project: ``hookspec`` for the contract, ``hookimpl`` for plugins.

A module of their own, below every layer, so that the core's read models can be plugins too.
"""

import pluggy

PROJECT = "samverkan"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
