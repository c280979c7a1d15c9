"""Every view follows store_changed(kinds): a change made elsewhere in the app (through the
one helper) shows in the releases list, the editor and its preview, the boilerplate page's
"Used in", the contacts table and counts, and the lists — with no reload wired by hand."""

from __future__ import annotations

from ui_steps import open_release, preview_text

from ceopdesk.core import settings
from ceopdesk.core.contacts import lists, service
from ceopdesk.core.contacts.domain import Contact
from ceopdesk.core.releases import boilerplate
from ceopdesk.core.releases import service as releases
from ceopdesk.ui.operations import BOILERPLATE, CONTACTS, LISTS, RELEASES, SETTINGS


def change(window, fn, kinds) -> None:  # type: ignore[no-untyped-def]
    window.ops.mutate(None, fn, kinds)
    assert window.ops.wait_idle()


def test_the_releases_list_follows_a_new_release(sample_window, qtbot) -> None:
    panel = sample_window.releases.list_panel
    change(sample_window, lambda s: releases.new_draft(s, "Made elsewhere in the app"), {RELEASES})
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4)
    assert "4 releases" in panel.count_label.text()


def test_the_editor_and_preview_follow_library_and_settings_changes(sample_window, qtbot) -> None:
    editor = open_release(sample_window, "CEOP-2026-001")
    notes = editor.form.notes
    keys = [n.boilerplate for n in notes.notes()]
    key = next(k for k in keys if k)
    row = keys.index(key)
    assert "⚠" not in notes.list.item(row).text()
    change(
        sample_window, lambda s: boilerplate.save(s, key, "About", "Newer words."), {BOILERPLATE}
    )
    qtbot.waitUntil(lambda: "⚠" in notes.list.item(row).text())  # read off the UI thread

    def new_phone(s) -> None:  # type: ignore[no-untyped-def]
        changed = settings.load(s)
        changed.contact.phone = "0800 555 0101"
        settings.save(s, changed)

    change(sample_window, new_phone, {SETTINGS})
    qtbot.waitUntil(lambda: "0800 555 0101" in preview_text(editor), timeout=5000)


def test_taking_the_new_text_updates_the_note_and_its_used_in_row(sample_window, qtbot) -> None:
    editor = open_release(sample_window, "CEOP-2026-001")
    key = next(n.boilerplate for n in editor.form.notes.notes() if n.boilerplate)
    page = sample_window.boilerplate
    assert page.select_key(key)
    change(
        sample_window, lambda s: boilerplate.save(s, key, "About", "Newer words."), {BOILERPLATE}
    )
    latest = boilerplate.get(sample_window.store, key).version
    uses = {u.reference: u for u in page.used_in.model.uses()}
    assert uses["CEOP-2026-001"].version == latest - 1

    editor.workflow.take_latest(key)
    assert sample_window.ops.wait_idle()
    uses = {u.reference: u for u in page.used_in.model.uses()}
    assert uses["CEOP-2026-001"].version == latest
    row = [n.boilerplate for n in editor.form.notes.notes()].index(key)
    qtbot.waitUntil(lambda: "⚠" not in editor.form.notes.list.item(row).text())


def test_the_contacts_table_counts_and_lists_follow(sample_window, qtbot) -> None:
    view = sample_window.contacts
    qtbot.waitUntil(lambda: not view.model.loading)
    before = view.model.rowCount()
    change(
        sample_window,
        lambda s: service.create_contact(
            s, Contact(given_name="Zoë", family_name="Ball", organisation="BBC")
        ),
        {CONTACTS},
    )
    qtbot.waitUntil(lambda: view.model.rowCount() == before + 1 and not view.model.loading)
    assert view.count_label.text().startswith(f"{before + 1:,} contact")
    change(sample_window, lambda s: lists.create_list(s, "Welsh media"), {LISTS})

    def names() -> list[str]:
        combo = view.filters.list_combo
        return [combo.itemText(i) for i in range(combo.count())]

    qtbot.waitUntil(lambda: any(n.startswith("Welsh media") for n in names()))
