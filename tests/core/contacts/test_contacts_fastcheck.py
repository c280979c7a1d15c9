"""The fast validation paths agree with email-validator and phonenumbers themselves."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from email_validator import EmailNotValidError, validate_email

from ceopdesk.core.contacts import fastcheck
from ceopdesk.core.contacts.normalise import parse_email, parse_phone

EMAILS = [
    "jane.doe@bbc.co.uk",
    "Jane.Doe@BBC.CO.UK",
    "a+b@example.org",
    "o'brien@example.ie",
    "x@example.com",
    "a..b@example.com",
    ".a@example.com",
    "a.@example.com",
    "a@example",
    "a@localhost",
    "a@x.test",
    "a@x.invalid",
    "a@example.local",
    "a@-bad.com",
    "a@bad-.com",
    "a@x_y.com",
    "a@1.2.3.4",
    "a@example.123",
    "zoë@example.com",
    "jane@bücher.example",
    "jane@xn--bcher-kva.example",
    "l" * 64 + "@example.com",
    "l" * 65 + "@example.com",
    "a@" + "d" * 64 + ".com",
    '"quoted"@example.com',
    "a b@example.com",
    "a@b@example.com",
    "@example.com",
    "a@",
]


def library(address: str) -> str | None:
    try:
        return validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def ours(address: str) -> str | None:
    try:
        return parse_email(address)
    except ValueError:
        return None


@pytest.mark.parametrize("address", EMAILS)
def test_email_fast_path_agrees(address):
    fastcheck.forget_domains()
    first = ours(address)  # full path, remembers the domain
    local = address.rpartition("@")[0]
    for other in (
        address,
        f"x{local}@{address.rpartition('@')[2]}",
        f"{local}.x@{address.rpartition('@')[2]}",
    ):
        assert ours(other) == library(other), other
    assert first == library(address)


def test_email_fast_path_is_used(monkeypatch):
    fastcheck.forget_domains()
    parse_email("first@newsroom.example.com")
    monkeypatch.setattr("ceopdesk.core.contacts.normalise.validate_email", None)
    assert parse_email("second@newsroom.example.com") == "second@newsroom.example.com"


def test_forgetting_the_domains_works_every_time():
    for _ in range(3):
        parse_email("someone@forgotten.example.org")
        assert fastcheck.known_email("other@forgotten.example.org") is not None
        fastcheck.forget_domains()
        assert fastcheck.known_email("other@forgotten.example.org") is None


def test_the_uk_phone_fast_paths_read_the_gb_metadata_once(monkeypatch):
    """The fast paths build their patterns once; reading and compiling phonenumbers' GB
    metadata for every number made the UK fast path several times slower."""
    fastcheck.uk_e164("020 7946 0018")
    fastcheck.uk_national("+442079460018")
    reads: list[str] = []
    real = fastcheck.PhoneMetadata.metadata_for_region

    def counted(region: str, *args: object) -> object:
        reads.append(region)
        return real(region, *args)

    monkeypatch.setattr(fastcheck.PhoneMetadata, "metadata_for_region", counted)
    for raw in ("020 7946 0018", "+447512123456", "(0161) 496 0123") * 50:
        assert fastcheck.uk_e164(raw) is not None
    assert fastcheck.uk_national("+442079460018") == "020 7946 0018"
    assert reads == []


def gb(raw: str) -> str | None:
    try:
        number = phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def test_uk_phone_fast_path_agrees_with_phonenumbers():
    rng = random.Random(4)
    samples = [
        "020 7946 0018",
        "+44 (0)20 7946 0018",
        "0044 20 7946 0018",
        "0113-496-0000",
        "(0161) 496 0123",
        "07911 123456",
        "07911 654321",
        "01632 960001",
        "0800 123 4567",
        "0845 123 4567",
        "0300 123 4567",
        "0500 123456",
        "01534 123456",
        "01624 123456",
        "01481 123456",
        "07700 900123",
        "02079460018",
        "+447512123456",
        "03069 990000",
    ]
    for _ in range(4000):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.choice((9, 10))))
        samples.append("0" + digits)
        samples.append("+44 " + digits)
    for raw in samples:
        fast = fastcheck.uk_e164(raw)
        if fast is not None:
            assert fast == gb(raw), raw
        try:
            assert parse_phone(raw) == gb(raw), raw
        except ValueError:
            assert gb(raw) is None, raw
    assert sum(fastcheck.uk_e164(s) is not None for s in samples) > 100  # the fast path is used


def test_uk_display_fast_path_agrees_with_phonenumbers():
    rng = random.Random(7)
    checked = 0
    for _ in range(6000):
        nsn = "".join(rng.choice("0123456789") for _ in range(rng.choice((9, 10))))
        number = phonenumbers.parse("+44" + nsn, None)
        if not phonenumbers.is_valid_number(number):
            continue
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        expected = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        assert fastcheck.uk_national(e164) in (expected, None), e164
        checked += fastcheck.uk_national(e164) is not None
    assert checked > 300
    assert fastcheck.uk_national("+442079460018") == "020 7946 0018"
    assert fastcheck.uk_national("+33142685300") is None
