"""The PySide6 desktop app. Core services only: no queries, no sessions kept in widgets."""
