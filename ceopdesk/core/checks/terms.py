"""Terms to avoid, with the preferred wording and the reason.

Not flagged: a term inside quotation marks in running text (someone else's words,
or the term being discussed), or inside a note whose subject is the term.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import Context
from .finding import Finding, Part
from .rules import Term

RULE = "terms.avoid"


def _pattern(term: str) -> re.Pattern[str]:
    body = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", term.strip()))
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.I)


def _note_is_about(part: Part, term: Term) -> bool:
    title = f"{part.title} {part.key or ''}".casefold()
    return term.term.casefold() in title or "terminolog" in title or "wording" in title


def _match_case(original: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


def check(ctx: Context) -> Iterator[Finding]:
    taken: dict[str, list[tuple[int, int]]] = {}
    for term in ctx.rules.terms:
        pattern = _pattern(term.term)
        for part in ctx.parts:
            if part.kind == "contact":
                continue
            if part.kind == "note" and _note_is_about(part, term):
                continue
            quoted = ctx.quoted(part)
            spans = taken.setdefault(part.name, [])
            for m in pattern.finditer(part.text):
                inside = any(a < m.start() and m.end() < b for a, b in quoted)
                # "paedophile ring" already reported: do not report its "paedophile" again
                overlap = any(a <= m.start() < b for a, b in spans)
                if inside or overlap:
                    continue
                spans.append((m.start(), m.end()))
                preferred = " or ".join(f'"{p}"' for p in term.preferred)
                message = f'Avoid "{term.term}"' + (f"; say {preferred}" if preferred else "")
                message += f". {term.reason}" if term.reason else "."
                fix = _match_case(m.group(), term.preferred[0]) if term.preferred else None
                yield ctx.finding(RULE, part, m.start(), m.end(), message, fix)
