"""A decision as the API shows it, with each signatory's latest sign-off.

The sign-offs come from the decision's own events up to the version shown: an amendment
voids the sign-offs before it, and a signatory that signed again counts with its latest
stance, so the list is what the unanimous rule counted (or is counting).
"""

from __future__ import annotations

from typing import Any

from samverkan.domain.decision import Decision
from samverkan.web.api.records import Entry, Texts, history, utc

CLOSING = ("decision.adopted", "decision.rejected", "decision.withdrawn")


def signoffs_of(entries: list[Entry]) -> list[Entry]:
    """Each organisation's latest sign-off since the last amendment."""
    latest: dict[str, Entry] = {}
    for entry in entries:
        if entry.topic == "decision.amended":
            latest.clear()
        elif entry.topic == "decision.signed_off":
            latest[str(entry.event.organisation_id)] = entry
    return list(latest.values())


def present(decision: Decision) -> dict[str, Any]:
    entries = list(history(decision.id, decision.version))
    signed = signoffs_of(entries)
    proposed = entries[0] if entries else None
    texts = Texts(
        [decision.context, decision.proposal, decision.rationale]
        + [entry.event.comment for entry in signed]
    )
    order = {str(oid): n for n, oid in enumerate(decision.signatory_ids)}
    signed.sort(key=lambda entry: order.get(str(entry.event.organisation_id), len(order)))
    closed = next((e for e in entries if e.topic in CLOSING), None)
    return {
        "id": decision.id,
        "version": decision.version,
        "partnership_id": decision.partnership_id,
        "title": decision.title,
        "status": decision.status,
        "context": texts(decision.context),
        "options": list(decision.options),
        "proposal": texts(decision.proposal),
        "rationale": texts(decision.rationale),
        "signatory_ids": list(decision.signatory_ids),
        "evidence": [dict(link) for link in decision.evidence],
        "meeting_id": decision.meeting_id,
        "superseded_by": decision.superseded_by,
        "signoffs": [
            {
                "organisation_id": entry.event.organisation_id,
                "stance": entry.event.stance,
                "comment": texts(entry.event.comment),
                "user_id": None if entry.actor is None else entry.actor.user_id,
                "at": entry.at,
            }
            for entry in signed
        ],
        "awaiting_ids": [
            oid
            for oid in decision.signatory_ids
            if decision.status == "proposed"
            and str(oid) not in {str(e.event.organisation_id) for e in signed}
        ],
        "proposed_by": None if proposed is None else proposed.by_flat(),
        "proposed_at": utc(decision.created_on),
        "updated_at": utc(decision.modified_on),
        "closed_at": None if closed is None else closed.at,
    }
