"""The forms that change a decision: propose, sign off, amend, withdraw and supersede.

Each answers with the decision page (web/ui/decisions.py) or the form again, with the
problem beside its field.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from samverkan.application.viewer import CONTRIBUTE, SIGN
from samverkan.domain.decision import Decision
from samverkan.domain.vocabulary import SIGNING_ROLES, STANCES
from samverkan.errors import InvalidInput, SamverkanError
from samverkan.readmodels.records_index import records_of
from samverkan.web.auth import service
from samverkan.web.ui.blueprint import bp
from samverkan.web.ui.context import PartnershipPage, partnership_page, signed_in_page
from samverkan.web.ui.decisions import (
    as_utc,
    decisions_as_shown,
    load_decision,
    meeting_title,
    render_decision,
    stored_text,
)
from samverkan.web.ui.forms import Field, core_errors, handle_form
from samverkan.web.ui.labels import label
from samverkan.web.ui.pages import organisation_names

RECORD_EVIDENCE = ("experiment", "measure", "lesson", "decision")


def evidence_choices(page: PartnershipPage, exclude: UUID | None = None) -> list[tuple[str, str]]:
    """Records and meetings of the partnership that a decision may rest on, as kind:id."""
    found = []
    for row in records_of(service().sql, str(page.id)):
        if row["kind"] not in RECORD_EVIDENCE or row["id"] == str(exclude):
            continue
        title = row["title"] or as_utc(row["created_at"]).date().isoformat()
        found.append((f"{row['kind']}:{row['id']}", f"{label(row['kind'])}: {title}"))
    for meeting_id, meeting in page.partnership.meetings.items():
        found.append((f"meeting:{meeting_id}", meeting_title(meeting)))
    return found


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
        "context": stored_text(current.context) or "",
        "options": list(current.options),
        "proposal": stored_text(current.proposal) or "",
        "rationale": stored_text(current.rationale) or "",
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
