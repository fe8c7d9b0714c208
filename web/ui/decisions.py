"""The decision register and the decision page: context, options, evidence, every signatory's
position, and the forms to propose, sign off, amend, withdraw and supersede.

Pages of the present read the read models (records index, current state); an as-of page
rebuilds the decision from its events. Sign-offs come from the decision's own history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.routing import BuildError

from samverkan.application.viewer import CONTRIBUTE, SIGN
from samverkan.domain.decision import Decision
from samverkan.domain.vocabulary import DECISION_STATUSES, SIGNING_ROLES, STANCES
from samverkan.errors import InvalidInput, NotFound, SamverkanError
from samverkan.projections.base import topic_of
from samverkan.readmodels.current_state import load_current, load_many
from samverkan.readmodels.event_index import record_history
from samverkan.readmodels.records_index import records_of
from samverkan.web.auth import service
from samverkan.web.ui.audit_trail import person_names
from samverkan.web.ui.blueprint import bp
from samverkan.web.ui.context import PartnershipPage, partnership_page, signed_in_page
from samverkan.web.ui.event_labels import event_label
from samverkan.web.ui.forms import Field, core_errors, handle_form
from samverkan.web.ui.labels import label, options
from samverkan.web.ui.pages import organisation_names

RECORD_EVIDENCE = ("experiment", "measure", "lesson", "decision")


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _text(ref: Any) -> str | None:
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
        if _utc(row["created_at"]) > page.as_of:
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
            detail = _text(event.reason)
        elif topic == "decision.withdrawn":
            detail = _text(event.reason)
        elif topic == "decision.signed_off":
            comment = _text(event.comment)
            latest[str(event.organisation_id)] = Position(
                str(event.organisation_id), event.stance, comment, _utc(event.timestamp), user
            )
            detail = label(event.stance) + (f": {comment}" if comment else "")
        steps.append(Step(topic, _utc(event.timestamp), org, user, detail))
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


def evidence_choices(page: PartnershipPage, exclude: UUID | None = None) -> list[tuple[str, str]]:
    """Records and meetings of the partnership that a decision may rest on, as kind:id."""
    found = []
    for row in records_of(service().sql, str(page.id)):
        if row["kind"] not in RECORD_EVIDENCE or row["id"] == str(exclude):
            continue
        title = row["title"] or _utc(row["created_at"]).date().isoformat()
        found.append((f"{row['kind']}:{row['id']}", f"{label(row['kind'])}: {title}"))
    for meeting_id, meeting in page.partnership.meetings.items():
        found.append((f"meeting:{meeting_id}", meeting_title(meeting)))
    return found


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


def signatory_choices(page: PartnershipPage) -> list[tuple[str, str]]:
    """Current members that sign: the coordinator and partners."""
    eligible = [oid for oid, role in page.partnership.members.items() if role in SIGNING_ROLES]
    names = organisation_names(eligible)
    return sorted(((oid, names.get(oid, oid)) for oid in eligible), key=lambda item: item[1])


def meeting_choices(page: PartnershipPage) -> list[tuple[str, str]]:
    return [(mid, meeting_title(m)) for mid, m in page.partnership.meetings.items()]


def links_from(chosen: list[str]) -> list[dict[str, str]]:
    links = []
    for value in chosen:
        kind, _sep, record_id = value.partition(":")
        links.append({"kind": kind, "id": record_id})
    return links


def require_evidence_here(page: PartnershipPage, links: list[dict[str, str]]) -> None:
    """Records named as evidence must be this partnership's (others answer as unknown)."""
    ours = {row["id"] for row in records_of(service().sql, str(page.id))}
    for link in links:
        if link["kind"] != "meeting" and link["id"] not in ours:
            raise InvalidInput.field("evidence", "no such record in this partnership")


@bp.get("/partnerships/<uuid:partnership_id>/decisions")
@signed_in_page
def decisions(partnership_id: UUID) -> Any:
    page = partnership_page(partnership_id)
    status = request.args.get("status") or ""
    status_error = None
    if status and status not in DECISION_STATUSES:
        status_error, status = _("Choose among the listed options."), ""
    shown = [d for d in decisions_as_shown(page) if not status or d.status == status]
    shown.sort(key=lambda d: _utc(d.created_on), reverse=True)
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
        context=_text(decision.context),
        proposal=_text(decision.proposal),
        rationale=_text(decision.rationale),
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


def _version_arg(source: Any) -> int | None:
    try:
        return int(source.get("version", ""))
    except ValueError:
        return None


@bp.post("/partnerships/<uuid:partnership_id>/decisions/<uuid:decision_id>/sign-off")
@signed_in_page
def sign_off_decision(partnership_id: UUID, decision_id: UUID) -> Any:
    """The signed-in organisation's stance; errors show beside the fields on the page."""
    page = partnership_page(partnership_id, as_of_text="")
    current = load_decision(page, decision_id)
    page.access.require(partnership_id, SIGN)
    stance = request.form.get("stance", "")
    comment = request.form.get("comment", "").strip()
    values = {"comment": comment}
    errors: dict[str, str] = {}
    if stance not in STANCES:
        errors["stance"] = _("Choose approve, object or abstain.")
    else:
        try:
            service().sign_off(
                page.user.actor,
                decision_id,
                stance,
                comment,
                expected_version=_version_arg(request.form),
            )
        except SamverkanError as error:
            fields = [Field("stance", ""), Field("comment", "")]
            errors = core_errors(error, fields)
            status = error.status if error.status in (404, 409, 412, 422) else 422
            if error.status == 412:
                errors = {"form": _("Someone else changed this decision first. Look again.")}
            return render_decision(page, current, errors, values, status)
        else:
            flash(_("Your organisation's position is recorded."), "success")
            return redirect(
                url_for("ui.decision", partnership_id=partnership_id, decision_id=decision_id)
            )
    return render_decision(page, current, errors, values, 422)


def decision_fields(page: PartnershipPage, exclude: UUID | None = None) -> list[Field]:
    return [
        Field("title", _l("Title")),
        Field("context", _l("Context"), "textarea"),
        Field("options", _l("Options"), "lines", hint=_l("One option per line.")),
        Field("proposal", _l("Proposal"), "textarea"),
        Field("rationale", _l("Rationale"), "textarea"),
        Field(
            "signatory_ids",
            _l("Signatories"),
            "checkboxes",
            options=lambda: signatory_choices(page),
        ),
        Field(
            "evidence",
            _l("Evidence"),
            "checkboxes",
            required=False,
            options=lambda: evidence_choices(page, exclude),
        ),
    ]


@bp.route("/partnerships/<uuid:partnership_id>/decisions/new", methods=["GET", "POST"])
@signed_in_page
def propose_decision(partnership_id: UUID) -> Any:
    page = partnership_page(partnership_id, as_of_text="")
    page.access.require(partnership_id, CONTRIBUTE)
    fields = [
        *decision_fields(page),
        Field(
            "meeting_id",
            _l("Decided at meeting"),
            "select",
            required=False,
            options=lambda: meeting_choices(page),
        ),
    ]

    def save(values: dict[str, Any]) -> str:
        links = links_from(values["evidence"])
        require_evidence_here(page, links)
        proposed = service().propose_decision(
            page.user.actor,
            partnership_id,
            title=values["title"],
            context=values["context"],
            options=values["options"],
            proposal=values["proposal"],
            rationale=values["rationale"],
            signatory_ids=[UUID(i) for i in values["signatory_ids"]],
            evidence=links,
            meeting_id=UUID(values["meeting_id"]) if values["meeting_id"] else None,
        )
        return url_for("ui.decision", partnership_id=partnership_id, decision_id=proposed.id)

    return handle_form(
        fields=fields,
        title=_("Propose a decision"),
        submit=_("Propose the decision"),
        save=save,
        done_message=_("The decision is proposed. The signatories can now sign it off."),
        template="decision_form.html",
        cancel_url=url_for("ui.decisions", partnership_id=partnership_id),
        **page.template_vars(),
    )


def decision_form_page(
    partnership_id: UUID, decision_id: UUID
) -> tuple[PartnershipPage, Decision, int | None]:
    """The page, the decision now, and the version the form was shown at (``?version=``)."""
    page = partnership_page(partnership_id, as_of_text="")
    current = load_decision(page, decision_id)
    page.access.require(partnership_id, CONTRIBUTE)
    return page, current, _version_arg(request.args)


def _back(partnership_id: UUID, decision_id: UUID) -> str:
    return url_for("ui.decision", partnership_id=partnership_id, decision_id=decision_id)


@bp.route(
    "/partnerships/<uuid:partnership_id>/decisions/<uuid:decision_id>/amend",
    methods=["GET", "POST"],
)
@signed_in_page
def amend_decision(partnership_id: UUID, decision_id: UUID) -> Any:
    page, current, version = decision_form_page(partnership_id, decision_id)
    fields = [
        *decision_fields(page, exclude=decision_id),
        Field("reason", _l("Reason for the change"), "textarea"),
    ]
    initial: dict[str, Any] = {
        "title": current.title,
        "context": _text(current.context) or "",
        "options": list(current.options),
        "proposal": _text(current.proposal) or "",
        "rationale": _text(current.rationale) or "",
        "signatory_ids": [str(i) for i in current.signatory_ids],
        "evidence": [f"{link['kind']}:{link['id']}" for link in current.evidence],
    }

    def save(values: dict[str, Any]) -> str:
        changes: dict[str, Any] = {}
        for name in ("title", "context", "proposal", "rationale", "options"):
            if values[name] != initial[name]:
                changes[name] = values[name]
        if sorted(values["signatory_ids"]) != sorted(initial["signatory_ids"]):
            changes["signatory_ids"] = [UUID(i) for i in values["signatory_ids"]]
        if sorted(values["evidence"]) != sorted(initial["evidence"]):
            links = links_from(values["evidence"])
            require_evidence_here(page, links)
            changes["evidence"] = links
        if not changes:
            raise InvalidInput.field("form", _("Change at least one field."))
        service().amend_decision(
            page.user.actor,
            decision_id,
            changes,
            values["reason"],
            expected_version=version if version is not None else current.version,
        )
        return _back(partnership_id, decision_id)

    return handle_form(
        fields=fields,
        title=_("Amend the decision"),
        submit=_("Amend the decision"),
        save=save,
        done_message=_("The decision is amended. Earlier sign-offs no longer count."),
        template="decision_form.html",
        initial=initial,
        cancel_url=_back(partnership_id, decision_id),
        **page.template_vars(),
    )


@bp.route(
    "/partnerships/<uuid:partnership_id>/decisions/<uuid:decision_id>/withdraw",
    methods=["GET", "POST"],
)
@signed_in_page
def withdraw_decision(partnership_id: UUID, decision_id: UUID) -> Any:
    page, current, version = decision_form_page(partnership_id, decision_id)

    def save(values: dict[str, Any]) -> str:
        service().withdraw_decision(
            page.user.actor,
            decision_id,
            values["reason"],
            expected_version=version if version is not None else current.version,
        )
        return _back(partnership_id, decision_id)

    return handle_form(
        fields=[Field("reason", _l("Why is it withdrawn?"), "textarea")],
        title=_("Withdraw the decision"),
        submit=_("Withdraw the decision"),
        save=save,
        done_message=_("The decision is withdrawn."),
        template="decision_form.html",
        cancel_url=_back(partnership_id, decision_id),
        decision=current,
        **page.template_vars(),
    )


@bp.route(
    "/partnerships/<uuid:partnership_id>/decisions/<uuid:decision_id>/supersede",
    methods=["GET", "POST"],
)
@signed_in_page
def supersede_decision(partnership_id: UUID, decision_id: UUID) -> Any:
    page, current, version = decision_form_page(partnership_id, decision_id)

    def later_adopted() -> list[tuple[str, str]]:
        return [
            (str(d.id), d.title)
            for d in decisions_as_shown(page)
            if d.status == "adopted" and d.id != decision_id
        ]

    def save(values: dict[str, Any]) -> str:
        service().supersede_decision(
            page.user.actor,
            decision_id,
            UUID(values["by_decision_id"]),
            expected_version=version if version is not None else current.version,
        )
        return _back(partnership_id, decision_id)

    return handle_form(
        fields=[
            Field(
                "by_decision_id", _l("Superseded by the decision"), "select", options=later_adopted
            )
        ],
        title=_("Mark the decision superseded"),
        submit=_("Mark it superseded"),
        save=save,
        done_message=_("The decision is marked superseded."),
        template="decision_form.html",
        cancel_url=_back(partnership_id, decision_id),
        decision=current,
        **page.template_vars(),
    )
