"""`release import` (and the app's archive import) backs the store up before it writes.

DESIGN §10: backups before migrations, imports, merges and restores. One verified
copy per import run, made before the first write, holding the store as it was.
"""

import json
import sqlite3
from pathlib import Path

import pytest

from ceopdesk.core import backup
from ceopdesk.core.errors import UserError
from ceopdesk.core.releases import importing
from ceopdesk.core.releases import service as releases

BASE = {"format": "ceopdesk.release/1", "headline": "Children safer after operation"}


def write(folder: Path, name: str, **fields) -> Path:
    path = folder / name
    path.write_text(json.dumps({**BASE, **fields}), encoding="utf-8")
    return path


def import_backups(store) -> list[backup.BackupInfo]:
    return [b for b in backup.list_backups(store.path) if b.reason == "before-import"]


def references_in(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(r for (r,) in conn.execute("SELECT reference FROM release"))
    finally:
        conn.close()


@pytest.fixture
def stocked(store, tmp_path):
    """A store holding one release already, so "unchanged" means something."""
    importing.import_all(store, [importing.read_json(write(tmp_path, "first.json"))], None)
    for b in backup.list_backups(store.path):
        b.path.unlink()  # the first import's own backup is not the one under test
    return store, [r.reference for r in releases.list_releases(store)]


def test_import_all_backs_up_the_store_as_it_was_once_per_run(stocked, tmp_path):
    store, before = stocked
    items = [importing.read_json(write(tmp_path, f"{n}.json")) for n in "ab"]
    stored = importing.import_all(store, items, None)
    (made,) = import_backups(store)
    assert backup.verify(made.path) is None
    assert references_in(made.path) == before
    assert len(releases.list_releases(store)) == len(before) + len(stored)


def test_a_failed_import_leaves_the_store_unchanged_and_the_backup_there(stocked, tmp_path):
    store, before = stocked
    good = importing.read_json(write(tmp_path, "good.json"))
    bad = importing.read_json(write(tmp_path, "bad.json", notes=[{"boilerplate": "nope"}]))
    with pytest.raises(UserError, match="bad.json"):
        importing.import_all(store, [good, bad], None)
    assert [r.reference for r in releases.list_releases(store)] == before
    (made,) = import_backups(store)
    assert backup.verify(made.path) is None
    assert references_in(made.path) == before


def test_import_each_makes_one_backup_for_the_whole_folder(stocked, tmp_path):
    store, before = stocked
    paths = [write(tmp_path, f"{n}.json") for n in "abc"]
    report = importing.import_each(store, importing.read_all(paths, importing.read_json), None)
    assert [f.outcome for f in report.files] == ["imported"] * 3
    (made,) = import_backups(store)
    assert backup.verify(made.path) is None
    assert references_in(made.path) == before


def test_nothing_to_store_makes_no_backup(stocked, tmp_path):
    store, _ = stocked
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    report = importing.import_each(store, importing.read_all([broken], importing.read_json), None)
    assert [f.outcome for f in report.files] == ["failed"]
    assert import_backups(store) == []
