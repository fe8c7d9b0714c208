"""Times show in local (Stockholm/Oslo) time, and the as-of control reads local time."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask

from samverkan.web.ui.pages import as_of_input, parse_as_of


def test_the_as_of_control_reads_and_writes_local_time(flask_app: Flask) -> None:
    with flask_app.app_context():
        winter = parse_as_of("2024-01-15T10:00:00")
        assert winter == datetime(2024, 1, 15, 9, 0, tzinfo=UTC)
        assert as_of_input(winter) == "2024-01-15T10:00:00"
        summer_day = parse_as_of("2024-07-01")  # a whole day: its end, local time
        assert summer_day is not None
        assert summer_day.replace(microsecond=0) == datetime(2024, 7, 1, 21, 59, 59, tzinfo=UTC)
        assert parse_as_of("2024-01-15T10:00:00+00:00") == datetime(2024, 1, 15, 10, tzinfo=UTC)
        assert parse_as_of("") is None


def test_page_times_are_local(flask_app: Flask) -> None:
    from flask_babel import format_datetime

    with flask_app.test_request_context(headers={"Accept-Language": "sv"}):
        shown = format_datetime(datetime(2024, 1, 15, 9, 0, tzinfo=UTC), "HH:mm")
    assert shown == "10:00"
