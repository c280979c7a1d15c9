"""An approver's Word file back in: what changed, where, who commented, and accepting it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from ceopdesk.core.checks import rules as checks
from ceopdesk.core.errors import UserError
from ceopdesk.core.releases import boilerplate, importing, versions, workflow
from ceopdesk.core.releases import service as releases
from ceopdesk.core.releases.interchange import load_json_file, parse_boilerplate
from ceopdesk.documents.approver.accept import accept
from ceopdesk.documents.approver.compare import compare_file
from ceopdesk.documents.exporting import export_release
from tests.roundtrip_edits import ADDED, add_tracked_changes, approver_edits

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "roundtrip"
REF = "CEOP-2026-001"


@pytest.fixture
def sent(store, tmp_path) -> Path:
    """The fixture release in a fresh store, exported once for approval (version 1)."""
    items = parse_boilerplate(load_json_file(FIXTURES / "boilerplate.json"), "boilerplate")
    for item in items:
        boilerplate.save(store, item.key, item.title, item.text)
    importing.import_all(store, [importing.read_json(FIXTURES / "release.json")], "officer")
    path, number = export_release(store, REF, tmp_path / "sent.docx")
    assert number == 1
    return path


def _changes(comparison) -> dict[str, str]:
    return {c.part: c.kind for c in comparison.changes}


@pytest.mark.parametrize("returned", ["sent", "libreoffice-resaved.docx"])
def test_a_file_saved_again_without_edits_has_no_changes(store, sent, returned):
    path = sent if returned == "sent" else FIXTURES / returned
    comparison = compare_file(store, REF, path)
    assert (comparison.version, comparison.changes, comparison.comments) == (1, [], [])


@pytest.mark.parametrize("source", ["python-docx", "libreoffice"])
def test_typed_edits_and_a_comment_are_found_by_part(store, sent, tmp_path, source):
    if source == "python-docx":
        path = tmp_path / "edited.docx"
        approver_edits(sent, path)
    else:
        path = FIXTURES / "libreoffice-edited.docx"
    comparison = compare_file(store, REF, path)
    assert _changes(comparison) == {"sections[0]": "changed", "sections[1]": "changed"}
    figures, quote = comparison.changes
    assert "**1,240 children**" in figures.after and "**1,204 children**" in figures.before
    assert figures.after.endswith(ADDED)
    assert "a child who is safe today" in quote.value.text and quote.value.speaker == "Helen Marsh"
    assert not quote.value.text.startswith("“")  # the writer's quotation marks are not content
    [comment] = comparison.comments
    assert (comment.part, comment.author, comment.text) == (
        "sections[2]",
        "A. Approver",
        "Link to the report here?",
    )
    assert comment.anchor == "The full findings are set out in the annual review."


@pytest.mark.parametrize("source", ["word-xml", "libreoffice"])
def test_tracked_insertions_are_kept_and_deletions_dropped(store, sent, tmp_path, source):
    if source == "word-xml":
        path = tmp_path / "tracked.docx"
        add_tracked_changes(sent, path)
    else:
        path = FIXTURES / "libreoffice-tracked.docx"
    comparison = compare_file(store, REF, path)
    figures, quote = comparison.changes
    assert "**1,240 children**" in figures.after and "204" not in figures.after
    assert figures.tracked == ["inserted “240” (A. Approver)", "deleted “204” (A. Approver)"]
    assert quote.value.text.endswith("it is never their fault.")
    assert quote.tracked == ["deleted “, and we can help” (A. Approver)"]


def test_accepting_the_figure_and_rejecting_the_quote(store, sent, tmp_path):
    rules = checks.load(store)  # the fixture's contact block has no phone: let it through
    rules.severity["sense.contact-incomplete"] = "warning"
    checks.save(store, rules)
    workflow.set_status(store, REF, "in_review")
    workflow.set_status(store, REF, "approved", "A. Approver")
    path = tmp_path / "edited.docx"
    approver_edits(sent, path)
    comparison = compare_file(store, REF, path)
    release = accept(store, comparison, ["sections[0]"])
    assert release.status == "draft" and release.approved_by is None
    assert "**1,240 children**" in release.sections[0].text
    assert "safer today" in release.sections[1].text  # not accepted
    workflow.set_status(store, REF, "in_review")
    [part] = versions.diff(store, REF, 1, 2)
    assert part.part == "sections[0]"


def test_a_part_edited_in_ceopdesk_since_sending_is_not_overwritten(store, sent, tmp_path):
    path = tmp_path / "edited.docx"
    approver_edits(sent, path)
    comparison = compare_file(store, REF, path)
    release = releases.get(store, REF)
    release.sections[0].text += "\n\nA late addition."
    releases.update(store, release)
    with pytest.raises(UserError, match=r"sections\[0\] was changed in ceopdesk"):
        accept(store, comparison, None)
    assert "A late addition." in releases.get(store, REF).sections[0].text


def _edit_library_note(source: Path, target: Path) -> None:
    document = docx.Document(str(source))
    p = next(p for p in document.paragraphs if p.text.startswith("CEOP is the national"))
    p.runs[0].text = p.runs[0].text.replace("national policing command", "national command")
    document.save(str(target))


@pytest.mark.parametrize("choice", ["one-off", "library"])
def test_an_edited_library_note_is_never_forked_silently(store, sent, tmp_path, choice):
    path = tmp_path / "note.docx"
    _edit_library_note(sent, path)
    comparison = compare_file(store, REF, path)
    [change] = comparison.changes
    assert (change.part, change.boilerplate) == ("notes[4]", "about-ceop")
    with pytest.raises(UserError, match="one-off for this release or the library's next version"):
        accept(store, comparison, None)
    release = accept(store, comparison, None, {"notes[4]": choice})
    note = release.notes[4]
    assert "the national command" in note.text
    if choice == "one-off":
        assert note.boilerplate is None and boilerplate.get(store, "about-ceop").version == 1
    else:
        assert (
            note.boilerplate == "about-ceop" and boilerplate.get(store, "about-ceop").version == 2
        )


def test_a_file_without_its_properties_is_matched_by_reference_and_text(store, sent, tmp_path):
    path = tmp_path / "stripped.docx"
    approver_edits(sent, path)
    document = docx.Document(str(path))
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/custom-properties"):
            del package.rels[rel_id]
    document.save(str(path))
    comparison = compare_file(store, REF, path)
    assert (comparison.matched_by, comparison.version) == ("content", 1)
    assert _changes(comparison) == {"sections[0]": "changed", "sections[1]": "changed"}


def test_files_that_are_not_this_release_get_one_sentence(store, sent, tmp_path):
    unrelated = tmp_path / "minutes.docx"
    document = docx.Document()
    document.add_paragraph("Minutes of the meeting held on Tuesday.")
    document.save(str(unrelated))
    with pytest.raises(UserError, match="does not look like an export of this release"):
        compare_file(store, REF, unrelated)

    corrupt = tmp_path / "broken.docx"
    corrupt.write_bytes(sent.read_bytes()[:2000])
    with pytest.raises(UserError, match="broken.docx is not a Word document that can be read"):
        compare_file(store, REF, corrupt)

    other = releases.create(store, releases.get(store, REF).__class__(reference="", headline="x"))
    theirs, _ = export_release(store, other.reference, tmp_path / "other.docx")
    with pytest.raises(UserError, match=f"was exported from {other.reference}, not {REF}"):
        compare_file(store, REF, theirs)
    assert zipfile.is_zipfile(theirs)
