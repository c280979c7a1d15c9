"""Work off the UI thread, answered on it: the relay every background job uses (the write
queue of ``operations``, the reads of ``queries``) and ``run_in_background`` for long work
with its own progress (imports, exports, a search over 100k contacts)."""

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


def start(
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
    start(QThreadPool.globalInstance(), fn, operation.deliver)
    return operation
