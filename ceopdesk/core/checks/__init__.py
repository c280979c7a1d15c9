"""Checks before a release goes out: house style, spelling, plain sense, legal restrictions.

One entry, ``check_release``, used by ``release check``, the editor and submission,
so all three show the same findings.
"""

from __future__ import annotations

from datetime import datetime

from ..domain import ContactBlock, Release
from ..store import Store
from . import acronyms, form, legal, sense, spelling, terms
from .context import Context
from .finding import Finding
from .rules import Rules

FAMILIES = (terms, acronyms, form, spelling, sense, legal)


def check_release(
    store_or_rules: Store | Rules,
    release: Release,
    *,
    contact: ContactBlock | None = None,
    known_names: frozenset[str] = frozenset(),
    now: datetime | None = None,
    spelling_on: bool = True,
    suggest: bool = False,
) -> list[Finding]:
    """Every finding for ``release``, in reading order within each rule family.

    Given a Store, the rules, the settings' contact block and the people the
    store knows are read from it; given Rules, only what is passed is known.
    """
    if isinstance(store_or_rules, Store):
        from ..settings import load as load_settings
        from .known import known_people
        from .rules import load

        rules = load(store_or_rules)
        contact = contact or load_settings(store_or_rules).contact
        known_names = known_names | known_people(store_or_rules, release)
    else:
        rules = store_or_rules
    ctx = Context(rules, release, contact, known_names, now)
    findings: list[Finding] = []
    for family in FAMILIES:
        if family is spelling:
            if spelling_on:
                findings.extend(spelling.check(ctx, suggest))
        else:
            findings.extend(family.check(ctx))
    return [f for f in findings if f.rule not in rules.off]


__all__ = ["Finding", "Rules", "check_release"]
