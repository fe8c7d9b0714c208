"""Risk-sharing agreements: shares, commitments, contributions, costs, benefits, risks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

from samverkan.application.base import ServiceBase
from samverkan.domain.agreement import Agreement
from samverkan.domain.base import Actor, require_id
from samverkan.domain.partnership import Partnership

R = TypeVar("R")


class AgreementCommands(ServiceBase):
    def make_agreement(
        self, actor: Actor, partnership_id: UUID, title: str, currency: str, shares: Any
    ) -> Agreement:
        partnership = self.read(Partnership, partnership_id)
        return self.record(Agreement.agree(actor, partnership, title, currency, shares))

    def _change_agreement(
        self, agreement_id: UUID, command: Callable[[Agreement], R], expected_version: int | None
    ) -> tuple[Agreement, R]:
        return self.change(Agreement, agreement_id, command, expected_version=expected_version)

    def make_commitment(
        self,
        actor: Actor,
        agreement_id: UUID,
        organisation_id: UUID,
        kind: str,
        amount: Any,
        unit: str,
        description: str,
        *,
        expected_version: int | None = None,
    ) -> Agreement:
        party = require_id("organisation_id", organisation_id)
        text = self.text("description", description, required=False)
        agreement, _ = self._change_agreement(
            agreement_id,
            lambda a: a.commit(actor, party, kind, amount, unit, text),
            expected_version,
        )
        return agreement

    def record_contribution(
        self,
        actor: Actor,
        agreement_id: UUID,
        organisation_id: UUID,
        kind: str,
        amount: Any,
        unit: str,
        description: str,
        *,
        expected_version: int | None = None,
    ) -> Agreement:
        party = require_id("organisation_id", organisation_id)
        text = self.text("description", description, required=False)
        agreement, _ = self._change_agreement(
            agreement_id,
            lambda a: a.contribute(actor, party, kind, amount, unit, text),
            expected_version,
        )
        return agreement

    def incur_cost(
        self,
        actor: Actor,
        agreement_id: UUID,
        amount: Any,
        description: str,
        *,
        expected_version: int | None = None,
    ) -> Agreement:
        text = self.text("description", description)
        agreement, _ = self._change_agreement(
            agreement_id, lambda a: a.incur_cost(actor, amount, text), expected_version
        )
        return agreement

    def realise_benefit(
        self,
        actor: Actor,
        agreement_id: UUID,
        beneficiary: str,
        amount: Any,
        description: str,
        *,
        expected_version: int | None = None,
    ) -> Agreement:
        text = self.text("description", description)
        agreement, _ = self._change_agreement(
            agreement_id,
            lambda a: a.realise_benefit(actor, beneficiary, amount, text),
            expected_version,
        )
        return agreement

    def register_risk(
        self,
        actor: Actor,
        agreement_id: UUID,
        description: str,
        owner_id: UUID,
        likelihood: Any,
        impact: Any,
        *,
        expected_version: int | None = None,
    ) -> tuple[Agreement, UUID]:
        text = self.text("description", description)
        owner = require_id("owner_id", owner_id)
        return self._change_agreement(
            agreement_id,
            lambda a: a.register_risk(actor, text, owner, likelihood, impact),
            expected_version,
        )

    def change_risk_status(
        self,
        actor: Actor,
        agreement_id: UUID,
        risk_id: UUID,
        status: str,
        note: str,
        *,
        expected_version: int | None = None,
    ) -> Agreement:
        risk = require_id("risk_id", risk_id)
        text = self.text("note", note, required=False)
        agreement, _ = self._change_agreement(
            agreement_id,
            lambda a: a.change_risk_status(actor, risk, status, text),
            expected_version,
        )
        return agreement
