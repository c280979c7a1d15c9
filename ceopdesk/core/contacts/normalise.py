"""Cleaning single values: e-mails, phones, names, kinds, flags and dates.

Each ``parse_*`` returns the clean value or raises ``ValueError`` with a short
phrase fit to follow "line 12: " in a report.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from . import fastcheck
from .domain import KINDS, LAWFUL_BASES

DEFAULT_REGION = "GB"

_SPACES = re.compile(r"\s+")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(value: str | None) -> str:
    """Trim and collapse whitespace; drop control characters."""
    if not value:
        return ""
    if value.isprintable() and "  " not in value:  # the common case: nothing to do but trim
        return value.strip()
    return _SPACES.sub(" ", _CONTROL.sub("", value)).strip()


def clean_multiline(value: str | None) -> str:
    """Like ``clean`` but keeps line breaks (for notes)."""
    if not value:
        return ""
    if "\n" not in value and "\r" not in value:  # one line
        return clean(value)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    lines = [clean(line) for line in value.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def fold(value: str) -> str:
    """Case- and accent-free form used for sorting and comparing ("Zoë" -> "zoe")."""
    if value.isascii():
        return _SPACES.sub(" ", value.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return _SPACES.sub(" ", decomposed.translate(_MARKS)).strip()


class _CombiningMarks(dict):
    """A ``str.translate`` table that drops combining marks, filled as characters are met."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_MARKS = _CombiningMarks()


def sort_name(given: str, family: str, display: str) -> str:
    """Family name first, so the table sorts as an address book does."""
    if family or given:
        return fold(f"{family} {given}")
    return fold(display)


def full_name(given: str, family: str, display: str) -> str:
    return display or " ".join(p for p in (given, family) if p)


def split_name(display: str) -> tuple[str, str]:
    """Best-effort given/family split of "Jane Smith" or "Smith, Jane"."""
    display = clean(display)
    if "," in display:
        family, _, given = display.partition(",")
        return clean(given), clean(family)
    parts = display.rsplit(" ", 1)
    if len(parts) == 2:
        return parts[0], parts[1]
    return display, ""


# -- e-mail ---------------------------------------------------------------------


def parse_email(raw: str) -> str:
    """A valid address (domain lower-cased), checked without any network lookup."""
    raw = raw.strip().strip("<>").strip()
    if raw[:7].lower() == "mailto:":
        raw = raw[7:]
    known = fastcheck.known_email(raw)
    if known is not None:
        return known
    try:
        result = validate_email(raw, check_deliverability=False)
        fastcheck.remember_email(raw, result.local_part, result.domain)
        return result.normalized
    except EmailNotValidError as exc:
        reason = str(exc).rstrip(".")
        raise ValueError(
            f"e-mail '{raw}' is not valid ({reason[:1].lower()}{reason[1:]})"
        ) from None


def email_key(address: str) -> str:
    """Addresses are the same person whatever their case."""
    return address.casefold()


# -- phones ---------------------------------------------------------------------


def parse_phone(raw: str, region: str = DEFAULT_REGION) -> str:
    """E.164 form of a valid phone number written any usual way (UK unless it says otherwise)."""
    number, doubt = check_phone(raw, region)
    if doubt:
        raise ValueError(doubt)
    return number


def check_phone(raw: str, region: str = DEFAULT_REGION) -> tuple[str, str | None]:
    """The number to store and, for a doubtful one, why it is doubtful.

    A valid number: E.164 and None. A possible one the numbering plan does not
    know (an unallocated range, a number newer than the library's metadata):
    still E.164, with a doubt. Anything else (letters, a digit missing): kept as
    typed, with a doubt. An extension is kept RFC 3966 style ("+44...;ext=2").
    """
    typed = clean(raw)
    text = typed
    if text[:4].lower() == "tel:":
        text = text[4:]
    if region == DEFAULT_REGION:
        fast = fastcheck.uk_e164(text)
        if fast is not None:
            return fast, None
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return typed[:32], f"phone '{typed}' is not a phone number"
    # Strictly possible: a number that works only when dialled locally ("12345") is not.
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason != phonenumbers.ValidationResult.IS_POSSIBLE:
        return typed[:32], f"phone '{typed}' is not a possible number"
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number.extension:
        e164 = f"{e164};ext={number.extension}"[:32]
    if not phonenumbers.is_valid_number(number):
        return e164, f"phone '{typed}' is not a number in use as far as the numbering plan knows"
    return e164, None


def phone_key(number: str) -> str:
    """A stored number without its extension ("+442079460018;ext=2" -> "+442079460018")."""
    return number.split(";", 1)[0]


@lru_cache(maxsize=4096)
def display_phone(e164: str) -> str:
    """National format for UK numbers ("020 7946 0018"), international for the rest."""
    fast = fastcheck.uk_national(e164)
    if fast is not None:
        return fast
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    region = phonenumbers.region_code_for_country_code(number.country_code or 0)
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if region == DEFAULT_REGION
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)


# -- labels, kinds, flags, dates --------------------------------------------------

_LABELS = {
    "work": "work",
    "business": "work",
    "office": "work",
    "pref": "",
    "internet": "",
    "voice": "",
    "x400": "",
    "home": "home",
    "personal": "home",
    "private": "home",
    "cell": "mobile",
    "mobile": "mobile",
    "cellular": "mobile",
    "iphone": "mobile",
    "main": "main",
    "other": "other",
    "fax": "fax",
    "pager": "pager",
    "desk": "desk",
    "newsdesk": "desk",
}


@lru_cache(maxsize=1024)
def clean_label(raw: str) -> str:
    """A short lower-case label ("Work" -> "work", "* Mobile" -> "mobile")."""
    text = clean(raw).lstrip("*").strip().casefold()
    if not text:
        return ""
    return _LABELS.get(text, text[:40])


_KIND_WORDS = {
    "journalist": "journalist",
    "media": "journalist",
    "press": "journalist",
    "reporter": "journalist",
    "editor": "journalist",
    "correspondent": "journalist",
    "producer": "journalist",
    "stakeholder": "stakeholder",
    "partner": "stakeholder",
    "spokesperson": "spokesperson",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson/expert": "spokesperson",
    "internal": "internal",
    "staff": "internal",
    "colleague": "internal",
}


def parse_kind(raw: str) -> str:
    key = clean(raw).casefold()
    if key in _KIND_WORDS:
        return _KIND_WORDS[key]
    raise ValueError(f"kind '{clean(raw)}' is not one of {', '.join(KINDS)}")


def parse_lawful_basis(raw: str) -> str:
    key = re.sub(r"[^a-z]+", "_", clean(raw).casefold()).strip("_")
    key = {"legitimate_interest": "legitimate_interests", "public_interest": "public_task"}.get(
        key, key
    )
    if key in LAWFUL_BASES:
        return key
    raise ValueError(f"lawful basis '{clean(raw)}' is not one of {', '.join(LAWFUL_BASES)}")


_TRUE = {"1", "y", "yes", "true", "x", "dnc", "do not contact", "opted out", "unsubscribed"}
_FALSE = {"", "0", "n", "no", "false", "-"}


def parse_flag(raw: str) -> bool:
    key = clean(raw).casefold()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueError(f"'{clean(raw)}' is not yes or no")


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y", "%Y%m%d")


def parse_date(raw: str) -> date:
    """ISO or UK day-first dates ("2024-03-01", "01/03/2024")."""
    text = clean(raw)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"date '{text}' is not a date (use 2024-03-31 or 31/03/2024)")


def clean_tags(values: list[str]) -> list[str]:
    """Trimmed, de-duplicated case-insensitively, first spelling kept, order kept."""
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        tag = clean(value)[:100]
        key = tag.casefold()
        if tag and key not in seen:
            seen.add(key)
            out.append(tag)
    return out


def split_multi(raw: str, separators: str = ";,|") -> list[str]:
    """Split "crime; courts, politics" into its parts."""
    return [p for p in (clean(x) for x in _splitter(separators).split(raw)) if p]


@lru_cache(maxsize=16)
def _splitter(separators: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(separators)}]")
