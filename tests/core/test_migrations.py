"""Every past schema version, checked in as a sample store, must upgrade with its data intact."""

import shutil
from pathlib import Path

import pytest

from ceopdesk.core.releases import service as releases
from ceopdesk.core.store import Store

SAMPLES = sorted((Path(__file__).parent.parent / "fixtures" / "stores").glob("v*.db"))


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_store_upgrades_to_head(sample, tmp_path):
    copy = tmp_path / sample.name
    shutil.copy(sample, copy)
    store = Store(copy)
    try:
        assert store.integrity_problems() == []
        listed = {r.reference for r in releases.list_releases(store)}
        assert {"CEOP-2026-001", "CEOP-2026-002", "CEOP-2026-003"} <= listed
        release = releases.get(store, "CEOP-2026-001")
        assert len(release.sections) == 4 and release.notes[0].boilerplate == "report-copies"
        assert releases.list_releases(store, query="blackmail")[0].reference == "CEOP-2026-002"
        # the upgraded store takes new work
        release.standfirst = "Edited after the upgrade."
        assert releases.update(store, release).standfirst == "Edited after the upgrade."
    finally:
        store.close()


def test_there_is_a_sample_for_the_first_schema():
    assert any(p.stem == "v0001" for p in SAMPLES)


def test_the_fast_start_check_knows_the_newest_migration():
    from alembic.script import ScriptDirectory

    from ceopdesk.core.schema import alembic_config, head_revision

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_every_old_record_gets_its_own_global_id(sample, tmp_path):
    """Migration 0004: unique ids on every shared and history row, versions from 1."""
    import sqlite3

    from ceopdesk.core.identity import named_uid

    copy = tmp_path / sample.name
    shutil.copy(sample, copy)
    with sqlite3.connect(copy) as conn:
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("release", "boilerplate", "release_section", "audit_event")
        }
    Store(copy).close()
    with sqlite3.connect(copy) as conn:
        for table in ("release", "boilerplate", "boilerplate_version", "audit_event", "setting"):
            uids = [r[0] for r in conn.execute(f"SELECT uid FROM {table}")]
            assert len(set(uids)) == len(uids) and all(len(u) == 16 for u in uids), table
            assert uids or table == "setting", table
        assert {r[0] for r in conn.execute("SELECT version FROM release")} == {1}
        for key, uid in conn.execute("SELECT key, uid FROM setting"):
            assert uid == named_uid("setting", key).bytes
        for table, n in counts.items():
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == n


def test_the_v0003_sample_keeps_its_contacts_and_lists(tmp_path):
    from ceopdesk.core.contacts import lists, query

    copy = tmp_path / "v0003.db"
    shutil.copy(Path(__file__).parent.parent / "fixtures" / "stores" / "v0003.db", copy)
    store = Store(copy)
    try:
        assert query.count_contacts(store) == 6
        assert lists.get_list(store, "Crime desks").member_count == 3
        found = query.search_contacts(store, "jurgen") or query.search_contacts(store, "a")
        assert found and found[0].id is not None
        # the migrated store keeps the sqlite sequence: a new contact never reuses an id
        from ceopdesk.core.contacts import service
        from ceopdesk.core.contacts.domain import Contact

        new = service.create_contact(store, Contact(given_name="New", family_name="Person"))
        assert new.id is not None and new.id > 6 and new.version == 1
    finally:
        store.close()
