"""A served store for the load and fault tests: gunicorn (`samverkan serve`) on 127.0.0.1.

Each test runs twice: a short version in the normal test run (CI) and the full one,
marked ``stress``, in `make stress`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import pytest

from benchmarks.generator import BulkSamverkan, generate
from benchmarks.server import run_cli
from samverkan.application.service import Samverkan
from samverkan.storage.log import read_log
from samverkan.storage.stores import StoreConfig


def scales(short: Any, full: Any) -> list[Any]:
    """The short version (normal run) and the full one (`make stress`)."""
    short, full = (v if isinstance(v, tuple) else (v,) for v in (short, full))
    return [
        pytest.param(*short, id="short"),
        pytest.param(*full, id="full", marks=pytest.mark.stress),
    ]


@dataclass(frozen=True)
class Prepared:
    config: StoreConfig
    token: str
    partnership_id: UUID


def prepare(config: StoreConfig, events: int = 100) -> Prepared:
    """One generated partnership history (with its organisations) and an admin token; the
    audit log sequenced and the projections applied, as after `samverkan init` and a load."""
    app = BulkSamverkan(config)
    try:
        generated = generate(app, events)
    finally:
        app.close()
    run_cli(config, "init")
    run_cli(config, "audit", "sequence")
    run_cli(config, "projections", "run", "--once")
    return Prepared(config, generated.admin_token, generated.partnerships[0])


@pytest.fixture(scope="session")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prepared]:
    """One store for the tests of a session: each writes with tags of its own."""
    yield prepare(StoreConfig(data_dir=tmp_path_factory.mktemp("stress") / "store"))


def lesson_tags(config: StoreConfig) -> dict[str, int]:
    """How many times each tag occurs in the log's recorded lessons."""
    app = Samverkan(config, create_tables=False)
    try:
        counts: dict[str, int] = {}
        for logged in read_log(app):
            if logged.type == "lesson.recorded":
                for tag in logged.data.get("tags", []):
                    counts[tag] = counts.get(tag, 0) + 1
        return counts
    finally:
        app.close()


def tagged_lesson(tag: str) -> dict[str, Any]:
    return {
        "text": "Korta möten med tydlig agenda höll tempot uppe.",
        "source_kind": "system_analysis",
        "source_id": None,
        "level": "meso",
        "tags": [tag],
    }


def assert_exactly_once(acknowledged: set[str], counts: dict[str, int], prefix: str) -> None:
    """Every acknowledged write is in the log once; no write of this run is in it twice."""
    missing = sorted(tag for tag in acknowledged if counts.get(tag, 0) == 0)
    doubled = sorted(t for t, count in counts.items() if t.startswith(prefix) and count > 1)
    assert not missing, f"acknowledged but not in the log: {missing[:10]}"
    assert not doubled, f"in the log more than once: {doubled[:10]}"


def audit_verifies(config: StoreConfig) -> str:
    run_cli(config, "audit", "sequence")
    return run_cli(config, "audit", "verify")
