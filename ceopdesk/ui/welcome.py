"""First run with an empty store: load the sample library, or start empty."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .style import PRIMARY_BUTTON


class WelcomePage(QWidget):
    load_sample_requested = Signal()
    start_empty_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("Welcome to ceopdesk")
        title.setStyleSheet("font-size: 22pt; font-weight: bold; color: #1f3864;")
        text = QLabel(
            "ceopdesk keeps your press releases, the notes to editors you use again and again, "
            "and your press office contact details in one place. It writes the Word file that "
            "goes round for approval, records who approved it, and keeps every version."
        )
        second = QLabel(
            "This store is empty. To see how it works, load the sample library: three example "
            "releases and the usual notes to editors, which you can change or delete later. "
            "Or start with an empty store and write your first release."
        )
        second.setWordWrap(True)
        second.setStyleSheet("font-size: 11pt;")
        text.setWordWrap(True)
        text.setStyleSheet("font-size: 11pt;")
        self.sample_button = QPushButton("Load the sample library")
        self.sample_button.setStyleSheet(
            PRIMARY_BUTTON.replace("padding: 5px 14px;", "padding: 10px 22px; font-size: 12pt;")
        )
        self.sample_button.setDefault(True)
        self.empty_button = QPushButton("Start empty")
        self.empty_button.setStyleSheet("QPushButton { font-size: 12pt; padding: 10px 22px; }")
        self.sample_button.clicked.connect(self.load_sample_requested)
        self.empty_button.clicked.connect(self.start_empty_requested)
        where = QLabel("You can load the sample library at any time from the File menu.")
        where.setStyleSheet("color: #666;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.sample_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addSpacing(12)
        column.addWidget(text)
        column.addSpacing(8)
        column.addWidget(second)
        column.addSpacing(18)
        column.addLayout(buttons)
        column.addSpacing(8)
        column.addWidget(where)
        box = QWidget()
        box.setFixedWidth(640)  # a wrapped label needs a width to know its height
        box.setLayout(column)
        # Stretches, not an alignment: an aligned widget gets its size hint's height,
        # which clips word-wrapped labels.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
