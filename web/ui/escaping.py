"""Every value a page shows is escaped, translated words with names in them included.

Flask-Babel's lazy strings (``_l(...)``) declare themselves HTML (``__html__``), so Jinja
would show ``_l("Share of %(organisation)s", organisation=name)`` unescaped, and an
organisation named ``<img src=x onerror=...>`` would run in every coordinator's browser.
Turning them into plain text before output lets autoescaping do its work.
"""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_babel.speaklater import LazyString


def as_text(value: Any) -> Any:
    """Jinja's ``finalize``: applied to every ``{{ value }}`` before it is escaped."""
    return str(value) if isinstance(value, LazyString) else value


def init_escaping(app: Flask) -> None:
    """Before any template is compiled (Jinja applies ``finalize`` when compiling)."""
    app.jinja_env.finalize = as_text
