"""A partnership built over HTTP, with a caller for every role and one from outside it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from flask import Flask

from tests.api.callers import Caller, make_caller

PROBLEM = "application/problem+json"
V1 = "/api/v1"


@dataclass
class Team:
    admin: Caller
    coordinator: Caller  # coordinator role, of the coordinating organisation (region)
    partner: Caller  # member role, of a partner organisation (municipality)
    funder: Caller  # member role, of a funder member (company): may not sign
    auditor: Caller  # auditor role, of the region
    foreign: Caller  # coordinator role, of an organisation outside the partnership
    region: str
    municipality: str
    company: str
    outsider: str
    partnership: dict[str, Any]

    @property
    def path(self) -> str:
        return f"{V1}/partnerships/{self.partnership['id']}"

    def propose(self, caller: Caller | None = None, **changes: Any) -> Any:
        body = {
            "title": "Shared discharge checklist",
            "context": "Discharges from hospital to home care lose information.",
            "options": ["Keep as is", "Shared checklist"],
            "proposal": "Use the shared checklist in both organisations.",
            "rationale": "Two PDSA cycles showed fewer missed handovers.",
            "signatory_ids": [self.region, self.municipality],
            "evidence": [],
            **changes,
        }
        return (caller or self.partner).post(f"{self.path}/decisions", json=body)


def organisation(admin: Caller, name: str, kind: str) -> str:
    made = admin.post(f"{V1}/organisations", json={"name": name, "kind": kind, "country": "SE"})
    assert made.status_code == 201, made.json
    return str(made.json["id"])


def start_team(flask_app: Flask, admin: Caller) -> Team:
    region = organisation(admin, "Region Västerbotten", "region")
    municipality = organisation(admin, "Umeå kommun", "municipality")
    company = organisation(admin, "Norrlandsteknik AB", "company")
    outsider = organisation(admin, "Region Skåne", "region")
    coordinator = make_caller(flask_app, UUID(region), "coordinator", "coord@region.example")
    started = coordinator.post(
        f"{V1}/partnerships",
        json={
            "title": "Safe discharge",
            "kind": "learning_network",
            "purpose": "Fewer readmissions after discharge.",
            "goals": ["Halve missed handovers"],
            "coordinator_id": region,
            "starts_on": "2026-01-01",
            "ends_on": None,
        },
    )
    assert started.status_code == 201, started.json
    path = f"{V1}/partnerships/{started.json['id']}/members"
    for member, role in ((municipality, "partner"), (company, "funder")):
        joined = coordinator.post(path, json={"organisation_id": member, "role": role})
        assert joined.status_code == 200, joined.json
    return Team(
        admin=admin,
        coordinator=coordinator,
        partner=make_caller(flask_app, UUID(municipality), "member", "member@umea.example"),
        funder=make_caller(flask_app, UUID(company), "member", "member@company.example"),
        auditor=make_caller(flask_app, UUID(region), "auditor", "auditor@region.example"),
        foreign=make_caller(flask_app, UUID(outsider), "coordinator", "coord@skane.example"),
        region=region,
        municipality=municipality,
        company=company,
        outsider=outsider,
        partnership=joined.json,
    )
