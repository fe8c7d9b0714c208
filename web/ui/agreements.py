"""Agreements: how partners share risk. The list shows each agreement's shares and risks and
links to the ledger plugin's page for the sums; the forms record everything an agreement
collects: shares, commitments, contributions, costs, benefits, risks and their status."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any
from uuid import UUID

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from samverkan.domain.agreement import Agreement
from samverkan.domain.vocabulary import BENEFICIARIES, CONTRIBUTION_KINDS, RISK_STATUSES
from samverkan.errors import InvalidInput
from samverkan.web.api.agreements import present
from samverkan.web.api.records import history
from samverkan.web.auth import service
from samverkan.web.ui.blueprint import bp
from samverkan.web.ui.context import PartnershipPage, partnership_page, signed_in_page
from samverkan.web.ui.forms import Field
from samverkan.web.ui.labels import options
from samverkan.web.ui.pages import organisation_names
from samverkan.web.ui.work import contribute_form, member_options, record_of, records_of

SCALE = [(str(n), str(n)) for n in range(1, 6)]


@bp.get("/partnerships/<uuid:partnership_id>/agreements")
@signed_in_page
def agreements(partnership_id: UUID) -> Any:
    page = partnership_page(partnership_id)
    found = records_of(Agreement, page)
    bodies = [present(a, history(a.id, a.version)) for a in found]
    parties = {p for a in found for p in a.shares} | {
        str(r["owner_id"]) for b in bodies for r in b["risks"]
    }
    return render_template(
        "agreements.html",
        **page.template_vars(),
        agreements=bodies,
        names=organisation_names(sorted(parties)),
    )


def back(page: PartnershipPage) -> str:
    return url_for("ui.agreements", partnership_id=page.id)


@bp.route("/partnerships/<uuid:partnership_id>/agreements/new", methods=["GET", "POST"])
@signed_in_page
def make_agreement(partnership_id: UUID) -> Any:
    def fields(page: PartnershipPage) -> list[Field]:
        return [
            Field("title", _l("Title")),
            Field("currency", _l("Currency"), hint=_l("Three letters, such as SEK, NOK or EUR.")),
            *(
                Field(
                    f"share_{organisation_id}",
                    _l("Share of %(organisation)s (%%)", organisation=name),
                    "amount",
                    required=False,
                )
                for organisation_id, name in member_options(page)
            ),
        ]

    def save(page: PartnershipPage, v: dict[str, Any]) -> str:
        shares = {
            key.removeprefix("share_"): value
            for key, value in v.items()
            if key.startswith("share_") and value is not None
        }
        first = next((k for k in v if k.startswith("share_")), "form")
        if any(Decimal(share) <= 0 for share in shares.values()):
            raise InvalidInput.field(first, _("Each share must be above 0; leave a party out."))
        total = sum((Decimal(share) for share in shares.values()), Decimal(0))
        if total != 100:
            raise InvalidInput.field(
                first,
                _("The shares must add up to 100; now they add up to %(total)s.", total=total),
            )
        if len(v["currency"]) != 3 or not v["currency"].isalpha():
            raise InvalidInput.field("currency", _("Three letters, such as SEK, NOK or EUR."))
        service().make_agreement(
            page.user.actor, page.id, v["title"], v["currency"].upper(), shares
        )
        return back(page)

    return contribute_form(
        partnership_id,
        fields=fields,
        title=_("Make an agreement"),
        submit=_("Make the agreement"),
        save=save,
        done=_("The agreement is recorded."),
        back=back,
    )


def agreement_form(
    partnership_id: UUID,
    agreement_id: UUID,
    fields: Any,
    title: Any,
    submit: Any,
    command: Any,
    done: Any,
) -> Any:
    """A form on one agreement of the partnership, at the version the form was answered."""

    def found(page: PartnershipPage) -> Agreement:
        agreement, _entries = record_of(Agreement, page, agreement_id)
        return agreement

    def save(page: PartnershipPage, values: dict[str, Any]) -> str:
        agreement = found(page)
        command(page, agreement, values, agreement.version)
        return back(page) + f"#agreement-{agreement_id}"

    return contribute_form(
        partnership_id,
        fields=lambda page: fields(page, found(page)),
        title=title,
        submit=submit,
        save=save,
        done=done,
        back=back,
    )


def parties(agreement: Agreement) -> Any:
    def listed() -> list[tuple[str, str]]:
        names = organisation_names(list(agreement.shares))
        return sorted(((p, names.get(p, p)) for p in agreement.shares), key=lambda x: x[1])

    return listed


def resource_fields(page: PartnershipPage, agreement: Agreement) -> list[Field]:
    return [
        Field("organisation_id", _l("Organisation"), "select", options=parties(agreement)),
        Field("kind", _l("Kind"), "select", options=lambda: options(CONTRIBUTION_KINDS)),
        Field("amount", _l("Amount"), "amount"),
        Field("unit", _l("Unit"), hint=_l("Such as SEK or hours.")),
        Field("description", _l("Description"), "textarea", required=False),
    ]


AGREEMENT = "/partnerships/<uuid:partnership_id>/agreements/<uuid:agreement_id>"


def positive(v: dict[str, Any]) -> None:
    if Decimal(v["amount"]) <= 0:
        raise InvalidInput.field("amount", _("Enter an amount above 0."))


def resource_form(
    partnership_id: UUID,
    agreement_id: UUID,
    record: Callable[..., Any],
    title: str,
    submit: str,
    done: str,
) -> Any:
    """A commitment or a contribution: the same fields, recorded by ``record``."""

    def command(page: PartnershipPage, a: Agreement, v: dict[str, Any], version: int) -> None:
        positive(v)
        record(
            page.user.actor,
            agreement_id,
            UUID(v["organisation_id"]),
            v["kind"],
            v["amount"],
            v["unit"],
            v["description"] or "",
            expected_version=version,
        )

    return agreement_form(
        partnership_id, agreement_id, resource_fields, title, submit, command, done
    )


@bp.route(f"{AGREEMENT}/commitments/new", methods=["GET", "POST"])
@signed_in_page
def make_commitment(partnership_id: UUID, agreement_id: UUID) -> Any:
    return resource_form(
        partnership_id,
        agreement_id,
        service().make_commitment,
        _("Record a commitment"),
        _("Record the commitment"),
        _("The commitment is recorded."),
    )


@bp.route(f"{AGREEMENT}/contributions/new", methods=["GET", "POST"])
@signed_in_page
def record_contribution(partnership_id: UUID, agreement_id: UUID) -> Any:
    return resource_form(
        partnership_id,
        agreement_id,
        service().record_contribution,
        _("Record a contribution"),
        _("Record the contribution"),
        _("The contribution is recorded."),
    )


@bp.route(f"{AGREEMENT}/costs/new", methods=["GET", "POST"])
@signed_in_page
def incur_cost(partnership_id: UUID, agreement_id: UUID) -> Any:
    def command(page: PartnershipPage, a: Agreement, v: dict[str, Any], version: int) -> None:
        positive(v)
        service().incur_cost(
            page.user.actor, agreement_id, v["amount"], v["description"], expected_version=version
        )

    return agreement_form(
        partnership_id,
        agreement_id,
        lambda page, a: [
            Field("amount", _l("Amount"), "amount"),
            Field("description", _l("Description"), "textarea"),
        ],
        _("Record a cost"),
        _("Record the cost"),
        command,
        _("The cost is recorded."),
    )


@bp.route(f"{AGREEMENT}/benefits/new", methods=["GET", "POST"])
@signed_in_page
def realise_benefit(partnership_id: UUID, agreement_id: UUID) -> Any:
    def command(page: PartnershipPage, a: Agreement, v: dict[str, Any], version: int) -> None:
        positive(v)
        service().realise_benefit(
            page.user.actor,
            agreement_id,
            v["beneficiary"],
            v["amount"],
            v["description"],
            expected_version=version,
        )

    return agreement_form(
        partnership_id,
        agreement_id,
        lambda page, a: [
            Field(
                "beneficiary", _l("Who benefits"), "select", options=lambda: options(BENEFICIARIES)
            ),
            Field("amount", _l("Amount"), "amount"),
            Field("description", _l("Description"), "textarea"),
        ],
        _("Record a benefit"),
        _("Record the benefit"),
        command,
        _("The benefit is recorded."),
    )


@bp.route(f"{AGREEMENT}/risks/new", methods=["GET", "POST"])
@signed_in_page
def register_risk(partnership_id: UUID, agreement_id: UUID) -> Any:
    return agreement_form(
        partnership_id,
        agreement_id,
        lambda page, a: [
            Field("description", _l("Risk"), "textarea"),
            Field("owner_id", _l("Owner"), "select", options=parties(a)),
            Field("likelihood", _l("Likelihood (1–5)"), "select", options=lambda: SCALE),
            Field("impact", _l("Impact (1–5)"), "select", options=lambda: SCALE),
        ],
        _("Register a risk"),
        _("Register the risk"),
        lambda page, a, v, version: service().register_risk(
            page.user.actor,
            agreement_id,
            v["description"],
            UUID(v["owner_id"]),
            int(v["likelihood"]),
            int(v["impact"]),
            expected_version=version,
        ),
        _("The risk is registered."),
    )


@bp.route(f"{AGREEMENT}/risks/<uuid:risk_id>/status", methods=["GET", "POST"])
@signed_in_page
def change_risk_status(partnership_id: UUID, agreement_id: UUID, risk_id: UUID) -> Any:
    def fields(page: PartnershipPage, a: Agreement) -> list[Field]:
        if str(risk_id) not in a.risks:
            from samverkan.errors import NotFound

            raise NotFound(f"The agreement has no risk {risk_id}")
        return [
            Field("status", _l("Status"), "select", options=lambda: options(RISK_STATUSES)),
            Field("note", _l("Note"), "textarea", required=False),
        ]

    def command(page: PartnershipPage, a: Agreement, v: dict[str, Any], version: int) -> None:
        now = a.risks[str(risk_id)]["status"]
        if now == "closed":
            raise InvalidInput.field("status", _("The risk is closed; its status cannot change."))
        if now == v["status"]:
            raise InvalidInput.field("status", _("The risk already has this status."))
        service().change_risk_status(
            page.user.actor,
            agreement_id,
            risk_id,
            v["status"],
            v["note"] or "",
            expected_version=version,
        )

    return agreement_form(
        partnership_id,
        agreement_id,
        fields,
        _("Change a risk's status"),
        _("Change the status"),
        command,
        _("The risk's status is recorded."),
    )
