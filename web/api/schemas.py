"""Marshmallow schemas shared by the API's resources."""

from __future__ import annotations

from marshmallow import EXCLUDE, RAISE, Schema, ValidationError, fields, pre_load, validate

# The widest whole numbers the stores hold: SQL INTEGER (versions, counts) and BIGINT
# (positions, tree sizes). A client's number beyond them is refused (422), never sent to the
# store, where SQLite overflows and PostgreSQL refuses it (a 500).
INTEGER_MAX = 2**31 - 1
BIGINT_MAX = 2**63 - 1


def whole(minimum: int = 0, maximum: int = INTEGER_MAX, **kwargs: object) -> fields.Integer:
    """A whole number a client sends, always bounded (the bounds appear in the API document)."""
    bounds = validate.Range(min=minimum, max=maximum)
    extra = kwargs.pop("validate", None)
    checks = [bounds, *(extra if isinstance(extra, list) else [extra] if extra else [])]
    return fields.Integer(strict=True, validate=checks, **kwargs)  # type: ignore[arg-type]


class Strict(Schema):
    class Meta:
        unknown = RAISE


def text(required: bool = True, max_length: int = 20_000) -> fields.String:
    return fields.String(required=required, validate=validate.Length(max=max_length))


def choice(values: tuple[str, ...], **kwargs: object) -> fields.String:
    return fields.String(validate=validate.OneOf(values), **kwargs)  # type: ignore[arg-type]


# Clients send amounts as JSON numbers or strings; the API returns strings ("300000.00").
DECIMAL = {"type": ["string", "number"], "format": "decimal"}


def amount(**kwargs: object) -> fields.Decimal:
    metadata = {**DECIMAL, **kwargs.pop("metadata", {})}  # type: ignore[dict-item]
    return fields.Decimal(as_string=True, allow_nan=False, metadata=metadata, **kwargs)  # type: ignore[arg-type]


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


class PageQuery(Schema):
    """``?limit=&cursor=`` of a list; list routes add their filters to a subclass."""

    class Meta:
        unknown = EXCLUDE

    limit = fields.Integer(validate=validate.Range(min=1, max=500), load_default=100)
    cursor = fields.String()


class RecordedActor(Schema):
    user_id = fields.UUID()
    organisation_id = fields.UUID()


class Recorded(Schema):
    """When an item of a record's history was recorded (recording time), and by whom."""

    at = fields.DateTime(required=True)
    actor = fields.Nested(RecordedActor, allow_none=True)


def not_blank(value: str) -> None:
    if not value.strip():
        raise ValidationError("Must not be empty.")


def required_text(max_length: int = 20_000) -> fields.String:
    """Free text that must say something (spaces alone are refused beside the field)."""
    return fields.String(required=True, validate=[validate.Length(max=max_length), not_blank])


def nul_fields(value: object, prefix: str = "") -> list[str]:
    """The fields of a JSON body whose text holds a NUL character, as dotted paths."""
    if isinstance(value, str):
        return [prefix or "_schema"] if "\x00" in value else []
    if isinstance(value, dict):
        items: list[tuple[object, object]] = list(value.items())
    elif isinstance(value, list):
        items = list(enumerate(value))
    else:
        return []
    found = []
    for key, inner in items:
        found += nul_fields(key, prefix) if isinstance(key, str) and "\x00" in key else []
        found += nul_fields(inner, f"{prefix}.{key}" if prefix else str(key))
    return found


class NoNul(Strict):
    """Strict, and no text may hold a NUL character: PostgreSQL cannot store one (a 500, or a
    read model stuck on the event), so it is refused as invalid input (422)."""

    @pre_load
    def refuse_nul(self, data: object, **kwargs: object) -> object:
        fields_with_nul = nul_fields(data)
        if fields_with_nul:
            message = "must not contain a NUL character"
            raise ValidationError({field: [message] for field in fields_with_nul})
        return data
