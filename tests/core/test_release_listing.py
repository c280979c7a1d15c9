"""The lists (plain sqlite3) say what the store holds, as the ORM reads it."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from ceopdesk.core.domain import Boilerplate, ReleaseSummary, as_status
from ceopdesk.core.models import BoilerplateRow, ReleaseRow
from ceopdesk.core.releases import boilerplate, listing, workflow
from ceopdesk.core.releases import service as releases
from tests.helpers import sample_release

LONDON = ZoneInfo("Europe/London")


def _stored(store, status=None) -> list[ReleaseSummary]:
    """The summaries as SQLAlchemy's models read them (types, time zones), newest first."""
    with store.read_session() as s:
        stmt = select(ReleaseRow).order_by(ReleaseRow.updated.desc())
        if status:
            stmt = stmt.where(ReleaseRow.status == status)
        return [
            ReleaseSummary(
                r.id,
                r.reference,
                r.headline,
                as_status(r.status),
                r.embargo,
                r.release_date,
                r.updated,
            )
            for r in s.scalars(stmt)
        ]


def _fill(store) -> None:
    releases.create(store, sample_release("R-DRAFT", headline="Draft about grooming"))
    releases.create(
        store,
        sample_release(
            "R-NO-DATES", headline="Draft without dates", embargo=None, release_date=None
        ),
    )
    summer = datetime(2026, 7, 1, 0, 1, tzinfo=LONDON)  # BST: 23:01 UTC the day before
    releases.create(store, sample_release("R-APPROVED", headline="Approved", embargo=summer))
    for target in ("in_review", "approved"):
        workflow.set_status(store, "R-APPROVED", target, "Approver")
    releases.create(store, sample_release("R-ISSUED", headline="Issued grooming figures"))
    for target in ("in_review", "approved", "issued"):
        workflow.set_status(store, "R-ISSUED", target, "Approver")
    releases.create(store, sample_release("R-WITHDRAWN", headline="Withdrawn"))
    workflow.set_status(store, "R-WITHDRAWN", "withdrawn")


def test_the_listing_agrees_with_the_store_for_every_status_and_embargo(store):
    _fill(store)
    listed = listing.list_releases(store)
    assert listed == _stored(store)
    assert [r.reference for r in listed] == [
        "R-WITHDRAWN",
        "R-ISSUED",
        "R-APPROVED",
        "R-NO-DATES",
        "R-DRAFT",
    ]
    by_ref = {r.reference: r for r in listed}
    assert by_ref["R-APPROVED"].embargo == datetime(2026, 6, 30, 23, 1, tzinfo=UTC)
    assert by_ref["R-APPROVED"].embargo.tzinfo is UTC
    assert by_ref["R-DRAFT"].release_date == date(2026, 6, 17)
    assert by_ref["R-NO-DATES"].embargo is None and by_ref["R-NO-DATES"].release_date is None
    assert by_ref["R-ISSUED"].updated == releases.get(store, "R-ISSUED").updated
    for status in ("draft", "in_review", "approved", "issued", "withdrawn"):
        assert listing.list_releases(store, status=status) == _stored(store, status)
    assert [r.status for r in listing.list_releases(store, status="approved")] == ["approved"]


def test_a_search_lists_the_stored_summaries_best_match_first(store):
    _fill(store)
    stored = {r.reference: r for r in _stored(store)}
    found = listing.list_releases(store, query="grooming")
    assert {r.reference for r in found} == {"R-DRAFT", "R-ISSUED"}
    assert found == [stored[r.reference] for r in found]
    assert listing.list_releases(store, status="issued", query="grooming") == [stored["R-ISSUED"]]
    assert listing.list_releases(store, status="approved", query="grooming") == []
    assert listing.list_releases(store, query="nothing-like-this") == []
    assert listing.list_releases(store, query="!!") == listing.list_releases(store)


def test_the_app_and_the_command_line_list_through_the_same_function():
    assert releases.list_releases is listing.list_releases


def test_the_boilerplate_list_gives_each_note_at_its_latest_version(store):
    boilerplate.save(store, "about-us", "About us", "First words.")
    boilerplate.save(store, "about-us", "About us now", "Second words.")
    boilerplate.save(store, "a-helpline", "Helpline", "Call us.")
    with store.read_session() as s:
        stored = [
            Boilerplate(
                r.key, r.versions[-1].title, r.versions[-1].text, len(r.versions), r.updated
            )
            for r in s.scalars(select(BoilerplateRow).order_by(BoilerplateRow.key))
        ]
    listed = listing.list_boilerplate(store)
    assert listed == stored
    assert [(b.key, b.version, b.text) for b in listed] == [
        ("a-helpline", 1, "Call us."),
        ("about-us", 2, "Second words."),
    ]
    assert listed[0].updated.tzinfo is UTC
    assert boilerplate.list_all is listing.list_boilerplate
