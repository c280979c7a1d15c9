"""The contacts page over 100,000 contacts: memory while scrolling, page and search latency.

Budget (DESIGN §8): the model fetches lazily; memory < 400 MB. Not a test: run
it and read the numbers. Builds the store with ``contacts_bench.generate`` and
the core's import unless ``--store`` names one already filled (e.g. the one
``contacts_bench.py --keep DIR`` leaves as DIR/bench.db).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/contacts_table_memory.py [--store DB]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from qt_timing import PaintClock  # noqa: E402

from ceopdesk.core.contacts import importer, query  # noqa: E402
from ceopdesk.core.contacts.domain import ImportOptions  # noqa: E402
from ceopdesk.core.store import Store  # noqa: E402
from ceopdesk.ui.contacts.view import SEARCH_DELAY_MS, ContactsView  # noqa: E402
from ceopdesk.ui.operations import StoreOps  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1_048_576


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def wait(model, done, timeout: float = 10.0) -> float:  # type: ignore[no-untyped-def]
    """Run the event loop, as the app does, until ``done()``; woken by the model's signals."""
    start = time.perf_counter()
    if done():
        return 0.0
    loop = QEventLoop()

    def check(*_args: object) -> None:
        if done():
            loop.quit()

    signals = (model.dataChanged, model.modelReset, model.loadingChanged)
    for signal in signals:
        signal.connect(check)
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    loop.exec()
    for signal in signals:
        signal.disconnect(check)
    if not done():
        raise TimeoutError
    return (time.perf_counter() - start) * 1000


def build_store(n: int) -> Path:
    from contacts_bench import generate

    folder = Path(tempfile.mkdtemp(prefix="ceopdesk-table-"))
    generate(folder / "contacts.csv", n)
    store = Store(folder / "bench.db")
    t = time.perf_counter()
    importer.import_file(store, folder / "contacts.csv", ImportOptions())
    print(f"imported {n:,} contacts in {time.perf_counter() - t:.1f} s -> {folder / 'bench.db'}")
    store.close()
    return folder / "bench.db"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="an existing store with many contacts")
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also trace Python allocations (slows every timing several-fold)",
    )
    args = ap.parse_args()
    path = args.store or build_store(args.contacts)

    app = QApplication.instance() or QApplication([])
    base = rss_mb()
    store = Store(path)
    total = query.count_contacts(store)
    cpu = time.process_time()
    if args.tracemalloc:
        tracemalloc.start()
    ops = StoreOps(store)
    view = ContactsView(ops)
    view.resize(1280, 800)
    view.show()
    wait(view.model, view.wait_idle)
    model, bar = view.model, view.table.verticalScrollBar()
    print(
        f"{total:,} contacts; process {base:.0f} MB before the page, {rss_mb():.0f} MB with it shown"
    )

    # Scroll the whole table a screen at a time; time the page reads and the whole screens.
    reads: list[float] = []
    real_fetch = query.fetch_summaries

    def timed_fetch(*a, **k):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return real_fetch(*a, **k)
        finally:
            reads.append((time.perf_counter() - t) * 1000)

    query.fetch_summaries = timed_fetch  # type: ignore[assignment]
    screens, latencies = 0, []
    step = max(1, bar.pageStep())
    for value in range(0, bar.maximum() + step, step):
        bar.setValue(min(value, bar.maximum()))
        t = time.perf_counter()
        view.table.viewport().repaint()  # paint the new screen now, reading any page it lacks
        latencies.append((time.perf_counter() - t) * 1000)
        screens += 1
    query.fetch_summaries = real_fetch  # type: ignore[assignment]
    print(
        f"scrolled {screens:,} screens top to bottom: {model.pages_fetched:,} pages fetched, "
        f"{model.cached_pages} kept in the cache"
    )
    for label, samples in (
        ("reading one page of 200 rows", reads),
        ("painting one screen", latencies),
    ):
        ordered = sorted(samples)
        print(
            f"  {label}: median {statistics.median(ordered):.1f} ms, "
            f"p95 {ordered[int(len(ordered) * 0.95)]:.1f} ms, max {ordered[-1]:.1f} ms"
        )
    if args.tracemalloc:
        current, peak_py = tracemalloc.get_traced_memory()
        print(f"  Python heap now {current / 1_048_576:.1f} MB, peak {peak_py / 1_048_576:.1f} MB")
    print(
        f"  process RSS now {rss_mb():.0f} MB, peak {peak_mb():.0f} MB  (budget 400 MB: "
        f"{'ok' if peak_mb() < 400 else 'OVER BUDGET'})"
    )

    # Typing in the search box, a real key press at a time: from the key press to the rows
    # painted. The page waits SEARCH_DELAY_MS after the last keystroke before it searches
    # (so fast typing searches once); that deliberate pause is left out: the search is
    # started at once, as the pause's timer would start it (``apply_filter``).
    clock, reset = PaintClock(), [0.0]
    clock.watch(view.table.viewport())

    def rows_replaced() -> None:
        reset[0] = time.perf_counter()
        clock.loop_quit()

    model.modelReset.connect(rows_replaced)
    shown = []
    words = ("chen", "zoe", "smith", "guardian", "siobhan", "okafor", "bbc", "crime", "07812")
    for word in (*words, "mull", "press off"):
        view.search.clear()
        view.apply_filter()
        wait(view.model, view.wait_idle)
        app.processEvents()
        for key in word:
            start = time.perf_counter()
            QTest.keyClicks(view.search, key)
            view.apply_filter()
            if not model.loading:
                continue  # the search did not change (a trailing space): nothing to show
            shown.append(
                clock.run_until(
                    lambda start=start: (
                        clock.after(view.table.viewport(), reset[0])
                        if reset[0] > start and view.wait_idle()
                        else None
                    ),
                    10_000,
                    f"typing {view.search.text()!r}",
                )
                - start
            )
    shown = [s * 1000 for s in shown]
    ordered = sorted(shown)
    print(
        f"search as you type in the real page ({len(shown)} keystrokes), key press to rows "
        f"painted (the {SEARCH_DELAY_MS} ms typing pause left out): median "
        f"{statistics.median(ordered):.1f} ms, p95 {ordered[round(0.95 * (len(ordered) - 1))]:.1f} ms, "
        f"max {ordered[-1]:.1f} ms"
    )
    print(
        f"(CPU time of this process: {time.process_time() - cpu:.1f} s; the machine may be shared)"
    )
    view.close()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
