"""Recognising a release in a list of paragraphs, whatever file they came from.

The readers (Word, web page, text, e-mail) only turn a file into
``SourceParagraph``s; everything about what a press release looks like is
here, once: the type line and date, the embargo, the headline and standfirst,
the body with its lists and quotes, ENDS, the notes to editors and the contact
block. The document's own scaffolding ("PRESS RELEASE", "ENDS", "For further
information contact...") goes to its field and never into the body.

What was guessed rather than known is said in ``unsure``, one phrase each,
so the import report and the preview can show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ceopdesk.core.domain import QuoteSection, Release, TextSection

from ..blocks import Run
from ..source import SourceParagraph
from . import contact as contact_lines
from . import quotes
from .dates import find_date, parse_embargo
from .inline import runs_to_markdown
from .lists import ListLine, as_list_line, lists_markdown
from .notes import LibraryItem, NotesReader

_TYPE_LINE = re.compile(
    r"^\s*(press|news|media)\s+(release|notice|statement|advisory)\b|^\s*(news|statement)\s*$",
    re.IGNORECASE,
)
_EMBARGO = re.compile(
    r"^\W*(?:under\s+(?:strict\s+)?)?embargo(?:ed)?\b|^\W*not\s+for\s+(?:publication|release|"
    r"broadcast)\s+(?:before|until)\b|^\W*strictly\s+embargoed\b",
    re.IGNORECASE,
)
_IMMEDIATE = re.compile(r"^\W*for\s+immediate\s+release\W*$", re.IGNORECASE)
_ENDS = re.compile(r"^[\s\-–—*#]*ends[\s\-–—*#.]*$", re.IGNORECASE)
_NOTES = re.compile(
    r"^\W*(?:notes?\s+(?:to|for)\s+(?:the\s+)?editors?|editors'?’?s?\s+notes?|background\s+for\s+"
    r"editors)\W*$",
    re.IGNORECASE,
)
_DRAFT = re.compile(
    r"^\W*(?:DRAFT\b|(?i:draft)\s*(?:[-–—:(]|v?\d|version|$))|(?i:.*\bnot\s+for\s+publication\b"
    r"(?!\s+(?:before|until)))"
)
_WORDS = re.compile(r"\w+")
_REFERENCE = re.compile(r"\b[A-Z]{2,10}-\d{4}-\d{2,4}\b")
# "London, 24 April 2016": a capitalised place name and a comma before the date.
_PLACE = re.compile(r"^\W*((?:[A-Z][a-z'’.-]+)(?:\s+[A-Z][a-z'’.-]+){0,3}),\s*$")
_SPACES = re.compile(r"[ \u00a0\u2007\u202f]{2,}|\u00a0")
HEADLINE_STYLES = ("headline", "title")


@dataclass
class Recognised:
    release: Release
    unsure: list[str] = field(default_factory=list)
    status_reason: str = ""


@dataclass
class Hints:
    """What the reader knows besides the paragraphs."""

    title: str = ""  # a page title or the document's title property
    site_name: str = ""
    published: str = ""  # why the file shows it was published, if it does
    published_on: date | None = None


def recognise(
    paragraphs: list[SourceParagraph],
    hints: Hints | None = None,
    library: list[LibraryItem] | None = None,
) -> Recognised:
    hints = hints or Hints()
    return _Recogniser(paragraphs, hints, library or []).run()


class _Recogniser:
    def __init__(
        self, paragraphs: list[SourceParagraph], hints: Hints, library: list[LibraryItem]
    ) -> None:
        self.paras = [p for p in (_tidy(p) for p in paragraphs) if p.text.strip()]
        self.hints = hints
        self.library = library
        self.release = Release(reference="", headline="")
        self.unsure: list[str] = []
        self.draft_marked = False

    def run(self) -> Recognised:
        i = self._top()
        end = self._body_end(i)
        self._body(self.paras[i:end])
        self._tail(self.paras[end:])
        r = self.release
        if r.release_date is None and self.hints.published_on:
            r.release_date = self.hints.published_on
        if r.release_date is None and r.embargo is not None:
            r.release_date = r.embargo.date()
        if not r.headline:
            raise ValueError("no headline")
        return Recognised(r, self.unsure, self._status())

    # -- top of the release: type line, date, embargo, headline, standfirst --

    def _top(self) -> int:
        r = self.release
        i = 0
        headline_at: int | None = None
        while i < len(self.paras):
            p = self.paras[i]
            text = p.text.strip()
            if _DRAFT.search(text) and len(_WORDS.findall(text)) <= 12:
                self.draft_marked = True
                i += 1
                continue
            if _TYPE_LINE.match(text) and len(text) < 120:
                self._dateline(text)
                ref = _REFERENCE.search(text)
                if ref:
                    # Kept, so importing the same file again is refused as a duplicate.
                    r.reference = ref.group()
                i += 1
                continue
            if _EMBARGO.match(text):
                self._embargo(text)
                i += 1
                continue
            if _IMMEDIATE.match(text):
                i += 1
                continue
            if r.release_date is None and _is_date_line(text):
                self._dateline(text)
                i += 1
                continue
            headline_at = self._headline_index(i)
            break
        if headline_at is None:
            return i
        left_out = []
        for p in self.paras[i:headline_at]:
            text = p.text.strip()
            if _EMBARGO.match(text):
                self._embargo(text)
            elif not _IMMEDIATE.match(text) and not _TYPE_LINE.match(text):
                left_out.append(_short(text))
        if left_out:
            self.unsure.append("the text above the headline was left out: " + "; ".join(left_out))
        r.headline = _one_line(self.paras[headline_at].text)
        i = headline_at + 1
        if i < len(self.paras) and self._is_subheadline(self.paras[i]):
            r.subheadline = _one_line(self.paras[i].text)
            i += 1
        # Metadata may also follow the headline (a dateline under a web headline).
        while i < len(self.paras):
            text = self.paras[i].text.strip()
            if _EMBARGO.match(text):
                self._embargo(text)
            elif _IMMEDIATE.match(text):
                pass
            elif _is_date_line(text):
                self._dateline(text)
            else:
                break
            i += 1
        if i < len(self.paras) and self._is_standfirst(self.paras[i]):
            r.standfirst = runs_to_markdown(_unbold(self.paras[i].runs))
            i += 1
        else:
            self.unsure.append("no standfirst was found")
        return i

    def _headline_index(self, start: int) -> int:
        window = self.paras[start : start + 8]
        for k, p in enumerate(window):
            if p.style.lower() in HEADLINE_STYLES or p.outline_level in (0, 1):
                return start + k
        if self.hints.title:
            wanted = _fold(_strip_site(self.hints.title, self.hints.site_name))
            for k, p in enumerate(window):
                if _fold(p.text) == wanted:
                    return start + k
        for k, p in enumerate(window):
            if p.outline_level is not None and not p.list_kind:
                return start + k
        first = window[0] if window else None
        if first is not None and _is_headline_like(first):
            return start
        sizes = [p.size for p in window if p.size]
        if (
            first is not None
            and sizes
            and first.size
            and first.size == max(sizes)
            and first.size > min(sizes)
        ):
            return start
        self.unsure.append("the headline is the first line; it was not marked as one")
        return start

    def _is_subheadline(self, p: SourceParagraph) -> bool:
        if p.style.lower() == "subheadline" or p.outline_level in (2, 3):
            return True
        words = len(_WORDS.findall(p.text))
        italic = all(r.italic for r in p.runs if r.text.strip())
        return italic and words <= 25 and not _ends_sentence_block(p.text)

    def _is_standfirst(self, p: SourceParagraph) -> bool:
        text = p.text.strip()
        return not (
            p.list_kind
            or as_list_line(p)
            or quotes.attribution(text)
            or quotes.opens_quote(text)
            or _ENDS.match(text)
            or _NOTES.match(text)
            or contact_lines.starts_contact(text)
        )

    def _dateline(self, text: str) -> None:
        """The release date, and the place when the line starts with one ("London, 24 April")."""
        found = find_date(text)
        if found is None:
            return
        if self.release.release_date is None:
            self.release.release_date = found[0]
        place = _PLACE.match(text[: found[1][0]])
        if place and self.release.place is None:
            self.release.place = place.group(1)

    def _embargo(self, text: str) -> None:
        parsed = parse_embargo(text)
        if parsed is None:
            self.unsure.append(f'the embargo line "{_short(text)}" gives no date; it was left out')
            return
        self.release.embargo, doubts = parsed
        self.unsure.extend(doubts)

    # -- body: paragraphs, lists, quotes ------------------------------------

    def _body_end(self, start: int) -> int:
        for k in range(start, len(self.paras)):
            text = self.paras[k].text.strip()
            if _ENDS.match(text) or _NOTES.match(text) or contact_lines.starts_contact(text):
                return k
        return len(self.paras)

    def _body(self, paras: list[SourceParagraph]) -> None:
        sections: list[TextSection | QuoteSection] = []
        pending: list[str | list[ListLine]] = []

        def flush() -> None:
            text = _join_blocks(pending)
            if text:
                sections.append(TextSection(text=text))
            pending.clear()

        k = 0
        while k < len(paras):
            p = paras[k]
            found = quotes.find_quote(paras, k)
            if found is not None:
                flush()
                section, k, doubts = found
                self.unsure.extend(doubts)
                sections.append(section)
                continue
            line = as_list_line(p)
            if line is not None:
                if pending and isinstance(pending[-1], list):
                    pending[-1].append(line)
                else:
                    pending.append([line])
            else:
                pending.append(runs_to_markdown(_tidy_heading(p)))
            k += 1
        flush()
        self.release.sections = sections

    # -- after the body: ENDS, notes to editors, contact block ---------------

    def _tail(self, paras: list[SourceParagraph]) -> None:
        notes = NotesReader(self.library)
        contact: list[str] = []
        in_contact = False
        for p in paras:
            text = p.text.strip()
            if _ENDS.match(text):
                in_contact = False
                continue
            if _NOTES.match(text):
                notes.start()
                in_contact = False
                continue
            if contact_lines.starts_contact(text) or (
                contact_lines.is_contact_line(text) and (in_contact or not notes.started)
            ):
                in_contact = True
                contact.append(text)
                continue
            if in_contact and len(text) < 80:
                contact.append(text)
                continue
            if notes.started:
                notes.add(p)
            else:
                self.unsure.append(f'a line after the release was left out: "{_short(text)}"')
        self.release.notes = notes.finish()
        self.unsure.extend(notes.unsure)
        block = contact_lines.parse(contact)
        self.release.contact = None if block.is_empty() else block

    def _status(self) -> str:
        if self.draft_marked:
            self.release.status = "draft"
            return "the file is marked as a draft"
        if self.hints.published:
            self.release.status = "issued"
            return self.hints.published
        self.release.status = "draft"
        return "nothing in the file shows it was published"


# -- small helpers ------------------------------------------------------------


def _tidy(p: SourceParagraph) -> SourceParagraph:
    """Non-breaking and zero-width spaces as plain ones, line ends trimmed."""
    runs = [
        Run(
            _SPACES.sub(" ", r.text.replace("\u200b", "").replace("\ufeff", "")),
            r.bold,
            r.italic,
            r.href,
        )
        for r in p.runs
    ]
    return p.with_runs(runs)


def _tidy_heading(p: SourceParagraph) -> list[Run]:
    """A sub-heading inside the body is kept as a bold line."""
    if p.outline_level is not None:
        return [Run(r.text, True, r.italic, r.href) for r in p.runs]
    return p.runs


def _unbold(runs: list[Run]) -> list[Run]:
    """A standfirst typed all in bold: the bold is the template's, not emphasis."""
    if runs and all(r.bold for r in runs if r.text.strip()):
        return [Run(r.text, False, r.italic, r.href) for r in runs]
    return runs


def _join_blocks(blocks: list[str | list[ListLine]]) -> str:
    out: list[str] = []
    for b in blocks:
        out.append(lists_markdown(b) if isinstance(b, list) else b)
    return "\n\n".join(x for x in out if x.strip())


def _is_date_line(text: str) -> bool:
    found = find_date(text)
    if not found:
        return False
    rest = text[: found[1][0]] + text[found[1][1] :]
    return len(_WORDS.findall(rest)) <= 4 and len(text) < 60


def _is_headline_like(p: SourceParagraph) -> bool:
    words = len(_WORDS.findall(p.text))
    return (p.all_bold or p.text.isupper()) and 2 <= words <= 25


def _ends_sentence_block(text: str) -> bool:
    return text.rstrip().endswith((".", ":")) and len(_WORDS.findall(text)) > 25


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _short(text: str, n: int = 60) -> str:
    text = _one_line(text)
    return text if len(text) <= n else text[: n - 1] + "…"


def _fold(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


def _strip_site(title: str, site: str) -> str:
    """A page title without the site name: "Headline | CEOP" -> "Headline"."""
    parts = re.split(r"\s+[|–—:-]\s+", title)
    if len(parts) > 1:
        if site:
            kept = [x for x in parts if _fold(x) != _fold(site)]
            if kept:
                return " - ".join(kept)
        return max(parts, key=len)
    return title


def page_title_headline(title: str, site: str) -> str:
    return _one_line(_strip_site(title, site))


__all__ = ["Hints", "LibraryItem", "Recognised", "datetime", "page_title_headline", "recognise"]
