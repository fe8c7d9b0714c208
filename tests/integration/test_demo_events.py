"""The demo records exactly the events it recorded before its data moved into TOML files.

The expected values were computed on main at e17aac0, when the data were Python literals
(core/demo_data.py), with ``log_digest`` and ``counts_per_partnership`` below on a SQLite store.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any
from uuid import UUID

import pytest

from samverkan.application.service import Samverkan
from samverkan.demo import load_demo
from samverkan.storage.log import partnership_log, read_log
from samverkan.storage.stores import StoreConfig

EVENTS = 617
PER_PARTNERSHIP = {
    "larande_natverket": 94,
    "nara_vard_arena": 77,
    "forbedringsnettverk_lofoten": 102,
    "testbadd_norrtalje": 101,
    "innovation_i_partnerskap": 161,
}
TYPES_DIGEST = "dccbc84a2fbdd64326ef35bcac89cd4aaee89894ba09d34a37afae672e363f4b"
LOG_DIGEST = "d2e1425a224f561910507a30497e2f06b4f36d7015a8ed484d2ac328b0d980ed"

UUID_TEXT = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def business(app: Samverkan, value: Any, ids: dict[str, str]) -> Any:
    """An event's data without what differs from run to run: ids become their order of first
    appearance, text references the text they stand for (its id and salted hash vary)."""
    if isinstance(value, dict):
        if set(value) == {"text_id", "sha256"}:
            return {"text": app.texts.get(UUID(value["text_id"]))}
        return {business(app, k, ids): business(app, v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [business(app, v, ids) for v in value]
    if isinstance(value, str) and UUID_TEXT.match(value):
        return ids.setdefault(value, f"#{len(ids)}")
    return value


def log_digest(app: Samverkan) -> str:
    """SHA-256 of every event's type, record and business data, in log order."""
    ids: dict[str, str] = {}
    rows = [
        [e.type, business(app, str(e.originator_id), ids), business(app, e.data, ids)]
        for e in read_log(app)
    ]
    text = json.dumps(rows, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def types_digest(app: Samverkan) -> str:
    """SHA-256 of the sequence of event types."""
    return hashlib.sha256("\n".join(e.type for e in read_log(app)).encode()).hexdigest()


def counts_per_partnership(app: Samverkan) -> list[int]:
    """The number of events of each partnership and its records, in the order started."""
    started = [e.originator_id for e in read_log(app) if e.type == "partnership.started"]
    return [sum(1 for _ in partnership_log(app, pid)) for pid in started]


@pytest.fixture(scope="module")
def demo(module_store_config: StoreConfig) -> Iterator[Samverkan]:
    app = Samverkan(module_store_config)
    load_demo(app)
    yield app
    app.close()


def test_the_demo_records_as_many_events_per_partnership_as_before(demo: Samverkan) -> None:
    assert demo.recorder.max_notification_id() == EVENTS
    assert counts_per_partnership(demo) == list(PER_PARTNERSHIP.values())
    assert types_digest(demo) == TYPES_DIGEST


def test_the_demo_records_the_same_events_as_before(demo: Samverkan) -> None:
    assert log_digest(demo) == LOG_DIGEST
