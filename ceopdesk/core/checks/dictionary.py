"""The Hunspell dictionary spylls reads, kept ready in the user's cache folder.

spylls reads the .aff file in about a tenth of a second, then spends about three
seconds of pure Python turning the .dic file's 97,000 lines into its word table
(profiled: ``readers.dic.read_dic`` and ``Dic.append``). That table is plain data,
stems, flag sets, casing, so after the first read it is written to the cache folder
as JSON, and later reads build spylls' own objects from it in a fraction of the time.

JSON, not pickle or marshal: loading a pickle runs whatever code the file names, and
marshal is documented as unsafe against crafted data; JSON only ever gives data back.
(A pickle of the whole dictionary measured slower to load than reading the .dic.)

The cache is never trusted blindly. Its header names the dictionary files' content
hash, spylls' version and this format's version, and the digest of its body; a file
that differs in any of them, or that cannot be read or built from, is read again from
the dictionary and rewritten (atomically, owner-only like every file of ours).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .. import paths
from ..atomic import atomic_write
from ..errors import UserError

FORMAT = 1
log = logging.getLogger("ceopdesk")


def load(base: Path, cache_folder: Path | None) -> Any:
    """The spylls ``Dictionary`` of ``base``.aff/.dic, from the cache when it is sound.

    ``cache_folder`` None reads the dictionary files every time. A cache that is not
    there, is for other files or versions, or is damaged, is made again from them.
    """
    from spylls.hunspell import Dictionary
    from spylls.hunspell.readers import read_aff, read_dic
    from spylls.hunspell.readers.file_reader import FileReader

    aff, context = read_aff(FileReader(f"{base}.aff"))
    cache = cache_folder / f"{base.name}.spelling.json" if cache_folder else None
    header = _header(base) if cache else {}
    table = _read(cache, header) if cache else None
    if table is not None:
        try:
            return Dictionary(aff, _words(aff, table))
        except Exception as exc:  # noqa: BLE001 - whatever a damaged table does, read afresh
            log.warning("spelling cache %s unusable (%r); reading the dictionary", cache, exc)
    rules_before = len(aff.REP)  # the .dic's ph: fields add to the .aff's REP table
    words = read_dic(FileReader(f"{base}.dic", context.encoding), aff=aff, context=context)
    if cache:
        _write(cache, header, _table(aff, words, aff.REP[rules_before:]))
    return Dictionary(aff, words)


def _header(base: Path) -> dict[str, Any]:
    digest = hashlib.sha256()
    for suffix in (".aff", ".dic"):
        digest.update(Path(f"{base}{suffix}").read_bytes())
    from importlib import metadata

    try:
        spylls = metadata.version("spylls")
    except metadata.PackageNotFoundError:  # a bundle built without its metadata
        spylls = "unknown"
    return {"format": FORMAT, "spylls": spylls, "dictionary": digest.hexdigest()}


def _table(aff: Any, words: Any, rules: list[Any]) -> dict[str, Any]:
    """spylls' word table as plain data, in its order (``read_dic`` is what it replays)."""
    from spylls.hunspell.algo.capitalization import Type

    flag_sets: dict[frozenset[str], int] = {}
    stems, flags, casing = [], [], []
    lower, data, alternatives = {}, {}, {}
    for i, word in enumerate(words.words):
        stems.append(word.stem)
        flags.append(flag_sets.setdefault(frozenset(word.flags), len(flag_sets)))
        casing.append(word.captype.value)
        if word.captype != Type.NO:
            lower[i] = aff.casing.lower(word.stem)  # as read_dic indexes it
        if word.data:
            data[i] = dict(word.data)
        if word.alt_spellings:
            alternatives[i] = word.alt_spellings
    return {
        "stems": stems,
        "flag_sets": [sorted(s) for s in flag_sets],
        "flags": flags,
        "casing": casing,
        "lower": lower,
        "data": data,
        "alternatives": alternatives,
        "rules": [[r.pattern, r.replacement] for r in rules],
    }


def _words(aff: Any, table: dict[str, Any]) -> Any:
    from spylls.hunspell.algo.capitalization import Type
    from spylls.hunspell.data.aff import RepPattern
    from spylls.hunspell.data.dic import Dic, Word

    rules = [RepPattern(pattern, replacement) for pattern, replacement in table["rules"]]
    flag_sets = [frozenset(s) for s in table["flag_sets"]]  # shared: spylls never changes one
    types = {t.value: t for t in Type}
    data = {int(i): v for i, v in table["data"].items()}
    alternatives = {int(i): v for i, v in table["alternatives"].items()}
    stems, flags, casing = table["stems"], table["flags"], table["casing"]
    if not (len(stems) == len(flags) == len(casing)):
        raise ValueError("columns of different lengths")
    # One empty dict and list for the words without data: spylls only reads them, and
    # 97,000 lists fewer are 97,000 objects fewer for every run of the cycle collector.
    no_data: dict[str, list[str]] = {}
    no_alternatives: list[str] = []
    words = Dic(words=[])
    listed, index = words.words, words.index
    for i, stem in enumerate(stems):
        word = Word(
            stem,
            flag_sets[flags[i]],
            data.get(i, no_data),
            alternatives.get(i, no_alternatives),
            types[casing[i]],
        )
        listed.append(word)
        index[stem].append(word)
    lower = {int(i): v for i, v in table["lower"].items()}
    words.lowercase_index = LowerCaseIndex(listed, lower)
    aff.REP.extend(rules)  # last: a table that fails anywhere above leaves aff as it was
    return words


class LowerCaseIndex(Mapping[str, list[Any]]):
    """spylls' ``Dic.lowercase_index``, made on first use: only a word in capitals needs it.

    Made as ``Dic.append`` makes it, so it is the same index: a word without a lower-case
    form is indexed under the letters of its stem (spylls passes the stem as the list).
    Building it is most of the time ``Dic.append`` takes; lookups of ordinary words never ask.
    """

    def __init__(self, words: list[Any], lower: dict[int, list[str]]) -> None:
        self._words, self._lower = words, lower
        self._index: dict[str, list[Any]] | None = None

    def _built(self) -> dict[str, list[Any]]:
        if self._index is None:
            index: defaultdict[str, list[Any]] = defaultdict(list)
            for i, word in enumerate(self._words):
                for form in self._lower.get(i, word.stem):
                    index[form].append(word)
            self._index = dict(index)  # set once: a racing thread builds the same
        return self._index

    def __getitem__(self, key: str) -> list[Any]:
        return self._built()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._built())

    def __len__(self) -> int:
        return len(self._built())


def _read(cache: Path, header: dict[str, Any]) -> dict[str, Any] | None:
    """The cached table if the file is the one for ``header`` and whole; None otherwise."""
    try:
        with cache.open("rb") as fh:
            first = json.loads(fh.readline())
            body = fh.read()
        if not isinstance(first, dict) or {k: first.get(k) for k in header} != header:
            return None  # another dictionary, spylls or format: rebuilt
        if first.get("body") != hashlib.sha256(body).hexdigest():
            raise ValueError("its body does not match its digest")
        table = json.loads(body)
        if not isinstance(table, dict):
            raise ValueError("its body is not a table")
        return table
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:  # JSON and Unicode errors are ValueErrors
        log.warning("spelling cache %s unreadable (%s); reading the dictionary", cache, exc)
        return None


def _write(cache: Path, header: dict[str, Any], table: dict[str, Any]) -> None:
    """Best effort: without a cache the next start reads the dictionary again, no more."""
    body = json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    first = json.dumps({**header, "body": hashlib.sha256(body).hexdigest()}).encode("utf-8")
    try:
        paths.private_folder(cache.parent)
        with atomic_write(cache, binary=True, private=True) as fh:
            fh.write(first + b"\n" + body)
    except (OSError, UserError) as exc:
        log.warning("spelling cache %s not written: %s", cache, exc)
