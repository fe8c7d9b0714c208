"""samverkan.csv_safe: formulas are neutralised, numbers and plain text are left as they are."""

from __future__ import annotations

import csv
import io

import pytest

from samverkan.csv_safe import safe_cell, to_csv, writer


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+46 70 123", "'+46 70 123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-", "'-"),
        ("-inf", "'-inf"),
        ("-1500.00", "-1500.00"),
        ("+3", "+3"),
        ("-0.5", "-0.5"),
        ("-1e5", "-1e5"),
        ("Region Västerbotten", "Region Västerbotten"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (-42, "-42"),
    ],
)
def test_a_cell(value: object, written: str) -> None:
    assert safe_cell(value) == written


def test_the_writer_and_to_csv_read_back_as_text() -> None:
    out = io.StringIO()
    writer(out).writerow(["=1+1", "-7.25", "ok"])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["'=1+1", "-7.25", "ok"]]
    text = to_csv([["name", "amount"], ["@cmd", "-1"]])
    assert text == "name,amount\r\n'@cmd,-1\r\n"
