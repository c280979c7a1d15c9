"""Acronyms spelled out on first use: the first use stands beside its expansion.

Reading order starts at the standfirst: a headline has no room for an expansion.
"Beside" means in the same sentence, in either order ("the National Crime Agency
(NCA)", "NCA, the National Crime Agency").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import Context
from .finding import Finding
from .text import sentences

RULE = "acronyms.first-use"


def check(ctx: Context) -> Iterator[Finding]:
    for acronym in ctx.rules.acronyms:
        word = re.compile(rf"(?<![\w-]){re.escape(acronym.acronym)}(?![\w-])")
        expansion = re.compile(
            r"\s+".join(re.escape(w) for w in acronym.expansion.split()).replace("'", "['’]?"), re.I
        )
        for part in ctx.running_text:
            masked = ctx.masked[part.name]
            first = word.search(masked)
            if first is None:
                continue
            sentence = next(s for s in sentences(masked) if s.start <= first.start() < s.end)
            if not expansion.search(sentence.text):
                after = masked[first.end() : first.end() + 2]
                fix = (
                    None if after[:1] in ("'", "’") else f"{acronym.expansion} ({acronym.acronym})"
                )
                yield ctx.finding(
                    RULE,
                    part,
                    first.start(),
                    first.end(),
                    f'Spell out {acronym.acronym} on first use: "{acronym.expansion} '
                    f'({acronym.acronym})".',
                    fix,
                )
            break
