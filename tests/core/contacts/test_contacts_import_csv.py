"""CSV imports from the files people really have: Outlook, Google Contacts, media databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from ceopdesk.core.contacts import importer, query, service
from ceopdesk.core.contacts.domain import ImportOptions


def by_email(store, address):
    return service.find_contact(store, address)


def test_outlook_csv_in_windows_1252(store, load):
    report = load("outlook.csv")
    assert (report.format, report.encoding) == ("outlook-csv", "cp1252")
    assert [(r.line, r.status) for r in report.rows] == [(2, "added"), (4, "added"), (5, "added")]
    # line 3 is the second physical line of Zoë's quoted notes: the next record starts on line 4
    zoe = by_email(store, "zoe.adams@bbc.co.uk")
    assert zoe.name == "Zoë Adams" and zoe.organisation == "BBC News"
    assert zoe.job_title == "Home Affairs Correspondent"
    assert [e.address for e in zoe.emails] == ["zoe.adams@bbc.co.uk", "zoe.adams@gmail.com"]
    assert [(p.number, p.label) for p in zoe.phones] == [
        ("+442079460018", "work"),
        ("+447911123456", "mobile"),
    ]
    assert zoe.phones[0].display == "020 7946 0018"
    assert zoe.tags == ["Crime", "Home Affairs"]
    assert zoe.notes == "Prefers calls before 10am.\nCovers the Met and CEOP."
    assert zoe.social == {"web": "https://www.bbc.co.uk/news"}
    siobhan = by_email(store, "siobhan.obrien@theguardian.com")
    assert siobhan.given_name == "Siobhán Máire" and siobhan.family_name == "O'Brien"
    assert siobhan.job_title == "Editor – Society"
    assert siobhan.notes == "Met at the “online safety” briefing — £5 coffee."
    jose = by_email(store, "jose.nunez@pa.media")
    assert jose.phones[0].number == "+441134960000"  # written "+44 (0)113 496 0000"
    # Title (Ms), the e-mail type columns and Outlook's default "0/0/00" dates are not noise
    assert report.ignored_columns == []  # the Business address columns are imported
    assert (jose.address, jose.city) == ("292 Vauxhall Bridge Road\nLondon", "London")
    assert zoe.source == "import of outlook.csv" and zoe.date_collected is not None


def test_google_csv_with_bom_multi_values_and_labels(store, load):
    load("outlook.csv")
    report = load("google.csv")
    assert (report.format, report.encoding) == ("google-csv", "utf-8-sig")
    assert [r.status for r in report.rows] == ["added", "added", "merged"]
    wang = by_email(store, "xm.wang@example.cn")
    assert wang.name == "王小明"  # family name first for Chinese names
    assert [e.address for e in wang.emails] == [
        "wang.xiaoming@xinhua.example.org",
        "xm.wang@example.cn",
    ]
    assert {e.label for e in wang.emails} == {"work"}  # "* Work"
    assert wang.tags == ["Crime", "International"]  # "* myContacts" dropped
    fatima = by_email(store, "fatima.alzahra@aljazeera.example.net")
    assert fatima.name == "فاطمة الزهراء"
    assert [(p.number, p.label) for p in fatima.phones] == [
        ("+442079460999", "work"),
        ("+447911222333", "mobile"),
    ]
    assert fatima.tags == ["International"]  # "* starred" is a Google group, not a tag
    assert report.ignored_columns == []


def test_same_email_any_case_merges_and_reports_conflicts(store, load):
    load("outlook.csv")
    report = load("google.csv")
    row = report.rows[2]
    assert row.status == "merged" and row.line == 4
    assert "same e-mail as Zoë Adams" in row.reason and "tags" in row.reason
    assert {(c.field, c.kept, c.offered) for c in row.conflicts} == {
        ("organisation", "BBC News", "BBC"),
        ("social web", "https://www.bbc.co.uk/news", "https://x.com/zoeadams"),
    }
    zoe = by_email(store, "ZOE.ADAMS@bbc.co.uk")
    assert zoe.organisation == "BBC News"  # never overwritten
    assert zoe.tags == ["Courts", "Crime", "Home Affairs"]  # union
    assert query.count_contacts(store) == 5


def test_reimporting_the_same_files_adds_nobody(store, load):
    for name in ("outlook.csv", "google.csv", "media.csv", "vcard21.vcf", "vcard30.vcf"):
        load(name)
    before = query.count_contacts(store)
    for name in ("outlook.csv", "google.csv", "media.csv", "vcard21.vcf", "vcard30.vcf"):
        report = load(name)
        assert report.count("added") == 0, name
        assert report.count("merged") == 0, name
    assert query.count_contacts(store) == before


def test_media_database_aliases_unknown_column_and_mapping(store, load):
    report = load("media.csv")
    assert report.format == "csv"
    assert report.ignored_columns == ["Circulation"]
    priya = by_email(store, "priya.patel@men.example.co.uk")
    assert (priya.given_name, priya.family_name) == ("Priya", "Patel")
    assert priya.organisation == "Manchester Evening News"
    assert priya.social == {"x": "@priyap_men"}
    assert priya.tags == ["courts", "crime"]  # alphabetical
    assert priya.phones[0].label == "work"
    ewan = by_email(store, "ewan.macdonald@scotsman.example.com")
    assert ewan.tags == ["home affairs", "politics"]
    assert ewan.notes == "-covers Holyrood"  # stored as written; neutralised only on export


def test_mapping_names_a_field_for_an_unknown_column(store, fixtures, tmp_path):
    preview = importer.preview_file(fixtures / "media.csv")
    assert preview.unknown_headers == ["Circulation"]
    assert preview.mapping["Outlet Name"] == "organisation"
    assert preview.mapping["Direct Line"] == "phone:work"
    assert preview.record_count == 3 and preview.sample[0][0] == "Priya Patel"
    options = ImportOptions(mapping={"Circulation": "notes", "Beats": None})
    importer.import_file(store, fixtures / "media.csv", options)
    priya = by_email(store, "priya.patel@men.example.co.uk")
    assert priya.notes == "85,000" and priya.tags == []


def test_a_bad_mapping_is_named(store, fixtures):
    from ceopdesk.core.errors import UserError

    with pytest.raises(UserError, match="mapping for column 'Circulation'.*'shoe size'"):
        importer.import_file(
            store, fixtures / "media.csv", ImportOptions(mapping={"Circulation": "shoe size"})
        )


def test_semicolon_separated_and_excel_sep_line(store, load, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "sep=;\nVorname;Nachname;E-Mail;Firma\nAnna;Schmidt;anna@zeit.example.de;Die Zeit\n",
        "utf-8",
    )
    report = load(path)
    assert [(r.line, r.status) for r in report.rows] == [(3, "added")]
    assert by_email(store, "anna@zeit.example.de").emails[0].address == "anna@zeit.example.de"
    assert report.ignored_columns == ["Vorname", "Nachname", "Firma"]


def test_a_damaged_row_stops_the_import_and_changes_nothing(store, load, counts):
    with pytest.raises(importer.ImportRejected) as caught:
        load("media_bad_rows.csv")
    message = str(caught.value)
    assert message == (
        "media_bad_rows.csv line 3: the row has 5 fields where the header has 4"
        " (a missing or extra separator or quote); nothing was imported."
    )
    assert [(r.line, r.status, r.damaged) for r in caught.value.report.rows] == [
        (3, "skipped", True)
    ]
    assert counts() == (0, 0)


def test_skip_damaged_rows_keeps_everyone_else_and_reports_doubtful_fields(store, load):
    report = load("media_bad_rows.csv", skip_bad_rows=True)
    assert [(r.line, r.status) for r in report.rows] == [
        (2, "added"),
        (3, "skipped"),
        (4, "added"),
        (5, "added"),
        (6, "added"),
    ]
    assert report.summary == "4 added, 0 merged, 0 unchanged, 1 skipped"
    olumide, ingrid = report.rows[2], report.rows[3]
    assert olumide.warnings == [
        "e-mail 'olumide.bello@' is not valid (there must be something after the @-sign);"
        " kept unchecked"
    ]
    assert ingrid.warnings == ["phone '12345' is not a possible number; kept unchecked"]
    stored = service.find_contact(store, "olumide.bello@")
    assert stored.name == "Olumide Bello" and not stored.emails[0].checked
    assert stored.phones[0].checked
    kept = service.find_contact(store, "ingrid.berg@nrk.example.no")
    assert [(p.number, p.checked) for p in kept.phones] == [("12345", False)]


def test_doubtful_fields_never_cost_a_person(store, load, tmp_path):
    path = tmp_path / "doubtful.csv"
    path.write_text(
        "Name,Email,Mobile,Date collected,Kind,Do not contact\n"
        "Zoë Adams,zoe@@bbc,07700 900321,31/31/2024,sub-editor,maybe\n"
        "Jack Hall,jack@example.com,07700 900456 ext 2,,,\n"
        ",,,,,\n"
        "Nobody,,,,,\n"
        ",,,2024-01-01,journalist,no\n",
        "utf-8",
    )
    report = load(path)
    assert [(r.line, r.status) for r in report.rows] == [
        (2, "added"),
        (3, "added"),
        (5, "added"),
        (6, "skipped"),
    ]
    assert report.rows[3].reason == "a contact needs a name, an e-mail or a phone"
    zoe_row = report.rows[0]
    assert any("'07700 900321' is not a number in use" in w for w in zoe_row.warnings)
    assert any("date collected '31/31/2024' cannot be read" in w for w in zoe_row.warnings)
    assert any("kind 'sub-editor'" in w for w in zoe_row.warnings)
    zoe = service.find_contact(store, "zoe@@bbc")
    # Possible but not in use: stored E.164 like any number, marked unchecked.
    assert [(p.number, p.checked) for p in zoe.phones] == [("+447700900321", False)]
    assert zoe.date_collected is None and zoe.date_collected_text == "31/31/2024"
    assert zoe.kind == "journalist" and zoe.do_not_contact  # unreadable: kept safe
    jack = service.find_contact(store, "jack@example.com")
    assert jack.phones[0].number == "+447700900456;ext=2"
    assert jack.phones[0].display == "07700 900456 x2"


def test_dry_run_reports_and_saves_nothing(store, load, counts):
    report = load("outlook.csv", dry_run=True)
    assert report.count("added") == 3 and report.dry_run
    assert all(r.contact_id is None for r in report.rows)
    assert counts() == (0, 0)
    assert report.summary.endswith("(dry run: nothing was saved)")


def test_shared_desk_phone_does_not_merge_different_people(store, tmp_path, load):
    path = tmp_path / "desk.csv"
    path.write_text(
        "Name,Email,Phone\n"
        "Grace Okafor,grace@sky.example.com,020 7946 0555\n"
        "Harry Wright,,020 7946 0555\n"
        "Grace Okafor,,020 7946 0555\n",
        "utf-8",
    )
    report = load(path)
    assert [r.status for r in report.rows] == ["added", "added", "unchanged"]
    assert "under another name" in report.rows[1].warnings[0]
    assert "same phone as" in report.rows[2].reason
    assert query.count_contacts(store) == 2


def test_do_not_contact_from_a_file_is_honoured_on_merge(store, tmp_path, load):
    path = tmp_path / "optout.csv"
    path.write_text("Name,Email,Do Not Contact\nJack Hall,jack@example.com,no\n", "utf-8")
    load(path)
    path.write_text("Name,Email,Do Not Contact\nJack Hall,JACK@example.com,yes\n", "utf-8")
    report = load(path)
    assert report.rows[0].status == "merged"
    assert by_email(store, "jack@example.com").do_not_contact is True
    path.write_text("Name,Email,Do Not Contact\nJack Hall,jack@example.com,no\n", "utf-8")
    load(path)
    assert by_email(store, "jack@example.com").do_not_contact is True  # absence is not consent


def test_progress_is_reported_and_can_cancel(store, fixtures, counts):
    seen: list[tuple[int, int]] = []
    importer.import_file(store, fixtures / "outlook.csv", progress=lambda d, n: seen.append((d, n)))
    assert seen and seen[-1][0] == seen[-1][1]
    store2 = store
    with pytest.raises(importer.ImportCancelled, match="nothing was changed"):
        importer.import_file(store2, fixtures / "google.csv", progress=lambda d, n: False)
    assert counts()[0] == 3


def test_import_audit_events(store, load):
    from ceopdesk.core import audit

    load("outlook.csv")
    zoe = by_email(store, "zoe.adams@bbc.co.uk")
    events = audit.events_for(store, f"contact:{zoe.id}")
    assert [e.action for e in events] == ["contact.import"]
    assert (
        events[0].detail == "created from outlook.csv line 2" and events[0].user == "test.officer"
    )
    summary = audit.events_for(store, "contacts")
    assert summary[-1].detail == "outlook.csv: 3 added, 0 merged, 0 unchanged, 0 skipped"


def test_explicit_encoding_override(store, load, fixtures):
    report = load("outlook.csv", encoding="cp1252")
    assert report.encoding == "cp1252"


def test_file_with_unknown_extension_is_sniffed(store, tmp_path, fixtures, load):
    path = tmp_path / "contacts.txt"
    path.write_bytes((fixtures / "vcard30.vcf").read_bytes())
    assert load(path).format == "vcard"


def test_path_objects_and_strings(store, fixtures):
    report = importer.import_file(store, Path(str(fixtures / "media.csv")))
    assert report.count("added") == 3


def test_an_error_while_writing_rolls_everything_back(store, fixtures, counts, tmp_path):
    importer.import_file(store, fixtures / "media.csv")
    before = counts()
    big = tmp_path / "big.csv"
    rows = [f"Person {i},person{i}@example.com" for i in range(2500)]
    big.write_text("Name,Email\n" + "\n".join(rows) + "\n", "utf-8")
    seen = []

    def progress(done, total):
        seen.append(done)
        if done >= 2000:  # two chunks are written by now
            raise RuntimeError("disk trouble")

    with pytest.raises(RuntimeError, match="disk trouble"):
        importer.import_file(store, big, progress=progress)
    assert counts() == before
    assert importer.import_file(store, big).count("added") == 2500


def test_new_ids_never_reuse_an_erased_one(store, tmp_path):
    from ceopdesk.core.contacts import privacy

    first = tmp_path / "first.csv"
    first.write_text("Name,Email\nA One,a@example.com\nB Two,b@example.com\n", "utf-8")
    ids = [r.contact_id for r in importer.import_file(store, first).rows]
    privacy.erase(store, max(ids))
    second = tmp_path / "second.csv"
    second.write_text("Name,Email\nC Three,c@example.com\n", "utf-8")
    (row,) = importer.import_file(store, second).rows
    assert row.contact_id == max(ids) + 1
    assert service.find_contact(store, "c@example.com").id == row.contact_id


def test_cancel_after_some_chunks_were_written_rolls_back(
    store, fixtures, counts, monkeypatch, tmp_path
):
    path = tmp_path / "many.csv"
    path.write_text(
        "Name,Email\n" + "".join(f"P{i},p{i}@example.com\n" for i in range(3000)), "utf-8"
    )
    monkeypatch.setattr(importer, "CHUNK", 100)
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < 2000

    def schema() -> list[tuple]:
        with store.read_session() as s:
            return [tuple(r) for r in s.execute(text("SELECT name, sql FROM sqlite_master"))]

    before = schema()
    with pytest.raises(importer.ImportCancelled):
        importer.import_file(store, path, progress=progress)
    # A first import builds the lookup indexes at its end; cancelled, it leaves them as they were.
    assert counts() == (0, 0) and max(seen) >= 2000 and schema() == before
    report = importer.import_file(store, path)  # and the store is usable afterwards
    assert report.count("added") == 3000 and len({r.contact_id for r in report.rows}) == 3000
    assert sorted(schema()) == sorted(before)


def test_duplicates_across_chunks_merge(store, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK", 2)
    path = tmp_path / "dups.csv"
    path.write_text(
        "Name,Email,Phone,Tags\n"
        "Ava Walker,ava@example.com,,a\n"
        "Leo White,leo@example.com,,\n"
        "Isla Green,isla@example.com,020 7946 0111,\n"
        "Ava Walker,AVA@example.com,020 7946 0222,b\n"  # next chunk: merges into line 2's contact
        "Ava Walker,,020 7946 0222,c\n"  # same phone, same name: merges again
        "Isla Green,isla.green@example.com,020 7946 0111,\n",  # same phone as line 4
        "utf-8",
    )
    report = importer.import_file(store, path)
    assert [r.status for r in report.rows] == [
        "added",
        "added",
        "added",
        "merged",
        "merged",
        "merged",
    ]
    ava = service.find_contact(store, "ava@example.com")
    assert ava.tags == ["a", "b", "c"] and [p.number for p in ava.phones] == ["+442079460222"]
    assert {r.contact_id for r in report.rows if r.name == "Ava Walker"} == {ava.id}
    isla = service.find_contact(store, "isla@example.com")
    assert [e.address for e in isla.emails] == ["isla@example.com", "isla.green@example.com"]
    assert query.count_contacts(store) == 3
    assert [c.name for c in query.search_contacts(store, "isla.green")] == ["Isla Green"]
