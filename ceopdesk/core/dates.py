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

import re
from datetime import date, time

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
