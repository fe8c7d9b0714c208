"""`samverkan demo` records the five seed partnerships through the application service."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from uuid import UUID

import pytest
from click.testing import CliRunner

from samverkan.application.service import Samverkan
from samverkan.cli.main import main
from samverkan.demo import DEMO_PASSWORD, load_demo
from samverkan.domain.agreement import Agreement
from samverkan.domain.partnership import Partnership
from samverkan.errors import StoreNotEmpty
from samverkan.storage.log import partnership_log, read_log
from samverkan.storage.stores import StoreConfig


@pytest.fixture(scope="module")
def demo(module_store_config: StoreConfig) -> Iterator[Samverkan]:
    """The demo, recorded once per store for the tests that only read it."""
    app = Samverkan(module_store_config)
    load_demo(app)
    yield app
    app.close()


def partnerships(app: Samverkan) -> dict[str, Partnership]:
    started = [e.originator_id for e in read_log(app) if e.type == "partnership.started"]
    loaded = [app.get(Partnership, pid) for pid in started]
    return {p.title: p for p in loaded}


def find(found: dict[str, Partnership], fragment: str) -> Partnership:
    (match,) = [p for title, p in found.items() if fragment in title]
    return match


def test_five_partnerships_with_their_seed_facts(demo: Samverkan) -> None:
    found = partnerships(demo)
    assert len(found) == 5
    assert {p.kind for p in found.values()} >= {
        "learning_network",
        "testbed",
        "improvement_network",
        "innovation_partnership",
    }
    funding = {f["amount"] for p in found.values() for f in p.funding}
    assert {Decimal("950000"), Decimal("3956310")} <= funding


def test_the_learning_network_held_five_workshops_in_three_cities(demo: Samverkan) -> None:
    network = next(p for p in partnerships(demo).values() if p.kind == "learning_network")
    workshops = [m for m in network.meetings.values() if m["kind"] == "workshop"]
    assert len(workshops) == 5
    assert {m["place"].split(",")[0].split()[0] for m in workshops} <= {
        "Umeå",
        "Luleå",
        "Stockholm",
    }
    assert network.starts_on.isoformat()[:7] == "2015-08"
    assert network.status == "completed"


def test_lofoten_gathers_four_times_a_year(demo: Samverkan) -> None:
    lofoten = next(p for p in partnerships(demo).values() if p.kind == "improvement_network")
    gatherings = [m for m in lofoten.meetings.values() if m["kind"] == "network_gathering"]
    per_year = Counter(m["held_on"].year for m in gatherings)
    assert per_year and all(count == 4 for count in per_year.values())


def test_the_risk_sharing_agreement_sums_to_exactly_100(demo: Samverkan) -> None:
    (agreement_id,) = [e.originator_id for e in read_log(demo) if e.type == "agreement.agreed"]
    agreement = demo.get(Agreement, agreement_id)
    assert sum(agreement.shares.values()) == Decimal(100)
    assert all(isinstance(share, Decimal) for share in agreement.shares.values())


def test_every_kind_of_history_is_there(demo: Samverkan) -> None:
    types = Counter(e.type for e in read_log(demo))
    for kind in (
        "decision.signed_off",
        "decision.adopted",
        "decision.rejected",
        "decision.amended",
        "experiment.concluded",
        "measure.value_recorded",
        "measure.value_corrected",
        "lesson.recorded",
        "scale_up.adoption_recorded",
        "agreement.risk_status_changed",
        "partnership.clinic_designated",
        "organisation.renamed",
    ):
        assert types[kind] > 0, kind
    actors = {e.actor.organisation_id for e in read_log(demo) if e.type == "decision.signed_off"}
    assert len(actors) > 5  # each organisation signs for itself


def test_demo_users_can_sign_in(demo: Samverkan) -> None:
    user = demo.sign_in("vll@demo.samverkan.example", DEMO_PASSWORD)
    assert user is not None and user.role == "coordinator"
    assert demo.sign_in("vll@demo.samverkan.example", "wrong password") is None


def test_the_demo_refuses_a_store_that_has_events(demo: Samverkan) -> None:
    before = demo.recorder.max_notification_id()
    with pytest.raises(StoreNotEmpty):
        load_demo(demo)
    assert demo.recorder.max_notification_id() == before


def test_events_command_shows_each_partnership_history(store_config: StoreConfig) -> None:
    env = {"SAMVERKAN_DATABASE_URL": store_config.database_url or ""}
    args = ["--data-dir", str(store_config.data_dir)]
    runner = CliRunner()
    assert runner.invoke(main, [*args, "demo"], env=env).exit_code == 0
    again = runner.invoke(main, [*args, "demo"], env=env)
    assert again.exit_code == 1 and "already holds events" in again.output
    assert runner.invoke(main, [*args, "demo", "--if-empty"], env=env).exit_code == 0

    app = Samverkan(store_config)
    try:
        ids = [e.originator_id for e in read_log(app) if e.type == "partnership.started"]
        for pid in ids:
            result = runner.invoke(main, [*args, "events", "--partnership", str(pid)], env=env)
            assert result.exit_code == 0
            lines = result.output.strip().splitlines()
            assert len(lines) == sum(1 for _ in partnership_log(app, UUID(str(pid))))
            assert "partnership.started" in lines[0]
            assert any("decision.signed_off" in line for line in lines)
    finally:
        app.close()
