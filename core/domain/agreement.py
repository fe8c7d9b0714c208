"""Agreement: how partners share risk — shares, commitments, contributions, costs, risks."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.domain import event

from samverkan.domain.base import (
    Actor,
    Record,
    TextRef,
    created_topic,
    require_amount,
    require_choice,
    require_currency,
    require_id,
    require_int,
    require_text,
)
from samverkan.domain.partnership import Partnership
from samverkan.domain.vocabulary import BENEFICIARIES, CONTRIBUTION_KINDS, RISK_STATUSES
from samverkan.errors import (
    InvalidInput,
    NotAParty,
    RiskClosed,
    RiskUnknown,
    SharesInvalid,
    StatusUnchanged,
)

HUNDRED = Decimal(100)


def check_shares(partnership: Partnership, shares: Any) -> dict[str, Decimal]:
    if not isinstance(shares, dict) or not shares:
        raise InvalidInput.field("shares", "must map organisation ids to percentages")
    checked: dict[str, Decimal] = {}
    for organisation_id, share in shares.items():
        party = require_id("shares", organisation_id)
        if str(party) in checked:  # the same id spelt twice (case, braces) must not merge
            raise InvalidInput.field("shares", f"names {party} more than once")
        partnership.require_member(party)
        percent = require_amount("shares", share, positive=False)
        if percent <= 0:
            raise SharesInvalid(f"The share of {party} is {percent}; each must be above 0")
        checked[str(party)] = percent
    total = sum(checked.values(), Decimal(0))
    if total != HUNDRED:
        raise SharesInvalid(f"The shares sum to {total}, not 100")
    return checked


class Agreement(Record):
    TOPIC = "agreement"
    Created = created_topic("agreement")

    @classmethod
    def agree(
        cls, actor: Actor, partnership: Partnership, title: str, currency: str, shares: Any
    ) -> Agreement:
        return cls(
            actor=actor,
            partnership_id=partnership.id,
            title=require_text("title", title, max_length=200),
            currency=require_currency(currency),
            shares=check_shares(partnership, shares),
        )

    @event("Agreed", topic="agreement.agreed")
    def __init__(
        self,
        actor: Actor,
        partnership_id: UUID,
        title: str,
        currency: str,
        shares: dict[str, Decimal],
    ) -> None:
        self.partnership_id = partnership_id
        self.title = title
        self.currency = currency
        self.shares = shares
        self.risks: dict[str, dict[str, Any]] = {}

    def require_party(self, organisation_id: UUID) -> None:
        if str(organisation_id) not in self.shares:
            raise NotAParty(f"Organisation {organisation_id} is not a party to {self.title}")

    def _resource(self, organisation_id: UUID, kind: str, amount: Any, unit: str) -> dict[str, Any]:
        self.require_party(organisation_id)
        return {
            "organisation_id": organisation_id,
            "kind": require_choice("kind", kind, CONTRIBUTION_KINDS),
            "amount": require_amount("amount", amount),
            "unit": require_text("unit", unit, max_length=50),
        }

    def commit(
        self,
        actor: Actor,
        organisation_id: UUID,
        kind: str,
        amount: Any,
        unit: str,
        description: TextRef,
    ) -> None:
        resource = self._resource(organisation_id, kind, amount, unit)
        self._commitment_made(actor=actor, description=description, **resource)

    @event("CommitmentMade", topic="agreement.commitment_made")
    def _commitment_made(
        self,
        actor: Actor,
        organisation_id: UUID,
        kind: str,
        amount: Decimal,
        unit: str,
        description: TextRef,
    ) -> None:
        pass

    def contribute(
        self,
        actor: Actor,
        organisation_id: UUID,
        kind: str,
        amount: Any,
        unit: str,
        description: TextRef,
    ) -> None:
        resource = self._resource(organisation_id, kind, amount, unit)
        self._contribution_recorded(actor=actor, description=description, **resource)

    @event("ContributionRecorded", topic="agreement.contribution_recorded")
    def _contribution_recorded(
        self,
        actor: Actor,
        organisation_id: UUID,
        kind: str,
        amount: Decimal,
        unit: str,
        description: TextRef,
    ) -> None:
        pass

    def incur_cost(self, actor: Actor, amount: Any, description: TextRef) -> None:
        self._cost_incurred(
            actor=actor, amount=require_amount("amount", amount), description=description
        )

    @event("CostIncurred", topic="agreement.cost_incurred")
    def _cost_incurred(self, actor: Actor, amount: Decimal, description: TextRef) -> None:
        pass

    def realise_benefit(
        self, actor: Actor, beneficiary: str, amount: Any, description: TextRef
    ) -> None:
        self._benefit_realised(
            actor=actor,
            beneficiary=require_choice("beneficiary", beneficiary, BENEFICIARIES),
            amount=require_amount("amount", amount),
            description=description,
        )

    @event("BenefitRealised", topic="agreement.benefit_realised")
    def _benefit_realised(
        self, actor: Actor, beneficiary: str, amount: Decimal, description: TextRef
    ) -> None:
        pass

    def register_risk(
        self, actor: Actor, description: TextRef, owner_id: UUID, likelihood: Any, impact: Any
    ) -> UUID:
        self.require_party(owner_id)
        risk_id = uuid4()
        self._risk_registered(
            actor=actor,
            risk_id=risk_id,
            description=description,
            owner_id=owner_id,
            likelihood=require_int("likelihood", likelihood, low=1, high=5),
            impact=require_int("impact", impact, low=1, high=5),
        )
        return risk_id

    @event("RiskRegistered", topic="agreement.risk_registered")
    def _risk_registered(
        self,
        actor: Actor,
        risk_id: UUID,
        description: TextRef,
        owner_id: UUID,
        likelihood: int,
        impact: int,
    ) -> None:
        self.risks[str(risk_id)] = {"status": "open", "owner_id": owner_id}

    def change_risk_status(self, actor: Actor, risk_id: UUID, status: str, note: TextRef) -> None:
        risk = self.risks.get(str(risk_id))
        if risk is None:
            raise RiskUnknown(f"The agreement has no risk {risk_id}")
        status = require_choice("status", status, RISK_STATUSES)
        if risk["status"] == "closed":
            raise RiskClosed(f"Risk {risk_id} is closed")
        if risk["status"] == status:
            raise StatusUnchanged(f"Risk {risk_id} is already {status}")
        self._risk_status_changed(actor=actor, risk_id=risk_id, status=status, note=note)

    @event("RiskStatusChanged", topic="agreement.risk_status_changed")
    def _risk_status_changed(self, actor: Actor, risk_id: UUID, status: str, note: TextRef) -> None:
        self.risks[str(risk_id)]["status"] = status
