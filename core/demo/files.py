"""Reading the demo's data files, each checked on load.

The files ship in this package: ``organisations.toml`` (every organisation of the demo, with
its units and later names) and ``partnerships/NNN_<key>.toml``, one per partnership, recorded
in the order of their names. A file that does not fit its shape (core/demo/shapes.py: the
domain's vocabularies) or whose references do not resolve (core/demo/references.py) raises
DemoDataInvalid naming the file and the entry.

Conventions of the data
- ``key`` fields are local handles, never stored: organisation keys are unique in
  organisations.toml, unit keys within their organisation, everything else within its
  partnership. A unit is referred to as [organisation key, unit key].
- Texts are in the language of the seed (/work/shared/seeds): Swedish, or Norwegian bokmål for
  Lofoten, with no personal names and no e-mail addresses. Details the seeds do not give are
  invented and marked: names end with " (exempel)", texts say "påhittat" or "oppdiktet".
- Dates are business dates (when a meeting was held, which month a value is for); the demo
  records everything today. Every list is in chronological order.
- ``members`` starts with the coordinator, whom the partnership's start makes a member.
- Experiments: plan, start if ``started``, the observations, then ``study`` and ``conclusion``.
- Decisions: propose, then the sign-offs in order; an ``amendment`` comes after the first
  ``after_signoffs`` sign-offs and voids them. ``outcome`` is what the unanimous rule gives.
- Agreements: shares (percent, summing to exactly 100), commitments, contributions, costs,
  benefits, then each risk (registered open) with its status changes.
- Amounts are decimals (TOML numbers are read as decimals, never floats).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from marshmallow import Schema, ValidationError

from samverkan.demo import references, shapes

Entry = dict[str, Any]
ORGANISATIONS_FILE = "organisations.toml"
PARTNERSHIPS_FOLDER = "partnerships"


class DemoDataInvalid(ValueError):
    """A demo file is unreadable, misshapen or refers to what it does not declare."""


@dataclass(frozen=True)
class DemoData:
    organisations: list[Entry]
    partnerships: list[Entry]


@cache
def demo_data() -> DemoData:
    """The demo data shipped with this package."""
    return read_demo_data(resources.files(__package__))


def read_demo_data(folder: Traversable) -> DemoData:
    """Read and check the organisations and the partnerships in ``folder``."""
    organisations = read(folder / ORGANISATIONS_FILE, ORGANISATIONS_FILE, shapes.OrganisationsFile)
    problems = references.Problems()
    units = references.check_organisations(organisations["organisations"], problems)
    fail(ORGANISATIONS_FILE, problems.found)

    files = sorted(
        (f for f in (folder / PARTNERSHIPS_FOLDER).iterdir() if f.name.endswith(".toml")),
        key=lambda f: f.name,
    )
    partnerships: list[Entry] = []
    used: set[str] = set()
    for file in files:
        label = f"{PARTNERSHIPS_FOLDER}/{file.name}"
        partnership = read(file, label, shapes.Partnership)
        problems = references.Problems()
        earlier = [p["key"] for p in partnerships]
        problems.check(partnership["key"] not in earlier, "key", "another file uses this key")
        used |= references.check_partnership(partnership, units, problems)
        fail(label, problems.found)
        partnerships.append(partnership)
    unused = sorted(set(units) - used)
    fail(ORGANISATIONS_FILE, [f"{key}: a member of no partnership" for key in unused])
    return DemoData(organisations["organisations"], partnerships)


def read(file: Traversable, label: str, schema: type[Schema]) -> Entry:
    try:
        raw = tomllib.loads(file.read_text(encoding="utf-8"), parse_float=Decimal)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise DemoDataInvalid(f"{label}: {error}") from None
    try:
        loaded: Entry = schema().load(raw)
    except ValidationError as error:
        found = [f"{where}: {message}" for where, message in flat(error.messages, raw)]
        raise DemoDataInvalid(f"{label}: " + "; ".join(found)) from None
    mails = [text for text in references.texts(raw) if "@" in text]
    fail(label, [f"an e-mail address in a text: {text[:60]}" for text in mails])
    return loaded


def fail(label: str, problems: list[str]) -> None:
    if problems:
        raise DemoDataInvalid(f"{label}: " + "; ".join(problems))


def flat(messages: Any, raw: Any, where: str = "") -> list[tuple[str, str]]:
    """Marshmallow's nested messages as (entry, message), entries named by index and key."""
    if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return [(where or "file", " ".join(messages))]
    found: list[tuple[str, str]] = []
    for name, inner in messages.items() if isinstance(messages, dict) else enumerate(messages):
        item = raw.get(name) if isinstance(raw, dict) else None
        if isinstance(name, int) and isinstance(raw, list) and name < len(raw):
            item = raw[name]
            key = item.get("key") if isinstance(item, dict) else None
            here = f"{where}[{name}]" + (f" {key}" if isinstance(key, str) else "")
        else:
            here = f"{where}.{name}" if where else str(name)
        found.extend(flat(inner, item, here))
    return found
