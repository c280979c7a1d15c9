"""Timing what the person sees: the moment a widget has been painted, offscreen Qt.

Shared by the benchmarks that time the real widgets (``editor_open_bench``,
``contacts_table_memory``): each measures to a paint event, not to the return of a call.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QWidget
from shiboken6 import getCppPointer


class PaintClock(QObject):
    """The time (``time.perf_counter``) of the latest paint of each widget it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: dict[int, float] = {}
        self._loop: QEventLoop | None = None

    def watch(self, widget: QWidget) -> None:
        widget.removeEventFilter(self)
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            # Keyed by the C++ object: PySide may hand out a new wrapper for the same widget.
            self.painted[getCppPointer(obj)[0]] = time.perf_counter()
            if self._loop is not None:
                self._loop.quit()
        return False

    def after(self, widget: QWidget, since: float) -> float | None:
        """When ``widget`` was last painted, if that was at or after ``since``."""
        when = self.painted.get(getCppPointer(widget)[0])
        return when if when is not None and when >= since else None

    def run_until(self, done: Callable[[], float | None], timeout_ms: int, what: str) -> float:
        """Run the event loop (as the app does) until ``done()`` gives a time; return it.

        ``done`` is asked again after each paint and each quit of the loop, so whatever it
        waits for must end in a paint of a watched widget (or in ``loop_quit``).
        """
        loop = QEventLoop()
        self._loop = loop
        give_up = QTimer()
        give_up.setSingleShot(True)
        give_up.timeout.connect(loop.quit)
        give_up.start(timeout_ms)
        try:
            while (when := done()) is None:
                if not give_up.isActive():
                    raise TimeoutError(f"{what}: not painted within {timeout_ms} ms")
                loop.exec()
            return when
        finally:
            self._loop = None

    def loop_quit(self) -> None:
        """Wake ``run_until`` (connect a signal to it)."""
        if self._loop is not None:
            self._loop.quit()
