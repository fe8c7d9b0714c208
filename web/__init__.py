"""The web process: JSON API and pages over the application service."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.storage.stores import StoreConfig
from samverkan.web.api import init_app as init_api
from samverkan.web.api.reference import init_app as init_reference
from samverkan.web.auth import init_app as init_auth
from samverkan.web.errors import init_app as init_errors
from samverkan.web.no_store import init_app as init_no_store
from samverkan.web.ops import init_app as init_ops
from samverkan.web.paths import init_app as init_paths
from samverkan.web.plugins import init_plugins, register_plugin_api
from samverkan.web.settings import init_settings
from samverkan.web.ui import init_app as init_ui
from samverkan.web.ui.pages import error_page


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(
        DATA_DIR=None,
        # Workers of `samverkan serve` find the schema made before they started.
        CREATE_TABLES=os.environ.get("SAMVERKAN_CREATE_TABLES", "y") != "n",
    )
    if test_config:
        app.config.update(test_config)
    init_settings(app)  # sessions, sign-in throttling, trusted proxies
    config = app.config.get("STORE") or StoreConfig.from_environment(app.config["DATA_DIR"])
    service = Samverkan(config, create_tables=app.config["CREATE_TABLES"])
    app.extensions["samverkan"] = service
    init_paths(app)  # before any route
    # Plugins: their blueprints before the core's routes, /-/plugins, read-your-write.
    init_plugins(app, service)
    init_auth(app)
    init_api(app)
    init_reference(app)  # the API reference page at /docs/api
    register_plugin_api(app)  # plugins' flask-smorest blueprints, in the OpenAPI document
    init_ui(app)  # pages, languages, sessions, CSRF, security headers
    init_errors(app, page_error=error_page)  # after the API: replaces flask-smorest's handlers
    init_ops(app)  # /healthz, /readyz, /metrics, request ids, JSON logs
    init_no_store(app)  # Cache-Control: no-store on every signed-in answer
    return app
