"""GET /api/v1/partnerships/{id}/scale-up-matrix: practice × unit stages and their changes."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from marshmallow import Schema, fields

from samverkan.plugins.ledger.common import member_units
from samverkan.plugins.ledger.viewing import partnership_cutoff
from samverkan.plugins.scaleups.matrix import as_json, matrix_of
from samverkan.web.api.blueprints import blueprint
from samverkan.web.auth import service

blp = blueprint("scale_up_matrix", "The scale-up tracker of a partnership")


class MatrixUnitSchema(Schema):
    id = fields.UUID()
    name = fields.String(allow_none=True)
    organisation_id = fields.UUID(allow_none=True)


class MatrixCellSchema(Schema):
    unit_id = fields.UUID()
    stage = fields.String(allow_none=True, metadata={"description": "None: no stage recorded"})


class MatrixPracticeSchema(Schema):
    scale_up_id = fields.UUID()
    practice = fields.String()
    origin_id = fields.UUID(allow_none=True)
    status = fields.String(metadata={"description": "active | completed | halted"})
    stages = fields.List(fields.Nested(MatrixCellSchema))


class MatrixChangeSchema(Schema):
    at = fields.DateTime()
    scale_up_id = fields.UUID()
    unit_id = fields.UUID()
    from_stage = fields.String(allow_none=True)
    to_stage = fields.String()


class MatrixSchema(Schema):
    partnership_id = fields.UUID()
    as_of = fields.DateTime(allow_none=True)
    units = fields.List(fields.Nested(MatrixUnitSchema))
    practices = fields.List(fields.Nested(MatrixPracticeSchema))
    changes = fields.List(fields.Nested(MatrixChangeSchema))


@blp.get("/partnerships/<uuid:partnership_id>/scale-up-matrix")
@blp.response(200, MatrixSchema)
def scale_up_matrix(partnership_id: UUID) -> dict[str, Any]:
    """Each scale-up's practice against every target unit (latest stage), and every recorded
    change of stage, oldest first; ``?as_of=`` gives the matrix as it was."""
    cutoff = partnership_cutoff(partnership_id)
    engine = service().sql
    found = matrix_of(engine, partnership_id, cutoff)
    units = member_units(engine, partnership_id)
    return {"partnership_id": partnership_id, "as_of": cutoff, **as_json(found, units)}
