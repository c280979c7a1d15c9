"""The spelling dictionary's prepared copy in the cache folder: read as the dictionary
itself reads, never used for other dictionary files, rebuilt when damaged."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ceopdesk.core.checks import dictionary
from ceopdesk.core.checks.spelling import Speller
from ceopdesk.core.collector import collector_paused
from ceopdesk.core.paths import resource

AFF = """SET UTF-8
TRY esianrtolcdugmphbyfvkwzESIANRTOLCDUGMPHBYFVKWZ'
REP 2
REP f ph
REP ph f
SFX S Y 2
SFX S 0 s [^y]
SFX S y ies y
PFX U Y 1
PFX U 0 un .
"""
DIC = """9
colour/S
harbour/SU
city/S
Chiltern
NASA
McDonald
which ph:wich
pretty ph:prity*
abandonware\tNoun: uncountable
"""
WORDS = [
    "colour",
    "colours",
    "Colour",
    "COLOURS",
    "color",
    "harbours",
    "unharbour",
    "cities",
    "citys",
    "Chiltern",
    "chiltern",
    "NASA",
    "Nasa",
    "McDonald",
    "MCDONALD",
    "which",
    "wich",
    "abandonware",
    "x",
]
MISSPELT = ["colur", "wich", "prity", "hrabour", "Chitern"]


def write_dictionary(folder: Path, dic: str = DIC) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "xx_GB.aff").write_text(AFF, encoding="utf-8")
    (folder / "xx_GB.dic").write_text(dic, encoding="utf-8")
    return folder / "xx_GB"


def answers(d) -> tuple[list[bool], list[list[str]]]:  # type: ignore[no-untyped-def]
    speller = Speller(d)
    return [speller.is_correct(w) for w in WORDS], [speller.suggestions(w) for w in MISSPELT]


def same_tables(a, b) -> None:  # type: ignore[no-untyped-def]
    assert a.dic.words == b.dic.words
    assert dict(a.dic.index) == dict(b.dic.index)
    assert dict(a.dic.lowercase_index) == dict(b.dic.lowercase_index)
    assert [(r.pattern, r.replacement) for r in a.aff.REP] == [
        (r.pattern, r.replacement) for r in b.aff.REP
    ]


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return write_dictionary(tmp_path / "dictionaries")


def cache_file(folder: Path) -> Path:
    [found] = folder.glob("*.spelling.json")
    return found


def test_the_cached_dictionary_answers_as_the_dictionary_read_afresh(base, tmp_path) -> None:
    fresh = dictionary.load(base, None)
    built = dictionary.load(base, tmp_path / "cache")  # reads the files, writes the cache
    cached = dictionary.load(base, tmp_path / "cache")
    same_tables(fresh, built)
    same_tables(fresh, cached)
    assert answers(cached) == answers(fresh)
    correct, suggested = answers(cached)
    assert correct[WORDS.index("colours")] and not correct[WORDS.index("color")]
    assert correct[WORDS.index("MCDONALD")]  # the lower-case index, made when first asked
    assert "which" in suggested[MISSPELT.index("wich")]  # the .dic's ph: field, kept


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_cache_is_the_owners_only(base, tmp_path) -> None:
    os.umask(0o022)
    dictionary.load(base, tmp_path / "cache")
    assert (tmp_path / "cache").stat().st_mode & 0o777 == 0o700
    assert cache_file(tmp_path / "cache").stat().st_mode & 0o777 == 0o600


def damage_body(path: Path) -> None:
    """Still a table, one letter of one word changed (a flipped bit on the disk)."""
    data = path.read_bytes()
    assert b'"colour"' in data
    path.write_bytes(data.replace(b'"colour"', b'"colous"', 1))


def valid_header_wrong_table(path: Path) -> None:
    """Whole, with a matching digest, but not a table this code made."""
    import hashlib

    header = json.loads(path.read_bytes().split(b"\n", 1)[0])
    body = json.dumps({"stems": ["a"], "flags": [5], "casing": [1], "rules": [["(", "x"]]})
    header["body"] = hashlib.sha256(body.encode()).hexdigest()
    path.write_bytes(json.dumps(header).encode() + b"\n" + body.encode())


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
        lambda p: p.write_bytes(b"\x00\xff garbage \xfe"),
        lambda p: p.write_bytes(b"[1, 2, 3]\n{}"),
        damage_body,
        valid_header_wrong_table,
    ],
    ids=["empty", "cut short", "not text", "not ours", "a flipped bit", "a wrong table"],
)
def test_a_damaged_cache_is_rebuilt_and_answers_the_same(base, tmp_path, damage) -> None:
    folder = tmp_path / "cache"
    fresh = dictionary.load(base, folder)
    good = cache_file(folder).read_bytes()
    damage(cache_file(folder))
    again = dictionary.load(base, folder)
    same_tables(fresh, again)
    assert answers(again) == answers(fresh)
    assert cache_file(folder).read_bytes() == good  # made again, whole


def test_a_cache_made_from_other_dictionary_files_is_not_used(base, tmp_path) -> None:
    folder = tmp_path / "cache"
    dictionary.load(base, folder)
    assert not Speller(dictionary.load(base, folder)).is_correct("safeguarding")
    write_dictionary(base.parent, DIC.replace("9\n", "10\n") + "safeguarding\n")
    updated = dictionary.load(base, folder)
    assert Speller(updated).is_correct("safeguarding")
    assert (
        json.loads(cache_file(folder).read_bytes().split(b"\n", 1)[0])["dictionary"]
        == (dictionary._header(base)["dictionary"])
    )
    assert Speller(dictionary.load(base, folder)).is_correct("safeguarding")


def test_a_cache_folder_that_cannot_be_written_leaves_spelling_working(base, tmp_path) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    d = dictionary.load(base, blocked / "cache")
    assert Speller(d).is_correct("colours")


def test_the_shipped_dictionary_reads_the_same_from_its_cache(tmp_path) -> None:
    """The en-GB dictionary itself (seconds: read once, then from the cache). The whole
    lower-case index is compared on the small dictionary above; here, samples of it."""
    base = resource("dictionaries", "en_GB")
    with collector_paused(collect_after=False):
        built = dictionary.load(base, tmp_path)
        cached = dictionary.load(base, tmp_path)
    assert cached.dic.words == built.dic.words
    assert dict(cached.dic.index) == dict(built.dic.index)
    for key in ("nasa", "mcdonald", "openoffice.org", "a", "z"):
        assert cached.dic.lowercase_index.get(key) == built.dic.lowercase_index.get(key)
    words = [
        "Childern",
        "safegaurded",
        "the",
        "Centre",
        "organised",
        "colour",
        "Chiltern",
        "NASA",
        "MCDONALD",
    ]
    assert [Speller(cached).is_correct(w) for w in words] == [
        Speller(built).is_correct(w) for w in words
    ]
    assert Speller(cached).is_correct("organised") and not Speller(cached).is_correct("Childern")
