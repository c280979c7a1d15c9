"""Hypothesis over the JSON, CSV and vCard readers: any input gives a result or one sentence.

Example counts are modest so the suite stays fast; derandomised, so a run is repeatable.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceopdesk.core.contacts import exporter, importer, service
from ceopdesk.core.contacts.domain import Contact, ContactFilter, Email, ImportOptions
from ceopdesk.core.errors import UserError
from ceopdesk.core.releases.interchange import load_json_file, parse_release, release_to_json

FUZZ = settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Controls, lone surrogates, right-to-left marks, emoji, and now and then a 1 MB string.
nasty_text = st.one_of(
    st.text(st.characters(blacklist_categories=()), max_size=40),
    st.sampled_from(
        [
            "\u202e\u200fevil",
            "\ud800",
            "\x00\x1b[31m",
            "👩‍👩‍👧‍👦",
            "=cmd|'/C calc'!A0",
            "x" * 1_000_000,
            "BEGIN:VCARD",
            "\ufeff",
            "a\r\nb",
        ]
    ),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | nasty_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(nasty_text, inner, max_size=4),
    max_leaves=12,
)
# Text a person could really type: no controls, no lone surrogates.
typed = (
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)


def _file(data: bytes, suffix: str) -> Path:
    fd, name = tempfile.mkstemp(suffix=suffix)
    with open(fd, "wb") as fh:
        fh.write(data)
    return Path(name)


@FUZZ
@given(value=json_values, release_keys=st.booleans())
def test_json_import_never_crashes(value, release_keys):
    if release_keys and isinstance(value, dict):
        value = {"format": "ceopdesk.release/1", "headline": "h", **value}
    path = _file(json.dumps(value).encode(), ".json")  # lone surrogates escaped as \ud800
    try:
        parse_release(load_json_file(path), str(path))
    except UserError as exc:
        assert "\n" not in exc.message.strip()
    finally:
        path.unlink()


@FUZZ
@given(raw=st.binary(max_size=200))
def test_json_bytes_never_crash(raw):
    path = _file(raw, ".json")
    try:
        load_json_file(path)
    except UserError:
        pass
    finally:
        path.unlink()


@FUZZ
@given(headline=typed, standfirst=typed, tags=st.lists(typed, max_size=3, unique=True))
def test_valid_release_json_round_trips(headline, standfirst, tags):
    data = {
        "format": "ceopdesk.release/1",
        "reference": "CEOP-2026-001",
        "headline": headline,
        "standfirst": standfirst,
        "tags": tags,
    }
    first = release_to_json(parse_release(data, "fuzz"))
    again = release_to_json(parse_release(json.loads(json.dumps(first)), "fuzz"))
    assert again == first and first["headline"] == headline


@FUZZ
@given(text=nasty_text, suffix=st.sampled_from([".csv", ".vcf"]))
def test_contact_files_never_crash(store, text, suffix):
    body = (
        ("First Name,E-mail Address\n" + text)
        if suffix == ".csv"
        else ("BEGIN:VCARD\nVERSION:3.0\nFN:" + text + "\nEND:VCARD\n")
    )
    path = _file(body.encode("utf-8", "surrogatepass"), suffix)
    try:
        importer.import_file(store, path, ImportOptions(dry_run=True, skip_bad_rows=True))
    except UserError:
        pass
    finally:
        path.unlink()


_seen = {"n": 0}


@FUZZ
@given(given_name=typed, family=typed, notes=typed, fmt=st.sampled_from(["csv", "vcard"]))
def test_exported_contacts_import_back_unchanged(store, tmp_path, given_name, family, notes, fmt):
    _seen["n"] += 1
    email = f"fuzz{_seen['n']}@example.com"
    service.create_contact(
        store,
        Contact(
            given_name=given_name,
            family_name=family,
            notes=notes,
            emails=[Email(email)],
            source="fuzz",
            date_collected=date(2026, 1, 1),
        ),
    )
    out = tmp_path / f"out.{'csv' if fmt == 'csv' else 'vcf'}"
    exporter.export_contacts(store, out, ContactFilter(text=email))
    report = importer.import_file(store, out, ImportOptions(dry_run=True))
    assert [r.status for r in report.rows] == ["unchanged"], report.rows
