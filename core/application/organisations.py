"""Organisations and their units."""

from __future__ import annotations

from uuid import UUID

from samverkan.application.base import ServiceBase
from samverkan.domain.base import Actor
from samverkan.domain.organisation import Organisation


class OrganisationCommands(ServiceBase):
    def register_organisation(
        self, actor: Actor, name: str, kind: str, country: str
    ) -> Organisation:
        return self.record(Organisation.register(actor, name, kind, country))

    def rename_organisation(
        self, actor: Actor, organisation_id: UUID, name: str, *, expected_version: int | None = None
    ) -> Organisation:
        organisation, _ = self.change(
            Organisation,
            organisation_id,
            lambda org: org.rename(actor, name),
            expected_version=expected_version,
        )
        return organisation

    def add_unit(
        self,
        actor: Actor,
        organisation_id: UUID,
        name: str,
        unit_type: str,
        *,
        expected_version: int | None = None,
    ) -> tuple[Organisation, UUID]:
        return self.change(
            Organisation,
            organisation_id,
            lambda org: org.add_unit(actor, name, unit_type),
            expected_version=expected_version,
        )

    def unit_owner(self, organisation_ids: list[UUID], unit_id: UUID) -> UUID | None:
        """Which of the organisations has the unit."""
        for organisation_id in organisation_ids:
            if self.get(Organisation, organisation_id).has_unit(unit_id):
                return organisation_id
        return None
