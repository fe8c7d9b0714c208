"""What a write reads back: its own texts and events come from memory, never stale."""

from __future__ import annotations

from samverkan.application.service import Samverkan
from samverkan.domain.organisation import Organisation
from samverkan.domain.partnership import Partnership
from samverkan.storage.tables import texts
from samverkan.storage.texts import remembering_written
from tests.integration.helpers import register, start_team


def delete_behind_the_stores_back(app: Samverkan) -> None:
    with app.sql.begin() as connection:
        connection.execute(texts.delete())


def test_texts_written_in_a_unit_of_work_are_read_from_memory(app: Samverkan) -> None:
    with remembering_written():
        ref = app.text("text", "  Korta möten höll tempot uppe.  ")
        delete_behind_the_stores_back(app)
        assert app.texts.get_many([ref.id]) == {ref.id: "Korta möten höll tempot uppe."}
    assert app.texts.get(ref.id) is None  # the scope is over: the store answers


def test_outside_a_unit_of_work_texts_are_read_from_the_store(app: Samverkan) -> None:
    ref = app.text("text", "Lärdom")
    delete_behind_the_stores_back(app)
    assert app.texts.get_many([ref.id]) == {}


def test_a_text_erased_in_the_unit_of_work_is_forgotten(app: Samverkan) -> None:
    with remembering_written():
        kept, erased = app.texts.put_many(["kvar", "raderad"])
        app.texts.erase(erased.id)
        assert app.texts.get_many([kept.id, erased.id]) == {kept.id: "kvar"}


def test_a_new_record_answers_with_the_events_just_recorded(app: Samverkan) -> None:
    actor = register(app, "Region Gotland")
    organisation = app.register_organisation(actor, "Kommun G", "municipality", "SE")
    events = app.just_recorded(organisation.id, 1)
    assert events is not None
    assert [event.originator_id for event in events] == [organisation.id]
    assert app.just_recorded(organisation.id, 2) is None  # another version: read the log
    app.rename_organisation(actor, organisation.id, "Kommun G2")
    assert app.just_recorded(organisation.id, 2) is None  # a change is not a new record


def test_reads_for_checks_share_the_cached_aggregate_and_get_copies(app: Samverkan) -> None:
    team = start_team(app)
    shared = app.read(Partnership, team.partnership_id)
    assert app.read(Partnership, team.partnership_id) is shared
    copy = app.get(Partnership, team.partnership_id)
    assert copy is not shared and copy.version == shared.version
    region = app.get(Organisation, team.region.organisation_id)
    region.rename(team.region, "Changed, not saved")
    assert app.read(Organisation, region.id).name != "Changed, not saved"
