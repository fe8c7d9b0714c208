"""The risk-sharing ledger of one agreement, computed from the projection's dated entries.

``share_of_costs = share / 100 × costs_total`` and ``balance = contributed.money −
share_of_costs``, in the agreement's currency. Money (money, in kind, costs, benefits, shares
of costs, balances) is rounded to the currency's minor unit, half away from zero (Babel knows
the minor unit: 2 for SEK and NOK); staff hours are summed as recorded. Because each party's
share of costs is rounded on its own, their sum may differ from ``costs_total`` by a few
minor units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from babel.numbers import get_currency_precision

from samverkan.domain.vocabulary import BENEFICIARIES, CONTRIBUTION_KINDS, RISK_STATUSES
from samverkan.errors import NotFound
from samverkan.plugins.ledger.common import utc
from samverkan.plugins.ledger.tables import agreements, entries, shares

HUNDRED = Decimal(100)
MONEY_KINDS = ("money", "in_kind")


@dataclass
class Party:
    organisation_id: str
    share: Decimal
    committed: dict[str, Decimal]
    contributed: dict[str, Decimal]
    share_of_costs: Decimal = Decimal(0)
    balance: Decimal = Decimal(0)


@dataclass
class Risk:
    id: str
    owner_id: str
    status: str
    likelihood: int
    impact: int

    @property
    def live(self) -> bool:
        """Open and materialised risks are the ones partners must act on."""
        return self.status in ("open", "materialised")


@dataclass
class Ledger:
    agreement_id: str
    partnership_id: str
    title: str
    currency: str
    version: int
    as_of: datetime
    costs_total: Decimal
    parties: list[Party]
    benefits: dict[str, Decimal]
    risks: list[Risk]
    totals: dict[str, Any] = field(default_factory=dict)


def zeros() -> dict[str, Decimal]:
    return dict.fromkeys(CONTRIBUTION_KINDS, Decimal(0))


def partnership_of(engine: sa.Engine, agreement_id: UUID) -> str:
    """The partnership an agreement belongs to (404 for an agreement the ledger never saw)."""
    with engine.connect() as connection:
        found = connection.execute(
            sa.select(agreements.c.partnership_id).where(agreements.c.id == str(agreement_id))
        ).scalar_one_or_none()
    if found is None:
        raise NotFound(f"No agreement {agreement_id}")
    return str(found)


def agreements_of(engine: sa.Engine, partnership_id: UUID) -> list[dict[str, Any]]:
    """A partnership's agreements (id, title, currency, agreed_at), oldest first."""
    query = (
        sa.select(agreements)
        .where(agreements.c.partnership_id == str(partnership_id))
        .order_by(agreements.c.agreed_at, agreements.c.id)
    )
    with engine.connect() as connection:
        return [row._asdict() for row in connection.execute(query)]


def ledger_of(
    engine: sa.Engine,
    agreement_id: UUID,
    *,
    as_of: datetime | None = None,
    version: int | None = None,
    now: datetime | None = None,
) -> Ledger:
    """The ledger with the entries recorded up to ``as_of`` (or up to ``version``).

    404 when the agreement did not exist yet then, or has no such version.
    """
    key = str(agreement_id)
    with engine.connect() as connection:
        head = connection.execute(sa.select(agreements).where(agreements.c.id == key)).first()
        party_rows = connection.execute(
            sa.select(shares).where(shares.c.agreement_id == key).order_by(shares.c.position)
        ).all()
        rows = connection.execute(
            sa.select(entries).where(entries.c.agreement_id == key).order_by(entries.c.version)
        ).all()
    if head is None:
        raise NotFound(f"No agreement {agreement_id}")
    cutoff = None if as_of is None else utc(as_of)
    kept = [
        row
        for row in rows
        if (cutoff is None or utc(row.recorded_at) <= cutoff)
        and (version is None or row.version <= version)
    ]
    if not kept or (version is not None and kept[-1].version != version):
        what = f"version {version}" if version is not None else f"as of {as_of}"
        raise NotFound(f"Agreement {agreement_id} has no {what}")
    if cutoff is None:
        cutoff = utc(kept[-1].recorded_at) if version is not None else utc(now or _now())
    ledger = Ledger(
        agreement_id=key,
        partnership_id=head.partnership_id,
        title=head.title,
        currency=head.currency,
        version=kept[-1].version,
        as_of=cutoff,
        costs_total=Decimal(0),
        parties=[
            Party(row.organisation_id, Decimal(row.share), zeros(), zeros()) for row in party_rows
        ],
        benefits=dict.fromkeys(BENEFICIARIES, Decimal(0)),
        risks=[],
    )
    _apply(ledger, kept)
    _settle(ledger)
    return ledger


def _now() -> datetime:
    return datetime.now(UTC)


def _apply(ledger: Ledger, rows: list[Any]) -> None:
    parties = {party.organisation_id: party for party in ledger.parties}
    risks: dict[str, Risk] = {}
    for row in rows:
        if row.entry == "commitment":
            parties[row.organisation_id].committed[row.kind] += Decimal(row.amount)
        elif row.entry == "contribution":
            parties[row.organisation_id].contributed[row.kind] += Decimal(row.amount)
        elif row.entry == "cost":
            ledger.costs_total += Decimal(row.amount)
        elif row.entry == "benefit":
            ledger.benefits[row.beneficiary] += Decimal(row.amount)
        elif row.entry == "risk":
            risks[row.risk_id] = Risk(
                row.risk_id, row.organisation_id, row.status, row.likelihood, row.impact
            )
        elif row.entry == "risk_status":
            risks[row.risk_id].status = row.status
    ledger.risks = list(risks.values())


def _settle(ledger: Ledger) -> None:
    """Shares of costs, balances and totals, money rounded to the currency's minor unit."""
    cent = Decimal(1).scaleb(-get_currency_precision(ledger.currency))

    def money(value: Decimal) -> Decimal:
        return value.quantize(cent, rounding=ROUND_HALF_UP)

    ledger.costs_total = money(ledger.costs_total)
    ledger.benefits = {name: money(amount) for name, amount in ledger.benefits.items()}
    for party in ledger.parties:
        for kinds in (party.committed, party.contributed):
            for kind in MONEY_KINDS:
                kinds[kind] = money(kinds[kind])
        party.share_of_costs = money(party.share / HUNDRED * ledger.costs_total)
        party.balance = money(party.contributed["money"] - party.share_of_costs)

    def total(pick: Any) -> Decimal:
        return sum((pick(party) for party in ledger.parties), Decimal(0))

    ledger.totals = {
        "share": total(lambda p: p.share),
        "committed": {k: total(lambda p, k=k: p.committed[k]) for k in CONTRIBUTION_KINDS},
        "contributed": {k: total(lambda p, k=k: p.contributed[k]) for k in CONTRIBUTION_KINDS},
        "share_of_costs": total(lambda p: p.share_of_costs),
        "balance": total(lambda p: p.balance),
        "benefits": money(sum(ledger.benefits.values(), Decimal(0))),
        "risks": {s: sum(1 for r in ledger.risks if r.status == s) for s in RISK_STATUSES},
    }
