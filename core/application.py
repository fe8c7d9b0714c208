"""The one Application: every command and every aggregate read goes through it."""

from __future__ import annotations

from core.commands.accounts import AccountCommands
from core.commands.agreements import AgreementCommands
from core.commands.decisions import DecisionCommands
from core.commands.organisations import OrganisationCommands
from core.commands.partnerships import PartnershipCommands
from core.commands.texts import TextCommands
from core.commands.work import WorkCommands
from core.domain.access import Access
from core.domain.agreement import Agreement
from core.domain.base import Record
from core.domain.decision import Decision
from core.domain.experiment import Experiment
from core.domain.lesson import Lesson
from core.domain.measure import Measure
from core.domain.organisation import Organisation
from core.domain.partnership import Partnership
from core.domain.redaction import Redaction
from core.domain.scaleup import ScaleUp

AGGREGATES: tuple[type[Record], ...] = (
    Organisation,
    Partnership,
    Decision,
    Experiment,
    Measure,
    Lesson,
    ScaleUp,
    Agreement,
    Redaction,
    Access,
)


class Samverkan(
    OrganisationCommands,
    PartnershipCommands,
    DecisionCommands,
    WorkCommands,
    AgreementCommands,
    TextCommands,
    AccountCommands,
):
    """Commands take the Actor first and return what they changed."""

    name = "samverkan"
    snapshotting_intervals = dict.fromkeys(AGGREGATES, 50)
