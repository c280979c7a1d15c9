"""The approver round trip as a person does it: export, edit in LibreOffice, import the edits,
accept the figure, reject the quote, and see both versions and their difference in the History."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QTextBrowser
from screens import save_screenshot
from ui_steps import open_release

from ceopdesk.core.releases import service as releases
from ceopdesk.core.releases import versions
from ceopdesk.documents.exporting import export_release
from ceopdesk.ui import history
from tests.roundtrip_edits import approver_edits

REF = "CEOP-2026-001"


@pytest.fixture
def sent(sample_window, store, tmp_path) -> Path:  # type: ignore[no-untyped-def]
    path, number = export_release(store, REF, tmp_path / "for-approval.docx")
    assert number == 1
    return path


def test_import_edits_accept_one_and_see_the_history(
    sample_window, store, sent, tmp_path, qtbot, monkeypatch, shown
) -> None:
    editor = open_release(sample_window, REF)
    edited = tmp_path / "edited.docx"
    approver_edits(sent, edited)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(edited), "")))
    assert sample_window.menus.approver_action.isEnabled()
    sample_window.menus.approver_action.trigger()
    dialog = sample_window.findChild(history.ApproverEditsDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=10000)
    parts = [r.change.part if r.change else None for r in dialog.rows]
    assert parts == ["sections[0]", "sections[1]", None]  # the last is only commented on
    beside = dialog.rows[2].findChild(QTextBrowser, "partComments").toPlainText()
    assert "A. Approver: Link to the report here?" in beside and "The full findings" in beside
    returned = dialog.rows[0].findChild(QTextBrowser, "returnedText").toPlainText()
    assert "1,240" in returned and "Forces in every region took part." in returned
    dialog.resize(1200, 780)
    save_screenshot(dialog, "approver-edits", tmp_path / "shots")

    dialog.rows[0].accept_box.setChecked(True)  # the figure; the quote is left unticked
    dialog.accept_button.click()
    assert sample_window.ops.wait_idle()
    stored = releases.get(store, REF)
    assert "1,240" in stored.sections[0].text and "safer today" in stored.sections[1].text
    qtbot.waitUntil(lambda: "1,240" in editor.form.read(editor.stored_release()).sections[0].text)

    export_release(store, REF, tmp_path / "second.docx")
    sample_window.menus.history_action.trigger()
    shown_history = sample_window.findChild(history.HistoryDialog)
    assert shown_history is not None
    assert shown_history.version_list.topLevelItemCount() == 2
    shown_history.compare(1, 2)
    page = shown_history.diff_view.toPlainText()
    assert "204" in page and "240" in page and "Section 1" in page
    assert "Section 2" not in page  # the quote change was rejected
    shown_history.resize(980, 680)
    save_screenshot(shown_history, "release-history", tmp_path / "shots")

    shown_history.version_list.setCurrentItem(shown_history.version_list.topLevelItem(1))
    shown.answer = True
    shown_history.restore_button.click()
    assert sample_window.ops.wait_idle()
    assert "1,204" in releases.get(store, REF).sections[0].text
    restored = versions.content_hash(releases.get(store, REF))
    assert restored == versions.content_hash(versions.get_version(store, REF, 1))


def test_a_file_for_another_release_says_so(
    sample_window, store, sent, tmp_path, qtbot, shown
) -> None:
    editor = open_release(sample_window, "CEOP-2026-002")
    dialog = history.import_approver_edits(sample_window, sample_window.ops, editor, sent)
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(shown.errors), timeout=10000)
    assert shown.errors == [
        f"for-approval.docx was exported from {REF}, not CEOP-2026-002; compare it with {REF}."
    ], shown.errors
