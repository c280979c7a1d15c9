"""Settings say what is removed from an organisation template on use."""

from __future__ import annotations

from ceopdesk.ui.settings_dialog import SettingsDialog
from tests.documents.test_template_clean import ALL, hostile


def test_settings_say_what_is_removed(tmp_path, qtbot, store, ops):
    dialog = SettingsDialog(ops)
    qtbot.addWidget(dialog)
    dialog.set_template(str(hostile(tmp_path, ALL)))
    shown = dialog.template_status.text()
    assert "every style" in shown and "Removed from it on every use" in shown
    assert "macros" in shown and "evil.example" in shown
    assert dialog.problems() == []  # a cleaned template can still be used


def test_a_clean_template_says_nothing_was_removed(tmp_path, qtbot, store, ops):
    from ceopdesk.documents.docx_writer import default_template

    plain = tmp_path / "plain.docx"
    plain.write_bytes(default_template().read_bytes())
    dialog = SettingsDialog(ops)
    qtbot.addWidget(dialog)
    dialog.set_template(str(plain))
    assert "Removed" not in dialog.template_status.text()
