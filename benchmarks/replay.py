"""P3 (rebuilding every built-in projection ÷ reading and decoding the log), P4 (`audit
verify` ÷ reading and SHA-256 of every stored event), and a projection worker's peak memory."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from samverkan.application.service import Samverkan
from samverkan.audit.verify import verify_store
from samverkan.plugin_manager import Plugins, PluginSettings
from samverkan.projections.runner import Projections
from samverkan.storage.stores import StoreConfig

from .stores import environment

PAGE = 500


def read_log(app: Samverkan, decode: bool) -> int:
    """Every stored event, a page at a time; decoded to a domain event, or only hashed."""
    count, after = 0, 0
    while True:
        page = app.recorder.select_notifications(start=after + 1, limit=PAGE)
        for notification in page:
            if decode:
                app.mapper.to_domain_event(notification)
            else:
                digest = hashlib.sha256()
                digest.update(str(notification.originator_id).encode())
                digest.update(notification.topic.encode())
                digest.update(notification.state)
                digest.digest()
        count += len(page)
        if len(page) < PAGE:
            return count
        after = page[-1].id


def timed(function: Any, *args: Any) -> tuple[float, Any]:
    began = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - began, result


def measure_rebuild(config: StoreConfig) -> dict[str, Any]:
    app = Samverkan(config)
    try:
        projections = Projections.from_plugins(app, Plugins(PluginSettings.from_config()))
        read_s, events = timed(read_log, app, True)
        rebuild_s, _ = timed(projections.rebuild_all)  # one pass over the log for all
        ratio = (events / rebuild_s) / (events / read_s)
        return {
            "events": events,
            "projections": len(projections.projections),
            "read_decode_events_per_s": round(events / read_s, 1),
            "rebuild_events_per_s": round(events / rebuild_s, 1),
            "ratio": round(ratio, 3),
            "target": ">= 0.5",
            "met": ratio >= 0.5,
        }
    finally:
        app.close()


def measure_verify(config: StoreConfig) -> dict[str, Any]:
    app = Samverkan(config)
    try:
        hash_s, events = timed(read_log, app, False)
        verify_s, report = timed(verify_store, app)
        if not report.ok:
            raise RuntimeError(f"audit verify failed: {report.first()}")
        ratio = verify_s / hash_s
        return {
            "events": events,
            "read_sha256_s": round(hash_s, 4),
            "verify_s": round(verify_s, 4),
            "ratio": round(ratio, 3),
            "target": "<= 2",
            "met": ratio <= 2,
        }
    finally:
        app.close()


def worker_peak_kib(config: StoreConfig) -> int:
    """A projection worker (`samverkan projections run --once`) applying the whole log."""
    with tempfile.TemporaryDirectory() as directory:
        out = Path(directory) / "peak"
        subprocess.run(
            [sys.executable, "-m", "benchmarks.peak", str(out), "projections", "run", "--once"],
            env=environment(config),
            check=True,
            capture_output=True,
        )
        return int(out.read_text())
