"""The process the kill harness kills: it types into a release through the editor's own
path (the form, its autosave, StoreOps) and reports each length the store has confirmed.

Reports go to an O_APPEND file descriptor: a line written there is in the kernel at once,
so it survives a SIGKILL one instruction later, as the store's committed rows do.
"""

from __future__ import annotations

import os
import time

# Starts with a digit: the standfirst is stored as Markdown, which keeps no leading space.
TEXT = "".join(" " if i % 7 == 6 else f"{i % 10}" for i in range(100_000))


def typed_text(length: int) -> str:
    """What the harness types, as far as ``length``: each run goes on from the last."""
    return TEXT[:length]


def run(db: str, reference: str, report: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ceopdesk.core.store import Store
    from ceopdesk.ui.editor.editor import ReleaseEditor
    from ceopdesk.ui.operations import StoreOps

    out = os.open(report, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def say(line: str) -> None:
        os.write(out, f"{line} {time.monotonic():.4f}\n".encode())

    say("started 0")

    app = QApplication.instance() or QApplication([])
    store = Store(db)
    ops = StoreOps(store)
    editor = ReleaseEditor(ops)
    editor.open(reference)
    box = editor.form.standfirst

    def saved(confirmed) -> None:  # type: ignore[no-untyped-def]
        say(f"saved {len(confirmed.standfirst)}")  # the form as the store confirmed it

    def type_one() -> None:
        n = len(box.toPlainText())
        box.moveCursor(box.textCursor().MoveOperation.End)
        box.insertPlainText(TEXT[n])  # one keystroke, through the form's own signals
        say(f"typed {n + 1}")

    editor.saved.connect(saved)
    say(f"ready {len(box.toPlainText())}")
    keys = QTimer()
    keys.timeout.connect(type_one)
    keys.start(15)  # about 65 keystrokes a second: a fast typist
    app.exec()
