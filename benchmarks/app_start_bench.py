"""App start to main window painted (DESIGN §8: ≤ 3 × an empty PySide6 window), on the
2,000-release store, and to the release list filled.

    .venv/bin/python benchmarks/app_start_bench.py [--runs 7] [--store PATH]

Each run is a fresh process running ``ceopdesk.ui.app.run_app`` itself (interpreter start,
imports, the lock, the shell painted, the store opened, the window filled), timed from
just before the process is started to

* the first paint of the main window (the shell: menus, navigation, a list saying it is
  loading), the figure DESIGN §8 budgets, and
* the first paint after the window is filled from the store (the release list shown), so
  that an empty shell cannot pass for a fast start.

An empty PySide6 window, started the same way, is timed alternately with it. Offscreen Qt.
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

ROOT = Path(__file__).resolve().parent.parent

# The end of every floor's child script: show ``window``, print the time of its first paint, quit.
SHOW_AND_TIME_FIRST_PAINT = r"""
import time
from PySide6.QtCore import QEvent, QObject

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.monotonic(), flush=True)
            qapp.exit(0)
        return False

watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
qapp.exec()
"""

EMPTY_WINDOW = (
    r"""
from PySide6.QtWidgets import QApplication, QMainWindow

qapp = QApplication([])
window = QMainWindow()
window.resize(1200, 800)
"""
    + SHOW_AND_TIME_FIRST_PAINT
)

# ceopdesk's own start (``run_app``), watched from an application-wide event filter: the
# main window's first paint, then the first paint of any of its widgets once it is filled.
CHILD = r"""
import sys
import time
from PySide6.QtCore import QEvent, QObject
from ceopdesk.ui import app as app_module
from ceopdesk.ui.main_window import MainWindow

qapp = app_module.application()

class Watch(QObject):
    shell = None

    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.Paint or not obj.isWidgetType():
            return False
        window = obj.window()
        if not isinstance(window, MainWindow):
            return False
        if self.shell is None:
            self.shell = time.monotonic()
        elif window.is_open():
            print(self.shell, time.monotonic(), flush=True)
            qapp.removeEventFilter(self)
            qapp.exit(0)
        return False

watch = Watch()
qapp.installEventFilter(watch)
sys.exit(app_module.run_app(sys.argv[1]))
"""


def paint_times(script: str, *args: str) -> list[float]:
    """Seconds from starting ``script`` in a fresh process to each time on its last line."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    start = time.monotonic()
    out = subprocess.run(  # from ROOT: a ``ceopdesk`` folder where it was run must not win
        [sys.executable, "-c", script, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [float(t) - start for t in out.strip().splitlines()[-1].split()]


def first_paint(script: str, *args: str) -> float:
    """Seconds from starting ``script`` in a fresh process to its window's first paint."""
    return paint_times(script, *args)[0]


def start_times(store: Path) -> tuple[float, float]:
    """(to the main window painted, to the release list filled and painted) in seconds."""
    shell, filled = paint_times(CHILD, str(store))
    return shell, filled


def empty_window() -> float:
    return first_paint(EMPTY_WINDOW)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--store", type=Path, help="an existing store (default: build one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from releases_bench import build_store  # type: ignore[import-not-found]

            store = Path(tmp) / "bench.db"
            build_store(store, 2000).close()
        start_times(store), empty_window()  # warm the disk cache, as a second start would be
        shells, filled, empties = [], [], []
        for _ in range(args.runs):  # alternately: the machine's load falls on both alike
            shell, full = start_times(store)
            shells.append(shell)
            filled.append(full)
            empties.append(empty_window())
    empty = statistics.median(empties)

    def line(what: str, times: list[float]) -> str:
        median = statistics.median(times)
        return (
            f"{what}: {median * 1000:.0f} ms median of {args.runs} = {median / empty:.1f} × "
            f"the empty window (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"
        )

    print(f"an empty PySide6 window painted: {empty * 1000:.0f} ms median of {args.runs}")
    print(line("app start to main window painted", shells) + "   (budget ≤ 3 ×)")
    print(line("app start to the release list filled", filled))
    return 0 if statistics.median(shells) <= 3 * empty else 1


if __name__ == "__main__":
    sys.exit(main())
