"""Absurd JSON is refused with a sentence; real phone numbers leave the CSV guard alone."""

from __future__ import annotations

import csv

import pytest

from ceopdesk.cli import main
from ceopdesk.core.contacts import exporter, service
from ceopdesk.core.contacts.domain import Contact, Email, Phone
from ceopdesk.core.errors import UserError
from ceopdesk.core.releases.interchange import load_json_file


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"a":' * 40 + "1" + "}" * 40, "more than 32 deep"),
        (
            '{"format": "ceopdesk.release/1", "headline": "x", "n": ' + "9" * 4300 + "}",
            "4,300 digits is far too large",
        ),
        ('{"headline": NaN}', "NaN is not a number JSON allows"),
    ],
)
def test_absurd_json_is_refused_with_a_sentence(tmp_path, content, said):
    path = tmp_path / "release.json"
    path.write_text(content)
    with pytest.raises(UserError, match=said):
        load_json_file(path)


def test_absurd_json_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "deep.json"
    path.write_text("[" * 50_000 + "]" * 50_000)
    assert main(["--db", str(tmp_path / "s.db"), "release", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "nested too deeply" in err and "Traceback" not in err and err.count("\n") == 1


@pytest.mark.parametrize("number", ["+1 202 555 0100", "+44 (0)20 7946 0018", "-42", "+33.1/2"])
def test_numbers_are_not_neutralised(number):
    assert exporter.neutralise(number) == number


@pytest.mark.parametrize(
    "cell",
    [
        "=1+1",
        "+cmd|' /C calc'!A0",
        "-1+1",
        "@SUM(A1)",
        "+1 202 555 0100 ext",
        "-covers",
        "\t+1",
        '=HYPERLINK("http://x")',
    ],
)
def test_formulas_are_neutralised(cell):
    assert exporter.neutralise(cell) == "'" + cell


def test_an_international_number_exports_as_it_is(store, tmp_path):
    service.create_contact(
        store,
        Contact(
            given_name="Ada",
            family_name="Example",
            emails=[Email("a@example.com")],
            phones=[Phone("+12025550100")],
        ),
    )
    out = tmp_path / "list.csv"
    exporter.export_contacts(store, out)
    with out.open(encoding="utf-8-sig") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    phone = [c for c in cells if "202" in c]
    assert phone and not phone[0].startswith("'")
