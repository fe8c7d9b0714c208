"""A served store for the load and fault tests: gunicorn (`samverkan serve`) on 127.0.0.1.

Each test runs twice: a short version in the normal test run (CI) and the full one,
marked ``stress``, in `make stress`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from benchmarks.load import Prepared, lesson_tags, prepare, tagged_lesson
from benchmarks.server import run_cli
from samverkan.storage.stores import StoreConfig

__all__ = ["Prepared", "lesson_tags", "prepare", "tagged_lesson"]


def scales(short: Any, full: Any) -> list[Any]:
    """The short version (normal run) and the full one (`make stress`)."""
    short, full = (v if isinstance(v, tuple) else (v,) for v in (short, full))
    return [
        pytest.param(*short, id="short"),
        pytest.param(*full, id="full", marks=pytest.mark.stress),
    ]


@pytest.fixture(scope="session")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prepared]:
    """One store for the tests of a session: each writes with tags of its own."""
    yield prepare(StoreConfig(data_dir=tmp_path_factory.mktemp("stress") / "store"))


def assert_exactly_once(acknowledged: set[str], counts: dict[str, int], prefix: str) -> None:
    """Every acknowledged write is in the log once; no write of this run is in it twice."""
    missing = sorted(tag for tag in acknowledged if counts.get(tag, 0) == 0)
    doubled = sorted(t for t, count in counts.items() if t.startswith(prefix) and count > 1)
    assert not missing, f"acknowledged but not in the log: {missing[:10]}"
    assert not doubled, f"in the log more than once: {doubled[:10]}"


def audit_verifies(config: StoreConfig) -> str:
    run_cli(config, "audit", "sequence")
    return run_cli(config, "audit", "verify")
