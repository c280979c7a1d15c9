"""Search: accent-insensitive, prefix as you type, every field that matters; paged table queries."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from ceopdesk.core.contacts import lists, query, search, service
from ceopdesk.core.contacts.domain import Contact, ContactFilter, Email, Phone


@pytest.fixture
def filled(store, load):
    for name in (
        "outlook.csv",
        "google.csv",
        "media.csv",
        "vcard21.vcf",
        "vcard30.vcf",
        "vcard40.vcf",
    ):
        load(name)
    return store


def names(found) -> list[str]:
    return [c.name for c in found]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("zoe", "Zoë Adams"),  # accents ignored
        ("ZOË", "Zoë Adams"),
        ("zo", "Zoë Adams"),  # a prefix
        ("jur mul", "Jürgen Müller"),  # every word a prefix, in any field
        ("mül", "Jürgen Müller"),
        ("suilleab", "Niamh Ó Súilleabháin"),
        ("王", "王小明"),
        ("فاطمة", "فاطمة الزهراء"),
        ("xinhua", "王小明"),  # organisation
        ("bureau chief", "Yuki Tanaka"),  # job title
        ("juergen.mueller@dw", "Jürgen Müller"),  # e-mail as typed
        ("aljazeera", "فاطمة الزهراء"),  # part of an e-mail domain
        ("020 7946 0300", "Jürgen Müller"),  # phone, national format
        ("4420794603", "Jürgen Müller"),  # phone, international digits
        ("+44 (20) 7946-03", "Jürgen Müller"),
        ("holyrood", "Ewan MacDonald"),  # notes
        ("home affairs", "Zoë Adams"),  # tags
    ],
)
def test_search_finds(filled, typed, expected):
    assert expected in names(query.search_contacts(filled, typed))


def test_best_match_first_and_limit(filled):
    found = query.search_contacts(filled, "adams")
    assert names(found)[0] == "Zoë Adams"
    assert len(query.search_contacts(filled, "a", limit=3)) == 3


@pytest.mark.parametrize(
    "typed", ['"', "*", "AND", "NEAR(", "-", "zoe OR", "^", "'; DROP TABLE contact; --", "(("]
)
def test_fts_syntax_in_input_is_taken_literally(filled, typed):
    query.search_contacts(filled, typed)  # never an FTS5 syntax error
    assert query.count_contacts(filled, ContactFilter(text=typed)) >= 0


def test_only_punctuation_matches_nothing(filled):
    assert search.match_expression("-- !! ..") is None
    assert query.search_contacts(filled, "--") == []
    assert query.count_contacts(filled, ContactFilter(text="--")) == 0


def test_quick_search_ranks_few_matches_and_orders_many_by_name(filled, monkeypatch):
    few = query.quick_search(filled, "zoe")
    assert few.ranked and few.total == 1 and few.rows[0].name == "Zoë Adams"
    monkeypatch.setattr(search, "RANK_LIMIT", 2)
    many = query.quick_search(filled, "a", limit=5)
    assert not many.ranked and many.total > 5 and len(many.rows) == 5
    everyone = query.fetch_summaries(filled, ContactFilter(text="a"), "name", limit=5)
    assert [r.id for r in many.rows] == [r.id for r in everyone]


def test_index_follows_edits(store):
    made = service.create_contact(
        store, Contact(given_name="Leo", family_name="White", organisation="ITV")
    )
    assert names(query.search_contacts(store, "itv")) == ["Leo White"]
    made.organisation = "Channel 4"
    made.emails = [Email("leo.white@c4.example.com")]
    service.update_contact(store, made)
    assert query.search_contacts(store, "itv") == []
    assert names(query.search_contacts(store, "leo.white@c4")) == ["Leo White"]
    service.tag_contacts(store, [made.id], "Courts")
    assert names(query.search_contacts(store, "court")) == ["Leo White"]
    with store.session() as s:
        assert search.indexed_count(s) == 1
        assert search.rebuild(s) == 1


def test_count_and_windows_in_every_sort_order(filled):
    total = query.count_contacts(filled)
    assert total == 14
    for sort in ("name", "organisation", "job_title", "kind", "updated", "created", "id"):
        everyone = query.fetch_summaries(filled, None, sort, limit=100)
        assert len(everyone) == total
        pages = [
            r.id
            for off in range(0, total, 4)
            for r in query.fetch_summaries(filled, None, sort, offset=off, limit=4)
        ]
        assert pages == [r.id for r in everyone] == query.contact_ids(filled, None, sort)
        backwards = query.contact_ids(filled, None, sort, descending=True)
        assert sorted(backwards) == sorted(pages)
    # family name first, accents and case folded: Adams < Kowalski < Lefèvre < MacDonald ...
    by_name = [r.name for r in query.fetch_summaries(filled, None, "name", limit=4)]
    assert by_name == ["Zoë Adams", "Agnieszka Kowalski", "François Lefèvre", "Ewan MacDonald"]


def test_summaries_hold_what_the_table_shows(filled):
    zoe = query.fetch_summaries(filled, ContactFilter(text="zoe"))[0]
    assert zoe.email == "zoe.adams@bbc.co.uk" and zoe.phone == "020 7946 0018"
    assert zoe.organisation == "BBC News" and zoe.tags == ["Courts", "Crime", "Home Affairs"]
    assert query.summaries_by_id(filled, [zoe.id, 999]) == [zoe]


def test_filters_combine(filled):
    assert query.count_contacts(filled, ContactFilter(tag="CRIME")) == 5
    assert query.count_contacts(filled, ContactFilter(tag="crime", text="bbc")) == 1
    assert query.count_contacts(filled, ContactFilter(kind="stakeholder")) == 0
    lists.create_list(filled, "Europe")
    ids = query.contact_ids(filled, ContactFilter(text="example.de"))
    lists.add_members(filled, "europe", ids)
    assert query.count_contacts(filled, ContactFilter(list_name="EUROPE")) == len(ids) == 1
    service.set_do_not_contact(filled, ids, True)
    assert (
        query.count_contacts(
            filled, ContactFilter(list_name="Europe", include_do_not_contact=False)
        )
        == 0
    )
    assert query.count_contacts(filled, ContactFilter(ids=tuple(ids))) == 1


def test_bad_sort_key_is_a_user_error(store):
    from ceopdesk.core.errors import UserError

    with pytest.raises(UserError, match="cannot be sorted by 'shoe'"):
        query.fetch_summaries(store, None, "shoe")  # type: ignore[arg-type]


def test_phone_display(store):
    c = service.create_contact(store, Contact(given_name="A", phones=[Phone("+33142685300")]))
    assert c.phones[0].display == "+33 1 42 68 53 00"


def test_walking_a_sort_index_gives_the_same_rows(filled, monkeypatch):
    flt = ContactFilter(text="a")
    for sort in ("name", "organisation", "updated", "id", "job_title"):
        for descending in (False, True):
            monkeypatch.setattr(search, "RANK_LIMIT", 2500)
            plain = query.contact_ids(filled, flt, sort, descending)
            window = [r.id for r in query.fetch_summaries(filled, flt, sort, descending, 2, 3)]
            monkeypatch.setattr(search, "RANK_LIMIT", 0)
            assert query.contact_ids(filled, flt, sort, descending) == plain
            assert [
                r.id for r in query.fetch_summaries(filled, flt, sort, descending, 2, 3)
            ] == window
    assert len(plain) > 5


def test_imports_index_the_same_text_as_a_rebuild(store, load, tmp_path):
    """An import writes index rows from its own values; a rebuild makes them from the tables."""
    for name in ("outlook.csv", "google.csv", "media.csv", "vcard21.vcf", "vcard30.vcf"):
        load(name)
    extra = tmp_path / "extra.csv"
    extra.write_text(
        "Name,Email,Phone,Tags,Notes\n"
        "Ava Walker,ava@example.com,+33 1 42 68 53 00; 020 7946 0111,Zeta; alpha; Émile; beta,\n"
        ",solo@example.com,,,\n"
        "Zoë Adams,zoe.adams@bbc.co.uk,0161 496 0123,Crime,a note\n",  # merges: reindexed
        "utf-8",
    )
    load(extra)

    def index() -> list[tuple]:
        with store.read_session() as s:
            return [
                tuple(r) for r in s.execute(text("SELECT rowid, * FROM contact_fts ORDER BY rowid"))
            ]

    imported = index()
    with store.session() as s:
        search.rebuild(s)
    assert index() == imported and len(imported) > 10
