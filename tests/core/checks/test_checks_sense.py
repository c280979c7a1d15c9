"""Plain sense: release date, embargo, contact block, quotes, empty sections, links."""

from datetime import UTC, date, datetime

from ceopdesk.core.domain import ContactBlock
from tests.check_samples import release, rules_of


def test_no_release_date_blocks(findings):
    [f] = findings(release("Body.", release_date=None))
    assert (f.rule, f.part, f.severity) == ("sense.no-release-date", "release_date", "block")


def test_an_embargo_lifting_before_the_release_date_blocks(findings):
    r = release(
        "Body.", release_date=date(2026, 6, 17), embargo=datetime(2026, 6, 15, 23, 30, tzinfo=UTC)
    )
    [f] = findings(r)
    assert (f.rule, f.part, f.severity) == ("sense.embargo-before-date", "embargo", "block")
    assert "16 June 2026" in f.message


def test_an_embargo_on_the_release_date_in_london_time_passes(findings):
    # 23:30 UTC on the 16th is 00:30 BST on the 17th, the release date
    r = release(
        "Body.", release_date=date(2026, 6, 17), embargo=datetime(2026, 6, 16, 23, 30, tzinfo=UTC)
    )
    assert findings(r) == []


def test_an_embargo_already_past_is_reported_for_a_draft_not_an_issued_release(findings):
    r = release("Body.", embargo=datetime(2026, 6, 17, 9, 0, tzinfo=UTC))
    later = datetime(2026, 6, 18, tzinfo=UTC)
    assert rules_of(findings(r, now=later)) == ["sense.embargo-past"]
    r.status = "issued"
    assert findings(r, now=later) == []


def test_a_contact_block_without_phone_or_email_blocks(findings):
    [f] = findings(release("Body.", contact=ContactBlock("CEOP Press Office", web="www.x.uk")))
    assert (f.rule, f.part, f.severity) == ("sense.contact-incomplete", "contact", "block")
    assert findings(release("Body.", contact=ContactBlock("Press", email="p@x.uk"))) == []


def test_a_release_using_the_settings_contact_is_checked_against_it(findings):
    r = release("Body.", contact=None)
    assert rules_of(findings(r)) == ["sense.contact-incomplete"]
    assert findings(r, contact=ContactBlock("Press", phone="0870 000 3434")) == []


def test_a_quote_without_role_or_speaker_and_an_empty_section(findings):
    r = release(" ", quotes=(("Helen Marsh", None, "We act."), ("", "Director", "We act.")))
    assert [(f.rule, f.part) for f in findings(r)] == [
        ("sense.empty-section", "sections[0]"),
        ("sense.quote-no-role", "sections[1]"),
        ("sense.quote-no-speaker", "sections[2]"),
    ]


def test_a_plain_http_link_is_flagged_with_the_https_fix(findings):
    r = release("See [the report](http://www.ceop.police.uk/report) now.")
    [f] = findings(r)
    assert (f.rule, f.excerpt, f.fix) == (
        "sense.link-not-https",
        "http://www.ceop.police.uk/report",
        "https://www.ceop.police.uk/report",
    )
    assert r.sections[0].text[f.start : f.end] == f.excerpt


def test_a_link_to_a_retired_domain_is_flagged_even_bare(findings):
    r = release("Visit www.ceop.gov.uk/help or https://ceop.police.uk/help.")
    [f] = findings(r)
    assert (f.rule, f.excerpt) == ("sense.link-retired-domain", "www.ceop.gov.uk/help")
