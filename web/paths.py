"""Numbers in paths: ``<int:…>`` never passes a number the stores cannot hold."""

from __future__ import annotations

from typing import Any

from flask import Flask
from werkzeug.routing import IntegerConverter

from samverkan.web.api.schemas import BIGINT_MAX


class BoundedInteger(IntegerConverter):
    """``<int:…>`` of at most a SQL BIGINT: a longer number matches no route (404)."""

    def __init__(self, map: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", BIGINT_MAX)
        super().__init__(map, *args, **kwargs)


def init_app(app: Flask) -> None:
    """Before any route is added: routes take their converters when they are added."""
    app.url_map.converters["int"] = BoundedInteger
