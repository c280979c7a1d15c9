"""Run work off the UI thread and hear back on it (in the spirit of Anki's aqt/operations).

The contract, for everyone who writes UI code
---------------------------------------------
* **Every change to the store goes through** ``StoreOps.mutate``; nothing in
  ``ceopdesk/ui`` calls a core function that writes on the UI thread (a test
  walks the package and fails if one does)::

      self.ops.mutate(self, lambda store: lists.create_list(store, name), {LISTS},
                      on_success=lambda created: ..., on_failure=lambda exc: ...)

  ``fn`` gets the store and runs on the one write thread.  Writes run one at a
  time, in the order they were asked for, so edits land in the order typed.
* **Kinds** say what a write changed: ``RELEASES``, ``BOILERPLATE``, ``CONTACTS``,
  ``LISTS``, ``SETTINGS``.  After a write succeeds, ``on_success(result)`` runs on
  the UI thread and then ``store_changed(kinds)`` is emitted once.  **Views
  refresh from that signal only** - never by calling each other's reload.
* **A busy store** (another process holds the write lock) never freezes the
  window and never loses the write: the write stays first in the queue, is tried
  again until the store is free, and ``waiting(text)`` tells the status bar
  (``waiting("")`` once it is through).  The form stays editable meanwhile.
* **A failure**: a ``UserError`` is shown as one plain sentence (unless
  ``report=False``: the caller shows it itself, e.g. autosave's "NOT saved"
  line); anything else goes to ``sys.excepthook`` (the crash handler).  Either way
  ``on_failure(exc)`` runs and the store is as it was (each write is one
  transaction).
* ``coalesce=KEY``: a write not yet started is replaced by a newer one with the
  same key (autosave: only the newest form needs writing).
* **Reads for painting** go through ``StoreOps.query`` (``ui/queries.py``): off the
  UI thread, the newest read a view asked for wins, a read for a view that has moved on
  is dropped. Only reads measured fast by ``make bench`` stay on the UI thread. Long
  work with its own progress uses ``run_in_background``.

Nothing here is global: the main window owns one ``StoreOps`` and hands it to
every view; every view and dialog that reads or writes the store takes it as a
required argument (there is no second queue: a view never makes its own).  The worker touches exactly one Qt object, the job's relay, and
that object is a child of the application, never of a widget: a window closing
while its job runs cannot delete it under the worker's feet.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    QDeadlineTimer,
    QEventLoop,
    QObject,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QWidget

from ..core.errors import StoreBusy, UserError
from .background import Operation, report_failure, run_in_background, start
from .queries import Queries

if TYPE_CHECKING:  # the main window is painted before the store's modules are loaded
    from ..core.store import Store

T = TypeVar("T")
log = logging.getLogger("ceopdesk")
__all__ = [  # the background helpers are used from here by the views
    "Operation",
    "StoreOps",
    "describe_failure",
    "report_failure",
    "run_in_background",
]

RELEASES = "releases"
BOILERPLATE = "boilerplate"
CONTACTS = "contacts"
LISTS = "lists"
SETTINGS = "settings"
KINDS = frozenset({RELEASES, BOILERPLATE, CONTACTS, LISTS, SETTINGS})

BUSY_RETRY_MS = 250
SLOW_MS = 1000  # a write still unanswered after this long is said to be waiting
WAITING_TEXT = (
    "Waiting for the store: another program is writing to it. "
    "Your changes are kept and will be saved when it is free."
)


@dataclass
class _Write:
    parent: QWidget | None
    fn: Callable[[Store], Any]
    kinds: frozenset[str]
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[BaseException], None] | None
    report: bool
    coalesce: object = None
    tries: int = field(default=0)


class StoreOps(QObject):
    """The one way the UI changes the store: a serial queue of writes off the UI thread."""

    store_changed = Signal(object)  # frozenset[str] of kinds
    waiting = Signal(str)  # the status bar's words while the store is busy; "" once free
    idle = Signal()  # nothing left to write

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._queue: deque[_Write] = deque()
        self._running: _Write | None = None
        self._waiting = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # one thread, kept: no start-up cost per keystroke
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._next)
        # SQLite itself waits up to the store's busy timeout for the lock; say so meanwhile.
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.setInterval(SLOW_MS)
        self._slow.timeout.connect(self._say_waiting)
        self._queries = Queries(store, self)

    # -- asking -------------------------------------------------------------
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
        """Read ``fn(store)`` off the UI thread for painting; see ``ui/queries.py``."""
        self._queries.query(
            parent,
            fn,
            on_success,
            key=key,
            shows=shows,
            on_failure=on_failure,
            report=report,
        )

    def reads_running(self) -> int:
        """Reads asked through ``query`` and not yet answered."""
        return self._queries.running

    def mutate(
        self,
        parent: QWidget | None,
        fn: Callable[[Store], T],
        kinds: Iterable[str],
        on_success: Callable[[T], None] | None = None,
        *,
        on_failure: Callable[[BaseException], None] | None = None,
        report: bool = True,
        coalesce: object = None,
    ) -> None:
        """Queue ``fn(store)``; see the module doc for what happens next."""
        kinds = frozenset(kinds)
        assert kinds <= KINDS, f"unknown kinds: {sorted(kinds - KINDS)}"
        write = _Write(parent, fn, kinds, on_success, on_failure, report, coalesce)
        if coalesce is not None:
            for i, queued in enumerate(self._queue):
                if queued.coalesce == coalesce:
                    self._queue[i] = write
                    return
        self._queue.append(write)
        if self._running is None and not self._retry.isActive():
            self._next()

    def announce(self, kinds: Iterable[str]) -> None:
        """Say that work done elsewhere (a long import with its own progress) changed data."""
        self.store_changed.emit(frozenset(kinds))

    # -- state --------------------------------------------------------------
    def pending(self) -> int:
        """Writes asked for and not yet answered."""
        return len(self._queue) + (self._running is not None)

    def is_waiting(self) -> bool:
        """True while a write waits for another program to let go of the store."""
        return self._waiting

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Run the event loop until every queued write has answered, and the reads the views
        asked for after them too; False on timeout.

        For closing the window (and for tests): the UI keeps painting meanwhile.
        """
        if not self._busy():
            return True
        loop = QEventLoop()
        self.idle.connect(loop.quit)
        self._queries.settled.connect(loop.quit)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(timeout_ms)
        deadline = QDeadlineTimer(timeout_ms)
        while self._busy() and not deadline.hasExpired():
            loop.exec()
        self.idle.disconnect(loop.quit)
        self._queries.settled.disconnect(loop.quit)
        return not self._busy()

    def _busy(self) -> bool:
        return bool(self.pending() or self._queries.running)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Finish what is queued (waiting for a busy store up to ``timeout_ms``)."""
        done = self.wait_idle(timeout_ms)
        self._queue.clear()
        self._retry.stop()
        self._pool.waitForDone(timeout_ms)
        self._queries.wait_for_done(timeout_ms)
        return done

    # -- the queue ----------------------------------------------------------
    def _next(self) -> None:
        if self._running is not None or not self._queue:
            return
        write = self._queue.popleft()
        self._running = write
        write.tries += 1
        store = self.store
        self._slow.start()
        start(self._pool, lambda: write.fn(store), self._answered)

    def _say_waiting(self) -> None:
        if not self._waiting:
            self._waiting = True
            self.waiting.emit(WAITING_TEXT)

    def _answered(self, ok: bool, value: object) -> None:
        write = self._running
        assert write is not None
        self._running = None
        self._slow.stop()
        if not ok and isinstance(value, StoreBusy):
            # Nothing was written: keep it first in line and try again shortly.
            newer = next(
                (
                    w
                    for w in self._queue
                    if write.coalesce is not None and w.coalesce == write.coalesce
                ),
                None,
            )
            if newer is None:
                self._queue.appendleft(write)
            self._say_waiting()
            self._retry.start(BUSY_RETRY_MS)
            return
        if self._waiting:
            self._waiting = False
            self.waiting.emit("")
        try:
            self._deliver(write, ok, value)
        finally:
            if self._queue:
                self._next()
            else:
                self.idle.emit()

    def _deliver(self, write: _Write, ok: bool, value: object) -> None:
        alive = write.parent is None or shiboken6.isValid(write.parent)
        if ok:
            try:
                if alive and write.on_success is not None:
                    write.on_success(value)
            finally:
                if write.kinds:
                    self.store_changed.emit(write.kinds)
            return
        assert isinstance(value, BaseException)
        if not isinstance(value, UserError) and not (alive and write.report):
            log.error("A change to the store failed", exc_info=value)
        if alive and write.report:
            report_failure(write.parent, value)
        if alive and write.on_failure is not None:
            write.on_failure(value)


def describe_failure(exc: BaseException) -> str:
    """One sentence for why a write did not reach the store (for "NOT saved" lines)."""
    if isinstance(exc, UserError):
        return str(exc)
    text = str(getattr(exc, "orig", None) or exc).strip().rstrip(".")
    lowered = text.lower()
    if "full" in lowered:
        return "the disk is full"
    if "readonly" in lowered or "read-only" in lowered or "read only" in lowered:
        return "the store file cannot be written to (it is read-only)"
    if "i/o" in lowered or isinstance(exc, OSError):
        return f"the disk could not be written ({text})"
    return f"the store could not be written ({text})"
