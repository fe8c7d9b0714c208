"""The register: a partnership's decisions folded from the dated rows, as of any time.

An amendment voids the sign-offs given before it (as the decision itself does), so a
signatory's stance is its latest sign-off after the last amendment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from samverkan.plugins.ledger.dated import Dated, rows_of
from samverkan.plugins.register.tables import decision_events
from samverkan.readmodels.records_index import records_of

CLOSING = {
    "decision.adopted": "adopted",
    "decision.rejected": "rejected",
    "decision.withdrawn": "withdrawn",
    "decision.superseded": "superseded",
}


@dataclass
class Stance:
    stance: str
    signed_at: datetime
    user_id: str


@dataclass
class Entry:
    id: str
    title: str
    status: str
    version: int
    proposed_at: datetime
    updated_at: datetime
    meeting_id: str | None
    signatory_ids: list[str]
    evidence: list[dict[str, str]]
    stances: dict[str, Stance] = field(default_factory=dict)
    decided_at: datetime | None = None
    superseded_by: str | None = None


def fold(rows: list[Dated]) -> list[Entry]:
    """The decisions, oldest proposal first."""
    entries: dict[str, Entry] = {}
    for row in rows:
        data = row.data
        if row.topic == "decision.proposed":
            entries[row.record_id] = Entry(
                id=row.record_id,
                title=data["title"],
                status="proposed",
                version=row.version,
                proposed_at=row.recorded_at,
                updated_at=row.recorded_at,
                meeting_id=data["meeting_id"],
                signatory_ids=list(data["signatory_ids"]),
                evidence=list(data["evidence"]),
            )
            continue
        entry = entries[row.record_id]
        entry.version, entry.updated_at = row.version, row.recorded_at
        if row.topic == "decision.signed_off":
            entry.stances[data["organisation_id"]] = Stance(
                data["stance"], row.recorded_at, data["user_id"]
            )
        elif row.topic == "decision.amended":
            changes = data["changes"]
            entry.title = changes.get("title", entry.title)
            entry.signatory_ids = list(changes.get("signatory_ids", entry.signatory_ids))
            entry.evidence = list(changes.get("evidence", entry.evidence))
            entry.stances = {}
        elif row.topic in CLOSING:
            entry.status = CLOSING[row.topic]
            if row.topic == "decision.superseded":
                entry.superseded_by = data["by_decision_id"]
            else:
                entry.decided_at = row.recorded_at
    return sorted(entries.values(), key=lambda e: (e.proposed_at, e.id))


def register_of(
    engine: sa.Engine, partnership_id: UUID, cutoff: datetime | None, status: str | None = None
) -> list[Entry]:
    entries = fold(rows_of(engine, decision_events, partnership_id, cutoff))
    return [entry for entry in entries if status is None or entry.status == status]


def evidence_titles(engine: sa.Engine, partnership: Any) -> dict[str, str | None]:
    """Titles of what decisions cite: records by the records index (lessons have none: their
    text is erasable), meetings by kind, date and place."""
    titles: dict[str, str | None] = {
        row["id"]: row["title"] for row in records_of(engine, str(partnership.id))
    }
    for meeting_id, meeting in partnership.meetings.items():
        titles[meeting_id] = f"{meeting['held_on']} {meeting['place']}"
    return titles
