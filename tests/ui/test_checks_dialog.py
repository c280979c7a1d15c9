"""Settings ▸ Checks: the rules edited, saved to the store, exported and imported as JSON."""

from __future__ import annotations

import json
import os

from PySide6.QtWidgets import QFileDialog

from ceopdesk.core.checks import rules as rules_service
from ceopdesk.ui.checks_dialog import ChecksDialog


def test_the_dialog_shows_the_shipped_rules_and_saves_an_edit(qtbot, store, ops, shown) -> None:
    dialog = ChecksDialog(ops)
    qtbot.addWidget(dialog)
    assert dialog.rules() == rules_service.defaults()  # shown as stored, read back unchanged
    dialog.lengths["headline_chars"].setValue(70)
    row = list(rules_service.defaults().severity).index("sense.no-release-date")
    assert row >= 0
    dialog.acronyms.insertRow(dialog.acronyms.rowCount())
    from PySide6.QtWidgets import QTableWidgetItem

    dialog.acronyms.setItem(dialog.acronyms.rowCount() - 1, 0, QTableWidgetItem("PSBAR"))
    dialog.acronyms.setItem(
        dialog.acronyms.rowCount() - 1,
        1,
        QTableWidgetItem("Public Sector Bodies Accessibility Regulations"),
    )
    dialog.save()
    qtbot.waitUntil(lambda: rules_service.load(store).lengths.headline_chars == 70, timeout=10_000)
    saved = rules_service.load(store)
    assert saved.acronyms[-1].acronym == "PSBAR" and saved.terms == rules_service.defaults().terms
    if os.environ.get("CEOPDESK_SHOTS"):
        dialog.show()
        dialog.grab().save(os.environ["CEOPDESK_SHOTS"] + "/checks-dialog.png")


def test_export_then_import_round_trips_and_a_bad_file_is_one_sentence(
    qtbot, store, ops, shown, tmp_path, monkeypatch
) -> None:
    dialog = ChecksDialog(ops)
    qtbot.addWidget(dialog)
    target = tmp_path / "checks.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.export_button.click()
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "ceopdesk.checks/1"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "ceopdesk.checks/1", "ise_ize": "isz"}', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    dialog.import_button.click()
    assert "'ise_ize'" in shown.errors[-1] and str(bad) in shown.errors[-1]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    dialog.import_button.click()
    assert dialog.rules() == rules_service.defaults()
