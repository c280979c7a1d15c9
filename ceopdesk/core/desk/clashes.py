"""The week ahead's clash rule: two things going public within an hour of each other.

Only moments that are fixed count (a release's embargo, a planned item's time); a release
for immediate release or an item with no time yet has no moment to clash at. Withdrawn
releases are not on the grid at all. "Within an hour" is strictly less than sixty minutes
apart: 09:00 and 10:00 follow each other, 09:00 and 09:59 clash.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from .domain import Clash, GridEntry

WINDOW = timedelta(hours=1)


def find_clashes(entries: Iterable[GridEntry], window: timedelta = WINDOW) -> list[Clash]:
    """Every pair of timed entries less than ``window`` apart, earliest first."""
    timed = sorted((e for e in entries if e.at is not None), key=lambda e: (e.at, e.label))
    found: list[Clash] = []
    for i, first in enumerate(timed):
        assert first.at is not None
        for second in timed[i + 1 :]:
            assert second.at is not None
            gap = second.at - first.at
            if gap >= window:
                break  # sorted: nothing later is nearer
            found.append(Clash(first, second, int(gap.total_seconds() // 60)))
    return found
