"""Autosave (no Save button, nothing lost) and undo/redo across the whole form."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit
from ui_steps import new_release, saved

from ceopdesk.core.releases import service as releases
from ceopdesk.ui.main_window import MainWindow


def test_autosave_after_a_pause(window, store, qtbot) -> None:
    editor = new_release(window)
    editor.form.headline.setText("Children safer online after new campaign")
    assert editor.is_dirty()
    assert window.save_line.text() == "Saving…"
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    assert releases.get(store, editor.reference).headline == (
        "Children safer online after new campaign"
    )
    assert window.save_line.text() == "Saved"


def test_closing_the_window_saves_what_was_typed(qtbot, store, shown) -> None:
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.show()
    new_release(first)
    reference = first.releases.editor.reference
    first.releases.editor.form.standfirst.setPlainText("Typed just before closing.")
    first.close()  # well inside the autosave pause
    assert releases.get(store, reference).standfirst == "Typed just before closing."

    again = MainWindow(store)
    qtbot.addWidget(again)
    again.releases.open_release(reference)
    assert again.releases.editor.form.standfirst.toPlainText() == "Typed just before closing."


def test_switching_release_saves_the_one_left(sample_window, store, qtbot) -> None:
    editor = sample_window.releases.editor
    sample_window.releases.open_release("CEOP-2026-001")
    editor.form.place.setText("Birmingham")
    sample_window.releases.open_release("CEOP-2026-003")
    assert sample_window.ops.wait_idle()
    assert releases.get(store, "CEOP-2026-001").place == "Birmingham"


def test_focus_leaving_a_field_saves(window, store, qtbot) -> None:
    editor = new_release(window)
    editor.form.headline.setFocus()
    qtbot.waitUntil(editor.form.headline.hasFocus)
    editor.form.headline.setText("Focus change saves this headline")
    editor.form.place.setFocus()
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=1000)
    assert releases.get(store, editor.reference).headline == "Focus change saves this headline"


def test_undo_and_redo_across_the_form(window, store, qtbot) -> None:
    editor = new_release(window)
    ref = editor.reference
    editor.form.headline.setText("First headline for the undo test")
    saved(editor)
    editor.form.sections.add_text_button.click()
    editor.form.sections.text.setPlainText("A paragraph.")
    saved(editor)
    editor.form.tags.setText("one, two")
    # Still typing (not yet saved): Undo takes the pending edit first.
    assert window.menus.undo_action.isEnabled()
    window.menus.undo_action.trigger()
    assert window.ops.wait_idle()
    assert editor.form.tags.text() == ""
    assert releases.get(store, ref).tags == []
    assert window.menus.redo_action.isEnabled()
    for _ in range(3):  # adding the section and typing in it may be one step or two
        if not editor.form.sections.list.count():
            break
        window.menus.undo_action.trigger()
        assert window.ops.wait_idle()
    assert editor.form.sections.list.count() == 0
    assert releases.get(store, ref).sections == []
    assert editor.form.headline.text() == "First headline for the undo test"
    window.menus.undo_action.trigger()
    assert window.ops.wait_idle()
    assert editor.form.headline.text() == "Untitled release"
    assert releases.get(store, ref).headline == "Untitled release"
    while window.menus.redo_action.isEnabled():
        window.menus.redo_action.trigger()
        assert window.ops.wait_idle()
    assert editor.form.headline.text() == "First headline for the undo test"
    assert editor.form.sections.list.count() == 1
    assert editor.form.sections.text.toPlainText() == "A paragraph."
    assert editor.form.tags.text() == "one, two"
    stored = releases.get(store, ref)
    assert stored.sections[0].text == "A paragraph." and stored.tags == ["one", "two"]
    assert "tags" in window.menus.undo_action.text()


def test_ctrl_z_in_a_text_field_reaches_the_form_undo(window, store, qtbot) -> None:
    editor = new_release(window)
    headline: QLineEdit = editor.form.headline
    headline.setFocus()
    qtbot.waitUntil(headline.hasFocus)
    headline.setText("A headline typed into the field")
    saved(editor)
    editor.form.place.setText("Leeds")
    editor.form.place.setFocus()
    qtbot.keySequence(editor.form.place, QKeySequence("Ctrl+Z"))
    qtbot.waitUntil(lambda: editor.form.place.text() == "London")
    assert window.ops.wait_idle()
    qtbot.keySequence(editor.form.place, QKeySequence("Ctrl+Shift+Z"))
    qtbot.waitUntil(lambda: editor.form.place.text() == "Leeds")


def test_an_empty_headline_is_saved_as_typed_and_undo_brings_it_back(window, store, qtbot) -> None:
    editor = new_release(window)
    editor.form.headline.setText("")
    saved(editor)
    assert releases.get(store, editor.reference).headline == ""
    assert window.save_line.text() == "Saved"
    window.menus.undo_action.trigger()
    assert window.ops.wait_idle()
    assert editor.form.headline.text() == "Untitled release"
    assert releases.get(store, editor.reference).headline == "Untitled release"


def test_window_and_splitter_state_are_kept(qtbot, store, shown) -> None:
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.resize(1111, 777)
    first.show()
    first.releases.editor.splitter.setSizes([700, 300])
    geometry = first.saveGeometry()
    first.close()
    assert QSettings().value("main/geometry") == geometry
    again = MainWindow(store)
    qtbot.addWidget(again)
    # (The size itself is clamped to the small offscreen test screen, so it is not compared.)
    assert again.releases.editor.splitter.saveState() == first.releases.editor.splitter.saveState()
