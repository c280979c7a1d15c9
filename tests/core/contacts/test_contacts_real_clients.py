"""Four real client exports imported one after another keep every person they hold."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ceopdesk.core.contacts import dedupe, exporter, importer, query, service
from ceopdesk.core.contacts.domain import Contact, ContactFilter

CLIENTS = Path(__file__).resolve().parents[2] / "fixtures" / "contacts" / "clients"
FILES = ("outlook.csv", "google.csv", "apple.vcf", "outlook21.vcf")
PEOPLE = {
    "Zoë O'Brien",
    "Siân Llewellyn",
    "Raj Patel",
    "Tomás Ní Bhriain",
    "Amira Haddad",
    "Chidi Okafor",
    "Dana Whitfield",
}


def import_all(store):
    return [importer.import_file(store, CLIENTS / name) for name in FILES]


def names(store):
    return {s.name for s in query.fetch_summaries(store, None, "name", limit=100)}


def test_every_person_is_kept_and_the_same_ones_merged(store):
    outlook, google, apple, outlook21 = import_all(store)
    assert names(store) == PEOPLE
    assert [(r.line, r.status) for r in outlook.rows] == [
        (2, "added"),
        (4, "added"),  # a typed address and a number with "ext": kept
        (5, "added"),
        (6, "skipped"),  # nothing identifies a person
    ]
    assert outlook.rows[-1].reason == "a contact needs a name, an e-mail or a phone"
    assert [r.status for r in google.rows] == ["merged", "added", "added"]
    assert "same e-mail as Zoë O'Brien" in google.rows[0].reason
    assert [r.status for r in apple.rows] == ["merged", "added", "added"]
    assert [r.status for r in outlook21.rows] == ["merged", "unchanged"]
    assert "same phone as Siân Llewellyn" in outlook21.rows[0].reason


def test_each_doubtful_field_is_reported_with_its_line(store):
    outlook, google, apple, outlook21 = import_all(store)
    warned = {(r.line, w) for report in (outlook,) for r in report.rows for w in r.warnings}
    assert (
        2,
        "phone '07700 900321' is not a number in use as far as the numbering plan knows;"
        " kept unchecked",
    ) in warned
    assert any(line == 4 and "e-mail 'sian.llewellyn@bbc' is not valid" in w for line, w in warned)
    dana = next(r for r in apple.rows if r.name == "Dana Whitfield")
    assert dana.line == 28 and "e-mail 'dana@@example.com'" in dana.warnings[0]
    assert outlook21.rows[0].warnings[:2] == [
        "phone 'BusinessPhone' holds no number; left out",
        "phone 'HomePhone' holds no number; left out",
    ]


def test_real_vcard_shapes(store):
    import_all(store)
    chidi = service.find_contact(store, "chidi.okafor@sky.uk")
    assert [(p.number, p.checked) for p in chidi.phones] == [("+14186569254;ext=102", True)]
    assert (chidi.city, chidi.address) == ("Leeds", "1 Main Street\nLeeds\nLS1 1AA\nUK")
    dana = next(c for c in query.search_contacts(store, "whitfield"))
    assert [p.number for p in dana.phones] == ["+442079460018"]  # photo dropped, person kept
    sian = service.find_contact(store, "sian.llewellyn@bbc.co.uk")
    assert sian.name == "Siân Llewellyn"  # quoted-printable Windows-1252
    amira = service.find_contact(store, "amira.haddad@reuters.com")  # grouped item1.EMAIL
    assert amira.tags == ["Security", "Wires"] and amira.job_title == "Security correspondent"


def test_reimporting_adds_nobody(store):
    import_all(store)
    again = import_all(store)
    assert all(r.count("added") == 0 for r in again)
    assert len(names(store)) == len(PEOPLE)


def test_address_and_city_are_stored_searched_and_exported(store, tmp_path):
    import_all(store)
    zoe = service.find_contact(store, "zoe.obrien@theguardian.com")
    assert zoe.city == "London"
    assert zoe.address == "Kings Place\n90 York Way\nLondon\nN1 9GU\nUnited Kingdom"
    tomas = next(iter(query.search_contacts(store, "dublin")))
    assert tomas.name == "Tomás Ní Bhriain" and tomas.address == "Donnybrook, Dublin 4"
    assert {c.name for c in query.search_contacts(store, "london")} == {"Zoë O'Brien", "Raj Patel"}
    out = tmp_path / "all.csv"
    exporter.export_contacts(store, out)
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    zoe_row = next(r for r in rows if r["Given Name"] == "Zoë")
    assert zoe_row["City"] == "London" and zoe_row["Address"].startswith("Kings Place\n")
    card = tmp_path / "all.vcf"
    exporter.export_contacts(store, card, ContactFilter(text="okafor"))
    assert "ADR:;;1 Main Street\\nLS1 1AA\\nUK;Leeds;;;" in card.read_text("utf-8")


def test_unchecked_fields_stay_out_of_mail_merge_unless_asked(store, tmp_path):
    import_all(store)
    out = tmp_path / "merge.csv"
    exporter.export_contacts(store, out, ContactFilter(text="dana"))
    (dana,) = csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline=""))
    assert dana["Email 1"] == "" and dana["Phone 1"] == "020 7946 0018"
    exporter.export_contacts(store, out, ContactFilter(text="dana"), include_unchecked=True)
    (dana,) = csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline=""))
    assert dana["Email 1"] == "dana@@example.com"


def test_not_a_duplicate_is_remembered(store):
    a = service.create_contact(store, Contact(given_name="Jo", family_name="Adams"))
    b = service.create_contact(store, Contact(given_name="Jo", family_name="Adams"))
    assert len(dedupe.find_duplicates(store)) == 1
    dedupe.mark_not_duplicate(store, b.id, a.id)
    dedupe.mark_not_duplicate(store, a.id, b.id)  # twice is fine
    assert dedupe.find_duplicates(store) == []


def test_other_clients_vcards_keep_every_person(store):
    reports = [
        importer.import_file(store, CLIENTS / name)
        for name in ("android21.vcf", "gmail30.vcf", "thunderbird40.vcf")
    ]
    assert [[r.status for r in report.rows] for report in reports] == [
        ["added", "added"],
        ["added"],
        ["added"],
    ]
    sean = service.find_contact(store, "sean@irishnews.example.org")
    assert sean.name == "Seán Ó Súilleabháin"
    assert [(p.number, p.checked) for p in sean.phones] == [
        ("+447700900111", False),  # a drama-range mobile: possible, not in use
        ("+442890244444", True),
    ]
    priya = service.find_contact(store, "priya.raman@ft.example.com")
    assert [(e.address, e.checked) for e in priya.emails] == [
        ("priya.raman@ft.example.com", True),
        ("priya@@gmail.example.com", False),
    ]
    assert "+442078733000;ext=4" in [p.number for p in priya.phones]
    assert priya.city == "London" and priya.address.startswith("Bracken House\n1 Friday Street")
    assert priya.tags == ["Press"]  # Google's own groups are not tags
    olumide = service.find_contact(store, "olumide.bello@reuters.example.com")
    assert [p.number for p in olumide.phones] == ["020 7250 1122 (switchboard)", "+447700900333"]
    assert not olumide.phones[0].checked
