"""The Releases page: the list, and the editor opened from it (one at a time, full width)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ...core.domain import Release
from ...core.errors import UserError
from ...core.releases import service as releases
from ..editor.editor import ReleaseEditor
from ..operations import RELEASES, StoreOps, report_failure
from .list_panel import ReleaseListPanel


class ReleasesPage(QWidget):
    message = Signal(str)
    editor_shown = Signal(bool)

    def __init__(self, ops: StoreOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.store = ops.store
        self.list_panel = ReleaseListPanel(ops)
        self.editor = ReleaseEditor(ops)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_panel)
        self.stack.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.list_panel.open_requested.connect(self.open_release)
        self.list_panel.new_requested.connect(self.new_release)
        self.editor.back_requested.connect(self.show_list)
        self.editor.message.connect(self.message)

    def editor_is_shown(self) -> bool:
        return self.stack.currentWidget() is self.editor

    def show_list(self) -> None:
        if self.editor_is_shown():
            self.editor.flush()  # queued: it lands before anything asked for later
        reference = self.editor.reference
        self.stack.setCurrentWidget(self.list_panel)
        self.editor_shown.emit(False)
        if reference:
            self.list_panel.select(reference)
        self.list_panel.table.setFocus()

    def refresh(self) -> None:
        self.list_panel.refresh()

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
        """A new draft, opened at the top of the form with the headline ready for typing."""
        self.editor.flush()

        def opened(draft: Release) -> None:
            self.open_release(draft.reference)
            headline = self.editor.form.headline
            self.editor.scroll.ensureWidgetVisible(headline)
            self.editor.scroll.verticalScrollBar().setValue(0)
            headline.setFocus(Qt.FocusReason.ShortcutFocusReason)
            headline.selectAll()
            self.message.emit(f"New draft {draft.reference}: type the headline to begin")

        self.ops.mutate(self, releases.new_draft, {RELEASES}, opened)

    def save_state(self, settings: QSettings) -> None:
        self.list_panel.save_state(settings)
        self.editor.save_state_to(settings)

    def restore_state(self, settings: QSettings) -> None:
        self.list_panel.restore_state(settings)
        self.editor.restore_state(settings)
