"""Exports: Excel-safe CSV with a BOM, vCard 3.0, filters, atomic writes, and the round trip."""

from __future__ import annotations

import csv
import io

import pytest
import vobject

from ceopdesk.core.contacts import exporter, lists, query, service
from ceopdesk.core.contacts.domain import ContactFilter
from ceopdesk.core.errors import UserError

ALL = ("outlook.csv", "google.csv", "media.csv", "vcard21.vcf", "vcard30.vcf", "vcard40.vcf")


@pytest.fixture
def filled(store, load):
    for name in ALL:
        load(name)
    return store


def read_csv(path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so Excel reads UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_is_excel_safe(filled, tmp_path):
    target = tmp_path / "all.csv"
    result = exporter.export_contacts(filled, target)
    rows = read_csv(target)
    assert result.count == len(rows) == 14
    assert b"\r\n" in target.read_bytes()
    nowak = next(r for r in rows if r["Family Name"] == "Nowak")
    assert nowak["Organisation"] == '\'=HYPERLINK("http://evil.example","click")'
    assert nowak["Notes"] == "'@SUM(1+1) looks like a formula"
    ewan = next(r for r in rows if r["Family Name"] == "MacDonald")
    assert ewan["Notes"] == "'-covers Holyrood"
    lefevre = next(r for r in rows if r["Family Name"] == "Lefèvre")
    # digits and spaces only: nothing a spreadsheet could run, so mail merge gets the number
    assert lefevre["Phone 1"] == "+33 1 42 17 20 00"
    zoe = next(r for r in rows if r["Given Name"] == "Zoë")
    assert zoe["Notes"] == "Prefers calls before 10am.\nCovers the Met and CEOP."
    assert zoe["Phone 1"] == "020 7946 0018" and zoe["Phone 2 Label"] == "mobile"
    assert zoe["Tags"] == "Courts; Crime; Home Affairs" and zoe["Do Not Contact"] == "no"
    for row in rows:
        for cell in row.values():
            if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
                assert exporter._PLAIN_NUMBER.fullmatch(cell), cell  # a number, nothing to run


def test_neutralise():
    assert exporter.neutralise("=1+1") == "'=1+1"
    assert exporter.neutralise("\tx") == "'\tx"
    assert exporter.neutralise("plain") == "plain"


def test_do_not_contact_left_out_unless_asked(filled, tmp_path):
    zoe = service.find_contact(filled, "zoe.adams@bbc.co.uk")
    service.set_do_not_contact(filled, [zoe.id], True)
    result = exporter.export_contacts(filled, tmp_path / "a.csv", ContactFilter(tag="crime"))
    assert (result.count, result.left_out_do_not_contact) == (4, 1)
    result = exporter.export_contacts(
        filled, tmp_path / "b.csv", ContactFilter(tag="crime"), include_do_not_contact=True
    )
    assert (result.count, result.left_out_do_not_contact) == (5, 0)
    assert read_csv(tmp_path / "b.csv")[0]["Do Not Contact"] == "yes"


def test_export_by_list_and_search(filled, tmp_path):
    lists.create_list(filled, "International")
    lists.add_members(
        filled, "International", query.contact_ids(filled, ContactFilter(tag="international"))
    )
    result = exporter.export_contacts(
        filled, tmp_path / "intl.vcf", ContactFilter(list_name="international")
    )
    assert result.count == 3
    cards = list(vobject.readComponents((tmp_path / "intl.vcf").read_text("utf-8")))
    assert sorted(c.fn.value for c in cards) == sorted(["王小明", "فاطمة الزهراء", "Yuki Tanaka"])
    result = exporter.export_contacts(filled, tmp_path / "s.csv", ContactFilter(text="guardian"))
    assert [r["Family Name"] for r in read_csv(tmp_path / "s.csv")] == ["O'Brien"]


def test_vcard_30_is_valid_and_keeps_everything(filled, tmp_path):
    target = tmp_path / "all.vcf"
    exporter.export_contacts(filled, target)
    text = target.read_bytes().decode("utf-8")
    assert text.count("BEGIN:VCARD") == 14 and "VERSION:3.0" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))  # folded
    cards = {c.fn.value: c for c in vobject.readComponents(text)}
    niamh = cards["Niamh Ó Súilleabháin"]
    assert niamh.org.value == ["RTÉ News, Dublin"]
    assert niamh.categories.value == ["Crime", "Ireland, North"]
    assert "folded it over two lines" in niamh.note.value
    assert niamh.tel.value == "+35312083111"


@pytest.mark.parametrize("suffix", [".csv", ".vcf"])
def test_round_trip_adds_nobody_and_keeps_fields(filled, tmp_path, suffix, load, store):
    before = {c.id: c for c in service.get_contacts(filled, query.contact_ids(filled))}
    target = tmp_path / f"all{suffix}"
    exporter.export_contacts(filled, target)
    report = load(target)
    assert report.count("added") == 0 and report.count("merged") == 0, [
        (r.line, r.reason) for r in report.rows if r.status != "unchanged"
    ]
    assert all(not r.conflicts for r in report.rows), [
        r.conflicts for r in report.rows if r.conflicts
    ]
    # and into an empty store, every field comes back
    from ceopdesk.core.store import Store

    fresh = Store(tmp_path / "fresh.db")
    try:
        from ceopdesk.core.contacts import importer

        importer.import_file(fresh, target)
        after = service.get_contacts(fresh, query.contact_ids(fresh))
        assert len(after) == len(before)
        for c in after:
            old = next(o for o in before.values() if o.emails[0].address == c.emails[0].address)
            for field in (
                "name",
                "organisation",
                "job_title",
                "kind",
                "tags",
                "notes",
                "social",
                "lawful_basis",
                "source",
                "date_collected",
                "do_not_contact",
            ):
                assert getattr(c, field) == getattr(old, field), (field, c.name)
            assert [(e.address, e.label) for e in c.emails] == [
                (e.address, e.label) for e in old.emails
            ]
            assert [(p.number, p.label) for p in c.phones] == [
                (p.number, p.label) for p in old.phones
            ]
    finally:
        fresh.close()


def test_failed_export_keeps_the_old_file(filled, tmp_path, monkeypatch):
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "list.vcf"
    target.write_text("the previous export", "utf-8")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(exporter, "to_vcard", boom)
    with pytest.raises(UserError, match="list.vcf could not be written: disk full"):
        exporter.export_contacts(filled, target)
    assert target.read_text("utf-8") == "the previous export"
    assert [p.name for p in target.parent.iterdir()] == ["list.vcf"]  # no temporary file left


def test_export_refuses_unknown_formats_and_missing_folders(filled, tmp_path):
    with pytest.raises(UserError, match="contacts export to .csv or .vcf files"):
        exporter.export_contacts(filled, tmp_path / "x.xlsx")
    with pytest.raises(UserError, match="does not exist"):
        exporter.export_contacts(filled, tmp_path / "no" / "x.csv")
