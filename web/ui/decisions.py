"""The decision register and the decision page: context, options, evidence and every
signatory's position (the forms that change a decision are in decision_forms.py).

Pages of the present read the read models (records index, current state); an as-of page
rebuilds the decision from its events. Sign-offs come from the decision's own history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from flask import render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.routing import BuildError

from samverkan.application.viewer import CONTRIBUTE, SIGN
from samverkan.domain.decision import Decision
from samverkan.domain.vocabulary import DECISION_STATUSES, STANCES
from samverkan.errors import NotFound
from samverkan.projections.base import topic_of
from samverkan.readmodels.current_state import load_current, load_many
from samverkan.readmodels.event_index import record_history
from samverkan.readmodels.records_index import records_of
from samverkan.web.auth import service
from samverkan.web.ui.audit_trail import person_names
from samverkan.web.ui.blueprint import bp
from samverkan.web.ui.context import PartnershipPage, partnership_page, signed_in_page
from samverkan.web.ui.event_labels import event_label
from samverkan.web.ui.labels import label, options
from samverkan.web.ui.pages import organisation_names


def as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def stored_text(ref: Any) -> str | None:
    """A free text, or None when it has been erased."""
    return None if ref is None else service().texts.get(ref)


def decisions_as_shown(page: PartnershipPage) -> list[Decision]:
    """The partnership's decisions now (read models) or as they were at ``page.as_of``."""
    rows = records_of(service().sql, str(page.id), "decision")
    ids = [UUID(row["id"]) for row in rows]
    if page.as_of is None:
        return load_many(service().sql, Decision, ids)
    shown = []
    for row in rows:
        if as_utc(row["created_at"]) > page.as_of:
            continue
        try:
            shown.append(service().get(Decision, UUID(row["id"]), as_of=page.as_of))
        except NotFound:
            continue
    return shown


def load_decision(page: PartnershipPage, decision_id: UUID) -> Decision:
    """The decision of this partnership as the page shows it; 404 for any other."""
    decision: Decision | None
    if page.as_of is None:
        decision = load_current(service().sql, Decision, decision_id)
        if decision is None:
            decision = service().get(Decision, decision_id)
    else:
        decision = service().get(Decision, decision_id, as_of=page.as_of)
    if decision.partnership_id != page.id:
        raise NotFound(f"No decision {decision_id} in this partnership")
    return decision


@dataclass
class Position:
    organisation_id: str
    stance: str | None
    comment: str | None
    at: datetime | None
    user_id: str | None


@dataclass
class Step:
    topic: str
    at: datetime
    organisation_id: str | None
    user_id: str | None
    detail: str | None


def history_of(decision: Decision) -> tuple[list[Step], dict[str, Position], Step | None]:
    """The decision's events as steps, each signatory's latest position since the last
    amendment (what the unanimous rule counts), and the proposal step."""
    steps: list[Step] = []
    latest: dict[str, Position] = {}
    for event in record_history(service().sql, service().events, decision.id, decision.version):
        topic = topic_of(event)
        actor = getattr(event, "actor", None)
        org = None if actor is None else str(actor.organisation_id)
        user = None if actor is None else str(actor.user_id)
        detail = None
        if topic == "decision.amended":
            latest.clear()
            detail = stored_text(event.reason)
        elif topic == "decision.withdrawn":
            detail = stored_text(event.reason)
        elif topic == "decision.signed_off":
            comment = stored_text(event.comment)
            latest[str(event.organisation_id)] = Position(
                str(event.organisation_id), event.stance, comment, as_utc(event.timestamp), user
            )
            detail = label(event.stance) + (f": {comment}" if comment else "")
        steps.append(Step(topic, as_utc(event.timestamp), org, user, detail))
    positions = {
        str(oid): latest.get(str(oid), Position(str(oid), None, None, None, None))
        for oid in decision.signatory_ids
    }
    proposed = steps[0] if steps else None
    return steps, positions, proposed


@dataclass
class Evidence:
    kind: str
    title: str
    url: str | None


def _record_url(kind: str, partnership_id: UUID, record_id: str) -> str | None:
    try:
        arguments: dict[str, Any] = {"partnership_id": partnership_id, f"{kind}_id": record_id}
        return url_for(f"ui.{kind}", **arguments)
    except BuildError:
        return None


def meeting_title(meeting: dict[str, Any]) -> str:
    kind, held_on, place = meeting.get("kind"), meeting.get("held_on"), meeting.get("place", "")
    return f"{label('meeting')}: {label(kind)} {held_on}, {place}"


def evidence_of(page: PartnershipPage, decision: Decision) -> list[Evidence]:
    titles = {row["id"]: row["title"] for row in records_of(service().sql, str(page.id))}
    shown = []
    for link in decision.evidence:
        kind, record_id = link["kind"], link["id"]
        if kind == "meeting":
            meeting = page.partnership.meetings.get(record_id)
            title = meeting_title(meeting) if meeting else label("meeting")
            shown.append(Evidence(kind, title, None))
            continue
        title = titles.get(record_id) or label(kind)
        shown.append(
            Evidence(kind, f"{label(kind)}: {title}", _record_url(kind, page.id, record_id))
        )
    return shown


@bp.get("/partnerships/<uuid:partnership_id>/decisions")
@signed_in_page
def decisions(partnership_id: UUID) -> Any:
    page = partnership_page(partnership_id)
    status = request.args.get("status") or ""
    status_error = None
    if status and status not in DECISION_STATUSES:
        status_error, status = _("Choose among the listed options."), ""
    shown = [d for d in decisions_as_shown(page) if not status or d.status == status]
    shown.sort(key=lambda d: as_utc(d.created_on), reverse=True)
    return render_template(
        "decisions.html",
        **page.template_vars(),
        decisions=shown,
        statuses=options(DECISION_STATUSES),
        chosen_status=status,
        status_error=status_error,
        mine=str(page.user.organisation_id),
    ), (200 if status_error is None else 422)


def render_decision(
    page: PartnershipPage,
    decision: Decision,
    errors: dict[str, str] | None = None,
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> Any:
    steps, positions, proposed = history_of(decision)
    orgs = set(positions) | {s.organisation_id for s in steps if s.organisation_id}
    names = organisation_names(sorted(orgs))
    people = person_names({s.user_id for s in steps if s.user_id})
    mine = str(page.user.organisation_id)
    open_ = decision.status == "proposed"
    may_sign = open_ and page.may(SIGN) and mine in positions
    may_contribute = page.may(CONTRIBUTE)
    superseded_by = None
    if decision.superseded_by is not None:
        superseded_by = load_current(service().sql, Decision, decision.superseded_by)
    meeting = (
        page.partnership.meetings.get(str(decision.meeting_id)) if decision.meeting_id else None
    )
    return render_template(
        "decision.html",
        **page.template_vars(),
        decision=decision,
        context=stored_text(decision.context),
        proposal=stored_text(decision.proposal),
        rationale=stored_text(decision.rationale),
        evidence=evidence_of(page, decision),
        positions=list(positions.values()),
        steps=list(reversed(steps)),
        proposed=proposed,
        names=names,
        people=people,
        mine=mine,
        may_sign_off=may_sign,
        my_position=positions.get(mine),
        may_amend=open_ and may_contribute,
        may_supersede=decision.status == "adopted" and may_contribute,
        superseded_by=superseded_by,
        meeting=None if meeting is None else meeting_title(meeting),
        stances=STANCES,
        event_label=event_label,
        errors=errors or {},
        values=values or {},
    ), status


@bp.get("/partnerships/<uuid:partnership_id>/decisions/<uuid:decision_id>")
@signed_in_page
def decision(partnership_id: UUID, decision_id: UUID) -> Any:
    page = partnership_page(partnership_id)
    return render_decision(page, load_decision(page, decision_id))
