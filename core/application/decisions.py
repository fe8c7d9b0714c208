"""Decisions: proposal, sign-offs, amendment, withdrawal, supersession."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from samverkan.application.base import ServiceBase
from samverkan.domain.base import Actor, Record, require_id, require_ids
from samverkan.domain.decision import Decision, check_evidence
from samverkan.domain.experiment import Experiment
from samverkan.domain.lesson import Lesson
from samverkan.domain.measure import Measure
from samverkan.domain.partnership import Partnership
from samverkan.errors import InvalidInput, NotFound

EVIDENCE_TYPES: dict[str, type[Record]] = {
    "experiment": Experiment,
    "measure": Measure,
    "lesson": Lesson,
    "decision": Decision,
}
TEXT_FIELDS = ("context", "proposal", "rationale")


class DecisionCommands(ServiceBase):
    def check_evidence_exists(
        self, partnership: Partnership, evidence: Any
    ) -> list[dict[str, str]]:
        """Evidence links must point at records of the same partnership."""
        links = check_evidence(evidence)
        for link in links:
            target = UUID(link["id"])
            if link["kind"] == "meeting":
                if link["id"] not in partnership.meetings:
                    raise InvalidInput.field(
                        "evidence", f"meeting {target} is not in the partnership"
                    )
                continue
            try:
                record: Any = self.get(EVIDENCE_TYPES[link["kind"]], target)
            except NotFound:
                raise InvalidInput.field("evidence", f"no {link['kind']} {target}") from None
            if record.partnership_id != partnership.id:
                # Said like an unknown id: the other partnership may be invisible to the caller.
                raise InvalidInput.field(
                    "evidence", f"no {link['kind']} {target} in this partnership"
                )
        return links

    def propose_decision(
        self,
        actor: Actor,
        partnership_id: UUID,
        title: str,
        context: str,
        options: list[str],
        proposal: str,
        rationale: str,
        signatory_ids: list[UUID],
        evidence: list[dict[str, str]],
        meeting_id: UUID | None = None,
    ) -> Decision:
        partnership = self.read(Partnership, partnership_id)
        links = self.check_evidence_exists(partnership, evidence)
        meeting = None if meeting_id is None else require_id("meeting_id", meeting_id)
        return self.record(
            Decision.propose(
                actor,
                partnership,
                title=title,
                context=self.text("context", context),
                options=options,
                proposal=self.text("proposal", proposal),
                rationale=self.text("rationale", rationale),
                signatory_ids=require_ids("signatory_ids", signatory_ids),
                evidence=links,
                meeting_id=meeting,
            )
        )

    def sign_off(
        self,
        actor: Actor,
        decision_id: UUID,
        stance: str,
        comment: str = "",
        *,
        expected_version: int | None = None,
    ) -> Decision:
        text = self.text("comment", comment, required=False)
        decision, _ = self.change(
            Decision,
            decision_id,
            lambda d: d.sign_off(actor, stance, text),
            expected_version=expected_version,
        )
        return decision

    def amend_decision(
        self,
        actor: Actor,
        decision_id: UUID,
        changes: dict[str, Any],
        reason: str,
        *,
        expected_version: int | None = None,
    ) -> Decision:
        if not isinstance(changes, dict):
            raise InvalidInput.field("changes", "must map field names to new values")
        current = self.get(Decision, decision_id)
        partnership = self.get(Partnership, current.partnership_id)
        checked = dict(changes)
        for field in TEXT_FIELDS:
            if field in checked:
                checked[field] = self.text(field, checked[field])
        if "signatory_ids" in checked:
            checked["signatory_ids"] = require_ids("signatory_ids", checked["signatory_ids"])
        if "evidence" in checked:
            checked["evidence"] = self.check_evidence_exists(partnership, checked["evidence"])
        why = self.text("reason", reason)
        decision, _ = self.change(
            Decision,
            decision_id,
            lambda d: d.amend(actor, partnership, checked, why),
            expected_version=expected_version,
        )
        return decision

    def withdraw_decision(
        self, actor: Actor, decision_id: UUID, reason: str, *, expected_version: int | None = None
    ) -> Decision:
        why = self.text("reason", reason)
        decision, _ = self.change(
            Decision,
            decision_id,
            lambda d: d.withdraw(actor, why),
            expected_version=expected_version,
        )
        return decision

    def supersede_decision(
        self,
        actor: Actor,
        decision_id: UUID,
        by_decision_id: UUID,
        *,
        expected_version: int | None = None,
    ) -> Decision:
        try:
            by = self.get(Decision, require_id("by_decision_id", by_decision_id))
        except NotFound:
            raise InvalidInput.field("by_decision_id", "no such decision") from None
        decision, _ = self.change(
            Decision,
            decision_id,
            lambda d: d.supersede(actor, by),
            expected_version=expected_version,
        )
        return decision
