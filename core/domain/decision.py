"""Decision: proposed, signed off by each signatory organisation, then adopted or rejected."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.domain import event

from samverkan.domain.base import (
    Actor,
    Record,
    TextRef,
    created_topic,
    require_choice,
    require_id,
    require_text,
)
from samverkan.domain.partnership import Partnership
from samverkan.domain.vocabulary import EVIDENCE_KINDS, STANCES
from samverkan.errors import (
    DecisionNotAdopted,
    DecisionNotOpen,
    InvalidInput,
    NotASignatory,
    SignatoryNotEligible,
)


def check_signatories(partnership: Partnership, signatory_ids: list[UUID]) -> list[UUID]:
    if not signatory_ids:
        raise InvalidInput.field("signatory_ids", "must name at least one organisation")
    for organisation_id in signatory_ids:
        partnership.require_member(organisation_id)
        if not partnership.can_sign(organisation_id):
            raise SignatoryNotEligible(
                f"Organisation {organisation_id} is a {partnership.members[str(organisation_id)]}"
                " member; only coordinator and partner members sign"
            )
    return signatory_ids


def check_evidence(evidence: Any) -> list[dict[str, str]]:
    if not isinstance(evidence, list):
        raise InvalidInput.field("evidence", "must be a list of {kind, id}")
    links = []
    for link in evidence:
        if not isinstance(link, dict):
            raise InvalidInput.field("evidence", "each link must be {kind, id}")
        kind = require_choice("evidence", link.get("kind"), EVIDENCE_KINDS)
        links.append({"kind": kind, "id": str(require_id("evidence", link.get("id")))})
    return links


def check_options(options: Any) -> list[str]:
    if not isinstance(options, list):
        raise InvalidInput.field("options", "must be a list of texts")
    return [require_text("options", option, max_length=1000) for option in options]


def outcome(signatory_ids: list[UUID], stances: dict[str, str]) -> str | None:
    """The unanimous rule: once all have signed, adopted if none objected and one approved."""
    if any(str(organisation_id) not in stances for organisation_id in signatory_ids):
        return None
    latest = list(stances.values())
    if "object" not in latest and "approve" in latest:
        return "adopted"
    return "rejected"


class Decision(Record):
    TOPIC = "decision"
    Created = created_topic("decision")

    @classmethod
    def propose(
        cls,
        actor: Actor,
        partnership: Partnership,
        title: str,
        context: TextRef,
        options: list[str],
        proposal: TextRef,
        rationale: TextRef,
        signatory_ids: list[UUID],
        evidence: list[dict[str, str]],
        meeting_id: UUID | None,
    ) -> Decision:
        if meeting_id is not None and str(meeting_id) not in partnership.meetings:
            raise InvalidInput.field("meeting_id", "is not a meeting of the partnership")
        return cls(
            actor=actor,
            partnership_id=partnership.id,
            title=require_text("title", title, max_length=200),
            context=context,
            options=check_options(options),
            proposal=proposal,
            rationale=rationale,
            signatory_ids=check_signatories(partnership, signatory_ids),
            evidence=check_evidence(evidence),
            meeting_id=meeting_id,
        )

    @event("Proposed", topic="decision.proposed")
    def __init__(
        self,
        actor: Actor,
        partnership_id: UUID,
        title: str,
        context: TextRef,
        options: list[str],
        proposal: TextRef,
        rationale: TextRef,
        signatory_ids: list[UUID],
        evidence: list[dict[str, str]],
        meeting_id: UUID | None,
    ) -> None:
        self.partnership_id = partnership_id
        self.title = title
        self.context = context
        self.options = options
        self.proposal = proposal
        self.rationale = rationale
        self.signatory_ids = signatory_ids
        self.evidence = evidence
        self.meeting_id = meeting_id
        self.status = "proposed"
        self.stances: dict[str, str] = {}
        self.superseded_by: UUID | None = None

    def sign_off(self, actor: Actor, stance: str, comment: TextRef) -> None:
        """The actor signs for its own organisation; the last needed sign-off closes it."""
        self._require_proposed()
        if actor.organisation_id not in self.signatory_ids:
            raise NotASignatory(
                f"Organisation {actor.organisation_id} is not a signatory of this decision"
            )
        self._signed_off(
            actor=actor,
            organisation_id=actor.organisation_id,
            stance=require_choice("stance", stance, STANCES),
            comment=comment,
        )
        result = outcome(self.signatory_ids, self.stances)
        if result == "adopted":
            self._adopted(actor=actor)
        elif result == "rejected":
            self._rejected(actor=actor)

    @event("SignedOff", topic="decision.signed_off")
    def _signed_off(
        self, actor: Actor, organisation_id: UUID, stance: str, comment: TextRef
    ) -> None:
        self.stances[str(organisation_id)] = stance

    @event("Adopted", topic="decision.adopted")
    def _adopted(self, actor: Actor) -> None:
        self.status = "adopted"

    @event("Rejected", topic="decision.rejected")
    def _rejected(self, actor: Actor) -> None:
        self.status = "rejected"

    def amend(
        self, actor: Actor, partnership: Partnership, changes: dict[str, Any], reason: TextRef
    ) -> None:
        """Change the proposal while it is open; earlier sign-offs no longer count.

        Text fields in ``changes`` arrive as TextRefs already (the service stores them).
        """
        self._require_proposed()
        if not changes:
            raise InvalidInput.field("changes", "must change at least one field")
        checked: dict[str, Any] = {}
        for field, value in changes.items():
            if field == "title":
                checked[field] = require_text("title", value, max_length=200)
            elif field == "options":
                checked[field] = check_options(value)
            elif field == "evidence":
                checked[field] = check_evidence(value)
            elif field == "signatory_ids":
                checked[field] = check_signatories(partnership, value)
            elif field in ("context", "proposal", "rationale") and isinstance(value, TextRef):
                checked[field] = value
            else:
                raise InvalidInput.field("changes", f"{field} cannot be amended")
        self._amended(actor=actor, changes=checked, reason=reason)

    @event("Amended", topic="decision.amended")
    def _amended(self, actor: Actor, changes: dict[str, Any], reason: TextRef) -> None:
        for field, value in changes.items():
            setattr(self, field, value)
        self.stances = {}

    def withdraw(self, actor: Actor, reason: TextRef) -> None:
        self._require_proposed()
        self._withdrawn(actor=actor, reason=reason)

    @event("Withdrawn", topic="decision.withdrawn")
    def _withdrawn(self, actor: Actor, reason: TextRef) -> None:
        self.status = "withdrawn"

    def supersede(self, actor: Actor, by: Decision) -> None:
        if self.status != "adopted":
            raise DecisionNotAdopted(f"The decision is {self.status}, not adopted")
        if by.id == self.id:
            raise InvalidInput.field("by_decision_id", "a decision cannot supersede itself")
        if by.partnership_id != self.partnership_id:
            # Said like an unknown id: the other partnership may be invisible to the caller.
            raise InvalidInput.field("by_decision_id", "no such decision in this partnership")
        if by.status != "adopted":
            raise DecisionNotAdopted("Only an adopted decision can supersede another")
        self._superseded(actor=actor, by_decision_id=by.id)

    @event("Superseded", topic="decision.superseded")
    def _superseded(self, actor: Actor, by_decision_id: UUID) -> None:
        self.status = "superseded"
        self.superseded_by = by_decision_id

    def _require_proposed(self) -> None:
        if self.status != "proposed":
            raise DecisionNotOpen(f"The decision is {self.status}")
