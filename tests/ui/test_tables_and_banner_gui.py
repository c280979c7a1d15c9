"""Tables in notes in the app: edited in the formatted-text editor, refused by the approver
dialog where they cannot be kept; the preview's DRAFT banner names the version as the Word
header does."""

from __future__ import annotations

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor, QTextTable
from PySide6.QtWidgets import QLabel
from screens import save_screenshot
from ui_steps import open_release, wait_preview

from ceopdesk.core.richtext import blocks_to_markdown
from ceopdesk.documents.approver.compare import PartChange
from ceopdesk.documents.exporting import export_release
from ceopdesk.ui.history.approver_edits import _PartRow
from ceopdesk.ui.richtext.editor import RichTextEdit
from tests.core.richtext.strategies import note_blocks

REF = "CEOP-2026-001"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _header(path) -> str:  # type: ignore[no-untyped-def]
    document = docx.Document(str(path))
    return " ".join(p.text for p in document.sections[0].header.paragraphs)


def test_the_preview_banner_names_the_version_the_word_file_carries(
    sample_window, store, tmp_path, qtbot
) -> None:
    editor = open_release(sample_window, REF)
    wait_preview(qtbot, editor, "DRAFT — NOT FOR PUBLICATION — version 1")
    path, number = export_release(store, REF, tmp_path / "sent.docx")
    assert number == 1 and "DRAFT — NOT FOR PUBLICATION — version 1" in _header(path)
    editor.form.headline.setText("A headline changed after the export")
    # The next export would carry version 2, and the preview says so before it is made.
    wait_preview(qtbot, editor, "DRAFT — NOT FOR PUBLICATION — version 2")
    editor.flush()
    assert editor.ops.wait_idle(10_000)
    path, number = export_release(store, REF, tmp_path / "again.docx")
    assert number == 2 and "DRAFT — NOT FOR PUBLICATION — version 2" in _header(path)


def test_a_change_that_cannot_be_kept_is_shown_but_not_offered(qtbot) -> None:
    why = "the returned file has merged cells in a table, which a note's table cannot hold"
    change = PartChange("notes[0]", "changed", "a", "b", None, refused=why)
    row = _PartRow("Note 1", change, [])
    qtbot.addWidget(row)
    assert not row.accept_box.isEnabled() and not row.accept_box.isChecked()
    label = row.findChild(QLabel, "refusedChange")
    assert label is not None and "merged cells" in label.text()


# -- the table in the formatted-text editor ------------------------------------------

LEVELS = (
    "The guidelines grade images at three levels:\n\n"
    "| Category | What the images show |\n| --- | --- |\n"
    "| A | Penetrative sexual activity |\n"
    "| B | Non-penetrative *sexual* activity |\n\n"
    "The category informs the sentence."
)


@pytest.fixture
def note(qtbot) -> RichTextEdit:
    box = RichTextEdit(headings=True)
    qtbot.addWidget(box)
    box.resize(600, 360)
    box.show()
    qtbot.waitExposed(box)
    box.setFocus()
    return box


def _cell(box: RichTextEdit, row: int, column: int) -> None:
    table = next(t for t in box.document().rootFrame().childFrames() if isinstance(t, QTextTable))
    box.setTextCursor(table.cellAt(row, column).lastCursorPosition())


def _rows(box: RichTextEdit) -> list[list[str]]:
    [table] = [b for b in box.blocks() if b.kind == "table"]
    return [["".join(s.text for s in cell) for cell in row] for row in table.rows]


def test_a_stored_table_opens_editable_and_comes_back_the_same(note, tmp_path) -> None:
    note.set_markdown(LEVELS)
    assert not note.isReadOnly() and note.toolbar.isEnabled()
    assert note.markdown() == LEVELS
    save_screenshot(note, "note-table", tmp_path / "shots")


def test_cell_text_rows_and_the_header_row(note, qtbot) -> None:
    note.set_markdown(LEVELS)
    _cell(note, 2, 1)
    qtbot.keyClicks(note, " images")
    assert _rows(note)[2] == ["B", "Non-penetrative sexual activity images"]
    assert note.toolbar.table_actions["row"].isEnabled()
    assert not note.toolbar.table_actions["insert"].isEnabled()

    note.toolbar.table_actions["row"].trigger()  # a row below, the cursor in its first cell
    qtbot.keyClicks(note, "C")
    qtbot.keyClick(note, Qt.Key.Key_Tab)  # Tab goes to the next cell
    qtbot.keyClicks(note, "Other indecent images")
    qtbot.keyClick(note, Qt.Key.Key_Return)  # one line per cell: Enter starts nothing
    assert "Enter does not start another" in note.last_message
    assert _rows(note)[-1] == ["C", "Other indecent images"]
    assert "| C | Other indecent images |" in note.markdown()

    _cell(note, 1, 0)
    note.toolbar.table_actions["remove_row"].trigger()
    assert [r[0] for r in _rows(note)] == ["Category", "B", "C"]
    _cell(note, 0, 1)
    note.toolbar.table_actions["remove_row"].trigger()  # the header row stays
    assert "The header row stays" in note.last_message
    assert _rows(note)[0] == ["Category", "What the images show"]
    qtbot.keyClick(note, Qt.Key.Key_B, CTRL)  # bold in the header is the row's already
    assert note.markdown().splitlines()[2] == "| Category | What the images show |"
    assert note.markdown().endswith("The category informs the sentence.")


def test_columns_a_new_table_and_what_stays_out_of_cells(note, qtbot) -> None:
    note.set_markdown("Levels:")
    note.moveCursor(QTextCursor.MoveOperation.End)
    note.toolbar.table_actions["insert"].trigger()
    qtbot.keyClicks(note, "Level")
    qtbot.keyClick(note, Qt.Key.Key_Tab)
    qtbot.keyClicks(note, "Meaning")
    qtbot.keyClick(note, Qt.Key.Key_Tab)
    qtbot.keyClicks(note, "1")
    note.toolbar.table_actions["column"].trigger()
    assert _rows(note) == [["Level", "", "Meaning"], ["1", "", ""]]
    note.toolbar.table_actions["remove_column"].trigger()  # the new one, where the cursor went
    assert note.markdown() == "Levels:\n\n| Level | Meaning |\n| --- | --- |\n| 1 |  |"
    qtbot.keyClick(note, Qt.Key.Key_8, CTRL | SHIFT)  # no list inside a cell
    assert "a list cannot go in it" in note.last_message
    _cell(note, 1, 0)
    note.insertFromMimeData(_mime("one\n\ntwo"))  # a paste into a cell is one line
    assert _rows(note)[1] == ["1one two", ""]
    note.toolbar.table_actions["remove_table"].trigger()
    assert note.markdown() == "Levels:"


def test_body_text_has_no_table_menu(qtbot) -> None:
    body = RichTextEdit()
    qtbot.addWidget(body)
    assert body.toolbar.table is None


def _mime(text: str) -> QMimeData:
    data = QMimeData()
    data.setText(text)
    return data


@settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(note_blocks, max_size=4))
def test_notes_with_tables_round_trip_through_the_editor(qtbot, original) -> None:
    box = RichTextEdit(headings=True)
    qtbot.addWidget(box)
    stored = blocks_to_markdown(original)
    box.set_markdown(stored)
    assert box.markdown() == stored
