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
