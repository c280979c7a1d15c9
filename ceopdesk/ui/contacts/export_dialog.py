"""Export contacts: CSV for spreadsheets and mail merge, or vCard for address books."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ceopdesk.core.contacts import exporter, query
from ceopdesk.core.contacts.domain import ContactFilter, ExportResult
from ceopdesk.core.store import Store
from ceopdesk.ui.operations import StoreOps, run_in_background


def describe_filter(flt: ContactFilter) -> str:
    parts = []
    if flt.text:
        parts.append(f"matching “{flt.text}”")
    if flt.kind:
        parts.append(f"kind {flt.kind}")
    if flt.tag:
        parts.append(f"tag {flt.tag}")
    if flt.list_name:
        parts.append(f"on {flt.list_name}")
    return ", ".join(parts) or "everyone"


class ExportDialog(QDialog):
    """After a successful export, ``result`` says how many went out and how many were left out."""

    def __init__(
        self,
        ops: StoreOps,
        current: ContactFilter,
        tags: list[str],
        list_names: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export contacts")
        self.resize(520, 380)
        self.ops = ops
        self._store = ops.store
        self._current = dataclasses.replace(current, include_do_not_contact=True, ids=None)
        self.result_: ExportResult | None = None
        self.running = False

        self.csv = QRadioButton("CSV — for Excel and mail merge (UTF-8, formulas neutralised)")
        self.vcard = QRadioButton("vCard — for Outlook, Apple or Google address books")
        self.csv.setChecked(True)
        formats = QGroupBox("Format")
        fl = QVBoxLayout(formats)
        fl.addWidget(self.csv)
        fl.addWidget(self.vcard)

        self.everyone = QRadioButton("Everyone")
        self.by_tag = QRadioButton("With the tag")
        self.by_list = QRadioButton("On the distribution list")
        self.current = QRadioButton(f"As shown now: {describe_filter(self._current)}")
        self.tag_combo = QComboBox()
        self.tag_combo.addItems(tags)
        self.list_combo = QComboBox()
        self.list_combo.addItems(list_names)
        self.by_tag.setEnabled(bool(tags))
        self.by_list.setEnabled(bool(list_names))
        self.current.setEnabled(self._current != ContactFilter())
        self.who = QButtonGroup(self)
        who = QGroupBox("Who")
        grid = QGridLayout(who)
        for row, (button, combo) in enumerate(
            (
                (self.everyone, None),
                (self.by_tag, self.tag_combo),
                (self.by_list, self.list_combo),
                (self.current, None),
            )
        ):
            self.who.addButton(button)
            grid.addWidget(button, row, 0)
            if combo is not None:
                grid.addWidget(combo, row, 1)
                combo.currentIndexChanged.connect(self._update)
        (self.current if self.current.isEnabled() else self.everyone).setChecked(True)
        if current.list_name and current.list_name in list_names and not current.text:
            self.by_list.setChecked(True)
            self.list_combo.setCurrentText(current.list_name)

        self.include_dnc = QCheckBox("Include people marked do not contact")
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setStyleSheet("color: #135c1f;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            "Export…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(formats)
        layout.addWidget(who)
        layout.addWidget(self.include_dnc)
        layout.addWidget(self.count)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.who.buttonToggled.connect(lambda *_: self._update())
        self.include_dnc.toggled.connect(self._update)
        self._update()

    def chosen_filter(self) -> ContactFilter:
        if self.by_tag.isChecked() and self.tag_combo.currentText():
            return ContactFilter(tag=self.tag_combo.currentText())
        if self.by_list.isChecked() and self.list_combo.currentText():
            return ContactFilter(list_name=self.list_combo.currentText())
        if self.current.isChecked():
            return self._current
        return ContactFilter()

    def fmt(self) -> str:
        return "vcard" if self.vcard.isChecked() else "csv"

    def _update(self) -> None:
        """Count who would go, off the UI thread (a count of 100k contacts is not a paint's
        work); a newer choice drops an older count."""
        flt = self.chosen_filter()
        self.export_button.setEnabled(False)
        self.count.setText("Counting…")

        def count(store: Store) -> tuple[int, int]:
            everyone = query.count_contacts(store, flt)
            allowed = query.count_contacts(
                store, dataclasses.replace(flt, include_do_not_contact=False)
            )
            return everyone, everyone - allowed

        self.ops.query(self, count, lambda counted: self._show_count(*counted), key="count")

    def _show_count(self, everyone: int, dnc: int) -> None:
        going = everyone if self.include_dnc.isChecked() else everyone - dnc
        text = f"{going:,} contact{'s' if going != 1 else ''} will be exported."
        if dnc and not self.include_dnc.isChecked():
            text += f" {dnc:,} marked do not contact will be left out."
        elif dnc:
            text += f" This includes {dnc:,} marked do not contact."
        self.count.setText(text)
        self.export_button.setEnabled(going > 0 and not self.running)

    def export(self) -> None:
        suffix = ".vcf" if self.fmt() == "vcard" else ".csv"
        kind = "vCard files (*.vcf)" if suffix == ".vcf" else "CSV files (*.csv)"
        path, _ = QFileDialog.getSaveFileName(self, "Export contacts", f"contacts{suffix}", kind)
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(suffix)
        store, flt, fmt = self._store, self.chosen_filter(), self.fmt()
        include = self.include_dnc.isChecked()
        self.running = True
        self.export_button.setEnabled(False)
        self.outcome.setText(f"Writing {target.name}…")

        def failed(_exc: BaseException) -> None:
            self.running = False
            self.outcome.setText("")
            self._update()

        run_in_background(
            self,
            lambda: exporter.export_contacts(store, target, flt, include, fmt),
            self._done,
            on_failure=failed,
        )

    def _done(self, result: ExportResult) -> None:
        self.running = False
        self.result_ = result
        left = (
            f" {result.left_out_do_not_contact:,} marked do not contact were left out."
            if result.left_out_do_not_contact
            else ""
        )
        self.outcome.setText(f"Saved {result.count:,} contacts to {Path(result.path).name}.{left}")
        self._update()
