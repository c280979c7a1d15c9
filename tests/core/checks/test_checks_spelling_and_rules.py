"""Spelling in en-GB with names known; rules kept in the store and moved as JSON."""

import json

import pytest

from ceopdesk.core.checks import check_release
from ceopdesk.core.checks.rules import add_user_word, defaults, export_file, import_file, load
from ceopdesk.core.errors import UserError
from ceopdesk.core.releases import service as releases
from tests.check_samples import release


def spelling(found):
    return [(f.excerpt, f.fix) for f in found if f.rule == "spelling"]


def test_the_issue_example_is_caught_with_suggestions(findings):
    r = release("Childern were safegaurded by the Centre.")
    assert spelling(findings(r, spelling_on=True, suggest=True)) == [
        ("Childern", "Children"),
        ("safegaurded", "safeguarded"),
    ]


def test_british_spellings_pass_and_american_ones_do_not(findings):
    r = release("The colour of the programme's centre; the color of the center.")
    assert [e for e, _ in spelling(findings(r, spelling_on=True))] == ["color", "center"]


def test_speakers_and_names_passed_in_are_known(findings):
    r = release(
        "Ms Oyelaran-Whitcombe thanked Zbigniewska.",
        quotes=(("Tunde Oyelaran-Whitcombe", "Director", "Thank you."),),
    )
    assert [e for e, _ in spelling(findings(r, spelling_on=True))] == ["Zbigniewska"]
    assert spelling(findings(r, spelling_on=True, known_names=frozenset({"Zbigniewska"}))) == []


def test_markup_links_and_addresses_are_not_spell_checked(findings):
    r = release("See the **[reprot](https://www.xqzv.example/qwrty)** or mail qq@xqzv.example.")
    assert [e for e, _ in spelling(findings(r, spelling_on=True))] == ["reprot"]


def test_names_from_the_contacts_and_the_user_dictionary_in_the_store(store):
    from ceopdesk.core.contacts.models import ContactRow

    with store.session() as s:
        s.add(ContactRow(given_name="Siobhan", family_name="Kowalczyk", display_name="x"))
    r = release("Siobhan Kowalczyk and Wojtaszek spoke about Thinkuknow.")
    r.headline = "Experts speak about online safety for children"
    words = [f.excerpt for f in check_release(store, r) if f.rule == "spelling"]
    assert words == ["Wojtaszek"]
    add_user_word(store, "Wojtaszek")
    assert [f for f in check_release(store, r) if f.rule == "spelling"] == []


def test_rules_round_trip_through_a_json_file_and_the_store(store, tmp_path):
    rules = load(store)
    assert rules == defaults()
    rules.lengths.headline_chars = 70
    rules.terms = rules.terms[:1]
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(rules.to_json()), encoding="utf-8")
    import_file(store, path)
    assert load(store) == rules
    export_file(store, tmp_path / "out.json")
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8")) == rules.to_json()


@pytest.mark.parametrize(
    "change, where",
    [
        ({"format": "other"}, "not a rules file"),
        ({"lengths": {"headline_chars": 0}}, "'lengths.headline_chars'"),
        ({"severity": {"spelling": "fatal"}}, "'severity.spelling'"),
        ({"terms": [{"term": ""}]}, "'terms[0]'"),
        ({"colour": 1}, "'colour': unknown key"),
    ],
)
def test_a_bad_rules_file_is_named_by_field_and_changes_nothing(store, tmp_path, change, where):
    before = load(store)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**defaults().to_json(), **change}), encoding="utf-8")
    with pytest.raises(UserError) as err:
        import_file(store, path)
    assert where in err.value.message and str(path) in err.value.message
    assert load(store) == before


def test_a_stored_release_is_checked_with_the_settings_contact(store):
    created = releases.create(store, release("Body.", contact=None))
    found = check_release(store, releases.get(store, created.reference))
    assert "sense.contact-incomplete" in [f.rule for f in found]


def test_a_megabyte_of_letters_is_one_short_finding_not_a_hang(store):
    from ceopdesk.core.domain import Release

    pasted = "x" * 1_000_000  # before: minutes in the e-mail pattern and spylls' compounds
    big = Release("CEOP-2026-090", "Big paste", standfirst=pasted)
    found = check_release(store, big)
    [spelling] = [f for f in found if f.rule == "spelling"]
    assert "1,000,000 letters long" in spelling.message
    assert all(len(f.excerpt) <= 80 for f in found)
