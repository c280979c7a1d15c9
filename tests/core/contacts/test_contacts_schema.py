"""Migration 0002 matches the models, makes the FTS5 index, and upgrades a store with data."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from ceopdesk.core.contacts import models as contact_models
from ceopdesk.core.contacts import query, service
from ceopdesk.core.engine import sqlite_engine
from ceopdesk.core.models import Base
from ceopdesk.core.schema import alembic_config, head_revision
from ceopdesk.core.store import Store

TABLES = {
    t.name
    for t in contact_models.Base.metadata.sorted_tables
    if t.name.startswith(("contact", "distribution"))
}
SAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "contacts" / "store_v0002.db"


def test_migrations_match_the_models(store):
    """Every table, not only the contacts': the migrations make what the models describe."""
    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # the full-text tables are not models (SQLite's own, made by the migrations)
    assert [d for d in diffs if "_fts" not in repr(d)] == []


def test_fts_table_folds_accents_and_indexes_prefixes(store):
    with sqlite3.connect(store.path) as conn:
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'contact_fts'").fetchone()
    assert "tokenize = 'unicode61 remove_diacritics 2'" in sql and "prefix = '1 2 3'" in sql
    assert store.schema_revision() == head_revision()


def test_downgrade_and_upgrade_again(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    engine = sqlite_engine(path, foreign_keys=False, pooled=False)
    with engine.connect() as conn:
        command.downgrade(alembic_config(conn), "0001")
        conn.commit()
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert not any(n.startswith(("contact", "distribution")) for n in names)
        command.upgrade(alembic_config(conn), "head")
        conn.commit()
    engine.dispose()
    store = Store(path)
    assert store.integrity_problems() == [] and query.count_contacts(store) == 0
    store.close()


def test_checked_in_v0002_store_opens_with_its_contacts(tmp_path):
    copy = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, copy)
    store = Store(copy)
    try:
        assert store.integrity_problems() == []
        assert query.count_contacts(store) == 14
        zoe = service.find_contact(store, "zoe.adams@bbc.co.uk")
        assert zoe.tags == ["Courts", "Crime", "Home Affairs"]
        assert [c.name for c in query.search_contacts(store, "jurgen")] == ["Jürgen Müller"]
    finally:
        store.close()
