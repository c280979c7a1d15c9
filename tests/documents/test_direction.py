"""Paragraph direction by the first strong character, and the attribution line's isolates."""

from __future__ import annotations

import pytest

from ceopdesk.documents.assemble import attribution
from ceopdesk.documents.direction import first_strong, is_rtl, isolate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello", "ltr"),
        ("“مرحبا بكم.”", "rtl"),  # Arabic after an opening quotation mark
        ("שלום", "rtl"),  # Hebrew
        ("1. اردو", "rtl"),  # Urdu after a list number
        ("123 ...", None),
        ("\u2068أحمد\u2069 said:", "ltr"),  # an isolate does not decide
    ],
)
def test_first_strong_character_decides(text, expected):
    assert first_strong(text) == expected


def test_isolate_only_wraps_right_to_left_text():
    assert isolate("Peter Davies") == "Peter Davies"
    assert isolate("أحمد خان") == "\u2068أحمد خان\u2069\u200e"


def test_attribution_reads_as_an_english_sentence_in_both_directions():
    arabic = attribution("أحمد خان", "ضابط التحقيق")
    assert arabic == "\u2068أحمد خان\u2069\u200e, \u2068ضابط التحقيق\u2069\u200e, said:"
    assert not is_rtl(arabic)
    mixed = attribution("Jane Smith", "مديرة")
    assert mixed == "Jane Smith, \u2068مديرة\u2069\u200e, said:" and not is_rtl(mixed)
