"""A picture of each screen, checked to be a real picture at a sane size.

Saved to a temporary folder, and also to $CEOPDESK_SCREENSHOTS when it is set
(`CEOPDESK_SCREENSHOTS=resources/screenshots make test` refreshes the README's).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from screens import save_screenshot
from ui_steps import wait_preview

from ceopdesk.ui.editor.approval_dialog import ApprovalDialog

MAIN_WINDOW = (800, 500)


def test_screenshot_welcome(window, tmp_path) -> None:
    assert window.pages.currentWidget() is window.welcome
    save_screenshot(window, "welcome", tmp_path, MAIN_WINDOW)


def test_screenshot_releases_list(sample_window, tmp_path) -> None:
    panel = sample_window.releases.list_panel
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    panel.select("CEOP-2026-001")
    save_screenshot(sample_window, "releases", tmp_path, MAIN_WINDOW)


def test_screenshot_editor(sample_window, tmp_path, qtbot) -> None:
    sample_window.releases.open_release("CEOP-2026-001")
    editor = sample_window.releases.editor
    wait_preview(qtbot, editor, "Helen Marsh")
    qtbot.waitUntil(lambda: bool(editor.preview.counts.text()))
    save_screenshot(sample_window, "editor", tmp_path, MAIN_WINDOW)


def test_screenshot_editor_approved(sample_window, tmp_path, qtbot) -> None:
    sample_window.releases.open_release("CEOP-2026-002")
    editor = sample_window.releases.editor
    wait_preview(qtbot, editor, "PRESS RELEASE")
    save_screenshot(sample_window, "editor-approved", tmp_path, MAIN_WINDOW)


def test_screenshot_editor_notes_and_contact(sample_window, tmp_path, qtbot) -> None:
    sample_window.releases.open_release("CEOP-2026-001")
    editor = sample_window.releases.editor
    editor.form.notes.list.setCurrentRow(0)
    editor.form_scroll.ensureWidgetVisible(editor.form.contact)
    wait_preview(qtbot, editor, "Helen Marsh")
    save_screenshot(sample_window, "editor-notes", tmp_path, MAIN_WINDOW)


def test_screenshot_record_approval_dialog(qtbot, tmp_path) -> None:
    dialog = ApprovalDialog("CEOP-2026-001", "Record number of children safeguarded", None)
    qtbot.addWidget(dialog)
    dialog.approver.setText("Helen Marsh, Director")
    dialog.note.setPlainText("Approved by email; figures checked with the analysts.")
    dialog.show()
    qtbot.waitExposed(dialog)
    save_screenshot(dialog, "record-approval", tmp_path, (400, 200))
