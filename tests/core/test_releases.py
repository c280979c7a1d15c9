from datetime import date

import pytest

from ceopdesk.core import settings
from ceopdesk.core.audit import events_for
from ceopdesk.core.domain import Note, QuoteSection, TextSection
from ceopdesk.core.errors import UserError
from ceopdesk.core.releases import boilerplate, workflow
from ceopdesk.core.releases import service as releases
from tests.helpers import sample_release


def test_create_assigns_reference_from_prefix_and_year(store):
    cfg = settings.load(store)
    cfg.reference_prefix = "npa"
    settings.save(store, cfg)
    first = releases.create(store, sample_release())
    second = releases.create(store, sample_release(release_date=date(2026, 1, 2)))
    other_year = releases.create(store, sample_release(release_date=date(2025, 1, 2)))
    assert (first.reference, second.reference, other_year.reference) == (
        "NPA-2026-001",
        "NPA-2026-002",
        "NPA-2025-001",
    )


def test_sections_and_notes_keep_their_order(store):
    boilerplate.save(store, "about", "About us", "We protect children.")
    release = sample_release(notes=[Note("One-off", "x"), Note("", "", boilerplate="about")])
    created = releases.create(store, release)
    again = releases.get(store, created.reference)
    assert [type(s) for s in again.sections] == [TextSection, QuoteSection, QuoteSection]
    assert [s.speaker for s in again.sections[1:]] == ["Helen Marsh", "Daniel Okafor"]
    assert [n.title for n in again.notes] == ["One-off", "About us"]
    assert again.notes[1].version == 1 and again.notes[1].boilerplate == "about"


def test_duplicate_reference_is_refused_and_an_empty_headline_waits_for_submission(store):
    releases.create(store, sample_release("CEOP-2026-010"))
    with pytest.raises(UserError, match="already exists"):
        releases.create(store, sample_release("CEOP-2026-010"))
    draft = releases.create(store, sample_release(headline="  "))
    assert releases.get(store, draft.reference).headline == ""
    with pytest.raises(
        UserError, match="cannot be submitted for approval yet: it needs a headline"
    ):
        workflow.set_status(store, draft.reference, "in_review")


def test_an_incomplete_draft_is_saved_as_typed_and_every_reason_listed_at_submission(store):
    draft = releases.create(store, sample_release("CEOP-2026-011"))
    draft.sections = [
        QuoteSection(speaker="", role=None, text="Agreed words."),
        TextSection(text="   "),
    ]
    draft.notes = [Note(title="", text="A note still to be named.")]
    releases.update(store, draft)
    stored = releases.get(store, draft.reference)
    assert stored.sections == draft.sections and stored.notes[0].text == "A note still to be named."
    with pytest.raises(UserError) as info:
        workflow.set_status(store, draft.reference, "in_review")
    assert str(info.value) == (
        "CEOP-2026-011 cannot be submitted for approval yet: quote 1 needs the name of the "
        "person quoted; section 2 is empty; note to editors 1 needs a title."
    )
    assert releases.get(store, draft.reference).status == "draft"


def test_unknown_boilerplate_key_is_refused_and_nothing_stored(store):
    with pytest.raises(UserError, match='no boilerplate note with the key "nope"'):
        releases.create(store, sample_release(notes=[Note("", "", boilerplate="nope")]))
    assert releases.list_releases(store) == []


def test_draft_follows_latest_boilerplate_and_flags_the_change(store):
    boilerplate.save(store, "about", "About us", "Old text.")
    ref = releases.create(
        store, sample_release(notes=[Note("", "", boilerplate="about")])
    ).reference
    boilerplate.save(store, "about", "About us", "New text.")
    draft = releases.get(store, ref)
    assert draft.notes[0].text == "New text."
    assert draft.notes[0].is_stale and draft.notes[0].latest_version == 2
    taken = releases.take_latest_boilerplate(store, ref, "about")
    assert not taken.notes[0].is_stale


def test_approval_pins_boilerplate_and_issued_keeps_its_text(store):
    boilerplate.save(store, "about", "About us", "Version one.")
    ref = releases.create(
        store, sample_release(notes=[Note("", "", boilerplate="about")])
    ).reference
    workflow.set_status(store, ref, "in_review")
    workflow.set_status(store, ref, "approved", "A. Approver", "fine")
    boilerplate.save(store, "about", "About us", "Version two.")
    assert releases.get(store, ref).notes[0].text == "Version one."
    workflow.set_status(store, ref, "issued")
    issued = releases.get(store, ref)
    assert issued.notes[0].text == "Version one." and issued.status == "issued"
    uses = boilerplate.usages(store, "about")
    assert [(u.reference, u.version) for u in uses] == [(ref, 1)]


def test_editing_an_approved_release_voids_the_approval(store):
    ref = releases.create(store, sample_release()).reference
    workflow.set_status(store, ref, "in_review")
    approved = workflow.set_status(store, ref, "approved", "A. Approver")
    assert approved.approved_by == "A. Approver"
    approved.headline = "A better headline for the release"
    edited = releases.update(store, approved)
    assert edited.status == "draft" and edited.approved_by is None
    actions = [e.action for e in events_for(store, f"release:{ref}")]
    assert "release.approval_voided" in actions


def test_issued_release_is_read_only(store):
    ref = releases.create(store, sample_release()).reference
    for status in ("in_review", "approved", "issued"):
        workflow.set_status(store, ref, status)
    release = releases.get(store, ref)
    release.headline = "Changed"
    with pytest.raises(UserError, match="issued and can no longer be edited"):
        releases.update(store, release)
    assert releases.get(store, ref).headline == "Record number of children safeguarded"


@pytest.mark.parametrize(
    ("path", "target", "reason"),
    [
        ([], "approved", "submit it for approval first"),
        ([], "issued", "only an approved release can be issued"),
        (["in_review", "approved", "issued"], "draft", "read-only"),
        (["in_review", "approved", "issued", "withdrawn"], "draft", "was issued before"),
        ([], "draft", "already draft"),
    ],
)
def test_invalid_transitions_are_refused_with_a_reason(store, path, target, reason):
    ref = releases.create(store, sample_release()).reference
    for status in path:
        workflow.set_status(store, ref, status)
    before = releases.get(store, ref)
    with pytest.raises(UserError, match=reason):
        workflow.set_status(store, ref, target)
    after = releases.get(store, ref)
    assert (after.status, after.version_count) == (before.status, before.version_count)


def test_allowed_moves_give_reasons(store):
    ref = releases.create(store, sample_release()).reference
    moves = workflow.allowed_moves(store, ref)
    assert moves["in_review"] is None and moves["withdrawn"] is None
    assert "submit it for approval first" in moves["approved"]


def test_full_text_search_is_accent_insensitive_and_prefix(store):
    releases.create(store, sample_release(headline="Zoë's campaign reaches schools"))
    releases.create(store, sample_release(headline="Court result in Manchester"))
    assert [r.headline for r in releases.list_releases(store, query="zoe")] == [
        "Zoë's campaign reaches schools"
    ]
    assert len(releases.list_releases(store, query="manch")) == 1
    assert len(releases.list_releases(store, query="Okafor")) == 2  # quotes are indexed
    assert releases.list_releases(store, query='" AND NEAR(') == []


def test_speakers_offered_for_completion(store):
    releases.create(store, sample_release())
    assert ("Helen Marsh", "Director of CEOP") in releases.speakers(store)


def test_autosave_edits_coalesce_into_one_audit_line(store):
    release = releases.create(store, sample_release())
    for word in ("one", "two", "three"):
        release.standfirst = word
        release = releases.update(store, release)
    edits = [
        e for e in events_for(store, f"release:{release.reference}") if e.action == "release.edit"
    ]
    assert len(edits) == 1
