"""The ledger as API.md shapes it, and as CSV."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from samverkan.csv_safe import to_csv
from samverkan.domain.vocabulary import CONTRIBUTION_KINDS
from samverkan.plugins.ledger.ledger import Ledger


def as_json(ledger: Ledger) -> dict[str, Any]:
    """API.md's shape (plus partnership_id, title and totals); decimals stay Decimals here and
    become strings in the response schema."""
    return {
        "agreement_id": ledger.agreement_id,
        "partnership_id": ledger.partnership_id,
        "title": ledger.title,
        "version": ledger.version,
        "currency": ledger.currency,
        "as_of": ledger.as_of,
        "costs_total": ledger.costs_total,
        "parties": [
            {
                "organisation_id": party.organisation_id,
                "share": party.share,
                "committed": dict(party.committed),
                "contributed": dict(party.contributed),
                "share_of_costs": party.share_of_costs,
                "balance": party.balance,
            }
            for party in ledger.parties
        ],
        "benefits": [
            {"beneficiary": beneficiary, "amount": amount}
            for beneficiary, amount in ledger.benefits.items()
        ],
        "risks": [
            {
                "id": risk.id,
                "owner_id": risk.owner_id,
                "status": risk.status,
                "likelihood": risk.likelihood,
                "impact": risk.impact,
            }
            for risk in ledger.risks
        ],
        "totals": ledger.totals,
    }


CSV_COLUMNS = (
    "agreement_id",
    "agreement",
    "currency",
    "version",
    "as_of",
    "organisation_id",
    "organisation",
    "share",
    *(f"committed_{kind}" for kind in CONTRIBUTION_KINDS),
    *(f"contributed_{kind}" for kind in CONTRIBUTION_KINDS),
    "costs_total",
    "share_of_costs",
    "balance",
)


def csv_rows(ledger: Ledger, names: dict[str, str]) -> Iterable[list[str]]:
    """One row per party, then a ``total`` row (organisation_id empty)."""
    head = [
        ledger.agreement_id,
        ledger.title,
        ledger.currency,
        str(ledger.version),
        ledger.as_of.isoformat(),
    ]
    for party in ledger.parties:
        yield [
            *head,
            party.organisation_id,
            names.get(party.organisation_id, ""),
            str(party.share),
            *(str(party.committed[kind]) for kind in CONTRIBUTION_KINDS),
            *(str(party.contributed[kind]) for kind in CONTRIBUTION_KINDS),
            str(ledger.costs_total),
            str(party.share_of_costs),
            str(party.balance),
        ]
    totals = ledger.totals
    yield [
        *head,
        "",
        "total",
        str(totals["share"]),
        *(str(totals["committed"][kind]) for kind in CONTRIBUTION_KINDS),
        *(str(totals["contributed"][kind]) for kind in CONTRIBUTION_KINDS),
        str(ledger.costs_total),
        str(totals["share_of_costs"]),
        str(totals["balance"]),
    ]


def as_csv(ledgers: Iterable[Ledger], names: dict[str, str]) -> str:
    rows = [row for ledger in ledgers for row in csv_rows(ledger, names)]
    return to_csv([CSV_COLUMNS, *rows])
