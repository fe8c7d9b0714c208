"""The demo: five seed partnerships, kept as data files and recorded as real histories."""

from samverkan.demo.files import DemoData, DemoDataInvalid, demo_data, read_demo_data
from samverkan.demo.recording import (
    APPLY_ORDER,
    DEMO_EMAIL,
    DEMO_PASSWORD,
    OPERATOR,
    Ids,
    demo_role,
    load_demo,
    record_organisation,
    record_partnership,
)

__all__ = [
    "APPLY_ORDER",
    "DEMO_EMAIL",
    "DEMO_PASSWORD",
    "OPERATOR",
    "DemoData",
    "DemoDataInvalid",
    "Ids",
    "demo_data",
    "demo_role",
    "load_demo",
    "read_demo_data",
    "record_organisation",
    "record_partnership",
]
