"""What a schema cannot see: the references between entries, dates and the decision rule.

Each check adds a problem naming its entry (``decisions[2] d_samtycke: ...``); the loader
reports them with the file's name. A reference points only to something recorded before it
(see APPLY_ORDER): lessons cite experiments and meetings, decisions cite earlier decisions.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from samverkan.domain.decision import outcome
from samverkan.domain.measure import normalise_period
from samverkan.domain.vocabulary import SIGNING_ROLES

Entry = dict[str, Any]


class Problems:
    def __init__(self) -> None:
        self.found: list[str] = []

    def check(self, holds: object, where: str, message: str) -> None:
        if not holds:
            self.found.append(f"{where}: {message}")


def entries(p: Entry, section: str) -> Iterable[tuple[str, Entry]]:
    """The entries of a section, each with how messages name it."""
    for index, entry in enumerate(p[section]):
        label = f"{section}[{index}]"
        yield (f"{label} {entry['key']}" if "key" in entry else label), entry


def unique_keys(p: Entry, section: str, problems: Problems) -> set[str]:
    seen: set[str] = set()
    for where, entry in entries(p, section):
        problems.check(entry["key"] not in seen, where, "the key is used twice")
        seen.add(entry["key"])
    return seen


def check_organisations(organisations: list[Entry], problems: Problems) -> dict[str, set[str]]:
    """The organisations by key, each with its unit keys."""
    units: dict[str, set[str]] = {}
    for index, org in enumerate(organisations):
        where = f"organisations[{index}] {org['key']}"
        problems.check(org["key"] not in units, where, "the key is used twice")
        keys = [unit["key"] for unit in org["units"]]
        problems.check(len(keys) == len(set(keys)), where, "a unit key is used twice")
        units[org["key"]] = set(keys)
    return units


def check_partnership(p: Entry, units: dict[str, set[str]], problems: Problems) -> set[str]:
    """Check one partnership; return the organisations it uses."""
    starts, ends = p["starts_on"], p["ends_on"]

    def in_period(day: date) -> bool:
        return starts <= day and (ends is None or day <= ends)

    problems.check(ends is None or starts <= ends, "ends_on", "is before starts_on")
    problems.check(p["coordinator"] in units, "coordinator", "is not in organisations.toml")
    first = p["members"][0]
    problems.check(
        first["org"] == p["coordinator"] and first["role"] == "coordinator",
        "members[0]",
        "must be the coordinator, with the role coordinator",
    )
    joined: dict[str, date] = {}
    signers: set[str] = set()
    for where, entry in entries(p, "members"):
        org = entry["org"]
        problems.check(org in units, where, f"{org} is not in organisations.toml")
        problems.check(org not in joined, where, f"{org} is a member twice")
        problems.check(in_period(entry["joined_on"]), where, "joins outside the period")
        problems.check(
            entry["role"] != "coordinator" or org == p["coordinator"], where, "a 2nd coordinator"
        )
        joined[org] = entry["joined_on"]
        if entry["role"] in SIGNING_ROLES:
            signers.add(org)

    def member(where: str, org: str) -> None:
        problems.check(org in joined, where, f"{org} is not a member of the partnership")

    def unit(where: str, ref: tuple[str, str]) -> None:
        member(where, ref[0])
        problems.check(ref[1] in units.get(ref[0], ()), where, f"no unit {ref[1]} in {ref[0]}")

    for section in ("phases", "status_changes"):
        days = [entry["on"] for entry in p[section]]
        problems.check(days == sorted(days), section, "not in chronological order")
        for where, entry in entries(p, section):
            problems.check(in_period(entry["on"]), where, "dated outside the period")
    for where, funding in entries(p, "funding"):
        member(where, funding["funder"])
    unique_keys(p, "challenges", problems)

    meetings = unique_keys(p, "meetings", problems)
    held = [meeting["held_on"] for meeting in p["meetings"]]
    problems.check(held == sorted(held), "meetings", "not in chronological order")
    for where, meeting in entries(p, "meetings"):
        problems.check(in_period(meeting["held_on"]), where, "held outside the period")
        for org in meeting["attending"]:
            member(where, org)
            problems.check(
                joined.get(org, meeting["held_on"]) <= meeting["held_on"],
                where,
                f"{org} attends before it joined",
            )
    for where, clinic in entries(p, "clinics"):
        unit(where, (clinic["org"], clinic["unit"]))

    measures = unique_keys(p, "measures", problems)
    for where, measure in entries(p, "measures"):
        periods = [normalise_period(value["period"]) for value in measure["values"]]
        problems.check(periods == sorted(set(periods)), where, "periods repeat or are unordered")
        for fix in measure["corrections"]:
            problems.check(
                fix["period"] in periods, where, f"corrects {fix['period']}, which has no value"
            )

    experiments = check_experiments(p, measures, unit, in_period, problems)
    lessons = check_lessons(p, experiments, meetings, problems)
    known = {"experiment": experiments, "measure": measures, "lesson": lessons, "meeting": meetings}
    check_decisions(p, known, signers, problems)

    for where, scale_up in entries(p, "scale_ups"):
        problems.check(scale_up["origin"] in experiments, where, "origin is no experiment")
        for ref in scale_up["target_units"]:
            unit(where, ref)
        for adoption in scale_up["adoptions"]:
            problems.check(
                adoption["unit"] in scale_up["target_units"],
                where,
                f"adoption in {list(adoption['unit'])}, which is no target unit",
            )
    for where, agreement in entries(p, "agreements"):
        check_agreement(where, agreement, member, problems)
    return set(joined)


def check_experiments(
    p: Entry, measures: set[str], unit: Any, in_period: Any, problems: Problems
) -> set[str]:
    experiments: set[str] = set()
    for where, e in entries(p, "experiments"):
        problems.check(e["key"] not in experiments, where, "the key is used twice")
        unit(where, e["site"])
        for measure in e["measures"]:
            problems.check(measure in measures, where, f"no measure {measure}")
        previous = e["previous"]
        problems.check(
            previous is None or previous in experiments, where, f"no earlier experiment {previous}"
        )
        observed = [o["observed_on"] for o in e["observations"]]
        problems.check(observed == sorted(observed), where, "observations not in order")
        problems.check(all(in_period(d) for d in observed), where, "observed outside the period")
        problems.check(e["started"] or not (e["observations"] or e["study"]), where, "not started")
        problems.check(e["study"] or not e["conclusion"], where, "concluded without a study")
        experiments.add(e["key"])
    return experiments


def check_lessons(
    p: Entry, experiments: set[str], meetings: set[str], problems: Problems
) -> set[str]:
    lessons: set[str] = set()
    for where, lesson in entries(p, "lessons"):
        problems.check(lesson["key"] not in lessons, where, "the key is used twice")
        kind, source = lesson["source_kind"], lesson["source"]
        if kind == "system_analysis":
            problems.check(source is None, where, "a system analysis has no source")
        elif kind == "decision":
            problems.check(False, where, "cites a decision, which is recorded after lessons")
        else:
            pool = experiments if kind == "experiment" else meetings
            problems.check(source in pool, where, f"no {kind} {source}")
        lessons.add(lesson["key"])
    return lessons


def check_decisions(
    p: Entry, known: dict[str, set[str]], signers: set[str], problems: Problems
) -> None:
    decisions: set[str] = set()
    for where, d in entries(p, "decisions"):
        problems.check(d["key"] not in decisions, where, "the key is used twice")
        signatories = d["signatories"]
        problems.check(len(set(signatories)) == len(signatories), where, "a signatory twice")
        for org in signatories:
            problems.check(org in signers, where, f"{org} is no coordinator or partner member")
        for evidence in d["evidence"]:
            pool = decisions if evidence["kind"] == "decision" else known[evidence["kind"]]
            problems.check(
                evidence["key"] in pool,
                where,
                f"cites {evidence['kind']} {evidence['key']}, unknown or recorded later",
            )
        meeting = d["meeting"]
        problems.check(meeting is None or meeting in known["meeting"], where, f"no {meeting}")
        amendment = d["amendment"]
        cut = amendment["after_signoffs"] if amendment else -1
        problems.check(cut <= len(d["signoffs"]), where, "amended after more sign-offs than it has")
        ids = {org: UUID(int=index + 1) for index, org in enumerate(signatories)}
        stances: dict[str, str] = {}  # the domain's rule counts stances by organisation id
        status: str | None = None
        for index, signoff in enumerate(d["signoffs"]):
            here = f"{where}.signoffs[{index}]"
            if index == cut:  # the amendment voids the sign-offs before it
                problems.check(status is None, here, "the decision is amended after it closed")
                stances = {}
            problems.check(status is None, here, "signs after the decision closed")
            org = signoff["org"]
            problems.check(org in signatories, here, f"{org} is not a signatory of the decision")
            if org in ids:
                stances[str(ids[org])] = signoff["stance"]
            status = outcome(list(ids.values()), stances)
        if cut == len(d["signoffs"]):
            problems.check(status is None, where, "the decision is amended after it closed")
        expected = status or "proposed"
        problems.check(
            d["outcome"] == expected, where, f"the sign-offs give {expected}, not {d['outcome']}"
        )
        decisions.add(d["key"])


def check_agreement(where: str, a: Entry, member: Any, problems: Problems) -> None:
    shares = a["shares"]
    for org in shares:
        member(where, org)
    total = sum(shares.values(), Decimal(0))
    problems.check(total == 100, where, f"the shares sum to {total}, not 100")
    for given in a["commitments"] + a["contributions"]:
        problems.check(given["org"] in shares, where, f"{given['org']} holds no share")
    risks: set[str] = set()
    for risk in a["risks"]:
        problems.check(risk["key"] not in risks, where, f"risk {risk['key']} twice")
        problems.check(risk["owner"] in shares, where, f"{risk['owner']} holds no share")
        risks.add(risk["key"])


def texts(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from texts(item)
