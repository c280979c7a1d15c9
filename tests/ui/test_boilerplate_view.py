"""The boilerplate library screen: versions, history, "used in", unsaved edits, delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ceopdesk.core.domain import Note, Release
from ceopdesk.core.releases import boilerplate
from ceopdesk.core.releases import service as releases
from ceopdesk.ui.boilerplate import BoilerplateHistoryDialog, BoilerplateView
from ceopdesk.ui.boilerplate.models import BEHIND_ROLE

Button = QMessageBox.StandardButton


@pytest.fixture
def view(qtbot, store, ops):  # type: ignore[no-untyped-def]
    widget = BoilerplateView(ops)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    return widget


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Make every QMessageBox.question return ``button``; returns the questions asked."""
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def write(view: BoilerplateView, title: str | None = None, text: str | None = None) -> None:
    if title is not None:
        view.editor.title_edit.setText(title)
    if text is not None:
        view.editor.text_edit.set_markdown(text)


def choose(view: BoilerplateView, key: str) -> None:
    """Select a note in the list as a click would."""
    row = view.model.row_of(key)
    view.list_view.setCurrentIndex(view.proxy.mapFromSource(view.model.index(row, 0)))


def test_new_note_then_edit_makes_versions_1_and_2(view, store, qtbot) -> None:
    assert view.editor.is_new  # an empty library starts on a new note
    assert not view.save_button.isEnabled()
    write(view, "About CEOP", "CEOP keeps children safe online.")
    assert view.editor.key_edit.text() == "about-ceop"  # suggested from the title
    assert view.save_button.isEnabled()
    with qtbot.waitSignal(view.libraryChanged):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert "version 1" in view.status_label.text()
    assert view.current_key() == "about-ceop"
    assert view.editor.key_edit.isReadOnly()
    assert not view.save_button.isEnabled()

    write(view, text="CEOP keeps children safe online and offline.")
    assert view.save_button.isEnabled()
    assert "Unsaved" in view.status_label.text()
    assert view.save_version()
    assert view.ops.wait_idle()
    assert view.status_label.text().startswith("Saved as version 2.")
    assert "approved and issued releases keep" in view.status_label.text()
    assert [v.number for v in boilerplate.versions(store, "about-ceop")] == [1, 2]
    assert view.model.index(0, 2).data() == "v2"


def test_key_is_checked_and_must_be_new(view, store, qtbot) -> None:
    boilerplate.save(store, "about-ceop", "About CEOP", "Text.")
    view.reload()
    view.new_note()
    qtbot.keyClicks(view.editor.key_edit, "Report Copies!")
    assert view.editor.key_edit.text() == "report-copies"
    view.editor.key_edit.setText("-bad")
    write(view, "Copies", "From the press office.")
    assert not view.save_button.isEnabled()
    assert "cannot be used" in view.status_label.text()
    view.editor.key_edit.setText("about-ceop")
    assert not view.save_version()
    assert "already a note" in view.status_label.text()
    assert boilerplate.get(store, "about-ceop").text == "Text."


def test_preview_follows_typing(view, qtbot) -> None:
    write(view, "Help", "Call **Childline** on 0800 1111.\n\n- one\n- two")
    qtbot.waitUntil(lambda: "Childline on 0800 1111" in view.editor.preview.toPlainText())
    assert "**" not in view.editor.preview.toPlainText()
    write(view, text="<script>alert(1)</script>")
    qtbot.waitUntil(lambda: "<script>" in view.editor.preview.toPlainText())


def test_history_shows_the_changed_words_between_any_two_versions(view, store, qtbot) -> None:
    boilerplate.save(store, "help", "Where to get help", "Call Childline on 0800 1111.")
    boilerplate.save(store, "help", "Where to get help", "Call Childline free on 0800 1111.")
    boilerplate.save(store, "help", "Getting help", "Phone Childline free on 0800 1111.")
    view.reload()
    dialog = view.history_dialog()
    assert isinstance(dialog, BoilerplateHistoryDialog)
    qtbot.addWidget(dialog)
    assert dialog.version_list.topLevelItemCount() == 3
    first = dialog.version_list.topLevelItem(0)
    assert first.text(0) == "v3" and first.text(2) == "test.officer"
    assert first.text(1).endswith(("GMT", "BST"))
    # Opens on the newest change: v2 -> v3.
    html = dialog.diff_view.toHtml()
    assert "line-through" in html
    assert "Call" in html and "Phone" in html and "Getting" in html and "Where to get" in html
    # Any two: v1 -> v2 shows only the inserted word.
    dialog.from_combo.setCurrentIndex(dialog.from_combo.findData(1))
    dialog.to_combo.setCurrentIndex(dialog.to_combo.findData(2))
    text = dialog.diff_view.toPlainText()
    assert "Changes from version 1 to version 2" in text
    assert "Title (unchanged)" in text
    assert "1 word added, none removed" in text
    # Choosing a version in the list compares it with the one before.
    dialog.version_list.setCurrentItem(dialog.version_list.topLevelItem(0))
    assert dialog.from_combo.currentData() == 2 and dialog.to_combo.currentData() == 3


def test_used_in_lists_the_draft_and_marks_it_behind_after_an_edit(view, store, qtbot) -> None:
    boilerplate.save(store, "about-ceop", "About CEOP", "CEOP keeps children safe.")
    release = releases.create(
        store,
        Release(
            reference="",
            headline="Record number of children safeguarded",
            notes=[Note(title="", text="", boilerplate="about-ceop")],
        ),
    )
    view.reload()
    table = view.used_in.model
    assert table.rowCount() == 1
    assert table.index(0, 0).data() == release.reference
    assert table.index(0, 1).data() == "Record number of children safeguarded"
    assert table.index(0, 2).data() == "Draft"
    assert table.index(0, 3).data() == "v1 (latest)"
    assert table.index(0, 3).data(BEHIND_ROLE) is False

    write(view, text="CEOP keeps children safe, online and offline.")
    assert view.save_version()
    assert view.ops.wait_idle()
    assert "The draft that uses it will show that it has changed" in view.status_label.text()
    assert table.index(0, 3).data() == "v1  ⚠ older than v2"
    assert table.index(0, 3).data(BEHIND_ROLE) is True
    assert "1 draft took an older version" in view.used_in.label.text()
    assert releases.get(store, release.reference).notes[0].is_stale

    approved = releases.create(
        store,
        Release(
            reference="",
            headline="Approved before the edit",
            status="approved",
            notes=[Note(title="", text="", boilerplate="about-ceop", version=1)],
        ),
    )
    view.reload()
    row = [table.index(r, 0).data() for r in range(table.rowCount())].index(approved.reference)
    assert table.index(row, 3).data() == "v1  kept (older than v2)"
    assert "1 approved or issued release keeps the text it took" in view.used_in.label.text()

    view.show()
    qtbot.waitExposed(view)
    cell = view.used_in.table.visualRect(table.index(0, 1)).center()
    with qtbot.waitSignal(view.releaseActivated) as signal:
        qtbot.mouseClick(view.used_in.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.mouseDClick(view.used_in.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert signal.args == [release.reference]


def test_switching_with_unsaved_changes_asks(view, store, monkeypatch) -> None:
    boilerplate.save(store, "a-note", "A note", "First text.")
    boilerplate.save(store, "b-note", "B note", "Other text.")
    view.reload()
    choose(view, "a-note")
    assert view.current_key() == "a-note"
    write(view, text="First text, edited.")

    asked = answer(monkeypatch, Button.Cancel)
    choose(view, "b-note")
    assert len(asked) == 1 and "“A note”" in asked[0]
    assert view.current_key() == "a-note"
    assert view.editor.text_edit.toPlainText() == "First text, edited."
    assert view.list_view.currentIndex().data() == "A note"  # the list went back too

    answer(monkeypatch, Button.Discard)
    choose(view, "b-note")
    assert view.current_key() == "b-note"
    assert boilerplate.get(store, "a-note").version == 1

    write(view, text="Other text, edited.")
    answer(monkeypatch, Button.Save)
    choose(view, "a-note")
    assert view.ops.wait_idle()
    assert view.current_key() == "a-note"
    assert boilerplate.get(store, "b-note").text == "Other text, edited."

    asked = answer(monkeypatch, Button.Cancel)
    choose(view, "b-note")  # nothing unsaved: no question
    assert asked == [] and view.current_key() == "b-note"


def test_new_note_and_filter_keep_unsaved_edits(view, store, monkeypatch) -> None:
    boilerplate.save(store, "a-note", "A note", "First text.")
    view.reload()
    write(view, text="Edited.")
    asked = answer(monkeypatch, Button.Cancel)
    view.new_note()
    assert asked and view.current_key() == "a-note"
    view.filter_edit.setText("zzz")  # hides the note: no question, nothing lost
    assert len(asked) == 1
    assert view.proxy.rowCount() == 0
    view.filter_edit.clear()
    assert view.editor.text_edit.toPlainText() == "Edited."
    assert view.list_view.currentIndex().data() == "A note"
    assert view.has_unsaved_changes()


def test_delete_is_refused_while_used_and_works_otherwise(view, store, monkeypatch) -> None:
    boilerplate.save(store, "used", "Used note", "Text.")
    boilerplate.save(store, "spare", "Spare note", "Text.")
    releases.create(
        store, Release(reference="", headline="H", notes=[Note("", "", boilerplate="used")])
    )
    view.reload()
    choose(view, "used")
    answer(monkeypatch, Button.Yes)
    view.delete_current()
    assert view.ops.wait_idle()
    assert view.status_label.text() == (
        'The boilerplate note "used" is used by 1 release(s); remove it from them first.'
    )
    assert boilerplate.get(store, "used").key == "used"

    choose(view, "spare")
    asked = answer(monkeypatch, Button.Yes)
    view.delete_current()
    assert view.ops.wait_idle()
    assert "cannot be undone" in asked[0]
    assert [b.key for b in boilerplate.list_all(store)] == ["used"]
    assert view.status_label.text() == "Deleted “Spare note”."
    assert view.current_key() == "used"


def test_the_note_titles_in_the_list_are_readable_at_the_windows_size(sample_window, qtbot) -> None:
    """The text field's long shortcut hint wraps rather than squeezing the list of notes
    down to "A not…" beside it."""
    sample_window.nav.setCurrentRow(1)  # the sidebar's "Boilerplate"
    view = sample_window.boilerplate
    qtbot.waitUntil(lambda: view.model.rowCount() == 5)
    qtbot.waitUntil(lambda: view.list_view.isVisible())
    width = view.list_view.fontMetrics().horizontalAdvance("A note on terminology")
    assert view.list_view.header().sectionSize(0) > width
    bar = view.editor.text_edit.toolbar  # and every formatting button stays in sight
    assert bar.sizeHint().width() <= bar.width()
