"""The ledger exporter: every agreement of a partnership as one CSV (the present)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from samverkan.plugins.ledger.common import organisation_names
from samverkan.plugins.ledger.ledger import agreements_of, ledger_of
from samverkan.plugins.ledger.present import as_csv

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan


def render_partnership_csv(service: Samverkan, partnership_id: UUID) -> str:
    """The caller (the web's export route) has checked that the user may see the partnership."""
    ledgers = [
        ledger_of(service.sql, UUID(row["id"]))
        for row in agreements_of(service.sql, partnership_id)
    ]
    parties = [party.organisation_id for ledger in ledgers for party in ledger.parties]
    return as_csv(ledgers, organisation_names(service.sql, parties))
