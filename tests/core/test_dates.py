"""Dates and times read as press officers type them (no Qt)."""

from __future__ import annotations

from datetime import date, time

import pytest

from ceopdesk.core.dates import format_date, format_time, parse_date, parse_time

TODAY = date(2026, 3, 1)


@pytest.mark.parametrize(
    "typed",
    [
        "21/06/2012",
        "21/6/12",
        "21-06-2012",
        "21.06.2012",
        "21 June 2012",
        "21 Jun 2012",
        "21st June 2012",
        "Thursday 21 June 2012",
        "Thu 21 Jun 2012",
        "June 21, 2012",
        "2012-06-21",
        "  21   june   2012 ",
    ],
)
def test_every_way_of_writing_the_date_reads_as_typed(typed: str) -> None:
    assert parse_date(typed, TODAY) == date(2012, 6, 21)


def test_day_first_and_the_year_left_out_is_this_year() -> None:
    assert parse_date("06/07/2012", TODAY) == date(2012, 7, 6)
    assert parse_date("21 Jun", TODAY) == date(2026, 6, 21)
    assert parse_date("15 jun", TODAY) == date(2026, 6, 15)
    assert parse_date("20/6", TODAY) == date(2026, 6, 20)
    assert parse_date("", TODAY) is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/02/2012", "is not a day of the calendar"),
        ("banana", "is not a date: type a date like"),
        ("21", "is not a date"),
        ("21 Smarch 2012", "is not a date"),
    ],
)
def test_an_unreadable_date_says_why(typed: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date(typed, TODAY)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("00:01", time(0, 1)),
        ("0001", time(0, 1)),
        ("00.01", time(0, 1)),
        ("9.30am", time(9, 30)),
        ("9:30 pm", time(21, 30)),
        ("9am", time(9)),
        ("12.01am", time(0, 1)),
        ("12pm", time(12)),
        ("noon", time(12)),
        ("midnight", time(0)),
        ("23:59", time(23, 59)),
    ],
)
def test_times_read_as_typed(typed: str, expected: time) -> None:
    assert parse_time(typed) == expected


@pytest.mark.parametrize("typed", ["25:00", "13pm", "9.75", "soon"])
def test_an_unreadable_time_says_why(typed: str) -> None:
    with pytest.raises(ValueError, match="is not a time"):
        parse_time(typed)


def test_what_the_field_writes_reads_back() -> None:
    for day in (date(2012, 6, 21), date(2026, 9, 3), date(2024, 2, 29)):
        assert parse_date(format_date(day), TODAY) == day
    assert format_date(date(2012, 6, 21)) == "Thu 21 Jun 2012"
    assert parse_time(format_time(time(0, 1))) == time(0, 1)
