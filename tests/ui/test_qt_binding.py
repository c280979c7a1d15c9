"""The Qt binding we pin must not corrupt memory.

PySide6 6.12.0's ``Signal.emit`` drops a reference to ``True`` on every call; on
Python 3.11 that eventually frees ``True`` and crashes at random. pyproject.toml
excludes that release and constraints.txt pins one without the bug; this test
fails if a future pin brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(str)


def test_emit_keeps_the_reference_count_of_true() -> None:
    emitter = _Emitter()
    results = [emitter.fired.emit("x") for _ in range(3)]
    before = sys.getrefcount(results[0])
    for _ in range(500):
        emitter.fired.emit("x")
    assert sys.getrefcount(results[0]) >= before - 5
