"""CSV that spreadsheets cannot run: every CSV the service or a plugin writes goes through here.

A cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to
Excel, LibreOffice and Google Sheets (OWASP "CSV injection"), so an organisation named
``=HYPERLINK(...)`` would become a live link in a partner's spreadsheet. Such a cell is written
with a leading ``'``, which spreadsheets show as text; numbers (``-1500.00``) stay numbers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_cell(value: object) -> str:
    """The cell's text, with a leading ``'`` if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(text):
        return "'" + text
    return text


class SafeWriter:
    """``csv.writer`` whose every cell goes through :func:`safe_cell`."""

    def __init__(self, out: Any, **options: Any) -> None:
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[object]) -> Any:
        return self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(out: Any, **options: Any) -> SafeWriter:
    """Like ``csv.writer(out, **options)``, with formulas neutralised."""
    return SafeWriter(out, **options)


def to_csv(rows: Iterable[Iterable[object]], **options: Any) -> str:
    """The rows (the header first) as CSV text, lines ending in CRLF (RFC 4180)."""
    out = io.StringIO()
    writer(out, lineterminator="\r\n", **options).writerows(rows)
    return out.getvalue()
