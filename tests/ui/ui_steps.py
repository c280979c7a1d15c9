"""Small steps the UI tests share: open a release, type into the form, wait for autosave."""

from __future__ import annotations

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
