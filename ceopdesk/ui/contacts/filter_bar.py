"""The row of filters above the contacts table: kind, tag, distribution list, do-not-contact."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ceopdesk.core.contacts.domain import KINDS, DistributionList


class FilterBar(QWidget):
    """``changed`` fires when any filter changes (not while the choices are being refilled)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.kind_combo = QComboBox()
        self.kind_combo.addItem("All kinds", None)
        for kind in KINDS:
            self.kind_combo.addItem(kind.capitalize(), kind)
        self.tag_combo = QComboBox()
        self.tag_combo.setMinimumContentsLength(14)
        self.tag_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.list_combo = QComboBox()
        self.list_combo.setMinimumContentsLength(14)
        self.list_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.hide_dnc = QCheckBox("Hide do-not-contact")
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, combo in (
            ("Kind", self.kind_combo),
            ("Tag", self.tag_combo),
            ("List", self.list_combo),
        ):
            layout.addWidget(QLabel(label))
            layout.addWidget(combo)
            combo.currentIndexChanged.connect(self._emit)
        layout.addWidget(self.hide_dnc)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.hide_dnc.toggled.connect(self._emit)
        self.reload([], [])

    def _emit(self) -> None:
        if not self._filling:
            self.clear_button.setEnabled(self.active())
            self.changed.emit()

    def reload(self, tags: list[tuple[str, int]], lists: list[DistributionList]) -> None:
        """Refill the tag and list choices, keeping the current choice where it still exists."""
        self._filling = True
        try:
            tag, name = self.tag(), self.list_name()
            self.tag_combo.clear()
            self.tag_combo.addItem("All tags", None)
            for t, n in tags:
                self.tag_combo.addItem(f"{t} ({n:,})", t)
            self.list_combo.clear()
            self.list_combo.addItem("All lists", None)
            for item in lists:
                self.list_combo.addItem(f"{item.name} ({item.member_count:,})", item.name)
            lost = False
            for combo, value in ((self.tag_combo, tag), (self.list_combo, name)):
                found = combo.findData(value) if value is not None else 0
                lost |= found < 0
                combo.setCurrentIndex(max(0, found))
        finally:
            self._filling = False
        self.clear_button.setEnabled(self.active())
        if lost:  # a tag or list in use has gone: the table must show more now
            self.changed.emit()

    def clear(self) -> None:
        self._filling = True
        for combo in (self.kind_combo, self.tag_combo, self.list_combo):
            combo.setCurrentIndex(0)
        self.hide_dnc.setChecked(False)
        self._filling = False
        self._emit()

    def active(self) -> bool:
        return any((self.kind(), self.tag(), self.list_name(), self.hide_do_not_contact()))

    def kind(self) -> str | None:
        return self.kind_combo.currentData()

    def tag(self) -> str | None:
        return self.tag_combo.currentData()

    def list_name(self) -> str | None:
        return self.list_combo.currentData()

    def hide_do_not_contact(self) -> bool:
        return self.hide_dnc.isChecked()

    def tags(self) -> list[str]:
        return [self.tag_combo.itemData(i) for i in range(1, self.tag_combo.count())]

    def list_names(self) -> list[str]:
        return [self.list_combo.itemData(i) for i in range(1, self.list_combo.count())]

    def set_tag(self, tag: str | None) -> None:
        self.tag_combo.setCurrentIndex(max(0, self.tag_combo.findData(tag)) if tag else 0)

    def set_list(self, name: str | None) -> None:
        self.list_combo.setCurrentIndex(max(0, self.list_combo.findData(name)) if name else 0)

    def set_kind(self, kind: str | None) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)) if kind else 0)
