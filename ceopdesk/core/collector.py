"""Pausing CPython's cycle collector while a piece of work builds many lasting objects.

The collector runs after every few hundred new container objects and, now and then,
walks every live one; while an import or the spelling dictionary piles up hundreds of
thousands of objects that all stay alive, those walks are wasted work (they doubled
the 100,000-contact import and were half of the dictionary's read). The collector is
process-wide, so the caller that owns the moment pauses it (the command line's main
thread, a background job of the app) and it resumes as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(collect_after: bool = True) -> Iterator[None]:
    """Collector off for the block; back on (if it was) after, collecting once if asked."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            if collect_after:
                gc.collect()
