"""Several labelled values in a column of rows: the edit dialog's e-mails, phones and handles.

Each row is a value box, an editable label combo and a remove button, with room
for the core's sentence about that value right under it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #b00020;"
BAD_FIELD_STYLE = "QLineEdit { border: 1px solid #b00020; border-radius: 2px; padding: 1px; }"
# A doubtful value kept as typed (unchecked): flagged, never a reason to refuse the save.
DOUBT_FIELD_STYLE = "QLineEdit { border: 1px solid #9a6700; border-radius: 2px; padding: 1px; }"
DOUBT_STYLE = "color: #7a5200;"


class _Row:
    def __init__(
        self, value: QLineEdit, label: QComboBox, remove: QToolButton, error: QLabel
    ) -> None:
        self.value = value
        self.label = label
        self.remove = remove
        self.error = error

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.value, self.label, self.remove, self.error)


class ValueRows(QWidget):
    """Rows of (value, label). ``changed`` fires on any edit, add or removal."""

    changed = Signal()

    def __init__(
        self,
        noun: str,
        labels: list[str],
        placeholder: str = "",
        label_placeholder: str = "label",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._noun = noun
        self._labels = labels
        self._placeholder = placeholder
        self._label_placeholder = label_placeholder
        self._rows: list[_Row] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(1, 1)
        outer.addLayout(self._grid)
        self.add_button = QPushButton(f"Add {noun}")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    # -- rows -------------------------------------------------------------------------
    def add_row(self, value: str = "", label: str = "", focus: bool = False) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setPlaceholderText(self._placeholder)
        edit.setAccessibleName(self._noun)
        combo = QComboBox()
        combo.setEditable(True)
        combo.addItems(self._labels)
        combo.setCurrentText(label)
        line = combo.lineEdit()  # there is one: the combo is editable
        if line is not None:
            line.setPlaceholderText(self._label_placeholder)
        combo.setAccessibleName(f"{self._noun} label")
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(f"Remove this {self._noun}")
        remove.setAutoRaise(True)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        row = _Row(edit, combo, remove, error)
        self._rows.append(row)
        edit.textChanged.connect(self.changed)
        combo.currentTextChanged.connect(self.changed)
        remove.clicked.connect(lambda: self._remove(row))
        self._relayout()
        if focus:
            edit.setFocus()
        self.changed.emit()
        return edit

    def _remove(self, row: _Row) -> None:
        self._rows.remove(row)
        for w in row.widgets():
            self._grid.removeWidget(w)
            w.deleteLater()
        self._relayout()
        self.changed.emit()

    def _relayout(self) -> None:
        for i, row in enumerate(self._rows):
            self._grid.addWidget(row.value, 2 * i, 0)
            self._grid.addWidget(row.label, 2 * i, 1)
            self._grid.addWidget(row.remove, 2 * i, 2)
            self._grid.addWidget(row.error, 2 * i + 1, 0, 1, 3)

    def set_values(self, values: list[tuple[str, str]]) -> None:
        for row in list(self._rows):
            self._remove(row)
        for value, label in values:
            self.add_row(value, label)

    def values(self) -> list[tuple[str, str]]:
        """Every row as typed, blanks included (row i of the dialog is item i)."""
        return [(r.value.text(), r.label.currentText()) for r in self._rows]

    def count(self) -> int:
        return len(self._rows)

    def value_edit(self, i: int) -> QLineEdit:
        return self._rows[i].value

    # -- problems ---------------------------------------------------------------------
    def clear_errors(self) -> None:
        for row in self._rows:
            row.error.clear()
            row.error.hide()
            row.value.setStyleSheet("")

    def set_error(self, i: int, message: str, doubtful: bool = False) -> None:
        if not 0 <= i < len(self._rows):
            return
        row = self._rows[i]
        row.error.setText(message)
        row.error.setStyleSheet(DOUBT_STYLE if doubtful else ERROR_STYLE)
        row.error.show()
        row.value.setStyleSheet(DOUBT_FIELD_STYLE if doubtful else BAD_FIELD_STYLE)
        row.value.setToolTip(message)

    def error(self, i: int) -> str:
        return self._rows[i].error.text() if 0 <= i < len(self._rows) else ""

    def row_with_value(self, text: str) -> int:
        """The first row whose value is ``text`` ignoring case and spaces, or -1."""
        key = text.strip().casefold()
        return next(
            (i for i, r in enumerate(self._rows) if r.value.text().strip().casefold() == key), -1
        )
