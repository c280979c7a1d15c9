"""The "used in" panel: the releases using a note, and which version each took."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ceopdesk.core.domain import Boilerplate, BoilerplateUse

from .models import REFERENCE_ROLE, UsageModel


class UsedInPanel(QWidget):
    """A table of releases; ``releaseActivated(reference)`` on double-click."""

    releaseActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = UsageModel(self)
        self.table = QTableView()
        self.table.setObjectName("boilerplateUsedIn")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.label = QLabel()
        self.label.setObjectName("boilerplateUsedInLabel")
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.table, 1)
        self.table.doubleClicked.connect(self._activate)

    def show_uses(self, item: Boilerplate | None, uses: list[BoilerplateUse]) -> None:
        self.model.set_uses(uses, item.version if item else 0)
        if item is None:
            self.label.setText("<b>Used in</b> — a new note is not used in any release yet.")
            return
        if not uses:
            self.label.setText("<b>Used in</b> — no release uses this note yet.")
            return
        text = f"<b>Used in {len(uses)} release{'s' if len(uses) != 1 else ''}</b>"
        stale, kept = self.model.stale_drafts(), self.model.kept_older()
        notes = []
        if stale:
            notes.append(
                "⚠ 1 draft took an older version and will show that it changed"
                if stale == 1
                else f"⚠ {stale} drafts took an older version and will show that it changed"
            )
        if kept:
            notes.append(
                "1 approved or issued release keeps the text it took"
                if kept == 1
                else f"{kept} approved or issued releases keep the text they took"
            )
        if not notes:
            notes.append("it uses the latest version" if len(uses) == 1 else "all use the latest")
        self.label.setText(f"{text} — {'; '.join(notes)}. Double-click a release to open it.")

    def _activate(self, index: QModelIndex) -> None:
        reference = index.siblingAtColumn(0).data(REFERENCE_ROLE)
        if reference:
            self.releaseActivated.emit(reference)
