"""axe-core (bundled by axe-playwright-python) finds no serious or critical violation on the
main pages, in Swedish and in English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.scenario import scenario
from tests.e2e.server import api, serving

SEVERE = {"serious", "critical"}


def severe_violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in results.response["violations"]
        if v.get("impact") in SEVERE
    ]


@pytest.mark.parametrize("locale", ["sv-SE", "en-GB"])
def test_main_pages_have_no_serious_accessibility_violations(
    browser: Any, tmp_path: Path, artifacts: Path, locale: str
) -> None:
    run = scenario(tmp_path)
    pid = run.partnership_id
    try:
        with serving(run.app) as base:
            _, proposed, _ = api(
                base,
                "POST",
                f"/api/v1/partnerships/{pid}/decisions",
                run.region.token,
                {
                    "title": "Öppna en tredje innovationsklinik",
                    "context": "Två kliniker",
                    "options": ["Vänta", "Öppna nu"],
                    "proposal": "Öppna",
                    "rationale": "Därför",
                    "signatory_ids": [str(run.company.organisation_id)],
                    "evidence": [],
                },
            )
            context = browser.new_context(locale=locale)
            page = context.new_page()
            found: dict[str, list[str]] = {}
            page.goto(base + "/sign-in")
            found["sign in"] = severe_violations(page)
            page.fill("#email", run.company.email)
            page.fill("#password", run.company.password)
            page.locator("form.form button[type=submit]").click()
            page.wait_for_load_state()
            pages = {
                "my partnerships": "/",
                "partnership": f"/partnerships/{pid}",
                "partnership as of": f"/partnerships/{pid}?as_of=2030-01-01",
                "audit trail": f"/partnerships/{pid}/audit",
                "form with errors": None,
            }
            if "ui.decision" in run.app.view_functions:
                pages["decision"] = f"/partnerships/{pid}/decisions/{proposed['id']}"
            for name, path in pages.items():
                if path is None:
                    continue
                page.goto(base + path)
                found[name] = severe_violations(page)
            # a form showing errors beside its fields (the coordinator's)
            coordinator = browser.new_context(locale=locale).new_page()
            coordinator.goto(base + "/sign-in")
            coordinator.fill("#email", run.region.email)
            coordinator.fill("#password", run.region.password)
            coordinator.locator("form.form button[type=submit]").click()
            coordinator.wait_for_load_state()
            coordinator.goto(f"{base}/partnerships/{pid}/funding/new")
            coordinator.locator("form.form button[type=submit]").click()
            coordinator.wait_for_load_state()
            assert coordinator.locator(".error-summary").count() == 1
            found["form with errors"] = severe_violations(coordinator)
            coordinator.screenshot(path=artifacts / f"06-form-errors-{locale}.png", full_page=True)
            problems = {name: issues for name, issues in found.items() if issues}
            assert not problems, problems
    finally:
        run.app.extensions["samverkan"].close()


def test_the_check_finds_a_page_that_fails(browser: Any) -> None:
    """The check above can fail: an unlabelled field and an image without text are caught."""
    page = browser.new_page()
    page.set_content(
        '<!doctype html><html lang="en"><head><title>Bad</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">'
        '<p style="color:#bbb;background:#fff">low contrast</p></main></body></html>'
    )
    found = " ".join(severe_violations(page))
    assert "image-alt" in found and "label" in found and "color-contrast" in found
    page.close()
