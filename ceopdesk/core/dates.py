"""Dates and times as press officers type them, read as typed.

``parse_date`` understands ``21/06/2012``, ``21/6/12``, ``21 June 2012``,
``21 Jun``, ``Thursday 21st June 2012``, ``June 21, 2012`` and ISO
``2012-06-21``; a date without a year takes the year of ``today``.  Day first,
always (UK usage): ``06/07/2012`` is the 6th of July.  ``parse_time``
understands ``00:01``, ``0001``, ``9.30am``, ``9:30 pm``, ``9am``, ``noon`` and
``midnight``.  Each returns None for an empty text and raises ``ValueError``
with one plain sentence for anything else it cannot read.  No Qt here: the
fields in the UI call these, and the tests run without a display.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"^(?:" + "|".join(w[:3] for w in WEEKDAYS) + r")[a-z]*\.?,?\s*")
_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{2}|\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_MONTH = re.compile(
    r"^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?(?:\s+(\d{2}|\d{4}))?$"
)
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{2}|\d{4}))?$")
_TIME = re.compile(r"^(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$")
_COMPACT_TIME = re.compile(r"^(\d{2})(\d{2})$")
DATE_EXAMPLE = "a date like 21/06/2012, 21 June 2012 or 21 Jun"
TIME_EXAMPLE = "a time like 00:01, 09:30 or 9.30am"


def _year(text: str | None, today: date) -> int:
    if text is None:
        return today.year
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _month(name: str) -> int | None:
    return MONTHS.get(name) or next(
        (n for key, n in MONTHS.items() if len(name) >= 3 and key.startswith(name)), None
    )


def parse_date(text: str, today: date | None = None) -> date | None:
    """The date ``text`` names (day first), None when empty; ValueError when unreadable."""
    today = today or date.today()
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        return None
    cleaned = _WEEKDAY.sub("", cleaned)
    parts: tuple[int, int, int] | None = None
    if m := _ISO.match(cleaned):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif m := _NUMERIC.match(cleaned):
        parts = (_year(m[3], today), int(m[2]), int(m[1]))
    elif (m := _DAY_MONTH.match(cleaned)) and _month(m[2]):
        parts = (_year(m[3], today), _month(m[2]) or 0, int(m[1]))
    elif (m := _MONTH_DAY.match(cleaned)) and _month(m[1]):
        parts = (_year(m[3], today), _month(m[1]) or 0, int(m[2]))
    if parts is None:
        raise ValueError(f"“{text.strip()}” is not a date: type {DATE_EXAMPLE}.")
    try:
        return date(*parts)
    except ValueError:
        raise ValueError(f"“{text.strip()}” is not a day of the calendar.") from None


def parse_time(text: str) -> time | None:
    """The time of day ``text`` names, None when empty; ValueError when unreadable."""
    cleaned = text.strip().lower().replace(" ", "")
    if not cleaned:
        return None
    if cleaned in ("noon", "midday"):
        return time(12, 0)
    if cleaned == "midnight":
        return time(0, 0)
    hour: int | None = None
    if m := _COMPACT_TIME.match(cleaned):
        hour, minute, half = int(m[1]), int(m[2]), None
    elif m := _TIME.match(cleaned):
        hour, minute, half = int(m[1]), int(m[2] or 0), (m[3] or "").replace(".", "") or None
    if hour is None:
        raise ValueError(f"“{text.strip()}” is not a time: type {TIME_EXAMPLE}.")
    if half is not None:
        if not 1 <= hour <= 12:
            raise ValueError(f"“{text.strip()}” is not a time: with am or pm the hour is 1 to 12.")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"“{text.strip()}” is not a time of day.")
    return time(hour, minute)


def format_date(value: date) -> str:
    """How a date field shows a date: ``Thu 21 Jun 2012`` (and reads it back), in English
    whatever the machine's locale."""
    weekday = WEEKDAYS[value.weekday()][:3].title()
    month = next(name for name, n in MONTHS.items() if n == value.month and len(name) == 3)
    return f"{weekday} {value.day} {month.title()} {value.year}"


def format_time(value: time) -> str:
    return f"{value:%H:%M}"


# -- deadlines -------------------------------------------------------------------------------
# A journalist's deadline as it is said on the phone ("4pm", "tomorrow 10:00", "end of day",
# "Friday noon"), read in UK time. The parts of the day a caller names are read as the
# earlier end of what they could mean, so the Due view warns too early rather than too late.
LONDON = ZoneInfo("Europe/London")
END_OF_DAY = time(17, 0)  # a press office's working day; "end of day" and a day alone
LAST_MINUTE = time(23, 59)  # "end of day" once the working day is over: before midnight
DAY_PARTS = {
    "first thing": time(9, 0),
    "morning": time(10, 0),
    "lunch": time(12, 0),
    "lunchtime": time(12, 0),
    "afternoon": time(15, 0),
    "end of day": END_OF_DAY,
    "end of the day": END_OF_DAY,
    "eod": END_OF_DAY,
    "end of play": END_OF_DAY,
    "eop": END_OF_DAY,
    "close of play": END_OF_DAY,
    "cop": END_OF_DAY,
    "close of business": END_OF_DAY,
    "cob": END_OF_DAY,
    "evening": time(19, 0),
    "tonight": time(19, 0),
}
# Parts of today that, once passed, still mean today: the caller wants it before the day ends.
_TODAYS_END = {"end of day", "end of the day", "eod", "end of play", "eop", "close of play", "cop"}
_TODAYS_END |= {"close of business", "cob", "tonight"}
_LEAD_WORDS = re.compile(r"^(?:by|before|for|due|until|no later than|latest|at the latest)\s+")
_FILLER = re.compile(r"\b(?:at|on|the|of this week|this week)\b")
_RELATIVE = re.compile(
    r"^(?:in|within)\s+(an?|one|half an|a half|\d+(?:\.\d+)?)\s*"
    r"(minutes?|mins?|m|hours?|hrs?|h)$"
)
_BARE_HOUR = re.compile(r"^[1-9](?:[:.]\d{2})?$")  # no am/pm, no leading zero: 4, 4.30
_SOON = {"asap": 60, "as soon as possible": 60, "within the hour": 60, "urgent": 60, "now": 0}
_TOMORROW = ("tomorrow", "tmrw", "tmw", "tomoz", "tomorow")
_WEEKDAY_NAMES = {
    **{w: i for i, w in enumerate(WEEKDAYS)},
    **{w[:3]: i for i, w in enumerate(WEEKDAYS)},
    "tues": 1,
    "weds": 2,
    "thur": 3,
    "thurs": 3,
}
DEADLINE_EXAMPLE = "a deadline like 4pm, tomorrow 10:00, end of day or Friday noon"


@dataclass(frozen=True)
class _Day:
    """The day part of a deadline: a date, or a weekday to find from today."""

    on: date | None = None
    weekday: int | None = None
    next_week: bool = False
    today: bool = False


def _read_day(words: str, today: date) -> _Day | None:
    if words in ("today", "this"):
        return _Day(on=today, today=True)
    if words in _TOMORROW:
        return _Day(on=today + timedelta(days=1))
    next_week = words.startswith("next ")
    name = words.removeprefix("next ").removeprefix("this ")
    if name in _WEEKDAY_NAMES:
        return _Day(weekday=_WEEKDAY_NAMES[name], next_week=next_week)
    if next_week or not words:
        return None
    try:
        found = parse_date(words, today)
    except ValueError:
        return None
    if (
        found is not None
        and found < today
        and parse_date(words, date(today.year + 1, 1, 1)) != found
    ):
        found = found.replace(year=found.year + 1)  # "5 Jan" said in December: next January
    return _Day(on=found) if found else None


def _read_clock(words: str) -> tuple[time, str] | None:
    """The time of day ``words`` names and, for a named part of the day, its name."""
    if words in DAY_PARTS:
        return DAY_PARTS[words], words
    if words in ("noon", "midday", "midnight"):
        return (LAST_MINUTE, words) if words == "midnight" else (time(12, 0), words)
    try:
        found = parse_time(words)
    except ValueError:
        return None
    if found is not None and _BARE_HOUR.match(words) and 1 <= found.hour <= 7:
        found = found.replace(hour=found.hour + 12)  # "by 4" on the phone is never 4 a.m.
    return (found, "") if found is not None else None


def _at(day: date, clock: time) -> datetime:
    """Wall-clock time in London as an instant (a time the clocks skip is read after the jump)."""
    return datetime.combine(day, clock, tzinfo=LONDON).astimezone(UTC).astimezone(LONDON)


def _resolve(day: _Day | None, clock: tuple[time, str] | None, now: datetime) -> datetime:
    today = now.date()
    hour, named = clock if clock is not None else (END_OF_DAY, "end of day")
    if day is None or day.today:
        moment = _at(today, hour)
        if moment > now or (day is not None and named not in _TODAYS_END):
            return moment  # "today 4pm" said at five is a deadline already passed, as said
        if named in _TODAYS_END:
            return max(_at(today, LAST_MINUTE), now)
        return _at(today + timedelta(days=1), hour)  # "4pm" said at five: tomorrow's
    if day.on is not None:
        return _at(day.on, hour)
    assert day.weekday is not None
    if day.next_week:  # the named day of next week (weeks start on Monday)
        monday_next = today + timedelta(days=7 - today.weekday())
        return _at(monday_next + timedelta(days=day.weekday), hour)
    ahead = (day.weekday - today.weekday()) % 7
    moment = _at(today + timedelta(days=ahead), hour)
    return moment if moment > now else _at(today + timedelta(days=ahead or 7), hour)


def parse_deadline(text: str, now: datetime | None = None) -> datetime | None:
    """The moment a deadline said as ``text`` names, in UK time; None for an empty text.

    A time alone is the next such time ("4pm" said at five is tomorrow's); a day alone is
    the end of its working day (``END_OF_DAY``); "end of day" said after the working day
    is the last minute of today; a weekday is the next one (today's if still ahead);
    "next Friday" is the Friday of next week. ValueError with one sentence otherwise.
    """
    now = (now or datetime.now(UTC)).astimezone(LONDON)
    cleaned = " ".join(text.strip().lower().replace(",", " ").rstrip(".!").split())
    if not cleaned:
        return None
    while (stripped := _LEAD_WORDS.sub("", cleaned)) != cleaned:
        cleaned = stripped
    if cleaned in _SOON:
        return now + timedelta(minutes=_SOON[cleaned])
    if m := _RELATIVE.match(cleaned):
        amount = {"a": 1.0, "an": 1.0, "one": 1.0, "half an": 0.5, "a half": 0.5}.get(m[1])
        count = amount if amount is not None else float(m[1])
        minutes = count * (60 if m[2].startswith("h") else 1)
        return now + timedelta(minutes=minutes)
    with contextlib.suppress(ValueError):
        stamp = datetime.fromisoformat(cleaned.upper())
        if stamp.tzinfo is None and ":" in cleaned:
            return _at(stamp.date(), stamp.time())
        if stamp.tzinfo is not None:
            return stamp.astimezone(LONDON)
    for phrase, (day_words, clock_words) in _phrases(cleaned):
        day = _read_day(day_words, now.date()) if day_words else None
        clock = _read_clock(clock_words) if clock_words else None
        if (day_words and day is None) or (clock_words and clock is None):
            continue
        if phrase in ("this morning", "this afternoon", "this evening"):
            day = _Day(on=now.date(), today=True)
        return _resolve(day, clock, now)
    raise ValueError(f"“{text.strip()}” is not a deadline: type {DEADLINE_EXAMPLE}.")


def _phrases(cleaned: str) -> Iterator[tuple[str, tuple[str, str]]]:
    """Each way of reading ``cleaned`` as a day and a time of day, in either order."""
    if cleaned.startswith("this ") and cleaned[5:] in DAY_PARTS:
        yield cleaned, ("", cleaned[5:])
    words = _FILLER.sub(" ", cleaned).split()
    if cleaned in DAY_PARTS:  # "end of the day" loses its "the" to the filler above
        yield cleaned, ("", cleaned)
    for cut in range(len(words) + 1):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        yield cleaned, (first, second)
        if first and second:
            yield cleaned, (second, first)


def format_deadline(when: datetime, now: datetime | None = None) -> str:
    """A deadline as the desk shows it: ``today 16:00``, ``tomorrow 10:00``, ``Fri 11 Dec 12:00``."""
    now = (now or datetime.now(UTC)).astimezone(LONDON)
    local = when.astimezone(LONDON)
    days = (local.date() - now.date()).days
    day = {0: "today", 1: "tomorrow", -1: "yesterday"}.get(days)
    if day is None:
        day = format_date(local.date())
        if local.year == now.year:
            day = day.rsplit(" ", 1)[0]
    return f"{day} {local:%H:%M}"


def time_left_text(when: datetime, now: datetime | None = None) -> str:
    """How long until ``when``: ``in 45 min``, ``in 3 h 10 min``, ``2 h overdue``."""
    now = now or datetime.now(UTC)
    seconds = (when - now).total_seconds()
    minutes = int(abs(seconds) // 60)
    if minutes < 1:
        return "due now"
    hours, rest = divmod(minutes, 60)
    if hours >= 48:
        span = f"{hours // 24} days"
    elif hours:
        span = f"{hours} h {rest} min" if rest else f"{hours} h"
    else:
        span = f"{rest} min"
    return f"in {span}" if seconds > 0 else f"{span} overdue"


def format_moment(moment: datetime) -> str:
    """An instant as a UK reader reads it in a record: ``3 Dec 2026 14:05 GMT``."""
    local = moment.astimezone(LONDON)
    return f"{local.day} {local:%b %Y %H:%M} {local.tzname()}"
