"""P4 alone: `verify_store` ÷ reading and SHA-256 of every stored event, on kept stores.

    python -m benchmarks.verify_speed --keep DIR [--sizes 1000 20000] [--kinds sqlite postgres]
        [--repeat 3] [--compare some.module]

Stores are generated (and sequenced) once under DIR (PostgreSQL: a schema named after the
size) and reused by later runs, so two versions of `verify_store` can be timed on the same
stores; `--compare` times another module's `verify_store` too, in the same run.
"""

from __future__ import annotations

import argparse
import importlib
import json
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import psycopg

from samverkan.application.service import Samverkan
from samverkan.audit.verify import verify_store
from samverkan.storage.stores import StoreConfig

from .generator import BulkSamverkan, generate
from .replay import read_log
from .server import run_cli
from .stores import POSTGRES_URL


def kept_store(keep: Path, kind: str, events: int) -> StoreConfig:
    """The store of ``events`` events under ``keep``, generated and sequenced on first use."""
    directory = keep / f"{kind}-{events}"
    url = None
    if kind == "postgres":
        schema = f"bench_verify_{events}"
        url = f"{POSTGRES_URL}?schema={schema}"
        if not (directory / "ready").exists():
            with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
                connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
                connection.execute(f'CREATE SCHEMA "{schema}"')
    config = StoreConfig(data_dir=directory, database_url=url)
    if not (directory / "ready").exists():
        app = BulkSamverkan(config)
        try:
            generate(app, events)
        finally:
            app.close()
        run_cli(config, "init")
        run_cli(config, "audit", "sequence")
        (directory / "ready").write_text("")
    return config


def best(function: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """(first, fastest) wall time of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        function()
        times.append(time.perf_counter() - began)
    return times[0], min(times)


def cold(config: StoreConfig, verify: Any) -> float:
    """As `replay.measure_verify`: a fresh application reads and hashes, then verifies."""
    app = Samverkan(config)
    try:
        began = time.perf_counter()
        read_log(app, False)
        read_s = time.perf_counter() - began
        began = time.perf_counter()
        verify(app)
        return (time.perf_counter() - began) / read_s
    finally:
        app.close()


def measure(config: StoreConfig, verifiers: dict[str, Any], repeat: int) -> dict[str, Any]:
    app = Samverkan(config)
    try:
        events = read_log(app, False)
        read_first, read_best = best(lambda: read_log(app, False), repeat)
        result: dict[str, Any] = {"events": events, "read_sha256_s": round(read_best, 4)}
        for name, verify in verifiers.items():
            report = verify(app)
            if not report.ok:
                raise RuntimeError(f"{name}: audit verify failed: {report.first()}")
            first, fastest = best(partial(verify, app), repeat)
            result[name] = {
                "verify_s": round(fastest, 4),
                "ratio": round(fastest / read_best, 3),
                "ratio_first_runs": round(first / read_first, 3),
                "ratio_fresh_app": round(cold(config, verify), 3),
            }
        return result
    finally:
        app.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, required=True)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--kinds", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--compare", help="a module with another verify_store to time")
    args = parser.parse_args()
    verifiers: dict[str, Any] = {"verify": verify_store}
    if args.compare:
        verifiers[args.compare] = importlib.import_module(args.compare).verify_store
    for kind in args.kinds:
        for size in args.sizes:
            config = kept_store(args.keep, kind, size)
            print(json.dumps({kind: measure(config, verifiers, args.repeat)}), flush=True)


if __name__ == "__main__":
    main()
