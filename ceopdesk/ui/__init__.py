"""The PySide6 desktop app. Core services only: no queries, no sessions kept in widgets."""

from .pyside_fix import install as _guard_signal_emit

_guard_signal_emit()
