"""The Releases page: the list, and the editor opened from it (one at a time, full width)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ...core.errors import UserError
from ...core.releases import service as releases
from ...core.store import Store
from ..editor.editor import ReleaseEditor
from ..operations import report_failure
from .list_panel import ReleaseListPanel


class ReleasesPage(QWidget):
    message = Signal(str)
    editor_shown = Signal(bool)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.list_panel = ReleaseListPanel(store)
        self.editor = ReleaseEditor(store)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_panel)
        self.stack.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._list_stale = True

        self.list_panel.open_requested.connect(self.open_release)
        self.list_panel.new_requested.connect(self.new_release)
        self.editor.back_requested.connect(self.show_list)
        self.editor.message.connect(self.message)
        self.editor.changed.connect(self._mark_list_stale)

    def editor_is_shown(self) -> bool:
        return self.stack.currentWidget() is self.editor

    def show_list(self) -> None:
        if self.editor_is_shown() and not self.editor.flush():
            report_failure(self, UserError(f"{self.editor.unsaved_reason()} Fix that first."))
            return
        reference = self.editor.reference
        self.stack.setCurrentWidget(self.list_panel)
        self.editor_shown.emit(False)
        if self._list_stale:
            self.refresh()
        if reference:
            self.list_panel.select(reference)
        self.list_panel.table.setFocus()

    def refresh(self) -> None:
        self._list_stale = False
        self.list_panel.refresh()

    def _mark_list_stale(self) -> None:
        self._list_stale = True

    def open_release(self, reference: str) -> None:
        try:
            opened = self.editor.open(reference)
        except UserError as exc:  # e.g. deleted from the command line meanwhile
            report_failure(self, exc)
            self.refresh()
            return
        if opened:
            self.stack.setCurrentWidget(self.editor)
            self.editor_shown.emit(True)

    def new_release(self) -> None:
        if self.editor_is_shown() and not self.editor.flush():
            report_failure(self, UserError(f"{self.editor.unsaved_reason()} Fix that first."))
            return
        draft = releases.new_draft(self.store)
        self._list_stale = True
        self.open_release(draft.reference)
        self.editor.form.headline.setFocus()
        self.editor.form.headline.selectAll()
        self.message.emit(f"New draft {draft.reference}: type the headline to begin")

    def save_state(self, settings: QSettings) -> None:
        self.list_panel.save_state(settings)
        self.editor.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        self.list_panel.restore_state(settings)
        self.editor.restore_state(settings)
