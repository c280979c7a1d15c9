"""The standfirst: one formatted paragraph of inline Markdown, never shown as source, with
what is typed kept as prose all the way to the Word file."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QFont
from ui_steps import new_release, saved

from ceopdesk.core.domain import Settings
from ceopdesk.core.releases import service as releases
from ceopdesk.documents.docx_writer import write_docx
from ceopdesk.ui.richtext import RichTextEdit
from tests.documents.doc_samples import make_release

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def standfirst(qtbot) -> RichTextEdit:
    box = RichTextEdit("One paragraph", inline=True)
    qtbot.addWidget(box)
    box.resize(600, 120)
    box.show()
    qtbot.waitExposed(box)
    box.setFocus()
    return box


def _standfirst_runs(tmp_path, stored: str) -> list:  # type: ignore[no-untyped-def]
    path = write_docx(make_release(standfirst=stored), Settings(), tmp_path / "r.docx", 1)
    paragraph = next(p for p in docx.Document(str(path)).paragraphs if p.style.name == "Standfirst")
    return paragraph.runs


def test_stored_bold_opens_bold_with_no_markup_in_the_release_form(window, store) -> None:
    editor = new_release(window)
    draft = releases.get(store, editor.reference)
    draft.standfirst = "A record **1,204** children were safeguarded\u00a0this year."
    editor.form.set_release(draft)
    field = editor.form.standfirst
    assert isinstance(field, RichTextEdit)
    # toPlainText() shows a non-breaking space as a plain one; markdown() below keeps it.
    assert field.toPlainText() == "A record 1,204 children were safeguarded this year."
    cursor = field.document().find("1,204")
    assert cursor.charFormat().fontWeight() >= QFont.Weight.DemiBold
    assert field.markdown() == draft.standfirst  # opening and saving changes nothing


def test_typed_markup_characters_stay_prose_to_the_word_file(
    window, store, qtbot, tmp_path
) -> None:
    editor = new_release(window)
    editor.form.standfirst.setFocus()
    qtbot.keyClicks(editor.form.standfirst, "2012. A year in which 5 * 3 _cases_ rose")
    saved(editor)
    stored = releases.get(store, editor.reference).standfirst
    assert stored == "2012\\. A year in which 5 \\* 3 \\_cases\\_ rose"
    runs = _standfirst_runs(tmp_path, stored)
    assert "".join(r.text for r in runs) == "2012. A year in which 5 * 3 _cases_ rose"
    assert not any(r.italic or r.bold for r in runs)


def test_hash_at_the_start_and_non_breaking_spaces_survive(standfirst, qtbot, tmp_path) -> None:
    qtbot.keyClicks(standfirst, "# of offenders")
    assert standfirst.markdown() == "\\# of offenders"
    standfirst.set_markdown("Call 0870\u00a0000\u00a03434.")
    assert standfirst.markdown() == "Call 0870\u00a0000\u00a03434."
    runs = _standfirst_runs(tmp_path, "\\# of offenders in 0870\u00a0000")
    assert "".join(r.text for r in runs) == "# of offenders in 0870\u00a0000"


def test_ctrl_b_bolds_and_the_toolbar_has_inline_buttons_only(standfirst, qtbot) -> None:
    qtbot.keyClicks(standfirst, "A record 427 children")
    standfirst.setTextCursor(standfirst.document().find("427"))
    qtbot.keyClick(standfirst, Qt.Key.Key_B, CTRL)
    assert standfirst.markdown() == "A record **427** children"
    bar = standfirst.toolbar
    assert bar.bullets is None and bar.numbers is None and bar.heading is None
    assert [a.text() for a in bar.actions()] == ["B", "I", "Link"]
    qtbot.keyClick(standfirst, Qt.Key.Key_8, CTRL | SHIFT)  # the list shortcut does nothing
    assert standfirst.markdown() == "A record **427** children"


def test_enter_does_not_split_the_paragraph(standfirst, qtbot) -> None:
    qtbot.keyClicks(standfirst, "One story")
    qtbot.keyClick(standfirst, Qt.Key.Key_Return)
    qtbot.keyClick(standfirst, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClicks(standfirst, " told once")
    assert standfirst.document().blockCount() == 1
    assert standfirst.markdown() == "One story told once"
    assert "one paragraph" in standfirst.last_message


def test_a_pasted_two_paragraph_text_becomes_one(standfirst) -> None:
    data = QMimeData()
    data.setHtml("<p>The review is out.</p><ul><li>1. <b>427</b> children</li></ul>")
    standfirst.insertFromMimeData(data)
    assert standfirst.document().blockCount() == 1
    assert standfirst.markdown() == "The review is out. 1. **427** children"
    assert "2 paragraphs were joined into one" in standfirst.last_message
    standfirst.clear()
    plain = QMimeData()
    plain.setText("First line.\n\nSecond line.")
    standfirst.insertFromMimeData(plain)
    assert standfirst.markdown() == "First line. Second line."


def test_form_undo_takes_back_a_standfirst_edit(window, store, qtbot) -> None:
    editor = new_release(window)
    editor.form.standfirst.setFocus()
    qtbot.keyClicks(editor.form.standfirst, "First standfirst")
    saved(editor)
    editor.form.standfirst.setTextCursor(editor.form.standfirst.document().find("First"))
    qtbot.keyClick(editor.form.standfirst, Qt.Key.Key_B, CTRL)
    saved(editor)
    assert releases.get(store, editor.reference).standfirst == "**First** standfirst"
    window.menus.undo_action.trigger()
    assert window.ops.wait_idle()
    assert editor.form.standfirst.markdown() == "First standfirst"
    assert releases.get(store, editor.reference).standfirst == "First standfirst"
