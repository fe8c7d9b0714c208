"""The tutorial in docs/plugins.md works as written: its files, taken from the page, make a
plugin whose projection, API route and panel work."""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
import uuid
from pathlib import Path
from types import ModuleType

from samverkan.storage.stores import StoreConfig
from samverkan.web import create_app
from samverkan.web.plugins import partnership_panels, plugins_of
from tests.integration.helpers import propose, start_team

DOCS = Path(__file__).resolve().parents[2] / "docs" / "plugins.md"
FILE_BLOCK = re.compile(r"<!-- file: (?P<path>\S+) -->\n```\w+\n(?P<body>.*?)```", re.S)


def tutorial_files() -> dict[str, str]:
    return {m["path"]: m["body"] for m in FILE_BLOCK.finditer(DOCS.read_text())}


def load_tutorial_plugin(directory: Path) -> ModuleType:
    for path, body in tutorial_files().items():
        (directory / path).parent.mkdir(parents=True, exist_ok=True)
        (directory / path).write_text(body)
    name = f"hello_samverkan_{uuid.uuid4().hex[:8]}"  # one module per test, never shared
    spec = importlib.util.spec_from_file_location(
        name, directory / "hello_samverkan" / "__init__.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_the_tutorial_declares_its_entry_point() -> None:
    files = tutorial_files()
    assert set(files) == {"pyproject.toml", "hello_samverkan/__init__.py"}
    project = tomllib.loads(files["pyproject.toml"])
    assert project["project"]["entry-points"]["samverkan"] == {"hello": "hello_samverkan"}


def test_the_tutorial_plugin_works(tmp_path: Path) -> None:
    plugin = load_tutorial_plugin(tmp_path / "hello-samverkan")
    app = create_app(
        {
            "TESTING": True,
            "STORE": StoreConfig(data_dir=tmp_path / "store"),
            "EXTRA_PLUGINS": [("hello", plugin)],
        }
    )
    service = app.extensions["samverkan"]
    try:
        team = start_team(service)
        propose(service, team, [team.region])
        propose(service, team, [team.region])
        app.test_client().post("/-/nothing")  # any write request brings projections up to date
        answer = app.test_client().get(f"/api/v1/hello/{team.partnership_id}")
        assert answer.status_code == 200
        assert answer.json == {"decisions": 2}
        panels = partnership_panels(plugins_of(app), service, team.partnership_id, None)
        assert any(p.title == "Decisions" and p.html == "<p>2 decisions</p>" for p in panels)
        paths = app.test_client().get("/api/v1/openapi.json").json["paths"]
        assert "/api/v1/hello/{partnership_id}" in paths
        listing = app.test_client().get("/-/plugins").json
        hello = next(row for row in listing["plugins"] if row["name"] == "hello")
        assert hello["hooks"] == [
            "partnership_panels",
            "register_blueprints",
            "register_projections",
        ]
        assert listing["failures"] == []
    finally:
        service.close()
