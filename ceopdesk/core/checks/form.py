"""Lengths and form: headline and standfirst lengths, long sentences, -ise/-ize,
doubled words, double spaces and a space before punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import Context
from .finding import Finding, Part
from .text import sentences, words

_DOUBLED = re.compile(r"\b([A-Za-z]+)(\s+)(\1)\b", re.I)
_ALLOWED_DOUBLES = frozenset({"had", "that", "is"})
_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[\w\"”’)])[ \t]+(?=[.,;:!?](?:\s|$))")
_IZE = re.compile(r"\b([A-Za-z]{3,})i([sz])(e|es|ed|ing|ation|ations|er|ers)\b")
# Words that end in -ize/-ise whatever the house style.
_FIXED_IZE = frozenset(
    {
        "capsize",
        "seize",
        "assize",
        "prize",
        "baize",
        "maize",
        "size",
        "downsize",
        "outsize",
        "oversize",
        "resize",
        "undersize",
        "belize",
    }
)
_FIXED_ISE = frozenset(
    {
        "advertise",
        "advise",
        "apprise",
        "arise",
        "chastise",
        "circumcise",
        "comprise",
        "compromise",
        "demise",
        "despise",
        "devise",
        "disguise",
        "enterprise",
        "excise",
        "exercise",
        "expertise",
        "franchise",
        "improvise",
        "incise",
        "merchandise",
        "premise",
        "promise",
        "revise",
        "supervise",
        "surmise",
        "surprise",
        "televise",
        "treatise",
        "otherwise",
        "likewise",
        "clockwise",
        "concise",
        "precise",
        "noise",
        "raise",
        "praise",
        "poise",
        "cruise",
        "bruise",
        "guise",
        "wise",
        "rise",
        "sunrise",
        "anticlockwise",
        "paradise",
        "reprise",
        "mortise",
        "porpoise",
        "tortoise",
        "turquoise",
        "valise",
        "cerise",
        "ise",
        "promises",
        "premises",
    }
)


def check(ctx: Context) -> Iterator[Finding]:
    yield from _lengths(ctx)
    yield from _ise_ize(ctx)
    for part in ctx.parts:
        if part.kind == "contact":
            continue
        masked = ctx.masked[part.name]
        for m in _DOUBLED.finditer(masked):
            if m.group(1).lower() in _ALLOWED_DOUBLES or "\n" in m.group(2):
                continue
            yield ctx.finding(
                "form.doubled-word",
                part,
                m.start(),
                m.end(),
                f'"{m.group(1)}" twice in a row.',
                m.group(1),
            )
        for m in _DOUBLE_SPACE.finditer(part.text):
            yield ctx.finding(
                "form.double-space",
                part,
                m.start() - 1,
                m.end() + 1,
                "Two spaces where one will do.",
                part.text[m.start() - 1] + " " + part.text[m.end()],
            )
        for m in _SPACE_BEFORE_PUNCT.finditer(part.text):
            punct = part.text[m.end()]
            yield ctx.finding(
                "form.space-before-punctuation",
                part,
                m.start(),
                m.end() + 1,
                f'A space before "{punct}".',
                punct,
            )


def _lengths(ctx: Context) -> Iterator[Finding]:
    limits = ctx.rules.lengths
    for part in ctx.parts:
        text = part.text.strip()
        if part.kind == "headline" and text:
            start = len(part.text) - len(part.text.lstrip())
            if len(text) > limits.headline_chars:
                yield ctx.finding(
                    "lengths.headline-chars",
                    part,
                    start,
                    start + len(text),
                    f"The headline is {len(text)} characters; keep it to "
                    f"{limits.headline_chars} (GOV.UK's limit, so it shows whole in search results).",
                )
            count = len(words(text))
            if not limits.headline_words_min <= count <= limits.headline_words_max:
                yield ctx.finding(
                    "lengths.headline-words",
                    part,
                    start,
                    start + len(text),
                    f"The headline has {count} words; the house ideal is "
                    f"{limits.headline_words_min} to {limits.headline_words_max}.",
                )
        elif part.kind == "standfirst" and len(text) > limits.standfirst_chars:
            start = len(part.text) - len(part.text.lstrip())
            yield ctx.finding(
                "lengths.standfirst-chars",
                part,
                start,
                start + len(text),
                f"The standfirst is {len(text)} characters; keep it to "
                f"{limits.standfirst_chars} so it can stand as the summary.",
            )
        if part.kind in ("standfirst", "text", "quote"):
            for sentence in sentences(ctx.masked[part.name]):
                count = len(words(sentence.text))
                if count > limits.sentence_words:
                    yield ctx.finding(
                        "lengths.sentence-words",
                        part,
                        sentence.start,
                        sentence.end,
                        f"A sentence of {count} words; over {limits.sentence_words} is hard "
                        "to take in at one reading. Split it.",
                    )


def _ise_ize(ctx: Context) -> Iterator[Finding]:
    found: list[tuple[Part, re.Match[str]]] = []
    for part in ctx.parts:
        if part.kind == "contact":
            continue
        for m in _IZE.finditer(ctx.masked[part.name]):
            base = (m.group(1) + "i" + m.group(2) + "e").lower()
            if base in _FIXED_IZE or base in _FIXED_ISE or m.group(0).lower() in _FIXED_ISE:
                continue
            found.append((part, m))
    style = ctx.rules.ise_ize
    if style == "either":
        counts = {"s": 0, "z": 0}
        for _p, m in found:
            counts[m.group(2).lower()] += 1
        if not (counts["s"] and counts["z"]):
            return
        style = "ise" if counts["s"] >= counts["z"] else "ize"
    wrong, right = ("z", "s") if style == "ise" else ("s", "z")
    for part, m in found:
        if m.group(2).lower() != wrong:
            continue
        fixed = m.group(0)[: m.start(2) - m.start()] + right + m.group(0)[m.end(2) - m.start() :]
        message = f'"{m.group()}": house style spells it with -i{right}e ("{fixed}").'
        yield ctx.finding("form.ise-ize", part, m.start(), m.end(), message, fixed)
