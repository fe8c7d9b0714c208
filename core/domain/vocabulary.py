"""The closed vocabularies of the domain, as API.md names them."""

ORGANISATION_KINDS = (
    "region",
    "municipality",
    "health_trust",
    "company",
    "academia",
    "civil_society",
    "association",
    "agency",
    "other",
)
UNIT_TYPES = ("clinic", "ward", "health_centre", "team", "other")

PARTNERSHIP_KINDS = (
    "learning_network",
    "testbed",
    "lab",
    "innovation_partnership",
    "improvement_network",
    "other",
)
PARTNERSHIP_STATUSES = ("planned", "active", "paused", "completed")
MEMBER_ROLES = ("coordinator", "partner", "funder", "observer")
SIGNING_ROLES = ("coordinator", "partner")
PHASES = ("understand", "redesign", "scale_up")
LEVELS = ("micro", "meso", "macro")
NEEDS_OF = ("patients", "users", "staff", "relatives")
MEETING_KINDS = ("workshop", "network_gathering", "local_meeting", "seminar", "other")

DECISION_STATUSES = ("proposed", "adopted", "rejected", "withdrawn", "superseded")
STANCES = ("approve", "object", "abstain")
EVIDENCE_KINDS = ("experiment", "measure", "lesson", "decision", "meeting")
AMENDABLE_DECISION_FIELDS = (
    "title",
    "context",
    "options",
    "proposal",
    "rationale",
    "signatory_ids",
    "evidence",
)

EXPERIMENT_STAGES = ("planned", "running", "studied", "concluded")
PREDICTION_HELD = ("yes", "partly", "no")
ACTS = ("adopt", "adapt", "abandon")

DIRECTIONS = ("increase", "decrease")

LESSON_SOURCES = ("experiment", "system_analysis", "meeting", "decision")

ADOPTION_STAGES = ("planned", "preparing", "piloting", "adopted", "sustained", "dropped")

CONTRIBUTION_KINDS = ("money", "staff_hours", "in_kind")
BENEFICIARIES = ("region", "companies", "residents")
RISK_STATUSES = ("open", "mitigated", "materialised", "closed")
