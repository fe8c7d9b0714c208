"""A partnership as the API shows it: its state, and what its own events tell in detail.

The aggregate keeps only what its rules need (current members, challenge titles...); the
details a client reads (a phase's rationale, a meeting's attendance and summary, a funding
reference) are in the partnership's own events, read up to the version shown.
"""

from __future__ import annotations

from typing import Any

from samverkan.domain.partnership import Partnership
from samverkan.web.api.records import Entry, Texts, history, utc

TEXT_FIELDS = ("purpose", "rationale", "reason", "description", "summary")


def summary(partnership: Partnership, texts: Texts) -> dict[str, Any]:
    """The fields a list shows: the aggregate's state alone."""
    return {
        "id": partnership.id,
        "version": partnership.version,
        "title": partnership.title,
        "kind": partnership.kind,
        "status": partnership.status,
        "phase": partnership.phase,
        "purpose": texts(partnership.purpose),
        "goals": list(partnership.goals),
        "coordinator_id": partnership.coordinator_id,
        "starts_on": partnership.starts_on,
        "ends_on": partnership.ends_on,
        "members": [
            {"organisation_id": organisation_id, "role": role}
            for organisation_id, role in partnership.members.items()
        ],
        "created_at": utc(partnership.created_on),
        "updated_at": utc(partnership.modified_on),
    }


def present_summaries(partnerships: list[Partnership]) -> list[dict[str, Any]]:
    texts = Texts(p.purpose for p in partnerships)
    return [summary(p, texts) for p in partnerships]


def present(partnership: Partnership) -> dict[str, Any]:
    """The whole partnership at its version, with the histories its events tell."""
    entries = list(history(partnership.id, partnership.version))
    refs: list[Any] = [partnership.purpose]
    refs += [getattr(e.event, f, None) for e in entries for f in TEXT_FIELDS]
    texts = Texts(refs)
    body = summary(partnership, texts)
    joined: dict[str, Entry] = {}
    left: dict[str, dict[str, Any]] = {}
    body.update(
        phases=[],
        status_changes=[],
        challenges=[],
        meetings=[],
        funding=[],
        clinics=[],
    )
    for entry in entries:
        event = entry.event
        if entry.topic == "partnership.started":
            joined[str(event.coordinator_id)] = entry
        elif entry.topic == "partnership.member_joined":
            joined[str(event.organisation_id)] = entry
        elif entry.topic == "partnership.member_left":
            left[str(event.organisation_id)] = {
                "organisation_id": event.organisation_id,
                "role": partnership.former_members.get(str(event.organisation_id)),
                "left_at": entry.at,
                "reason": texts(event.reason),
            }
        elif entry.topic == "partnership.phase_entered":
            body["phases"].append(
                {"phase": event.phase, "rationale": texts(event.rationale), **entry.by_flat()}
            )
        elif entry.topic in ("partnership.status_changed", "partnership.closed"):
            status = getattr(event, "status", "completed")
            body["status_changes"].append(
                {"status": status, "reason": texts(event.reason), **entry.by_flat()}
            )
        elif entry.topic == "partnership.challenge_defined":
            body["challenges"].append(
                {
                    "id": event.challenge_id,
                    "title": event.title,
                    "description": texts(event.description),
                    "level": event.level,
                    "needs_of": list(event.needs_of),
                    **entry.by_flat(),
                }
            )
        elif entry.topic == "partnership.meeting_held":
            body["meetings"].append(
                {
                    "id": event.meeting_id,
                    "kind": event.kind,
                    "held_on": event.held_on,
                    "place": event.place,
                    "attending_organisation_ids": list(event.attending_organisation_ids),
                    "summary": texts(event.summary),
                    **entry.by_flat(),
                }
            )
        elif entry.topic == "partnership.funding_awarded":
            body["funding"].append(
                {
                    "funder_id": event.funder_id,
                    "amount": str(event.amount),
                    "currency": event.currency,
                    "reference": event.reference,
                    **entry.by_flat(),
                }
            )
        elif entry.topic == "partnership.clinic_designated":
            body["clinics"].append(
                {
                    "organisation_id": event.organisation_id,
                    "unit_id": event.unit_id,
                    **entry.by_flat(),
                }
            )
    # An organisation that rejoined is a member again; of the others, the last leaving counts.
    body["former_members"] = [left[oid] for oid in partnership.former_members if oid in left]
    for member in body["members"]:
        joining = joined.get(str(member["organisation_id"]))
        member["joined_at"] = None if joining is None else joining.at
    return body
