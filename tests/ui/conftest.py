"""Fixtures for the desktop app tests: per-test UI state, a main window, recorded dialogs."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _own_ui_state(qapp, request: pytest.FixtureRequest) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Each test gets its own QSettings and clipboard, so nothing leaks between tests."""
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", request.node.name)[:80]
    QCoreApplication.setOrganizationName("ceopdesk-tests")
    QCoreApplication.setApplicationName(name)
    QSettings().clear()
    # A steady text cursor: a blinking one changes the picture every half second, so a test
    # waiting for the window to stop changing (ui_steps.wait_still) would wait on the blink.
    flash = QApplication.cursorFlashTime()
    QApplication.setCursorFlashTime(0)
    yield
    QApplication.setCursorFlashTime(flash)
    QSettings().clear()
    # Also: the offscreen platform keeps clipboard data in a global that outlives
    # Python, and a QMimeData made in Python crashes the process when that global
    # is destroyed at exit (real platforms' clipboards go with the application).
    QGuiApplication.clipboard().clear()


class Dialogs:
    """Stands in for ceopdesk.ui.dialogs: records what would have been shown."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.questions: list[str] = []
        self.answer = True

    def show_error(self, _parent: object, message: str, _title: str = "") -> None:
        self.errors.append(message)

    def show_info(self, _parent: object, message: str, _title: str = "") -> None:
        self.infos.append(message)

    def confirm(self, _parent: object, _title: str, message: str, _action: str) -> bool:
        self.questions.append(message)
        return self.answer


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    from ceopdesk.ui import dialogs

    recorder = Dialogs()
    for name in ("show_error", "show_info", "confirm"):
        monkeypatch.setattr(dialogs, name, getattr(recorder, name))
    return recorder


@pytest.fixture
def ops(qapp, store):  # type: ignore[no-untyped-def]
    """The one write queue (and reader) on ``store``, as the main window hands its views."""
    from ceopdesk.ui.operations import StoreOps

    queue = StoreOps(store)
    yield queue
    queue.shutdown(5000)
    queue.deleteLater()


@pytest.fixture
def window(qtbot, store, shown):  # type: ignore[no-untyped-def]
    from ceopdesk.ui.main_window import MainWindow

    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(1280, 820)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def sample_window(qtbot, store, shown):  # type: ignore[no-untyped-def]
    """A main window on a store holding the sample library."""
    from ceopdesk.core import demo
    from ceopdesk.ui.main_window import MainWindow

    demo.load_sample(store)
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(1280, 820)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.releases.list_panel.model.rowCount() == 3)
    return w
