"""The run chart as an SVG image drawn by pygal (server side, no JavaScript).

The picture is only one of three ways the page tells the story: the values and signals are
also a table and sentences, and the median and the signal points differ in shape and dash,
not in colour alone. It is served as its own image (``<img>`` with a text alternative), so
its inline styles need no exception in the pages' Content-Security-Policy.
"""

from __future__ import annotations

import re
import sys
from types import ModuleType
from typing import Any

from samverkan.plugins.measures.i18n import _
from samverkan.plugins.measures.statistics import RunChart

STYLE: dict[str, Any] = {
    "background": "white",
    "plot_background": "white",
    "foreground": "#1f2328",
    "foreground_strong": "#1f2328",
    "foreground_subtle": "#57606a",
    "colors": ("#0b5394", "#57606a", "#b3261e"),
    "font_family": "system-ui, sans-serif",
}


def _pygal() -> ModuleType:
    """pygal, imported on first use. On import pygal appends a ``sys.meta_path`` finder for
    its map plugins that has no ``find_spec`` (Python 3.12 drops the fallback; under
    warnings-as-errors every later import fails): we use no maps, so it is taken out again."""
    import pygal

    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "PluginImportFixer"]
    module: ModuleType = pygal
    return module


SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)

SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'"
"""The SVG document styles itself inline and runs nothing."""


def run_chart_svg(chart: RunChart, title: str, unit: str) -> str:
    """A standalone SVG: values as a line with round dots, the median dashed, points that are
    part of a signal as large separate markers. pygal's inline configuration script (for its
    tooltips) is removed: the picture runs no JavaScript."""
    periods = [p.period for p in chart.points]
    flagged = {period for signal in chart.signals for period in signal.periods}
    pygal = _pygal()
    line = pygal.Line(
        style=pygal.style.Style(**STYLE),
        js=(),
        disable_xml_declaration=True,
        show_legend=True,
        legend_at_bottom=True,
        x_label_rotation=30,
        width=800,
        height=360,
        dots_size=3,
        explicit_size=False,
        title=title,
        y_title=unit,
        print_values=False,
    )
    line.x_labels = periods
    line.add(_("Value"), [float(p.value) for p in chart.points])
    if chart.median is not None:
        line.add(
            _("Median"),
            [float(chart.median)] * len(periods),
            show_dots=False,
            stroke_style={"width": 2, "dasharray": "8, 6"},
        )
    line.add(
        _("Part of a signal"),
        [float(p.value) if p.period in flagged else None for p in chart.points],
        stroke=False,
        dots_size=7,
    )
    return SCRIPT.sub("", line.render(is_unicode=True))
