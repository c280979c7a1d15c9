"""Starting the app: the store lock, a store that cannot be opened, the crash handler,
and the background-operations helper."""

from __future__ import annotations

import logging
import sys

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox, QWidget

from ceopdesk.core.errors import UserError
from ceopdesk.ui import app, crash
from ceopdesk.ui.operations import run_in_background


def test_open_window_holds_a_lock_and_a_second_copy_is_refused(qtbot, tmp_path, shown) -> None:
    db = tmp_path / "data" / "store.db"
    opened = app.open_window(db)
    assert opened is not None
    window, lock = opened
    qtbot.addWidget(window)
    assert lock is not None and lock.isLocked()
    assert app.open_window(db) is None
    assert "already open on this store" in shown.errors[-1]
    lock.unlock()
    again = app.open_window(db)
    assert again is not None
    qtbot.addWidget(again[0])
    assert again[1] is not None
    again[1].unlock()


def test_a_store_that_cannot_be_opened_is_one_sentence(tmp_path, shown) -> None:
    db = tmp_path / "broken.db"
    db.write_bytes(b"this is not a database at all" * 100)
    assert app.open_window(db) is None
    assert "is not a ceopdesk store or is damaged" in shown.errors[-1]
    assert app.lock_store(db) is not None  # the lock was given back


def test_run_app_returns_1_when_the_store_cannot_be_opened(tmp_path, shown) -> None:
    db = tmp_path / "broken.db"
    db.write_bytes(b"garbage" * 500)
    hook = sys.excepthook
    assert app.run_app(str(db)) == 1
    assert sys.excepthook is hook  # the crash handler put back what was there
    assert (tmp_path / "logs" / crash.LOG_NAME).is_file()


def test_the_crash_handler_logs_and_shows_a_dialog(tmp_path, monkeypatch) -> None:
    log, path = crash.open_log(tmp_path / "logs")
    handler = crash.CrashHandler(log, path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()))
    try:
        raise ValueError("something broke")
    except ValueError as exc:
        handler.excepthook(type(exc), exc, exc.__traceback__)
    for h in log.handlers:
        h.flush()
    text = path.read_text()
    assert "ValueError: something broke" in text and "Traceback" in text
    assert shown and "ValueError: something broke" in shown[0] and str(path) in shown[0]


def test_qt_warnings_go_to_the_log(tmp_path) -> None:
    log, path = crash.open_log(tmp_path / "logs")
    handler = crash.CrashHandler(log, path)
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    handler.qt_message(QtMsgType.QtWarningMsg, QMessageLogContext(), "a Qt warning")
    for h in log.handlers:
        h.flush()
    assert "Qt: a Qt warning" in path.read_text()
    logging.getLogger("ceopdesk.ui").handlers.clear()


def test_operations_deliver_results_on_the_ui_thread(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    got: list[object] = []
    run_in_background(parent, lambda: 6 * 7, got.append, busy=False)
    qtbot.waitUntil(lambda: got == [42])


def test_operations_show_a_user_error_as_a_message(qtbot, shown) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    failures: list[BaseException] = []

    def refuse() -> None:
        raise UserError("That file is open in Word.")

    run_in_background(parent, refuse, on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert shown.errors == ["That file is open in Word."]


def test_operations_send_bugs_to_the_crash_handler(qtbot, monkeypatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: hooked.append(exc))

    def broken() -> None:
        raise KeyError("bug")

    run_in_background(parent, broken)
    qtbot.waitUntil(lambda: bool(hooked))
    assert isinstance(hooked[0], KeyError)


@pytest.mark.parametrize("argv", [["ceopdesk-gui", "--db", "x.db"]])
def test_main_reads_db_from_the_command_line(monkeypatch, argv) -> None:
    seen: list[str | None] = []
    monkeypatch.setattr(sys, "argv", argv)
    monkeypatch.setattr(app, "run_app", lambda db: seen.append(db) or 0)
    with pytest.raises(SystemExit) as exit_info:
        app.main()
    assert exit_info.value.code == 0 and seen == ["x.db"]


def test_an_answer_for_a_closed_window_is_dropped(qtbot) -> None:
    import threading

    parent = QWidget()
    release = threading.Event()
    got: list[object] = []

    def slow() -> int:
        release.wait(5)
        return 1

    operation = run_in_background(parent, slow, got.append, busy=False)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(parent))
    release.set()
    qtbot.waitUntil(lambda: not operation.running)
    assert got == []
