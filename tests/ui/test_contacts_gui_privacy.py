"""Erase a person (after a confirmation naming them) and the subject access export."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from test_contacts_gui_support import seed_people

from ceopdesk.core.contacts import query, service
from ceopdesk.core.contacts.domain import ContactFilter
from ceopdesk.ui.contacts.view import ContactsView


@pytest.fixture
def view(qtbot, store, ops):
    seed_people(store)
    v = ContactsView(ops)
    qtbot.addWidget(v)
    qtbot.waitUntil(v.wait_idle, timeout=3000)
    return v


def select(qtbot, view: ContactsView, text: str) -> None:
    view.search.setText(text)
    qtbot.waitUntil(view.wait_idle, timeout=3000)
    assert view.model.rowCount() == 1
    view.table.selectRow(0)
    qtbot.waitUntil(view.erase_action.isEnabled)  # once the side panel shows the person


def answer_box(monkeypatch, yes: bool) -> list[str]:
    """Stand in for the confirmation box: record its text and click yes or Cancel."""
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        button = next(
            b
            for b in box.buttons()
            if (box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole) == yes
        )
        monkeypatch.setattr(QMessageBox, "clickedButton", lambda _self: button)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def test_erase_asks_naming_the_person_and_cancel_keeps_them(qtbot, view, store, monkeypatch):
    select(qtbot, view, "priya")
    shown = answer_box(monkeypatch, yes=False)
    view.erase_action.trigger()
    assert "Priya Patel (ITV News" in shown[0] and "cannot be undone" in shown[0]
    assert query.count_contacts(store, ContactFilter(text="priya")) == 1


def test_erase_removes_the_person_for_good(qtbot, view, store, monkeypatch):
    select(qtbot, view, "zoe")
    zoe_id = view.selected_ids()[0]
    shown = answer_box(monkeypatch, yes=True)
    view.erase_action.trigger()
    assert "Zoë Ball" in shown[0]
    qtbot.waitUntil(lambda: "Erased Zoë Ball." in view.status_label.text(), timeout=5000)
    assert query.count_contacts(store, ContactFilter(text="zoe")) == 0
    assert query.count_contacts(store) == 49
    assert service.get_contacts(store, [zoe_id]) == []
    qtbot.waitUntil(view.wait_idle, timeout=3000)
    assert view.model.rowCount() == 0 and view.count_label.text() == "49 contacts · 0 shown"


def test_subject_access_saves_json_where_the_user_says(qtbot, view, tmp_path, monkeypatch):
    select(qtbot, view, "siobhan")
    target = tmp_path / "sar"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.subject_access_action.trigger()
    written = target.with_suffix(".json")
    qtbot.waitUntil(written.exists, timeout=5000)
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["contact"]["given_name"] == "Siobhán Ní"
    assert data["contact"]["lawful_basis"] == "legitimate_interests"
    assert any(e["action"] == "contact.create" for e in data["audit"])
    qtbot.waitUntil(lambda: "sar.json" in view.status_label.text(), timeout=3000)
