"""Legal and guidance restrictions, as transparent heuristics.

Each finding names the rule and where the restriction comes from. They are
warnings that a person overrides only with a recorded reason: the heuristics
look for a likely name near telling words, and a person must judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import Context
from .finding import Finding, Part
from .text import Span, any_word, child_ages, names, sentences

SEXUAL = any_word(
    (
        "sexual",
        "sexually",
        "rape",
        "raped",
        "indecent",
        "grooming",
        "groomed",
        "sextortion",
        "abuse images",
        "sexual exploitation",
        "sex offence",
        "sex offences",
        "sexual assault",
        "molested",
        "incest",
    )
)
VICTIM = any_word(
    (
        "victim",
        "victims",
        "complainant",
        "survivor",
        "abused",
        "groomed",
        "raped",
        "assaulted",
        "exploited",
        "targeted",
        "was abused",
        "was attacked",
    )
)
ARREST = any_word(
    (
        "arrested",
        "released under investigation",
        "RUI",
        "bailed",
        "on bail",
        "in custody",
        "detained",
        "held on suspicion",
    )
)
CHARGED = any_word(
    (
        "charged",
        "convicted",
        "sentenced",
        "jailed",
        "pleaded",
        "found guilty",
        "imprisoned",
        "cautioned",
    )
)
COURT = any_word(
    (
        "court",
        "trial",
        "magistrates",
        "jury",
        "hearing",
        "sentenced",
        "remanded",
        "prosecution",
        "prosecuted",
        "appeared at",
        "appear at",
    )
)
PRE_VERDICT = any_word(
    (
        "guilty",
        "confessed",
        "confession",
        "admitted",
        "previous convictions",
        "criminal record",
        "known to police",
        "serial offender",
    )
)
VERDICT = any_word(
    (
        "convicted",
        "found guilty",
        "pleaded guilty",
        "sentenced",
        "jailed",
        "admitted the offences",
        "admitted the charges",
        "imprisoned",
    )
)
# Someone named in a role speaks for an organisation; they are not the subject.
ROLE_BEFORE = re.compile(
    r"(?:Detective|Sergeant|Inspector|Constable|Superintendent|Officer|"
    r"Director|Minister|Chief|Commander|Judge|Dr|said|says)\W*$"
)

SOURCES = {
    "legal.complainant-named": (
        "May name the complainant of a sexual offence: complainants have anonymity for life "
        "(Sexual Offences (Amendment) Act 1992, s.1). Remove the name and anything that "
        "could identify them."
    ),
    "legal.uncharged-named": (
        "Names a person arrested, released under investigation or on bail but not charged: "
        "the College of Policing's guidance on media relations (Authorised Professional "
        "Practice) is not to name people before charge, save in exceptional circumstances."
    ),
    "legal.child-named-court": (
        "Names someone under 18 in a release that mentions a court: youth court proceedings "
        "carry automatic reporting restrictions (Children and Young Persons Act 1933, s.49) "
        "and other courts can order them (s.39)."
    ),
    "legal.pre-verdict": (
        "Words that presume guilt about a person who is charged but not yet tried risk "
        "contempt of court (Contempt of Court Act 1981, strict liability rule): "
        "say only what the charge is."
    ),
}


def check(ctx: Context) -> Iterator[Finding]:
    parts = [p for p in ctx.parts if p.kind != "contact"]
    story = ctx.whole_text
    about_sex = bool(SEXUAL.search(story))
    about_court = bool(COURT.search(story))
    charged_text = CHARGED.search(story) is not None
    charged_pre_verdict = bool(re.search(r"\bcharged\b", story, re.I)) and not VERDICT.search(story)
    for part in parts:
        masked = ctx.masked[part.name]
        for sentence in sentences(masked):
            people = [
                n
                for n in names(masked, sentence.start, sentence.end)
                if _is_subject(ctx, masked, n)
            ]
            if people:
                ages = child_ages(sentence.text)
                if about_sex and (ages or VICTIM.search(sentence.text)):
                    yield _named(ctx, "legal.complainant-named", part, people[0])
                if about_court and ages:
                    yield _named(ctx, "legal.child-named-court", part, people[0])
                if ARREST.search(sentence.text) and not (
                    CHARGED.search(sentence.text)
                    or _charged_elsewhere(ctx, people[0], charged_text)
                ):
                    yield _named(ctx, "legal.uncharged-named", part, people[0])
            if charged_pre_verdict:
                for m in PRE_VERDICT.finditer(sentence.text):
                    start = sentence.start + m.start()
                    yield ctx.finding(
                        "legal.pre-verdict",
                        part,
                        start,
                        start + len(m.group()),
                        f'"{m.group()}": {SOURCES["legal.pre-verdict"]}',
                    )


def _named(ctx: Context, rule: str, part: Part, person: Span) -> Finding:
    return ctx.finding(rule, part, person.start, person.end, f"{person.text}: {SOURCES[rule]}")


def _is_subject(ctx: Context, masked: str, person: Span) -> bool:
    """False for the release's own speakers and for people named with their role."""
    if person.text in ctx.speakers:
        return False
    return not ROLE_BEFORE.search(masked[max(0, person.start - 40) : person.start])


def _charged_elsewhere(ctx: Context, person: Span, any_charged: bool) -> bool:
    if not any_charged:
        return False
    surname = person.text.split()[-1]
    for part in ctx.parts:
        for sentence in sentences(ctx.masked[part.name]):
            if surname in sentence.text and CHARGED.search(sentence.text):
                return True
    return False
