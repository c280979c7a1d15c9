"""File ▸ Backups…, the 30-minute backup, and the damaged store offered its newest backup."""

from __future__ import annotations

from ceopdesk.core import backup
from ceopdesk.core.contacts import privacy, query, service
from ceopdesk.core.contacts.domain import Contact, Email
from ceopdesk.core.store import Store
from ceopdesk.ui import app
from ceopdesk.ui.backups_dialog import AutoBackup, BackupsDialog
from tests.helpers import damage_after_a_backup


def _add(store, given: str) -> Contact:
    return service.create_contact(
        store,
        Contact(
            given_name=given, family_name="Example", emails=[Email(f"{given.lower()}@example.com")]
        ),
    )


def test_backups_dialog_lists_backs_up_and_restores(qtbot, window, store, shown, tmp_path):
    _add(store, "Old")
    person = _add(store, "Erased")
    older = backup.make_backup(store.path, "auto")
    privacy.erase(store, person.id)
    _add(store, "Newer")
    dialog = BackupsDialog(window.ops, window, before_restore=window.releases.editor.flush)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert "2 contacts" in dialog.table.item(0, 3).text()
    assert "holds 0 releases, 2 contacts now" in dialog.now_label.text()
    dialog.show()
    dialog.grab().save(str(tmp_path / "backups.png"))

    dialog.back_up_now()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)

    dialog.table.selectRow(1)  # the older one
    assert dialog.selected().path == older.path
    with qtbot.waitSignal(window.ops.store_changed, timeout=10_000):
        dialog.restore_selected()
    assert "Restore the backup of" in shown.questions[-1]
    qtbot.waitUntil(lambda: bool(shown.infos))
    assert "1 person erased since that backup was made were erased again" in shown.infos[-1]
    names = {c.given_name for c in query.search_contacts(store, "Example")}
    assert names == {"Old"}  # Newer is gone with the restore, Erased stays erased


def test_the_30_minute_backup_only_when_something_changed(qtbot, window, store):
    auto = AutoBackup(window.ops, interval_ms=3_600_000)
    _add(store, "Changed")
    auto.run()
    qtbot.waitUntil(lambda: len(backup.list_backups(store.path)) == 1)
    auto.run()
    assert window.ops.wait_idle(5000)
    assert len(backup.list_backups(store.path)) == 1  # nothing changed since


def test_a_damaged_store_is_offered_its_newest_good_backup_at_start(qtbot, tmp_path, shown):
    db = tmp_path / "store.db"
    store = Store(db)
    _add(store, "Saved")
    store.close()
    kept = damage_after_a_backup(db)
    opened = app.open_window(db)
    assert opened is not None
    window, lock = opened
    qtbot.addWidget(window)
    assert kept.when_text in shown.questions[-1] and "damaged" in shown.questions[-1]
    assert "ceopdesk restore" not in shown.questions[-1]  # a question, not a command to type
    assert (tmp_path / "store.db.damaged").exists()
    assert {c.given_name for c in query.search_contacts(window.store, "Saved")} == {"Saved"}
    window.close()
    if lock is not None:
        lock.unlock()


def test_a_damaged_store_whose_backup_is_declined_does_not_open(qtbot, tmp_path, shown):
    db = tmp_path / "store.db"
    Store(db).close()
    damage_after_a_backup(db)
    shown.answer = False
    assert app.open_window(db) is None
    assert not db.exists() and (tmp_path / "store.db.damaged").exists()  # nothing made anew
