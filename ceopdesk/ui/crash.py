"""Never a silent crash: unhandled errors are logged beside the store and shown in a dialog."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core import paths

LOG_NAME = "ceopdesk-app.log"


def open_log(folder: Path) -> tuple[logging.Logger, Path]:
    """A rotating log file in ``folder`` (created if needed)."""
    log = logging.getLogger("ceopdesk.ui")
    path = folder / LOG_NAME
    try:
        paths.private_folder(folder)
        handler: logging.Handler = RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        paths.make_private(path)
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for old in list(log.handlers):
        log.removeHandler(old)
        old.close()
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    return log, path


# What qInstallMessageHandler takes and gives back (the previous handler, or None).
QtMessageHandler = Callable[[QtMsgType, QMessageLogContext, str], object]


class CrashHandler:
    """Installed by ``run_app``: sys.excepthook, threading.excepthook and Qt's messages."""

    def __init__(self, log: logging.Logger, log_path: Path) -> None:
        self.log = log
        self.log_path = log_path
        self._showing = False
        self._previous = (sys.excepthook, threading.excepthook)
        self._previous_qt: QtMessageHandler | None = None

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook
        self._previous_qt = qInstallMessageHandler(self.qt_message)

    def uninstall(self) -> None:
        """Put back the hooks that were there before ``install``."""
        sys.excepthook, threading.excepthook = self._previous
        qInstallMessageHandler(self._previous_qt)

    # -- hooks --------------------------------------------------------------
    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        self.log.error("Unhandled error\n%s", details)
        self.show(f"{kind.__name__}: {exc}", details)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        level = {
            QtMsgType.QtDebugMsg: logging.DEBUG,
            QtMsgType.QtInfoMsg: logging.INFO,
            QtMsgType.QtWarningMsg: logging.WARNING,
            QtMsgType.QtCriticalMsg: logging.ERROR,
            QtMsgType.QtFatalMsg: logging.CRITICAL,
        }.get(kind, logging.WARNING)
        where = f" ({context.file}:{context.line})" if context.file else ""
        self.log.log(level, "Qt: %s%s", message, where)
        if level >= logging.ERROR:
            # Not from inside Qt's own call: show it once control is back in the loop.
            QTimer.singleShot(0, lambda: self.show(f"Qt reported: {message}", message))

    # -- the dialog ---------------------------------------------------------
    def show(self, summary: str, details: str) -> None:
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            box = QMessageBox(QApplication.activeWindow())
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle("Something went wrong")
            box.setText(
                "Something went wrong inside ceopdesk. This is a fault in the program, "
                "not something you did."
            )
            box.setInformativeText(
                f"{summary}\n\nYour releases are saved as you type. The details were written "
                f"to {self.log_path}; please send that file to whoever looks after ceopdesk."
            )
            box.setDetailedText(details)
            box.exec()
        except Exception:  # noqa: BLE001 - a failing dialog must not loop back here
            self.log.exception("Could not show the error dialog")
        finally:
            self._showing = False
