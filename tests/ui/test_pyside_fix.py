"""Signal.emit must not eat references to True (a PySide6 6.12.0 bug that crashes long runs)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import ceopdesk.ui  # noqa: F401 - installs the guard
from ceopdesk.ui.pyside_fix import emit_loses_references, install


class _Emitter(QObject):
    fired = Signal(str)


def test_emitting_keeps_the_reference_count_of_true() -> None:
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.fired.emit("x")
    assert sys.getrefcount(True) >= before - 5
    assert not emit_loses_references()


def test_install_is_idempotent() -> None:
    assert install() is False
