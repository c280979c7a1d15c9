"""A hidden check for the built bundle: paint the main window once, save it, and quit.

``CEOPDESK_SMOKE_PAINT=FILE.png`` makes ``run_app`` save the first frame of the main window
painted after it is filled from the store to FILE.png and exit 0; the bundle's smoke test
(tests/bundle) uses it offscreen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

SMOKE_ENV = "CEOPDESK_SMOKE_PAINT"


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, target: Path) -> None:
        super().__init__(window)
        self._window, self._target, self._done = window, target, False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            QTimer.singleShot(0, self._save_and_quit)  # after this paint has finished
        return False

    def _save_and_quit(self) -> None:
        self._window.grab().save(str(self._target))
        QApplication.quit()


def quit_after_first_paint(window: QWidget, target: Path) -> None:
    window.installEventFilter(_FirstPaint(window, target))
