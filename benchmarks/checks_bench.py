"""Checks as the user types, and what the spelling dictionary costs to get ready.

    .venv/bin/python benchmarks/checks_bench.py [--runs 40] [--loads 5]

Getting the en-GB dictionary ready, each in a fresh process, the kinds interleaved,
``--loads`` times each (medians; this machine is shared and noisy):

* before: ``Dictionary.from_files``, as every process read it before the cache;
* first load: ``speller()`` with an empty cache folder (reads the files, writes the cache);
* with the cache: ``speller()`` again, reading the prepared copy;
* ``release check REF`` on the sample store, the whole command, first with an empty
  cache folder and then with the cache it left;
* the main thread's longest wait (a 5 ms sleep woken late) while another thread loads
  the dictionary, before and with the cache: what the UI thread feels of it.

Then, in this process: a full check of the sample annual review with every word already
looked up (the editor's steady state); a check after one new word was typed (a look-up
the speller has not seen); and, for scale, the same release's figures. A re-check must
fit between keystrokes: median under 100 ms, p95 under 250 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from ceopdesk.core.checks import check_release
from ceopdesk.core.checks.figures import figures
from ceopdesk.core.checks.rules import defaults
from ceopdesk.core.checks.spelling import speller
from ceopdesk.core.domain import STATUSES, ContactBlock, TextSection
from ceopdesk.core.paths import resource
from ceopdesk.core.releases.interchange import load_json_file, parse_release

BUDGET_MEDIAN_MS, BUDGET_P95_MS = 100.0, 250.0
SPYLLS = (  # as speller() read it before the cache: in a process with the checks imported
    "import ceopdesk.core.checks; from spylls.hunspell import Dictionary; "
    "t = time.perf_counter(); "
    f"Dictionary.from_files({str(resource('dictionaries', 'en_GB'))!r}); "
    "print(time.perf_counter() - t)"
)
SPELLER = (
    "from ceopdesk.core.checks.spelling import speller; t = time.perf_counter(); speller(); "
    "print(time.perf_counter() - t)"
)


# The UI thread's view of a load in a background thread: a loop that wants to wake every
# 5 ms (as the event loop does for paint and keys) records how late each wake-up is.
BESIDE = (
    "import threading; {imports}; "
    "t = threading.Thread(target=lambda: {load}); start = time.perf_counter(); t.start(); "
    "late = []\n"
    "while t.is_alive():\n"
    "    w = time.perf_counter(); time.sleep(0.005); late.append(time.perf_counter() - w - 0.005)\n"
    "print(max(late))"
)
BESIDE_BEFORE = BESIDE.format(
    imports="import ceopdesk.core.checks; from spylls.hunspell import Dictionary",
    load=f"Dictionary.from_files({str(resource('dictionaries', 'en_GB'))!r})",
)
BESIDE_AFTER = BESIDE.format(
    imports="from ceopdesk.core.checks.spelling import speller", load="speller()"
)


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def in_fresh_process(code: str, cache: Path) -> float:
    """Seconds the snippet reports, run with ``cache`` as the user's cache folder."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    out = subprocess.run(
        [sys.executable, "-c", "import time; " + code], env=env, capture_output=True, text=True
    )
    if out.returncode:
        raise SystemExit(out.stderr)
    return float(out.stdout.strip().splitlines()[-1])


def command_seconds(args: list[str], cache: Path) -> float:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ceopdesk", *args], env=env, check=True, capture_output=True
    )
    return time.perf_counter() - start


def dictionary_loads(loads: int) -> dict[str, list[float]]:
    kinds = ("spylls", "first", "cached", "cli1", "cli2", "late_before", "late_after")
    times: dict[str, list[float]] = {k: [] for k in kinds}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = root / "store.db"
        subprocess.run(
            [sys.executable, "-m", "ceopdesk", "--db", str(db), "demo"],
            check=True,
            capture_output=True,
        )
        check = ["--db", str(db), "release", "check", "CEOP-2026-001"]
        for i in range(loads):
            times["spylls"].append(in_fresh_process(SPYLLS, root / f"unused-{i}"))
            cache = root / f"cache-{i}"
            times["first"].append(in_fresh_process(SPELLER, cache))
            times["cached"].append(in_fresh_process(SPELLER, cache))
            cli_cache = root / f"cli-cache-{i}"
            times["cli1"].append(command_seconds(check, cli_cache))
            times["cli2"].append(command_seconds(check, cli_cache))
            times["late_before"].append(in_fresh_process(BESIDE_BEFORE, root / f"unused-{i}"))
            times["late_after"].append(in_fresh_process(BESIDE_AFTER, cache))
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40, help="re-checks timed")
    parser.add_argument("--loads", type=int, default=5, help="fresh processes per kind of load")
    args = parser.parse_args()
    loads = dictionary_loads(args.loads) if args.loads else {}
    release = parse_release(
        load_json_file(resource("sample", "annual-review.json")), "annual-review", STATUSES
    )
    rules = defaults()
    contact = ContactBlock("CEOP Press Office", "0870 000 3434")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = tmp  # this process's own read leaves no cache behind
        speller()
    check_release(rules, release, contact=contact)  # every word looked up once
    warm, typed, figs = [], [], []
    for i in range(args.runs):
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
    if loads:
        median = {k: statistics.median(v) for k, v in loads.items()}
        print(f"dictionary, fresh processes, median of {args.loads}:")
        print(f"  before: spylls reads the files: {median['spylls']:.2f} s")
        print(f"  first load, no cache:         {median['first']:.2f} s")
        print(f"  with the cache:               {median['cached']:.2f} s")
        print(f"  release check, first call:    {median['cli1']:.2f} s (whole command)")
        print(f"  release check, second call:   {median['cli2']:.2f} s (whole command)")
        print(
            "  main thread's longest wait while a thread loads it: "
            f"before {median['late_before'] * 1000:.0f} ms, with the cache "
            f"{median['late_after'] * 1000:.0f} ms"
        )
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
