import sqlite3

import pytest

from ceopdesk.core.errors import StoreError
from ceopdesk.core.store import Store


def test_fresh_store_is_created_stamped_and_configured(tmp_path):
    store = Store(tmp_path / "new" / "s.db", create_folder=True)
    assert store.schema_revision() is not None
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    assert store.integrity_problems() == []
    store.close()


def test_reopening_keeps_data(tmp_path):
    from ceopdesk.core import settings

    s1 = Store(tmp_path / "s.db")
    cfg = settings.load(s1)
    cfg.organisation = "Child Protection Command"
    settings.save(s1, cfg)
    s1.close()
    s2 = Store(tmp_path / "s.db")
    assert settings.load(s2).organisation == "Child Protection Command"
    s2.close()


def test_store_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer version of ceopdesk"):
        Store(path)


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a ceopdesk store"):
        Store(path)


def test_session_rolls_back_on_error(store):
    from ceopdesk.core.models import Setting

    with pytest.raises(RuntimeError), store.session() as s:
        s.add(Setting(key="organisation", value="X"))
        s.flush()
        raise RuntimeError("boom")
    with store.session() as s:
        assert s.get(Setting, "organisation") is None


def test_reading_never_waits_for_a_writer(store):
    from ceopdesk.core import settings
    from ceopdesk.core.models import Setting
    from ceopdesk.core.releases import service as releases
    from tests.helpers import sample_release

    releases.create(store, sample_release())
    with store.session() as writer:  # holds the write lock, as a long import does
        writer.add(Setting(key="organisation", value="Mid-import"))
        writer.flush()
        assert len(releases.list_releases(store)) == 1
        assert settings.load(store).organisation == "CEOP"  # uncommitted work is not seen


def test_a_busy_store_gives_a_sentence_and_changes_nothing(tmp_path):
    from ceopdesk.core.errors import StoreBusy
    from ceopdesk.core.releases import service as releases
    from tests.helpers import sample_release

    path = tmp_path / "s.db"
    store = Store(path)
    other = Store(path, busy_timeout_ms=50)  # a second copy of the app
    release = releases.create(store, sample_release())
    try:
        with store.session() as writer:
            writer.execute(__import__("sqlalchemy").text("UPDATE release SET place = 'X'"))
            release.headline = "Changed while busy"
            with pytest.raises(StoreBusy, match="busy with another task"):
                releases.update(other, release)
        assert releases.get(other, release.reference).headline != "Changed while busy"
    finally:
        other.close()
        store.close()


def test_a_folder_named_with_a_question_mark_holds_its_own_store(tmp_path):
    from ceopdesk.core.releases import service as releases

    folder = tmp_path / "press?office %20"
    folder.mkdir()
    store = Store(folder / "store.db")
    reference = releases.new_draft(store).reference
    store.close()
    # Before, SQLAlchemy's URL parser read "?office…" as a query and wrote tmp_path/"press".
    assert not (tmp_path / "press").exists()
    assert [r.reference for r in releases.list_releases(Store(folder / "store.db"))] == [reference]


def test_a_store_held_exclusively_by_another_process_is_busy_not_damaged(tmp_path):
    import sqlite3

    import pytest

    from ceopdesk.core.errors import StoreBusy

    path = tmp_path / "store.db"
    Store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreBusy):
            Store(path, busy_timeout_ms=100)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(tmp_path.glob("*.damaged*"))
    assert Store(path).path == path  # untouched and sound


def test_sqlite_uris_take_local_paths_and_windows_shares():
    from pathlib import PurePosixPath, PureWindowsPath

    from ceopdesk.core.paths import file_uri

    assert file_uri(PurePosixPath("/home/a b/store?.db")) == "file:///home/a%20b/store%3F.db"
    assert file_uri(PureWindowsPath(r"C:\Users\press\store.db")) == (
        "file:///C:/Users/press/store.db"
    )
    # SQLite refuses file://server/…; a network share is file:////server/share/….
    assert file_uri(PureWindowsPath(r"\\server\press\store.db")) == (
        "file:////server/press/store.db"
    )
