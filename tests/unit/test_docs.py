"""The docs stay true: every event type is documented."""

import re
from pathlib import Path

from samverkan.application.service import AGGREGATES

DOCS = Path(__file__).resolve().parents[2] / "docs"


def event_topics() -> set[str]:
    topics = set()
    for aggregate in AGGREGATES:
        for value in vars(aggregate).values():
            topic = getattr(value, "TOPIC", None)
            if isinstance(value, type) and topic and not topic.endswith(".created"):
                topics.add(topic)
    return topics


def test_every_event_type_is_documented() -> None:
    documented = set(
        re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", (DOCS / "events.md").read_text(), re.M)
    )
    assert event_topics() == documented


def test_every_event_type_is_named_by_its_aggregate() -> None:
    for topic in event_topics():
        prefix, name = topic.split(".")
        assert prefix in {
            "organisation",
            "partnership",
            "decision",
            "experiment",
            "measure",
            "lesson",
            "scale_up",
            "agreement",
            "user",
            "text",
        }, topic
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", name), topic


def test_docs_build_strictly(tmp_path: Path) -> None:
    """mkdocs builds the site without warnings (broken links, pages missing from nav)."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=DOCS.parent,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_every_event_type_has_a_label_on_the_pages() -> None:
    from samverkan.web.ui.event_labels import EVENTS

    assert event_topics() <= set(EVENTS)
