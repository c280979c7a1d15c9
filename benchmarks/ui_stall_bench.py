"""The longest UI-thread stall while another process imports 100,000 contacts.

Budget (DESIGN §8): < 100 ms. The app is opened on a store holding the sample library,
a release is open in the editor, and a keystroke goes into its standfirst every 50 ms
(so autosave writes through StoreOps the whole time); meanwhile ``ceopdesk contacts
import`` of a 100,000-row CSV runs as a separate process on the same store. A 5 ms QTimer
heartbeat on the UI thread records the gaps between its beats: the longest gap is the
longest stall. Not a test: run it and read the numbers.

    .venv/bin/python benchmarks/ui_stall_bench.py [--contacts 100000] [--runs 1]
"""

from __future__ import annotations

import argparse
import collections
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from contacts_bench import generate  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ceopdesk.core import demo  # noqa: E402
from ceopdesk.core.releases import service as releases  # noqa: E402
from ceopdesk.core.store import Store  # noqa: E402
from ceopdesk.ui.main_window import MainWindow  # noqa: E402

HEARTBEAT_MS = 5
KEYSTROKE_MS = 50
WHY_AFTER_MS = 60  # a stall this long gets the UI thread's stack sampled (``--why``)


class StallSampler(threading.Thread):
    """With ``--why``: samples the UI thread's stack whenever the heartbeat is late, so a
    long stall says where the UI thread was (waiting for the GIL shows as the line it was
    about to run). Sampling costs the UI thread a little; the figures come from runs
    without it."""

    def __init__(self, last_beat: list[float]) -> None:
        super().__init__(daemon=True)
        self.last_beat = last_beat
        self.ui_thread = threading.main_thread().ident
        self.stacks: collections.Counter[str] = collections.Counter()
        self.running = True

    def run(self) -> None:
        while self.running:
            time.sleep(0.01)
            late = (time.perf_counter() - self.last_beat[0]) * 1000
            if late > WHY_AFTER_MS:
                frame = sys._current_frames().get(self.ui_thread)  # noqa: SLF001
                if frame is not None:
                    stack = traceback.extract_stack(frame)[-8:]
                    self.stacks["".join(traceback.format_list(stack))] += 1


def one_run(
    app: QApplication, folder: Path, csv_path: Path, index: int, why: bool = False
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
    last_beat = [time.perf_counter()]
    sampler = StallSampler(last_beat) if why else None

    def beat() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now
        last_beat[0] = time.perf_counter()

    heartbeat = QTimer()
    heartbeat.setTimerType(heartbeat.timerType().PreciseTimer)
    heartbeat.timeout.connect(beat)
    typed = [0]

    def keystroke() -> None:
        box.moveCursor(box.textCursor().MoveOperation.End)
        box.insertPlainText("x" if typed[0] % 6 else " ")
        typed[0] += 1

    keys = QTimer()
    keys.timeout.connect(keystroke)
    for _ in range(20):  # settle: the first paint and the first preview
        app.processEvents()
    cmd = [sys.executable, "-m", "ceopdesk", "--db", str(db), "contacts", "import", str(csv_path)]
    heartbeat.start(HEARTBEAT_MS)
    keys.start(KEYSTROKE_MS)
    gaps.clear()
    last[0] = clock.nsecsElapsed()
    started = time.perf_counter()
    importer = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if sampler is not None:
        sampler.start()
    while importer.poll() is None:
        app.processEvents()
        time.sleep(0.001)
    took = time.perf_counter() - started
    if sampler is not None:
        sampler.running = False
        sampler.join()
        print(f"where the UI thread was when its heartbeat was over {WHY_AFTER_MS} ms late:")
        for stack, samples in sampler.stacks.most_common(6):
            print(f"--- {samples} samples of 10 ms:\n{stack}")
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
        "all_saved": float(saved),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--why", action="store_true", help="sample the UI thread when it stalls")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv_path = folder / "contacts.csv"
        generate(csv_path, args.contacts)
        results = [one_run(app, folder, csv_path, i, args.why) for i in range(args.runs)]
    for r in results:
        print(
            f"import {r['import_s']:.1f} s | UI heartbeat every {HEARTBEAT_MS} ms: longest gap "
            f"{r['max_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, median {r['median_ms']:.1f} ms "
            f"over {r['beats']:.0f} beats | {r['keystrokes']:.0f} keystrokes typed meanwhile, "
            f"all saved: {'yes' if r['all_saved'] else 'NO'}"
        )
    worst = max(r["max_ms"] for r in results)
    print(
        f"longest UI-thread stall during a {args.contacts:,}-contact import in another "
        f"process: {worst:.1f} ms (budget < 100 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
