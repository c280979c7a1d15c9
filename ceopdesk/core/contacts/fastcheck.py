"""Fast paths for validating the common case, with the libraries' own rules.

Importing 100,000 contacts in under 20 s leaves ~0.2 ms per person; a full
``email_validator`` call and a full ``phonenumbers`` parse + validity check
cost about that much each. These paths give the same answers for the common
shapes and fall back to the libraries for everything else:

- e-mail: the domain check of ``email_validator`` depends on the domain only,
  so its result is remembered per domain; a plain ASCII dot-atom local part of
  at most 64 characters is always valid there. Any other address goes through
  ``validate_email`` in full.
- UK phone: "020 7946 0018", "+44 (0)20 7946 0018", "0044 20..." are reduced
  to their national significant number and matched against the GB patterns
  from phonenumbers' own metadata (what ``is_valid_number_for_region`` does).
  Anything else (other countries, extensions, letters) takes the full path.
- UK display: "+442079460018" -> "020 7946 0018" with the GB number formats
  from the same metadata, chosen as ``format_number`` chooses them (a table
  window shows 200 phones; the full call costs ~70 us each).

``tests/core/contacts/test_fastcheck.py`` checks both paths agree.
"""

from __future__ import annotations

import re
from functools import cache

from phonenumbers import PhoneMetadata

_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_DOT_ATOM = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*\Z")
_MAX_DOMAINS = 50_000
_domains: dict[str, str] = {}


def known_email(raw: str) -> str | None:
    """The normalised address if the fast path can vouch for it, else None."""
    local, at, domain = raw.rpartition("@")
    if not at or len(local) > 64 or len(raw) > 200 or not _DOT_ATOM.match(local):
        return None
    good = _domains.get(domain)
    return f"{local}@{good}" if good is not None else None


def remember_email(raw: str, local_part: str, domain: str) -> None:
    """After a full validation succeeded, remember that ``domain`` is fine."""
    raw_local, _, raw_domain = raw.rpartition("@")
    if raw_local == local_part and _DOT_ATOM.match(local_part) and len(_domains) < _MAX_DOMAINS:
        _domains[raw_domain] = domain


_UK = re.compile(r"(?:\+44|0044|0)([1-9]\d{8,9})\Z")
_PUNCT = re.compile(r"[\s\-.()/]")


def forget_domains() -> None:
    """Forget the domains already checked (the next address of each takes the full path)."""
    _domains.clear()


def _gb_metadata() -> PhoneMetadata:
    meta = PhoneMetadata.metadata_for_region("GB")
    if meta is None:
        raise RuntimeError("phonenumbers has no metadata for GB")
    return meta


@cache
def _gb_patterns() -> tuple[re.Pattern[str], dict[int, re.Pattern[str]]]:
    """GB's general pattern, and for each length the patterns of every number type that
    allows it, as one alternation (a number is valid if any type matches). Built once:
    compiling them is most of the cost of a number."""
    meta = _gb_metadata()
    assert meta.general_desc is not None  # every region's metadata has one
    general_pattern = meta.general_desc.national_number_pattern
    general = frozenset(meta.general_desc.possible_length or ())
    by_length: dict[int, list[str]] = {}
    for name in (
        "fixed_line",
        "mobile",
        "toll_free",
        "premium_rate",
        "shared_cost",
        "personal_number",
        "voip",
        "pager",
        "uan",
        "voicemail",
    ):
        desc = getattr(meta, name, None)
        if desc is None or not desc.national_number_pattern:
            continue
        lengths = frozenset(desc.possible_length or ()) or general
        if lengths == frozenset({-1}):
            continue
        for length in lengths:
            by_length.setdefault(length, []).append(f"(?:{desc.national_number_pattern})")
    return re.compile(f"(?:{general_pattern})"), {
        length: re.compile("|".join(patterns)) for length, patterns in by_length.items()
    }


def uk_e164(raw: str) -> str | None:
    """E.164 for a plainly written valid GB number; None = use the full path."""
    text = raw.replace("(0)", "")
    text = _PUNCT.sub("", text)
    m = _UK.match(text)
    if m is None:
        return None
    nsn = m.group(1)
    general, by_length = _gb_patterns()
    typed = by_length.get(len(nsn))
    if typed is not None and general.fullmatch(nsn) and typed.fullmatch(nsn):
        return "+44" + nsn
    return None


@cache
def _gb_formats() -> list[tuple[re.Pattern[str] | None, re.Pattern[str], str]]:
    out = []
    for f in _gb_metadata().number_format:
        assert f.pattern is not None and f.format is not None  # both required by the metadata
        leading = re.compile(f.leading_digits_pattern[-1]) if f.leading_digits_pattern else None
        layout = f.format
        if f.national_prefix_formatting_rule:
            layout = layout.replace("\\1", f.national_prefix_formatting_rule, 1)
        out.append((leading, re.compile(f.pattern), layout))
    return out


def uk_national(e164: str) -> str | None:
    """ "+442079460018" -> "020 7946 0018"; None when not a +44 number with a known format."""
    if not e164.startswith("+44"):
        return None
    nsn = e164[3:]
    for leading, pattern, layout in _gb_formats():
        if (leading is None or leading.match(nsn)) and pattern.fullmatch(nsn):
            return pattern.sub(layout, nsn)
    return None
