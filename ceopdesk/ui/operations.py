"""Run work off the UI thread and hear back on it (in the spirit of Anki's aqt/operations).

``run_in_background(parent, fn, on_success)`` runs ``fn()`` on a QThreadPool
worker.  Its result or exception comes back to the UI thread through a queued
signal: ``on_success(result)`` runs there; a ``UserError`` is shown as a plain
message box; anything else goes to ``sys.excepthook`` - the crash handler in
the app, a test failure under pytest-qt.  If ``parent`` has been closed and
deleted meanwhile, the answer is dropped: nobody is left to tell.

Nothing here is global.  The worker touches exactly one Qt object, the
operation's relay, and that object is a child of the application, never of a
widget: a window closing while its job runs cannot delete it under the
worker's feet.  It deletes itself on the UI thread once it has delivered.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from ..core.errors import UserError
from . import dialogs

T = TypeVar("T")


class Operation(QObject):
    """The UI-thread end of one background job."""

    # The answer waits in ``_answer``; the queued signal only says it is there.
    _finished = Signal()
    done = Signal()

    def __init__(self, parent: QWidget, on_success: Callable[[Any], None] | None,
                 on_failure: Callable[[BaseException], None] | None, busy: bool) -> None:  # fmt: skip
        super().__init__(QCoreApplication.instance())  # not the widget (see above)
        self._parent = parent
        self._on_success = on_success
        self._on_failure = on_failure
        self._busy = busy
        self._answer: tuple[bool, object] = (False, None)
        self.running = True
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def _run(self, fn: Callable[[], object]) -> None:
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


def run_in_background(parent: QWidget, fn: Callable[[], T],
                      on_success: Callable[[T], None] | None = None, *,
                      on_failure: Callable[[BaseException], None] | None = None,
                      busy: bool = True) -> Operation:  # fmt: skip
    """Run ``fn`` on the global thread pool; answers arrive on the UI thread."""
    operation = Operation(parent, on_success, on_failure, busy)
    holder = [operation]

    def work() -> None:
        # The worker lets go of the operation before it lets go of the GIL, so the
        # last reference is always dropped on the UI thread, in ``_deliver``.
        job = holder.pop()
        job._run(fn)
        del job

    # A plain callable, not a QRunnable subclass: the pool deletes no Python
    # object from its own thread.
    QThreadPool.globalInstance().start(work)
    return operation
