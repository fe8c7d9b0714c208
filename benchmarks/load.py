"""A prepared store and tagged writes: what the stress tests and scripts/scale_out.py share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from benchmarks.generator import BulkSamverkan, generate
from benchmarks.server import run_cli
from samverkan.application.service import Samverkan
from samverkan.storage.log import read_log
from samverkan.storage.stores import StoreConfig


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
