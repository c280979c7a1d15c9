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
import os
import statistics
import subprocess
import sys
import tempfile
import time
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


def one_run(app: QApplication, folder: Path, csv_path: Path, index: int) -> dict[str, float]:
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
    while importer.poll() is None:
        app.processEvents()
        time.sleep(0.001)
    took = time.perf_counter() - started
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
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv_path = folder / "contacts.csv"
        generate(csv_path, args.contacts)
        results = [one_run(app, folder, csv_path, i) for i in range(args.runs)]
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
