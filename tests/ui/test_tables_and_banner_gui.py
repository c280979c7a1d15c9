"""Tables in notes in the app: the approver dialog refuses what it cannot keep, and the
preview's DRAFT banner names the version as the Word header does."""

from __future__ import annotations

import docx
from PySide6.QtWidgets import QLabel
from ui_steps import open_release, wait_preview

from ceopdesk.documents.approver.compare import PartChange
from ceopdesk.documents.exporting import export_release
from ceopdesk.ui.history.approver_edits import _PartRow

REF = "CEOP-2026-001"


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
