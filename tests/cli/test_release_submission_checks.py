"""At submission: a blocking finding blocks; a legal warning needs a reason, which the
version and the audit trail keep."""

from datetime import date

import pytest

from ceopdesk.core import audit
from ceopdesk.core.checks import check_release
from ceopdesk.core.checks.submission import finding_key
from ceopdesk.core.errors import UserError
from ceopdesk.core.releases import service as releases
from ceopdesk.core.releases import versions, workflow
from tests.check_samples import PRESS_OFFICE, release

NAMED_VICTIM = "Emily Carter, 14, was groomed online by a man she met in a game."


def test_a_blocking_finding_stops_the_submission_and_changes_nothing(store):
    r = releases.create(store, release("Body.", release_date=None))
    with pytest.raises(UserError, match="no release date"):
        workflow.set_status(store, r.reference, "in_review")
    assert releases.get(store, r.reference).status == "draft"
    assert versions.list_versions(store, r.reference) == []


def test_a_rule_set_to_warning_no_longer_blocks(store):
    from ceopdesk.core.checks.rules import load, save

    rules = load(store)
    rules.severity["sense.no-release-date"] = "warning"
    save(store, rules)
    r = releases.create(store, release("Body.", release_date=None))
    assert workflow.set_status(store, r.reference, "in_review").status == "in_review"


def test_a_legal_warning_needs_a_reason_kept_in_the_version_and_the_audit_trail(store):
    r = releases.create(store, release(NAMED_VICTIM))
    with pytest.raises(UserError, match="legal warning at sections\\[0\\].*Emily Carter"):
        workflow.set_status(store, r.reference, "in_review")
    assert releases.get(store, r.reference).status == "draft"
    [legal] = [f for f in check_release(store, releases.get(store, r.reference)) if f.is_legal]
    reason = "Name and age are invented for the training pack; no real child."
    moved = workflow.set_status(
        store, r.reference, "in_review", "A. Officer", legal_reasons={finding_key(legal): reason}
    )
    assert moved.status == "in_review"
    [version] = versions.list_versions(store, r.reference)
    assert reason in version.reason and version.reason.startswith("submitted")
    [event] = [
        e
        for e in audit.events_for(store, f"release:{r.reference}")
        if e.action == "release.in_review"
    ]
    assert "legal.complainant-named" in event.detail and reason in event.detail
    assert event.user == "A. Officer"


def test_the_command_line_gives_one_reason_for_every_legal_warning(run, write_json):
    data = {
        "format": "ceopdesk.release/1",
        "headline": "Girl protected after online grooming case",
        "release_date": "2026-06-17",
        "sections": [{"type": "text", "text": NAMED_VICTIM}],
        "contact": {"name": "Press", "phone": "0870 000 3434"},
    }
    _, ref, _ = run("release", "import", str(write_json("r.json", data)))
    ref = ref.strip()
    code, _, err = run("release", "set-status", ref, "in_review")
    assert code == 1 and "Give a reason" in err
    code, out, err = run("release", "set-status", ref, "in_review", "--legal-reason", "Invented")
    assert (code, err) == (0, "") and "in review" in out
    _, listing, _ = run("release", "versions", ref)
    assert "Invented" in listing


def test_a_clean_release_is_submitted_without_a_word(store):
    r = releases.create(
        store, release("Body.", release_date=date(2026, 6, 17), contact=PRESS_OFFICE)
    )
    assert workflow.set_status(store, r.reference, "in_review").status == "in_review"
