"""The one Application: every command and every aggregate read goes through it."""

from __future__ import annotations

from core.commands.accounts import AccountCommands
from core.commands.agreements import AgreementCommands
from core.commands.decisions import DecisionCommands
from core.commands.organisations import OrganisationCommands
from core.commands.partnerships import PartnershipCommands
from core.commands.texts import TextCommands
from core.commands.work import WorkCommands
from core.domain.registry import AGGREGATES

__all__ = ["AGGREGATES", "Samverkan"]


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
