"""Legal and guidance heuristics on releases written for them, and no false alarms on
the sample library (an annual review, an awareness campaign, a court result)."""

from pathlib import Path

import pytest

from ceopdesk.core.domain import STATUSES
from ceopdesk.core.paths import resource
from ceopdesk.core.releases.interchange import load_json_file, parse_release
from tests.check_samples import PRESS_OFFICE, release, rules_of


def legal(found):
    return [(f.rule, f.excerpt) for f in found if f.is_legal]


def test_a_named_child_victim_of_a_sexual_offence_is_flagged_with_the_act(findings):
    r = release("Emily Carter, 14, was groomed online by a man she met in a game.")
    [f] = [f for f in findings(r) if f.is_legal]
    assert (f.rule, f.excerpt, f.severity) == ("legal.complainant-named", "Emily Carter", "warning")
    assert "Sexual Offences (Amendment) Act 1992" in f.message


def test_a_first_name_with_an_age_counts_as_a_name(findings):
    r = release("The girl, who was sexually abused, was named as Sophie. Sophie, 13, told police.")
    assert legal(findings(r)) == [("legal.complainant-named", "Sophie")]


def test_a_named_victim_in_a_release_not_about_a_sexual_offence_is_not_this_rule(findings):
    r = release("Tom Hughes, a victim of fraud, lost his savings to a phone scam.")
    assert legal(findings(r)) == []


def test_an_officer_speaking_about_victims_is_not_a_complainant(findings):
    r = release(
        "Detective Sergeant Ann Booth said victims of sexual abuse should come forward.",
        quotes=(("Helen Marsh", "Director", "Every victim of sexual abuse matters."),),
    )
    assert legal(findings(r)) == []


def test_a_named_person_arrested_but_not_charged_cites_the_college_of_policing(findings):
    r = release("John Smith, of Leeds, was arrested on Tuesday and released under investigation.")
    [f] = [f for f in findings(r) if f.is_legal]
    assert (f.rule, f.excerpt) == ("legal.uncharged-named", "John Smith")
    assert "College of Policing" in f.message


def test_a_named_person_arrested_and_later_charged_is_not_flagged(findings):
    r = release("John Smith was arrested in May.", "Smith has since been charged with fraud.")
    assert legal(findings(r)) == []


def test_a_named_child_in_a_release_about_court_cites_the_1933_act(findings):
    r = release("Jack Evans, 15, appeared at Leeds Youth Court charged with robbery.")
    found = [f for f in findings(r) if f.rule == "legal.child-named-court"]
    assert [f.excerpt for f in found] == ["Jack Evans"]
    assert "Children and Young Persons Act 1933" in found[0].message


def test_pre_verdict_words_about_a_charged_person_are_flagged(findings):
    r = release(
        "Mark Dale has been charged with ten offences.",
        "Officers say he confessed and has previous convictions.",
    )
    assert legal(findings(r)) == [
        ("legal.pre-verdict", "confessed"),
        ("legal.pre-verdict", "previous convictions"),
    ]
    assert "contempt of court" in findings(r)[0].message


def test_after_a_verdict_guilty_is_plain_reporting(findings):
    r = release("Mark Dale was charged in May and found guilty at Leeds Crown Court.")
    assert legal(findings(r)) == []


SAMPLES = sorted(resource("sample").glob("*.json"))


@pytest.mark.parametrize(
    "path", [p for p in SAMPLES if p.name != "boilerplate.json"], ids=lambda p: Path(p).stem
)
def test_the_sample_library_has_no_findings_at_all(findings, path):
    r = parse_release(load_json_file(path), path.name, STATUSES)
    boilerplate = {
        i["key"]: i for i in load_json_file(resource("sample", "boilerplate.json"))["items"]
    }
    for note in r.notes:
        if note.boilerplate:
            note.title, note.text = (
                boilerplate[note.boilerplate]["title"],
                boilerplate[note.boilerplate]["text"],
            )
    found = findings(r, contact=PRESS_OFFICE, spelling_on=True)
    assert rules_of(found) == []
