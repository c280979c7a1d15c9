"""The word-level diff used for boilerplate history and Word-file comparison."""

from __future__ import annotations

import pytest

from ceopdesk.core.textdiff import (
    DiffRun,
    diff_words,
    is_unchanged,
    new_text,
    old_text,
    stats,
    tokenize,
)


def test_tokenize_keeps_every_character() -> None:
    text = "Peter Davies, CEOP's chief executive, said:\n\n- one\t two"
    assert "".join(tokenize(text)) == text
    assert "CEOP's" in tokenize(text)


def test_identical_texts_are_one_equal_run() -> None:
    runs = diff_words("About CEOP.", "About CEOP.")
    assert runs == [DiffRun("equal", "About CEOP.", "About CEOP.")]
    assert is_unchanged(runs)
    assert stats(runs).unchanged


def test_one_word_replaced() -> None:
    runs = diff_words("the quick brown fox", "the slow brown fox")
    assert runs == [
        DiffRun("equal", "the ", "the "),
        DiffRun("replace", "quick", "slow"),
        DiffRun("equal", " brown fox", " brown fox"),
    ]


def test_neighbouring_changes_read_as_one_replacement() -> None:
    runs = diff_words("the quick brown fox", "the slow red fox")
    changed = [r for r in runs if r.changed]
    assert changed == [DiffRun("replace", "quick brown", "slow red")]


def test_insert_and_delete() -> None:
    runs = diff_words("Call 999.", "Call 999 now.")
    assert DiffRun("insert", "", " now") in runs
    runs = diff_words("free and in confidence", "in confidence")
    assert runs[0] == DiffRun("delete", "free and ", "")
    assert stats(runs).words_removed == 2 and stats(runs).words_added == 0


def test_empty_sides() -> None:
    assert diff_words("", "") == []
    assert diff_words("", "new text") == [DiffRun("insert", "", "new text")]
    assert diff_words("old text", "") == [DiffRun("delete", "old text", "")]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("a b c", "x y z"),
        ("One.\n\nTwo three.", "One.\nTwo, three and four."),
        ("- bullet one\n- bullet two", "- bullet one\n- bullet 2\n- bullet three"),
        ("Tom’s report", "Tom's report"),
        ("  spaced  out  ", "spaced out"),
    ],
)
def test_runs_rebuild_both_texts(old: str, new: str) -> None:
    runs = diff_words(old, new)
    assert old_text(runs) == old
    assert new_text(runs) == new
    # Changed and unchanged runs alternate, and no run is empty.
    for first, second in zip(runs, runs[1:], strict=False):
        assert first.changed != second.changed
    assert all(r.old or r.new for r in runs)


def test_stats_count_words_not_spaces() -> None:
    runs = diff_words("Report it to CEOP.", "Report it to CEOP or Childline today.")
    assert stats(runs).words_added == 3
    assert stats(runs).words_removed == 0
