"""Near-duplicates by name and organisation, and the side-by-side merge."""

from __future__ import annotations

import pytest

from ceopdesk.core import audit
from ceopdesk.core.contacts import dedupe, lists, query, search, service
from ceopdesk.core.contacts.domain import Contact, Email, Phone
from ceopdesk.core.errors import UserError


def add(store, given, family, org="", email=None, **kw) -> Contact:
    emails = [Email(email)] if email else []
    return service.create_contact(
        store, Contact(given_name=given, family_name=family, organisation=org, emails=emails, **kw)
    )


def test_finds_typos_accents_and_swapped_names(store):
    a = add(store, "Zoë", "Adams", "BBC News", "zoe@bbc.example.com")
    b = add(store, "Zoe", "Adams", "BBC", "zadams@bbc.example.com")
    c = add(store, "Jonathan", "Smyth", "ITV News", "jon@itv.example.com")
    d = add(store, "Jonathon", "Smyth", "ITV News", "jonathon@itv.example.com")
    e = add(store, "", "", display_name="Adams, Zoe", email="zoe.a@gmail.example.com")
    add(store, "Harry", "Wright", "Reuters", "harry@reuters.example.com")
    add(store, "Isla", "Green", "Reuters", "isla@reuters.example.com")
    pairs = dedupe.find_duplicates(store)
    found = {frozenset((p.a.id, p.b.id)) for p in pairs}
    assert frozenset((a.id, b.id)) in found
    assert frozenset((c.id, d.id)) in found
    assert frozenset((a.id, e.id)) in found or frozenset((b.id, e.id)) in found
    assert all(p.score >= 85 for p in pairs)
    assert pairs == sorted(pairs, key=lambda p: -p.score)
    top = next(p for p in pairs if {p.a.id, p.b.id} == {a.id, b.id})
    assert "same organisation" in top.reason  # "BBC" is in "BBC News"
    names = {p.a.name for p in pairs} | {p.b.name for p in pairs}
    assert "Harry Wright" not in names


def test_merge_unites_and_lets_the_user_choose(store):
    keep = add(
        store, "Zoë", "Adams", "BBC News", "zoe@bbc.example.com", tags=["Crime"], notes="Desk."
    )
    other = add(
        store,
        "Zoe",
        "Adams",
        "BBC",
        "zadams@bbc.example.com",
        phones=[Phone("020 7946 0018")],
        tags=["Courts"],
        job_title="Reporter",
        notes="Mobile first.",
        do_not_contact=True,
    )
    lists.create_list(store, "Courts")
    lists.add_members(store, "Courts", [other.id])
    assert {d.field for d in dedupe.differences(keep, other)} == {"organisation", "notes"}
    merged = dedupe.merge(store, keep.id, other.id, {"organisation": "other", "notes": "both"})
    assert merged.id == keep.id and merged.name == "Zoë Adams"
    assert (
        merged.organisation == "BBC" and merged.job_title == "Reporter"
    )  # empty kept value filled
    assert merged.notes == "Desk.\n\nMobile first."
    assert [e.address for e in merged.emails] == ["zoe@bbc.example.com", "zadams@bbc.example.com"]
    assert merged.phones[0].number == "+442079460018"
    assert merged.tags == ["Courts", "Crime"] and merged.lists == ["Courts"]
    assert merged.do_not_contact is True
    assert query.count_contacts(store) == 1
    assert [c.id for c in query.search_contacts(store, "zadams")] == [keep.id]
    with store.session() as s:
        assert search.indexed_count(s) == 1
    events = audit.events_for(store, f"contact:{keep.id}")
    assert [e.action for e in events] == ["contact.create", "contact.create", "contact.merge"]
    assert (
        events[-1].detail
        == f"merged contact #{other.id} into this one; took organisation, notes from it"
    )
    assert audit.events_for(store, f"contact:{other.id}") == []


def test_merge_refuses_nonsense(store):
    a = add(store, "A", "B", email="a@example.com")
    with pytest.raises(UserError, match="cannot be merged with itself"):
        dedupe.merge(store, a.id, a.id)
    with pytest.raises(UserError, match="There is no contact #77"):
        dedupe.merge(store, a.id, 77)
    b = add(store, "C", "D", email="c@example.com")
    with pytest.raises(UserError, match="is not a merge choice"):
        dedupe.merge(store, a.id, b.id, {"emails": "other"})  # type: ignore[dict-item]


def test_finder_scales_by_blocking(store, load, tmp_path):
    rows = ["Name,Email,Outlet"]
    for i in range(3000):
        rows.append(f"Person{i:04d} Family{i % 97:02d},p{i}@example.com,Outlet {i % 13}")
    rows.append("Person0001 Famly01,dup@example.com,Outlet 1")
    path = tmp_path / "many.csv"
    path.write_text("\n".join(rows) + "\n", "utf-8")
    load(path)
    seen = []
    pairs = dedupe.find_duplicates(store, threshold=90, progress=lambda d, n: seen.append(d))
    assert seen == [1, 2, 3]
    assert any({p.a.name, p.b.name} == {"Person0001 Family01", "Person0001 Famly01"} for p in pairs)
