"""The parts of an imported release, and the corrections a reader's guess may need.

One row per part: the standfirst, each body paragraph, each quote. Buttons
move the chosen paragraph to the standfirst or back to the body, make it a
quote (the speaker picked from people quoted before, or typed) or turn a
quote back into text. The logic is the core's (``core/releases/corrections``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.domain import Release
from ...core.releases import corrections

LABELS = {"standfirst": "Standfirst", "text": "Body", "quote": "Quote"}


class PartsPanel(QWidget):
    changed = Signal(object)  # the corrected Release

    def __init__(
        self, speakers: Callable[[], list[tuple[str, str | None]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._speakers = speakers
        self.release: Release | None = None
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._selected)
        self.standfirst_button = QPushButton("Make it the standfirst")
        self.body_button = QPushButton("Move to the body")
        self.quote_button = QPushButton("Make it a quote")
        self.text_button = QPushButton("Make it body text")
        self.standfirst_button.clicked.connect(self.make_standfirst)
        self.body_button.clicked.connect(self.move_to_body)
        self.quote_button.clicked.connect(self.make_quote)
        self.text_button.clicked.connect(self.make_text)
        self.speaker = QComboBox()
        self.speaker.setEditable(True)
        self.speaker.setPlaceholderText("Who is quoted")
        self.speaker.currentIndexChanged.connect(self._speaker_picked)
        self.role = QLineEdit()
        self.role.setPlaceholderText("Their role, e.g. Chief Executive of CEOP")
        buttons = QHBoxLayout()
        for b in (self.standfirst_button, self.body_button, self.text_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        quote_form = QFormLayout()
        quote_form.addRow("Speaker", self.speaker)
        quote_form.addRow("Role", self.role)
        quote_form.addRow("", self.quote_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Parts</b> — pick one to correct it"))
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(quote_form)
        self._selected(-1)

    def show_release(self, release: Release | None, row: int = 0) -> None:
        self.release = release
        self.list.blockSignals(True)
        self.list.clear()
        parts = corrections.parts(release) if release is not None else []
        for part in parts:
            who = f" — {part.speaker}" if part.kind == "quote" else ""
            text = " ".join(part.text.split())
            self.list.addItem(
                f"{LABELS[part.kind]}{who}: {text[:160]}{'…' if len(text) > 160 else ''}"
            )
        self.list.blockSignals(False)
        self.setEnabled(release is not None)
        self.speaker.blockSignals(True)
        self.speaker.clear()
        self.speaker.addItems([name for name, _ in self._speakers()])
        self.speaker.setCurrentIndex(-1)
        self.speaker.blockSignals(False)
        if parts:
            self.list.setCurrentRow(min(row, len(parts) - 1))
        self._selected(self.list.currentRow())

    def _part(self) -> corrections.Part | None:
        if self.release is None:
            return None
        parts = corrections.parts(self.release)
        row = self.list.currentRow()
        return parts[row] if 0 <= row < len(parts) else None

    def _selected(self, _row: int) -> None:
        part = self._part()
        kind = part.kind if part else None
        self.standfirst_button.setEnabled(kind == "text")
        self.body_button.setEnabled(kind == "standfirst")
        self.text_button.setEnabled(kind == "quote")
        self.quote_button.setEnabled(kind in ("text", "quote"))
        self.quote_button.setText("Change the speaker" if kind == "quote" else "Make it a quote")
        if part is not None and kind == "quote":
            self.speaker.setEditText(part.speaker)
            self.role.setText(part.role or "")

    def _speaker_picked(self, index: int) -> None:
        known = self._speakers()
        if 0 <= index < len(known):
            self.role.setText(known[index][1] or "")

    def _apply(self, release: Release, row: int) -> None:
        self.show_release(release, row)
        self.changed.emit(release)

    def make_standfirst(self) -> None:
        if self.release is not None:
            self._apply(corrections.to_standfirst(self.release, self.list.currentRow()), 0)

    def move_to_body(self) -> None:
        if self.release is not None:
            self._apply(corrections.to_body(self.release), 0)

    def make_quote(self) -> None:
        speaker = self.speaker.currentText().strip()
        if self.release is None or not speaker:
            self.speaker.setFocus()
            return
        row = self.list.currentRow()
        self._apply(corrections.to_quote(self.release, row, speaker, self.role.text()), row)

    def make_text(self) -> None:
        if self.release is not None:
            row = self.list.currentRow()
            self._apply(corrections.to_text(self.release, row), row)
