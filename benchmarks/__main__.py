"""`python -m benchmarks [--small N] [--large N] [--seconds S] [--stores sqlite,postgres]`.

Writes benchmarks/results.json and docs/benchmarks.md from this one run.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, datetime
from pathlib import Path

from .machine import describe
from .report import markdown
from .run import run_store
from .stores import KINDS, ROOT


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--small", type=int, default=1_000, help="events in the small store")
    parser.add_argument("--large", type=int, default=1_000_000, help="events in the large store")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each load run")
    parser.add_argument("--stores", default=",".join(KINDS), help="sqlite,postgres")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument("--doc", type=Path, default=ROOT / "docs" / "benchmarks.md")
    options = parser.parse_args()
    began = time.perf_counter()
    results = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": describe(),
        "sizes": {"small": options.small, "large": options.large},
        "seconds_per_load_run": options.seconds,
        "stores": {},
    }
    for kind in options.stores.split(","):
        print(f"{kind}: {options.small} and {options.large} events…", flush=True)
        results["stores"][kind] = run_store(kind, options.small, options.large, options.seconds)
    results["duration_s"] = round(time.perf_counter() - began, 1)
    options.out.write_text(json.dumps(results, indent=2, default=str) + "\n")
    options.doc.write_text(markdown(results))
    print(f"Wrote {options.out} and {options.doc} in {results['duration_s']} s.")


if __name__ == "__main__":
    main()
