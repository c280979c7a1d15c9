"""Reads for painting, off the UI thread (as Anki's ``QueryOp`` in aqt/operations): the
newest read a view asked for wins, and a read asked for a view that has moved on is dropped.

    self.ops.query(self, lambda store: lists.all_lists(store), self._show_lists, key="lists",
                   shows=lambda: self.current_name)

* ``fn(store)`` runs on a pool of its own (reads run beside the one write thread, as
  SQLite's WAL lets them, and never queue behind long work on the application's pool: a
  spelling dictionary being prepared, an export); ``on_success(result)`` runs on the UI
  thread.
* **Newest wins**: a read asked by the same ``parent`` with the same ``key`` replaces any
  still running; the older one's answer is dropped when it comes.
* **Moved on**: ``shows()`` (what the view shows, e.g. the reference of the open release)
  is taken when the read is asked and again when it answers; if they differ the answer is
  dropped. A view that has been closed gets nothing either.
* A failure: a ``UserError`` is shown as one sentence (``report=False``: the caller says
  it itself), anything else goes to the crash handler; ``on_failure(exc)`` runs too. A
  dropped read's failure is dropped with it.

Reads measured fast by ``make bench`` (the release list at start, opening a release, the
contact search as you type) may stay where they are; every other read that paints goes here.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, TypeVar, cast

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from .background import report_failure, start

if TYPE_CHECKING:
    from ..core.store import Store

T = TypeVar("T")
READ_THREADS = 2  # a view's reads and the next view's, side by side


class Queries(QObject):
    """The newest-wins bookkeeping of one store's reads (owned by its ``StoreOps``)."""

    settled = Signal()  # no read is running any more

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._asked: dict[tuple[int, Hashable], int] = {}  # (view, key) -> newest read's number
        self._count = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(READ_THREADS)
        self.running = 0  # reads asked and not yet answered (for tests and closing)

    def query(
        self,
        parent: QWidget,
        fn: Callable[[Store], T],
        on_success: Callable[[T], object],
        *,
        key: Hashable = "",
        shows: Callable[[], object] | None = None,
        on_failure: Callable[[BaseException], object] | None = None,
        report: bool = True,
    ) -> None:
        self._count += 1
        number, slot = self._count, (id(parent), key)
        self._asked[slot] = number
        shown = shows() if shows is not None else None
        store = self.store
        self.running += 1

        def deliver(ok: bool, value: object) -> None:
            if not shiboken6.isValid(self):
                return  # its window (and StoreOps) closed while the read ran
            self.running -= 1
            if not self.running:
                self.settled.emit()
            newest = self._asked.get(slot) == number
            if newest:
                del self._asked[slot]
            if not newest or not shiboken6.isValid(parent):
                return  # a newer read was asked, or the view has gone
            if shows is not None and shows() != shown:
                return  # the view has moved on since
            if ok:
                on_success(cast(T, value))  # what fn returned
                return
            assert isinstance(value, BaseException)
            if report:
                report_failure(parent, value)
            if on_failure is not None:
                on_failure(value)

        start(self._pool, lambda: fn(store), deliver)

    def wait_for_done(self, timeout_ms: int) -> bool:
        """Let the reads running finish (closing: none is left reading a closed store)."""
        return self._pool.waitForDone(timeout_ms)
