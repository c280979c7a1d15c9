"""The interchange formats ``ceopdesk.release/1`` and ``ceopdesk.boilerplate/1`` (DESIGN §4).

Reading validates everything it is given and names the file, the field and
what was expected; writing produces exactly what reading accepts, so the two
round-trip.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..domain import STATUSES, ContactBlock, Note, QuoteSection, Release, TextSection
from ..errors import UserError

RELEASE_FORMAT = "ceopdesk.release/1"
BOILERPLATE_FORMAT = "ceopdesk.boilerplate/1"
LONDON = ZoneInfo("Europe/London")
_SURROGATE = re.compile("[\ud800-\udfff]")
KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")

RELEASE_KEYS = (
    "format",
    "reference",
    "headline",
    "subheadline",
    "standfirst",
    "place",
    "release_date",
    "embargo",
    "status",
    "sections",
    "notes",
    "contact",
    "tags",
)
CONTACT_KEYS = ("name", "phone", "out_of_hours", "email", "web")
# Imported history may arrive issued (recorded as imported) but never approved
# or in review: nobody approved it here (DESIGN §3).
IMPORTABLE = ("draft", "issued", "withdrawn")


@dataclass
class BoilerplateItem:
    key: str
    title: str
    text: str


class _Reader:
    """Validation with the place of every problem: file and field path."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, message: str) -> UserError:
        place = f"{self.source}, field '{where}'" if where else self.source
        return UserError(f"{place}: {message}.")

    def obj(self, value: Any, where: str, allowed: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected an object, found {_kind(value)}")
        for key in value:
            if key not in allowed:
                raise self.fail(
                    f"{where}.{key}" if where else key,
                    f"unknown key (expected one of: {', '.join(allowed)})",
                )
        return value

    def text(
        self, d: dict, key: str, where: str, *, required: bool = False, nullable: bool = True
    ) -> str | None:
        path = f"{where}.{key}" if where else key
        if key not in d or d[key] is None:
            if required or (key in d and not nullable):
                raise self.fail(path, "is required and must be text")
            return None
        value = d[key]
        if not isinstance(value, str):
            raise self.fail(path, f"expected text, found {_kind(value)}")
        broken = _SURROGATE.search(value)
        if broken:
            raise self.fail(
                path,
                f"has a broken character (a lone \\u{ord(broken.group()):04x}) at "
                f"position {broken.start() + 1}",
            )
        if required and not value.strip():
            raise self.fail(path, "must not be empty")
        return value

    def items(self, d: dict, key: str) -> list:
        value = d.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, f"expected a list, found {_kind(value)}")
        return value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def load_json_file(path: Path) -> Any:
    """Read a JSON file, turning every way it can be broken into one sentence."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not a file.") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot be read ({exc.strerror}).") from None
    if not raw.strip():
        raise UserError(f"{path} is empty.")
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path} is not UTF-8 text (byte {exc.start + 1}).") from None
    try:
        data = json.loads(content, parse_int=_bounded_int, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise UserError(
            f"{path}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})."
        ) from None
    except RecursionError:
        raise UserError(f"{path} is nested too deeply to be a ceopdesk file.") from None
    except ValueError as exc:  # from the two hooks below
        raise UserError(f"{path}: {exc}") from None
    if _depth(data) > MAX_DEPTH:
        raise UserError(
            f"{path} nests lists and objects more than {MAX_DEPTH} deep; a ceopdesk file never does."
        )
    return data


MAX_DEPTH = 32
MAX_DIGITS = 30  # no count, year or id ceopdesk keeps comes near


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise ValueError(f"a number with {len(text.lstrip('-')):,} digits is far too large.")
    return int(text)


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows.")


def _depth(value: Any) -> int:
    """How deep lists and objects nest (without recursion, whatever the input)."""
    deepest, todo = 0, [(value, 1)]
    while todo:
        item, level = todo.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                break
            todo.extend((v, level + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


# -- releases -----------------------------------------------------------------


def parse_release(data: Any, source: str, statuses: tuple[str, ...] = IMPORTABLE) -> Release:
    """A Release from the JSON object; ``reference`` is "" when it is to be assigned.

    ``statuses`` are the ones accepted: a user's file may not arrive approved or
    in review; the sample library shipped with the app may.
    """
    r = _Reader(source)
    d = r.obj(data, "", RELEASE_KEYS)
    fmt = d.get("format")
    if fmt != RELEASE_FORMAT:
        raise r.fail("format", f'expected "{RELEASE_FORMAT}", found {json.dumps(fmt)}')
    # A draft may be incomplete (no headline yet, a quote before its speaker is agreed):
    # it round-trips as it is; completeness is checked when it moves past draft.
    draft = (d.get("status") or "draft") == "draft"
    if draft and isinstance(d.get("headline"), str) and not d["headline"].strip():
        headline = ""
    else:
        headline = (r.text(d, "headline", "", required=True) or "").strip()
    release = Release(
        reference=(r.text(d, "reference", "") or "").strip(),
        headline=headline,
        subheadline=r.text(d, "subheadline", ""),
        standfirst=r.text(d, "standfirst", "") or "",
        place=r.text(d, "place", ""),
    )
    release_date = r.text(d, "release_date", "")
    if release_date is not None:
        try:
            release.release_date = date.fromisoformat(release_date)
        except ValueError:
            raise r.fail("release_date", "expected a date like 2012-06-20") from None
    release.embargo = _parse_instant(r, d, "embargo")
    status = r.text(d, "status", "") or "draft"
    if status not in STATUSES:
        raise r.fail("status", f'expected one of {", ".join(statuses)}, found "{status}"')
    if status not in statuses:
        # A file cannot make a release look approved: approval happens in ceopdesk.
        raise r.fail(
            "status",
            f'"{status}" cannot be imported, since approval happens in ceopdesk '
            f"(use one of {', '.join(IMPORTABLE)}, then submit it for approval)",
        )
    release.status = status  # type: ignore[assignment]
    release.sections = [
        _parse_section(r, s, i, draft) for i, s in enumerate(r.items(d, "sections"))
    ]
    release.notes = [_parse_note(r, n, i, draft) for i, n in enumerate(r.items(d, "notes"))]
    if d.get("contact") is not None:
        c = r.obj(d["contact"], "contact", CONTACT_KEYS)
        release.contact = ContactBlock(
            name=r.text(c, "name", "contact") or "",
            **{k: r.text(c, k, "contact") for k in CONTACT_KEYS[1:]},
        )
    tags = []
    for i, tag in enumerate(r.items(d, "tags")):
        if not isinstance(tag, str) or not tag.strip():
            raise r.fail(f"tags[{i}]", "expected non-empty text")
        tags.append(tag.strip())
    release.tags = tags
    return release


def _parse_instant(r: _Reader, d: dict, key: str) -> datetime | None:
    value = r.text(d, key, "")
    if value is None:
        return None
    try:
        instant = datetime.fromisoformat(value)
    except ValueError:
        raise r.fail(key, "expected a date and time like 2012-06-21T00:01:00+01:00") from None
    if instant.tzinfo is None:
        raise r.fail(key, "needs a UTC offset, like 2012-06-21T00:01:00+01:00")
    return instant


def _parse_section(
    r: _Reader, value: Any, i: int, draft: bool = False
) -> TextSection | QuoteSection:
    where = f"sections[{i}]"
    if not isinstance(value, dict):
        raise r.fail(where, f"expected an object, found {_kind(value)}")
    kind = value.get("type")
    if kind == "text":
        r.obj(value, where, ("type", "text"))
        return TextSection(text=r.text(value, "text", where, required=not draft) or "")
    if kind == "quote":
        r.obj(value, where, ("type", "speaker", "role", "text"))
        return QuoteSection(
            speaker=(r.text(value, "speaker", where, required=not draft) or "").strip(),
            role=r.text(value, "role", where),
            text=r.text(value, "text", where, required=not draft) or "",
        )
    raise r.fail(f"{where}.type", f'expected "text" or "quote", found {json.dumps(kind)}')


def _parse_note(r: _Reader, value: Any, i: int, draft: bool = False) -> Note:
    where = f"notes[{i}]"
    if isinstance(value, dict) and "boilerplate" in value:
        r.obj(value, where, ("boilerplate", "version"))
        key = r.text(value, "boilerplate", where, required=True) or ""
        version = value.get("version")
        if version is not None and (not isinstance(version, int) or version < 1):
            raise r.fail(f"{where}.version", "expected a whole number from 1")
        return Note(title="", text="", boilerplate=key, version=version)
    r.obj(value, where, ("title", "text"))
    return Note(
        title=(r.text(value, "title", where, required=not draft) or "").strip(),
        text=r.text(value, "text", where, required=not draft) or "",
    )


def release_to_json(release: Release) -> dict[str, Any]:
    """The JSON object of a release, keys in the documented order."""
    pinned = release.status in ("approved", "issued")
    notes: list[dict[str, Any]] = []
    for n in release.notes:
        if n.boilerplate:
            item: dict[str, Any] = {"boilerplate": n.boilerplate}
            if pinned and n.version:
                item["version"] = n.version
            notes.append(item)
        else:
            notes.append({"title": n.title, "text": n.text})
    return {
        "format": RELEASE_FORMAT,
        "reference": release.reference,
        "headline": release.headline,
        "subheadline": release.subheadline,
        "standfirst": release.standfirst,
        "place": release.place,
        "release_date": release.release_date.isoformat() if release.release_date else None,
        "embargo": release.embargo.astimezone(LONDON).isoformat() if release.embargo else None,
        "status": release.status,
        "sections": [_section_json(s) for s in release.sections],
        "notes": notes,
        "contact": _contact_json(release.contact) if release.contact else None,
        "tags": list(release.tags),
    }


def _section_json(s: TextSection | QuoteSection) -> dict[str, Any]:
    if isinstance(s, QuoteSection):
        return {"type": "quote", "speaker": s.speaker, "role": s.role, "text": s.text}
    return {"type": "text", "text": s.text}


def _contact_json(c: ContactBlock) -> dict[str, Any]:
    return {k: getattr(c, k) for k in CONTACT_KEYS}


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


# -- boilerplate --------------------------------------------------------------


def parse_boilerplate(data: Any, source: str) -> list[BoilerplateItem]:
    r = _Reader(source)
    d = r.obj(data, "", ("format", "items"))
    if d.get("format") != BOILERPLATE_FORMAT:
        raise r.fail(
            "format", f'expected "{BOILERPLATE_FORMAT}", found {json.dumps(d.get("format"))}'
        )
    items: list[BoilerplateItem] = []
    seen: set[str] = set()
    for i, value in enumerate(r.items(d, "items")):
        where = f"items[{i}]"
        r.obj(value, where, ("key", "title", "text"))
        key = (r.text(value, "key", where, required=True) or "").strip()
        if not KEY_RE.match(key):
            raise r.fail(
                f"{where}.key",
                "expected lower-case letters, digits and hyphens, like about-ceop",
            )
        if key in seen:
            raise r.fail(f"{where}.key", f'"{key}" appears twice')
        seen.add(key)
        items.append(
            BoilerplateItem(
                key=key,
                title=(r.text(value, "title", where, required=True) or "").strip(),
                text=r.text(value, "text", where, required=True) or "",
            )
        )
    return items


def boilerplate_to_json(items: list[BoilerplateItem]) -> dict[str, Any]:
    return {
        "format": BOILERPLATE_FORMAT,
        "items": [{"key": i.key, "title": i.title, "text": i.text} for i in items],
    }
