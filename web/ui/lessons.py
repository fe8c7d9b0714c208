"""Lessons: what was learnt, by level of the system and by source, each linked to the
experiment, decision or meeting it came from (and those pages link back)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from samverkan.domain.decision import Decision
from samverkan.domain.experiment import Experiment
from samverkan.domain.lesson import Lesson
from samverkan.domain.vocabulary import LESSON_SOURCES, LEVELS
from samverkan.errors import InvalidInput
from samverkan.web.auth import service
from samverkan.web.ui.blueprint import bp
from samverkan.web.ui.context import PartnershipPage, partnership_page, signed_in_page
from samverkan.web.ui.forms import Field
from samverkan.web.ui.labels import label, options
from samverkan.web.ui.work import contribute_form, record_of, records_of


@bp.get("/partnerships/<uuid:partnership_id>/lessons")
@signed_in_page
def lessons(partnership_id: UUID) -> Any:
    page = partnership_page(partnership_id)
    found = records_of(Lesson, page)
    texts = service().texts.get_many([lesson.text.id for lesson in found])
    grouped = {
        level: {
            source: [x for x in found if x.level == level and x.source_kind == source]
            for source in LESSON_SOURCES
        }
        for level in LEVELS
    }
    return render_template(
        "lessons.html",
        **page.template_vars(),
        grouped=grouped,
        count=len(found),
        texts=texts,
        sources=source_titles(page),
    )


def source_titles(page: PartnershipPage) -> dict[str, str]:
    """What a lesson's source id reads as: an experiment's or decision's title, a meeting."""
    found = {str(e.id): e.title for e in records_of(Experiment, page)}
    found |= {str(d.id): d.title for d in records_of(Decision, page)}
    for meeting_id, meeting in page.partnership.meetings.items():
        found[meeting_id] = f"{label(meeting['kind'])}, {meeting['held_on']}, {meeting['place']}"
    return found


@bp.route("/partnerships/<uuid:partnership_id>/lessons/new", methods=["GET", "POST"])
@signed_in_page
def record_lesson(partnership_id: UUID) -> Any:
    def fields(page: PartnershipPage) -> list[Field]:
        def sources() -> list[tuple[str, str]]:
            titles = source_titles(page)
            kinds = {str(e.id): "experiment" for e in records_of(Experiment, page)}
            kinds |= {str(d.id): "decision" for d in records_of(Decision, page)}
            kinds |= {m: "meeting" for m in page.partnership.meetings}
            return [(i, f"{label(kinds[i])}: {titles[i]}") for i in kinds]

        return [
            Field("text", _l("What was learnt"), "textarea"),
            Field("level", _l("Level"), "select", options=lambda: options(LEVELS)),
            Field(
                "source_kind",
                _l("Learnt from"),
                "select",
                options=lambda: options(LESSON_SOURCES),
            ),
            Field(
                "source_id",
                _l("Which one"),
                "select",
                required=False,
                options=sources,
                hint=_l("The experiment, decision or meeting; leave empty for a system analysis."),
            ),
            Field("tags", _l("Tags"), required=False, hint=_l("Words separated by commas.")),
        ]

    def save(page: PartnershipPage, v: dict[str, Any]) -> str:
        source_id = UUID(v["source_id"]) if v["source_id"] else None
        kinds = {str(e.id): "experiment" for e in records_of(Experiment, page)}
        kinds |= {str(d.id): "decision" for d in records_of(Decision, page)}
        kinds |= {m: "meeting" for m in page.partnership.meetings}
        if source_id is not None and kinds.get(str(source_id)) != v["source_kind"]:
            raise InvalidInput.field(
                "source_id", _("Choose one of the kind the lesson was learnt from.")
            )
        tags = [t.strip() for t in (v["tags"] or "").split(",") if t.strip()]
        if any(len(t) > 50 for t in tags):
            raise InvalidInput.field("tags", _("Each tag may have at most 50 characters."))
        recorded = service().record_lesson(
            page.user.actor, page.id, v["text"], v["source_kind"], source_id, v["level"], tags
        )
        return url_for("ui.lessons", partnership_id=page.id) + f"#lesson-{recorded.id}"

    initial = {
        key: request.args[key]
        for key in ("source_kind", "source_id")
        if request.method == "GET" and key in request.args
    }
    return contribute_form(
        partnership_id,
        fields=fields,
        title=_("Record a lesson"),
        submit=_("Record the lesson"),
        save=save,
        done=_("The lesson is recorded."),
        back=lambda page: url_for("ui.lessons", partnership_id=page.id),
        initial=initial,
    )


@bp.route(
    "/partnerships/<uuid:partnership_id>/lessons/<uuid:lesson_id>/retraction",
    methods=["GET", "POST"],
)
@signed_in_page
def retract_lesson(partnership_id: UUID, lesson_id: UUID) -> Any:
    def fields(page: PartnershipPage) -> list[Field]:
        record_of(Lesson, page, lesson_id)  # 404 for a lesson of another partnership
        return [Field("reason", _l("Why it no longer holds"), "textarea")]

    def save(page: PartnershipPage, v: dict[str, Any]) -> str:
        found, _entries = record_of(Lesson, page, lesson_id)
        if found.retracted:
            raise InvalidInput.field("reason", _("The lesson is already retracted."))
        service().retract_lesson(
            page.user.actor, lesson_id, v["reason"], expected_version=found.version
        )
        return url_for("ui.lessons", partnership_id=page.id) + f"#lesson-{lesson_id}"

    return contribute_form(
        partnership_id,
        fields=fields,
        title=_("Retract a lesson"),
        submit=_("Retract the lesson"),
        save=save,
        done=_("The lesson is retracted."),
        back=lambda page: url_for("ui.lessons", partnership_id=page.id),
    )
