"""The settings dialog: saving, inline validation, and checking a Word template."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog
from screens import save_screenshot
from ui_steps import wait_still

from ceopdesk.core import settings
from ceopdesk.documents.docx_writer import check_template, default_template
from ceopdesk.ui.settings_dialog import SettingsDialog


@pytest.fixture
def dialog(qtbot, store, ops):  # type: ignore[no-untyped-def]
    widget = SettingsDialog(ops)
    qtbot.addWidget(widget)
    return widget


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def test_opens_with_the_stored_settings(dialog) -> None:
    assert dialog.prefix_edit.text() == "CEOP"
    assert dialog.press_office_edit.text() == "CEOP Press Office"
    assert "CEOP → CEOP-" in dialog.prefix_hint.text()
    assert "built-in template" in dialog.template_status.text()
    assert dialog.save_button.isEnabled()


def test_save_writes_every_value(dialog, store, qtbot) -> None:
    dialog.organisation_edit.setText("Child Protection Command")
    dialog.prefix_edit.clear()
    qtbot.keyClicks(dialog.prefix_edit, "cpc")
    assert dialog.prefix_edit.text() == "CPC"  # capitals as you type
    assert "CPC → CPC-" in dialog.prefix_hint.text()
    dialog.press_office_edit.setText("CPC Press Office")
    dialog.place_edit.setText("Manchester")
    dialog.contact_name_edit.setText("CPC Press Office")
    dialog.contact_phone_edit.setText("0161 000 1234")
    dialog.contact_ooh_edit.setText("07700 900123")
    dialog.contact_email_edit.setText("press@cpc.example.org")
    dialog.contact_web_edit.setText("www.cpc.example.org")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = settings.load(store)
    assert saved.organisation == "Child Protection Command"
    assert saved.reference_prefix == "CPC"
    assert saved.press_office_name == "CPC Press Office"
    assert saved.default_place == "Manchester"
    assert saved.contact.phone == "0161 000 1234"
    assert saved.contact.out_of_hours == "07700 900123"
    assert saved.contact.email == "press@cpc.example.org"
    assert saved.contact.web == "www.cpc.example.org"
    assert saved.template_path is None
    assert dialog.saved_settings() == saved


def test_bad_prefix_is_refused_with_a_sentence(dialog, store) -> None:
    dialog.prefix_edit.setText("1-AB")
    assert not dialog.save_button.isEnabled()
    assert "starting with a letter" in dialog.prefix_hint.text()
    # Even if Save is reached another way, the core's sentence is shown and nothing changes.
    dialog.save()
    assert dialog.ops.wait_idle()
    assert dialog.error_label.text() == (
        "The reference prefix must be 2 to 12 capital letters or digits, starting with a letter."
    )
    assert dialog.isVisibleTo(None) or dialog.result() != QDialog.DialogCode.Accepted
    assert settings.load(store).reference_prefix == "CEOP"
    dialog.prefix_edit.setText("NCA")
    assert dialog.save_button.isEnabled()


def test_empty_press_office_and_bad_email_are_shown_inline(dialog) -> None:
    dialog.press_office_edit.setText("  ")
    assert not dialog.save_button.isEnabled()
    assert "author of every Word file" in dialog.press_office_hint.text()
    dialog.press_office_edit.setText("Press Office")
    dialog.contact_email_edit.setText("press office at ceop")
    assert not dialog.save_button.isEnabled()
    assert "email address" in dialog.contact_email_hint.text()
    dialog.contact_email_edit.clear()
    assert dialog.save_button.isEnabled()


def test_template_missing_styles_are_named(dialog, store, tmp_path, monkeypatch, qtbot) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    missing = check_template(plain)
    assert missing  # python-docx's own template has none of the house styles
    choose_file(monkeypatch, plain)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.template_edit.text() == str(plain)
    shown = dialog.template_status.text()
    assert all(f"“{name}”" in shown for name in missing)
    assert f"lacks {len(missing)} styles" in shown
    assert not dialog.save_button.isEnabled()

    dialog.use_builtin_template()
    assert dialog.template_edit.text() == ""
    assert dialog.save_button.isEnabled()

    choose_file(monkeypatch, default_template())
    dialog.browse_template()
    assert "every style" in dialog.template_status.text()
    assert dialog.save()
    assert dialog.ops.wait_idle()
    assert settings.load(store).template_path == str(default_template())


def test_unreadable_template_gets_a_plain_sentence(dialog, tmp_path, monkeypatch) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_text("this is not a Word file")
    choose_file(monkeypatch, broken)
    dialog.browse_template()
    assert dialog.template_status.text() == (
        f"The Word template {broken} is not a Word .docx file that can be read."
    )
    assert not dialog.save_button.isEnabled()


def test_a_stored_template_that_has_gone_is_flagged_on_opening(store, ops, qtbot, tmp_path) -> None:
    current = settings.load(store)
    current.template_path = str(tmp_path / "gone.docx")
    settings.save(store, current)
    dialog = SettingsDialog(ops)
    qtbot.addWidget(dialog)
    assert "does not exist" in dialog.template_status.text()
    assert not dialog.save_button.isEnabled()


def test_settings_screenshot(dialog, tmp_path, monkeypatch, qtbot) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    choose_file(monkeypatch, plain)
    dialog.browse_template()
    dialog.show()
    qtbot.waitExposed(dialog)
    wait_still(qtbot, dialog)
    image = save_screenshot(dialog, "settings-dialog", tmp_path, min_size=(500, 400))
    assert image.width() <= 3000 and image.height() <= 3000
