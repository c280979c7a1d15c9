"""Checks as the user types: a re-check must fit between keystrokes (budget: median
under 100 ms, p95 under 250 ms for the sample annual review, spelling on, dictionary read).

    .venv/bin/python benchmarks/checks_bench.py [--runs 40]

Measures, in one process: reading the en-GB dictionary once; a full check of the
sample annual review with every word already looked up (the editor's steady state);
a check after one new word was typed (a dictionary look-up the cache has not seen);
and, for scale, the same release's figures. Prints medians and p95.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace

from ceopdesk.core.checks import check_release
from ceopdesk.core.checks.figures import figures
from ceopdesk.core.checks.rules import defaults
from ceopdesk.core.checks.spelling import speller
from ceopdesk.core.domain import STATUSES, ContactBlock, TextSection
from ceopdesk.core.paths import resource
from ceopdesk.core.releases.interchange import load_json_file, parse_release

BUDGET_MEDIAN_MS, BUDGET_P95_MS = 100.0, 250.0


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    runs = parser.parse_args().runs
    start = time.perf_counter()
    speller()
    load_s = time.perf_counter() - start
    release = parse_release(
        load_json_file(resource("sample", "annual-review.json")), "annual-review", STATUSES
    )
    rules = defaults()
    contact = ContactBlock("CEOP Press Office", "0870 000 3434")
    check_release(rules, release, contact=contact)  # every word looked up once
    warm, typed, figs = [], [], []
    for i in range(runs):
        t = time.perf_counter()
        check_release(rules, release, contact=contact)
        warm.append((time.perf_counter() - t) * 1000)
        edited = replace(
            release, sections=[*release.sections, TextSection(f"A new word: Qwertyzx{i} appears.")]
        )
        t = time.perf_counter()
        check_release(rules, edited, contact=contact)
        typed.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        figures(release)
        figs.append((time.perf_counter() - t) * 1000)
    words = sum(len(p.split()) for p in [release.standfirst, *(s.text for s in release.sections)])
    print(f"dictionary read once: {load_s:.2f} s")
    print(
        f"re-check, {words} words, all seen: median {statistics.median(warm):.1f} ms, "
        f"p95 {p95(warm):.1f} ms"
    )
    print(
        f"re-check after a new word:  median {statistics.median(typed):.1f} ms, "
        f"p95 {p95(typed):.1f} ms"
    )
    print(f"figures: median {statistics.median(figs):.2f} ms")
    over = statistics.median(typed) > BUDGET_MEDIAN_MS or p95(typed) > BUDGET_P95_MS
    print("over budget" if over else "within budget")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
