"""Install the example plugin for the test run only, through its entry point, once.

It goes into ``.test-plugins/`` (not the venv, so `make run` never loads it), which the test
process puts on sys.path; parallel workers install it once, under a file lock.
"""

from __future__ import annotations

import fcntl
import importlib
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent / "example_plugin"
TARGET = Path(__file__).resolve().parents[2] / ".test-plugins"
ENTRY_POINT = "example"


def installed() -> bool:
    return any(ep.name == ENTRY_POINT for ep in entry_points(group="samverkan"))


def ensure_example_plugin() -> str:
    """The example plugin's entry-point name, after making sure it is installed."""
    if str(TARGET) not in sys.path:
        sys.path.insert(0, str(TARGET))
        importlib.invalidate_caches()
    if not installed():
        TARGET.mkdir(exist_ok=True)
        with (TARGET.parent / ".test-plugins.lock").open("w") as handle:
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
