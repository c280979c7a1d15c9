"""The keyboard: menu shortcuts work from every field, Ctrl+F searches the page on show,
a new release opens at the top with the headline focused, the workflow buttons have keys,
and Tab follows the form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog
from ui_steps import new_release, open_release


def test_ctrl_e_in_the_headline_exports_and_leaves_the_headline_alone(
    window, qtbot, monkeypatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: asked.append(a[2]) or ("", ""))
    )
    editor = new_release(window)
    headline = editor.form.headline
    headline.setFocus()
    qtbot.waitUntil(headline.hasFocus)
    headline.setCursorPosition(3)
    qtbot.keySequence(headline, QKeySequence("Ctrl+E"))
    assert len(asked) == 1  # the export dialog was asked for
    assert headline.cursorPosition() == 3 and headline.text() == "Untitled release"


def test_every_menu_shortcut_wins_over_the_field_it_is_typed_in(window, qtbot, monkeypatch) -> None:
    editor = new_release(window)
    fired: list[str] = []
    for action in (window.menus.new_action, window.menus.export_action, window.menus.find_action):
        action.triggered.disconnect()
        action.triggered.connect(lambda _=False, a=action: fired.append(a.text()))
    fields = [
        editor.form.headline,
        editor.form.subheadline,
        editor.form.place,
        editor.form.tags,
        editor.form.release_date.edit,
        editor.form.standfirst,
    ]
    for field in fields:
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        for keys in ("Ctrl+N", "Ctrl+E", "Ctrl+F"):
            qtbot.keySequence(field, QKeySequence(keys))
    assert fired == ["&New release", "&Export Word…", "&Find…"] * len(fields)


def test_ctrl_f_searches_the_page_on_show(sample_window, qtbot) -> None:
    sample_window.nav.setCurrentRow(2)
    sample_window.menus.find_action.trigger()
    qtbot.waitUntil(sample_window.contacts.search.hasFocus)
    sample_window.nav.setCurrentRow(1)
    sample_window.menus.find_action.trigger()
    qtbot.waitUntil(sample_window.boilerplate.filter_edit.hasFocus)
    sample_window.nav.setCurrentRow(0)
    sample_window.menus.find_action.trigger()
    qtbot.waitUntil(sample_window.releases.list_panel.search.hasFocus)


def test_a_new_release_opens_at_the_top_with_the_headline_focused(sample_window, qtbot) -> None:
    editor = open_release(sample_window, "CEOP-2026-001")
    bar = editor.form_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    editor.form.contact.fields["phone"].setFocus()
    sample_window.menus.new_action.trigger()
    assert sample_window.ops.wait_idle()
    assert editor.reference not in ("CEOP-2026-001", None)
    assert bar.value() == 0
    qtbot.waitUntil(editor.form.headline.hasFocus)
    assert editor.form.headline.selectedText() == "Untitled release"


def test_the_workflow_buttons_have_keys(window, qtbot) -> None:
    editor = new_release(window)
    buttons = editor.bar.buttons
    keys = {t: b.shortcut().toString() for t, b in buttons.items()}
    assert keys == {
        "in_review": "Alt+S",
        "approved": "Alt+A",
        "issued": "Alt+I",
        "draft": "Alt+R",
        "withdrawn": "Alt+W",
    }
    assert "(Alt+S)" in buttons["in_review"].toolTip()


def test_tab_follows_the_form(window, qtbot) -> None:
    form = new_release(window).form
    order = [
        form.headline,
        form.subheadline,
        form.standfirst,
        form.place,
        form.release_date.edit,
        form.embargo.immediate,
    ]
    form.headline.setFocus()
    qtbot.waitUntil(form.headline.hasFocus)
    seen = [QApplication.focusWidget()]
    for _ in order[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == order


def test_no_text_field_claims_a_menu_shortcut(window, qtbot) -> None:
    """What makes the shortcuts above work on every platform: the field is never allowed to
    accept the ShortcutOverride of a key an enabled menu action is bound to."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QAction, QKeyEvent
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    editor = new_release(window)
    editor.form.headline.setText("Something to undo")
    # Offscreen, line edits do not claim Ctrl+E (under X11 they do); they always claim
    # Ctrl+A (select all), so a menu action on it shows the rule holds for any key.
    select_all = QAction("Select all releases", window)
    select_all.setShortcut(QKeySequence("Ctrl+A"))
    window.addAction(select_all)
    fields = editor.form.findChildren(QLineEdit) + editor.form.findChildren(QPlainTextEdit)
    keys = {k for a in window.findChildren(QAction) if a.isEnabled() for k in a.shortcuts()}
    assert {QKeySequence("Ctrl+E"), QKeySequence("Ctrl+Z"), QKeySequence("Ctrl+A")} <= keys
    for field in fields:
        for key in keys:
            combo = key[0]
            event = QKeyEvent(QEvent.Type.ShortcutOverride, combo.key(), combo.keyboardModifiers())
            QApplication.sendEvent(field, event)
            assert not event.isAccepted(), (field, key.toString())
