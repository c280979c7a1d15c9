"""Dates and times as a UK press office reads them (Europe/London, BST/GMT)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def embargo_text(embargo: datetime | None) -> str:
    """ "00:01 BST, Thu 18 Jun 2026", or "Immediate" for no embargo."""
    if embargo is None:
        return "Immediate"
    local = embargo.astimezone(LONDON)
    return f"{local:%H:%M} {local.tzname()}, {local:%a} {local.day} {local:%b %Y}"


def moment_text(moment: datetime | None) -> str:
    """ "12 Jun 2026 14:03 BST" in UK time (naive values are taken as UTC)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    local = moment.astimezone(LONDON)
    return f"{local.day} {local:%b %Y %H:%M} {local.tzname()}"


def date_text(day: date | None) -> str:
    return "" if day is None else f"{day.day} {day:%b %Y}"


def london(day: date, clock: time) -> datetime:
    """A wall-clock time in London as a timezone-aware instant."""
    return datetime.combine(day, clock, tzinfo=LONDON)


def zone_abbreviation(day: date, clock: time) -> str:
    return london(day, clock).tzname() or ""
