"""Small steps the UI tests share: open a release, type into the form, wait for autosave,
wait for a widget to stop changing."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from ceopdesk.ui.editor.editor import ReleaseEditor
from ceopdesk.ui.main_window import MainWindow


def open_release(window: MainWindow, reference: str) -> ReleaseEditor:
    window.releases.open_release(reference)
    assert window.releases.editor_is_shown()
    return window.releases.editor


def preview_text(editor: ReleaseEditor) -> str:
    return editor.preview.browser.toPlainText()


def wait_preview(qtbot, editor: ReleaseEditor, contains: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: contains in preview_text(editor), timeout=5000)


def saved(editor: ReleaseEditor) -> None:
    """Queue what the form holds and wait until the store has confirmed it."""
    editor.flush()
    assert editor.ops.wait_idle(10_000)
    assert not editor.is_dirty(), editor.unsaved_reason()


def new_release(window: MainWindow) -> ReleaseEditor:
    """File ▸ New release, once the draft is open."""
    window.new_release()
    assert window.ops.wait_idle(10_000)
    assert window.releases.editor_is_shown()
    return window.releases.editor


def wait_still(qtbot, widget: QWidget, timeout: int = 5000) -> QImage:  # type: ignore[no-untyped-def]
    """Wait until two paintings of ``widget``, an event-loop turn apart, are the same picture.

    Layouts, scroll bars and rows painted in (fetching their pages) happen on later turns of
    the event loop; this waits for them to be done, however long the machine takes, instead
    of sleeping a guessed time. Returns the settled picture.
    """
    last: list[QImage] = []

    def unchanged() -> bool:
        image = widget.grab().toImage()
        same = bool(last) and image == last[-1]
        last[:] = [image]
        return same

    qtbot.waitUntil(unchanged, timeout=timeout)
    return last[-1]


def moved(editor: ReleaseEditor) -> None:
    """After a workflow button: the checks before submission (off the UI thread), then the
    move's write, have answered."""
    while (checking := editor.workflow.checking) is not None:
        loop, limit = QEventLoop(), QTimer()
        limit.setSingleShot(True)
        limit.timeout.connect(loop.quit)
        checking.done.connect(loop.quit)
        limit.start(20_000)
        loop.exec()
        limit.stop()
        assert editor.workflow.checking is not checking, "the checks did not answer in 20 s"
    assert editor.ops.wait_idle(10_000)
