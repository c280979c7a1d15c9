"""Submit for approval in the editor: blocking findings stop it, warnings are listed,
a legal warning needs a reason that lands in the version and the history."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog
from ui_steps import new_release, saved

from ceopdesk.core import audit
from ceopdesk.core.domain import ContactBlock, TextSection
from ceopdesk.core.releases import service as releases
from ceopdesk.core.releases import versions
from ceopdesk.ui.editor import submit_checks
from ceopdesk.ui.editor.submit_checks import LegalReasonsDialog


def write(window, body: str, dated: bool = True):  # type: ignore[no-untyped-def]
    editor = new_release(window)
    editor.form.release_date.set_value(date(2026, 6, 17) if dated else None)
    editor.form.contact.set_contact(ContactBlock("CEOP Press Office", phone="0870 000 3434"))
    editor.form.sections.set_sections([TextSection(body)])
    editor.form.headline.setText("Girl protected after online grooming case")
    saved(editor)
    return editor


def submit(editor) -> None:  # type: ignore[no-untyped-def]
    editor.bar.buttons["in_review"].click()
    assert editor.ops.wait_idle(10_000)


def test_a_blocking_finding_is_listed_and_nothing_moves(window, store, shown) -> None:
    editor = write(window, "Body text.", dated=False)
    submit(editor)
    assert releases.get(store, editor.reference).status == "draft"
    assert "cannot be submitted yet" in shown.errors[-1] and "no release date" in shown.errors[-1]


def test_plain_warnings_are_listed_and_the_person_can_say_no(window, store, shown) -> None:
    editor = write(window, "Officers organized the the operation.")
    shown.answer = False
    submit(editor)
    assert releases.get(store, editor.reference).status == "draft"
    assert "2 warnings" in shown.questions[-1] and "organized" in shown.questions[-1]
    shown.answer = True
    submit(editor)
    assert releases.get(store, editor.reference).status == "in_review"


def test_a_legal_warning_needs_a_reason_which_the_history_keeps(
    window, store, shown, monkeypatch, qtbot
) -> None:
    editor = write(window, "Emily Carter, 14, was groomed online by a man she met in a game.")
    seen: list[LegalReasonsDialog] = []

    class Answered(LegalReasonsDialog):
        def exec(self) -> int:  # type: ignore[override]
            seen.append(self)
            assert not self.ok_button.isEnabled()  # no reason yet
            for field in self.fields.values():
                field.setText("The name is invented for a training pack.")
            return QDialog.DialogCode.Accepted if self.ok_button.isEnabled() else 0

    monkeypatch.setattr(submit_checks, "LegalReasonsDialog", Answered)
    submit(editor)
    assert len(seen) == 1 and len(seen[0].fields) == 1
    assert releases.get(store, editor.reference).status == "in_review"
    [version] = versions.list_versions(store, editor.reference)
    assert "invented for a training pack" in version.reason
    events = audit.events_for(store, f"release:{editor.reference}")
    assert any("legal.complainant-named" in (e.detail or "") for e in events)


@pytest.mark.parametrize("typed, enabled", [("", False), ("  ", False), ("Invented", True)])
def test_the_dialog_submits_only_with_every_reason(qtbot, typed, enabled) -> None:
    from ceopdesk.core.checks import Finding

    legal = Finding("legal.uncharged-named", "sections[0]", "John Smith", "Names a person...")
    dialog = LegalReasonsDialog("CEOP-2026-001", [legal], None)
    qtbot.addWidget(dialog)
    next(iter(dialog.fields.values())).setText(typed)
    assert dialog.ok_button.isEnabled() is enabled
