"""The demo can be browsed in all three languages: every partnership page and audit trail of
every demo organisation answers, in the chosen language, without an error."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from samverkan.demo import DEMO_EMAIL, DEMO_PASSWORD, demo_data, load_demo
from samverkan.storage.stores import StoreConfig
from samverkan.web import create_app
from samverkan.web.plugins import projections_of
from tests.ui.pages import text, visitor

SAY = {"sv": "Mina samverkansprojekt", "nb": "Mine samarbeid", "en": "My partnerships"}
TRAIL = {"sv": "Historik", "nb": "Historikk", "en": "Audit trail"}


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    folder: Path = tmp_path_factory.mktemp("demo")
    app = create_app({"STORE": StoreConfig(data_dir=folder), "TESTING": True})
    load_demo(app.extensions["samverkan"])
    projections_of(app).catch_up()
    yield app
    app.extensions["samverkan"].close()


@pytest.mark.parametrize("language", ["sv", "nb", "en"])
def test_the_demo_can_be_browsed(demo_app: Flask, language: str) -> None:
    seen: set[str] = set()
    for organisation in demo_data().organisations:
        person = visitor(demo_app, language)
        email = DEMO_EMAIL.format(key=organisation["key"].replace("_", "-"))
        assert person.sign_in(email, DEMO_PASSWORD).status_code == 302
        home = person.get("/")
        assert home.status_code == 200 and SAY[language] in text(home)
        listed = set(re.findall(r'href="/partnerships/([0-9a-f-]{36})"', home.text))
        for pid in sorted(listed - seen):  # each partnership once, by its first member
            page = person.get(f"/partnerships/{pid}")
            assert page.status_code == 200, (email, pid)
            trail = person.get(f"/partnerships/{pid}/audit")
            assert trail.status_code == 200 and TRAIL[language] in text(trail)
            seen.add(pid)
    assert len(seen) >= 5
