"""A guard against a reference-count bug in PySide6 6.12.0.

There, every ``signal.emit(...)`` called from Python returns ``True`` without
taking a reference to it, so each emit takes one reference away from Python's
``True``. On Python 3.11 (where ``True`` is not immortal) a long session, or a
test run, eventually frees ``True`` and corrupts memory: random crashes far
from the cause ("malloc_consolidate(): unaligned fastbin chunk detected",
"bool_dealloc: deallocating True or False").

``install()`` checks whether the running PySide has the bug and, only then,
wraps ``SignalInstance.emit`` to give back the reference it took. With a
fixed PySide, or on Python 3.12+, it does nothing.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


def emit_loses_references() -> bool:
    probe = _Probe()
    results = [probe.ping.emit() for _ in range(3)]  # keep the results alive while counting
    before = sys.getrefcount(results[0])
    for _ in range(20):
        probe.ping.emit()
    return sys.getrefcount(results[0]) < before


def install() -> bool:
    """Patch ``SignalInstance.emit`` if (and only if) it loses references; True if patched."""
    if getattr(SignalInstance.emit, "_ceopdesk_fixed", False) or not emit_loses_references():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        incref(result)  # the reference PySide should have given the caller
        return result

    emit._ceopdesk_fixed = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
    return True
