"""The grid's clash rule: two things going public within an hour of each other."""

from __future__ import annotations

from datetime import date, datetime

from ceopdesk.core.dates import LONDON
from ceopdesk.core.desk.clashes import find_clashes
from ceopdesk.core.desk.domain import GridEntry

DAY = date(2026, 12, 10)


def release(ref: str, hour: int | None, minute: int = 0) -> GridEntry:
    at = datetime(2026, 12, 10, hour, minute, tzinfo=LONDON) if hour is not None else None
    return GridEntry("release", DAY, f"Headline {ref}", "approved", at=at, reference=ref)


def test_two_embargoes_at_the_same_hour_clash_and_an_hour_apart_do_not() -> None:
    a, b, c = release("A", 0, 1), release("B", 0, 1), release("C", 9)
    d = release("D", 10)
    clashes = find_clashes([c, a, d, b])
    assert [(x.first.reference, x.second.reference, x.minutes) for x in clashes] == [("A", "B", 0)]


def test_within_the_hour_clashes_pairwise_and_untimed_entries_never_clash() -> None:
    entries = [release("A", 9), release("B", 9, 40), release("C", 10, 20), release("D", None)]
    pairs = [(x.first.reference, x.second.reference) for x in find_clashes(entries)]
    assert pairs == [("A", "B"), ("B", "C")]
    assert find_clashes([release("X", None), release("Y", None)]) == []
