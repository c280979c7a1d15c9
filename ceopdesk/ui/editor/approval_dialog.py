"""Record who approved a release, and any note they gave."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class ApprovalDialog(QDialog):
    def __init__(
        self,
        reference: str,
        headline: str,
        parent: QWidget | None = None,
        known_approvers: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Record approval — {reference}")
        self.setMinimumWidth(520)
        intro = QLabel(
            f"<b>{reference}</b>: {headline}<br><br>Record who approved this release. "
            "Exports from now on are final (no DRAFT marking), and the notes to editors "
            "keep the library text they have now. The release opens locked; changing it "
            "later voids the approval."
        )
        intro.setWordWrap(True)
        self.approver = QLineEdit()
        self.approver.setPlaceholderText("e.g. Helen Marsh, Director")
        self.known = list(known_approvers or [])
        completer = QCompleter(self.known, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.approver.setCompleter(completer)
        if self.known:
            self.approver.setToolTip("Approvers recorded before: " + "; ".join(self.known[:10]))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("Optional, e.g. “Approved by email, figures checked”")
        self.note.setMaximumHeight(90)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Record approval")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.missing = QLabel("The approver's name is needed.")
        self.missing.setStyleSheet("color: #9a5b00;")
        self.new_name = QLabel("Not an approver recorded before: check the spelling of the name.")
        self.new_name.setStyleSheet("color: #9a5b00;")
        form = QFormLayout()
        form.addRow("Approved by:", self.approver)
        form.addRow("", self.missing)
        form.addRow("", self.new_name)
        form.addRow("Note:", self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.approver.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        name = self.approver.text().strip()
        ok = bool(name)
        self.ok_button.setEnabled(ok)
        self.missing.setVisible(not ok)
        known = {k.casefold() for k in self.known}
        self.new_name.setVisible(ok and bool(known) and name.casefold() not in known)

    def approver_name(self) -> str:
        return self.approver.text().strip()

    def note_text(self) -> str | None:
        return self.note.toPlainText().strip() or None
