"""In Chromium: two organisations sign a decision off, see it adopted, and look back."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tests.e2e.scenario import Person, Scenario, scenario
from tests.e2e.server import api, serving

TITLE = "Öppna en tredje innovationsklinik"


def sign_in(browser: Any, base: str, person: Person, locale: str) -> Any:
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "/")  # not signed in: the sign-in page, which comes back here
    page.fill("#email", person.email)
    page.fill("#password", person.password)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".whoami").count() == 1, page.content()
    return page


def sign_off(page: Any, base: str, run: Scenario, person: Person, decision_id: str) -> str:
    """Approve through the decision page when it exists (a submit button name="stance"
    value="approve"), else through the API as the person's program would."""
    if "ui.decision" in run.app.view_functions:
        with run.app.test_request_context():
            from flask import url_for

            path = url_for(
                "ui.decision", partnership_id=run.partnership_id, decision_id=decision_id
            )
        page.goto(base + path)
        button = page.locator('button[name="stance"][value="approve"]')
        if button.count() == 1:
            button.click()
            page.wait_for_load_state()
            return "page"
    _, _, headers = api(base, "GET", f"/api/v1/decisions/{decision_id}", person.token)
    status, _, _ = api(
        base,
        "POST",
        f"/api/v1/decisions/{decision_id}/signoffs",
        person.token,
        {"stance": "approve", "comment": "Vi står bakom förslaget"},
        headers={"If-Match": headers["ETag"]},
    )
    assert status == 200
    return "api"


def test_two_organisations_adopt_a_decision_and_the_trail_shows_the_past(
    browser: Any, tmp_path: Path, artifacts: Path
) -> None:
    run = scenario(tmp_path)
    pid = run.partnership_id
    try:
        with serving(run.app) as base:
            region = sign_in(browser, base, run.region, "en-GB")
            region.screenshot(path=artifacts / "01-my-partnerships-region.png", full_page=True)

            status, proposed, _ = api(
                base,
                "POST",
                f"/api/v1/partnerships/{pid}/decisions",
                run.region.token,
                {
                    "title": TITLE,
                    "context": "Två kliniker är igång",
                    "options": ["Vänta ett år", "Öppna nu"],
                    "proposal": "Öppna hälsocentralen som innovationsklinik",
                    "rationale": "Erfarenheterna från tandvården",
                    "signatory_ids": [
                        str(run.region.organisation_id),
                        str(run.company.organisation_id),
                    ],
                    "evidence": [],
                },
            )
            assert status == 201 and proposed["status"] == "proposed"
            decision_id = proposed["id"]
            before_sign_offs = datetime.now(UTC)

            company = sign_in(browser, base, run.company, "sv-SE")
            waiting = company.locator(".waiting")
            assert TITLE in waiting.inner_text()  # waits for the company's sign-off
            company.screenshot(path=artifacts / "02-waiting-for-sign-off-sv.png", full_page=True)

            ways = [
                sign_off(company, base, run, run.company, decision_id),
                sign_off(region, base, run, run.region, decision_id),
            ]

            _, decision, _ = api(base, "GET", f"/api/v1/decisions/{decision_id}", run.region.token)
            assert decision["status"] == "adopted"
            region.goto(base + "/")
            assert region.locator(".waiting").count() == 0  # nothing waits any more
            region.goto(f"{base}/partnerships/{pid}/audit")
            titles = region.locator(".trail__title").all_inner_texts()
            assert titles[0] == f"Decision adopted: {TITLE}"
            assert f"Decision signed off: {TITLE}" in titles
            region.screenshot(path=artifacts / "03-audit-trail-adopted.png", full_page=True)

            as_of = quote(before_sign_offs.isoformat())
            region.goto(f"{base}/partnerships/{pid}/audit?as_of={as_of}")
            assert "You are looking at the past." in region.locator(".as-of-banner").inner_text()
            then = region.locator(".trail__title").all_inner_texts()
            assert f"Decision proposed: {TITLE}" in then
            assert not [t for t in then if "signed off" in t or "adopted" in t]
            region.screenshot(
                path=artifacts / "04-audit-trail-before-sign-offs.png", full_page=True
            )

            region.set_viewport_size({"width": 375, "height": 740})  # a phone
            region.goto(f"{base}/partnerships/{pid}")
            width = region.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"the page scrolls sideways on a phone: {width}px"
            region.screenshot(path=artifacts / "05-partnership-phone.png", full_page=True)
            (artifacts / "decision-flow.txt").write_text(f"sign-offs through: {ways}\n")
    finally:
        run.app.extensions["samverkan"].close()
