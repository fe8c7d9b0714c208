"""The who-may-do-what table of API.md, route by route and role by role.

Every route of the OpenAPI document must be in ROUTES (a new route fails the test until it
is placed). Each route is called by an admin, a coordinator and a member of the partnership's
organisations, an auditor, and a member of a foreign organisation, with a valid body and a
fresh target, and must answer as the table says: allowed (2xx), 403 for a role that may not,
404 for a partnership the caller may not see. Nothing answers 500.
"""

from __future__ import annotations

import base64
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.audit.checkpoints import sign_checkpoint
from samverkan.audit.keys import ensure_key_pair
from samverkan.domain.base import Actor
from samverkan.domain.partnership import Partnership
from samverkan.storage.stores import StoreConfig
from samverkan.web import create_app
from tests.api.callers import OPERATOR, Caller, make_caller

ROLES = ("admin", "coordinator", "member", "auditor", "foreign")
ALLOWED, FORBIDDEN, HIDDEN = "allowed", 403, 404

# What each kind of route allows, per role (API.md "Who may do what").
CATEGORIES: dict[str, dict[str, object]] = {
    "open": dict.fromkeys(ROLES, ALLOWED),
    "admin": {"admin": ALLOWED} | dict.fromkeys(ROLES[1:], FORBIDDEN),
    "self": {
        "admin": ALLOWED,
        "coordinator": FORBIDDEN,
        "member": ALLOWED,
        "auditor": FORBIDDEN,
        "foreign": FORBIDDEN,
    },
    "create": {
        "admin": ALLOWED,
        "coordinator": ALLOWED,
        "member": FORBIDDEN,
        "auditor": FORBIDDEN,
        "foreign": FORBIDDEN,
    },
    "read": dict.fromkeys(ROLES[:4], ALLOWED) | {"foreign": HIDDEN},
    "manage": {
        "admin": ALLOWED,
        "coordinator": ALLOWED,
        "member": FORBIDDEN,
        "auditor": FORBIDDEN,
        "foreign": HIDDEN,
    },
    "contribute": {
        "admin": ALLOWED,
        "coordinator": ALLOWED,
        "member": ALLOWED,
        "auditor": FORBIDDEN,
        "foreign": HIDDEN,
    },
    # Anyone who may contribute signs, but only for an organisation that is a signatory:
    # the admin's operator organisation is not, so the decision's rule answers 409.
    "sign": {
        "admin": 409,
        "coordinator": ALLOWED,
        "member": ALLOWED,
        "auditor": FORBIDDEN,
        "foreign": HIDDEN,
    },
    "witness": {
        "admin": ALLOWED,
        "coordinator": ALLOWED,
        "member": ALLOWED,
        "auditor": FORBIDDEN,
        "foreign": ALLOWED,
    },
}


@dataclass
class World:
    """A partnership of the coordinating and the member organisation, seen by five callers."""

    app: Flask
    service: Samverkan
    callers: dict[str, Caller]
    coordinating: UUID
    member_org: UUID
    site: UUID  # a unit of the member organisation
    counter: itertools.count[int] = field(default_factory=itertools.count)
    witness: dict[str, tuple[Ed25519PrivateKey, str]] = field(default_factory=dict)

    @property
    def coordinator(self) -> Actor:
        return self.callers["coordinator"].actor

    def n(self) -> int:
        return next(self.counter)

    def partnership(self) -> UUID:
        pid = self.service.start_partnership(
            self.coordinator,
            f"Nätverk {self.n()}",
            "learning_network",
            "Syfte",
            [],
            self.coordinating,
            "2020-01-01",
            None,
        ).id
        self.service.add_member(self.coordinator, pid, self.member_org, "partner")
        return pid

    def organisation(self) -> UUID:
        return self.service.register_organisation(
            OPERATOR, f"Kommun {self.n()}", "municipality", "SE"
        ).id

    def decision(self, pid: UUID | None = None, adopted: bool = False) -> tuple[UUID, UUID]:
        pid = pid or self.partnership()
        decision = self.service.propose_decision(
            self.coordinator,
            pid,
            "Beslut",
            "Bakgrund",
            ["A"],
            "Förslag",
            "Skäl",
            [self.coordinating, self.member_org],
            [],
        )
        if adopted:
            self.service.sign_off(self.coordinator, decision.id, "approve")
            self.service.sign_off(self.callers["member"].actor, decision.id, "approve")
        return pid, decision.id

    def experiment(self, stage: str = "planned") -> UUID:
        pid = self.partnership()
        experiment = self.service.plan_experiment(
            self.coordinator, pid, "Försök", "Idé", "Förutsägelse", self.site, []
        ).id
        if stage in ("running", "studied"):
            self.service.start_experiment(self.coordinator, experiment)
        if stage == "studied":
            self.service.study_experiment(self.coordinator, experiment, "Resultat", "yes")
        return experiment

    def measure(self) -> UUID:
        measure = self.service.define_measure(
            self.coordinator, self.partnership(), "Väntetid", "dagar", "decrease", 10, 5, ""
        ).id
        self.service.record_value(self.coordinator, measure, "2026-01", 9)
        return measure

    def lesson(self) -> UUID:
        return self.service.record_lesson(
            self.coordinator, self.partnership(), "Lärdom", "meeting", None, "micro", []
        ).id

    def scale_up(self) -> UUID:
        return self.service.plan_scale_up(
            self.coordinator, self.partnership(), "Arbetssätt", None, [self.site]
        ).id

    def agreement(self) -> tuple[UUID, UUID]:
        agreement = self.service.make_agreement(
            self.coordinator,
            self.partnership(),
            "Avtal",
            "SEK",
            {str(self.coordinating): 50, str(self.member_org): 50},
        )
        _, risk = self.service.register_risk(
            self.coordinator, agreement.id, "Risk", self.member_org, 2, 3
        )
        return agreement.id, risk

    def witness_key(self, role: str) -> tuple[Ed25519PrivateKey, str]:
        """A registered partner key for the caller's organisation, made once."""
        if role not in self.witness:
            caller = self.callers[role]
            key = Ed25519PrivateKey.generate()
            raw = key.public_key().public_bytes(
                serialization.Encoding.Raw, serialization.PublicFormat.Raw
            )
            from samverkan.audit.checkpoints import register_witness_key

            key_id = register_witness_key(
                self.service, caller.organisation_id, f"w{self.n()}.example", raw
            )
            self.witness[role] = (key, key_id)
        return self.witness[role]


Make = Callable[[World, str], tuple[str, Any]]


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    category: str
    make: Make  # (world, role) -> (concrete path, JSON body or None)


def fixed(path: str) -> Make:
    return lambda w, role: (path, None)


def member_user(w: World, role: str) -> str:
    return str(w.callers["member"].user_id)


def on_partnership(suffix: str, body: Callable[[World, UUID], Any] | None = None) -> Make:
    def make(w: World, role: str) -> tuple[str, Any]:
        pid = w.partnership()
        return f"/api/v1/partnerships/{pid}{suffix}", None if body is None else body(w, pid)

    return make


def on(kind: str, suffix: str, body: Callable[[World], Any] | None = None, **options: Any) -> Make:
    def make(w: World, role: str) -> tuple[str, Any]:
        record = getattr(w, kind.rstrip("s").replace("-", "_"))(**options)
        record_id = record[-1] if isinstance(record, tuple) and kind == "decisions" else record
        if isinstance(record_id, tuple):
            record_id = record_id[0]
        return f"/api/v1/{kind}/{record_id}{suffix}", None if body is None else body(w)

    return make


def signoff(w: World, role: str) -> tuple[str, Any]:
    _, decision = w.decision()
    return f"/api/v1/decisions/{decision}/signoffs", {"stance": "approve", "comment": "Ja"}


def supersession(w: World, role: str) -> tuple[str, Any]:
    pid, old = w.decision(adopted=True)
    _, new = w.decision(pid, adopted=True)
    return f"/api/v1/decisions/{old}/supersession", {"by_decision_id": str(new)}


def risk_status(w: World, role: str) -> tuple[str, Any]:
    agreement, risk = w.agreement()
    return f"/api/v1/agreements/{agreement}/risks/{risk}/status", {
        "status": "mitigated",
        "note": "",
    }


def leave(w: World, role: str) -> tuple[str, Any]:
    pid = w.partnership()
    leaver = w.organisation()
    w.service.add_member(w.coordinator, pid, leaver, "observer")
    return f"/api/v1/partnerships/{pid}/members/{leaver}", {"reason": "Klart"}


def cosign(w: World, role: str) -> tuple[str, Any]:
    key, key_id = w.witness_key(role if role != "auditor" else "member")
    checkpoint = sign_checkpoint(w.service)
    caller = w.callers[role if role != "auditor" else "member"]
    signature = base64.b64encode(key.sign(checkpoint.text().encode())).decode()
    body = {
        "organisation_id": str(caller.organisation_id),
        "key_id": key_id,
        "signature": signature,
    }
    return f"/api/v1/audit/checkpoints/{checkpoint.size}/cosignatures", body


def witness_key(w: World, role: str) -> tuple[str, Any]:
    raw = (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    caller = w.callers[role if role != "auditor" else "member"]
    body = {
        "organisation_id": str(caller.organisation_id),
        "name": f"k{w.n()}.example",
        "public_key": base64.b64encode(raw).decode(),
    }
    return "/api/v1/audit/witness-keys", body


def token_of_member(w: World, role: str) -> tuple[str, Any]:
    member = w.callers["member"]
    token_id, _ = w.service.issue_token(member.user_id, "to revoke")
    return f"/api/v1/users/{member.user_id}/tokens/{token_id}", None


def first_position(w: World, role: str) -> tuple[str, Any]:
    from samverkan.audit.proofs import positions_of
    from samverkan.storage.log import read_log

    pid = w.partnership()
    size = sign_checkpoint(w.service).size
    started = next(e.notification_id for e in read_log(w.service) if e.originator_id == pid)
    position = positions_of(w.service, [started])[started]
    return f"/api/v1/audit/inclusion?position={position}&size={size}", None


def new_partnership(w: World, role: str) -> tuple[str, Any]:
    organisation = w.callers[role].organisation_id
    return "/api/v1/partnerships", {
        "title": f"Labb {w.n()}",
        "kind": "lab",
        "purpose": "Syfte",
        "goals": ["Mål"],
        "coordinator_id": str(organisation),
        "starts_on": "2026-01-01",
        "ends_on": None,
    }


def new_user_role(w: World, role: str) -> tuple[str, Any]:
    user = w.service.create_user(OPERATOR, f"r{w.n()}@example.org", "N", w.member_org, "member")
    return f"/api/v1/users/{user.id}/role", {"role": "auditor"}


def new_user_erasure(w: World, role: str) -> tuple[str, Any]:
    user = w.service.create_user(OPERATOR, f"e{w.n()}@example.org", "N", w.member_org, "member")
    return f"/api/v1/users/{user.id}/erasure", None


def text_erasure(w: World, role: str) -> tuple[str, Any]:
    purpose = w.service.get(Partnership, w.partnership()).purpose
    return f"/api/v1/texts/{purpose.id}/erasure", {"reason": "Begäran om radering"}


def decision_body(w: World, pid: UUID) -> dict[str, Any]:
    return {
        "title": "Beslut",
        "context": "Bakgrund",
        "options": ["A", "B"],
        "proposal": "A",
        "rationale": "Skäl",
        "signatory_ids": [str(w.coordinating)],
        "evidence": [],
    }


ROUTES = [
    Route("GET", "/api/v1/organisations", "open", fixed("/api/v1/organisations")),
    Route(
        "POST",
        "/api/v1/organisations",
        "admin",
        lambda w, r: (
            "/api/v1/organisations",
            {"name": f"Region {w.n()}", "kind": "region", "country": "SE"},
        ),
    ),
    Route(
        "GET",
        "/api/v1/organisations/{organisation_id}",
        "open",
        lambda w, r: (f"/api/v1/organisations/{w.member_org}", None),
    ),
    Route(
        "POST",
        "/api/v1/organisations/{organisation_id}/name",
        "admin",
        lambda w, r: (
            f"/api/v1/organisations/{w.organisation()}/name",
            {"name": f"Nytt namn {w.n()}"},
        ),
    ),
    Route(
        "POST",
        "/api/v1/organisations/{organisation_id}/units",
        "admin",
        lambda w, r: (
            f"/api/v1/organisations/{w.organisation()}/units",
            {"name": "Vårdcentral", "unit_type": "health_centre"},
        ),
    ),
    Route(
        "POST",
        "/api/v1/users",
        "admin",
        lambda w, r: (
            "/api/v1/users",
            {
                "email": f"u{w.n()}@example.org",
                "name": "N",
                "organisation_id": str(w.member_org),
                "role": "member",
            },
        ),
    ),
    Route(
        "GET",
        "/api/v1/users/{user_id}",
        "self",
        lambda w, r: (f"/api/v1/users/{member_user(w, r)}", None),
    ),
    Route("POST", "/api/v1/users/{user_id}/role", "admin", new_user_role),
    Route("POST", "/api/v1/users/{user_id}/erasure", "admin", new_user_erasure),
    Route(
        "POST",
        "/api/v1/users/{user_id}/details",
        "self",
        lambda w, r: (f"/api/v1/users/{member_user(w, r)}/details", {"name": "Avdelningschef"}),
    ),
    Route("POST", "/api/v1/texts/{text_id}/erasure", "admin", text_erasure),
    Route(
        "POST",
        "/api/v1/users/{user_id}/tokens",
        "self",
        lambda w, r: (f"/api/v1/users/{member_user(w, r)}/tokens", {"label": "skript"}),
    ),
    Route(
        "GET",
        "/api/v1/users/{user_id}/tokens",
        "self",
        lambda w, r: (f"/api/v1/users/{member_user(w, r)}/tokens", None),
    ),
    Route("DELETE", "/api/v1/users/{user_id}/tokens/{token_id}", "self", token_of_member),
    Route("GET", "/api/v1/partnerships", "open", fixed("/api/v1/partnerships")),
    Route("POST", "/api/v1/partnerships", "create", new_partnership),
    Route("GET", "/api/v1/partnerships/{partnership_id}", "read", on_partnership("")),
    Route(
        "POST",
        "/api/v1/partnerships/{partnership_id}/members",
        "manage",
        on_partnership(
            "/members", lambda w, p: {"organisation_id": str(w.organisation()), "role": "observer"}
        ),
    ),
    Route(
        "DELETE", "/api/v1/partnerships/{partnership_id}/members/{organisation_id}", "manage", leave
    ),
    Route(
        "POST",
        "/api/v1/partnerships/{partnership_id}/phases",
        "manage",
        on_partnership("/phases", lambda w, p: {"phase": "understand", "rationale": "Vi börjar"}),
    ),
    Route(
        "POST",
        "/api/v1/partnerships/{partnership_id}/status",
        "manage",
        on_partnership("/status", lambda w, p: {"status": "active", "reason": "Start"}),
    ),
    Route(
        "POST",
        "/api/v1/partnerships/{partnership_id}/challenges",
        "manage",
        on_partnership(
            "/challenges",
            lambda w, p: {
                "title": "Unga",
                "description": "Psykisk ohälsa",
                "level": "meso",
                "needs_of": ["patients"],
            },
        ),
    ),
    Route(
        "POST",
        "/api/v1/partnerships/{partnership_id}/meetings",
        "manage",
        on_partnership(
            "/meetings",
            lambda w, p: {
                "kind": "workshop",
                "held_on": "2026-02-01",
                "place": "Umeå",
                "attending_organisation_ids": [str(w.member_org)],
                "summary": "Bra",
            },
        ),
    ),
    Route(
        "POST",
        "/api/v1/partnerships/{partnership_id}/funding",
        "manage",
        on_partnership(
            "/funding",
            lambda w, p: {
                "funder_id": str(w.organisation()),
                "amount": "950000",
                "currency": "SEK",
                "reference": "2015-03547",
            },
        ),
    ),
    Route(
        "POST",
        "/api/v1/partnerships/{partnership_id}/clinics",
        "manage",
        on_partnership(
            "/clinics", lambda w, p: {"organisation_id": str(w.member_org), "unit_id": str(w.site)}
        ),
    ),
    Route(
        "POST",
        "/api/v1/partnerships/{partnership_id}/decisions",
        "contribute",
        on_partnership("/decisions", decision_body),
    ),
    Route(
        "GET",
        "/api/v1/partnerships/{partnership_id}/decisions",
        "read",
        on_partnership("/decisions"),
    ),
    Route(
        "GET",
        "/api/v1/decisions/{decision_id}",
        "read",
        lambda w, r: (f"/api/v1/decisions/{w.decision()[1]}", None),
    ),
    Route("POST", "/api/v1/decisions/{decision_id}/signoffs", "sign", signoff),
    Route(
        "POST",
        "/api/v1/decisions/{decision_id}/amendments",
        "contribute",
        lambda w, r: (
            f"/api/v1/decisions/{w.decision()[1]}/amendments",
            {"changes": {"title": "Nytt"}, "reason": "Bättre"},
        ),
    ),
    Route(
        "POST",
        "/api/v1/decisions/{decision_id}/withdrawal",
        "contribute",
        lambda w, r: (f"/api/v1/decisions/{w.decision()[1]}/withdrawal", {"reason": "Ej aktuellt"}),
    ),
    Route("POST", "/api/v1/decisions/{decision_id}/supersession", "contribute", supersession),
    Route(
        "POST",
        "/api/v1/partnerships/{partnership_id}/experiments",
        "contribute",
        on_partnership(
            "/experiments",
            lambda w, p: {
                "title": "Försök",
                "change_idea": "Idé",
                "prediction": "Bättre",
                "site_unit_id": str(w.site),
                "measure_ids": [],
            },
        ),
    ),
    Route(
        "GET",
        "/api/v1/partnerships/{partnership_id}/experiments",
        "read",
        on_partnership("/experiments"),
    ),
    Route("GET", "/api/v1/experiments/{experiment_id}", "read", on("experiments", "")),
    Route(
        "POST",
        "/api/v1/experiments/{experiment_id}/start",
        "contribute",
        on("experiments", "/start"),
    ),
    Route(
        "POST",
        "/api/v1/experiments/{experiment_id}/observations",
        "contribute",
        on(
            "experiments",
            "/observations",
            lambda w: {"note": "Sett", "observed_on": "2026-02-01"},
            stage="running",
        ),
    ),
    Route(
        "POST",
        "/api/v1/experiments/{experiment_id}/study",
        "contribute",
        on(
            "experiments",
            "/study",
            lambda w: {"result": "Resultat", "prediction_held": "partly"},
            stage="running",
        ),
    ),
    Route(
        "POST",
        "/api/v1/experiments/{experiment_id}/conclusion",
        "contribute",
        on(
            "experiments",
            "/conclusion",
            lambda w: {"act": "adopt", "rationale": "Det fungerade"},
            stage="studied",
        ),
    ),
    Route(
        "POST",
        "/api/v1/partnerships/{partnership_id}/measures",
        "contribute",
        on_partnership(
            "/measures",
            lambda w, p: {
                "name": "Väntetid",
                "unit": "dagar",
                "direction": "decrease",
                "baseline": "10",
                "target": "5",
                "method": "Journal",
            },
        ),
    ),
    Route(
        "GET", "/api/v1/partnerships/{partnership_id}/measures", "read", on_partnership("/measures")
    ),
    Route("GET", "/api/v1/measures/{measure_id}", "read", on("measures", "")),
    Route(
        "POST",
        "/api/v1/measures/{measure_id}/values",
        "contribute",
        on("measures", "/values", lambda w: {"period": "2026-02", "value": "8", "n": 20}),
    ),
    Route(
        "POST",
        "/api/v1/measures/{measure_id}/corrections",
        "contribute",
        on(
            "measures",
            "/corrections",
            lambda w: {"period": "2026-01", "value": "8.5", "reason": "Fel i underlaget"},
        ),
    ),
    Route("GET", "/api/v1/measures/{measure_id}/run-chart", "read", on("measures", "/run-chart")),
    Route("GET", "/api/v1/measures/{measure_id}/spc", "read", on("measures", "/spc")),
    Route(
        "GET",
        "/api/v1/partnerships/{partnership_id}/indicators",
        "read",
        on_partnership("/indicators"),
    ),
    Route(
        "POST",
        "/api/v1/partnerships/{partnership_id}/lessons",
        "contribute",
        on_partnership(
            "/lessons",
            lambda w, p: {
                "text": "Börja smått",
                "source_kind": "meeting",
                "source_id": None,
                "level": "micro",
                "tags": ["start"],
            },
        ),
    ),
    Route(
        "GET", "/api/v1/partnerships/{partnership_id}/lessons", "read", on_partnership("/lessons")
    ),
    Route("GET", "/api/v1/lessons/{lesson_id}", "read", on("lessons", "")),
    Route(
        "POST",
        "/api/v1/lessons/{lesson_id}/retraction",
        "contribute",
        on("lessons", "/retraction", lambda w: {"reason": "Fel"}),
    ),
    Route(
        "POST",
        "/api/v1/partnerships/{partnership_id}/scale-ups",
        "contribute",
        on_partnership(
            "/scale-ups",
            lambda w, p: {
                "practice": "Arbetssätt",
                "origin_id": None,
                "target_unit_ids": [str(w.site)],
            },
        ),
    ),
    Route(
        "GET",
        "/api/v1/partnerships/{partnership_id}/scale-ups",
        "read",
        on_partnership("/scale-ups"),
    ),
    Route("GET", "/api/v1/scale-ups/{scale_up_id}", "read", on("scale-ups", "")),
    Route(
        "POST",
        "/api/v1/scale-ups/{scale_up_id}/adoptions",
        "contribute",
        on(
            "scale-ups",
            "/adoptions",
            lambda w: {"unit_id": str(w.site), "stage": "piloting", "note": ""},
        ),
    ),
    Route(
        "POST",
        "/api/v1/scale-ups/{scale_up_id}/completion",
        "contribute",
        on("scale-ups", "/completion", lambda w: {"note": "Klart"}),
    ),
    Route(
        "POST",
        "/api/v1/scale-ups/{scale_up_id}/halt",
        "contribute",
        on("scale-ups", "/halt", lambda w: {"reason": "Stopp"}),
    ),
    Route(
        "GET",
        "/api/v1/partnerships/{partnership_id}/scale-up-matrix",
        "read",
        on_partnership("/scale-up-matrix"),
    ),
    Route(
        "POST",
        "/api/v1/partnerships/{partnership_id}/agreements",
        "contribute",
        on_partnership(
            "/agreements",
            lambda w, p: {
                "title": "Avtal",
                "currency": "SEK",
                "shares": {str(w.coordinating): "60", str(w.member_org): "40"},
            },
        ),
    ),
    Route(
        "GET",
        "/api/v1/partnerships/{partnership_id}/agreements",
        "read",
        on_partnership("/agreements"),
    ),
    Route("GET", "/api/v1/agreements/{agreement_id}", "read", on("agreements", "")),
    Route("GET", "/api/v1/agreements/{agreement_id}/ledger", "read", on("agreements", "/ledger")),
    Route(
        "GET",
        "/api/v1/agreements/{agreement_id}/ledger.csv",
        "read",
        on("agreements", "/ledger.csv"),
    ),
    Route(
        "POST",
        "/api/v1/agreements/{agreement_id}/commitments",
        "contribute",
        on(
            "agreements",
            "/commitments",
            lambda w: {
                "organisation_id": str(w.member_org),
                "kind": "money",
                "amount": "1000",
                "unit": "SEK",
                "description": "",
            },
        ),
    ),
    Route(
        "POST",
        "/api/v1/agreements/{agreement_id}/contributions",
        "contribute",
        on(
            "agreements",
            "/contributions",
            lambda w: {
                "organisation_id": str(w.member_org),
                "kind": "staff_hours",
                "amount": "40",
                "unit": "timmar",
                "description": "",
            },
        ),
    ),
    Route(
        "POST",
        "/api/v1/agreements/{agreement_id}/costs",
        "contribute",
        on("agreements", "/costs", lambda w: {"amount": "500", "description": "Material"}),
    ),
    Route(
        "POST",
        "/api/v1/agreements/{agreement_id}/benefits",
        "contribute",
        on(
            "agreements",
            "/benefits",
            lambda w: {
                "beneficiary": "residents",
                "amount": "200",
                "description": "Kortare väntan",
            },
        ),
    ),
    Route(
        "POST",
        "/api/v1/agreements/{agreement_id}/risks",
        "contribute",
        on(
            "agreements",
            "/risks",
            lambda w: {
                "description": "Förseningar",
                "owner_id": str(w.member_org),
                "likelihood": 2,
                "impact": 4,
            },
        ),
    ),
    Route(
        "POST",
        "/api/v1/agreements/{agreement_id}/risks/{risk_id}/status",
        "contribute",
        risk_status,
    ),
    Route(
        "GET", "/api/v1/partnerships/{partnership_id}/register", "read", on_partnership("/register")
    ),
    Route(
        "GET", "/api/v1/partnerships/{partnership_id}/calendar", "read", on_partnership("/calendar")
    ),
    Route(
        "GET",
        "/api/v1/partnerships/{partnership_id}/clinics/dashboard",
        "read",
        on_partnership("/clinics/dashboard"),
    ),
    Route("GET", "/api/v1/partnerships/{partnership_id}/events", "read", on_partnership("/events")),
    Route("GET", "/api/v1/events", "open", fixed("/api/v1/events")),
    Route(
        "GET",
        "/api/v1/partnerships/{partnership_id}/bundle",
        "read",
        lambda w, r: (
            f"/api/v1/partnerships/{w.partnership()}/bundle",
            sign_checkpoint(w.service) and None,
        ),
    ),
    Route(
        "GET",
        "/api/v1/audit/checkpoint",
        "open",
        lambda w, r: ("/api/v1/audit/checkpoint", sign_checkpoint(w.service) and None),
    ),
    Route(
        "GET",
        "/api/v1/audit/checkpoint.txt",
        "open",
        lambda w, r: ("/api/v1/audit/checkpoint.txt", sign_checkpoint(w.service) and None),
    ),
    Route("GET", "/api/v1/audit/checkpoints", "open", fixed("/api/v1/audit/checkpoints")),
    Route("POST", "/api/v1/audit/checkpoints/{size}/cosignatures", "witness", cosign),
    Route("POST", "/api/v1/audit/witness-keys", "witness", witness_key),
    Route("GET", "/api/v1/audit/public-key", "open", fixed("/api/v1/audit/public-key")),
    Route("GET", "/api/v1/audit/inclusion", "read", first_position),
    Route(
        "GET",
        "/api/v1/audit/consistency",
        "open",
        lambda w, r: (
            "/api/v1/audit/consistency?first=1&second=" + str(sign_checkpoint(w.service).size),
            None,
        ),
    ),
]


def make_world(config: StoreConfig) -> Iterator[World]:
    """The world on a store: four organisations, a unit, and a caller of each kind."""
    ensure_key_pair(config)
    # The test run's example third-party plugin adds routes API.md does not have.
    settings = {"STORE": config, "TESTING": True, "SECRET_KEY": "t", "DISABLE_PLUGINS": "example"}
    app = create_app(settings)
    service: Samverkan = app.extensions["samverkan"]
    operator = service.register_organisation(OPERATOR, "Operatör", "other", "SE").id
    coordinating = service.register_organisation(OPERATOR, "Region Norrbotten", "region", "SE").id
    member_org = service.register_organisation(OPERATOR, "Luleå kommun", "municipality", "SE").id
    foreign = service.register_organisation(OPERATOR, "Region Gotland", "region", "SE").id
    _, site = service.add_unit(OPERATOR, member_org, "Hälsocentral", "health_centre")
    callers = {
        "admin": make_caller(app, operator, "admin", "admin@example.org"),
        "coordinator": make_caller(app, coordinating, "coordinator", "coord@example.org"),
        "member": make_caller(app, member_org, "member", "member@example.org"),
        "auditor": make_caller(app, member_org, "auditor", "auditor@example.org"),
        "foreign": make_caller(app, foreign, "member", "foreign@example.org"),
    }
    yield World(app, service, callers, coordinating, member_org, site)
    service.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    yield from make_world(StoreConfig(data_dir=tmp_path_factory.mktemp("matrix")))


def test_every_route_is_in_the_table(world: World) -> None:
    spec = world.callers["admin"].get("/api/v1/openapi.json").json
    documented = {
        (method.upper(), path)
        for path, operations in spec["paths"].items()
        for method in operations
        if method in ("get", "post", "delete", "put", "patch")
    }
    assert documented == {(route.method, route.path) for route in ROUTES}


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.path}")
def test_each_role_may_do_what_the_table_says(world: World, route: Route) -> None:
    wrong = []
    for role in ROLES:
        path, body = route.make(world, role)
        world.app.extensions["samverkan.projections"].catch_up()  # targets made directly
        caller = world.callers[role]
        if route.method == "GET":
            response = caller.get(path)
        elif route.method == "DELETE":
            response = caller.delete(path, json=body)
        else:
            response = caller.post(path, json=body if body is not None else {})
        expected = CATEGORIES[route.category][role]
        ok = (
            200 <= response.status_code < 300
            if expected == ALLOWED
            else response.status_code == expected
        )
        if not ok:
            detail = response.json.get("detail") if response.is_json else response.status
            wrong.append(f"{role}: {response.status_code} (expected {expected}) {detail}")
    assert wrong == []


def test_no_partnership_leaks_into_a_foreign_organisations_lists(world: World) -> None:
    ours = {str(world.partnership()) for _ in range(2)}
    world.app.extensions["samverkan.projections"].catch_up()
    member, foreign = world.callers["member"], world.callers["foreign"]
    assert ours <= {p["id"] for p in member.get("/api/v1/partnerships?limit=500").json["items"]}
    assert not ours & {p["id"] for p in foreign.get("/api/v1/partnerships?limit=500").json["items"]}
    feed = foreign.get("/api/v1/events?limit=500").json["items"]
    assert all(event["type"].startswith("organisation.") for event in feed)
    assert not ours & {event["originator_id"] for event in feed}
