"""A note holding a table, sent to an approver and back: the table stays a table."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import docx
import pytest

from ceopdesk.cli import main
from ceopdesk.core.errors import UserError
from ceopdesk.core.releases import boilerplate, importing
from ceopdesk.core.releases import service as releases
from ceopdesk.core.richtext import parse_markdown
from ceopdesk.documents.approver.accept import accept
from ceopdesk.documents.approver.compare import compare_file
from ceopdesk.documents.exporting import export_release

REF = "CEOP-2026-050"
LEVELS = (
    "The guidelines grade images at three levels:\n\n"
    "| Category | What the images show |\n|---|---|\n"
    "| A | Penetrative sexual activity |\n"
    "| B | Non-penetrative sexual activity |\n"
    "| C | Other indecent images |\n\n"
    "The category informs the sentence."
)
FIGURES = "| Year | Children safeguarded |\n|---|---|\n| 2025 | 1,204 |"


@pytest.fixture
def sent(store, tmp_path) -> Path:
    boilerplate.save(store, "categories", "How images are categorised", LEVELS)
    release = {
        "format": "ceopdesk.release/1",
        "reference": REF,
        "headline": "Record number of children safeguarded this year",
        "standfirst": "More children were safeguarded than in any year before.",
        "sections": [{"type": "text", "text": "Officers worked in every region."}],
        "notes": [{"boilerplate": "categories"}, {"title": "Figures", "text": FIGURES}],
    }
    source = tmp_path / "release.json"
    source.write_text(json.dumps(release), encoding="utf-8")
    importing.import_all(store, [importing.read_json(source)], "officer")
    path, _ = export_release(store, REF, tmp_path / "sent.docx")
    return path


def _cell(document, text: str):
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text == text:
                    return cell
    raise AssertionError(text)


def _set(cell, text: str) -> None:
    runs = cell.paragraphs[0].runs
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def _table(markdown: str) -> list[list[str]]:
    [table] = [b for b in parse_markdown(markdown, headings=True, tables=True) if b.kind == "table"]
    return [["".join(s.text for s in cell) for cell in row] for row in table.rows]


def test_a_file_saved_again_has_no_change_in_its_tables(store, sent, tmp_path):
    path = tmp_path / "again.docx"
    docx.Document(str(sent)).save(str(path))
    assert compare_file(store, REF, path).changes == []


def test_an_edited_cell_is_accepted_and_the_table_kept(store, sent, tmp_path):
    document = docx.Document(str(sent))
    _set(_cell(document, "1,204"), "1,240")
    path = tmp_path / "edited.docx"
    document.save(str(path))
    comparison = compare_file(store, REF, path)
    [change] = comparison.changes
    assert (change.part, change.kind) == ("notes[1]", "changed")
    assert "1,240" in change.after and "1,204" in change.before
    note = accept(store, comparison, ["notes[1]"]).notes[1]
    assert note.text == FIGURES.replace("1,204", "1,240").replace("|---|---|", "| --- | --- |")
    assert _table(note.text) == [["Year", "Children safeguarded"], ["2025", "1,240"]]


def test_an_added_row_in_a_library_table_is_kept(store, sent, tmp_path):
    document = docx.Document(str(sent))
    last = _cell(document, "C")._tc.getparent()
    new = copy.deepcopy(last)
    last.addnext(new)
    table = next(t for t in document.tables if t._tbl is last.getparent())
    _set(table.rows[-1].cells[0], "D")
    _set(table.rows[-1].cells[1], "Pseudo-photographs")
    path = tmp_path / "row.docx"
    document.save(str(path))
    comparison = compare_file(store, REF, path)
    [change] = comparison.changes
    assert (change.part, change.boilerplate) == ("notes[0]", "categories")
    note = accept(store, comparison, None, {"notes[0]": "library"}).notes[0]
    text = boilerplate.get(store, "categories").text
    assert note.boilerplate == "categories"
    assert _table(text)[-1] == ["D", "Pseudo-photographs"]
    assert _table(text)[0] == ["Category", "What the images show"]
    assert text.endswith("The category informs the sentence.")


def test_a_table_that_cannot_be_stored_is_refused_with_a_reason(store, sent, tmp_path):
    document = docx.Document(str(sent))
    a = _cell(document, "A")
    a.merge(_cell(document, "Penetrative sexual activity"))
    path = tmp_path / "merged.docx"
    document.save(str(path))
    comparison = compare_file(store, REF, path)
    [change] = comparison.changes
    assert change.part == "notes[0]" and "merged" in (change.refused or "")
    assert comparison.to_json()["changes"][0]["refused"] == change.refused
    before = releases.get(store, REF)
    with pytest.raises(UserError, match=r"notes\[0\] cannot be accepted: .*merged"):
        accept(store, comparison, None, {"notes[0]": "one-off"})
    assert releases.get(store, REF) == before
    # The command line says the same, in one sentence, and changes nothing.
    db = ["--db", str(tmp_path / "store.db"), "release", "compare", REF, str(path)]
    out, err = io.StringIO(), io.StringIO()
    assert main(db, out=out, err=err) == 0
    assert "cannot be accepted: the returned file has merged cells in a table" in out.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert main([*db, "--accept-all", "--note-as", "one-off"], out=out, err=err) == 1
    assert err.getvalue().count("\n") == 1 and "Traceback" not in err.getvalue()
    assert "notes[0] cannot be accepted" in err.getvalue()
    assert releases.get(store, REF) == before


def test_a_table_put_in_the_body_is_refused_not_flattened(store, sent, tmp_path):
    document = docx.Document(str(sent))
    body = next(p for p in document.paragraphs if p.text == "Officers worked in every region.")
    table = document.add_table(rows=1, cols=2)
    _set_new(table.rows[0].cells[0], "North")
    _set_new(table.rows[0].cells[1], "412")
    body._p.addnext(table._tbl)
    path = tmp_path / "body-table.docx"
    document.save(str(path))
    comparison = compare_file(store, REF, path)
    [change] = comparison.changes
    assert change.part == "sections[0]"
    assert change.refused == (
        "the returned file has a table there, and only notes to editors can hold tables"
    )
    assert "North" in change.after
    with pytest.raises(UserError, match=r"sections\[0\] cannot be accepted"):
        accept(store, comparison, ["sections[0]"])


def _set_new(cell, text: str) -> None:
    cell.paragraphs[0].add_run(text)


# -- files an approver's LibreOffice saved (tests/fixtures/roundtrip/README.md) ----------

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "roundtrip"
FIXTURE_REF = "CEOP-2026-050"


@pytest.fixture
def tables_sent(store, tmp_path) -> Path:
    importing.import_all(store, [importing.read_json(FIXTURES / "tables-release.json")], "officer")
    path, number = export_release(store, FIXTURE_REF, tmp_path / "sent.docx")
    assert number == 1
    return path


def test_libreoffice_resaving_tables_changes_nothing(store, tables_sent):
    comparison = compare_file(store, FIXTURE_REF, FIXTURES / "libreoffice-tables-resaved.docx")
    assert (comparison.version, comparison.changes) == (1, [])


def test_cells_and_rows_edited_in_libreoffice_are_accepted_as_tables(store, tables_sent):
    comparison = compare_file(store, FIXTURE_REF, FIXTURES / "libreoffice-tables-edited.docx")
    assert [(c.part, c.kind, c.refused) for c in comparison.changes] == [
        ("notes[0]", "changed", None),
        ("notes[1]", "changed", None),
    ]
    release = accept(store, comparison, None)
    levels, figures = (n.text for n in release.notes)
    assert _table(levels) == [
        ["Category", "What the images show"],
        ["A", "Penetrative sexual activity"],
        ["B", "Non-penetrative sexual activity"],
        ["C", "Other indecent images"],
        ["D", "Pseudo-photographs"],
    ]
    assert "| B | Non-penetrative *sexual* activity |" in levels  # the italic kept
    assert levels.endswith("The category informs the sentence.")
    assert figures == "| Year | Children safeguarded |\n| --- | --- |\n| 2025 | 1,240 |"
