"""The calendar as iCalendar (RFC 5545): one all-day event per meeting."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from samverkan.plugins.calendar.calendar import calendar_of

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def render_ical(service: Samverkan, partnership_id: UUID) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Samverkan//calendar//EN"]
    for meeting in calendar_of(service.sql, partnership_id, None).meetings:
        day = date.fromisoformat(meeting.held_on)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{meeting.id}@samverkan",
            f"DTSTAMP:{meeting.recorded_at.strftime('%Y%m%dT%H%M%SZ')}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape(meeting.kind.replace('_', ' '))}",
            f"LOCATION:{escape(meeting.place)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
