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
