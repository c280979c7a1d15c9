"""Damaged, empty and missing stores; private files; interrupted writes; errors as words."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap

import pytest

from ceopdesk.cli import main
from ceopdesk.core import atomic, backup
from ceopdesk.core.contacts import privacy, service
from ceopdesk.core.contacts.domain import Contact, Email
from ceopdesk.core.errors import StoreError
from ceopdesk.core.store import Store, StoreDamaged

PAGE = 4096


def filled_store(path) -> Store:
    store = Store(path)
    for i in range(300):
        service.create_contact(
            store,
            Contact(
                given_name=f"Person{i}",
                family_name="Long" * 20,
                emails=[Email(f"p{i}@example.com")],
                notes="n" * 400,
            ),
        )
    return store


def flip(path, offset: int, length: int = PAGE) -> None:
    with open(path, "r+b") as fh:
        fh.seek(offset)
        data = fh.read(length)
        fh.seek(offset)
        fh.write(bytes(b ^ 0xA5 for b in data))


@pytest.mark.parametrize("where", ["first page", "middle page", "wal"])
def test_a_damaged_store_is_set_aside_and_the_newest_good_backup_offered(tmp_path, where):
    db = tmp_path / "store.db"
    store = filled_store(db)
    store.checkpoint()
    kept = backup.make_backup(db, "auto")
    if where == "wal":
        service.create_contact(store, Contact(given_name="InWal", emails=[Email("w@x.org")]))
        wal = db.with_name(db.name + "-wal")
        raw = store.engine.raw_connection()  # keep the WAL: no checkpoint at close
        flip(wal, 32, 200)
        raw.close()
        store.engine.dispose()
    else:
        store.close()
        size = db.stat().st_size
        flip(db, 0 if where == "first page" else (size // PAGE // 2) * PAGE)
    try:
        Store(db).close()
    except StoreDamaged as damaged:
        exc = damaged
    else:
        # SQLite ignores WAL frames that fail their checksums: the store opens as it was
        # at its last good commit, which quick_check found sound.
        assert where == "wal" and backup.verify(db) is None
        return
    assert exc.backup.path == kept.path
    assert kept.when_text in exc.message and "ceopdesk restore" in exc.message
    assert exc.damaged.exists() and exc.damaged.name == "store.db.damaged"
    assert not db.exists()
    # the missing store is not silently made new: the backup is offered again
    with pytest.raises(StoreDamaged, match="missing"):
        Store(db)
    code = main(["--db", str(db), "restore", str(kept.path)])
    assert code == 0
    assert backup.verify(db) is None


def test_check_names_the_backup_to_restore(tmp_path, capsys):
    db = tmp_path / "store.db"
    filled_store(db).close()
    kept = backup.make_backup(db, "auto")
    flip(db, (db.stat().st_size // PAGE // 2) * PAGE)
    assert main(["--db", str(db), "check"]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and str(kept.path) in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_commands_refuse_to_write_into_a_damaged_store(tmp_path, capsys):
    db = tmp_path / "store.db"
    filled_store(db).close()
    flip(db, (db.stat().st_size // PAGE // 2) * PAGE)
    assert main(["--db", str(db), "backup"]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "Traceback" not in err
    assert not list(backup.backup_folder(db).glob("*.db"))


def test_an_empty_file_is_never_made_into_a_store(tmp_path):
    db = tmp_path / "named.db"
    db.write_bytes(b"")
    with pytest.raises(StoreError, match="empty file"):
        Store(db)
    assert db.stat().st_size == 0


def test_a_missing_folder_is_refused_unless_asked_for(tmp_path, capsys):
    db = tmp_path / "typo" / "store.db"
    assert main(["--db", str(db), "release", "list"]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not db.parent.exists()
    Store(db, create_folder=True).close()
    assert db.exists()


def test_a_folder_given_as_the_store_is_said_plainly(tmp_path, capsys):
    assert main(["--db", str(tmp_path), "release", "list"]) == 1
    assert "is a folder" in capsys.readouterr().err


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_personal_data_files_are_private_whatever_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        db = tmp_path / "data" / "store.db"
        store = Store(db, create_folder=True)
        person = service.create_contact(
            store, Contact(given_name="Private", emails=[Email("pr@example.com")])
        )
        b = backup.make_backup(db, "auto")
        export = tmp_path / "sar.json"
        privacy.write_subject_access(store, str(person.id), export)

        csv_out = tmp_path / "list.csv"
        assert main(["--db", str(db), "contacts", "export", "-o", str(csv_out)]) == 0
        files = [
            db,
            db.with_name("store.db-wal"),
            db.with_name("store.db-shm"),
            b.path,
            export,
            csv_out,
        ]
        for f in files:
            assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
        for d in (db.parent, b.path.parent):
            assert stat.S_IMODE(d.stat().st_mode) == 0o700, d
        store.close()
    finally:
        os.umask(old)


def test_temporary_files_of_an_interrupted_write_are_swept(tmp_path):
    target = tmp_path / "contacts.csv"
    with pytest.raises(KeyboardInterrupt), atomic.atomic_write(target) as fh:
        fh.write("half")
        raise KeyboardInterrupt  # cleaned up in-process; a kill is simulated below
    left = tmp_path / ".contacts.csv.abc123.tmp"
    left.write_text("417 MB of contacts")
    marker = atomic.note_temp_file(left)
    marker.write_text(f"999999\n{left}")  # the writer's process is gone
    mine = tmp_path / "notes.tmp"  # not of atomic_write's making: never touched
    mine.write_text("mine")
    assert atomic.sweep_unfinished_writes() == [left]
    assert not left.exists() and mine.exists() and not marker.exists()


def _import_with_little_room(db, big, limit_bytes: int | None) -> subprocess.CompletedProcess:
    limit = (
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit_bytes}, {limit_bytes}))"
        if limit_bytes
        else ""
    )
    script = textwrap.dedent(f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        {limit}
        from ceopdesk.cli import main
        sys.exit(main(["--db", {str(db)!r}, "contacts", "import", {str(big)!r}]))
    """)
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )


def _big_csv(path) -> None:
    rows = "\n".join(f"Person{i},Example,p{i}@example.com,{'x' * 300}" for i in range(20000))
    path.write_text("First Name,Last Name,E-mail Address,Notes\n" + rows)


@pytest.mark.skipif(sys.platform == "win32", reason="needs RLIMIT_FSIZE (POSIX)")
def test_a_write_the_file_system_refuses_is_one_sentence_without_traceback(tmp_path):
    """A file-size limit makes every write past it fail as a broken disk would."""
    db = tmp_path / "store.db"
    Store(db).close()
    big = tmp_path / "big.csv"
    _big_csv(big)
    done = _import_with_little_room(db, big, db.stat().st_size + 200_000)
    assert done.returncode == 1, done.stderr
    assert str(db) in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert backup.verify(db) is None


@pytest.fixture
def small_tmpfs(tmp_path):
    folder = tmp_path / "small"
    folder.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs Linux and root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


def test_a_full_disk_is_one_sentence_and_the_store_stays_sound(small_tmpfs, tmp_path):
    db = small_tmpfs / "store.db"
    Store(db).close()
    big = tmp_path / "big.csv"
    _big_csv(big)
    done = _import_with_little_room(db, big, None)
    assert done.returncode == 1, done.stderr
    assert "disk is full" in done.stderr and str(db) in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert backup.verify(db) is None
