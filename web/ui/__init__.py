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

from flask import Flask

from samverkan.web.ui import (
    accounts,
    admin,
    agreements,
    audit_trail,
    decision_forms,
    decisions,
    experiments,
    lessons,
    measures,
    partnership_forms,
    partnerships,
    scaleups,
)
from samverkan.web.ui.blueprint import bp
from samverkan.web.ui.escaping import init_escaping
from samverkan.web.ui.i18n import init_i18n
from samverkan.web.ui.pages import init_pages
from samverkan.web.ui.security import init_security

# Every module of pages: each adds its routes to ``bp`` (tests/unit/test_layout.py checks
# that none is missing).
PAGES = (
    accounts,
    admin,
    agreements,
    audit_trail,
    decision_forms,
    decisions,
    experiments,
    lessons,
    measures,
    partnership_forms,
    partnerships,
    scaleups,
)


def init_app(app: Flask) -> None:
    init_escaping(app)
    init_security(app)
    init_i18n(app)
    init_pages(app)
    app.register_blueprint(bp)
