"""Erasure leaves no byte of the person in the store files; subject access gives all held."""

from __future__ import annotations

import json

import pytest

from ceopdesk.core import audit
from ceopdesk.core.contacts import lists, privacy, query, search, service
from ceopdesk.core.contacts.domain import Contact, Email, Phone
from ceopdesk.core.errors import UserError

NAME = "Marguerite Featherstonehaugh"
EMAIL = "m.featherstonehaugh@observer.example.com"


def store_bytes(store) -> bytes:
    data = store.path.read_bytes()
    wal = store.path.with_name(store.path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


@pytest.fixture
def person(store, load):
    load("outlook.csv")
    load("media.csv")
    c = service.create_contact(
        store,
        Contact(
            given_name="Marguerite",
            family_name="Featherstonehaugh",
            organisation="The Observer",
            emails=[Email(EMAIL)],
            phones=[Phone("020 7946 0777")],
            notes="Whistleblower contact: Quillfeather",
            social={"x": "@mfeatherstone"},
            tags=["Investigations"],
        ),
    )
    c.job_title = "Investigations Editor"
    service.update_contact(store, c)
    lists.create_list(store, "Sundays")
    lists.add_members(store, "Sundays", [c.id])
    with store.session() as s:  # an event elsewhere that names her (it should not, but)
        audit.record(s, "note", "contacts", f"called {NAME} about the embargo")
    return service.get_contact(store, c.id)


def test_erase_leaves_no_trace_in_db_or_wal(store, person):
    raw = store_bytes(store)
    secrets = [NAME, "Featherstonehaugh", EMAIL, "Quillfeather", "mfeatherstone", "442079460777"]
    assert all(s.encode() in raw for s in secrets[:2])
    report = privacy.erase(store, person.id, user="dpo")
    assert report.contact_id == person.id and report.audit_events_removed == 2
    raw = store_bytes(store)
    for secret in secrets:
        assert secret.encode("utf-8") not in raw, secret
        assert secret.lower().encode("utf-8") not in raw, secret
    assert query.search_contacts(store, "featherstone") == []
    assert query.count_contacts(store) == 6
    with store.session() as s:
        assert search.indexed_count(s) == 6
    [erased] = audit.events_for(store, f"contact:{person.id}")
    assert (erased.action, erased.user, erased.detail) == (
        "contact.erase",
        "dpo",
        "erased on request",
    )
    assert audit.events_for(store, "contacts")[-1].detail == "called [erased] about the embargo"
    assert lists.get_list(store, "Sundays").member_count == 0
    assert store.integrity_problems() == []


def test_ids_are_never_reused_after_erasure(store, person):
    privacy.erase(store, person.id)
    again = service.create_contact(
        store, Contact(given_name="New", emails=[Email("new@example.com")])
    )
    assert again.id > person.id
    assert [e.action for e in audit.events_for(store, f"contact:{again.id}")] == ["contact.create"]


def test_erase_unknown_contact(store):
    with pytest.raises(UserError, match="There is no contact #5"):
        privacy.erase(store, 5)


def test_subject_access_holds_fields_source_basis_and_audit(store, person, tmp_path):
    c = person
    c.lawful_basis = "legitimate_interests"
    c.source = "met at the Society of Editors conference"
    c = service.update_contact(store, c)
    target = tmp_path / "sar.json"
    privacy.write_subject_access(store, EMAIL.upper(), target, user="dpo")
    data = json.loads(target.read_text("utf-8"))
    assert data["format"] == "ceopdesk.subject-access/1"
    held = data["contact"]
    assert held["name"] == NAME and held["emails"] == [
        {"address": EMAIL, "label": "", "checked": True}
    ]
    assert held["phones"] == [{"number": "+442079460777", "label": "", "checked": True}]
    assert held["lawful_basis"] == "legitimate_interests"
    assert held["source"] == "met at the Society of Editors conference"
    assert held["lists"] == ["Sundays"] and held["tags"] == ["Investigations"]
    assert held["notes"] == "Whistleblower contact: Quillfeather"
    actions = [e["action"] for e in data["audit"]]
    assert actions == [
        "contact.create",
        "contact.update",
        "contact.update",
        "contact.subject_access",
    ]
    assert data["audit"][-1]["user"] == "dpo"
