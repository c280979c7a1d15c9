"""The longest UI-thread stall while another process imports 100,000 contacts.

Budget (DESIGN §8): < 100 ms. The app is opened on a store holding the sample library,
a release is open in the editor, and a keystroke goes into its standfirst every 50 ms
(real words; so autosave writes through StoreOps the whole time); meanwhile ``ceopdesk contacts
import`` of a 100,000-row CSV runs as a separate process on the same store. A 5 ms QTimer
heartbeat on the UI thread records the gaps between its beats: the longest gap is the
longest stall. Not a test: run it and read the numbers.

    .venv/bin/python benchmarks/ui_stall_bench.py [--contacts 100000] [--runs 1]
        [--why]          # name every UI-thread call over 50 ms (slows the UI thread)
        [--control 12]   # the same typing while the other process only sleeps 12 s
"""

from __future__ import annotations

import argparse
import collections
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from contacts_bench import generate  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ceopdesk.core import demo  # noqa: E402
from ceopdesk.core.releases import service as releases  # noqa: E402
from ceopdesk.core.store import Store  # noqa: E402
from ceopdesk.ui.main_window import MainWindow  # noqa: E402

HEARTBEAT_MS = 5
KEYSTROKE_MS = 50
# What is typed, a character a keystroke: real words. (It was "xxxxx " over and over: every
# word a spelling finding, and the findings pane then fills a widget per finding on the UI
# thread, about 240 ms for a few dozen; a cost of its own, not of the import.)
TYPED = (
    "Officers safeguarded children across the region after an investigation into online "
    "offenders, and schools were given advice for parents. "
)
WHY_AFTER_MS = 50  # a UI-thread call this long is named (``--why``)


class SlowCalls:
    """With ``--why``: every call on the UI thread that took over ``WHY_AFTER_MS``, Python or
    C++ (a Qt call keeps the GIL, so a sampling thread could not see inside it). The hook
    slows the UI thread: the figures come from runs without it."""

    def __init__(self) -> None:
        self.started: list[float] = []
        self.slow: collections.Counter[str] = collections.Counter()

    def __call__(self, frame, event: str, arg) -> None:  # type: ignore[no-untyped-def]
        if event in ("call", "c_call"):
            self.started.append(time.perf_counter())
        elif event in ("return", "c_return", "c_exception") and self.started:
            took = (time.perf_counter() - self.started.pop()) * 1000
            if took > WHY_AFTER_MS:
                code = frame.f_code
                where = f"{Path(code.co_filename).name}:{frame.f_lineno} {code.co_name}"
                what = getattr(arg, "__qualname__", repr(arg)) if event != "return" else ""
                self.slow[f"{where} {what}".strip()] = max(
                    self.slow[f"{where} {what}".strip()], round(took)
                )


class CollectorClock:
    """The longest pause of CPython's cycle collector on the UI thread (a full collection
    walks every object the process holds, the spelling dictionary's too)."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.generation = -1
        self._started = 0.0
        self.on = False

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if not self.on or threading.current_thread() is not threading.main_thread():
            return
        if phase == "start":
            self._started = time.perf_counter()
            return
        took = (time.perf_counter() - self._started) * 1000
        if took > self.longest:
            self.longest, self.generation = took, info["generation"]


def one_run(
    app: QApplication,
    folder: Path,
    csv_path: Path,
    index: int,
    why: bool = False,
    idle_for: float = 0.0,
) -> dict[str, float]:
    db = folder / f"stall-{index}.db"
    store = Store(db)
    demo.load_sample(store)
    window = MainWindow(store)
    window.resize(1366, 768)
    window.show()
    reference = releases.list_releases(store)[0].reference
    window.releases.open_release(reference)
    editor = window.releases.editor
    box = editor.form.standfirst

    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]
    slow_calls = SlowCalls() if why else None

    def beat() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setTimerType(heartbeat.timerType().PreciseTimer)
    heartbeat.timeout.connect(beat)
    typed = [0]

    def keystroke() -> None:
        box.moveCursor(box.textCursor().MoveOperation.End)
        box.insertPlainText(TYPED[typed[0] % len(TYPED)])
        typed[0] += 1

    keys = QTimer()
    keys.timeout.connect(keystroke)
    for _ in range(20):  # settle: the first paint and the first preview
        app.processEvents()
    cmd = [sys.executable, "-m", "ceopdesk", "--db", str(db), "contacts", "import", str(csv_path)]
    if idle_for:  # the control: the same typing while the other process only waits
        cmd = [sys.executable, "-c", f"import time; time.sleep({idle_for})"]
    heartbeat.start(HEARTBEAT_MS)
    keys.start(KEYSTROKE_MS)
    gaps.clear()
    last[0] = clock.nsecsElapsed()
    started = time.perf_counter()
    collections_clock = CollectorClock()
    gc.callbacks.append(collections_clock)
    collections_clock.on = True
    importer = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if slow_calls is not None:
        sys.setprofile(slow_calls)
    # The app's own event loop, idle between events as in ``exec()``; it looks at the
    # importer every 20 ms (a busy processEvents() loop would add a core's worth of load).
    loop = QEventLoop()
    watch = QTimer()
    watch.timeout.connect(lambda: importer.poll() is not None and loop.quit())
    watch.start(20)
    loop.exec()
    watch.stop()
    took = time.perf_counter() - started
    collections_clock.on = False
    gc.callbacks.remove(collections_clock)
    if slow_calls is not None:
        sys.setprofile(None)
        print(f"calls on the UI thread over {WHY_AFTER_MS} ms (longest, ms):")
        for call, ms in sorted(slow_calls.slow.items(), key=lambda kv: -kv[1])[:15]:
            print(f"  {ms:5d}  {call}")
    during = list(gaps)
    keys.stop()
    editor.flush()
    window.ops.wait_idle(30_000)
    heartbeat.stop()
    error = importer.stderr.read().decode() if importer.stderr else ""
    saved = releases.get(store, reference).standfirst == box.markdown()
    window.close()
    store.close()
    if importer.returncode != 0:
        raise SystemExit(f"the import failed: {error.strip()}")
    return {
        "import_s": took,
        "max_ms": max(during),
        "p99_ms": statistics.quantiles(during, n=100)[98],
        "median_ms": statistics.median(during),
        "beats": len(during),
        "keystrokes": typed[0],
        "gc_ms": collections_clock.longest,
        "gc_generation": collections_clock.generation,
        "all_saved": float(saved),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--why", action="store_true", help="name the UI thread's slow calls")
    parser.add_argument(
        "--control",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="no import: the other process sleeps this long (the stall typing alone causes)",
    )
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv_path = folder / "contacts.csv"
        generate(csv_path, args.contacts)
        results = [
            one_run(app, folder, csv_path, i, args.why, args.control) for i in range(args.runs)
        ]
    for r in results:
        print(
            f"import {r['import_s']:.1f} s | UI heartbeat every {HEARTBEAT_MS} ms: longest gap "
            f"{r['max_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, median {r['median_ms']:.1f} ms "
            f"over {r['beats']:.0f} beats | {r['keystrokes']:.0f} keystrokes typed meanwhile, "
            f"all saved: {'yes' if r['all_saved'] else 'NO'} | longest cycle collection on the "
            f"UI thread {r['gc_ms']:.1f} ms (generation {r['gc_generation']:.0f})"
        )
    worst = max(r["max_ms"] for r in results)
    print(
        f"longest UI-thread stall during a {args.contacts:,}-contact import in another "
        f"process: {worst:.1f} ms (budget < 100 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
