"""Run work off the UI thread and hear back on it (in the spirit of Anki's aqt/operations).

``run_in_background(parent, fn, on_success)`` runs ``fn()`` on a QThreadPool
worker.  Its result or exception comes back to the UI thread through a queued
signal: ``on_success(result)`` runs there; a ``UserError`` is shown as a plain
message box; anything else goes to ``sys.excepthook`` - the crash handler in
the app, a test failure under pytest-qt.  Nothing here is global: the relay
object that carries the answer is a child of ``parent``.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from ..core.errors import UserError
from . import dialogs

T = TypeVar("T")


class Operation(QObject):
    """The UI-thread end of one background job; deleted once it has reported."""

    # The answer waits in ``_answer``; the queued signal only says it is there.
    _finished = Signal()
    done = Signal()

    def __init__(self, parent: QWidget, on_success: Callable[[Any], None] | None,
                 on_failure: Callable[[BaseException], None] | None, busy: bool) -> None:  # fmt: skip
        super().__init__(parent)
        self._parent = parent
        self._on_success = on_success
        self._on_failure = on_failure
        self._busy = busy
        self.running = True
        self._answer: tuple[bool, object] = (False, None)
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    @Slot()
    def _deliver(self) -> None:
        ok, value = self._answer
        self._answer = (False, None)
        self.running = False
        if self._busy:
            QApplication.restoreOverrideCursor()
        try:
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


def _job(fn: Callable[[], object], operation: Operation) -> Callable[[], None]:
    """What the worker thread runs: ``fn``, then the answer sent back to the UI thread."""

    def run() -> None:
        try:
            ok, value = True, fn()
        except BaseException as exc:  # noqa: BLE001 - every failure is reported
            ok, value = False, exc
        with contextlib.suppress(RuntimeError):  # the window that asked has gone
            operation._answer = (ok, value)
            operation._finished.emit()

    return run


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
    # A plain callable, not a QRunnable subclass: the pool never deletes a Python
    # object from its own thread.
    QThreadPool.globalInstance().start(_job(fn, operation))
    return operation
