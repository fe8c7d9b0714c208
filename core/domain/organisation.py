"""Organisation: a region, municipality, company, university... and its units."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from eventsourcing.domain import event

from samverkan.domain.base import (
    Actor,
    Record,
    created_topic,
    require_choice,
    require_country,
    require_text,
)
from samverkan.domain.vocabulary import ORGANISATION_KINDS, UNIT_TYPES
from samverkan.errors import InvalidInput


class Organisation(Record):
    TOPIC = "organisation"
    Created = created_topic("organisation")

    @classmethod
    def register(cls, actor: Actor, name: str, kind: str, country: str) -> Organisation:
        return cls(
            actor=actor,
            name=require_text("name", name, max_length=200),
            kind=require_choice("kind", kind, ORGANISATION_KINDS),
            country=require_country(country),
        )

    @event("Registered", topic="organisation.registered")
    def __init__(self, actor: Actor, name: str, kind: str, country: str) -> None:
        self.name = name
        self.kind = kind
        self.country = country
        self.units: dict[str, dict[str, Any]] = {}

    def rename(self, actor: Actor, name: str) -> None:
        name = require_text("name", name, max_length=200)
        if name == self.name:
            raise InvalidInput.field("name", "is the organisation's name already")
        self._renamed(actor=actor, name=name)

    @event("Renamed", topic="organisation.renamed")
    def _renamed(self, actor: Actor, name: str) -> None:
        self.name = name

    def add_unit(self, actor: Actor, name: str, unit_type: str) -> UUID:
        name = require_text("name", name, max_length=200)
        if any(unit["name"] == name for unit in self.units.values()):
            raise InvalidInput.field("name", "another unit of the organisation has this name")
        unit_id = uuid4()
        self._unit_added(
            actor=actor,
            unit_id=unit_id,
            name=name,
            unit_type=require_choice("unit_type", unit_type, UNIT_TYPES),
        )
        return unit_id

    @event("UnitAdded", topic="organisation.unit_added")
    def _unit_added(self, actor: Actor, unit_id: UUID, name: str, unit_type: str) -> None:
        self.units[str(unit_id)] = {"name": name, "unit_type": unit_type}

    def has_unit(self, unit_id: UUID) -> bool:
        return str(unit_id) in self.units
