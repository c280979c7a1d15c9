"""Editing one contact: validation per field, clashes, stale edits, audit on every change."""

from __future__ import annotations

import dataclasses

import pytest

from ceopdesk.core import audit
from ceopdesk.core.contacts import lists, service
from ceopdesk.core.contacts.domain import Contact, Email, Phone
from ceopdesk.core.errors import StaleWrite, UserError


def jane(**changes) -> Contact:
    base = Contact(
        given_name=" Jane ",
        family_name="Smith",
        organisation="ITV News",
        emails=[Email("Jane.Smith@ITV.example.com", "Work"), Email("jane.smith@itv.example.com")],
        phones=[Phone("020 7946 0123", "Desk"), Phone("+44 20 7946 0123")],
        tags=["Crime", "crime", " Courts "],
        lawful_basis="Legitimate interests",
    )
    return dataclasses.replace(base, **changes)


def test_create_cleans_and_returns_the_stored_contact(store):
    c = service.create_contact(store, jane(), user="press.officer")
    assert c.id is not None and c.created is not None
    assert c.given_name == "Jane"
    assert [e.address for e in c.emails] == ["Jane.Smith@itv.example.com"]  # one address, any case
    assert c.emails[0].label == "work"
    assert [(p.number, p.label) for p in c.phones] == [("+442079460123", "desk")]
    assert c.tags == ["Courts", "Crime"]
    assert c.lawful_basis == "legitimate_interests"
    [event] = audit.events_for(store, f"contact:{c.id}")
    assert (event.action, event.user, event.detail) == (
        "contact.create",
        "press.officer",
        "created",
    )


def test_validate_names_each_bad_field(store):
    service.create_contact(store, jane())
    problems = service.validate_contact(
        store,
        Contact(
            kind="pundit",  # type: ignore[arg-type]
            emails=[Email("jane.smith@ITV.example.com"), Email("nope@")],
            phones=[Phone("12345")],
            lawful_basis="because",
        ),
    )
    fields = {p.field: p.message for p in problems}
    assert set(fields) == {"kind", "emails[0]", "emails[1]", "phones[0]", "lawful_basis"}
    assert fields["emails[0]"] == "e-mail jane.smith@itv.example.com already belongs to Jane Smith"
    assert fields["phones[0]"] == "phone '12345' is not a possible number; kept unchecked"
    doubtful = {p.field for p in problems if p.doubtful}
    assert doubtful == {"emails[1]", "phones[0]"}  # warned about, never refused
    assert service.validate_contact(store, Contact()) == [
        service.FieldProblem("name", "a contact needs a name, an e-mail or a phone")
    ]


def test_create_refuses_bad_input_with_one_sentence(store):
    with pytest.raises(UserError, match=r"^Kind 'pundit' is not one of .*\.$"):
        service.create_contact(store, Contact(given_name="A", kind="pundit"))  # type: ignore[arg-type]
    service.create_contact(store, jane())
    with pytest.raises(UserError, match="already belongs to Jane Smith; merge the two instead"):
        service.create_contact(
            store, Contact(given_name="B", emails=[Email("JANE.SMITH@itv.example.com")])
        )


def test_update_records_what_changed_and_refuses_stale_edits(store):
    c = service.create_contact(store, jane())
    c.organisation = "Channel 4 News"
    c.emails.append(Email("js@c4.example.com"))
    saved = service.update_contact(store, c)
    assert saved.organisation == "Channel 4 News" and len(saved.emails) == 2
    events = audit.events_for(store, f"contact:{c.id}")
    assert events[-1].detail == "changed organisation, emails"
    c.job_title = "stale"  # c.updated is older than the stored row now
    with pytest.raises(StaleWrite, match="was changed elsewhere by test.officer"):
        service.update_contact(store, c)
    saved.emails = [Email("js@c4.example.com")]  # e-mails reordered and removed
    again = service.update_contact(store, saved)
    assert [e.address for e in again.emails] == ["js@c4.example.com"]
    assert service.find_contact(store, "js@c4.example.com").id == c.id
    with pytest.raises(UserError, match="No contact has the id or e-mail"):
        service.find_contact(store, "Jane.Smith@itv.example.com")


def test_find_by_id_or_email(store):
    c = service.create_contact(store, jane())
    assert service.find_contact(store, str(c.id)).id == c.id
    assert service.find_contact(store, f"#{c.id}").id == c.id
    assert service.find_contact(store, " jane.smith@itv.example.COM ").id == c.id
    with pytest.raises(UserError, match="There is no contact #99"):
        service.get_contact(store, 99)


def test_tags_do_not_contact_and_lists_are_audited(store):
    a = service.create_contact(store, jane())
    b = service.create_contact(store, Contact(given_name="Bob", emails=[Email("bob@example.com")]))
    assert service.tag_contacts(store, [a.id, b.id], "Courts") == 1
    assert service.tag_contacts(store, [a.id, b.id], "courts", add=False) == 2
    assert service.all_tags(store) == [("Crime", 1)]
    assert service.set_do_not_contact(store, [b.id], True) == 1
    assert service.get_contact(store, b.id).do_not_contact
    lists.create_list(store, "Courts round-up", "weekly")
    assert lists.add_members(store, "courts round-up", [a.id, b.id, a.id]) == 2
    assert lists.add_members(store, "Courts round-up", [a.id]) == 0
    with pytest.raises(UserError, match="There is no contact #42"):
        lists.add_members(store, "Courts round-up", [42])
    assert service.get_contact(store, a.id).lists == ["Courts round-up"]
    lists.rename_list(store, "courts round-up", "Courts weekly")
    assert lists.remove_members(store, "Courts weekly", [b.id]) == 1
    assert [(x.name, x.member_count) for x in lists.all_lists(store)] == [("Courts weekly", 1)]
    lists.delete_list(store, "Courts weekly")
    assert lists.all_lists(store) == [] and service.get_contact(store, a.id).lists == []
    actions = [e.action for e in audit.events_for(store, f"contact:{b.id}")]
    assert actions == ["contact.create", "contact.update", "contact.update", "contact.update"]
    assert [e.action for e in audit.events_for(store, "contact-list:1")] == [
        "list.create",
        "list.add",
        "list.rename",
        "list.remove",
        "list.delete",
    ]


def test_a_doubtful_e_mail_or_phone_is_saved_as_typed_and_unchecked(store):
    c = service.create_contact(
        store,
        Contact(
            given_name="Siân",
            emails=[Email("sian@bbc"), Email("sian@bbc.co.uk")],
            phones=[Phone("07700 900321"), Phone("ext 12 please")],
        ),
    )
    assert [(e.address, e.checked) for e in c.emails] == [
        ("sian@bbc", False),
        ("sian@bbc.co.uk", True),
    ]
    assert [(p.number, p.checked) for p in c.phones] == [
        ("+447700900321", False),  # possible, not in use: E.164 all the same
        ("ext 12 please", False),
    ]
    c.phones = [Phone("020 7946 0018")]
    assert [(p.number, p.checked) for p in service.update_contact(store, c).phones] == [
        ("+442079460018", True)
    ]
