"""Run a `samverkan` command and write its peak resident memory (KiB) to a file.

``python -m benchmarks.peak OUT projections run --once``: the high-water mark is read from
``getrusage`` as the process ends, so nothing is missed between samples.
"""

from __future__ import annotations

import atexit
import resource
import sys
from pathlib import Path


def main() -> None:
    out = Path(sys.argv[1])
    atexit.register(lambda: out.write_text(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))
    from samverkan.cli.main import main as samverkan

    samverkan(args=sys.argv[2:], prog_name="samverkan")


if __name__ == "__main__":
    main()
