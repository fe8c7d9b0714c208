"""What the tests of the improvement-work pages share: units, people in every role, a look
at the error beside a field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from uuid import UUID

from flask import Flask
from werkzeug.test import TestResponse

from samverkan.application.service import Samverkan
from samverkan.web.plugins import projections_of
from tests.api.callers import OPERATOR
from tests.ui.conftest import Team
from tests.ui.pages import Visitor, user_with_password, visitor


@dataclass
class Units:
    clinic: UUID  # of the region
    lab: UUID  # of the company


def add_units(service: Samverkan, team: Team) -> Units:
    _org, clinic = service.add_unit(OPERATOR, team.region_id, "Tandvårdskliniken", "clinic")
    _org, lab = service.add_unit(OPERATOR, team.company_id, "Testlabbet", "team")
    return Units(clinic, lab)


def catch_up(flask_app: Flask) -> None:
    """Records written straight through the application reach the read models."""
    projections_of(flask_app).catch_up()


def signed_in(flask_app: Flask, email: str, language: str = "en") -> Visitor:
    person = visitor(flask_app, language)
    person.sign_in(email)
    return person


def auditor(flask_app: Flask, service: Samverkan, team: Team) -> Visitor:
    user_with_password(service, team.region_id, "auditor", "ada@region.example")
    return signed_in(flask_app, "ada@region.example")


def stranger(flask_app: Flask, service: Samverkan) -> Visitor:
    other = service.register_organisation(OPERATOR, "Annan region", "region", "SE").id
    user_with_password(service, other, "coordinator", "eve@other.example")
    return signed_in(flask_app, "eve@other.example")


def field_error(response: TestResponse, name: str) -> str | None:
    """The message shown beside the field ``name``, if any."""
    html = response.get_data(as_text=True)
    found = re.search(
        rf'<p class="field-error" id="{re.escape(name)}-error">(.*?)</p>', html, flags=re.S
    )
    if found is None:
        return None
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1))).strip()


def form_error(response: TestResponse) -> str:
    """The error summary at the top of a form."""
    html = response.get_data(as_text=True)
    found = re.search(r'<div class="error-summary".*?</div>', html, flags=re.S)
    return "" if found is None else re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(0)))
