"""Content versions: a number per distinct content that went out, not per event."""

from __future__ import annotations

import dataclasses

import docx
import pytest

from ceopdesk.core.domain import TextSection
from ceopdesk.core.errors import UserError
from ceopdesk.core.releases import boilerplate, versions, workflow
from ceopdesk.core.releases import service as releases
from ceopdesk.documents import exporting
from ceopdesk.documents.docx_identity import read_identity
from tests.helpers import sample_release


def _header(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).sections[0].header.paragraphs if p.text]


def _edit(store, ref, **changes):
    release = dataclasses.replace(releases.get(store, ref), **changes)
    return releases.update(store, release)


def test_exporting_unchanged_content_twice_keeps_its_number(store, tmp_path):
    ref = releases.create(store, sample_release()).reference
    _, first = exporting.export_release(store, ref, tmp_path / "a.docx")
    _, second = exporting.export_release(store, ref, tmp_path / "b.docx")
    assert (first, second) == (1, 1)
    assert _header(tmp_path / "b.docx")[-1] == "DRAFT — NOT FOR PUBLICATION — version 1"
    [v] = versions.list_versions(store, ref)
    assert v.reason == "exported"


def test_a_change_then_an_event_makes_the_next_version(store, tmp_path):
    ref = releases.create(store, sample_release()).reference
    exporting.export_release(store, ref, tmp_path / "a.docx")
    _edit(store, ref, headline="A different headline")
    assert versions.current_version(store, ref) is None  # changed since version 1
    workflow.set_status(store, ref, "in_review", "officer")
    _, number = exporting.export_release(store, ref, tmp_path / "b.docx")
    workflow.set_status(store, ref, "approved", "A. Approver")
    workflow.set_status(store, ref, "issued", "officer")
    found = versions.list_versions(store, ref)
    assert [v.number for v in found] == [1, 2] and number == 2
    assert found[1].reason == "submitted; exported; approved by A. Approver; issued"
    assert found[1].status == "issued"
    # Issued once: the workflow still knows, though no version was added for it.
    workflow.set_status(store, ref, "withdrawn")
    with pytest.raises(UserError, match="was issued"):
        workflow.set_status(store, ref, "draft")


def test_status_and_tags_are_not_content(store, tmp_path):
    ref = releases.create(store, sample_release()).reference
    workflow.set_status(store, ref, "in_review")
    workflow.set_status(store, ref, "draft")
    _edit(store, ref, tags=["new tag"])
    workflow.set_status(store, ref, "in_review")
    assert [v.number for v in versions.list_versions(store, ref)] == [1]


def test_withdrawing_and_reopening_make_no_version(store):
    ref = releases.create(store, sample_release()).reference
    workflow.set_status(store, ref, "withdrawn")
    workflow.set_status(store, ref, "draft")
    assert versions.list_versions(store, ref) == []


def test_a_withdrawn_release_exports_marked(store, tmp_path):
    ref = releases.create(store, sample_release()).reference
    workflow.set_status(store, ref, "withdrawn")
    exporting.export_release(store, ref, tmp_path / "w.docx")
    assert _header(tmp_path / "w.docx")[-1] == "WITHDRAWN — NOT FOR PUBLICATION"


def test_boilerplate_text_is_part_of_the_content(store, tmp_path):
    boilerplate.save(store, "about", "About us", "We protect children.")
    from ceopdesk.core.domain import Note

    ref = releases.create(
        store, sample_release(notes=[Note("", "", boilerplate="about")])
    ).reference
    exporting.export_release(store, ref, tmp_path / "a.docx")
    boilerplate.save(store, "about", "About us", "We protect children online.")
    _, number = exporting.export_release(store, ref, tmp_path / "b.docx")
    assert number == 2
    assert versions.get_version(store, ref, 1).notes[0].text == "We protect children."
    [part] = versions.diff(store, ref, 1, 2)
    assert part.part == "notes[0]"
    assert [(r.old, r.new) for r in part.runs if r.changed] == [("", " online")]


def test_diff_names_the_changed_parts_word_by_word(store, tmp_path):
    ref = releases.create(store, sample_release()).reference
    workflow.set_status(store, ref, "in_review")
    workflow.set_status(store, ref, "draft")
    release = releases.get(store, ref)
    release.sections[0] = TextSection("Figures:\n\n- 1,309 children\n- 486 arrests")
    releases.update(store, release)
    workflow.set_status(store, ref, "in_review")
    [part] = versions.diff(store, ref, 1, 2)
    assert (part.part, part.label) == ("sections[0]", "Section 1")
    assert [(r.old, r.new) for r in part.runs if r.changed] == [("204", "309")]
    assert versions.diff(store, ref, 2, 2) == []
    with pytest.raises(UserError, match="has no version 7"):
        versions.diff(store, ref, 1, 7)


def test_restore_puts_an_old_version_back_into_the_draft(store):
    ref = releases.create(store, sample_release()).reference
    workflow.set_status(store, ref, "in_review")
    workflow.set_status(store, ref, "approved", "A. Approver")
    _edit(store, ref, headline="Rewritten after approval")
    restored = versions.restore(store, ref, 1)
    assert restored.status == "draft"
    assert restored.headline == "Record number of children safeguarded"
    assert versions.current_version(store, ref) == 1


def test_an_export_carries_its_identity(store, tmp_path):
    ref = releases.create(store, sample_release()).reference
    exporting.export_release(store, ref, tmp_path / "a.docx")
    identity = read_identity(docx.Document(str(tmp_path / "a.docx")))
    release = releases.get(store, ref)
    assert identity is not None
    assert (identity.reference, identity.version) == (ref, 1)
    assert identity.content_hash == versions.content_hash(release)


def test_a_failed_commit_leaves_the_previous_file_and_no_version(store, tmp_path, monkeypatch):
    ref = releases.create(store, sample_release()).reference
    target = tmp_path / "r.docx"
    target.write_bytes(b"the file sent yesterday")

    def failing_commit(self):
        raise RuntimeError("disk full during commit")

    from sqlalchemy.orm import Session

    monkeypatch.setattr(Session, "commit", failing_commit)
    with pytest.raises(RuntimeError):
        exporting.export_release(store, ref, target)
    monkeypatch.undo()
    assert target.read_bytes() == b"the file sent yesterday"
    assert versions.list_versions(store, ref) == []
    assert [p.name for p in tmp_path.iterdir() if "docx" in p.name] == ["r.docx"]


def test_a_failed_commit_with_no_previous_file_leaves_no_file(store, tmp_path, monkeypatch):
    ref = releases.create(store, sample_release()).reference
    from sqlalchemy.orm import Session

    monkeypatch.setattr(Session, "commit", lambda self: (_ for _ in ()).throw(OSError("full")))
    with pytest.raises(OSError):
        exporting.export_release(store, ref, tmp_path / "new.docx")
    monkeypatch.undo()
    assert not (tmp_path / "new.docx").exists()
    assert versions.list_versions(store, ref) == []


def test_a_file_that_cannot_be_replaced_changes_nothing(store, tmp_path, monkeypatch):
    ref = releases.create(store, sample_release()).reference
    target = tmp_path / "r.docx"
    target.write_bytes(b"open in Word")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(exporting.os, "replace", refuse)
    with pytest.raises(UserError, match="close it if another program has it open"):
        exporting.export_release(store, ref, target)
    monkeypatch.undo()
    assert target.read_bytes() == b"open in Word"
    assert versions.list_versions(store, ref) == []
