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
* Reads for painting may stay on the UI thread where they are measured fast;
  slow reads (search, counts over 100k contacts) use ``run_in_background``.

Nothing here is global: the main window owns one ``StoreOps`` and hands it to
every view.  The worker touches exactly one Qt object, the job's relay, and
that object is a child of the application, never of a widget: a window closing
while its job runs cannot delete it under the worker's feet.
"""

from __future__ import annotations

import logging
import sys
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QApplication, QWidget

from ..core.errors import StoreBusy, UserError
from . import dialogs

if TYPE_CHECKING:  # the main window is painted before the store's modules are loaded
    from ..core.store import Store

T = TypeVar("T")
log = logging.getLogger("ceopdesk")

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


class _Relay(QObject):
    """Carries one answer from a worker thread to the UI thread."""

    _finished = Signal()

    def __init__(self, deliver: Callable[[bool, object], None]) -> None:
        super().__init__(QCoreApplication.instance())  # not a widget (see the module doc)
        self._deliver_to = deliver
        self._answer: tuple[bool, object] = (False, None)
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(self, fn: Callable[[], object]) -> None:
        """On the worker thread."""
        try:
            self._answer = (True, fn())
        except BaseException as exc:  # noqa: BLE001 - every failure is reported
            self._answer = (False, exc)
        self._finished.emit()

    @Slot()
    def _deliver(self) -> None:
        ok, value = self._answer
        self._answer = (False, None)
        try:
            self._deliver_to(ok, value)
        finally:
            self.deleteLater()


def _start(
    pool: QThreadPool, fn: Callable[[], object], deliver: Callable[[bool, object], None]
) -> None:
    relay = _Relay(deliver)
    holder = [relay]

    def work() -> None:
        # The worker lets go of the relay before it lets go of the GIL, so the last
        # reference is always dropped on the UI thread, in ``_deliver``.
        job = holder.pop()
        job.run(fn)
        del job

    # A plain callable, not a QRunnable subclass: the pool deletes no Python
    # object from its own thread.
    pool.start(work)


class Operation(QObject):
    """The UI-thread end of one background job (``running`` until it has answered)."""

    done = Signal()

    def __init__(
        self,
        parent: QWidget,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        busy: bool,
    ) -> None:
        super().__init__(QCoreApplication.instance())
        self._parent = parent
        self._on_success = on_success
        self._on_failure = on_failure
        self._busy = busy
        self.running = True
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def deliver(self, ok: bool, value: object) -> None:
        self.running = False
        if self._busy:
            QApplication.restoreOverrideCursor()
        try:
            if not shiboken6.isValid(self._parent):
                return  # the window that asked has gone
            if ok:
                if self._on_success is not None:
                    self._on_success(value)
            else:
                assert isinstance(value, BaseException)
                report_failure(self._parent, value)
                if self._on_failure is not None:
                    self._on_failure(value)
        finally:
            self.done.emit()
            self.deleteLater()


def report_failure(parent: QWidget | None, exc: BaseException) -> None:
    """A UserError is a plain message; anything else is a bug for the crash handler."""
    if isinstance(exc, UserError):
        dialogs.show_error(parent, str(exc))
    else:
        sys.excepthook(type(exc), exc, exc.__traceback__)


def run_in_background(
    parent: QWidget,
    fn: Callable[[], T],
    on_success: Callable[[T], None] | None = None,
    *,
    on_failure: Callable[[BaseException], None] | None = None,
    busy: bool = True,
) -> Operation:
    """Run ``fn`` (a read, or long work with its own progress) on the global pool."""
    operation = Operation(parent, on_success, on_failure, busy)
    _start(QThreadPool.globalInstance(), fn, operation.deliver)
    return operation


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

    # -- asking -------------------------------------------------------------
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
        """Run the event loop until every queued write has answered; False on timeout.

        For closing the window (and for tests): the UI keeps painting meanwhile.
        """
        if not self.pending():
            return True
        loop = QEventLoop()
        self.idle.connect(loop.quit)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(timeout_ms)
        deadline = QDeadlineTimer(timeout_ms)
        while self.pending() and not deadline.hasExpired():
            loop.exec()
        self.idle.disconnect(loop.quit)
        return not self.pending()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Finish what is queued (waiting for a busy store up to ``timeout_ms``)."""
        done = self.wait_idle(timeout_ms)
        self._queue.clear()
        self._retry.stop()
        self._pool.waitForDone(timeout_ms)
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
        _start(self._pool, lambda: write.fn(store), self._answered)

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
