"""Release budgets of DESIGN §8 on a store of 2,000 releases and 100 boilerplate notes.

    .venv/bin/python benchmarks/releases_bench.py [--releases 2000]

Measures (medians; this machine is shared, so never as timed tests):
- open a release (the core's part of opening the editor): budget < 100 ms
- list all releases, and a full-text search
- export one release to .docx against python-docx alone building the same
  blocks on its default template: budget < 1.5x
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docx  # noqa: E402

from ceopdesk.core import settings  # noqa: E402
from ceopdesk.core.demo import load_sample  # noqa: E402
from ceopdesk.core.domain import Note, QuoteSection, Release, TextSection  # noqa: E402
from ceopdesk.core.releases import boilerplate
from ceopdesk.core.releases import service as releases
from ceopdesk.core.releases.interchange import BoilerplateItem  # noqa: E402
from ceopdesk.core.store import Store  # noqa: E402
from ceopdesk.documents.assemble import assemble  # noqa: E402
from ceopdesk.documents.blocks import Table  # noqa: E402
from ceopdesk.documents.docx_writer import write_docx  # noqa: E402
from ceopdesk.documents.exporting import export_release  # noqa: E402

WORDS = [
    "children",
    "safeguarded",
    "offenders",
    "online",
    "investigation",
    "partners",
    "review",
    "figures",
    "court",
    "arrests",
    "images",
    "threat",
    "schools",
    "parents",
    "advice",
    "international",
]


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def build_store(path: Path, count: int) -> Store:
    store = Store(path)
    load_sample(store, "bench")
    items = [
        BoilerplateItem(f"note-{i:03d}", f"Note {i}", f"Boilerplate text {i}. " * 20)
        for i in range(97)
    ]
    boilerplate.import_items(store, items, "bench")
    with store.session() as s:
        for i in range(count):
            w = [WORDS[(i * 7 + k) % len(WORDS)] for k in range(12)]
            release = Release(
                reference="",
                headline=" ".join(w[:7]).capitalize(),
                standfirst=" ".join(w) * 3,
                sections=[
                    TextSection(" ".join(w) * 10 + "\n\n- one\n- two"),
                    QuoteSection("Helen Marsh", "Director", " ".join(w) * 4),
                ],
                notes=[
                    Note("", "", boilerplate=f"note-{i % 97:03d}"),
                    Note("", "", boilerplate="about-ceop"),
                ],
            )
            releases.create_in(s, release, "bench")
    return store


def python_docx_alone(blocks: list) -> None:
    d = docx.Document()
    for b in blocks:
        if isinstance(b, Table):
            t = d.add_table(len(b.rows), len(b.rows[0]))
            for i, row in enumerate(b.rows):
                for cell, runs in zip(t.rows[i].cells, row, strict=False):
                    cell.paragraphs[0].add_run("".join(r.text for r in runs))
            continue
        style = b.style if b.style in ("List Bullet", "List Number", "Quote") else "Normal"
        p = d.add_paragraph(style=style)
        for r in b.runs:
            run = p.add_run(r.text)
            run.bold, run.italic = r.bold, r.italic
    d.save(io.BytesIO())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--releases", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        store = build_store(Path(tmp) / "bench.db", args.releases)
        print(
            f"built store: {args.releases} releases + 100 boilerplate "
            f"in {time.perf_counter() - t:.1f} s"
        )
        ref = "CEOP-2026-001"
        cfg = settings.load(store)
        open_ms = median_ms(lambda: releases.get(store, ref), args.runs)
        list_ms = median_ms(lambda: releases.list_releases(store), 10)
        search_ms = median_ms(lambda: releases.list_releases(store, query="safeg"), args.runs)
        release = releases.get(store, ref)
        blocks = assemble(release, cfg)
        out = Path(tmp) / "r.docx"
        ours = median_ms(lambda: write_docx(release, cfg, out, 1), args.runs)
        alone = median_ms(lambda: python_docx_alone(blocks), args.runs)
        # The whole export a user waits for: content version, file, record, rename.
        whole = median_ms(lambda: export_release(store, ref, out), args.runs)
        store.close()
    ratio = ours / alone
    print(f"open a release:        {open_ms:7.1f} ms median   (budget < 100 ms)")
    print(f"list all releases:     {list_ms:7.1f} ms median")
    print(f"full-text search:      {search_ms:7.1f} ms median")
    print(
        f"export to .docx:       {ours:7.1f} ms median; python-docx alone {alone:.1f} ms; "
        f"ratio {ratio:.2f}   (budget < 1.5)"
    )
    print(
        f"whole export (version, file, record): {whole:7.1f} ms median; "
        f"{whole / alone:.2f} x python-docx alone (reported, no budget)"
    )
    ok = open_ms < 100 and ratio < 1.5
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
