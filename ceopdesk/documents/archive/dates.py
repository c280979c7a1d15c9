"""Dates and embargo times as press offices write them, read into UK time.

``EMBARGOED UNTIL 00:01 HRS THURSDAY 21 JUNE 2012``, ``Embargo: 00.01 21/06/2012``,
``Embargoed to 10.30am, 5 March 2013``, ``not for publication before midnight
on 20 June 2012``: the time and the date are found wherever they stand, and the
instant is placed in Europe/London, so BST or GMT follows from the date (a
stated "GMT" or "BST" is the writer's label for the same wall clock).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAYNAME = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

# 21 June 2012, Thursday 21st June 2012, 21 Jun 12
_DMY_WORDS = re.compile(
    _DAYNAME
    + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH
    + r",?\s+(?P<year>\d{4}|\d{2})\b",
    re.IGNORECASE,
)
# June 21, 2012
_MDY_WORDS = re.compile(
    _DAYNAME + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.IGNORECASE
)
# 2012-06-21
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b")
# 21/06/2012, 21.06.12, 21-06-2012 (UK order)
_DMY_NUM = re.compile(r"\b(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})[/.\-](?P<year>\d{4}|\d{2})\b")

# 00:01, 00.01 hrs, 0001 hrs, 10.30am, 2 pm, midnight, noon
_CLOCK = re.compile(
    r"(?<![\d/.\-])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)(?![a-z])"
    r"|(?<![\d/.\-])(?P<h24>[01]?\d|2[0-3])[:.](?P<m24>[0-5]\d)(?![\d/.\-]\d)(?:\s*hrs?\b|\s*hours\b)?"
    r"|(?<![\d/.\-])(?P<hhmm>(?:[01]\d|2[0-3])[0-5]\d)\s*(?:hrs?|hours)\b"
    r"|\b(?P<word>midnight|noon|midday)\b",
    re.IGNORECASE,
)


def find_date(text: str) -> tuple[date, tuple[int, int]] | None:
    """The first date written in ``text`` and where it stands, or None."""
    found: list[tuple[int, date, tuple[int, int]]] = []
    for pattern in (_DMY_WORDS, _MDY_WORDS, _ISO, _DMY_NUM):
        for m in pattern.finditer(text):
            value = _date_of(m)
            if value is not None:
                found.append((m.start(), value, m.span()))
                break
    if not found:
        return None
    _, value, span = min(found, key=lambda f: f[0])
    return value, span


def _date_of(m: re.Match[str]) -> date | None:
    month_text = m.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
    year = int(m.group("year"))
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, month, int(m.group("day")))
    except ValueError:
        return None


def find_time(text: str) -> tuple[time, bool, tuple[int, int]] | None:
    """The first clock time in ``text``; the flag is True for "midnight"."""
    for m in _CLOCK.finditer(text):
        if m.group("word"):
            word = m.group("word").lower()
            return (time(0, 0) if word == "midnight" else time(12, 0)), word == "midnight", m.span()
        if m.group("ampm"):
            hour = int(m.group("h")) % 12 + (12 if m.group("ampm").lower().startswith("p") else 0)
            return time(hour, int(m.group("m") or 0)), False, m.span()
        if m.group("h24"):
            return time(int(m.group("h24")), int(m.group("m24"))), False, m.span()
        if m.group("hhmm"):
            hhmm = m.group("hhmm")
            return time(int(hhmm[:2]), int(hhmm[2:])), False, m.span()
    return None


def uk_instant(day: date, clock: time) -> datetime:
    """The wall-clock time in London on that day, as an aware instant (BST or GMT)."""
    return datetime.combine(day, clock, tzinfo=LONDON)


def parse_embargo(text: str) -> tuple[datetime, list[str]] | None:
    """The embargo instant written in ``text`` and what was guessed, or None."""
    unsure: list[str] = []
    found_date = find_date(text)
    if found_date is None:
        return None
    day, span = found_date
    rest = text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]
    found_time = find_time(rest)
    if found_time is None:
        unsure.append("the embargo gives no time; 00:00 was taken")
        return uk_instant(day, time(0, 0)), unsure
    clock, midnight, _ = found_time
    if midnight:
        # "midnight, 20 June" is the end of that day in press-office usage.
        day += timedelta(days=1)
        unsure.append("the embargo says midnight; the end of the day named was taken")
    return uk_instant(day, clock), unsure
