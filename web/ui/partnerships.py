"""My partnerships and the partnership page."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from flask import render_template, request
from flask_babel import get_locale
from markupsafe import Markup

from samverkan.application.viewer import Viewer
from samverkan.domain.base import TextRef
from samverkan.domain.decision import Decision
from samverkan.domain.experiment import Experiment
from samverkan.domain.partnership import Partnership
from samverkan.readmodels.current_state import load_many
from samverkan.readmodels.event_index import partnership_events
from samverkan.readmodels.memberships import periods
from samverkan.readmodels.records_index import partnership_rows, records
from samverkan.web.auth import service
from samverkan.web.ui.blueprint import bp
from samverkan.web.ui.context import PartnershipPage, load_page, page_user, signed_in_page, viewing
from samverkan.web.ui.fragments import remembered, shown_texts
from samverkan.web.ui.pages import organisation_names


def waiting_for(
    organisation_id: UUID, partnership_ids: list[str]
) -> dict[str, dict[str, list[Any]]]:
    """Per partnership: decisions awaiting this organisation's sign-off, experiments past end."""
    if not partnership_ids:
        return {}
    with service().sql.connect() as connection:
        rows = connection.execute(
            sa.select(records.c.id, records.c.kind).where(
                records.c.partnership_id.in_(partnership_ids),
                sa.or_(
                    sa.and_(records.c.kind == "decision", records.c.status == "proposed"),
                    sa.and_(
                        records.c.kind == "experiment",
                        sa.or_(
                            records.c.status.is_(None), records.c.status.in_(("planned", "running"))
                        ),
                    ),
                ),
            )
        ).all()
    decision_ids = [UUID(row.id) for row in rows if row.kind == "decision"]
    experiment_ids = [UUID(row.id) for row in rows if row.kind == "experiment"]
    found: dict[str, dict[str, list[Any]]] = {}
    for decision in load_many(service().sql, Decision, decision_ids):
        if (
            decision.status == "proposed"
            and organisation_id in decision.signatory_ids
            and str(organisation_id) not in decision.stances
        ):
            found.setdefault(str(decision.partnership_id), {"decisions": [], "experiments": []})[
                "decisions"
            ].append(decision)
    today = datetime.now(UTC).date()
    for experiment in load_many(service().sql, Experiment, experiment_ids):
        end: date | None = experiment.planned_end_on
        if experiment.stage in ("planned", "running") and end is not None and end < today:
            found.setdefault(str(experiment.partnership_id), {"decisions": [], "experiments": []})[
                "experiments"
            ].append(experiment)
    return found


@bp.get("/")
@signed_in_page
def home() -> Any:
    user = page_user()
    access = Viewer.of(service().sql, user)
    visible = access.visible_partnerships()
    rows = [
        row
        for row in partnership_rows(service().sql)
        if visible is None or UUID(row["id"]) in visible
    ]
    names = organisation_names([org for row in rows for org in row["members"]])
    waits = waiting_for(user.organisation_id, [row["id"] for row in rows])
    for row in rows:
        row["waiting"] = waits.get(row["id"], {"decisions": [], "experiments": []})
        membership = access.memberships.get(UUID(row["id"]))
        row["former"] = membership is not None and not membership.current
    return render_template("home.html", rows=rows, names=names)


def phase_timeline(
    partnership_id: UUID, as_of: datetime | None, purpose: TextRef
) -> tuple[list[dict[str, Any]], str | None]:
    """The phases entered, when, by whom and why: from the events index, texts in one query
    (the purpose's too, which comes second)."""
    entered = partnership_events(
        service().sql, partnership_id, until=as_of, types=["partnership.phase_entered"]
    )
    texts = shown_texts([purpose.id, *(UUID(e.data["rationale"]["text_id"]) for e in entered)])
    timeline = [
        {
            "phase": event.data["phase"],
            "at": event.at,
            "actor": event.actor,
            "rationale": texts.get(UUID(event.data["rationale"]["text_id"])),
        }
        for event in entered
    ]
    return timeline, texts.get(purpose.id)


def member_periods(partnership_id: UUID, as_of: datetime | None) -> list[dict[str, Any]]:
    """Members and their roles over time, from the membership read model."""
    query = sa.select(periods).where(periods.c.partnership_id == str(partnership_id))
    with service().sql.connect() as connection:
        rows = [row._asdict() for row in connection.execute(query.order_by(periods.c.joined_at))]
    shown = []
    for row in rows:
        joined = _aware(row["joined_at"])
        left = _aware(row["left_at"]) if row["left_at"] is not None else None
        if as_of is not None and joined > as_of:
            continue
        if as_of is not None and left is not None and left > as_of:
            left = None
        shown.append({**row, "joined_at": joined, "left_at": left})
    return shown


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@bp.get("/partnerships/<uuid:partnership_id>")
@signed_in_page
def partnership(partnership_id: UUID) -> Any:
    seen = viewing(partnership_id)
    if request.args or seen.as_of is not None:  # the past, or odd links: rendered each time
        page = load_page(partnership_id, seen)
        return render_template("partnership.html", **page.template_vars(), body=body_of(page))
    key = ("partnership", partnership_id, str(get_locale()), seen.level(partnership_id))
    kept = remembered(key, lambda: overview(load_page(partnership_id, seen)))
    found, nav, body = kept
    page = PartnershipPage(seen.user, seen.access, found, None)
    return render_template("partnership.html", **page.template_vars(), nav=nav, body=body)


def overview(page: PartnershipPage) -> tuple[Partnership, Markup, Markup]:
    """What every viewer with the same access sees alike on the present page: the
    partnership, its bar and its body."""
    nav = Markup(render_template("partnership_nav.html", **page.template_vars()))
    return page.partnership, nav, body_of(page)


def body_of(page: PartnershipPage) -> Markup:
    """The partnership, its phases, members, meetings, funding and the plugins' panels."""
    p = page.partnership
    members = member_periods(p.id, page.as_of)
    org_ids = {str(m["organisation_id"]) for m in members}
    org_ids |= {str(f["funder_id"]) for f in p.funding} | set(p.members) | {str(p.coordinator_id)}
    timeline, purpose = phase_timeline(p.id, page.as_of, p.purpose)
    body = render_template(
        "partnership_body.html",
        **page.template_vars(),
        purpose=purpose,
        timeline=timeline,
        members=members,
        names=organisation_names(sorted(org_ids)),
        meetings=sorted(p.meetings.items(), key=lambda item: item[1]["held_on"], reverse=True),
    )
    return Markup(body)
