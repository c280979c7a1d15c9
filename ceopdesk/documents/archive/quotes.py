"""Attributed quotes in the three ways releases write them.

1. An attribution line, then the quoted paragraph(s):
   ``Peter Davies, Chief Executive of CEOP, said:``
2. A sentence naming the speaker, ending the same way:
   ``Launching the figures, Jim Gamble, Chief Executive of CEOP, commented:``
3. The speaker after the quote: ``"…," said Jim Gamble, Chief Executive.``

Every quoted paragraph that follows (each opening with a quotation mark, as
house style writes a quote running over several paragraphs) joins the same
quote. The text is kept without its quotation marks.
"""

from __future__ import annotations

import re

from ceopdesk.core.domain import QuoteSection

from ..blocks import Run
from ..source import SourceParagraph
from .inline import runs_to_markdown

OPEN = "\"“‘'„«"
CLOSE = "\"”’'»"
_VERBS = r"(?:said|says|commented|added|explained|stated|continued|warned|urged|responded|remarked)"
_ATTRIBUTION = re.compile(r"^(?P<lead>.+?),?\s+" + _VERBS + r"\s*[:.,]?\s*$", re.IGNORECASE)
# '…," said Name, Role.'  /  '…," Name, Role, said.'
_AFTER = re.compile(
    r"^["
    + OPEN
    + r"](?P<quote>.+?)["
    + CLOSE
    + r"]\s*,?\s*(?:"
    + _VERBS
    + r"\s+(?P<who>[^\"“”]+?)|(?P<who2>[^\"“”]+?),?\s+"
    + _VERBS
    + r")"
    r"\s*\.\s*(?P<more>[" + OPEN + r"].*)?$",
    re.IGNORECASE | re.DOTALL,
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’\-]+|[A-Z]\.|(?:de|van|von|der|da|di|le|la|du|bin|al)$)")
_TITLES = re.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|Rt\.? Hon|"
    r"DCI|DI|DS|DC|Det|Supt|Ch Supt|Chief Constable|Commander|Councillor|Cllr)\.?\s+"
)


def opens_quote(text: str) -> bool:
    return bool(text) and text.lstrip()[:1] in OPEN


def attribution(text: str) -> tuple[str, str | None, str] | None:
    """(speaker, role, the words before the name) for an attribution line, else None."""
    text = " ".join(text.split())
    if len(text) > 300 or opens_quote(text):
        return None
    m = _ATTRIBUTION.match(text)
    if not m or not text.rstrip().endswith(":"):
        return None
    return split_speaker(m.group("lead"))


def split_speaker(lead: str) -> tuple[str, str | None, str] | None:
    """Find the person in "Launching the figures, Jim Gamble, Chief Executive of CEOP"."""
    parts = [p.strip() for p in re.split(r",\s+", lead.strip().rstrip(",")) if p.strip()]
    for k, part in enumerate(parts):
        if _is_name(part):
            role = ", ".join(parts[k + 1 :]) or None
            return part, role, ", ".join(parts[:k])
    # "The Minister for Safeguarding said:" - no personal name; the whole lead speaks.
    if len(parts) == 1 and len(parts[0].split()) <= 8 and parts[0][:1].isupper():
        return parts[0], None, ""
    return None


def _is_name(part: str) -> bool:
    words = _TITLES.sub("", part).split()
    if not 2 <= len(words) <= 5:
        return False
    return all(_NAME_WORD.match(w) for w in words) and words[-1][:1].isupper()


def strip_marks(runs: list[Run], opening: bool = True, closing: bool = True) -> list[Run]:
    runs = [Run(r.text, r.bold, r.italic, r.href) for r in runs if r.text]
    while runs and not runs[0].text.strip():
        runs.pop(0)
    while runs and not runs[-1].text.strip():
        runs.pop()
    if not runs:
        return runs
    if opening:
        first = runs[0].text.lstrip()
        if first[:1] in OPEN:
            runs[0] = Run(first[1:], runs[0].bold, runs[0].italic, runs[0].href)
    if closing:
        last = runs[-1].text.rstrip()
        if last[-1:] in CLOSE:
            runs[-1] = Run(last[:-1], runs[-1].bold, runs[-1].italic, runs[-1].href)
    return runs


def find_quote(paras: list[SourceParagraph], k: int) -> tuple[QuoteSection, int, list[str]] | None:
    """A quote starting at paragraph ``k``: (the section, the next index, doubts)."""
    text = " ".join(paras[k].text.split())
    doubts: list[str] = []
    who = attribution(text)
    if who is not None:
        speaker, role, lead = who
        if lead:
            doubts.append(f'the words "{lead}" before {speaker}\'s quote were left out')
        body: list[str] = []
        j = k + 1
        if j < len(paras) and not opens_quote(paras[j].text) and paras[j].list_kind is None:
            body.append(runs_to_markdown(paras[j].runs))  # house style: no marks after the line
            j += 1
        while j < len(paras) and opens_quote(paras[j].text) and _AFTER.match(paras[j].text) is None:
            body.append(runs_to_markdown(strip_marks(paras[j].runs)))
            j += 1
        if not body:
            return None
        return QuoteSection(speaker=speaker, role=role, text="\n\n".join(body)), j, doubts
    m = _AFTER.match(text)
    if m is None:
        return None
    named = split_speaker(m.group("who") or m.group("who2") or "")
    if named is None:
        return None
    speaker, role, _ = named
    # '"The public can help," said ...': the comma stands for the full stop.
    quote = re.sub(r",\s*$", ".", m.group("quote").strip())
    body = [
        runs_to_markdown([Run(quote)])
        if _has_formatting(paras[k]) is False
        else _first_part(paras[k], quote)
    ]
    if m.group("more"):
        body.append(runs_to_markdown(strip_marks([Run(m.group("more"))])))
    j = k + 1
    while (
        j < len(paras)
        and opens_quote(paras[j].text)
        and _AFTER.match(paras[j].text) is None
        and attribution(paras[j].text) is None
    ):
        body.append(runs_to_markdown(strip_marks(paras[j].runs)))
        j += 1
    return QuoteSection(speaker=speaker, role=role, text="\n\n".join(body)), j, doubts


def _has_formatting(p: SourceParagraph) -> bool:
    return any(r.bold or r.italic or r.href for r in p.runs)


def _first_part(p: SourceParagraph, quote: str) -> str:
    """The quoted words with their formatting, cut where the attribution starts."""
    runs: list[Run] = []
    left = len(quote) + 1  # the opening mark
    for r in p.runs:
        if left <= 0:
            break
        runs.append(Run(r.text[:left], r.bold, r.italic, r.href))
        left -= len(r.text)
    text = runs_to_markdown(strip_marks(runs, closing=False)).rstrip()
    return text[:-1] + "." if text.endswith(",") else text
