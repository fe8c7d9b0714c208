"""The web pages: server-rendered, working without JavaScript, in Swedish, Norwegian and English.

``init_app(app)`` (called by ``create_app``) adds Flask-Babel, sessions with safe cookies,
CSRF protection on every form outside /api/, security headers on every response and the
``ui`` blueprint. Other page modules extend ``layout.html`` and register on ``bp``.

A page inside a partnership: ``page = partnership_page(pid)`` (web/ui/context.py: access,
``?as_of=``, former members) and ``render_template(..., **page.template_vars())``; its
template puts ``{% include "partnership_nav.html" %}`` in ``{% block partnership_nav %}``.
The nav links the endpoints ``ui.decisions``, ``ui.experiments``, ``ui.measures``,
``ui.lessons``, ``ui.scaleups`` (each taking ``partnership_id``) once they exist; "what waits
for me" links ``ui.decision`` / ``ui.experiment`` (``partnership_id`` and the record's id).
Forms: ``handle_form`` and ``Field`` (web/ui/forms.py); every POST form carries
``{{ csrf_token() }}``; codes read as words with ``value|label`` (web/ui/labels.py).
"""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint(
    "ui",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/ui/static",
)


def init_app(app: Flask) -> None:
    from samverkan.web.ui import accounts, audit_trail, partnership_forms, partnerships  # noqa: F401
    from samverkan.web.ui.escaping import init_escaping
    from samverkan.web.ui.i18n import init_i18n
    from samverkan.web.ui.pages import init_pages
    from samverkan.web.ui.security import init_security

    init_escaping(app)
    init_security(app)
    init_i18n(app)
    init_pages(app)
    for optional in ("decisions", "work", "admin"):  # written by other engineers
        _import_optional(f"samverkan.web.ui.{optional}")
    app.register_blueprint(bp)


def _import_optional(module: str) -> None:
    import importlib
    import importlib.util

    if importlib.util.find_spec(module) is not None:
        importlib.import_module(module)
