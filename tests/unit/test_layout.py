"""The house's layout: one import package, no import circles, small modules, pages listed."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = {"core": "samverkan", "web": "samverkan.web", "plugins": "samverkan.plugins"}
MAX_LINES = 400


def package_modules() -> dict[str, Path]:
    """Every module of the package by its import name, from the three folders."""
    modules: dict[str, Path] = {}
    for folder, name in FOLDERS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join([name, *parts])] = path
    return modules


def test_every_package_folder_is_in_the_distribution() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    configured = set(pyproject["tool"]["setuptools"]["packages"])
    folders = {name for name, path in package_modules().items() if path.name == "__init__.py"}
    shipped = {"samverkan.config", "samverkan.storage.migrations.versions"}  # no __init__.py
    assert configured == folders | shipped
    assert {name.split(".")[0] for name in configured} == {"samverkan"}


@pytest.mark.parametrize("module", sorted(package_modules()))
def test_no_module_is_over_400_lines(module: str) -> None:
    lines = package_modules()[module].read_text().count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines: split it along a seam"


def test_there_are_no_import_circles(tmp_path: Path) -> None:
    """Every module's imports, TYPE_CHECKING ones included, form no cycle."""
    view = tmp_path / "samverkan"
    view.mkdir()
    for entry in (ROOT / "core").iterdir():
        (view / entry.name).symlink_to(entry)
    for folder in ("web", "plugins"):
        (view / folder).symlink_to(ROOT / folder)
    script = (
        "import grimp, json\n"
        "g = grimp.build_graph('samverkan', cache_dir=None)\n"
        "imports = g.find_modules_directly_imported_by\n"
        "print(json.dumps({m: sorted(imports(m)) for m in g.modules}))\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", script],
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    graph: dict[str, list[str]] = json.loads(found.stdout)
    assert "samverkan.web.ui.decisions" in graph, "the graph covers web/ and plugins/ too"
    assert circles(graph) == []


def circles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.get(module, []):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_circles_are_found() -> None:
    assert circles({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}) == [["a", "b", "c"]]


def test_every_module_of_pages_is_registered_by_the_app() -> None:
    """A module that adds routes to the ui blueprint is listed in web/ui's PAGES."""
    from samverkan.web.ui import PAGES

    listed = {page.__name__ for page in PAGES}
    adding_routes = {
        name
        for name, path in package_modules().items()
        if name.startswith("samverkan.web.ui.") and "@bp." in path.read_text()
    }
    assert adding_routes == listed


def test_scripts_and_benchmarks_import_nothing_from_tests() -> None:
    for path in [*(ROOT / "scripts").rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("tests"), f"{path} imports {node.module}"
