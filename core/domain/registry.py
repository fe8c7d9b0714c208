"""Every aggregate of the domain, and every event type they record."""

from __future__ import annotations

from samverkan.domain.access import Access
from samverkan.domain.agreement import Agreement
from samverkan.domain.base import Record
from samverkan.domain.decision import Decision
from samverkan.domain.experiment import Experiment
from samverkan.domain.lesson import Lesson
from samverkan.domain.measure import Measure
from samverkan.domain.organisation import Organisation
from samverkan.domain.partnership import Partnership
from samverkan.domain.redaction import Redaction
from samverkan.domain.scaleup import ScaleUp

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
