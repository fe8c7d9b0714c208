"""Scale-out on loopback: three app hosts and two projection workers over one PostgreSQL.

    .venv/bin/python scripts/scale_out.py [--seconds 20] [--writers 3]

Starts `samverkan serve` on 127.0.0.2, 127.0.0.3 and 127.0.0.4 (workers mode) and two
`samverkan projections run` processes, all on a fresh schema of the `test` database on
127.0.0.1:5432; drives tagged writes at all three hosts; halfway through kills (-9) one
app host with its workers and one projection worker; then checks that every acknowledged
write is in the log exactly once, that `samverkan audit verify` passes, and that the
projections the surviving worker kept equal a rebuild from the log (row checksums of
every projection table). Prints a JSON summary; exits 1 if a check fails. Loopback only.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import signal
import sys
import threading
import time
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa

from benchmarks.client import Client
from benchmarks.load import Prepared, lesson_tags, prepare, tagged_lesson
from benchmarks.server import Server, children, projection_worker, run_cli, serving
from benchmarks.stores import fresh_store
from samverkan.application.service import Samverkan
from samverkan.plugin_manager import Plugins, PluginSettings
from samverkan.projections.runner import Projections
from samverkan.storage.stores import StoreConfig

HOSTS = ("127.0.0.2", "127.0.0.3", "127.0.0.4")
CONVERGE_TIMEOUT = 120.0


def write_at(
    server: Server,
    prepared: Prepared,
    prefix: str,
    stop: threading.Event,
    acknowledged: set[str],
    lock: threading.Lock,
) -> None:
    """Tagged writes at one host until stopped (or the host is gone for good)."""
    path = f"/api/v1/partnerships/{prepared.partnership_id}/lessons"
    client = Client(server.host, server.port, prepared.token, timeout=30)
    n = failures = 0
    try:
        while not stop.is_set() and failures < 50:
            n += 1
            tag = f"{prefix}{n}"
            try:
                status, _, _ = client.request("POST", path, tagged_lesson(tag))
            except (OSError, http.client.HTTPException):
                failures += 1
                client.close()
                client = Client(server.host, server.port, prepared.token, timeout=30)
                time.sleep(0.1)
                continue
            if status == 201:
                with lock:
                    acknowledged.add(tag)
    finally:
        client.close()


def kill_host(server: Server) -> None:
    """A host dies: its gunicorn master and workers, all at once, with SIGKILL."""
    for pid in [server.process.pid, *children(server.process.pid)]:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    server.process.wait()


def table_checksums(config: StoreConfig) -> dict[str, str]:
    """SHA-256 of each projection table's rows in a fixed order, and the positions."""
    app = Samverkan(config, create_tables=False)
    try:
        projections = Projections.from_plugins(app, Plugins(PluginSettings.from_config()))
        sums: dict[str, str] = {}
        with app.sql.connect() as connection:
            for projection in projections.projections.values():
                for table in projection.metadata.sorted_tables:
                    rows = sorted(repr(tuple(row)) for row in connection.execute(sa.select(table)))
                    sums[table.name] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
        return sums
    finally:
        app.close()


def wait_converged(config: StoreConfig) -> list[dict[str, Any]]:
    """Wait (bounded) until no projection has events left to apply."""
    deadline = time.monotonic() + CONVERGE_TIMEOUT
    while True:
        rows = [
            json.loads(line)
            for line in run_cli(config, "projections", "status", "--json").splitlines()
            if line.strip()
        ]
        if all(row["pending"] == 0 and not row["error"] for row in rows):
            return rows
        if time.monotonic() > deadline:
            raise TimeoutError(f"projections did not converge: {rows}")
        time.sleep(0.5)


def scale_out(seconds: float, writers: int, log_dir: Path) -> dict[str, Any]:
    with fresh_store("postgres") as config:
        prepared = prepare(config)
        acknowledged: set[str] = set()
        lock, stop = threading.Lock(), threading.Event()
        env = {"SAMVERKAN_PROJECTIONS": "workers"}
        with ExitStack() as stack:
            worker_pids = [
                stack.enter_context(projection_worker(config, log_dir / f"worker{i}.log"))
                for i in range(2)
            ]
            servers = [
                stack.enter_context(
                    serving(
                        config, host=host, extra_env=env, workers=2, log=log_dir / f"app-{host}.log"
                    )
                )
                for host in HOSTS
            ]
            threads = [
                threading.Thread(
                    target=write_at,
                    args=(server, prepared, f"scale-{server.host}-{i}-", stop, acknowledged, lock),
                )
                for server in servers
                for i in range(writers)
            ]
            for thread in threads:
                thread.start()
            try:
                time.sleep(seconds / 2)
                kill_host(servers[-1])
                os.kill(worker_pids[-1], signal.SIGKILL)
                acknowledged_at_kill = len(acknowledged)
                time.sleep(seconds / 2)
            finally:
                stop.set()
                for thread in threads:
                    thread.join(60)
            statuses = wait_converged(config)  # the surviving worker catches up
        counts = lesson_tags(config)
        missing = sorted(t for t in acknowledged if counts.get(t, 0) != 1)
        doubled = sorted(t for t, c in counts.items() if t.startswith("scale-") and c > 1)
        run_cli(config, "audit", "sequence")
        try:
            verify, verified = run_cli(config, "audit", "verify").strip(), True
        except RuntimeError as failure:
            verify, verified = str(failure), False
        kept = table_checksums(config)
        run_cli(config, "projections", "rebuild")
        rebuilt = table_checksums(config)
        differing = sorted(name for name in kept if kept[name] != rebuilt.get(name))
        return {
            "acknowledged": len(acknowledged),
            "acknowledged_before_kills": acknowledged_at_kill,
            "missing_or_not_once": missing[:10],
            "doubled": doubled[:10],
            "audit_verify": verify,
            "projection_positions": {row["name"]: row["position"] for row in statuses},
            "tables_compared": len(kept),
            "tables_differing_from_rebuild": differing,
            "ok": bool(acknowledged) and verified and not (missing or doubled or differing),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the write load")
    parser.add_argument("--writers", type=int, default=3, help="writing clients per host")
    parser.add_argument("--logs", type=Path, default=Path("/tmp/samverkan-scale-out"))
    options = parser.parse_args()
    options.logs.mkdir(parents=True, exist_ok=True)
    summary = scale_out(options.seconds, options.writers, options.logs)
    print(json.dumps(summary, indent=2))
    sys.exit(0 if summary["ok"] else 1)


if __name__ == "__main__":
    main()
