"""Starting the app: the store lock, a store that cannot be opened, the crash handler,
the background-operations helper, and the shell painted before the store is opened."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox, QWidget

import ceopdesk
from ceopdesk.core.errors import UserError
from ceopdesk.ui import app, crash
from ceopdesk.ui.main_window import MainWindow
from ceopdesk.ui.operations import run_in_background
from tests.helpers import damage_after_a_backup


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


def test_a_store_named_in_a_folder_that_is_not_there_opens_nothing(tmp_path, shown) -> None:
    typo = tmp_path / "Press ofice" / "store.db"  # a mistyped --db
    assert app.run_app(str(typo)) == 1
    assert "does not exist" in shown.errors[-1] and str(typo.parent) in shown.errors[-1]
    assert not typo.parent.exists()  # before: its log folder was made, then a new empty store


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


# -- the painted shell first, then the store -----------------------------------------------

# ceopdesk's own start in a fresh process, watched at the main window's first paint (what is
# loaded then) and at the first paint once it is filled (what it shows), then quit.
START_AND_LOOK = r"""
import sys
from PySide6.QtCore import QEvent, QObject
from ceopdesk.ui import app as app_module
from ceopdesk.ui.main_window import MainWindow
from tests.helpers import damage_after_a_backup

qapp = app_module.application()

class Look(QObject):
    seen = []

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.isWidgetType():
            window = obj.window()
            if isinstance(window, MainWindow) and len(self.seen) < 2:
                if not self.seen or window.is_open():
                    page = window.pages.currentWidget()
                    shown = "welcome" if page is window.welcome else (
                        window.releases.list_panel.count_label.text())
                    self.seen.append(f"{'sqlalchemy' in sys.modules} {shown}")
                if len(self.seen) == 2:
                    print(*self.seen, sep="\n", flush=True)
                    qapp.exit(0)
        return False

look = Look()
qapp.installEventFilter(look)
sys.exit(app_module.run_app(sys.argv[1]))
"""


def _start(db, tmp_path) -> list[str]:  # type: ignore[no-untyped-def]
    root = str(Path(ceopdesk.__file__).resolve().parents[1])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": root}
    result = subprocess.run(
        [sys.executable, "-c", START_AND_LOOK, str(db)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-2:]


def test_the_window_is_painted_then_filled_without_loading_the_orm(tmp_path) -> None:
    from ceopdesk.core import demo
    from ceopdesk.core.store import Store

    db = tmp_path / "store.db"
    store = Store(db)
    demo.load_sample(store)
    store.close()
    shell, filled = _start(db, tmp_path)
    assert shell == "False Loading releases…"  # painted with no SQLAlchemy loaded
    assert filled == "False 3 releases"  # and filled without it (the list reads with sqlite3)


def test_a_new_store_starts_on_the_welcome_page_after_the_shell(tmp_path) -> None:
    assert _start(tmp_path / "new.db", tmp_path) == ["False Loading releases…", "True welcome"]


def _record_windows(monkeypatch: pytest.MonkeyPatch) -> list[MainWindow]:
    made: list[MainWindow] = []

    def make(*args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(MainWindow(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(app, "MainWindow", make)
    return made


def test_a_second_copy_is_refused_before_any_window_is_shown(
    qtbot, tmp_path, shown, monkeypatch
) -> None:
    made = _record_windows(monkeypatch)
    db = tmp_path / "store.db"
    held = app.lock_store(db)
    assert held is not None
    try:
        assert app.run_app(str(db)) == 1
    finally:
        held.unlock()
    assert "already open on this store" in shown.errors[-1]
    assert made == []


def test_a_damaged_store_declined_at_start_closes_the_shell(
    qtbot, tmp_path, shown, monkeypatch
) -> None:
    from ceopdesk.core.store import Store

    db = tmp_path / "store.db"
    Store(db).close()
    damage_after_a_backup(db)
    shown.answer = False
    made = _record_windows(monkeypatch)
    assert app.run_app(str(db)) == 1
    assert "damaged" in shown.questions[-1]  # asked over the painted shell
    assert len(made) == 1 and not made[0].is_open()
    qtbot.waitUntil(lambda: not shiboken6.isValid(made[0]))  # closed and deleted
    assert app.lock_store(db) is not None  # the lock was given back


def test_the_shell_keeps_a_page_chosen_before_the_store_is_open(qtbot, store, shown) -> None:
    shell = MainWindow(store_path=store.path)
    qtbot.addWidget(shell)
    shell.show()
    qtbot.waitExposed(shell)
    assert not shell.is_open() and not shell.menus.new_action.isEnabled()
    assert shell.releases.list_panel.count_label.text() == "Loading releases…"
    shell.nav.setCurrentRow(2)  # Contacts, clicked while the store is opening
    assert shell.pages.currentWidget() is shell.releases
    shell.attach(store)
    assert shell.is_open() and shell.menus.new_action.isEnabled()
    assert shell.pages.currentWidget() is shell.contacts  # not the welcome page
    shell.close()


def test_a_shell_closed_before_the_store_opened_closes_quietly(qtbot, tmp_path, shown) -> None:
    shell = MainWindow(store_path=tmp_path / "store.db")
    qtbot.addWidget(shell)
    shell.show()
    qtbot.waitExposed(shell)
    assert shell.close()
    assert shown.questions == [] and shown.errors == []
