"""Marshmallow schemas shared by the API's resources."""

from __future__ import annotations

from marshmallow import RAISE, Schema, fields, validate


class Strict(Schema):
    class Meta:
        unknown = RAISE


def text(required: bool = True, max_length: int = 20_000) -> fields.String:
    return fields.String(required=required, validate=validate.Length(max=max_length))


def choice(values: tuple[str, ...], **kwargs: object) -> fields.String:
    return fields.String(validate=validate.OneOf(values), **kwargs)  # type: ignore[arg-type]


def amount(**kwargs: object) -> fields.Decimal:
    return fields.Decimal(as_string=True, allow_nan=False, **kwargs)  # type: ignore[arg-type]


class Versioned(Schema):
    id = fields.UUID(required=True)
    version = fields.Integer(required=True)


class ListOf(Schema):
    next = fields.String(allow_none=True)


def list_schema(item: type[Schema]) -> type[Schema]:
    return type(
        f"{item.__name__.removesuffix('Schema')}ListSchema",
        (ListOf,),
        {"items": fields.List(fields.Nested(item))},
    )
