"""Paragraphs of one part back into the part's value, without what the writer added.

The writer numbers note titles ("2. About CEOP"), opens each quoted paragraph
with “ and closes the last with ”, writes an attribution line ("Name, Role,
said:") and spells out the contact block ("Telephone: …").  These are taken
off here, so the value is what the release stores.

TODO(#9): inline formatting is written back as the house Markdown subset by
:func:`_inline`; when ``ceopdesk/core/richtext`` lands, its ``escape_text`` and
block writer replace ``_escape`` and ``_markdown``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ceopdesk.core.domain import ContactBlock, Note, QuoteSection, TextSection

from ..blocks import (
    LIST_BULLET,
    LIST_NUMBER,
    NOTE_SUBHEADING,
    NOTE_TITLE,
    QUOTE,
    QUOTE_ATTRIBUTION,
    Run,
    merge_runs,
)
from .mapping import Placed

PartValue = str | TextSection | QuoteSection | Note | ContactBlock | None

_NOTE_NUMBER = re.compile(r"^\s*\d+\.\s*")
_LINE_START = re.compile(r"^(\s*)([-+*#>]|\d+[.)])(?=\s|$)")
_SPECIAL = re.compile(r"([\\`*_\[\]<])")
_OPEN, _CLOSE = "“", "”"
_CONTACT_FIELDS = (("Telephone:", "phone"), ("Out of hours:", "out_of_hours"),
                   ("Email:", "email"), ("Web:", "web"))  # fmt: skip
# The writer isolates right-to-left names in the English attribution sentence.
_ISOLATES = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))
_CONTACT_LEAD = "For further information contact"


def value_of(part: str, placed: list[Placed]) -> PartValue:
    if not placed:
        return None
    if part in ("headline", "subheadline"):
        return " ".join(" ".join(p.text for p in placed).split())
    if part == "standfirst":
        return "\n\n".join(_inline(p.runs) for p in placed).strip()
    if part == "contact":
        return _contact(placed)
    if part.startswith("notes["):
        return _note(placed)
    styles = {p.style.lower() for p in placed}
    if QUOTE_ATTRIBUTION.lower() in styles or QUOTE.lower() in styles:
        return _quote(placed)
    return TextSection(_markdown(placed))


def _escape(text: str) -> str:
    escaped = _SPECIAL.sub(r"\\\1", text)
    return "\n".join(_LINE_START.sub(r"\1\\\2", line) for line in escaped.split("\n"))


def _inline(runs: list[Run]) -> str:
    out = []
    for run in merge_runs(runs):
        text = _escape(run.text.replace("\t", " "))
        core = text.strip()
        if not core:
            out.append(text)
            continue
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        if run.italic:
            core = f"*{core}*"
        if run.bold:
            core = f"**{core}**"
        if run.href and not run.href.startswith("mailto:"):
            core = f"[{core}]({_same_href(run.href)})"
        out.append(lead + core + trail)
    return "".join(out).replace("\n", "  \n").strip()


def _same_href(href: str) -> str:
    """LibreOffice saves ``https://site`` as ``https://site/``: the same address."""
    parts = urlsplit(href)
    if parts.path == "/" and not parts.query and not parts.fragment:
        return href[:-1]
    return href


def _markdown(placed: list[Placed]) -> str:
    chunks: list[str] = []
    previous_list = False
    for p in placed:
        style = p.style.lower()
        text = _inline(p.runs)
        if not text:
            continue
        indent = "   " * min(p.list_level, 1)
        # "Note List Bullet" as well as "List Bullet": a template may lack the note's own.
        if style.endswith(LIST_BULLET.lower()):
            line, is_list = f"{indent}- {text}", True
        elif style.endswith(LIST_NUMBER.lower()):
            line, is_list = f"{indent}1. {text}", True
        elif style == NOTE_SUBHEADING.lower():
            line, is_list = f"### {text}", False
        else:
            line, is_list = text, False
        sep = "\n" if previous_list and is_list else "\n\n"
        chunks.append((sep if chunks else "") + line)
        previous_list = is_list
    return "".join(chunks)


def _without_marks(placed: list[Placed]) -> list[Placed]:
    """The quoted paragraphs without the “ ” the writer put round them."""
    if not placed or not all(p.text.lstrip().startswith(_OPEN) for p in placed):
        return placed
    if not placed[-1].text.rstrip().endswith(_CLOSE):
        return placed
    out = []
    for index, p in enumerate(placed):
        runs = _trim(p.runs, _OPEN, start=True)
        if index == len(placed) - 1:
            runs = _trim(runs, _CLOSE, start=False)
        out.append(Placed(p.style, "".join(r.text for r in runs), runs, p.list_level))
    return out


def _trim(runs: list[Run], mark: str, start: bool) -> list[Run]:
    runs = [r for r in runs if r.text]
    if not runs:
        return runs
    index = 0 if start else len(runs) - 1
    r = runs[index]
    text = r.text.lstrip() if start else r.text.rstrip()
    text = text[len(mark) :] if start and text.startswith(mark) else text
    text = text[: -len(mark)] if not start and text.endswith(mark) else text
    runs[index] = Run(text, r.bold, r.italic, r.href)
    return runs


def _quote(placed: list[Placed]) -> QuoteSection:
    speaker, role = "", None
    body = placed
    if placed and placed[0].style.lower() == QUOTE_ATTRIBUTION.lower():
        speaker, role = parse_attribution(placed[0].text)
        body = placed[1:]
    return QuoteSection(speaker=speaker, role=role, text=_markdown(_without_marks(body)))


def parse_attribution(line: str) -> tuple[str, str | None]:
    """``Peter Davies, Chief Executive of CEOP, said:`` -> (speaker, role)."""
    line = " ".join(line.translate(_ISOLATES).split())
    line = re.sub(r",?\s*said:?\s*$", "", line, flags=re.IGNORECASE)
    speaker, _, role = line.partition(", ")
    return speaker.strip(), role.strip() or None


def _note(placed: list[Placed]) -> Note:
    first = placed[0]
    if first.style.lower() == NOTE_TITLE.lower():
        title = _NOTE_NUMBER.sub("", first.text, count=1).strip()
        return Note(title=title, text=_markdown(placed[1:]))
    runs = list(first.runs)
    if runs:
        runs[0] = Run(_NOTE_NUMBER.sub("", runs[0].text, count=1), runs[0].bold, runs[0].italic,
                      runs[0].href)  # fmt: skip
    head = Placed(first.style, "".join(r.text for r in runs), runs, first.list_level)
    return Note(title="", text=_markdown([head, *placed[1:]]))


def _contact(placed: list[Placed]) -> ContactBlock:
    block = ContactBlock(name="")
    for p in placed:
        line = " ".join(p.text.split())
        if line.startswith(_CONTACT_LEAD):
            block.name = line[len(_CONTACT_LEAD) :].strip(" :")
            continue
        for label, attr in _CONTACT_FIELDS:
            if line.startswith(label):
                setattr(block, attr, line[len(label) :].strip() or None)
                break
    return block
