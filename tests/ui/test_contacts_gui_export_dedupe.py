"""The export dialog (CSV or vCard, who, do-not-contact left out by default) and duplicates."""

from __future__ import annotations

import csv

from PySide6.QtWidgets import QFileDialog
from test_contacts_gui_support import DO_NOT_CONTACT, seed_people

from ceopdesk.core.contacts import lists, query, service
from ceopdesk.core.contacts.domain import Contact, ContactFilter, Email
from ceopdesk.ui.contacts.duplicates_dialog import DuplicatesDialog
from ceopdesk.ui.contacts.export_dialog import ExportDialog


def save_to(monkeypatch, path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def read_csv(path) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_export_leaves_do_not_contact_out_unless_asked(qtbot, store, ops, tmp_path, monkeypatch):
    seed_people(store)
    dialog = ExportDialog(ops, ContactFilter(), ["crime"], [])
    qtbot.addWidget(dialog)
    assert ops.wait_idle()  # the count is read off the UI thread
    assert dialog.csv.isChecked() and dialog.everyone.isChecked()
    assert not dialog.include_dnc.isChecked()
    assert not dialog.current.isEnabled()  # nothing is filtered: "as shown" is everyone
    assert dialog.count.text() == (
        f"{50 - len(DO_NOT_CONTACT)} contacts will be exported. "
        f"{len(DO_NOT_CONTACT)} marked do not contact will be left out."
    )
    save_to(monkeypatch, tmp_path / "everyone.csv")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=5000)
    rows = read_csv(tmp_path / "everyone.csv")
    assert len(rows) == 47 and dialog.result_.left_out_do_not_contact == 3  # type: ignore[union-attr]
    assert (
        dialog.outcome.text()
        == "Saved 47 contacts to everyone.csv. 3 marked do not contact were left out."
    )

    dialog.include_dnc.setChecked(True)
    dialog.by_tag.setChecked(True)
    assert dialog.chosen_filter() == ContactFilter(tag="crime")
    assert ops.wait_idle()
    crime = query.count_contacts(store, ContactFilter(tag="crime"))
    assert dialog.count.text().startswith(f"{crime} contacts will be exported.")
    dialog.vcard.setChecked(True)
    save_to(monkeypatch, tmp_path / "crime")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "crime.vcf").exists(), timeout=5000)
    text = (tmp_path / "crime.vcf").read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == crime and "Zoë Ball" in text


def test_export_of_the_current_search_or_a_list(qtbot, store, ops, tmp_path, monkeypatch):
    ids = seed_people(store)
    lists.create_list(store, "Arabic media")
    lists.add_members(store, "Arabic media", [ids["محمد الأحمد"], ids["فاطمة الزهراء"]])
    dialog = ExportDialog(ops, ContactFilter(text="bbc"), [], ["Arabic media"])
    qtbot.addWidget(dialog)
    assert ops.wait_idle()
    assert dialog.current.isChecked() and "“bbc”" in dialog.current.text()
    save_to(monkeypatch, tmp_path / "bbc.csv")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=5000)
    rows = read_csv(tmp_path / "bbc.csv")
    assert len(rows) == query.count_contacts(store, ContactFilter(text="bbc")) == 3
    assert "Zoë" in (tmp_path / "bbc.csv").read_text(encoding="utf-8-sig")

    dialog.by_list.setChecked(True)
    assert ops.wait_idle()
    assert dialog.count.text().startswith("2 contacts will be exported.")


def test_duplicates_are_found_off_the_ui_thread_and_merged_with_choices(qtbot, store, ops):
    a = service.create_contact(
        store,
        Contact(
            given_name="Siobhán",
            family_name="Murphy",
            organisation="RTÉ News",
            job_title="Reporter",
            emails=[Email("s.murphy@rte.ie")],
            tags=["crime"],
        ),
    )
    b = service.create_contact(
        store,
        Contact(
            given_name="Siobhan",
            family_name="Murphy",
            organisation="RTE News",
            job_title="Crime Correspondent",
            emails=[Email("siobhan.murphy@gmail.com")],
            tags=["courts"],
        ),
    )
    service.create_contact(store, Contact(given_name="Tom", family_name="Wright"))
    dialog = DuplicatesDialog(ops)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.searching, timeout=5000)
    assert len(dialog.pairs) == 1 and dialog.table.rowCount() == 1
    assert dialog.pairs[0].score >= 85
    assert "Siobh" in dialog.table.item(0, 1).text()
    panel = dialog.panel
    assert panel.keep is not None and {panel.keep.id, panel.other.id} == {a.id, b.id}  # type: ignore[union-attr]
    assert list(panel.groups) == ["job_title"]  # "RTÉ News" and "RTE News" are no conflict
    kept_id = panel.keep.id
    other = panel.other
    panel.choose("job_title", "other")
    dialog.merge_button.click()
    assert dialog.ops.wait_idle()
    assert dialog.merged == 1 and dialog.table.rowCount() == 0
    assert dialog.status.text().startswith("No likely duplicates found.")
    merged = service.get_contact(store, kept_id)  # type: ignore[arg-type]
    assert merged.job_title == other.job_title  # type: ignore[union-attr]
    assert {e.address for e in merged.emails} == {"s.murphy@rte.ie", "siobhan.murphy@gmail.com"}
    assert sorted(merged.tags) == ["courts", "crime"]
    assert query.count_contacts(store) == 2
