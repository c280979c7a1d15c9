"""Open a release in the editor (DESIGN §8: < 100 ms), in the real window, offscreen.

    .venv/bin/python benchmarks/editor_open_bench.py [--releases 2000] [--opens 60] [--firsts 3]
    .venv/bin/python benchmarks/editor_open_bench.py --store DB      # a store already built

One open is timed from the request (``MainWindow.open_release``, what a double-click in the
list calls) until the form is filled and painted and the preview, rendered off the UI
thread, has been painted with this release's HTML. The findings panel's spelling and
house-style checks also start on open; they are not waited for (the person can read and
type before they report), but they run meanwhile, as in the app.

- **warm opens**: the main window shown and the editor already used once; one open for
  each of ``--opens`` releases spread over the store, back to the list between them (as a
  person goes list, release, list, release). Median and p95.
- **first open**: the first release opened after the window is shown and idle, each in a
  fresh process (``--firsts`` of them), so building whatever the editor builds on first use
  is in it.

Not a test: run it and read the numbers (``run_all.py`` parses the last two lines).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from PySide6.QtCore import QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from qt_timing import PaintClock  # noqa: E402

from ceopdesk.core.releases import service as releases  # noqa: E402
from ceopdesk.core.store import Store  # noqa: E402
from ceopdesk.ui.main_window import MainWindow  # noqa: E402

TIMEOUT_MS = 10_000


def settle(app: QApplication, window: MainWindow) -> None:
    """Let every background read and queued write finish and be delivered."""
    pool = QThreadPool.globalInstance()
    for _ in range(100):
        pool.waitForDone(TIMEOUT_MS)
        window.ops.wait_idle(TIMEOUT_MS)
        app.processEvents()
        if pool.activeThreadCount() == 0 and not window.ops.pending():
            app.processEvents()
            if pool.activeThreadCount() == 0:
                return
    raise TimeoutError("the window never became idle")


def open_one(window: MainWindow, clock: PaintClock, reference: str) -> tuple[float, float]:
    """Milliseconds from asking for ``reference`` to its form and preview painted, and of
    those the part the UI thread was blocked in the open call itself."""
    rendered: list[float] = []
    start = time.perf_counter()
    window.open_release(reference)
    filled = time.perf_counter()
    editor = window.releases.editor  # built by now, however lazily
    preview, form_view = editor.preview, editor.form
    if editor.reference != reference:
        raise RuntimeError(f"the editor shows {editor.reference}, not {reference}")
    view = preview.browser.viewport()
    clock.watch(view)
    clock.watch(form_view)

    def note() -> None:
        rendered.append(time.perf_counter())
        clock.loop_quit()

    def done() -> float | None:
        form_painted = clock.after(form_view, filled)
        preview_painted = clock.after(view, rendered[0]) if rendered else None
        if form_painted is None or preview_painted is None:
            return None
        return max(form_painted, preview_painted)

    preview.rendered.connect(note)
    try:
        end = clock.run_until(done, TIMEOUT_MS, f"opening {reference}")
    finally:
        preview.rendered.disconnect(note)
    return (end - start) * 1000, (filled - start) * 1000


def show_window(store: Store) -> tuple[QApplication, MainWindow, PaintClock]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    window = MainWindow(store)
    window.resize(1366, 768)
    window.show()
    settle(app, window)
    return app, window, PaintClock()


def first_open(store_path: Path, reference: str) -> tuple[float, float]:
    """In this (fresh) process: the window shown and idle, then the first open."""
    store = Store(store_path)
    app, window, clock = show_window(store)
    took = open_one(window, clock, reference)
    settle(app, window)
    window.close()
    store.close()
    return took


def warm_opens(store_path: Path, opens: int) -> list[tuple[float, float]]:
    store = Store(store_path)
    refs = [r.reference for r in releases.list_releases(store)]
    chosen = [refs[i * len(refs) // opens] for i in range(opens)]
    app, window, clock = show_window(store)
    open_one(window, clock, refs[-1])  # the editor's first use: built, fonts and caches warm
    times = []
    for reference in chosen:
        window.releases.show_list()
        settle(app, window)
        times.append(open_one(window, clock, reference))
    settle(app, window)
    window.close()
    store.close()
    return times


def first_opens(store_path: Path, reference: str, count: int) -> list[tuple[float, float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    cmd = [sys.executable, __file__, "--store", str(store_path), "--first-only", reference]
    out = []
    for _ in range(count):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"a first open failed:\n{done.stderr[-2000:]}")
        took, blocked = done.stdout.split()[-2:]
        out.append((float(took), float(blocked)))
    return out


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="a store already built (default: build one)")
    parser.add_argument("--releases", type=int, default=2000, help="releases in the built store")
    parser.add_argument("--opens", type=int, default=60, help="warm opens, one release each")
    parser.add_argument("--firsts", type=int, default=3, help="first opens, a process each")
    parser.add_argument("--first-only", metavar="REF", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first_only:
        print("{:.2f} {:.2f}".format(*first_open(args.store, args.first_only)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        store_path = args.store
        if store_path is None:
            from releases_bench import build_store

            store_path = Path(tmp) / "bench.db"
            build_store(store_path, args.releases).close()
        store = Store(store_path)
        reference = releases.list_releases(store)[0].reference
        store.close()
        warm = warm_opens(store_path, args.opens)
        first = first_opens(store_path, reference, args.firsts) if args.firsts else []
    for what, samples in (
        (f"warm open ({len(warm)} releases)", warm),
        (f"first open after the window is shown ({len(first)} fresh processes)", first),
    ):
        if not samples:
            continue
        total, blocked = [t for t, _ in samples], [b for _, b in samples]
        print(
            f"{what}, request to form and preview painted: median "
            f"{statistics.median(total):.1f} ms, p95 {p95(total):.1f} ms, max {max(total):.1f} ms; "
            f"UI thread blocked in the open call: median {statistics.median(blocked):.1f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
