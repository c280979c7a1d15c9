"""The bar above the release form: status, approval, workflow buttons, export."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.domain import Release
from ...core.releases.workflow import LABELS
from ..style import PRIMARY_BUTTON, pill
from ..uktime import moment_text

# Each workflow button: the status it moves to, and its label.
MOVES = (  # Alt+the underlined letter from anywhere in the editor
    ("in_review", "&Submit for approval"),
    ("approved", "Record &approval…"),
    ("issued", "Mark &issued…"),
    ("draft", "&Reopen as draft"),
    ("withdrawn", "&Withdraw…"),
)
HELP = {
    "in_review": "Send it round: mark it as waiting for approval (export a DRAFT Word file "
    "for the approver)",
    "approved": "Record who approved it, with their note",
    "issued": "It has gone to the media: mark it issued (it becomes read-only)",
    "draft": "Take it back to draft for more changes (any approval is voided)",
    "withdrawn": "Withdraw it: it becomes read-only and marked withdrawn",
}


class WorkflowBar(QWidget):
    move_requested = Signal(str)  # a target status
    back_requested = Signal()
    export_requested = Signal()
    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back_button = QPushButton("← All releases")
        self.back_button.setToolTip("Back to the list (your changes are saved as you type)")
        self.back_button.clicked.connect(self.back_requested)
        self.reference = QLabel()
        self.reference.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.status = QLabel()
        self.approval = QLabel()
        self.approval.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        moves = QHBoxLayout()
        moves.addWidget(QLabel("Workflow:"))
        for target, label in MOVES:
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, t=target: self.move_requested.emit(t))
            self.buttons[target] = button
            moves.addWidget(button)
        moves.addStretch(1)
        self.export_button = QPushButton("Export Word…")
        self.export_button.setToolTip("Write a .docx file (marked DRAFT until approved) — Ctrl+E")
        self.export_button.setStyleSheet(PRIMARY_BUTTON)
        self.export_button.clicked.connect(self.export_requested)
        self.copy_button = QPushButton("Copy as email text")
        self.copy_button.setToolTip("Put the release on the clipboard as plain text")
        self.copy_button.clicked.connect(self.copy_requested)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.reference)
        top.addWidget(self.status)
        top.addWidget(self.approval, 1)
        top.addWidget(self.copy_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(moves)

    def show_release(self, release: Release, moves: dict[str, str | None]) -> None:
        self.reference.setText(release.reference)
        self.status.setText(LABELS.get(release.status, release.status))
        self.status.setStyleSheet(pill(release.status))
        self.status.setToolTip(f"{release.version_count} version(s) recorded")
        if release.approved_by:
            text = f"Approved by {release.approved_by} on {moment_text(release.approved_at)}"
            if release.approval_note:
                text += f" — {release.approval_note}"
            self.approval.setText(text)
        else:
            self.approval.setText("")
        for target, button in self.buttons.items():
            reason = moves.get(target, f"{release.reference} is already {LABELS[target].lower()}.")
            button.setEnabled(reason is None)
            key = button.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip((reason or HELP[target]) + (f" ({key})" if key else ""))
