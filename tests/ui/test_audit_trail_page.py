"""The audit trail page: who, when, what changed; filters; as of a past time; proofs."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.audit.checkpoints import sign_checkpoint
from samverkan.audit.keys import ensure_key_pair
from samverkan.audit.sequencer import catch_up
from tests.ui.conftest import Team
from tests.ui.pages import text, visitor
from tests.ui.test_partnership_pages import propose


def test_the_trail_names_organisation_then_person_and_shows_a_diff(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    decision = propose(service, team)
    before_signing = datetime.now(UTC)
    service.sign_off(team.company, decision.id, "approve", "Bra")
    person = visitor(flask_app)
    person.sign_in("bo@company.example")
    path = f"/partnerships/{team.partnership_id}/audit"
    page = text(person.get(path))
    assert "Decision signed off: Öppna en tredje innovationsklinik" in page
    assert re.search(r"Hälsoteknik AB\s*,\s*Bo", page)  # organisation first, then person
    # the diff names the changed field and the organisation, not the whole record
    assert "Stance — Hälsoteknik AB — Approve" in page
    assert "Member joined" in page and "Partnership started" in page

    filtered = text(person.get(path, query_string={"type": "decision.signed_off"}))
    assert "Showing 1 of" in filtered
    by_org = text(person.get(path, query_string={"organisation": str(team.company_id)}))
    assert "Showing 1 of" in by_org

    then = text(person.get(path, query_string={"as_of": before_signing.isoformat()}))
    assert "You are looking at the past." in then
    assert "Decision proposed" in then and "Decision signed off" not in then


def test_bad_filter_dates_show_beside_the_field(flask_app: Flask, team: Team) -> None:
    person = visitor(flask_app)
    person.sign_in("bo@company.example")
    response = person.get(f"/partnerships/{team.partnership_id}/audit?from=yesterday")
    assert response.status_code == 200
    assert 'id="from-error"' in response.get_data(as_text=True)


def test_proof_of_inclusion_and_bundle_for_a_signed_log(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    ensure_key_pair(service.config)
    catch_up(service)
    sign_checkpoint(service)
    person = visitor(flask_app)
    person.sign_in("bo@company.example")
    base = f"/partnerships/{team.partnership_id}/audit"
    html = person.get(base).get_data(as_text=True)
    positions = re.findall(r"/audit/proof/(\d+)", html)
    assert positions
    proof = person.get(f"{base}/proof/{positions[0]}")
    assert proof.status_code == 200 and "Audit path" in text(proof)
    assert f"/api/v1/audit/inclusion?position={positions[0]}" in html
    bundle = person.get(f"{base}/bundle.json")
    assert bundle.status_code == 200
    assert bundle.headers["Content-Disposition"].startswith("attachment")
    assert bundle.get_json()["events"]


def test_a_former_member_sees_the_history_up_to_its_leaving(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    service.remove_member(team.region, team.partnership_id, team.company_id, "Projektet klart")
    service.enter_phase(team.region, team.partnership_id, "redesign", "Efter att de lämnat")
    person = visitor(flask_app)
    person.sign_in("bo@company.example")
    base = f"/partnerships/{team.partnership_id}"
    page = text(person.get(base))
    assert "You are looking at the past." in page  # as it was when the company left
    assert "Efter att de lämnat" not in page
    trail = text(person.get(f"{base}/audit"))
    assert "Member left" in trail and "Phase entered" not in trail
    assert "Download the verifiable bundle" not in trail
    assert person.get(f"{base}/audit/bundle.json").status_code == 403
