"""`ceopdesk contacts ...` through ``ceopdesk.cli.main``: output, exit codes, no tracebacks."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ceopdesk import cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"


@pytest.fixture
def contacts(tmp_path: Path):
    """Run `ceopdesk --db DB contacts ARGS...`; returns (exit status, stdout, stderr)."""
    db = tmp_path / "cli.db"

    def run(*args: str | Path) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(["--db", str(db), "contacts", *map(str, args)], out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return run


def test_import_prints_each_row_and_a_summary(contacts):
    code, out, err = contacts("import", FIXTURES / "outlook.csv")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["line", "2", "added", "#1", "Zoë", "Adams"]
    assert (
        lines[-1] == "outlook.csv (outlook-csv, cp1252): 3 added, 0 merged, 0 unchanged, 0 skipped"
    )
    assert "columns not imported" not in out  # the Business address is imported
    code, out, _ = contacts("import", FIXTURES / "google.csv")
    assert "merged" in out and "conflict: organisation kept 'BBC News', file has 'BBC'" in out


def test_import_bad_rows_exit_1_with_one_sentence_and_nothing_saved(contacts):
    code, out, err = contacts("import", FIXTURES / "media_bad_rows.csv")
    assert code == 1
    assert err.startswith("ceopdesk: media_bad_rows.csv line 3: the row has 5 fields")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "line     3  skipped" in out  # every damaged row is listed
    code, out, err = contacts("search", "grace")
    assert out == "No contacts found.\n"
    code, out, err = contacts("import", FIXTURES / "media_bad_rows.csv", "--skip-damaged")
    assert code == 0 and out.splitlines()[-1].endswith("4 added, 0 merged, 0 unchanged, 1 skipped")
    # each doubtful field is reported with its line, and the person kept
    assert "line 5: phone '12345' is not a possible number; kept unchecked" in out


def test_import_dry_run_and_mapping(contacts):
    code, out, _ = contacts(
        "import", FIXTURES / "media.csv", "--dry-run", "--map", "Circulation=notes"
    )
    assert code == 0 and "(dry run: nothing was saved)" in out
    assert "columns not imported" not in out
    assert contacts("search", "priya")[1] == "No contacts found.\n"
    code, _, err = contacts("import", FIXTURES / "media.csv", "--map", "Circulation")
    assert code == 1 and "HEADER=FIELD" in err


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.csv", "ceopdesk: empty.csv is empty.\n"),
        (
            "binary.csv",
            "ceopdesk: binary.csv line 3: this is not a text file (it holds binary data).\n",
        ),
    ],
)
def test_unreadable_files_exit_1(contacts, name, message):
    assert contacts("import", FIXTURES / name) == (1, "", message)


def test_missing_file_and_bad_usage(contacts, tmp_path):
    code, _, err = contacts("import", tmp_path / "gone.csv")
    assert code == 1 and err.endswith("gone.csv does not exist.\n")
    code, _, _ = contacts("import")
    assert code == 2
    code, _, _ = contacts("export")
    assert code == 2


def test_search_json_has_all_fields_and_e164(contacts):
    contacts("import", FIXTURES / "outlook.csv")
    code, out, _ = contacts("search", "zoe", "--json")
    found = json.loads(out)
    assert code == 0 and [c["name"] for c in found] == ["Zoë Adams"]
    zoe = found[0]
    assert zoe["phones"] == [
        {"number": "+442079460018", "label": "work", "checked": True},
        {"number": "+447911123456", "label": "mobile", "checked": True},
    ]
    assert set(zoe) >= {
        "emails",
        "organisation",
        "job_title",
        "kind",
        "tags",
        "notes",
        "lawful_basis",
        "source",
        "date_collected",
        "do_not_contact",
        "social",
        "lists",
        "address",
        "city",
    }
    code, out, _ = contacts("search", "sio", "obr")
    assert "Siobhán Máire O'Brien" in out and "The Guardian" in out


def test_lists_and_export_leave_out_do_not_contact(contacts, tmp_path):
    contacts("import", FIXTURES / "outlook.csv")
    contacts("import", FIXTURES / "media.csv")
    optout = tmp_path / "optout.csv"
    optout.write_text("Email,Do not contact\njose.nunez@pa.media,yes\n", "utf-8")
    assert contacts("import", optout)[0] == 0
    assert contacts("list-create", "Crime desk")[0] == 0
    assert contacts("list-create", "crime DESK")[2] == (
        "ceopdesk: There is already a distribution list called 'crime DESK'.\n"
    )
    code, out, _ = contacts("list-add", "Crime desk", "--tag", "crime")
    assert (code, out) == (0, "Added 3 contacts to 'Crime desk'.\n")
    code, out, _ = contacts("list-add", "Crime desk", "t.nowak@example.pl", "#1")
    assert out == "Added 1 contacts to 'Crime desk'.\n"
    assert contacts("lists")[1] == "Crime desk  (4 contacts)\n"
    target = tmp_path / "crime.csv"
    code, out, _ = contacts("export", "-o", target, "--list", "crime desk")
    assert (code, out) == (0, f"3 contacts written to {target}; 1 marked do-not-contact left out\n")
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8-sig"))))
    assert [r["Family Name"] for r in rows] == ["Adams", "Nowak", "Patel"]
    nowak = next(r for r in rows if r["Family Name"] == "Nowak")
    assert nowak["Organisation"].startswith("'=HYPERLINK")
    code, out, _ = contacts(
        "export", "-o", target, "--list", "crime desk", "--include-do-not-contact"
    )
    assert out == f"4 contacts written to {target}\n"
    code, _, err = contacts("export", "-o", tmp_path / "x.csv", "--list", "Nope")
    assert (code, err) == (1, "ceopdesk: There is no distribution list called 'Nope'.\n")
    assert contacts("list-remove", "Crime desk", "--search", "nowak")[1] == (
        "Took 1 contacts off 'Crime desk'.\n"
    )
    assert contacts("list-delete", "Crime desk")[0] == 0
    assert contacts("lists")[1] == "No distribution lists.\n"


def test_export_by_extension_and_refuses_others(contacts, tmp_path):
    contacts("import", FIXTURES / "vcard30.vcf")
    code, out, _ = contacts("export", "-o", tmp_path / "all.vcf")
    assert code == 0 and (tmp_path / "all.vcf").read_text("utf-8").count("BEGIN:VCARD") == 2
    code, _, err = contacts("export", "-o", tmp_path / "all.xlsx")
    assert code == 1 and err == "ceopdesk: all.xlsx: contacts export to .csv or .vcf files.\n"
    assert not (tmp_path / "all.xlsx").exists()


def test_show_erase_and_subject_access(contacts, tmp_path):
    contacts("import", FIXTURES / "outlook.csv")
    code, out, _ = contacts("show", "jose.nunez@pa.media")
    assert code == 0 and "organisation    Press Association" in out and "0113 496 0000" in out
    target = tmp_path / "sar.json"
    code, out, _ = contacts("subject-access", "jose.nunez@pa.media", "-o", target)
    data = json.loads(target.read_text("utf-8"))
    assert code == 0 and data["contact"]["name"] == "José Núñez"
    assert [e["action"] for e in data["audit"]][:1] == ["contact.import"]
    code, _, err = contacts("erase", "jose.nunez@pa.media")
    assert code == 1 and "cannot be undone" in err
    code, out, _ = contacts("erase", "jose.nunez@pa.media", "--yes")
    assert code == 0 and out.startswith("Erased contact #2")
    code, _, err = contacts("show", "jose.nunez@pa.media")
    assert (code, err) == (1, "ceopdesk: No contact has the id or e-mail 'jose.nunez@pa.media'.\n")


def test_duplicates_and_merge(contacts, tmp_path):
    path = tmp_path / "dupes.csv"
    path.write_text(
        "Name,Email,Outlet\nZoë Adams,zoe@bbc.example.com,BBC News\nZoe Adams,zadams@bbc.example.com,BBC\n",
        "utf-8",
    )
    contacts("import", path)
    code, out, _ = contacts("duplicates", "--json")
    pairs = json.loads(out)
    assert code == 0 and len(pairs) == 1 and {pairs[0]["a"], pairs[0]["b"]} == {1, 2}
    code, out, _ = contacts("merge", "1", "2")
    assert (code, out) == (0, "Merged #2 into #1 Zoë Adams.\n")
    code, out, _ = contacts("show", "zadams@bbc.example.com", "--json")
    assert json.loads(out)["id"] == 1
