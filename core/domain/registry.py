"""Every aggregate of the domain, and every event type they record."""

from __future__ import annotations

from core.domain.access import Access
from core.domain.agreement import Agreement
from core.domain.base import Record
from core.domain.decision import Decision
from core.domain.experiment import Experiment
from core.domain.lesson import Lesson
from core.domain.measure import Measure
from core.domain.organisation import Organisation
from core.domain.partnership import Partnership
from core.domain.redaction import Redaction
from core.domain.scaleup import ScaleUp

AGGREGATES: tuple[type[Record], ...] = (
    Organisation,
    Partnership,
    Decision,
    Experiment,
    Measure,
    Lesson,
    ScaleUp,
    Agreement,
    Redaction,
    Access,
)


def event_topics() -> list[str]:
    """The stable type names of all events (without eventsourcing's unused ``*.created``)."""
    found = []
    for aggregate in AGGREGATES:
        for value in vars(aggregate).values():
            topic = getattr(value, "TOPIC", None)
            if isinstance(value, type) and topic and not topic.endswith(".created"):
                found.append(topic)
    return found
