"""What the audit trail calls events and fields, in the page's language."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

EVENTS: dict[str, Any] = {
    "agreement.agreed": _l("Agreement made"),
    "agreement.benefit_realised": _l("Benefit realised"),
    "agreement.commitment_made": _l("Commitment made"),
    "agreement.contribution_recorded": _l("Contribution recorded"),
    "agreement.cost_incurred": _l("Cost incurred"),
    "agreement.risk_registered": _l("Risk registered"),
    "agreement.risk_status_changed": _l("Risk status changed"),
    "decision.adopted": _l("Decision adopted"),
    "decision.amended": _l("Decision amended"),
    "decision.proposed": _l("Decision proposed"),
    "decision.rejected": _l("Decision rejected"),
    "decision.signed_off": _l("Decision signed off"),
    "decision.superseded": _l("Decision superseded"),
    "decision.withdrawn": _l("Decision withdrawn"),
    "experiment.concluded": _l("Experiment concluded"),
    "experiment.observation_recorded": _l("Observation recorded"),
    "experiment.planned": _l("Experiment planned"),
    "experiment.started": _l("Experiment started"),
    "experiment.studied": _l("Experiment studied"),
    "lesson.recorded": _l("Lesson recorded"),
    "lesson.retracted": _l("Lesson retracted"),
    "measure.defined": _l("Measure defined"),
    "measure.value_corrected": _l("Value corrected"),
    "measure.value_recorded": _l("Value recorded"),
    "organisation.registered": _l("Organisation registered"),
    "organisation.renamed": _l("Organisation renamed"),
    "organisation.unit_added": _l("Unit added"),
    "partnership.challenge_defined": _l("Challenge defined"),
    "partnership.clinic_designated": _l("Innovation clinic designated"),
    "partnership.closed": _l("Partnership completed"),
    "partnership.funding_awarded": _l("Funding awarded"),
    "partnership.meeting_held": _l("Meeting held"),
    "partnership.member_joined": _l("Member joined"),
    "partnership.member_left": _l("Member left"),
    "partnership.phase_entered": _l("Phase entered"),
    "partnership.started": _l("Partnership started"),
    "partnership.status_changed": _l("Status changed"),
    "scale_up.adoption_recorded": _l("Adoption recorded"),
    "scale_up.completed": _l("Scale-up completed"),
    "scale_up.halted": _l("Scale-up halted"),
    "scale_up.planned": _l("Scale-up planned"),
    "text.redacted": _l("Text erased"),
    "user.details_corrected": _l("User details corrected"),
    "user.enrolled": _l("User enrolled"),
    "user.erased": _l("User erased"),
    "user.role_granted": _l("Role granted"),
    "user.role_revoked": _l("Role revoked"),
    "user.token_issued": _l("API token issued"),
    "user.token_revoked": _l("API token revoked"),
}

FIELDS: dict[str, Any] = {
    "act": _l("Act"),
    "baseline": _l("Baseline"),
    "challenges": _l("Challenges"),
    "clinics": _l("Innovation clinics"),
    "context": _l("Context"),
    "coordinator_id": _l("Coordinator"),
    "country": _l("Country"),
    "currency": _l("Currency"),
    "direction": _l("Direction"),
    "ends_on": _l("Ends on"),
    "evidence": _l("Evidence"),
    "fields": _l("Fields"),
    "former_members": _l("Former member"),
    "funding": _l("Funding"),
    "goals": _l("Goals"),
    "kind": _l("Kind"),
    "level": _l("Level"),
    "measure_ids": _l("Measures"),
    "meeting_id": _l("Meeting"),
    "meetings": _l("Meeting"),
    "members": _l("Member"),
    "name": _l("Name"),
    "observations": _l("Observations"),
    "options": _l("Options"),
    "organisation_id": _l("Organisation"),
    "origin_id": _l("Origin"),
    "partnership_id": _l("Partnership"),
    "phase": _l("Phase"),
    "planned_end_on": _l("Planned end"),
    "practice": _l("Practice"),
    "prediction_held": _l("Prediction held"),
    "previous_id": _l("Previous cycle"),
    "proposal": _l("Proposal"),
    "purpose": _l("Purpose"),
    "rationale": _l("Rationale"),
    "reason": _l("Reason"),
    "retracted": _l("Retracted"),
    "risks": _l("Risks"),
    "role": _l("Role"),
    "shares": _l("Shares"),
    "signatory_ids": _l("Signatories"),
    "site_organisation_id": _l("Site organisation"),
    "site_unit_id": _l("Site unit"),
    "source_id": _l("Source"),
    "source_kind": _l("Source kind"),
    "stage": _l("Stage"),
    "stages": _l("Stage"),
    "stances": _l("Stance"),
    "starts_on": _l("Starts on"),
    "status": _l("Status"),
    "superseded_by": _l("Superseded by"),
    "tags": _l("Tags"),
    "target": _l("Target"),
    "target_unit_ids": _l("Target units"),
    "text": _l("Text"),
    "text_id": _l("Text"),
    "title": _l("Title"),
    "token_id": _l("API token"),
    "unit": _l("Unit"),
    "units": _l("Units"),
    "values": _l("Values"),
}


def event_label(topic: str) -> str:
    found = EVENTS.get(topic)
    return str(found) if found is not None else topic


def field_label(name: str, names: dict[str, str]) -> str:
    """``stances.<organisation id>`` reads as "Stance — <organisation name>"."""
    head, _sep, rest = name.partition(".")
    found = FIELDS.get(head)
    label = str(found) if found is not None else head
    if rest:
        return f"{label} — {names.get(rest, rest)}"
    return label
