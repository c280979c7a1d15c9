"""File ▸ Import releases…: read a folder, correct one release, save, find a figure."""

import shutil
from pathlib import Path

from screens import save_screenshot

from ceopdesk.core.domain import QuoteSection
from ceopdesk.core.releases import service as releases
from ceopdesk.ui.archive.import_dialog import ArchiveImportDialog
from ceopdesk.ui.operations import StoreOps

ARCHIVE = Path(__file__).parent.parent / "fixtures" / "archive"
FILES = ["pasted-from-browser.txt", "web-page.htm", "word-default.docx", "word-styled.docx"]


def folder_of_past_releases(tmp_path: Path) -> Path:
    folder = tmp_path / "Past releases"
    folder.mkdir()
    for name in FILES:
        shutil.copy(ARCHIVE / name, folder / name)
    shutil.copy(ARCHIVE / "bad" / "not-word.docx", folder / "scan.docx")
    return folder


def test_import_a_folder_correct_one_and_find_a_figure(qtbot, store, tmp_path, shown):
    ops = StoreOps(store)
    dialog = ArchiveImportDialog(store, ops)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start([folder_of_past_releases(tmp_path)])
    qtbot.waitUntil(lambda: dialog.file_list.count() == 5 and not dialog.running)
    names = [dialog.file_list.item(i).text().split("\n")[0] for i in range(5)]
    assert "✗ scan.docx" in names
    assert dialog.import_button.text() == "Import 4 releases"

    # The pasted text: its last body paragraph is a quote the reader could not see.
    dialog.file_list.setCurrentRow(names.index("⚠ pasted-from-browser.txt"))
    panel = dialog.parts
    labels = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert labels[0].startswith("Standfirst: Reports of children")
    body = next(i for i, t in enumerate(labels) if t.startswith("Body: There were 312"))
    panel.list.setCurrentRow(body)
    panel.speaker.setEditText("Helen Marsh")
    panel.role.setText("Head of Education")
    panel.quote_button.click()
    corrected = dialog.current().release
    assert isinstance(corrected.sections[0], QuoteSection)
    assert corrected.sections[0].speaker == "Helen Marsh"
    assert panel.speaker.currentText() == "Helen Marsh"  # the chosen quote shows its speaker
    qtbot.waitUntil(lambda: "Helen Marsh" in dialog.preview.browser.toPlainText())
    save_screenshot(dialog, "archive-import-review", tmp_path / "shots")

    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None)
    report = dialog.report
    assert [f.outcome for f in report.files].count("imported") == 4
    failed = report.failed[0]
    assert failed.source.name == "scan.docx" and "not a Word document" in (failed.error or "")
    assert dialog.report_table.rowCount() == 5
    save_screenshot(dialog, "archive-import-report", tmp_path / "shots")

    found = releases.list_releases(store, query="312")
    assert [r.headline for r in found] == ["Sextortion warning as reports treble"]
    stored = releases.get(store, found[0].reference)
    assert stored.sections[0].speaker == "Helen Marsh"


def test_the_file_menu_offers_the_import(window):
    file_menu = window.menuBar().actions()[0].menu()
    assert window.menus.import_action in file_menu.actions()
    assert window.menus.import_action.text() == "&Import releases…"


def test_a_new_user_imports_a_folder_and_finds_a_figure_in_the_releases_list(
    qtbot, window, tmp_path, monkeypatch
):
    monkeypatch.setattr(ArchiveImportDialog, "exec", ArchiveImportDialog.show)
    window.menus.import_action.trigger()
    dialog = window.findChild(ArchiveImportDialog)
    dialog.start([folder_of_past_releases(tmp_path)])
    qtbot.waitUntil(lambda: dialog.file_list.count() == 5 and not dialog.running)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None)
    dialog.close_button.click()
    assert window.pages.currentWidget() is window.releases  # no longer the welcome page
    panel = window.releases.list_panel
    panel.search.setText("1,145 reports")
    qtbot.waitUntil(lambda: panel.count_label.text() == "1 release")
    assert panel.model.rowCount() == 1
    save_screenshot(window, "archive-import-found", tmp_path / "shots")
