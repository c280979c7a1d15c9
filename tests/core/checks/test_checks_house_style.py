"""Terms to avoid (and their exemptions), acronyms on first use, lengths and form."""

from ceopdesk.core.checks.rules import defaults
from tests.check_samples import release, rules_of


def test_a_term_to_avoid_gives_the_preferred_wording_the_reason_and_a_fix(findings):
    r = release("Police seized child pornography from his home.")
    [f] = findings(r)
    assert (f.rule, f.part, f.excerpt) == ("terms.avoid", "sections[0]", "child pornography")
    assert '"child sexual abuse images"' in f.message and "consent" in f.message
    assert r.sections[0].text[f.start : f.end] == "child pornography"
    assert f.fix == "child sexual abuse images"


def test_a_term_keeps_its_capital_in_the_fix_and_matches_across_a_line_break(findings):
    [f] = findings(release("Child\nprostitution is a term we no longer use."))
    assert f.fix == "Child sexual exploitation"


def test_a_term_in_quotation_marks_in_running_text_is_not_flagged(findings):
    r = release(
        'The material is not "child pornography": it records abuse.',
        "Offenders call it ‘child porn’.",
    )
    assert findings(r) == []


def test_a_term_in_a_note_about_the_term_is_not_flagged_but_in_another_note_it_is(findings):
    terminology = ("A note on terminology", "We do not say child pornography, because...")
    other = ("About CEOP", "We remove child pornography from the internet.")
    found = findings(release("Body.", notes=(terminology, other)))
    assert [(f.rule, f.part) for f in found] == [("terms.avoid", "notes[1]")]


def test_the_longer_term_is_reported_once_not_again_for_the_shorter_one(findings):
    found = findings(release("A paedophile ring was broken up."))
    assert [f.excerpt for f in found] == ["paedophile ring"]


def test_an_acronym_must_stand_beside_its_expansion_on_first_use(findings):
    r = release("The NCA led the work. Later the NCA said more.")
    [f] = findings(r)
    assert (f.rule, f.part, f.excerpt) == ("acronyms.first-use", "sections[0]", "NCA")
    assert f.start == 4 and f.fix == "National Crime Agency (NCA)"


def test_an_acronym_explained_on_first_use_either_way_round_passes(findings):
    assert findings(release("The National Crime Agency (NCA) led. The NCA said so.")) == []
    assert findings(release("CPS, the Crown Prosecution Service, agreed.")) == []


def test_the_headline_may_use_an_acronym_the_standfirst_then_explains(findings):
    r = release(
        headline="NCA leads national operation against offenders",
        standfirst="The National Crime Agency (NCA) led it.",
    )
    assert findings(r) == []


def test_a_possessive_first_use_is_flagged_without_a_broken_fix(findings):
    [f] = findings(release("CEOP's officers found them."))
    assert f.rule == "acronyms.first-use" and f.fix is None


def test_the_400_character_headline_fails_both_headline_lengths(findings):
    found = findings(release(headline="word " * 80))
    assert {"lengths.headline-chars", "lengths.headline-words"} <= set(rules_of(found))


def test_headline_words_standfirst_and_sentence_limits_come_from_the_rules(findings):
    long_sentence = " ".join(["alpha", "beta"] * 16) + "."
    r = release(long_sentence, headline="Short headline", standfirst="x" * 161)
    assert rules_of(findings(r)) == [
        "lengths.headline-words",
        "lengths.standfirst-chars",
        "lengths.sentence-words",
    ]
    rules = defaults()
    rules.lengths.headline_words_min, rules.lengths.standfirst_chars = 2, 200
    rules.lengths.sentence_words = 40
    assert findings(r, rules) == []


def test_ize_spellings_are_flagged_under_the_house_ise_style_with_the_fix(findings):
    [f] = findings(release("Officers organized the operation. The size of it was seized on."))
    assert (f.rule, f.excerpt, f.fix) == ("form.ise-ize", "organized", "organised")


def test_either_style_flags_only_the_minority_spelling(findings):
    rules = defaults()
    rules.ise_ize = "either"
    r = release("They organised it, recognised it, and realized it.")
    assert [f.excerpt for f in findings(r, rules)] == ["realized"]
    assert findings(release("They organized it and realized it."), rules) == []


def test_the_issue_example_doubled_word_and_space_before_the_full_stop(findings):
    r = release("Children were safeguarded by the the Centre .")
    found = findings(r)
    assert rules_of(found) == ["form.doubled-word", "form.space-before-punctuation"]
    text = r.sections[0].text
    for f in reversed(found):
        text = text[: f.start] + f.fix + text[f.end :]
    assert text == "Children were safeguarded by the Centre."


def test_double_spaces_are_flagged_and_fixed_but_not_line_breaks(findings):
    r = release("Two  spaces here.\n\nA new paragraph is fine.")
    [f] = findings(r)
    assert f.rule == "form.double-space" and f.fix == "o s"
    assert r.sections[0].text[f.start : f.end] == "o  s"


def test_a_rule_switched_off_reports_nothing(findings):
    rules = defaults()
    rules.off.append("form.doubled-word")
    assert findings(release("by the the Centre"), rules) == []
