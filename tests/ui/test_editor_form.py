"""Building a release through the form: fields, sections, quotes, notes, contact, preview."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QTextCursor
from ui_steps import new_release as open_new_release
from ui_steps import preview_text, wait_preview
from ui_steps import saved as wait_saved

from ceopdesk.core.domain import Note, QuoteSection, TextSection
from ceopdesk.core.releases import boilerplate
from ceopdesk.core.releases import service as releases
from ceopdesk.ui.editor import notes as notes_module

LONDON = ZoneInfo("Europe/London")


def type_into(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select what the field holds, type over it and leave the field (Tab)."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    edit.editingFinished.emit()


def new_release(window, qtbot):  # type: ignore[no-untyped-def]
    return open_new_release(window)


def test_build_a_release_with_two_quotes_and_three_notes(window, store, qtbot, monkeypatch) -> None:
    boilerplate.save(store, "about-ceop", "About CEOP", "CEOP keeps **children** safe.")
    boilerplate.save(store, "terminology", "Terminology", "Say child abuse images.")
    editor = new_release(window, qtbot)
    form = editor.form
    form.headline.setText("Record number of children safeguarded this year")
    assert form.headline_hint.text() == "7 words — good"
    form.subheadline.setText("Annual review published")
    form.standfirst.setPlainText("More children were protected than ever before.")
    form.place.setText("Manchester")
    type_into(qtbot, form.release_date.edit, "17/06/2026")
    form.embargo.immediate.setChecked(False)
    type_into(qtbot, form.embargo.day.edit, "18 Jun 2026")
    type_into(qtbot, form.embargo.clock.edit, "00:01")
    assert form.embargo.zone.text() == "UK time (BST)"
    form.tags.setText("annual review, figures, Annual Review")

    form.sections.add_text_button.click()
    form.sections.text.set_markdown("The review covers the year to March.\n\n- **1,204** children")
    for speaker, role, said in (
        ("Helen Marsh", "Director of CEOP", "Every figure is a child."),
        ("Daniel Okafor", "Minister", "We back this work."),
    ):
        form.sections.add_quote_button.click()
        form.sections.speaker.setText(speaker)
        form.sections.role.setText(role)
        form.sections.quote_text.setPlainText(said)

    monkeypatch.setattr(notes_module, "pick_boilerplate", lambda _p, items: "about-ceop")
    form.notes.add_library_button.click()
    form.notes.add_one_off_button.click()
    form.notes.note_title.setText("Reports")
    form.notes.text.setPlainText("The report is on the website.")
    form.notes.add_one_off_button.click()
    form.notes.note_title.setText("Interviews")
    form.notes.text.setPlainText("Bids to the press office.")

    form.contact.use_settings.setChecked(False)
    form.contact.fields["phone"].setText("0123 456 789")
    wait_saved(editor)

    saved = releases.get(store, editor.reference)
    assert saved.headline == "Record number of children safeguarded this year"
    assert saved.subheadline == "Annual review published"
    assert saved.place == "Manchester"
    assert saved.release_date == date(2026, 6, 17)
    assert saved.embargo == datetime(2026, 6, 18, 0, 1, tzinfo=LONDON)
    assert saved.tags == ["annual review", "figures"]
    assert [type(s) for s in saved.sections] == [TextSection, QuoteSection, QuoteSection]
    assert [(s.speaker, s.role) for s in saved.sections[1:]] == [
        ("Helen Marsh", "Director of CEOP"),
        ("Daniel Okafor", "Minister"),
    ]
    assert [(n.boilerplate, n.title) for n in saved.notes] == [
        ("about-ceop", "About CEOP"),
        (None, "Reports"),
        (None, "Interviews"),
    ]
    assert saved.contact is not None and saved.contact.phone == "0123 456 789"
    wait_preview(qtbot, editor, "Daniel Okafor, Minister, said:")
    text = preview_text(editor)
    assert "EMBARGOED UNTIL 00:01 BST" in text
    assert "CEOP keeps children safe." in text and "Interviews" in text
    assert "words in the release" in editor.preview.counts.text()


def test_immediate_release_disables_the_embargo_time(window, qtbot) -> None:
    editor = new_release(window, qtbot)
    embargo = editor.form.embargo
    assert embargo.immediate.isChecked() and not embargo.day.isEnabled()
    embargo.immediate.setChecked(False)
    assert embargo.day.isEnabled() and embargo.value() is not None
    embargo.immediate.setChecked(True)
    wait_saved(editor)
    assert releases.get(editor.store, editor.reference).embargo is None


def test_headline_hint_says_when_it_is_too_long(window, qtbot) -> None:
    form = new_release(window, qtbot).form
    form.headline.setText("one two three four five six seven eight nine ten eleven twelve")
    assert form.headline_hint.text() == "12 words — the house style is 6–8"
    form.headline.setText("")
    assert "needs a headline" in form.headline_hint.text()


def test_reordering_sections_moves_them_in_the_preview(sample_window, store, qtbot) -> None:
    editor = sample_window.releases.editor
    sample_window.releases.open_release("CEOP-2026-001")
    wait_preview(qtbot, editor, "Helen Marsh")
    sections = editor.form.sections
    before = preview_text(editor)
    assert before.index("The review, published today") < before.index("Helen Marsh")
    sections.list.setCurrentRow(1)  # the Helen Marsh quote
    sections.up_button.click()
    assert sections.list.item(0).text().startswith("1.  Quote — Helen Marsh")
    qtbot.waitUntil(
        lambda: (
            preview_text(editor).index("Helen Marsh")
            < preview_text(editor).index("The review, published today")
        )
    )
    wait_saved(editor)
    stored = releases.get(store, "CEOP-2026-001").sections
    assert isinstance(stored[0], QuoteSection) and stored[0].speaker == "Helen Marsh"


def test_dragging_a_section_reorders_it(sample_window, store, qtbot) -> None:
    editor = sample_window.releases.editor
    sample_window.releases.open_release("CEOP-2026-001")
    sections = editor.form.sections
    # What a drop does to the list's model: move row 0 to the end.
    model = sections.list.model()
    assert model.moveRow(QModelIndex(), 0, QModelIndex(), model.rowCount())
    assert sections.list.item(3).text().startswith("4.  Text — The review, published today")
    wait_saved(editor)
    stored = releases.get(store, "CEOP-2026-001").sections
    assert isinstance(stored[-1], TextSection) and stored[-1].text.startswith("The review, pub")


def test_removing_and_adding_sections(sample_window, store, qtbot) -> None:
    editor = sample_window.releases.editor
    sample_window.releases.open_release("CEOP-2026-001")
    sections = editor.form.sections
    count = sections.list.count()
    sections.list.setCurrentRow(0)
    sections.remove_button.click()
    assert sections.list.count() == count - 1
    wait_saved(editor)
    assert len(releases.get(store, "CEOP-2026-001").sections) == count - 1


def test_choosing_a_speaker_fills_the_role(sample_window, qtbot) -> None:
    editor = sample_window.releases.editor
    sample_window.releases.open_release("CEOP-2026-003")
    sections = editor.form.sections
    sections.add_quote_button.click()
    completer = sections.speaker.completer()
    assert "Helen Marsh" in completer.model().stringList()
    completer.activated.emit("Helen Marsh")
    assert sections.role.text() == "Director of CEOP"


def test_a_stale_library_note_offers_the_new_text(window, store, qtbot) -> None:
    boilerplate.save(store, "about-ceop", "About CEOP", "Old words.")
    draft = releases.new_draft(store)
    draft.notes = [Note(title="", text="", boilerplate="about-ceop")]
    releases.update(store, draft)
    boilerplate.save(store, "about-ceop", "About CEOP", "New words.")
    window.releases.open_release(draft.reference)
    editor = window.releases.editor
    notes = editor.form.notes
    notes.list.setCurrentRow(0)
    assert "⚠" in notes.list.item(0).text()
    assert not notes.stale.isHidden()
    assert notes.stale.text() == (
        "The library text has changed since this release took it (v1 → v2)."
    )
    notes.take_button.click()
    assert window.ops.wait_idle()
    assert releases.get(store, draft.reference).notes[0].version == 2
    # The editor re-reads the stored release off the UI thread after the change.
    qtbot.waitUntil(lambda: "⚠" not in notes.list.item(0).text())
    assert notes.stale.isHidden()


def test_contact_from_settings_by_default(window, store, qtbot) -> None:
    editor = new_release(window, qtbot)
    contact = editor.form.contact
    assert contact.use_settings.isChecked()
    assert not contact.fields["name"].isEnabled()
    contact.use_settings.setChecked(False)
    contact.fields["email"].setText("press@example.org")
    wait_saved(editor)
    saved = releases.get(store, editor.reference).contact
    assert saved is not None and saved.email == "press@example.org"
    contact.use_settings.setChecked(True)
    wait_saved(editor)
    assert releases.get(store, editor.reference).contact is None


def test_an_incomplete_quote_is_saved_as_typed_and_survives_closing(qtbot, store, shown) -> None:
    from ceopdesk.ui.main_window import MainWindow

    first = MainWindow(store)
    qtbot.addWidget(first)
    first.show()
    editor = open_new_release(first)
    editor.form.sections.add_quote_button.click()
    editor.form.sections.quote_text.setPlainText("Words agreed before the speaker is.")
    editor.form.standfirst.setPlainText("A standfirst typed after the quote.")
    wait_saved(editor)
    assert editor.unsaved.isHidden() and first.save_line.text() == "Saved"
    reference = editor.reference
    first.close()
    assert shown.questions == []  # nothing to ask: it was all saved

    again = MainWindow(store)
    qtbot.addWidget(again)
    again.releases.open_release(reference)
    form = again.releases.editor.form
    assert form.standfirst.toPlainText() == "A standfirst typed after the quote."
    quote = form.sections.sections()[0]
    assert isinstance(quote, QuoteSection)
    assert (quote.speaker, quote.text) == ("", "Words agreed before the speaker is.")


def test_a_megabyte_paste_does_not_freeze_the_ui(window, store, qtbot) -> None:
    editor = new_release(window, qtbot)
    editor.form.sections.add_text_button.click()
    big = ("Officers found the suspect through his accounts. " * 20 + "\n\n") * 1100
    assert len(big) > 1_000_000
    editor.form.sections.text.setPlainText(big)
    editor.form.sections.text.moveCursor(QTextCursor.MoveOperation.End)
    editor.form.sections.text.insertPlainText(" more")  # a keystroke after the paste
    # The preview renders off the UI thread: the keystroke returns before the preview has
    # it, and the event loop turns until it does (how fast is for benchmarks/, not a test).
    assert "more\nENDS" not in preview_text(editor)[-400:]
    qtbot.waitUntil(lambda: "more\nENDS" in preview_text(editor)[-400:], timeout=15_000)
    wait_saved(editor)
    assert releases.get(store, editor.reference).sections[0].text.endswith("\n\nmore")


def test_a_library_edit_flags_the_open_draft(window, store, qtbot) -> None:
    boilerplate.save(store, "about-ceop", "About CEOP", "Old words.")
    draft = releases.new_draft(store)
    draft.notes = [Note(title="", text="", boilerplate="about-ceop")]
    releases.update(store, draft)
    window.releases.open_release(draft.reference)
    notes = window.releases.editor.form.notes
    assert "⚠" not in notes.list.item(0).text()
    # A change made elsewhere in the app, through the one way the UI changes the store.
    window.ops.mutate(
        None,
        lambda s: boilerplate.save(s, "about-ceop", "About CEOP", "New words."),
        {"boilerplate"},
    )
    assert window.ops.wait_idle()
    qtbot.waitUntil(lambda: "⚠ library text changed" in notes.list.item(0).text())
