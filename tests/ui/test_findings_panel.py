"""Findings beside the form: each underlined with its reason, one-click fixes, figures,
re-checked as the person types (off the UI thread)."""

from __future__ import annotations

import os
import threading
from datetime import date

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from ui_steps import new_release, saved

from ceopdesk.core.checks.rules import load
from ceopdesk.core.domain import ContactBlock, TextSection
from ceopdesk.ui.editor.underline import spans_of

BODY = (
    "Emily Carter, 14, was groomed online. Officers found child pornography on his laptop "
    "and the NCA traced 1,204 accounts. The case was safegaurded by police."
)


def rules_shown(panel) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.rule for f in panel.findings]


def write(window, qtbot):  # type: ignore[no-untyped-def]
    editor = new_release(window)
    editor.form.release_date.set_value(date(2026, 6, 17))
    editor.form.contact.set_contact(ContactBlock("CEOP Press Office", phone="0870 000 3434"))
    editor.form.sections.set_sections([TextSection(BODY)])
    editor.form.headline.setText("Girl protected after online grooming case")
    saved(editor)
    panel = editor.findings
    qtbot.waitUntil(lambda: "spelling" in rules_shown(panel), timeout=20_000)
    return editor, panel


def test_each_finding_is_listed_with_its_reason_and_underlined(window, qtbot) -> None:
    editor, panel = write(window, qtbot)
    assert {"terms.avoid", "acronyms.first-use", "legal.complainant-named", "spelling"} <= set(
        rules_shown(panel)
    )
    assert panel.list.count() == len(panel.findings)
    underlined = {BODY[s:e] for s, e, _c in spans_of(editor.form.sections.text)}
    assert {"child pornography", "NCA", "Emily Carter", "safegaurded"} <= underlined
    assert "Checks (" in panel.tabs.tabText(0)
    figures = [panel.figures.item(r, 0).text() for r in range(panel.figures.rowCount())]
    assert figures == ["14", "1,204"]
    if os.environ.get("CEOPDESK_SHOTS"):
        window.grab().save(os.environ["CEOPDESK_SHOTS"] + "/findings.png")


def test_one_click_fixes_edit_the_field_and_the_check_runs_again(window, qtbot) -> None:
    editor, panel = write(window, qtbot)
    term = next(f for f in panel.findings if f.rule == "terms.avoid")
    assert panel.apply_fix(term)
    acronym = next(f for f in panel.findings if f.rule == "acronyms.first-use")
    assert panel.apply_fix(acronym)
    text = editor.form.sections.text.toPlainText()
    assert "found child sexual abuse images on" in text
    assert "the National Crime Agency (NCA) traced" in text
    qtbot.waitUntil(
        lambda: (
            "terms.avoid" not in rules_shown(panel)
            and "acronyms.first-use" not in rules_shown(panel)
        ),
        timeout=10_000,
    )
    saved(editor)
    assert "child sexual abuse images" in editor.stored_release().sections[0].text


def test_a_spelling_fix_comes_from_the_dictionary_and_a_word_can_be_added(
    window, qtbot, store
) -> None:
    editor, panel = write(window, qtbot)
    row = rules_shown(panel).index("spelling")
    panel.list.setCurrentRow(row)  # selects the word in its field and asks for a suggestion
    qtbot.waitUntil(lambda: panel.findings[row].fix == "safeguarded", timeout=20_000)
    cursor = editor.form.sections.text.textCursor()
    assert cursor.selectedText() == "safegaurded"
    panel.add_word("Carter")  # a word the person knows is right
    qtbot.waitUntil(lambda: "Carter" in load(store).user_words, timeout=10_000)


def test_the_headline_is_underlined_too(window, qtbot) -> None:
    editor, panel = write(window, qtbot)
    editor.form.headline.setText("Childern safe")
    qtbot.waitUntil(
        lambda: any(f.part == "headline" and f.rule == "spelling" for f in panel.findings),
        timeout=10_000,
    )
    headline = next(f for f in panel.findings if f.part == "headline" and f.rule == "spelling")
    assert (headline.start, headline.end) == (0, 8)


def test_a_fix_never_touches_a_locked_field(window, qtbot) -> None:
    editor, panel = write(window, qtbot)
    editor.form.sections.text.setReadOnly(True)  # as an approved or issued release shows it
    term = next(f for f in panel.findings if f.rule == "terms.avoid")
    assert not panel.apply_fix(term)
    assert "child pornography" in editor.form.sections.text.toPlainText()


def test_the_dictionary_is_read_once_the_panel_is_shown_and_off_the_ui_thread(
    qtbot, store, monkeypatch
) -> None:
    from ceopdesk.ui.editor import findings as findings_module
    from ceopdesk.ui.editor.findings import FindingsPanel
    from ceopdesk.ui.editor.form import ReleaseForm
    from ceopdesk.ui.operations import StoreOps

    read_on: list[threading.Thread] = []
    monkeypatch.setattr(
        findings_module, "speller", lambda: read_on.append(threading.current_thread())
    )
    panel = FindingsPanel(StoreOps(store), ReleaseForm(store), lambda: None)
    qtbot.addWidget(panel)
    QApplication.processEvents()
    assert QThreadPool.globalInstance().waitForDone(10_000)
    assert read_on == []  # built, not shown: nothing read yet
    panel.show()
    qtbot.waitUntil(lambda: len(read_on) == 1)
    assert read_on[0] is not threading.main_thread()


def test_typing_that_only_moves_the_findings_keeps_their_rows_and_fixes_land_right(
    window, qtbot
) -> None:
    from ceopdesk.ui.editor.findings import FindingRow

    editor, panel = write(window, qtbot)
    rows_before = [panel.list.itemWidget(panel.list.item(i)) for i in range(panel.list.count())]
    checked = panel.checked
    editor.form.sections.set_sections([TextSection("Today. " + BODY)])  # everything moves on 7
    panel.schedule(at_once=True)
    qtbot.waitUntil(lambda: panel.checked is not checked, timeout=20_000)
    rows_after = [panel.list.itemWidget(panel.list.item(i)) for i in range(panel.list.count())]
    assert rows_after == rows_before  # the same widgets, not rebuilt
    term = next(
        r for r in rows_after if isinstance(r, FindingRow) and r.finding.rule == "terms.avoid"
    )
    term.fix_button.click()  # the row's finding moved with the text
    assert (
        "Today. Emily Carter, 14, was groomed online. Officers found child sexual abuse images"
        in (editor.form.sections.text.toPlainText())
    )


def test_a_flood_of_findings_lists_the_first_sixty_and_says_so(window, qtbot) -> None:
    from ceopdesk.ui.editor.findings import SHOWN_ROWS

    editor, panel = write(window, qtbot)
    flood = " ".join(f"wrongg{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(150)) + "."
    editor.form.sections.set_sections([TextSection(flood)])
    panel.schedule(at_once=True)
    qtbot.waitUntil(lambda: len(panel.findings) > SHOWN_ROWS, timeout=30_000)
    assert panel.list.count() == SHOWN_ROWS
    assert f"The first {SHOWN_ROWS} are listed." in panel.summary.text()
