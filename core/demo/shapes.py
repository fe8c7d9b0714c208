"""The shape of the demo files: each entry's fields, their types and the domain's vocabularies.

Loading a file through these schemas turns TOML values into what the commands take (dates,
decimals, unit references as tuples) and fills the optional fields: a missing list is empty,
a missing ``ends_on``, ``previous``, ``source``, ``meeting``, ``study``, ``conclusion`` or
``amendment`` is None. Unknown fields are refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate

from samverkan.domain import vocabulary as v
from samverkan.domain.base import require_country, require_currency
from samverkan.domain.measure import normalise_period
from samverkan.errors import InvalidInput


def domain_check(check: Callable[[Any], object]) -> Callable[[Any], None]:
    """A marshmallow validator from one of the domain's checks."""

    def validator(value: Any) -> None:
        try:
            check(value)
        except InvalidInput as error:  # its message without the domain's field name
            messages = [message for found in error.errors.values() for message in found]
            raise ValidationError(messages or error.detail) from None

    return validator


def a_key() -> fields.String:
    return fields.String(required=True, validate=validate.Regexp(r"^[a-z0-9_]+$"))


def a_name() -> fields.String:
    return fields.String(required=True, validate=validate.Length(min=1))


def a_text() -> fields.String:
    return fields.String(required=True)


def a_choice(vocabulary: tuple[str, ...]) -> fields.String:
    return fields.String(required=True, validate=validate.OneOf(vocabulary))


def a_date() -> fields.Date:
    return fields.Date(required=True)


def a_number() -> fields.Decimal:
    return fields.Decimal(required=True, allow_nan=False)


def an_amount() -> fields.Decimal:
    """An amount of money, hours or a share: a decimal above zero, never a float."""
    return fields.Decimal(
        required=True, allow_nan=False, validate=validate.Range(min=0, min_inclusive=False)
    )


def a_whole(minimum: int = 0) -> fields.Integer:
    return fields.Integer(required=True, strict=True, validate=validate.Range(min=minimum))


def a_unit() -> fields.Tuple:
    """A unit: [organisation key, unit key]."""
    return fields.Tuple((a_key(), a_key()), required=True)


def many(schema: type[Schema] | fields.Field[Any]) -> fields.List[Any]:
    inner = fields.Nested(schema) if isinstance(schema, type) else schema
    return fields.List(inner, load_default=list)


def optional(field: fields.Field[Any]) -> fields.Field[Any]:
    field.required = False
    field.load_default = None
    field.allow_none = True
    return field


def a_period() -> fields.String:
    return fields.String(required=True, validate=domain_check(normalise_period))


def a_currency() -> fields.String:
    return fields.String(required=True, validate=domain_check(require_currency))


# -- organisations.toml ------------------------------------------------------------------------


class Unit(Schema):
    key = a_key()
    name = a_name()
    unit_type = a_choice(v.UNIT_TYPES)


class Rename(Schema):
    name = a_name()
    on = a_date()
    reason = a_text()


class Organisation(Schema):
    key = a_key()
    name = a_name()
    kind = a_choice(v.ORGANISATION_KINDS)
    country = fields.String(required=True, validate=domain_check(require_country))
    units = many(Unit)
    renames = many(Rename)


class OrganisationsFile(Schema):
    organisations = fields.List(fields.Nested(Organisation), required=True)


# -- partnerships/*.toml -----------------------------------------------------------------------


class Member(Schema):
    org = a_key()
    role = a_choice(v.MEMBER_ROLES)
    joined_on = a_date()


class Phase(Schema):
    phase = a_choice(v.PHASES)
    rationale = a_text()
    on = a_date()


class StatusChange(Schema):
    status = a_choice(v.PARTNERSHIP_STATUSES)
    reason = a_text()
    on = a_date()


class Challenge(Schema):
    key = a_key()
    title = a_name()
    description = a_text()
    level = a_choice(v.LEVELS)
    needs_of = fields.List(a_choice(v.NEEDS_OF), required=True, validate=validate.Length(min=1))


class Funding(Schema):
    funder = a_key()
    amount = an_amount()
    currency = a_currency()
    reference = a_text()


class Meeting(Schema):
    key = a_key()
    kind = a_choice(v.MEETING_KINDS)
    held_on = a_date()
    place = a_name()
    attending = many(a_key())
    summary = a_text()


class Clinic(Schema):
    org = a_key()
    unit = a_key()


class Value(Schema):
    period = a_period()
    value = a_number()
    n = a_whole(minimum=1)


class Correction(Schema):
    period = a_period()
    value = a_number()
    reason = a_text()


class Measure(Schema):
    key = a_key()
    name = a_name()
    unit = a_name()
    direction = a_choice(v.DIRECTIONS)
    baseline = a_number()
    target = a_number()
    method = a_text()
    values = many(Value)
    corrections = many(Correction)


class Observation(Schema):
    note = a_text()
    observed_on = a_date()


class Study(Schema):
    result = a_text()
    prediction_held = a_choice(v.PREDICTION_HELD)


class Conclusion(Schema):
    act = a_choice(v.ACTS)
    rationale = a_text()


class Experiment(Schema):
    key = a_key()
    title = a_name()
    change_idea = a_text()
    prediction = a_text()
    site = a_unit()
    measures = many(a_key())
    previous = optional(a_key())
    planned_end_on = a_date()
    started = fields.Boolean(load_default=False, truthy={True}, falsy={False})
    observations = many(Observation)
    study = optional(fields.Nested(Study))
    conclusion = optional(fields.Nested(Conclusion))


class Evidence(Schema):
    kind = a_choice(v.EVIDENCE_KINDS)
    key = a_key()


class Signoff(Schema):
    org = a_key()
    stance = a_choice(v.STANCES)
    comment = a_text()


class Amendment(Schema):
    changes = fields.Dict(
        keys=fields.String(validate=validate.OneOf(v.AMENDABLE_DECISION_FIELDS)),
        required=True,
    )
    reason = a_text()
    after_signoffs = a_whole(minimum=1)  # applied after this many sign-offs; voids them


class Decision(Schema):
    key = a_key()
    title = a_name()
    context = a_text()
    options = fields.List(a_text(), required=True, validate=validate.Length(min=1))
    proposal = a_text()
    rationale = a_text()
    signatories = fields.List(a_key(), required=True, validate=validate.Length(min=1))
    evidence = many(Evidence)
    meeting = optional(a_key())
    signoffs = many(Signoff)
    amendment = optional(fields.Nested(Amendment))
    outcome = a_choice(v.DECISION_STATUSES)  # what the unanimous rule gives after the sign-offs


class Lesson(Schema):
    key = a_key()
    text = a_text()
    source_kind = a_choice(v.LESSON_SOURCES)
    source = optional(a_key())
    level = a_choice(v.LEVELS)
    tags = many(a_name())


class Adoption(Schema):
    unit = a_unit()
    stage = a_choice(v.ADOPTION_STAGES)
    note = a_text()


class ScaleUp(Schema):
    key = a_key()
    practice = a_name()
    origin = a_key()
    target_units = fields.List(a_unit(), required=True, validate=validate.Length(min=1))
    adoptions = many(Adoption)


class Commitment(Schema):
    org = a_key()
    kind = a_choice(v.CONTRIBUTION_KINDS)
    amount = an_amount()
    unit = a_name()
    description = a_text()


class Cost(Schema):
    amount = an_amount()
    description = a_text()


class Benefit(Schema):
    beneficiary = a_choice(v.BENEFICIARIES)
    amount = an_amount()
    description = a_text()


class RiskStatusChange(Schema):
    status = a_choice(v.RISK_STATUSES)
    note = a_text()


class Risk(Schema):
    key = a_key()
    description = a_text()
    owner = a_key()
    likelihood = a_whole(minimum=1)
    impact = a_whole(minimum=1)
    status_changes = many(RiskStatusChange)


class Agreement(Schema):
    key = a_key()
    title = a_name()
    currency = a_currency()
    shares = fields.Dict(keys=a_key(), values=an_amount(), required=True)
    commitments = many(Commitment)
    contributions = many(Commitment)
    costs = many(Cost)
    benefits = many(Benefit)
    risks = many(Risk)


class Partnership(Schema):
    key = a_key()
    title = a_name()
    kind = a_choice(v.PARTNERSHIP_KINDS)
    purpose = a_text()
    goals = many(a_text())
    coordinator = a_key()
    starts_on = a_date()
    ends_on = optional(a_date())
    members = fields.List(fields.Nested(Member), required=True, validate=validate.Length(min=1))
    phases = many(Phase)
    status_changes = many(StatusChange)
    challenges = many(Challenge)
    funding = many(Funding)
    meetings = many(Meeting)
    clinics = many(Clinic)
    measures = many(Measure)
    experiments = many(Experiment)
    decisions = many(Decision)
    lessons = many(Lesson)
    scale_ups = many(ScaleUp)
    agreements = many(Agreement)
