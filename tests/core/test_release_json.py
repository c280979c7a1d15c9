import json

import pytest

from ceopdesk.core.errors import UserError
from ceopdesk.core.releases import boilerplate
from ceopdesk.core.releases import service as releases
from ceopdesk.core.releases.interchange import parse_boilerplate, parse_release, release_to_json

GOOD = {
    "format": "ceopdesk.release/1",
    "reference": "CEOP-2012-031",
    "headline": "CEOP target 'anonymous' online offenders",
    "subheadline": None,
    "standfirst": "After rescuing a record number of children ...",
    "place": "London",
    "release_date": "2012-06-20",
    "embargo": "2012-06-21T00:01:00+01:00",
    "status": "draft",
    "sections": [
        {"type": "text", "text": "Paragraph.\n\n- bullet one\n- bullet two"},
        {"type": "quote", "speaker": "Peter Davies", "role": "Chief Executive", "text": "..."},
    ],
    "notes": [{"boilerplate": "terminology"}, {"title": "Reports", "text": "Available."}],
    "contact": {
        "name": "Press Office",
        "phone": "0870 000 3434",
        "out_of_hours": None,
        "email": None,
        "web": "www.ceop.police.uk",
    },
    "tags": ["annual review"],
}


def test_round_trip_is_exact(store):
    boilerplate.save(store, "terminology", "Terminology", "Say abuse images.")
    created = releases.create(store, parse_release(GOOD, "in.json"))
    shown = release_to_json(releases.get(store, created.reference))
    assert shown == GOOD
    # and again: what show writes, import reads to the same release
    second = parse_release(json.loads(json.dumps(shown)), "again.json")
    second.reference = "CEOP-2012-032"
    again = release_to_json(releases.create(store, second))
    assert {**again, "reference": GOOD["reference"]} == GOOD


def test_embargo_keeps_the_instant_and_is_written_in_uk_time(store):
    data = {**GOOD, "notes": [], "embargo": "2012-06-20T23:01:00Z"}
    created = releases.create(store, parse_release(data, "in.json"))
    assert release_to_json(created)["embargo"] == "2012-06-21T00:01:00+01:00"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"headlin": "x"}, "field 'headlin': unknown key"),
        ({"format": "ceopdesk.release/2"}, "field 'format': expected \"ceopdesk.release/1\""),
        ({"headline": "", "status": "issued"}, "field 'headline': must not be empty"),
        ({"headline": 12}, "field 'headline': expected text, found a number"),
        ({"embargo": "2012-06-21T00:01:00"}, "field 'embargo': needs a UTC offset"),
        ({"embargo": "next Tuesday"}, "field 'embargo': expected a date and time"),
        ({"release_date": "20/06/2012"}, "field 'release_date': expected a date like"),
        ({"status": "published"}, "field 'status': expected one of"),
        ({"sections": "text"}, "field 'sections': expected a list"),
        ({"sections": [{"type": "video"}]}, "field 'sections[0].type': expected \"text\" or"),
        (
            {"sections": [{"type": "quote", "text": "x"}], "status": "issued"},
            "field 'sections[0].speaker': is required",
        ),
        (
            {"sections": [{"type": "text", "text": "x", "bold": True}]},
            "'sections[0].bold': unknown",
        ),
        ({"notes": [{"title": "t"}], "status": "issued"}, "field 'notes[0].text': is required"),
        ({"notes": [{"boilerplate": "k", "version": 0}]}, "'notes[0].version': expected a whole"),
        ({"contact": {"fax": "1"}}, "field 'contact.fax': unknown key"),
        ({"tags": ["ok", ""]}, "field 'tags[1]': expected non-empty text"),
    ],
)
def test_validation_names_file_field_and_expectation(change, message):
    data = {**GOOD, **change}
    with pytest.raises(UserError) as info:
        parse_release(data, "bad.json")
    assert str(info.value).startswith("bad.json, field '") or str(info.value).startswith("bad.json")
    assert message in str(info.value)


def test_an_incomplete_draft_round_trips_as_it_is(store):
    data = {
        **GOOD,
        "reference": "CEOP-2012-040",
        "headline": "",
        "notes": [{"title": ""}],
        "sections": [
            {"type": "quote", "text": "Words agreed before the speaker."},
            {"type": "text", "text": ""},
        ],
    }
    created = releases.create(store, parse_release(data, "draft.json"))
    shown = release_to_json(releases.get(store, created.reference))
    assert shown["headline"] == ""
    assert shown["sections"][0] == {
        "type": "quote",
        "speaker": "",
        "role": None,
        "text": "Words agreed before the speaker.",
    }
    assert parse_release(shown, "again.json").sections == created.sections


def test_top_level_must_be_an_object():
    with pytest.raises(UserError, match="bad.json: expected an object, found a list"):
        parse_release([], "bad.json")


def test_boilerplate_format_validation():
    ok = {"format": "ceopdesk.boilerplate/1", "items": [{"key": "a-b", "title": "T", "text": "x"}]}
    assert parse_boilerplate(ok, "b.json")[0].key == "a-b"
    bad_key = {
        "format": "ceopdesk.boilerplate/1",
        "items": [{"key": "A B", "title": "T", "text": "x"}],
    }
    with pytest.raises(UserError, match=r"items\[0\]\.key"):
        parse_boilerplate(bad_key, "b.json")
    twice = {"format": "ceopdesk.boilerplate/1", "items": [ok["items"][0], ok["items"][0]]}
    with pytest.raises(UserError, match="appears twice"):
        parse_boilerplate(twice, "b.json")
