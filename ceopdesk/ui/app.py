"""Starting the desktop app: ``run_app(db)`` from the command line, ``main()`` as a gui-script."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QLockFile, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ..core import paths
from ..core.app_lock import app_lock_path
from ..core.atomic import sweep_unfinished_writes
from ..core.errors import StoreError, UserError
from . import dialogs
from .crash import CrashHandler, open_log
from .main_window import MainWindow
from .smoke import SMOKE_ENV, quit_after_first_paint

if TYPE_CHECKING:
    from ..core.store import Store

ORGANISATION = "ceopdesk"
APPLICATION = "ceopdesk"
PAINT_WAIT_MS = 1000  # the store is opened after the shell's first paint, or after this


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    # No display name: Qt would append it to every title ("ceopdesk — FILE — ceopdesk").
    return app


def lock_store(db_path: Path) -> QLockFile | None:
    """Hold a lock beside the store; None (after telling the person) if another ceopdesk has it.

    Two copies of the app editing one store would each autosave over the
    other's changes, so the second one politely refuses to open it.
    """
    lock = QLockFile(str(app_lock_path(db_path)))
    lock.setStaleLockTime(0)  # a lock left by a copy that crashed is cleared by its pid
    if lock.tryLock(200):
        return lock
    owner = lock.getLockInfo()
    where = f" (process id {owner[1]} on {owner[2]})" if owner[0] else " (by another process)"
    dialogs.show_error(
        None,
        f"ceopdesk is already open on this store{where}: {db_path}.\n\n"
        "Switch to that window. Opening the same store twice could lose changes, "
        "so this copy will not open it.",
        "ceopdesk is already open",
    )
    return None


def take_lock(db_path: Path, create_folder: bool) -> tuple[bool, QLockFile | None]:
    """(False, None) if another copy has the store (the person was told), else (True, lock).

    The lock is None when the store's folder does not exist (and is not the default one,
    made here): then the store cannot be opened either, and says why.
    """
    if create_folder:
        with contextlib.suppress(OSError):  # if it cannot be made, the Store says so below
            paths.private_folder(db_path.parent)
    if not db_path.parent.is_dir():
        return True, None
    lock = lock_store(db_path)
    return lock is not None, lock


def open_window(
    db_path: Path, create_folder: bool = True
) -> tuple[MainWindow, QLockFile | None] | None:
    """The lock, the store and the main window; None if the store cannot be opened.

    A damaged or missing store is set aside by the core; the newest good backup
    is offered here, with its date.
    """
    taken, lock = take_lock(db_path, create_folder)
    if not taken:
        return None
    store = store_or_say_why(db_path, create_folder)
    if store is None:
        if lock is not None:
            lock.unlock()
        return None
    return MainWindow(store), lock


def store_or_say_why(db_path: Path, create_folder: bool) -> Store | None:
    """The store, or None after telling the person why it cannot be opened."""
    try:
        return open_store(db_path, create_folder)
    except StoreError as exc:
        dialogs.show_error(None, str(exc), "The store cannot be opened")
        return None


def open_store(db_path: Path, create_folder: bool) -> Store | None:
    """The store; a damaged one is replaced by the newest good backup if the person agrees."""
    from ..core.restore import restore
    from ..core.store import Store, StoreDamaged

    try:
        return Store(db_path, create_folder=create_folder)
    except StoreDamaged as exc:
        if exc.backup is None:
            raise
        question = (
            f"{exc.what}\n\nRestore the backup of {exc.backup.when_text} now? Changes made "
            "after it was taken are not in it."
        )
        if not dialogs.confirm(None, "The store is damaged", question, "Restore that backup"):
            return None
        try:
            restore(db_path, exc.backup.path, from_app=True)
        except UserError as failed:
            dialogs.show_error(None, str(failed), "The backup could not be restored")
            return None
        return Store(db_path)


class _Painted(QObject):
    """Ends ``loop`` once the watched window's first paint has finished."""

    def __init__(self, window: QWidget, loop: QEventLoop) -> None:
        super().__init__(window)
        self._loop = loop
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._loop.quit)  # after this paint has reached the screen
        return False


def show_painted(window: QWidget, timeout_ms: int = PAINT_WAIT_MS) -> None:
    """Show ``window`` and return once it has been painted (or ``timeout_ms`` has passed:
    a window that is never exposed, e.g. started minimised, is filled all the same)."""
    loop = QEventLoop()
    watcher = _Painted(window, loop)
    QTimer.singleShot(timeout_ms, loop.quit)
    window.show()
    loop.exec()
    watcher.deleteLater()


def run_app(db: str | None) -> int:
    """Open the app on the store ``db`` (or the default one); the exit status.

    The order is the start-up's budget: the lock (a second copy is told without a
    window), the shell painted, then the store opened (a damaged one offered its
    backup) and the window filled.
    """
    app = application()
    db_path = paths.default_db_path(db)
    create_folder = not (db or os.environ.get(paths.DB_ENV))
    # A named store whose folder is not there is refused below, with the Store's reason;
    # its log must not make that folder first (a mistyped --db would open a new store).
    named_folder_missing = not create_folder and not db_path.parent.is_dir()
    logs = paths.data_dir() / "logs" if named_folder_missing else paths.log_dir(db_path)
    log, log_path = open_log(logs)
    crash = CrashHandler(log, log_path)
    crash.install()
    log.info("ceopdesk starting on %s", db_path)
    for removed in sweep_unfinished_writes():
        log.info("removed %s, left by an interrupted write", removed)
    lock: QLockFile | None = None
    try:
        taken, lock = take_lock(db_path, create_folder)
        if not taken:
            return 1
        window = MainWindow(store_path=db_path)
        show_painted(window)
        store = store_or_say_why(db_path, create_folder)
        if store is None:
            window.close()
            window.deleteLater()
            return 1
        window.attach(store)
        if not window.isVisible():  # closed by the person while the store was opening
            store.close()
            return 0
        from .backups_dialog import AutoBackup

        auto = AutoBackup(window.ops)
        if os.environ.get(SMOKE_ENV):
            quit_after_first_paint(window, Path(os.environ[SMOKE_ENV]))
            window.update()  # the filled window, painted again
        try:
            return app.exec()
        finally:
            auto.timer.stop()
            window.store.close()
            closing_backup(db_path, log)
    finally:
        if lock is not None:
            lock.unlock()
        log.info("ceopdesk closed")
        crash.uninstall()


def closing_backup(db_path: Path, log: logging.Logger) -> None:
    """A verified backup on closing, if anything changed since the last one."""
    from ..core import backup

    made = backup.auto_backup(db_path, "closing")
    if made is not None:
        log.info("backed up on closing to %s", made.path)


def main() -> None:
    """The gui-script entry point: ``ceopdesk-gui [--db PATH]``."""
    parser = argparse.ArgumentParser(prog="ceopdesk-gui", description="The ceopdesk desktop app.")
    parser.add_argument("--db", metavar="PATH", help="the store file")
    args, _qt_args = parser.parse_known_args()
    sys.exit(run_app(args.db))
