"""Identity, versions, tombstones and change marks: the rules the store itself keeps."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from sqlalchemy import delete, select

from ceopdesk.core import changes
from ceopdesk.core.contacts import lists, privacy, service
from ceopdesk.core.contacts.domain import Contact, Email
from ceopdesk.core.contacts.models import ContactRow
from ceopdesk.core.demo import load_sample
from ceopdesk.core.domain import TextSection
from ceopdesk.core.errors import StaleWrite
from ceopdesk.core.identity import ImmutableRowError, named_uid
from ceopdesk.core.models import AuditRow, BoilerplateVersionRow, Setting, Tombstone
from ceopdesk.core.releases import boilerplate
from ceopdesk.core.releases import service as releases


@pytest.fixture
def demo(store):
    load_sample(store)
    return store


def _tombstones(store) -> list[tuple[uuid.UUID, str]]:
    with store.read_session() as s:
        return [(t.uid, t.kind) for t in s.scalars(select(Tombstone))]


def test_every_record_has_a_global_id_and_a_version(demo):
    release = releases.get(demo, "CEOP-2026-001")
    assert uuid.UUID(release.uid).version == 4 and release.version >= 1
    with sqlite3.connect(demo.path) as conn:
        for table in ("release", "contact", "boilerplate", "setting", "audit_event"):
            uids = [r[0] for r in conn.execute(f"SELECT uid FROM {table}")]
            assert all(isinstance(u, bytes) and len(u) == 16 for u in uids), table
            assert len(set(uids)) == len(uids), table


def test_a_setting_has_the_same_id_in_every_store(demo, tmp_path):
    from ceopdesk.core.store import Store

    other = Store(tmp_path / "other.db")
    load_sample(other)
    for store in (demo, other):
        with store.read_session() as s:
            row = s.get(Setting, "contact")
            assert row is not None and row.uid == named_uid("setting", "contact")
    other.close()


def test_one_save_is_one_new_version(demo):
    release = releases.get(demo, "CEOP-2026-001")
    release.sections.append(TextSection(text="One more paragraph."))
    release.headline = "A new headline"
    saved = releases.update(demo, release)
    assert saved.version == release.version + 1
    assert releases.get(demo, "CEOP-2026-001").version == saved.version


def test_a_stale_release_is_refused_and_the_newer_words_kept(demo):
    mine = releases.get(demo, "CEOP-2026-001")
    theirs = releases.get(demo, "CEOP-2026-001")
    theirs.standfirst = "The approver's accepted words."
    releases.update(demo, theirs, user="Sam Patel")
    mine.tags = ["annual review", "one letter more"]
    with pytest.raises(StaleWrite, match=r"CEOP-2026-001 was changed elsewhere by Sam Patel"):
        releases.update(demo, mine)
    stored = releases.get(demo, "CEOP-2026-001")
    assert stored.standfirst == "The approver's accepted words."
    assert "one letter more" not in stored.tags


def test_a_stale_contact_is_refused(store):
    first = service.create_contact(store, Contact(given_name="Zoë", family_name="Adams"))
    second = service.get_contact(store, first.id)
    first.emails.append(Email("zoe@news.example.com"))
    assert service.update_contact(store, first).version == first.version + 1
    second.notes = "stale"
    with pytest.raises(StaleWrite):
        service.update_contact(store, second)
    assert service.get_contact(store, first.id).notes == ""


def test_a_change_to_a_part_is_a_change_to_its_record(store):
    c = service.create_contact(store, Contact(given_name="Ann", family_name="Lee"))
    service.tag_contacts(store, [c.id], "Crime")
    assert service.get_contact(store, c.id).version == c.version + 1


def test_deletes_leave_tombstones(demo):
    draft = releases.new_draft(demo, "Made by mistake")
    releases.delete(demo, draft.reference)
    c = service.create_contact(demo, Contact(given_name="Erin", family_name="Byrne"))
    privacy.erase(demo, c.id)
    crime = lists.create_list(demo, "Crime desks")
    lists.delete_list(demo, crime.name)
    kinds = {kind for _uid, kind in _tombstones(demo)}
    assert kinds == {"release", "contact", "distribution_list"}
    assert (uuid.UUID(draft.uid), "release") in _tombstones(demo)


def test_a_bulk_delete_of_shared_records_is_refused(store):
    service.create_contact(store, Contact(given_name="Ann"))
    with pytest.raises(ImmutableRowError), store.session() as s:
        s.execute(delete(ContactRow))
    with store.read_session() as s:
        assert s.scalar(select(ContactRow.id)) is not None


def test_history_is_append_only(demo):
    with pytest.raises(ImmutableRowError), demo.session() as s:
        s.scalars(select(AuditRow)).first().detail = "rewritten"  # type: ignore[union-attr]
    with pytest.raises(ImmutableRowError), demo.session() as s:
        s.delete(s.scalars(select(BoilerplateVersionRow)).first())
    assert boilerplate.versions(demo, "terminology")[0].number == 1


def test_a_write_reports_what_it_changed_and_raises_the_marks(demo):
    before = demo.change_marks()
    with changes.tracking(demo) as seen:
        c = service.create_contact(demo, Contact(given_name="Ann", family_name="Lee"))
        lists.create_list(demo, "Courts")
    assert seen.kinds == {changes.CONTACTS, changes.LISTS}
    after = demo.change_marks()
    assert {k for k in after if after[k] != before[k]} == {changes.CONTACTS, changes.LISTS}
    with changes.tracking(demo) as seen:
        service.get_contact(demo, c.id)
        releases.list_releases(demo)
    assert not seen and demo.change_marks() == after


def test_a_failed_write_reports_nothing(demo):
    before = demo.change_marks()
    stale = releases.get(demo, "CEOP-2026-003")
    releases.update(demo, releases.get(demo, "CEOP-2026-003"))
    with changes.tracking(demo) as seen, pytest.raises(StaleWrite):
        releases.update(demo, stale)
    assert not seen
    assert demo.change_marks()["releases"] == before["releases"] + 1


def test_an_import_written_with_plain_sql_reports_contacts(store, tmp_path):
    from ceopdesk.core.contacts.domain import ImportOptions
    from ceopdesk.core.contacts.importer import import_file

    csv = tmp_path / "people.csv"
    csv.write_text("First Name,Last Name,E-mail Address\nAnn,Lee,ann@example.com\n")
    with changes.tracking(store) as seen:
        import_file(store, csv, ImportOptions())
    assert seen.kinds == {changes.CONTACTS}
    with store.read_session() as s:
        row = s.scalars(select(ContactRow)).one()
        assert row.uid is not None and row.version == 1
