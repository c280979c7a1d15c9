"""Workflow buttons (enabled only where the core allows, the reason where not), read-only
releases, approval voided by an edit, and Export Word / Copy as email text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from ui_steps import moved, new_release, saved

from ceopdesk.core.domain import ContactBlock
from ceopdesk.core.releases import service as releases
from ceopdesk.core.releases import workflow
from ceopdesk.ui.editor import actions as actions_module
from ceopdesk.ui.editor.approval_dialog import ApprovalDialog
from ceopdesk.ui.editor.export import default_file_name
from tests.helpers import sample_release


def approve_with(monkeypatch: pytest.MonkeyPatch, name: str, note: str | None = None) -> None:
    class Answered(ApprovalDialog):
        def exec(self) -> int:  # type: ignore[override]
            self.approver.setText(name)
            self.note.setPlainText(note or "")
            return QDialog.DialogCode.Accepted if self.ok_button.isEnabled() else 0

    monkeypatch.setattr(actions_module, "ApprovalDialog", Answered)


@pytest.fixture
def draft(window):  # type: ignore[no-untyped-def]
    editor = new_release(window)
    # complete enough to pass the checks at submission (tests/ui/test_submit_checks.py)
    editor.form.release_date.set_value(date(2026, 6, 17))
    editor.form.contact.set_contact(ContactBlock("CEOP Press Office", phone="0870 000 3434"))
    editor.form.headline.setText("Children safer online after campaign")
    saved(editor)
    return editor


def click(editor, target: str) -> None:  # type: ignore[no-untyped-def]
    editor.bar.buttons[target].click()
    moved(editor)


def buttons(editor):  # type: ignore[no-untyped-def]
    return editor.bar.buttons


def test_a_draft_can_be_submitted_or_withdrawn_only(draft) -> None:
    b = buttons(draft)
    assert b["in_review"].isEnabled() and b["withdrawn"].isEnabled()
    for target in ("approved", "issued", "draft"):
        assert not b[target].isEnabled()
        assert b[target].toolTip(), target
    assert "submit it for approval first" in b["approved"].toolTip()
    assert "only an approved release can be issued" in b["issued"].toolTip()
    assert draft.bar.status.text() == "Draft"


def test_the_whole_workflow_through_the_buttons(draft, store, monkeypatch, shown) -> None:
    ref = draft.reference
    click(draft, "in_review")
    assert releases.get(store, ref).status == "in_review"
    assert draft.bar.status.text() == "In review"
    assert draft.bar.buttons["approved"].isEnabled()
    assert draft.bar.buttons["draft"].isEnabled()
    assert not draft.bar.buttons["in_review"].isEnabled()

    approve_with(monkeypatch, "Helen Marsh", "Figures checked")
    click(draft, "approved")
    stored = releases.get(store, ref)
    assert (stored.status, stored.approved_by, stored.approval_note) == (
        "approved",
        "Helen Marsh",
        "Figures checked",
    )
    assert draft.bar.approval.text().startswith("Approved by Helen Marsh on ")
    assert draft.bar.approval.text().endswith(" — Figures checked")
    assert "locked" in draft.banner.text() and not draft.form.isEnabled()

    click(draft, "issued")
    assert "cannot be undone" in shown.questions[-1] and ref in shown.questions[-1]
    assert releases.get(store, ref).status == "issued"
    assert not draft.form.isEnabled()
    assert "read-only" in draft.banner.text()
    assert not draft.bar.buttons["draft"].isEnabled()
    assert "can only be withdrawn" in draft.bar.buttons["draft"].toolTip()

    click(draft, "withdrawn")
    assert "Withdraw" in shown.questions[-1] and "cannot be undone" in shown.questions[-1]
    assert releases.get(store, ref).status == "withdrawn"
    reopen = draft.bar.buttons["draft"]
    assert not reopen.isEnabled()
    assert "was issued before it was withdrawn" in reopen.toolTip()
    assert "cannot be reopened" in draft.banner.text()


def test_withdraw_asks_first_and_cancel_changes_nothing(draft, store, shown) -> None:
    shown.answer = False
    click(draft, "withdrawn")
    assert releases.get(store, draft.reference).status == "draft"


def test_a_withdrawn_draft_can_be_reopened(draft, store, shown) -> None:
    click(draft, "withdrawn")
    assert "You can reopen it as a draft later" in shown.questions[-1]
    assert not draft.form.isEnabled()
    click(draft, "draft")
    assert releases.get(store, draft.reference).status == "draft"
    assert draft.form.isEnabled()


def test_record_approval_needs_the_approvers_name(qtbot) -> None:
    dialog = ApprovalDialog("CEOP-2026-001", "A headline", None)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.approver.setText("   ")
    assert not dialog.ok_button.isEnabled()
    dialog.approver.setText("Helen Marsh")
    assert dialog.ok_button.isEnabled()
    assert dialog.approver_name() == "Helen Marsh" and dialog.note_text() is None


def test_cancelling_the_approval_dialog_changes_nothing(draft, store, monkeypatch) -> None:
    click(draft, "in_review")
    approve_with(monkeypatch, "")  # no name: the dialog cannot be accepted
    click(draft, "approved")
    assert releases.get(store, draft.reference).status == "in_review"


def test_an_approved_release_opens_locked_and_only_make_changes_voids_it(
    draft, store, qtbot
) -> None:
    workflow.set_status(store, draft.reference, "in_review")
    workflow.set_status(store, draft.reference, "approved", "Helen Marsh")
    draft.open(draft.reference)
    assert not draft.form.isEnabled()
    button = draft.make_changes_button
    assert button.isVisible() and "voids the approval by Helen Marsh" in button.text()
    qtbot.keyClicks(draft.form.headline, ".")  # a stray keystroke changes nothing
    draft.flush()
    assert draft.ops.wait_idle()
    assert releases.get(store, draft.reference).status == "approved"
    assert draft.form.headline.text() == "Children safer online after campaign"

    button.click()
    assert draft.ops.wait_idle()
    stored = releases.get(store, draft.reference)
    assert stored.status == "draft" and stored.approved_by is None
    assert draft.form.isEnabled() and not button.isVisible()
    assert draft.bar.status.text() == "Draft"
    assert "The approval by Helen Marsh is void" in draft.banner.text()
    draft.form.place.setText("Leeds")
    saved(draft)
    assert releases.get(store, draft.reference).place == "Leeds"


def test_the_approver_completes_from_approvers_recorded_before(store, qtbot) -> None:
    for i, name in enumerate(("Helen Marsh", "Daniel Okafor", "Helen Marsh")):
        ref = releases.create(store, sample_release(f"CEOP-2026-0{i + 20}")).reference
        workflow.set_status(store, ref, "in_review")
        workflow.set_status(store, ref, "approved", name)
    assert workflow.approvers(store) == ["Helen Marsh", "Daniel Okafor"]
    dialog = ApprovalDialog("CEOP-2026-001", "A headline", None, workflow.approvers(store))
    qtbot.addWidget(dialog)
    completer = dialog.approver.completer()
    completer.setCompletionPrefix("okaf")
    assert completer.currentCompletion() == "Daniel Okafor"
    dialog.approver.setText("Helen Marsh")
    assert dialog.new_name.isHidden()
    dialog.approver.setText("Helen Marshe")
    assert not dialog.new_name.isHidden()


def test_export_word_through_the_dialog(window, draft, store, tmp_path, monkeypatch, qtbot) -> None:
    offered: list[str] = []

    def save_as(_parent, _caption, suggested, _filter):  # type: ignore[no-untyped-def]
        offered.append(suggested)
        return str(tmp_path / "out" / "first"), "Word documents (*.docx)"

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    window.menus.export_action.trigger()
    target = tmp_path / "out" / "first.docx"
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=10000)
    assert target.is_file() and target.stat().st_size > 1000
    assert window.statusBar().currentMessage() == "Exported first.docx (version 1)"
    assert Path(offered[0]).name == f"{draft.reference}-children-safer-online-after.docx"
    assert releases.get(store, draft.reference).version_count == 1

    # The next export starts in the folder used last; the same content keeps its number.
    window.statusBar().clearMessage()
    window.menus.export_action.trigger()
    qtbot.waitUntil(lambda: "(version 1)" in window.statusBar().currentMessage(), timeout=10000)
    assert Path(offered[1]).parent == tmp_path / "out"


def test_cancelling_the_export_dialog_writes_nothing(window, draft, store, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: ("", "")))
    window.menus.export_action.trigger()
    assert window.ops.wait_idle()
    assert releases.get(store, draft.reference).version_count == 0


def test_an_export_that_fails_says_why(
    window, draft, store, tmp_path, monkeypatch, shown, qtbot
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file, not a folder")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(blocked / "x.docx"), ""))
    )
    window.menus.export_action.trigger()
    qtbot.waitUntil(lambda: bool(shown.errors), timeout=10000)
    assert draft.bar.export_button.isEnabled()
    assert releases.get(store, draft.reference).version_count == 0


def test_default_file_name_is_reference_and_headline_slug() -> None:
    assert default_file_name("CEOP-2026-001", "Record number of children safeguarded") == (
        "CEOP-2026-001-record-number-of-children.docx"
    )
    assert default_file_name("CEOP-2026-002", "Élan: ‘quoted’ words!") == (
        "CEOP-2026-002-elan-quoted-words.docx"
    )


def test_copy_as_email_text(window, draft) -> None:
    draft.form.standfirst.setPlainText("A standfirst for the email.")
    window.menus.copy_action.trigger()
    text = QApplication.clipboard().text()
    assert "Children safer online after campaign" in text
    assert "A standfirst for the email." in text
    assert "Copied" in window.statusBar().currentMessage()
    # HTML too, for a mail program that pastes formatting (Outlook).
    data = QApplication.clipboard().mimeData()
    assert data.hasHtml() and "<h1" in data.html() and "A standfirst for the email." in data.html()
