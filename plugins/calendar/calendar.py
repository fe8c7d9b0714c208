"""The learning-network calendar folded from dated rows, as of any recording time.

Meetings are ordered by the day they were held (then by when they were recorded).
Gatherings are the network's joint meetings (``workshop`` and ``network_gathering``);
a local meeting belongs to the interval after the latest gathering held on or before its day
(``after_gathering_id`` None: before the first gathering).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from samverkan.plugins.calendar.tables import calendar_events
from samverkan.plugins.ledger.dated import Dated, rows_of

GATHERINGS = ("workshop", "network_gathering")
STATUS_OF = {
    "decision.adopted": "adopted",
    "decision.rejected": "rejected",
    "decision.withdrawn": "withdrawn",
    "decision.superseded": "superseded",
}


@dataclass
class Taken:
    id: str
    title: str
    status: str


@dataclass
class Meeting:
    id: str
    kind: str
    held_on: str
    place: str
    attending: list[str]
    recorded_at: datetime
    decisions: list[Taken] = field(default_factory=list)

    @property
    def gathering(self) -> bool:
        return self.kind in GATHERINGS


@dataclass
class Interval:
    after_gathering_id: str | None
    before_gathering_id: str | None
    local_meeting_ids: list[str]


@dataclass
class Calendar:
    meetings: list[Meeting]
    intervals: list[Interval]
    attendance: dict[str, Counter[str]]
    places: Counter[str]


def fold(rows: list[Dated]) -> Calendar:
    meetings: dict[str, Meeting] = {}
    decisions: dict[str, tuple[str, Taken]] = {}
    for row in rows:
        data = row.data
        if row.topic == "partnership.meeting_held":
            meetings[data["meeting_id"]] = Meeting(
                data["meeting_id"],
                data["kind"],
                data["held_on"],
                data["place"],
                list(data["attending"]),
                row.recorded_at,
            )
        elif row.topic == "decision.proposed":
            decisions[row.record_id] = (
                data["meeting_id"],
                Taken(row.record_id, data["title"], "proposed"),
            )
        elif row.record_id in decisions:
            _, taken = decisions[row.record_id]
            if row.topic == "decision.amended":
                taken.title = data.get("title") or taken.title
            else:
                taken.status = STATUS_OF[row.topic]
    for meeting_id, taken in decisions.values():
        if meeting_id in meetings:
            meetings[meeting_id].decisions.append(taken)
    ordered = sorted(meetings.values(), key=lambda m: (m.held_on, m.recorded_at, m.id))
    return Calendar(ordered, intervals(ordered), attendance(ordered), places(ordered))


def intervals(meetings: list[Meeting]) -> list[Interval]:
    found: list[Interval] = []
    current = Interval(None, None, [])
    for meeting in meetings:
        if meeting.gathering:
            current.before_gathering_id = meeting.id
            if current.local_meeting_ids:
                found.append(current)
            current = Interval(meeting.id, None, [])
        elif meeting.kind == "local_meeting":
            current.local_meeting_ids.append(meeting.id)
    if current.local_meeting_ids:
        found.append(current)
    return found


def attendance(meetings: list[Meeting]) -> dict[str, Counter[str]]:
    """Per organisation: meetings attended by kind."""
    counts: dict[str, Counter[str]] = {}
    for meeting in meetings:
        for organisation_id in meeting.attending:
            counts.setdefault(organisation_id, Counter())[meeting.kind] += 1
    return dict(sorted(counts.items()))


def places(meetings: list[Meeting]) -> Counter[str]:
    return Counter(meeting.place for meeting in meetings)


def calendar_of(engine: sa.Engine, partnership_id: UUID, cutoff: datetime | None) -> Calendar:
    return fold(rows_of(engine, calendar_events, partnership_id, cutoff))


def as_json(calendar: Calendar) -> dict[str, Any]:
    return {
        "meetings": [
            {
                "id": m.id,
                "kind": m.kind,
                "held_on": m.held_on,
                "place": m.place,
                "attending_organisation_ids": m.attending,
                "decisions": [d.__dict__ for d in m.decisions],
            }
            for m in calendar.meetings
        ],
        "between_gatherings": [i.__dict__ for i in calendar.intervals],
        "attendance": [
            {"organisation_id": org, "meetings": sum(kinds.values()), "by_kind": dict(kinds)}
            for org, kinds in calendar.attendance.items()
        ],
        "places": [{"place": p, "meetings": n} for p, n in sorted(calendar.places.items())],
    }
