"""Every problem type the service can answer is documented in docs/api.md."""

import inspect
from pathlib import Path

import samverkan.application.accounts
import samverkan.application.viewer
import samverkan.audit.exchange
import samverkan.audit.keys
import samverkan.errors
import samverkan.web.api.conventions
from samverkan.errors import SamverkanError
from samverkan.web.errors import HTTP_SLUGS, PROBLEM_TYPE

API_DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
MODULES = (
    samverkan.errors,
    samverkan.application.viewer,
    samverkan.audit.exchange,
    samverkan.audit.keys,
    samverkan.application.accounts,
    samverkan.web.api.conventions,
)


def problem_slugs() -> set[str]:
    slugs = set(HTTP_SLUGS.values()) | {"internal-error"}
    for module in MODULES:
        for value in vars(module).values():
            if inspect.isclass(value) and issubclass(value, SamverkanError):
                slugs.add(value.slug)
    return slugs


def test_every_problem_type_is_documented() -> None:
    text = API_DOC.read_text()
    missing = [slug for slug in problem_slugs() if PROBLEM_TYPE.format(slug=slug) not in text]
    assert missing == []
