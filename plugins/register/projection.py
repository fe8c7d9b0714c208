"""Decision events -> dated rows (no free text: titles, signatories, stances, evidence)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from samverkan.plugins.ledger.dated import DatedProjection, keep
from samverkan.plugins.register.tables import decision_events, metadata
from samverkan.projections.base import handles

AMENDABLE_HERE = ("title", "signatory_ids", "evidence")


class RegisterProjection(DatedProjection):
    name = "decision_register"
    metadata = metadata

    @handles("decision.proposed")
    def proposed(self, connection: sa.Connection, event: Any) -> None:
        keep(
            connection,
            decision_events,
            event,
            str(event.partnership_id),
            title=event.title,
            signatory_ids=event.signatory_ids,
            evidence=event.evidence,
            meeting_id=event.meeting_id,
        )

    @handles("decision.signed_off")
    def signed_off(self, connection: sa.Connection, event: Any) -> None:
        keep(
            connection,
            decision_events,
            event,
            organisation_id=event.organisation_id,
            stance=event.stance,
            user_id=event.actor.user_id,
        )

    @handles("decision.amended")
    def amended(self, connection: sa.Connection, event: Any) -> None:
        changes = {k: v for k, v in event.changes.items() if k in AMENDABLE_HERE}
        keep(connection, decision_events, event, changes=changes)

    @handles("decision.adopted", "decision.rejected", "decision.withdrawn")
    def closed(self, connection: sa.Connection, event: Any) -> None:
        keep(connection, decision_events, event)

    @handles("decision.superseded")
    def superseded(self, connection: sa.Connection, event: Any) -> None:
        keep(connection, decision_events, event, by_decision_id=event.by_decision_id)
