"""Deadlines typed as journalists say them on the phone, read in UK time (core/dates)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ceopdesk.core.dates import LONDON, format_deadline, parse_deadline, time_left_text

# Monday 7 December 2026, 11:30 in London (GMT).
NOW = datetime(2026, 12, 7, 11, 30, tzinfo=LONDON)


def at(day: int, hour: int, minute: int = 0, month: int = 12, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("4pm", at(7, 16)),
        ("16:00", at(7, 16)),
        ("by 4pm", at(7, 16)),
        ("4.30 pm", at(7, 16, 30)),
        ("by 4", at(7, 16)),  # a bare hour on the phone is the afternoon's
        ("noon", at(7, 12)),
        ("tomorrow 10:00", at(8, 10)),
        ("Tomorrow at 10am", at(8, 10)),
        ("10am tomorrow", at(8, 10)),
        ("noon tomorrow", at(8, 12)),
        ("tomorrow", at(8, 17)),  # a day alone: the end of its working day
        ("tomorrow morning", at(8, 10)),
        ("first thing tomorrow", at(8, 9)),
        ("end of day", at(7, 17)),
        ("EOD", at(7, 17)),
        ("close of play", at(7, 17)),
        ("end of the day", at(7, 17)),
        ("today", at(7, 17)),
        ("this afternoon", at(7, 15)),
        ("tonight", at(7, 19)),
        ("Friday noon", at(11, 12)),
        ("fri 4pm", at(11, 16)),
        ("Friday", at(11, 17)),
        ("by Friday, end of day", at(11, 17)),
        ("end of day Friday", at(11, 17)),
        ("Monday 10am", at(14, 10)),  # today's 10am has passed: next Monday's
        ("Monday 2pm", at(7, 14)),  # today's 2pm is still ahead
        ("next Friday", at(18, 17)),
        ("21/12 14:00", at(21, 14)),
        ("21 December 4pm", at(21, 16)),
        ("Thursday 21 Jan 2027 at 9.30am", at(21, 9, 30, month=1, year=2027)),
        ("5 Jan", at(5, 17, month=1, year=2027)),  # said in December: next January
        ("2026-12-09 09:30", at(9, 9, 30)),
        ("in 2 hours", at(7, 13, 30)),
        ("in 45 mins", at(7, 12, 15)),
        ("within the hour", at(7, 12, 30)),
        ("ASAP", at(7, 12, 30)),
    ],
)
def test_a_deadline_reads_as_it_was_said(said: str, expected: datetime) -> None:
    assert parse_deadline(said, NOW) == expected


def test_a_time_already_passed_today_is_tomorrows() -> None:
    assert parse_deadline("11:00", NOW) == at(8, 11)
    assert parse_deadline("9am", NOW) == at(8, 9)


def test_said_after_the_working_day_end_of_day_is_tonight() -> None:
    evening = datetime(2026, 12, 7, 18, 30, tzinfo=LONDON)
    assert parse_deadline("end of day", evening) == at(7, 23, 59)
    assert parse_deadline("4pm", evening) == at(8, 16)
    # Said with the day, a time already passed is kept as said (a call logged late).
    assert parse_deadline("today 4pm", evening) == at(7, 16)


def test_uk_time_follows_the_clocks() -> None:
    saturday = datetime(2026, 3, 28, 12, 0, tzinfo=LONDON)
    tomorrow = parse_deadline("tomorrow 10:00", saturday)
    assert tomorrow is not None
    assert tomorrow.tzname() == "BST"
    assert tomorrow.astimezone(UTC) == datetime(2026, 3, 29, 9, 0, tzinfo=UTC)
    # 01:30 does not exist that night: it is read after the clocks go forward.
    skipped = parse_deadline("29/03/2026 01:30", saturday)
    assert skipped is not None
    assert skipped.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_empty_is_no_deadline_and_nonsense_says_how_to_type_one() -> None:
    assert parse_deadline("   ", NOW) is None
    for said in ("whenever", "Friday 25:00", "next blursday", "in lots of hours"):
        with pytest.raises(ValueError, match="is not a deadline: type a deadline like 4pm"):
            parse_deadline(said, NOW)


def test_a_deadline_is_shown_as_the_desk_says_it() -> None:
    assert format_deadline(at(7, 16), NOW) == "today 16:00"
    assert format_deadline(at(8, 10), NOW) == "tomorrow 10:00"
    assert format_deadline(at(11, 12), NOW) == "Fri 11 Dec 12:00"
    assert format_deadline(at(5, 17, month=1, year=2027), NOW) == "Tue 5 Jan 2027 17:00"
    assert time_left_text(at(7, 12, 15), NOW) == "in 45 min"
    assert time_left_text(at(7, 14, 40), NOW) == "in 3 h 10 min"
    assert time_left_text(at(7, 9, 30), NOW) == "2 h overdue"
