"""Backups: verified, uniquely named, rotated; restores that lose nothing and re-erase."""

from __future__ import annotations

import os
import socket
import sqlite3
import threading
from datetime import datetime, timedelta

import pytest

from ceopdesk.core import backup
from ceopdesk.core.app_lock import app_lock_path
from ceopdesk.core.contacts import privacy, query, service
from ceopdesk.core.contacts.domain import Contact, Email, Phone
from ceopdesk.core.errors import UserError
from ceopdesk.core.models import Setting
from ceopdesk.core.restore import restore
from ceopdesk.core.store import Store


def add(store, given: str, email: str, phone: str | None = None) -> Contact:
    return service.create_contact(
        store,
        Contact(
            given_name=given,
            family_name="Example",
            emails=[Email(email)],
            phones=[Phone(phone)] if phone else [],
        ),
    )


def names(store) -> set[str]:
    """Who a search for the shared family name finds (search index included)."""
    return {c.given_name for c in query.search_contacts(store, "Example")}


def test_two_backups_in_the_same_second_are_two_files(store):
    a = backup.make_backup(store.path, "manual")
    b = backup.make_backup(store.path, "manual")
    assert a.path != b.path and a.path.exists() and b.path.exists()
    assert [x.path for x in backup.list_backups(store.path)] == [b.path, a.path]


def test_a_copy_that_fails_its_check_is_not_kept(store, monkeypatch):
    good = backup.make_backup(store.path, "manual")
    monkeypatch.setattr(backup, "verify", lambda path, full=True: "page 7 is never used")
    with pytest.raises(UserError, match="integrity check"):
        backup.make_backup(store.path, "auto")
    assert [b.path for b in backup.list_backups(store.path)] == [good.path]
    assert sorted(p.name for p in good.path.parent.iterdir()) == [good.path.name]


def test_rotation_keeps_48_hours_then_12_days_10_weeks_6_months(tmp_path):
    db = tmp_path / "store.db"
    folder = backup.backup_folder(db)
    folder.mkdir()
    now = datetime(2026, 12, 1, 12, 0)
    made = []
    for hours in range(0, 24 * 400, 6):  # four backups a day for 400 days
        when = now - timedelta(hours=hours)
        path = folder / f"store-{when:%Y%m%d-%H%M%S}-000000-auto.db"
        path.write_bytes(b"x")
        made.append(when)
    backup.rotate(db, now)
    kept = sorted(b.when for b in backup.list_backups(db))
    recent = [w for w in made if now - w <= timedelta(hours=48)]
    assert set(recent) <= set(kept)
    older = [w for w in kept if now - w > timedelta(hours=48)]
    # 12 days (two of them inside the 48 hours), then weeks, then months: few, and spread out
    assert 10 <= len(older) <= 12 + 10 + 6
    assert min(kept) >= now - timedelta(days=31 * 7)
    assert len({(w.year, w.month) for w in kept}) >= 6


def test_rotation_leaves_other_files_alone(store):
    folder = backup.backup_folder(store.path)
    folder.mkdir()
    mine = folder / "my-own-copy.db"
    mine.write_bytes(b"keep me")
    backup.make_backup(store.path, "auto")
    backup.rotate(store.path, datetime.now() + timedelta(days=3000))
    assert mine.exists()


def test_changed_since_last_backup(store):
    add(store, "Ann", "ann@example.com")
    assert backup.changed_since_last_backup(store.path)
    backup.make_backup(store.path, "auto")
    assert not backup.changed_since_last_backup(store.path)
    assert backup.auto_backup(store.path, "auto") is None
    os.utime(store.path, (2e9, 2e9))
    assert backup.auto_backup(store.path, "auto") is not None


def test_restore_takes_the_write_lock_before_its_safety_copy(tmp_path):
    """An import committing while the restore waits is in the safety copy, not lost."""
    db = tmp_path / "store.db"
    store = Store(db)
    add(store, "Before", "before@example.com")
    old = backup.make_backup(db, "manual")
    importer = Store(db)
    holding, release = threading.Event(), threading.Event()

    def slow_import() -> None:
        with importer.session() as s:  # BEGIN IMMEDIATE: the write lock
            s.add(Setting(key="imported", value=150_000))
            s.flush()
            holding.set()
            release.wait(10)

    writer = threading.Thread(target=slow_import)
    writer.start()
    holding.wait(10)
    result = {}
    restorer = threading.Thread(target=lambda: result.update(r=restore(db, old.path)))
    restorer.start()
    restorer.join(0.5)
    assert restorer.is_alive()  # waiting for the import to commit
    release.set()
    writer.join(10)
    restorer.join(30)
    report = result["r"]
    safety = sqlite3.connect(report.safety.path)
    assert safety.execute("SELECT value FROM setting WHERE key = 'imported'").fetchone() == (
        150000,
    )
    assert report.safety.path != old.path and old.path.exists()
    store.close()
    importer.close()


def test_a_restore_keeps_a_backup_made_in_the_same_second(store):
    add(store, "Kept", "kept@example.com")
    b = backup.make_backup(store.path, "manual")
    before = b.path.read_bytes()
    report = restore(store.path, b.path)
    assert b.path.read_bytes() == before
    assert report.safety.path != b.path


def test_erased_person_stays_erased_after_restoring_an_older_backup(store):
    add(store, "Colleague", "colleague@example.com", "+442079460018")
    person = add(store, "Erased", "erased@example.com", "+442079460018")
    old = backup.make_backup(store.path, "manual")
    privacy.erase(store, person.id)
    report = restore(store.path, old.path)
    assert report.erased_again == 1
    assert "1 person erased since that backup was made were erased again" in report.sentence()
    assert names(store) == {"Colleague"}  # the shared phone number alone erased nobody else
    # and nothing of the fingerprint reads as the person
    with store.read_session() as s:
        text = str(s.get(Setting, "erasures").value)
    assert "erased@example.com" not in text and "Erased" not in text


def test_fingerprints_survive_a_backup_from_before_any_erasure(store):
    """The store's register is lost with the restored rows; the file beside it is not."""
    old = backup.make_backup(store.path, "manual")
    person = add(store, "Later", "later@example.com")
    privacy.erase(store, person.id)
    restore(store.path, old.path)
    add(store, "Later", "later@example.com")  # typed in again from an old e-mail
    from ceopdesk.core.contacts import erasures

    assert erasures.reapply(store) == 1


def test_restore_refuses_while_the_app_has_the_store_open(store):
    backup_file = backup.make_backup(store.path, "manual").path
    app_lock_path(store.path).write_text(f"{os.getpid()}\nceopdesk\n{socket.gethostname()}\n")
    with pytest.raises(UserError, match="close the app first"):
        restore(store.path, backup_file)
    # from the app's own dialog its own lock is no obstacle
    assert restore(store.path, backup_file, from_app=True).safety is not None


def test_a_stale_app_lock_does_not_block_a_restore(store):
    backup_file = backup.make_backup(store.path, "manual").path
    app_lock_path(store.path).write_text(f"999999\nceopdesk\n{socket.gethostname()}\n")
    assert restore(store.path, backup_file).safety is not None


def test_restore_refuses_a_damaged_backup_and_changes_nothing(store, tmp_path):
    add(store, "Stays", "stays@example.com")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    with pytest.raises(UserError):
        restore(store.path, bad)
    assert names(store) == {"Stays"}


def test_erasure_names_the_copies_that_still_hold_the_person(store, tmp_path):
    from ceopdesk.core.contacts import erasures, exporter

    person = add(store, "Held", "held@example.com")
    kept = backup.make_backup(store.path, "auto")
    exporter.export_contacts(store, tmp_path / "press-list.csv")
    copies = erasures.copies_holding(store, person)
    assert any(str(kept.path) in c for c in copies)
    assert any("press-list.csv" in c for c in copies)
    access = privacy.subject_access(store, "held@example.com")
    assert access["copies"] == copies


def test_cli_erase_says_which_copies_hold_the_person(tmp_path, capsys):
    from ceopdesk.cli import main

    db = tmp_path / "s.db"
    store = Store(db)
    add(store, "Held", "held@example.com")
    store.close()
    assert main(["--db", str(db), "backup"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "contacts", "erase", "held@example.com", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Older copies may still hold them: the backup of" in out


@pytest.mark.parametrize("folder", ["press office #2", "100% sure"])
def test_backup_and_restore_in_a_folder_named_with_uri_characters(tmp_path, capsys, folder):
    """A '#', '?' or '%' in a folder name must not cut the store's path short: the backup
    holds the store's releases, and nothing is created beside the folder."""
    from ceopdesk.cli import main

    db = tmp_path / folder / "store.db"
    db.parent.mkdir()
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "backup", "-o", str(tmp_path / folder / "copy.db")]) == 0
    copy = sqlite3.connect(tmp_path / folder / "copy.db")
    try:
        assert copy.execute("SELECT count(*) FROM release").fetchone()[0] == 3
    finally:
        copy.close()
    assert main(["--db", str(db), "restore", str(tmp_path / folder / "copy.db")]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]
    capsys.readouterr()
    assert main(["--db", str(db), "release", "list"]) == 0
    assert "CEOP-2026-001" in capsys.readouterr().out


def test_restore_from_an_empty_file_says_it_is_empty(store, tmp_path, capsys):
    from ceopdesk.cli import main

    empty = tmp_path / "empty.db"
    empty.touch()
    assert main(["--db", str(store.path), "restore", str(empty)]) == 1
    assert (
        capsys.readouterr().err == f"ceopdesk: {empty} is an empty file, not a ceopdesk backup.\n"
    )
