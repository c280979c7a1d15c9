"""vCard imports: 2.1 (quoted-printable, charsets), 3.0 (folded lines), 4.0, broken cards."""

from __future__ import annotations

import pytest

from ceopdesk.core.contacts import importer, service


def test_vcard_21_quoted_printable_and_charsets(store, load):
    report = load("vcard21.vcf")
    assert report.format == "vcard"
    assert [(r.line, r.status) for r in report.rows] == [(1, "added"), (14, "added")]
    jurgen = service.find_contact(store, "juergen.mueller@dw.example.de")
    assert (jurgen.given_name, jurgen.family_name) == ("Jürgen", "Müller")
    assert [(p.number, p.label) for p in jurgen.phones] == [
        ("+442079460300", "work"),
        ("+447900123456", "mobile"),
    ]
    # a quoted-printable soft line break joins the two physical lines
    assert jurgen.notes == (
        "Spricht Deutsch und Englisch. Bitte vor Veröffentlichungen anrufen — auch am Wochenende."
    )
    francois = service.find_contact(store, "francois.lefevre@lemonde.example.fr")
    assert francois.name == "François Lefèvre"  # ISO-8859-1 in quoted-printable
    assert francois.phones[0].number == "+33142172000"
    assert francois.phones[0].display == "+33 1 42 17 20 00"


def test_vcard_30_folded_lines_and_escapes(store, load):
    report = load("vcard30.vcf")
    assert [(r.line, r.status) for r in report.rows] == [(1, "added"), (16, "added")]
    niamh = service.find_contact(store, "niamh.osuilleabhain@rte.example.ie")
    assert niamh.name == "Niamh Ó Súilleabháin"
    assert niamh.organisation == "RTÉ News, Dublin"
    assert niamh.tags == ["Crime", "Ireland, North"]
    assert niamh.notes == (
        "Covers policing and the courts in Belfast and Dublin. This note is long enough that "
        "the exporting address book folded it over two lines, as RFC 6350 says it must.\n"
        "Second paragraph."
    )
    assert niamh.social == {"x": "@niamhos"}
    assert niamh.emails[0].label == "work"
    agnieszka = service.find_contact(store, "a.kowalski@polskieradio.example.pl")
    assert agnieszka.phones[0].number == "+48226459000"  # grouped "item1.TEL"


def test_vcard_40_tel_uris_and_arabic(store, load):
    load("vcard40.vcf")
    yuki = service.find_contact(store, "yuki.tanaka@nhk.example.jp")
    assert yuki.phones[0].number == "+442079460400" and yuki.phones[0].label == "work"
    assert yuki.tags == ["International"]
    omar = service.find_contact(store, "omar.khan@bbc.co.uk")
    assert omar.name == "عمر خان" and omar.phones[0].label == "mobile"


def test_broken_cards_are_named_by_line(store, load, counts):
    with pytest.raises(
        importer.ImportRejected, match=r"^broken.vcf line 6: the card has no END:VCARD"
    ):
        load("broken.vcf")
    assert counts() == (0, 0)
    report = load("broken.vcf", skip_bad_rows=True)
    assert [(r.line, r.status) for r in report.rows] == [
        (1, "added"),
        (6, "skipped"),
        (10, "added"),
        (15, "added"),
    ]
    # A doubtful e-mail is a reported field, not a damaged card: Isla is kept.
    assert report.rows[1].damaged and not report.rows[2].damaged
    assert "'not-an-email' is not valid" in report.rows[2].warnings[0]
    isla = service.find_contact(store, "not-an-email")
    assert isla.name == "Isla Green" and not isla.emails[0].checked


def test_text_outside_a_card_and_no_cards(store, tmp_path, load):
    path = tmp_path / "odd.vcf"
    path.write_text("hello\nBEGIN:VCARD\nFN:Leo White\nEMAIL:leo@example.com\nEND:VCARD\n", "utf-8")
    report = load(path, skip_bad_rows=True)
    assert [(r.line, r.status) for r in report.rows] == [(1, "skipped"), (2, "added")]
    path.write_text("just some text\n", "utf-8")
    with pytest.raises(importer.ImportRejected, match="odd.vcf line 1: text outside a BEGIN:VCARD"):
        load(path)
