"""What every aggregate shares: the actor of each event, text references, checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate
from eventsourcing.persistence import (
    DatetimeAsISO,
    DecimalAsStr,
    JSONTranscoder,
    Transcoding,
    UUIDAsHex,
)

from samverkan.errors import InvalidInput, PeriodInvalid


@dataclass(frozen=True)
class Actor:
    """Who recorded an event: a user (by id only) acting for an organisation."""

    user_id: UUID
    organisation_id: UUID


@dataclass(frozen=True)
class TextRef:
    """Free text kept out of the log: the id of its row and SHA-256(salt || text) in hex."""

    id: UUID
    sha256: str


class ActorAsDict(Transcoding):
    type = Actor
    name = "actor"

    def encode(self, obj: Actor) -> dict[str, str]:
        return {"user_id": str(obj.user_id), "organisation_id": str(obj.organisation_id)}

    def decode(self, data: dict[str, str]) -> Actor:
        return Actor(UUID(data["user_id"]), UUID(data["organisation_id"]))


class TextRefAsDict(Transcoding):
    type = TextRef
    name = "text"

    def encode(self, obj: TextRef) -> dict[str, str]:
        return {"id": str(obj.id), "sha256": obj.sha256}

    def decode(self, data: dict[str, str]) -> TextRef:
        return TextRef(UUID(data["id"]), data["sha256"])


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


TRANSCODINGS: tuple[Transcoding, ...] = (ActorAsDict(), TextRefAsDict(), DateAsISO())


def make_transcoder() -> JSONTranscoder:
    """The JSON transcoder of the store: eventsourcing's defaults plus the domain's types."""
    transcoder = JSONTranscoder()
    for transcoding in (UUIDAsHex(), DecimalAsStr(), DatetimeAsISO(), *TRANSCODINGS):
        transcoder.register(transcoding)
    return transcoder


class Record(Aggregate):
    """Base of Samverkan's aggregates.

    Each subclass sets ``TOPIC`` (e.g. ``"decision"``) and names every event with a stable
    topic (``@event("SignedOff", topic="decision.signed_off")``): topics are stored in the
    log and hashed by the audit tree, so they must not follow the Python module path.
    eventsourcing also derives a ``Created`` class on every aggregate with a topic; each
    aggregate names it (``Created = created_topic("decision")``) though it is never used.
    """


def kind_of(cls: type) -> str:
    """The stable kind of an aggregate class: its topic (``decision``, ``scale_up``)."""
    return str(vars(cls)["TOPIC"])


def record_name(cls: type) -> str:
    """The name of a kind of record in messages: ``scale-up`` for ScaleUp."""
    return str(getattr(cls, "TOPIC", cls.__name__)).replace("_", "-")


def created_topic(prefix: str) -> type[Aggregate.Created]:
    """The unused ``Created`` class eventsourcing requires on an aggregate with a topic."""
    return type("Created", (Aggregate.Created,), {"TOPIC": f"{prefix}.created"})


# Checks shared by the aggregates. Each raises InvalidInput naming the field.


def require_text(field: str, value: Any, *, max_length: int = 300) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput.field(field, "must be a non-empty text")
    if "\x00" in value:  # PostgreSQL cannot store it; no person types it
        raise InvalidInput.field(field, "must not contain a NUL character")
    if len(value) > max_length:
        raise InvalidInput.field(field, f"must be at most {max_length} characters")
    return value.strip()


def require_choice(field: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise InvalidInput.field(field, f"must be one of {', '.join(choices)}")
    return str(value)


# What a recorded number may be: the stores and the sums over them (28 significant digits)
# must hold it, and a recorded event cannot be changed afterwards.
AMOUNT_LIMIT = Decimal(10) ** 15  # a thousand million million
AMOUNT_PLACES = 10
INTEGER_MAX = 2**31 - 1  # SQL INTEGER


def require_amount(field: str, value: Any, *, positive: bool = True) -> Decimal:
    """Amounts are decimals: ints, decimal strings and Decimals, never floats; below 10**15
    and with at most 10 decimal places."""
    if isinstance(value, (bool, float)):
        raise InvalidInput.field(field, "must be a decimal number given as a string or integer")
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise InvalidInput.field(field, "must be a decimal number") from None
    if not amount.is_finite():
        raise InvalidInput.field(field, "must be a finite number")
    if positive and amount <= 0:
        raise InvalidInput.field(field, "must be greater than zero")
    if abs(amount) >= AMOUNT_LIMIT:
        raise InvalidInput.field(field, "must be less than 1 000 000 000 000 000")
    if -amount.as_tuple().exponent > AMOUNT_PLACES:  # type: ignore[operator]
        raise InvalidInput.field(field, f"must have at most {AMOUNT_PLACES} decimal places")
    return amount


def require_int(field: str, value: Any, *, low: int, high: int = INTEGER_MAX) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput.field(field, "must be a whole number")
    if not low <= value <= high:
        raise InvalidInput.field(field, f"must be between {low} and {high}")
    return value


def require_date(field: str, value: Any) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput.field(field, "must be a date such as 2026-03-01") from None


def require_period(starts_on: date, ends_on: date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise PeriodInvalid(f"The period ends on {ends_on}, before it starts on {starts_on}")


CURRENCY = re.compile(r"^[A-Z]{3}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")


def require_currency(value: Any) -> str:
    if not isinstance(value, str) or not CURRENCY.match(value):
        raise InvalidInput.field("currency", "must be an ISO 4217 code such as SEK")
    return value


def require_country(value: Any) -> str:
    from babel import Locale  # Babel knows the ISO 3166 territories.

    if not isinstance(value, str) or not COUNTRY.match(value):
        raise InvalidInput.field("country", "must be an ISO 3166-1 alpha-2 code such as SE")
    if value not in Locale("en").territories:
        raise InvalidInput.field("country", f"{value} is not an ISO 3166-1 country code")
    return value


def require_ids(field: str, values: Any) -> list[UUID]:
    if not isinstance(values, (list, tuple)):
        raise InvalidInput.field(field, "must be a list of ids")
    ids = [require_id(field, v) for v in values]
    if len(set(ids)) != len(ids):
        raise InvalidInput.field(field, "must not repeat an id")
    return ids


def require_id(field: str, value: Any) -> UUID:
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except ValueError:
        raise InvalidInput.field(field, "must be a UUID") from None
