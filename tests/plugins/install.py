"""Install the example plugin for the test run only, through its entry point, once.

It goes into ``.test-plugins/<digest of its sources>/`` (not the venv, so `make run` never
loads it), which the test process puts on sys.path; parallel workers install it once, under a
file lock. A changed plugin gets a folder of its own, so a stale copy is never loaded.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent / "example_plugin"


def sources_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".toml"} and "build" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


TARGET = Path(__file__).resolve().parents[2] / ".test-plugins" / sources_digest()
ENTRY_POINT = "example"


def installed() -> bool:
    return any(ep.name == ENTRY_POINT for ep in entry_points(group="samverkan"))


def ensure_example_plugin() -> str:
    """The example plugin's entry-point name, after making sure it is installed."""
    if str(TARGET) not in sys.path:
        sys.path.insert(0, str(TARGET))
        importlib.invalidate_caches()
    if not installed():
        TARGET.mkdir(parents=True, exist_ok=True)
        with (TARGET.parents[1] / ".test-plugins.lock").open("w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            importlib.invalidate_caches()
            if not installed():
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "pip",
                        "install",
                        "--quiet",
                        "--no-deps",
                        "--upgrade",
                        "--target",
                        str(TARGET),
                        str(PACKAGE),
                    ],
                    check=True,
                )
        importlib.invalidate_caches()
    assert installed(), "the example plugin's entry point is not installed"
    return ENTRY_POINT
