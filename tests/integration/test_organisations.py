"""Organisations: registered, renamed, units added; each rule accepted and rejected."""

from __future__ import annotations

import uuid

import pytest

from samverkan.application.service import Samverkan
from samverkan.domain.base import Actor
from samverkan.domain.organisation import Organisation
from samverkan.errors import InvalidInput, NotFound
from tests.integration.helpers import count, log, types


def test_registering_an_organisation(app: Samverkan, actor: Actor) -> None:
    organisation = app.register_organisation(actor, "Region Norrbotten", "region", "SE")
    loaded = app.get(Organisation, organisation.id)
    assert (loaded.name, loaded.kind, loaded.country, loaded.units) == (
        "Region Norrbotten",
        "region",
        "SE",
        {},
    )
    assert loaded.version == 1
    [registered] = log(app, organisation.id)
    assert registered.type == "organisation.registered"
    assert registered.actor == actor
    assert registered.data["name"] == "Region Norrbotten"
    assert registered.data["kind"] == "region"


@pytest.mark.parametrize(
    ("kind", "country", "field"),
    [
        ("hospital", "SE", "kind"),
        ("", "SE", "kind"),
        ("region", "se", "country"),
        ("region", "XX", "country"),
        ("region", "SWE", "country"),
    ],
)
def test_kind_and_country_come_from_their_vocabularies(
    app: Samverkan, actor: Actor, kind: str, country: str, field: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        app.register_organisation(actor, "Lofoten", kind, country)
    assert field in raised.value.errors
    assert count(app) == 0


def test_a_name_is_required(app: Samverkan, actor: Actor) -> None:
    with pytest.raises(InvalidInput) as raised:
        app.register_organisation(actor, "  ", "municipality", "NO")
    assert "name" in raised.value.errors


def test_renaming(app: Samverkan, actor: Actor) -> None:
    organisation = app.register_organisation(actor, "Landstinget", "region", "SE")
    renamed = app.rename_organisation(actor, organisation.id, "Region Västerbotten")
    assert renamed.name == "Region Västerbotten"
    assert app.get(Organisation, organisation.id).name == "Region Västerbotten"
    assert types(app, organisation.id) == ["organisation.registered", "organisation.renamed"]
    assert log(app, organisation.id)[1].data["name"] == "Region Västerbotten"


def test_renaming_to_the_same_name_is_rejected(app: Samverkan, actor: Actor) -> None:
    organisation = app.register_organisation(actor, "Landstinget", "region", "SE")
    with pytest.raises(InvalidInput) as raised:
        app.rename_organisation(actor, organisation.id, "Landstinget")
    assert "name" in raised.value.errors
    assert count(app) == 1


def test_adding_a_unit(app: Samverkan, actor: Actor) -> None:
    organisation = app.register_organisation(actor, "Region Västerbotten", "region", "SE")
    changed, unit_id = app.add_unit(actor, organisation.id, "Akutvårdsavdelningen", "ward")
    assert changed.units == {str(unit_id): {"name": "Akutvårdsavdelningen", "unit_type": "ward"}}
    assert app.get(Organisation, organisation.id).has_unit(unit_id)
    assert not app.get(Organisation, organisation.id).has_unit(uuid.uuid4())
    added = log(app, organisation.id)[-1]
    assert added.type == "organisation.unit_added"
    assert added.data["unit_id"] == str(unit_id)


def test_a_unit_type_comes_from_its_vocabulary(app: Samverkan, actor: Actor) -> None:
    organisation = app.register_organisation(actor, "Region Västerbotten", "region", "SE")
    with pytest.raises(InvalidInput) as raised:
        app.add_unit(actor, organisation.id, "Labbet", "laboratory")
    assert "unit_type" in raised.value.errors
    assert count(app) == 1


def test_unit_names_are_unique_within_an_organisation(app: Samverkan, actor: Actor) -> None:
    organisation = app.register_organisation(actor, "Region Västerbotten", "region", "SE")
    app.add_unit(actor, organisation.id, "Tandvården", "clinic")
    with pytest.raises(InvalidInput) as raised:
        app.add_unit(actor, organisation.id, "Tandvården", "team")
    assert "name" in raised.value.errors
    assert count(app) == 2


def test_unknown_organisations_are_not_found(app: Samverkan, actor: Actor) -> None:
    with pytest.raises(NotFound):
        app.get(Organisation, uuid.uuid4())
    with pytest.raises(NotFound):
        app.rename_organisation(actor, uuid.uuid4(), "Ny")
    with pytest.raises(NotFound):
        app.add_unit(actor, uuid.uuid4(), "Ny", "clinic")
    assert count(app) == 0
