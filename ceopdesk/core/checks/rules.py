"""The rules the checks apply: kept in the store, edited in Settings, moved as JSON.

The defaults ship in ``resources/checks/house-rules.json`` in the same
``ceopdesk.checks/1`` format that export and import use. A store without its
own rules uses the defaults, so a new rule shipped later reaches everyone who
has not changed theirs.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from .. import audit
from ..errors import UserError
from ..models import Setting
from ..paths import resource
from ..store import Store

FORMAT = "ceopdesk.checks/1"
SETTING_KEY = "checks"
SEVERITIES = ("warning", "block")
ISE_IZE = ("ise", "ize", "either")


@dataclass
class Term:
    term: str
    preferred: list[str]
    reason: str


@dataclass
class Acronym:
    acronym: str
    expansion: str


@dataclass
class Lengths:
    headline_chars: int = 65
    headline_words_min: int = 6
    headline_words_max: int = 8
    standfirst_chars: int = 160
    sentence_words: int = 30


@dataclass
class Rules:
    terms: list[Term] = field(default_factory=list)
    acronyms: list[Acronym] = field(default_factory=list)
    lengths: Lengths = field(default_factory=Lengths)
    ise_ize: str = "ise"
    retired_domains: list[str] = field(default_factory=list)
    user_words: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # rule -> "block" where it blocks
    off: list[str] = field(default_factory=list)  # rules switched off

    def severity_of(self, rule: str) -> str:
        return self.severity.get(rule, "warning")

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, **asdict(self)}


def defaults() -> Rules:
    return parse(
        json.loads(resource("checks", "house-rules.json").read_text(encoding="utf-8")),
        "the shipped rules",
    )


def parse(data: Any, source: str) -> Rules:
    """Rules from ``ceopdesk.checks/1`` JSON; a problem is named with its field."""

    def fail(where: str, what: str) -> UserError:
        return UserError(f"{source}, field '{where}': {what}.")

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UserError(f'{source}: not a rules file (expected "format": "{FORMAT}").')
    known = {
        "format",
        "terms",
        "acronyms",
        "lengths",
        "ise_ize",
        "retired_domains",
        "user_words",
        "severity",
        "off",
    }
    for key in data:
        if key not in known:
            raise fail(key, f"unknown key (expected one of: {', '.join(sorted(known))})")
    rules = Rules()
    for i, item in enumerate(data.get("terms", [])):
        where = f"terms[{i}]"
        if not isinstance(item, dict) or not str(item.get("term", "")).strip():
            raise fail(where, "needs a term")
        preferred = item.get("preferred", [])
        if isinstance(preferred, str):
            preferred = [preferred]
        if not isinstance(preferred, list) or not all(isinstance(p, str) for p in preferred):
            raise fail(f"{where}.preferred", "must be a list of wordings")
        rules.terms.append(
            Term(
                item["term"].strip(),
                [p.strip() for p in preferred if p.strip()],
                str(item.get("reason", "")).strip(),
            )
        )
    for i, item in enumerate(data.get("acronyms", [])):
        if not isinstance(item, dict) or not str(item.get("acronym", "")).strip():
            raise fail(f"acronyms[{i}]", "needs an acronym")
        if not str(item.get("expansion", "")).strip():
            raise fail(f"acronyms[{i}].expansion", "must say what the acronym stands for")
        rules.acronyms.append(Acronym(item["acronym"].strip(), item["expansion"].strip()))
    lengths = data.get("lengths", {})
    if not isinstance(lengths, dict):
        raise fail("lengths", "must be an object")
    for key, value in lengths.items():
        if not hasattr(rules.lengths, key):
            raise fail(f"lengths.{key}", "unknown length")
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise fail(f"lengths.{key}", "must be a whole number above 0")
        setattr(rules.lengths, key, value)
    rules.ise_ize = data.get("ise_ize", "ise")
    if rules.ise_ize not in ISE_IZE:
        raise fail("ise_ize", f"must be one of {', '.join(ISE_IZE)}")
    for key in ("retired_domains", "user_words", "off"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "must be a list of text")
        setattr(rules, key, [v.strip() for v in value if v.strip()])
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise fail("severity", "must be an object of rule: warning|block")
    for rule, level in severity.items():
        if level not in SEVERITIES:
            raise fail(f"severity.{rule}", "must be warning or block")
    rules.severity = dict(severity)
    return rules


def load(store: Store) -> Rules:
    with store.read_session() as s:
        return load_in(s)


def load_in(session: Session) -> Rules:
    row = session.get(Setting, SETTING_KEY)
    return defaults() if row is None or row.value is None else parse(row.value, "stored rules")


def save(store: Store, rules: Rules, user: str | None = None) -> None:
    data = rules.to_json()
    parse(data, "rules")  # the same checks an import gets
    with store.session() as s:
        s.merge(Setting(key=SETTING_KEY, value=data))
        audit.record(s, "checks.save", "settings:checks", None, user)


def add_user_word(store: Store, word: str, user: str | None = None) -> Rules:
    rules = load(store)
    if word not in rules.user_words:
        rules.user_words.append(word)
        save(store, rules, user)
    return rules


def write_file(rules: Rules, path: Path) -> None:
    from ..atomic import atomic_write

    with atomic_write(Path(path)) as handle:
        handle.write(json.dumps(rules.to_json(), indent=2, ensure_ascii=False) + "\n")


def read_file(path: Path) -> Rules:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError(f"{path} cannot be read ({exc.strerror}).") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"{path} is not valid JSON ({exc}).") from None
    return parse(data, str(path))


def export_file(store: Store, path: Path) -> None:
    write_file(load(store), path)


def import_file(store: Store, path: Path, user: str | None = None) -> Rules:
    rules = read_file(path)
    save(store, rules, user)
    return rules
