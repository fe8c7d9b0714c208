"""`samverkan demo`: the five seed partnerships recorded as real histories.

Every step goes through the same commands a user would run, acted by a demo user of the
organisation that would act. The data come from the package's files (core/demo/files.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from uuid import UUID

from rich.progress import track

from samverkan.demo.files import Entry, demo_data
from samverkan.domain.base import Actor
from samverkan.errors import StoreNotEmpty

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan

OPERATOR = Actor(user_id=UUID(int=0), organisation_id=UUID(int=0))
DEMO_PASSWORD = "samverkan-demo"
DEMO_EMAIL = "{key}@demo.samverkan.example"


@dataclass
class Ids:
    """The ids the store gave to the demo data's keys."""

    organisations: dict[str, UUID] = field(default_factory=dict)
    units: dict[tuple[str, str], UUID] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    records: dict[str, UUID] = field(default_factory=dict)  # per partnership: key -> id

    def unit(self, ref: Iterable[str]) -> UUID:
        organisation, unit = ref
        return self.units[(organisation, unit)]


# A partnership's sections, in the order they are recorded: a reference always points to
# something recorded before it; status changes come last, after everything recorded into it.
APPLY_ORDER = (
    "members",
    "phases",
    "challenges",
    "funding",
    "meetings",
    "clinics",
    "measures",
    "experiments",
    "lessons",
    "decisions",
    "scale_ups",
    "agreements",
    "status_changes",
)


def demo_role(key: str) -> str:
    coordinates = any(p["coordinator"] == key for p in demo_data().partnerships)
    return "coordinator" if coordinates else "member"


def load_demo(app: Samverkan, *, progress: bool = False) -> dict[str, int]:
    """Record the demo into an empty store; refuse any other."""
    if not app.is_empty():
        raise StoreNotEmpty(
            "The store already holds events; the demo writes only into an empty one"
        )
    data = demo_data()
    ids = Ids()
    for organisation in data.organisations:
        record_organisation(app, ids, organisation)
    partnerships = data.partnerships
    steps = track(partnerships, "Recording the demo") if progress else partnerships
    for partnership in steps:
        ids.records = {}
        record_partnership(app, ids, partnership)
    for organisation in data.organisations:
        for rename in organisation["renames"]:
            app.rename_organisation(
                ids.actors[organisation["key"]],
                ids.organisations[organisation["key"]],
                rename["name"],
            )
    return {
        "partnerships": len(partnerships),
        "events": app.recorder.max_notification_id() or 0,
    }


def record_organisation(app: Samverkan, ids: Ids, organisation: Entry) -> None:
    key = organisation["key"]
    registered = app.register_organisation(
        OPERATOR, organisation["name"], organisation["kind"], organisation["country"]
    )
    ids.organisations[key] = registered.id
    user = app.create_user(
        OPERATOR,
        DEMO_EMAIL.format(key=key.replace("_", "-")),
        f"Demo user of {organisation['name']}",
        registered.id,
        demo_role(key),
        DEMO_PASSWORD,
    )
    ids.actors[key] = user.actor
    for unit in organisation["units"]:
        _, unit_id = app.add_unit(user.actor, registered.id, unit["name"], unit["unit_type"])
        ids.units[(key, unit["key"])] = unit_id


def record_partnership(app: Samverkan, ids: Ids, p: Entry) -> None:
    coordinator = ids.actors[p["coordinator"]]
    started = app.start_partnership(
        coordinator,
        p["title"],
        p["kind"],
        p["purpose"],
        p["goals"],
        ids.organisations[p["coordinator"]],
        p["starts_on"],
        p["ends_on"],
    )
    pid = started.id
    steps: dict[str, Callable[[], object]] = {
        "members": lambda: record_members(app, ids, pid, coordinator, p),
        "phases": lambda: [
            app.enter_phase(coordinator, pid, phase["phase"], phase["rationale"])
            for phase in p["phases"]
        ],
        "challenges": lambda: [
            app.define_challenge(
                coordinator, pid, c["title"], c["description"], c["level"], list(c["needs_of"])
            )
            for c in p["challenges"]
        ],
        "funding": lambda: [
            app.award_funding(
                coordinator,
                pid,
                ids.organisations[f["funder"]],
                f["amount"],
                f["currency"],
                f["reference"],
            )
            for f in p["funding"]
        ],
        "meetings": lambda: record_meetings(app, ids, pid, coordinator, p),
        "clinics": lambda: [
            app.designate_clinic(
                coordinator, pid, ids.organisations[c["org"]], ids.unit((c["org"], c["unit"]))
            )
            for c in p["clinics"]
        ],
        "measures": lambda: record_measures(app, ids, pid, coordinator, p),
        "experiments": lambda: record_experiments(app, ids, pid, p),
        "lessons": lambda: record_lessons(app, ids, pid, coordinator, p),
        "decisions": lambda: record_decisions(app, ids, pid, p),
        "scale_ups": lambda: record_scale_ups(app, ids, pid, coordinator, p),
        "agreements": lambda: record_agreements(app, ids, pid, coordinator, p),
        "status_changes": lambda: [
            app.change_status(coordinator, pid, s["status"], s["reason"])
            for s in p["status_changes"]
        ],
    }
    for section in APPLY_ORDER:
        steps[section]()


def record_members(app: Samverkan, ids: Ids, pid: UUID, actor: Actor, p: Entry) -> None:
    for member in p["members"]:
        if member["org"] != p["coordinator"]:  # the start made the coordinator a member
            app.add_member(actor, pid, ids.organisations[member["org"]], member["role"])


def record_meetings(app: Samverkan, ids: Ids, pid: UUID, actor: Actor, p: Entry) -> None:
    for meeting in p["meetings"]:
        _, meeting_id = app.hold_meeting(
            actor,
            pid,
            meeting["kind"],
            meeting["held_on"],
            meeting["place"],
            [ids.organisations[org] for org in meeting["attending"]],
            meeting["summary"],
        )
        ids.records[meeting["key"]] = meeting_id


def record_measures(app: Samverkan, ids: Ids, pid: UUID, actor: Actor, p: Entry) -> None:
    for measure in p["measures"]:
        defined = app.define_measure(
            actor,
            pid,
            measure["name"],
            measure["unit"],
            measure["direction"],
            measure["baseline"],
            measure["target"],
            measure["method"],
        )
        ids.records[measure["key"]] = defined.id
        for value in measure["values"]:
            app.record_value(actor, defined.id, value["period"], value["value"], value["n"])
        for correction in measure["corrections"]:
            app.correct_value(
                actor, defined.id, correction["period"], correction["value"], correction["reason"]
            )


def record_experiments(app: Samverkan, ids: Ids, pid: UUID, p: Entry) -> None:
    for experiment in p["experiments"]:
        site_org, _ = experiment["site"]
        actor = ids.actors[site_org]
        previous = experiment["previous"]
        planned = app.plan_experiment(
            actor,
            pid,
            experiment["title"],
            experiment["change_idea"],
            experiment["prediction"],
            ids.unit(experiment["site"]),
            [ids.records[key] for key in experiment["measures"]],
            ids.records[previous] if previous else None,
            experiment["planned_end_on"],
        )
        ids.records[experiment["key"]] = planned.id
        if experiment["started"]:
            app.start_experiment(actor, planned.id)
        for observation in experiment["observations"]:
            app.record_observation(
                actor, planned.id, observation["note"], observation["observed_on"]
            )
        if experiment["study"]:
            study = experiment["study"]
            app.study_experiment(actor, planned.id, study["result"], study["prediction_held"])
        if experiment["conclusion"]:
            conclusion = experiment["conclusion"]
            app.conclude_experiment(actor, planned.id, conclusion["act"], conclusion["rationale"])


def record_lessons(app: Samverkan, ids: Ids, pid: UUID, actor: Actor, p: Entry) -> None:
    for lesson in p["lessons"]:
        source = lesson["source"]
        recorded = app.record_lesson(
            actor,
            pid,
            lesson["text"],
            lesson["source_kind"],
            ids.records[source] if source else None,
            lesson["level"],
            list(lesson["tags"]),
        )
        ids.records[lesson["key"]] = recorded.id


def record_decisions(app: Samverkan, ids: Ids, pid: UUID, p: Entry) -> None:
    for decision in p["decisions"]:
        proposer = ids.actors[decision["signatories"][0]]
        meeting = decision["meeting"]
        proposed = app.propose_decision(
            proposer,
            pid,
            decision["title"],
            decision["context"],
            list(decision["options"]),
            decision["proposal"],
            decision["rationale"],
            [ids.organisations[org] for org in decision["signatories"]],
            [{"kind": e["kind"], "id": str(ids.records[e["key"]])} for e in decision["evidence"]],
            ids.records[meeting] if meeting else None,
        )
        ids.records[decision["key"]] = proposed.id
        amendment = decision["amendment"]
        for index, signoff in enumerate(decision["signoffs"]):
            if amendment and index == amendment["after_signoffs"]:
                amend(app, proposer, proposed.id, amendment)
            app.sign_off(
                ids.actors[signoff["org"]], proposed.id, signoff["stance"], signoff["comment"]
            )
        if amendment and amendment["after_signoffs"] == len(decision["signoffs"]):
            amend(app, proposer, proposed.id, amendment)


def amend(app: Samverkan, actor: Actor, decision_id: UUID, amendment: Entry) -> None:
    changes: dict[str, Any] = dict(amendment["changes"])
    app.amend_decision(actor, decision_id, changes, amendment["reason"])


def record_scale_ups(app: Samverkan, ids: Ids, pid: UUID, actor: Actor, p: Entry) -> None:
    for scale_up in p["scale_ups"]:
        planned = app.plan_scale_up(
            actor,
            pid,
            scale_up["practice"],
            ids.records[scale_up["origin"]],
            [ids.unit(unit) for unit in scale_up["target_units"]],
        )
        for adoption in scale_up["adoptions"]:
            unit_org, _ = adoption["unit"]
            app.record_adoption(
                ids.actors[unit_org],
                planned.id,
                ids.unit(adoption["unit"]),
                adoption["stage"],
                adoption["note"],
            )


def record_agreements(app: Samverkan, ids: Ids, pid: UUID, actor: Actor, p: Entry) -> None:
    for agreement in p["agreements"]:
        shares = {str(ids.organisations[org]): share for org, share in agreement["shares"].items()}
        agreed = app.make_agreement(actor, pid, agreement["title"], agreement["currency"], shares)
        for c in agreement["commitments"]:
            app.make_commitment(
                ids.actors[c["org"]],
                agreed.id,
                ids.organisations[c["org"]],
                c["kind"],
                c["amount"],
                c["unit"],
                c["description"],
            )
        for c in agreement["contributions"]:
            app.record_contribution(
                ids.actors[c["org"]],
                agreed.id,
                ids.organisations[c["org"]],
                c["kind"],
                c["amount"],
                c["unit"],
                c["description"],
            )
        for cost in agreement["costs"]:
            app.incur_cost(actor, agreed.id, cost["amount"], cost["description"])
        for benefit in agreement["benefits"]:
            app.realise_benefit(
                actor, agreed.id, benefit["beneficiary"], benefit["amount"], benefit["description"]
            )
        for risk in agreement["risks"]:
            owner = ids.organisations[risk["owner"]]
            _, risk_id = app.register_risk(
                actor, agreed.id, risk["description"], owner, risk["likelihood"], risk["impact"]
            )
            for change in risk["status_changes"]:
                app.change_risk_status(actor, agreed.id, risk_id, change["status"], change["note"])
