"""The formatted-text field: stored Markdown opens formatted, the usual keys format, paste keeps
what was meant, and what was typed is never read as markup."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QImage, QTextCursor

from ceopdesk.core.domain import TextSection
from ceopdesk.core.richtext import blocks_to_markdown, html_to_markdown
from ceopdesk.documents.docx_writer import write_docx
from ceopdesk.ui.richtext import RichTextEdit
from tests.core.richtext.strategies import blocks
from tests.documents.doc_samples import make_release

FIXTURES = Path(__file__).parents[1] / "fixtures" / "paste"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def field(qtbot) -> RichTextEdit:
    box = RichTextEdit("Write here")
    qtbot.addWidget(box)
    box.resize(600, 300)
    box.show()
    qtbot.waitExposed(box)
    box.setFocus()
    return box


@pytest.fixture
def note_field(qtbot) -> RichTextEdit:
    box = RichTextEdit(headings=True)
    qtbot.addWidget(box)
    return box


def _mime(html: str | None = None, text: str | None = None) -> QMimeData:
    data = QMimeData()
    if html is not None:
        data.setHtml(html)
    if text is not None:
        data.setText(text)
    return data


STORED = (
    "2012\\. A year in which **427** children were safeguarded\u00a0— *more* than ever.\\\n"
    "See the [review](https://www.ceop.police.uk/review).\n\n"
    "- online grooming\n- image sharing\n  1. peer to peer\n  2. cloud\n- sextortion\n\n"
    "1. protect\n2. pursue"
)


def test_stored_markdown_opens_formatted_and_comes_back_the_same(field) -> None:
    field.set_markdown(STORED)
    assert field.markdown() == STORED
    plain = field.toPlainText()
    assert "**" not in plain and "\\" not in plain and "[review]" not in plain
    assert field.document().begin().next().textList() is not None  # a real list


def test_non_breaking_spaces_survive_opening_and_saving(field) -> None:
    field.set_markdown("Call 0870\u00a0000\u00a03434.")
    assert field.markdown() == "Call 0870\u00a0000\u00a03434."


@settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(blocks, max_size=5))
def test_markdown_round_trips_through_the_editor(note_field, original) -> None:
    stored = blocks_to_markdown(original)
    note_field.set_markdown(stored)
    assert note_field.markdown() == stored


def test_typed_prose_is_never_markup_all_the_way_to_word(field, qtbot, tmp_path) -> None:
    qtbot.keyClicks(field, "2012. A year in which # of offenders rose")
    assert field.markdown() == "2012\\. A year in which # of offenders rose"
    release = make_release(sections=[TextSection(field.markdown())], notes=[])
    from ceopdesk.core.domain import Settings

    path = write_docx(release, Settings(), tmp_path / "r.docx", 1)
    paragraph = next(p for p in docx.Document(str(path)).paragraphs if p.text.startswith("2012"))
    assert paragraph.style.name == "Body Text"
    assert paragraph._p.pPr is None or paragraph._p.pPr.numPr is None


def _select_word(field: RichTextEdit, word: str) -> None:
    cursor = field.document().find(word)
    assert not cursor.isNull()
    field.setTextCursor(cursor)


def test_shortcuts_bold_italic_link(field, qtbot, monkeypatch) -> None:
    qtbot.keyClicks(field, "427 children safeguarded, see the review")
    _select_word(field, "427")
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    _select_word(field, "safeguarded")
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    monkeypatch.setattr(field, "ask_link", lambda current: "www.ceop.police.uk/review")
    _select_word(field, "review")
    qtbot.keyClick(field, Qt.Key.Key_K, CTRL)
    assert field.markdown() == (
        "**427** children *safeguarded*, see the [review](https://www.ceop.police.uk/review)"
    )
    monkeypatch.setattr(field, "ask_link", lambda current: "not a link")
    _select_word(field, "children")
    qtbot.keyClick(field, Qt.Key.Key_K, CTRL)
    assert "not a web or e-mail address" in field.last_message
    assert "[children]" not in field.markdown()


def test_list_shortcuts_and_tab_nesting(field, qtbot) -> None:
    qtbot.keyClicks(field, "first")
    qtbot.keyClick(field, Qt.Key.Key_8, CTRL | SHIFT)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "nested")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "back out")
    qtbot.keyClick(field, Qt.Key.Key_Backtab)
    assert field.markdown() == "- first\n  - nested\n- back out"
    qtbot.keyClick(field, Qt.Key.Key_7, CTRL | SHIFT)
    assert field.markdown().endswith("1. back out")
    qtbot.keyClick(field, Qt.Key.Key_7, CTRL | SHIFT)  # again: no longer a list
    assert field.markdown().endswith("\n\nback out")


def test_toolbar_makes_a_bullet_list(field, qtbot) -> None:
    qtbot.keyClicks(field, "one")
    field.toolbar.bullets.trigger()
    assert field.markdown() == "- one"
    assert field.toolbar.bullets.isChecked()


@pytest.mark.parametrize("name", ["word-clipboard.html", "web-article.html", "outlook-email.html"])
def test_paste_html_fixture_gives_the_subset(field, name) -> None:
    html = (FIXTURES / name).read_text(encoding="utf-8")
    field.insertFromMimeData(_mime(html=html, text="ignored: the HTML wins"))
    expected = html_to_markdown(html)
    assert field.markdown() == expected.markdown
    assert all(note in field.last_message for note in expected.notes)


def test_paste_plain_text_with_bullets_and_word_breaks(field) -> None:
    text = (FIXTURES / "word-plain.txt").read_bytes().decode("utf-8")
    field.insertFromMimeData(_mime(text=text))
    assert field.markdown().startswith(
        "Other key threat areas include:\n\n- online grooming on social networking sites;\n"
        "  - including live-streamed abuse;"
    )
    assert "Peter Davies said:\\\n“Behind" in field.markdown()
    assert "0870\u00a0000\u00a03434" in field.markdown()
    assert field.last_message == "Pasted. Removed 2 invisible direction marks."


def test_paste_inside_a_paragraph_keeps_it_one_paragraph(field, qtbot) -> None:
    qtbot.keyClicks(field, "Figures: ().")
    cursor = field.textCursor()
    cursor.setPosition(len("Figures: ("))
    field.setTextCursor(cursor)
    field.insertFromMimeData(_mime(html="<p>the <b>pasted</b> words</p>"))
    assert field.markdown() == "Figures: (the **pasted** words)."


def test_a_paste_that_brings_nothing_says_why(field) -> None:
    image = QMimeData()
    image.setImageData(QImage(4, 4, QImage.Format.Format_RGB32))
    field.insertFromMimeData(image)
    assert "picture" in field.last_message and field.markdown() == ""
    field.insertFromMimeData(_mime(html='<p><img src="logo.png"></p>'))
    assert field.last_message == (
        "Nothing was pasted: the copied content has no text. One picture left out."
    )


def test_ctrl_shift_v_pastes_plain_text(field, qtbot) -> None:
    QGuiApplication.clipboard().setText("- not a bullet\n**not bold**\u200f")
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL | SHIFT)
    assert field.markdown() == "\\- not a bullet\n\n\\*\\*not bold\\*\\*"
    assert field.last_message == "Pasted as plain text. Removed 1 invisible direction mark."


def test_typed_quotes_become_typographic_unless_turned_off(field, qtbot) -> None:
    qtbot.keyClicks(field, "\"It's the 'best' year,\" he said.")
    assert field.toPlainText() == "“It’s the ‘best’ year,” he said."
    field.clear()
    field.smart_quotes = False
    qtbot.keyClicks(field, '"plain"')
    assert field.toPlainText() == '"plain"'


def test_sub_headings_only_where_allowed(qtbot) -> None:
    note = RichTextEdit(headings=True)
    qtbot.addWidget(note)
    note.set_markdown("### Why\n\nBecause.")
    assert note.markdown() == "### Why\n\nBecause."
    body = RichTextEdit()
    qtbot.addWidget(body)
    body.set_markdown("### Why\n\nBecause.")
    assert body.markdown() == "**Why**\n\nBecause."
    assert body.toolbar.heading is None and note.toolbar.heading is not None


def test_a_table_where_the_field_has_none_is_kept_as_it_is(qtbot) -> None:
    body = RichTextEdit()  # body text has no tables (notes do: tests/ui/test_tables_*)
    qtbot.addWidget(body)
    stored = "Levels:\n\n| Level | Description |\n|---|---|\n| 1 | Erotic posing |"
    body.set_markdown(stored)
    assert body.isReadOnly() and body.markdown() == stored
    body.set_markdown("Plain again.")
    assert not body.isReadOnly() and body.markdown() == "Plain again."


def test_formatting_changes_count_as_edits(field, qtbot) -> None:
    field.set_markdown("Plain words")
    cursor = field.textCursor()
    cursor.select(QTextCursor.SelectionType.Document)
    field.setTextCursor(cursor)
    with qtbot.waitSignal(field.textChanged, timeout=1000):
        field.toggle_bold()
    assert field.markdown() == "**Plain words**"


def test_the_smart_quotes_setting_reaches_the_release_form(qtbot, store) -> None:
    from ceopdesk.core import settings as core_settings
    from ceopdesk.ui.editor.form import ReleaseForm

    saved = core_settings.load(store)
    saved.smart_quotes = False
    core_settings.save(store, saved)
    assert core_settings.load(store).smart_quotes is False
    form = ReleaseForm(store)
    qtbot.addWidget(form)
    form.set_smart_quotes(core_settings.load(store).smart_quotes)
    assert not form.sections.text.smart_quotes and not form.notes.text.smart_quotes
