"""The one Application: every command and every aggregate read goes through it."""

from __future__ import annotations

import os
from typing import Any

from samverkan.application.accounts import AccountCommands
from samverkan.application.agreements import AgreementCommands
from samverkan.application.decisions import DecisionCommands
from samverkan.application.experiments import ExperimentCommands
from samverkan.application.lessons import LessonCommands
from samverkan.application.measures import MeasureCommands
from samverkan.application.organisations import OrganisationCommands
from samverkan.application.partnerships import PartnershipCommands
from samverkan.application.scaleups import ScaleUpCommands
from samverkan.application.texts import TextCommands
from samverkan.domain.registry import AGGREGATES
from samverkan.storage.group_commit import GroupCommit

__all__ = ["AGGREGATES", "Samverkan"]


class Samverkan(
    OrganisationCommands,
    PartnershipCommands,
    DecisionCommands,
    ExperimentCommands,
    MeasureCommands,
    LessonCommands,
    ScaleUpCommands,
    AgreementCommands,
    TextCommands,
    AccountCommands,
):
    """Commands take the Actor first and return what they changed."""

    name = "samverkan"
    snapshotting_intervals = dict.fromkeys(AGGREGATES, 50)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Saves made at the same time by this process's threads share one transaction
        # (core/storage/group_commit.py); SAMVERKAN_GROUP_COMMIT=n writes each save on its own.
        self.group_commit: GroupCommit | None = None
        if os.environ.get("SAMVERKAN_GROUP_COMMIT", "y") != "n":
            self.group_commit = GroupCommit(self.recorder.insert_events)
            self.recorder.insert_events = self.group_commit.insert_events  # type: ignore[method-assign]
