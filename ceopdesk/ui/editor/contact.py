"""The press office contact block: the one from Settings, or this release's own."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLineEdit, QWidget

from ...core.domain import ContactBlock

_FIELDS = (
    ("name", "Name:", "e.g. CEOP Press Office"),
    ("phone", "Phone:", "e.g. 0870 000 3434"),
    ("out_of_hours", "Out of hours:", "e.g. 07700 900123"),
    ("email", "Email:", "e.g. press@example.police.uk"),
    ("web", "Web:", "e.g. www.ceop.police.uk"),
)


class ContactEditor(QGroupBox):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Press office contact", parent)
        self._settings_block = ContactBlock()
        self.use_settings = QCheckBox("Use the press office contact from Settings")
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        form.addRow(self.use_settings)
        for name, label, placeholder in _FIELDS:
            line = QLineEdit()
            line.setPlaceholderText(placeholder)
            line.textChanged.connect(self.edited)
            self.fields[name] = line
            form.addRow(label, line)
        self.use_settings.toggled.connect(self._toggled)

    def set_settings_block(self, block: ContactBlock) -> None:
        self._settings_block = block
        if self.use_settings.isChecked():
            self._show(block)

    def set_contact(self, contact: ContactBlock | None) -> None:
        blocked = self.use_settings.blockSignals(True)
        self.use_settings.setChecked(contact is None)
        self.use_settings.blockSignals(blocked)
        self._show(contact or self._settings_block)
        self._enable()

    def contact(self) -> ContactBlock | None:
        if self.use_settings.isChecked():
            return None
        values = {name: line.text().strip() for name, line in self.fields.items()}
        return ContactBlock(name=values.pop("name"), **{k: (v or None) for k, v in values.items()})

    def _show(self, block: ContactBlock) -> None:
        for name, line in self.fields.items():
            line.setText(getattr(block, name) or "")

    def _enable(self) -> None:
        for line in self.fields.values():
            line.setEnabled(not self.use_settings.isChecked())

    def _toggled(self, use_settings: bool) -> None:
        # Either way the fields start from the Settings block: it is what the release had.
        self._show(self._settings_block)
        self._enable()
        self.edited.emit()
