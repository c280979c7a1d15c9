"""Notes to editors: numbered, titled notes, and library notes recognised as such.

A note is started by a number ("1.", "2)"), a Word or HTML numbered item, or
a bold or heading line. Its title is the bold start, the line before a colon,
or a heading line; otherwise the note's first words, and the report says so.
A note whose text is a library item's (whitespace and quotation marks aside)
becomes a reference to that item rather than a copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ceopdesk.core.domain import Note

from ..blocks import Run
from ..source import SourceParagraph
from .inline import runs_to_markdown
from .lists import as_list_line, drop_prefix, lists_markdown

_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s+")
_TITLE_COLON = re.compile(r"^(?P<title>[^:.]{3,60}):\s+(?P<rest>\S.*)$", re.DOTALL)
_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'", "´": "'"})
_MARKUP = re.compile(r"[*_\\#>\[\]]|\]\([^)]*\)|^\s*[-\d.]+\s", re.MULTILINE)


@dataclass
class LibraryItem:
    key: str
    title: str
    text: str


def normalise(text: str) -> str:
    """Text as compared with the library: quotation marks, markup and spacing aside."""
    text = re.sub(r"\]\([^)]*\)", "", text)
    text = _MARKUP.sub(" ", text.translate(_MARKS))
    return " ".join(text.split()).casefold().strip(" .")


@dataclass
class _Draft:
    title: str
    parts: list[str] = field(default_factory=list)
    guessed_title: bool = False


class NotesReader:
    def __init__(self, library: list[LibraryItem]) -> None:
        self.started = False
        self.unsure: list[str] = []
        self._notes: list[_Draft] = []
        self._library = {normalise(i.text): i for i in library}
        self._titles = {normalise(i.title): i for i in library}

    def start(self) -> None:
        self.started = True

    def add(self, p: SourceParagraph) -> None:
        runs = p.runs
        text = p.text.strip()
        # Web pages often lose the numbers: any top-level list item in the notes is a note.
        numbered = _NUMBER.match(text) is not None or (
            p.list_kind is not None and p.list_level == 0
        )
        heading = p.outline_level is not None or (p.all_bold and len(text) < 90)
        if numbered or heading or not self._notes:
            if numbered:
                runs = drop_prefix(runs, _NUMBER)
            self._notes.append(self._open(runs, heading and not numbered))
            return
        line = as_list_line(p)
        self._notes[-1].parts.append(
            lists_markdown([line]) if line is not None else runs_to_markdown(runs)
        )

    def _open(self, runs: list[Run], whole_is_title: bool) -> _Draft:
        text = "".join(r.text for r in runs).strip()
        if whole_is_title:
            return _Draft(title=" ".join(text.split()))
        bold = []
        for r in runs:
            if not r.bold:
                break
            bold.append(r)
        bold_text = "".join(r.text for r in bold).strip().rstrip(":.").strip()
        if bold_text and len(bold_text) < 90 and bold_text != text.rstrip(":."):
            rest = runs[len(bold) :]
            return _Draft(bold_text, [runs_to_markdown(rest).lstrip(":. ")])
        if bold_text:
            return _Draft(bold_text)
        m = _TITLE_COLON.match(text)
        if m:
            return _Draft(m.group("title").strip(), [m.group("rest").strip()])
        if len(text) < 70 and not text.endswith("."):
            return _Draft(text)
        words = text.split()
        return _Draft(
            " ".join(words[:6]).rstrip(",.;:") + "…", [runs_to_markdown(runs)], guessed_title=True
        )

    def finish(self) -> list[Note]:
        notes: list[Note] = []
        for n, draft in enumerate(self._notes, start=1):
            text = "\n\n".join(p for p in draft.parts if p.strip())
            item = self._library.get(normalise(text)) if text else None
            if item is None and not text:
                item = self._titles.get(normalise(draft.title))
                if item is None:
                    self.unsure.append(f'note {n} ("{draft.title}") has a title and no text')
            if item is not None:
                notes.append(Note(title=item.title, text=item.text, boilerplate=item.key))
                continue
            if draft.guessed_title:
                self.unsure.append(f"note {n} had no title; its first words were taken")
            notes.append(Note(title=draft.title, text=text))
        return notes
