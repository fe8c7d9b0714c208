"""Errors the service reports to people: each has a stable slug and an HTTP status.

The web layer turns them into problem+json (``type`` is built from ``slug``) or a form
message; the CLI prints ``str(error)`` on one line.
"""

from __future__ import annotations

from typing import ClassVar


class SamverkanError(Exception):
    """Base of every error a person may see."""

    slug: ClassVar[str] = "error"
    status: ClassVar[int] = 400
    title: ClassVar[str] = "Request failed"

    def __init__(self, detail: str, *, errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or {}


class InvalidInput(SamverkanError):
    """A field is missing or holds a value outside its vocabulary or range."""

    slug = "invalid-input"
    status = 422
    title = "Invalid input"

    @classmethod
    def field(cls, name: str, message: str) -> InvalidInput:
        return cls(f"{name}: {message}", errors={name: [message]})


class NotFound(SamverkanError):
    slug = "not-found"
    status = 404
    title = "Not found"


class Hidden(NotFound):
    """A partnership the caller may not see, or a record in it: as if it did not exist. The
    web edge words the detail from what the request named, never from the partnership."""


class RuleViolation(SamverkanError):
    """A domain rule forbids the command (HTTP 409)."""

    slug = "rule-violation"
    status = 409
    title = "Not allowed by the partnership's rules"


class WriteConflict(SamverkanError):
    """Another writer changed the same record first, and retrying did not help."""

    slug = "write-conflict"
    status = 409
    title = "Changed by someone else at the same time"


class StaleVersion(SamverkanError):
    """The client's ``If-Match`` version is not the record's current version."""

    slug = "stale-version"
    status = 412
    title = "The record has changed since you read it"


class StoreNotEmpty(SamverkanError):
    slug = "store-not-empty"
    status = 409
    title = "The store already holds events"


def rule(slug: str, title: str) -> type[RuleViolation]:
    """Make a named RuleViolation subclass with its own stable slug."""
    name = "".join(part.capitalize() for part in slug.split("-"))
    return type(name, (RuleViolation,), {"slug": slug, "title": title})


NotAMember = rule("not-a-member", "The organisation is not a member of the partnership")
AlreadyAMember = rule("already-a-member", "The organisation is already a member")
NotASignatory = rule("not-a-signatory", "The organisation is not a signatory of the decision")
SignatoryNotEligible = rule(
    "signatory-not-eligible", "Only coordinator and partner members can be signatories"
)
DecisionNotOpen = rule("decision-not-open", "The decision is no longer proposed")
DecisionNotAdopted = rule("decision-not-adopted", "Only an adopted decision can be superseded")
SharesInvalid = rule("shares-invalid", "Shares must be positive and sum to exactly 100")
NotAParty = rule("not-a-party", "The organisation is not a party to the agreement")
StageOutOfOrder = rule("stage-out-of-order", "The experiment is not at the stage this needs")
PeriodInvalid = rule("period-invalid", "A period must end on or after it starts")
DuplicatePeriod = rule("duplicate-period", "A value for this period is already recorded")
UnknownPeriod = rule("unknown-period", "No value is recorded for this period")
PartnershipClosed = rule("partnership-closed", "The partnership is completed")
StatusUnchanged = rule("status-unchanged", "The record already has this status")
CoordinatorCannotLeave = rule("coordinator-cannot-leave", "The coordinator cannot leave")
SignatoryCannotLeave = rule(
    "signatory-cannot-leave", "The organisation must sign open decisions before leaving"
)
UnitUnknown = rule("unit-unknown", "The unit does not belong to the organisation")
AlreadyDesignated = rule("already-designated", "The unit is already an innovation clinic")
NotATargetUnit = rule("not-a-target-unit", "The unit is not a target of the scale-up")
ScaleUpEnded = rule("scale-up-ended", "The scale-up is completed or halted")
LessonRetracted = rule("lesson-retracted", "The lesson is already retracted")
RiskUnknown = rule("risk-unknown", "The agreement has no such risk")
RiskClosed = rule("risk-closed", "The risk is closed")
AlreadyRedacted = rule("already-redacted", "The text is already erased")
