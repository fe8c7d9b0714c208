"""The demo's data files load, and a broken copy fails naming the file, the entry and why."""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Iterator
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from marshmallow import fields
from marshmallow.validate import OneOf

from samverkan.demo import DemoDataInvalid, demo_data, read_demo_data, shapes
from samverkan.domain import vocabulary

SHIPPED = Path(str(resources.files("samverkan.demo")))
LEARNING = "partnerships/000_larande_natverket.toml"
ARENA = "partnerships/001_nara_vard_arena.toml"
ORGS = "organisations.toml"


def broken_copy(folder: Path, file: str, old: str, new: str) -> Path:
    """A copy of the shipped files with the first ``old`` in ``file`` replaced by ``new``."""
    shutil.copy(SHIPPED / ORGS, folder / ORGS)
    shutil.copytree(SHIPPED / "partnerships", folder / "partnerships")
    text = (folder / file).read_text(encoding="utf-8")
    assert old in text, old
    (folder / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_the_shipped_files_hold_the_five_partnerships() -> None:
    data = demo_data()
    assert [p["key"] for p in data.partnerships] == [
        "larande_natverket",
        "nara_vard_arena",
        "forbedringsnettverk_lofoten",
        "testbadd_norrtalje",
        "innovation_i_partnerskap",
    ]
    assert len(data.organisations) == 26
    learning = data.partnerships[0]
    assert learning["funding"][0]["amount"] == Decimal("950000.00")
    assert learning["ends_on"].isoformat() == "2016-08-31"
    assert learning["scale_ups"][0]["target_units"][0] == ("vll", "ortopedi_nus")


def test_an_intact_copy_loads_like_the_shipped_files(tmp_path: Path) -> None:
    copy = broken_copy(tmp_path, LEARNING, 'kind = "learning_network"', 'kind = "learning_network"')
    assert read_demo_data(copy) == demo_data()


BROKEN = [
    # (file, old, new, what the message says besides the file)
    (ORGS, 'kind = "academia"', 'kind = "university"', "organisations[0] ki.kind"),
    (ORGS, 'country = "SE"', 'country = "XX"', "not an ISO 3166-1 country code"),
    (LEARNING, 'kind = "learning_network"', 'kind = "club"', "kind: Must be one of"),
    (LEARNING, 'role = "partner"', 'role = "sponsor"', "members[1].role: Must be one of"),
    (LEARNING, 'phase = "understand"', 'phase = "dream"', "phases[0].phase: Must be one of"),
    (LEARNING, 'level = "macro"', 'level = "mega"', "challenges[0] c_"),
    (LEARNING, 'stance = "approve"', 'stance = "maybe"', "decisions[0] d_arbetsformer.signoffs"),
    (LEARNING, 'act = "adapt"', 'act = "retry"', "experiments[0] e_"),
    (LEARNING, 'prediction_held = "partly"', 'prediction_held = "kinda"', "prediction_held"),
    (LEARNING, 'stage = "adopted"', 'stage = "done"', "scale_ups[0] su_vbv.adoptions[0].stage"),
    (LEARNING, 'currency = "SEK"', 'currency = "kronor"', "funding[0].currency: must be an ISO"),
    (LEARNING, "amount = 950000.00", "amount = -5", "funding[0].amount"),
    (LEARNING, "amount = 950000.00", 'amount = "much"', "funding[0].amount: Not a valid number"),
    (LEARNING, "starts_on = 2015-08-01", 'starts_on = "August"', "starts_on: Not a valid date"),
    (LEARNING, "starts_on = 2015-08-01", "starts_on = 2015-02-30", "Invalid date"),
    (LEARNING, 'outcome = "adopted"', 'outcome = "rejected"', "the sign-offs give adopted"),
    (LEARNING, 'source = "lm_vll_1"', 'source = "lm_nowhere"', "no meeting lm_nowhere"),
    (LEARNING, 'key = "ws1" },', 'key = "ws9" },', "d_arbetsformer: cites meeting ws9, unknown"),
    (LEARNING, 'attending = ["vll"]', 'attending = ["skr"]', "skr is not a member"),
    (LEARNING, 'origin = "e_vbv_2"', 'origin = "e_vbv_9"', "scale_ups[0] su_vbv: origin"),
    (LEARNING, '{ org = "nll", stance = "approve"', '{ org = "vinnova", stance = "approve"',
     "vinnova is not a signatory of the decision"),
    (LEARNING, 'coordinator = "ki"', 'coordinator = "kth"', "coordinator: is not in organisations"),
    (LEARNING, 'title = "Arbetsformer', 'titel = "Arbetsformer', "titel: Unknown field"),
    (LEARNING, 'comment = "Instämmer."', 'comment = "Mejla anna@vll.se."', "an e-mail address"),
    (ARENA, 'key = "nara_vard_arena"', 'key = "larande_natverket"', "key: another file uses"),
    (ARENA, 'period = "2020-10"', 'period = "2020-13"', "period: must be a month"),
]  # fmt: skip


@pytest.mark.parametrize(("file", "old", "new", "says"), BROKEN)
def test_a_broken_file_fails_naming_the_file_and_the_entry(
    tmp_path: Path, file: str, old: str, new: str, says: str
) -> None:
    with pytest.raises(DemoDataInvalid) as failed:
        read_demo_data(broken_copy(tmp_path, file, old, new))
    message = str(failed.value)
    assert message.startswith(f"{file}: ") and says in message, message


def test_an_organisation_in_no_partnership_is_refused(tmp_path: Path) -> None:
    orphan = '[[organisations]]\nkey = "orphan"\nname = "Orphan"\nkind = "other"\ncountry = "SE"\n'
    copy = broken_copy(tmp_path, ORGS, "[[organisations]]", orphan + "\n[[organisations]]")
    with pytest.raises(DemoDataInvalid, match=r"^organisations.toml: orphan: a member of no"):
        read_demo_data(copy)


def one_of(field: fields.Field[Any]) -> Iterator[Any]:
    inner = getattr(field, "inner", None) or getattr(field, "key_field", None)
    if isinstance(inner, fields.Field):
        yield from one_of(inner)
    if isinstance(field, fields.Nested) and isinstance(field.nested, type):
        for nested in field.nested().fields.values():
            yield from one_of(nested)
    yield from (check.choices for check in field.validators if isinstance(check, OneOf))


def test_every_vocabulary_is_the_domains_own() -> None:
    """No list of words is restated: each choice is a tuple of core/domain/vocabulary.py."""
    domain = [value for value in vars(vocabulary).values() if isinstance(value, tuple)]
    top = [shapes.OrganisationsFile(), shapes.Partnership()]
    choices = [c for schema in top for field in schema.fields.values() for c in one_of(field)]
    assert len(choices) >= 20
    assert all(any(c is words for words in domain) for c in choices)


def test_the_data_files_ship_in_the_wheel() -> None:
    """Every file of the demo package matches the package data of pyproject.toml."""
    pyproject = tomllib.loads((SHIPPED.parents[1] / "pyproject.toml").read_text())
    patterns = pyproject["tool"]["setuptools"]["package-data"]["*"]
    data_files = [f for f in SHIPPED.rglob("*") if f.is_file() and f.suffix != ".py"]
    data_files = [f for f in data_files if "__pycache__" not in f.parts]
    assert data_files
    assert all(any(f.match(pattern) for pattern in patterns) for f in data_files)
