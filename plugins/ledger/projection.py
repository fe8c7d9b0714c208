"""Agreement events -> ledger rows: one dated entry per event, in the event's transaction."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from samverkan.plugins.ledger.tables import agreements, entries, metadata, shares
from samverkan.projections.base import SqlProjection, handles, topic_of

ADD_ENTRY = entries.insert()


class LedgerProjection(SqlProjection):
    name = "ledger"
    metadata = metadata

    def _entry(self, connection: sa.Connection, event: Any, entry: str, **values: Any) -> None:
        row = {
            "agreement_id": str(event.originator_id),
            "version": event.originator_version,
            "recorded_at": event.timestamp,
            "entry": entry,
            **values,
        }
        connection.execute(ADD_ENTRY, row)  # built once, compiled once per set of columns

    @handles("agreement.agreed")
    def agreed(self, connection: sa.Connection, event: Any) -> None:
        agreement_id = str(event.originator_id)
        connection.execute(
            agreements.insert().values(
                id=agreement_id,
                partnership_id=str(event.partnership_id),
                title=event.title,
                currency=event.currency,
                agreed_at=event.timestamp,
            )
        )
        for position, (organisation_id, share) in enumerate(event.shares.items()):
            connection.execute(
                shares.insert().values(
                    agreement_id=agreement_id,
                    organisation_id=str(organisation_id),
                    share=str(share),
                    position=position,
                )
            )
        self._entry(connection, event, "agreed")

    @handles("agreement.commitment_made", "agreement.contribution_recorded")
    def resource(self, connection: sa.Connection, event: Any) -> None:
        committed = topic_of(event) == "agreement.commitment_made"
        self._entry(
            connection,
            event,
            "commitment" if committed else "contribution",
            organisation_id=str(event.organisation_id),
            kind=event.kind,
            amount=str(event.amount),
            unit=event.unit,
        )

    @handles("agreement.cost_incurred")
    def cost(self, connection: sa.Connection, event: Any) -> None:
        self._entry(connection, event, "cost", amount=str(event.amount))

    @handles("agreement.benefit_realised")
    def benefit(self, connection: sa.Connection, event: Any) -> None:
        self._entry(
            connection, event, "benefit", beneficiary=event.beneficiary, amount=str(event.amount)
        )

    @handles("agreement.risk_registered")
    def risk(self, connection: sa.Connection, event: Any) -> None:
        self._entry(
            connection,
            event,
            "risk",
            risk_id=str(event.risk_id),
            organisation_id=str(event.owner_id),
            likelihood=event.likelihood,
            impact=event.impact,
            status="open",
        )

    @handles("agreement.risk_status_changed")
    def risk_status(self, connection: sa.Connection, event: Any) -> None:
        self._entry(
            connection, event, "risk_status", risk_id=str(event.risk_id), status=event.status
        )
