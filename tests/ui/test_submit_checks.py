"""Submit for approval in the editor: blocking findings stop it, warnings are listed,
a legal warning needs a reason that lands in the version and the history."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog
from ui_steps import moved, new_release, saved

from ceopdesk.core import audit
from ceopdesk.core.checks import check_release
from ceopdesk.core.domain import ContactBlock, TextSection
from ceopdesk.core.releases import service as releases
from ceopdesk.core.releases import versions
from ceopdesk.ui.editor import actions as actions_module
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
    moved(editor)


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


@pytest.fixture
def held_checks(monkeypatch):  # type: ignore[no-untyped-def]
    """The submission's checks, held until ``go`` is set; what they were given, and where."""
    go, given = threading.Event(), []

    def held(store, release, **kwargs):  # type: ignore[no-untyped-def]
        given.append((threading.current_thread(), release.sections[0].text))
        go.wait(20)
        return check_release(store, release, **kwargs)

    monkeypatch.setattr(actions_module, "check_release", held)
    return go, given


def test_the_checks_run_off_the_ui_thread_once_however_often_it_is_clicked(
    window, store, shown, qtbot, held_checks
) -> None:
    go, given = held_checks
    editor = write(window, "Officers organised the operation.")
    editor.bar.buttons["in_review"].click()
    qtbot.waitUntil(lambda: len(given) == 1)
    editor.bar.buttons["in_review"].click()  # the window answers while they run
    assert editor.workflow.checking is not None
    go.set()
    moved(editor)
    assert [thread is threading.main_thread() for thread, _text in given] == [False]
    assert releases.get(store, editor.reference).status == "in_review"


def test_text_typed_while_it_was_checked_is_checked_before_it_goes(
    window, store, shown, qtbot, held_checks
) -> None:
    go, given = held_checks
    editor = write(window, "Officers organised the operation.")
    editor.bar.buttons["in_review"].click()
    qtbot.waitUntil(lambda: len(given) == 1)
    editor.form.sections.set_sections([TextSection("Officers organized the the operation.")])
    go.set()
    shown.answer = False
    moved(editor)
    assert [text for _thread, text in given] == [
        "Officers organised the operation.",
        "Officers organized the the operation.",
    ]
    assert "2 warnings" in shown.questions[-1] and "organized" in shown.questions[-1]
    assert releases.get(store, editor.reference).status == "draft"


@pytest.mark.parametrize("typed, enabled", [("", False), ("  ", False), ("Invented", True)])
def test_the_dialog_submits_only_with_every_reason(qtbot, typed, enabled) -> None:
    from ceopdesk.core.checks import Finding

    legal = Finding("legal.uncharged-named", "sections[0]", "John Smith", "Names a person...")
    dialog = LegalReasonsDialog("CEOP-2026-001", [legal], None)
    qtbot.addWidget(dialog)
    next(iter(dialog.fields.values())).setText(typed)
    assert dialog.ok_button.isEnabled() is enabled
