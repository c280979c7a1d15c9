"""`backup`, `backup --list`, `restore`, and erasures re-applied by an import."""

from __future__ import annotations

import sqlite3

from ceopdesk.core import backup


def test_backup_list_and_restore(run, tmp_path):
    assert run("demo")[0] == 0
    code, out, _ = run("backup")
    assert code == 0 and "(verified)" in out
    code, out, _ = run("backup", "-o", str(tmp_path / "usb.db"))
    assert code == 0 and (tmp_path / "usb.db").exists()
    code, out, _ = run("backup", "--list")
    assert code == 0 and "manual" in out and len(out.splitlines()) == 1
    code, out, err = run("restore", str(tmp_path / "usb.db"))
    assert code == 0, err
    assert "Restored from" in out and "is kept in" in out
    assert len(backup.list_backups(run.db)) == 2  # the manual one and the safety copy


def test_backup_list_when_there_are_none(run):
    code, out, _ = run("backup", "--list")
    assert code == 0 and out.startswith("No backups")


def test_restore_of_a_file_that_is_not_a_backup(run, tmp_path):
    run("demo")
    bogus = tmp_path / "bogus.db"
    bogus.write_text("hello")
    code, _, err = run("restore", str(bogus))
    assert code == 1 and "not a ceopdesk backup" in err


def test_an_import_erases_again_a_person_erased_before(run, tmp_path):
    csv = tmp_path / "people.csv"
    csv.write_text(
        "First Name,Last Name,E-mail Address\nErin,Erased,erin@example.com\n"
        "Kim,Kept,kim@example.com\n"
    )
    assert run("contacts", "import", str(csv))[0] == 0
    code, _, err = run("contacts", "erase", "erin@example.com", "--yes")
    assert code == 0, err
    code, out, _ = run("contacts", "import", str(csv))
    assert code == 0 and "1 erased earlier and erased again" in out
    code, out, _ = run("contacts", "search", "Erin")
    assert "Erin" not in out


def test_a_listing_reading_a_damaged_table_says_so_in_one_sentence(run):
    """A listing skips the quick_check on opening; the damaged page it reads is still words."""
    assert run("demo")[0] == 0
    conn = sqlite3.connect(run.db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'release'").fetchone()
    (page,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    with open(run.db, "r+b") as fh:
        fh.seek((root - 1) * page)
        fh.write(b"\xa5" * page)
    code, out, err = run("release", "list")
    assert code == 1 and out == ""
    assert "is damaged" in err and str(run.db) in err and "ceopdesk check" in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_a_listing_of_a_mistyped_store_name_makes_no_store(run, tmp_path):
    assert run("demo")[0] == 0
    typo = tmp_path / "cli.bd"
    code, out, err = main_with(typo, "release", "list")
    assert code == 1 and out == ""
    assert f"There is no store at {typo}" in err and err.count("\n") == 1
    assert not typo.exists()  # before: a new empty store, and "No releases."
    assert run("release", "list")[0] == 0  # the right name still lists


def main_with(db, *argv):
    import io

    from ceopdesk.cli import main

    out, err = io.StringIO(), io.StringIO()
    return main(["--db", str(db), *argv], out=out, err=err), out.getvalue(), err.getvalue()
