"""Words people read for the vocabularies' codes, in the page's language.

Templates write ``value|label``; a code without a label shows as it is (and the
translation test will not know about it, so add new codes here).
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

LABELS: dict[str, Any] = {
    # organisation kinds
    "region": _l("Region"),
    "municipality": _l("Municipality"),
    "health_trust": _l("Health trust"),
    "company": _l("Company"),
    "academia": _l("Academia"),
    "civil_society": _l("Civil society"),
    "association": _l("Association"),
    "agency": _l("Agency"),
    "other": _l("Other"),
    # unit types
    "clinic": _l("Clinic"),
    "ward": _l("Ward"),
    "health_centre": _l("Health centre"),
    "team": _l("Team"),
    # partnership kinds
    "learning_network": _l("Learning network"),
    "testbed": _l("Testbed"),
    "lab": _l("Lab"),
    "innovation_partnership": _l("Innovation partnership"),
    "improvement_network": _l("Improvement network"),
    # statuses, stages, results
    "planned": _l("Planned"),
    "active": _l("Active"),
    "paused": _l("Paused"),
    "completed": _l("Completed"),
    "halted": _l("Halted"),
    "retracted": _l("Retracted"),
    "proposed": _l("Proposed"),
    "adopted": _l("Adopted"),
    "rejected": _l("Rejected"),
    "withdrawn": _l("Withdrawn"),
    "superseded": _l("Superseded"),
    "running": _l("Running"),
    "studied": _l("Studied"),
    "concluded": _l("Concluded"),
    "preparing": _l("Preparing"),
    "piloting": _l("Piloting"),
    "sustained": _l("Sustained"),
    "dropped": _l("Dropped"),
    "open": _l("Open"),
    "mitigated": _l("Mitigated"),
    "materialised": _l("Materialised"),
    "closed": _l("Closed"),
    # member roles
    "coordinator": _l("Coordinator"),
    "partner": _l("Partner"),
    "funder": _l("Funder"),
    "observer": _l("Observer"),
    # user roles
    "admin": _l("Administrator"),
    "member": _l("Member"),
    "auditor": _l("Auditor"),
    # phases
    "understand": _l("Understand"),
    "redesign": _l("Redesign"),
    "scale_up": _l("Scale up"),
    # levels and needs
    "micro": _l("Micro"),
    "meso": _l("Meso"),
    "macro": _l("Macro"),
    "patients": _l("Patients"),
    "users": _l("Users"),
    "staff": _l("Staff"),
    "relatives": _l("Relatives"),
    # meetings
    "workshop": _l("Workshop"),
    "network_gathering": _l("Network gathering"),
    "local_meeting": _l("Local meeting"),
    "seminar": _l("Seminar"),
    # decisions
    "approve": _l("Approve"),
    "object": _l("Object"),
    "abstain": _l("Abstain"),
    "experiment": _l("Experiment"),
    "measure": _l("Measure"),
    "lesson": _l("Lesson"),
    "decision": _l("Decision"),
    "meeting": _l("Meeting"),
    # experiments, measures, lessons
    "yes": _l("Yes"),
    "partly": _l("Partly"),
    "no": _l("No"),
    "adopt": _l("Adopt"),
    "adapt": _l("Adapt"),
    "abandon": _l("Abandon"),
    "increase": _l("Increase"),
    "decrease": _l("Decrease"),
    "system_analysis": _l("System analysis"),
    # agreements
    "money": _l("Money"),
    "staff_hours": _l("Staff hours"),
    "in_kind": _l("In kind"),
    "companies": _l("Companies"),
    "residents": _l("Residents"),
}


def label(value: Any) -> str:
    if value is None:
        return "—"
    found = LABELS.get(str(value))
    return str(found) if found is not None else str(value)


def options(values: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    """(code, label) pairs for a select or checkboxes."""
    return [(value, label(value)) for value in values]
