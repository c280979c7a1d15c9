"""The first three steps of the import wizard: the file and its preview, columns, options."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ceopdesk.core.contacts import importer
from ceopdesk.core.contacts.domain import KINDS, LAWFUL_BASES, FilePreview, ImportOptions
from ceopdesk.core.contacts.fields import describe as describe_target
from ceopdesk.core.errors import UserError
from ceopdesk.ui.layouts import clear_layout
from ceopdesk.ui.operations import run_in_background

from .detail_panel import LAWFUL_BASIS_LABELS

FORMAT_NAMES = {
    "outlook-csv": "Outlook CSV export",
    "google-csv": "Google Contacts CSV export",
    "csv": "CSV (spreadsheet or media database)",
    "vcard": "vCard address book",
}
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with byte-order mark",
    "cp1252": "Windows-1252 (Western European)",
    "utf-16": "UTF-16",
    "utf-32": "UTF-32",
}
ENCODING_CHOICES = [
    (None, "As detected"),
    ("utf-8", "UTF-8"),
    ("cp1252", "Windows-1252"),
    ("iso-8859-1", "ISO-8859-1 (Latin-1)"),
    ("utf-16", "UTF-16"),
    ("mac_roman", "Mac Roman"),
]
# What a column can be imported as, in the order the mapping combo offers them.
MAPPING_CHOICES: list[tuple[str | None, str]] = [(None, "Don't import this column")] + [
    (value, describe_target(value))
    for value in (
        "full_name",
        "given_name",
        "middle_name",
        "family_name",
        "organisation",
        "job_title",
        "kind",
        "email",
        "email:work",
        "email:home",
        "email:other",
        "phone",
        "phone:work",
        "phone:mobile",
        "phone:desk",
        "phone:home",
        "phone:other",
        "address",
        "street",
        "city",
        "region",
        "postcode",
        "country",
        "tags",
        "notes",
        "social:x",
        "social:linkedin",
        "social:bluesky",
        "social:web",
        "social_links",
        "lawful_basis",
        "source",
        "date_collected",
        "do_not_contact",
    )
]
FILE_FILTER = "Contact files (*.csv *.vcf *.vcard *.txt);;All files (*)"


def describe(preview: FilePreview) -> str:
    fmt = FORMAT_NAMES.get(preview.format, preview.format)
    enc = ENCODING_NAMES.get(preview.encoding.lower(), preview.encoding)
    n = preview.record_count
    return f"{fmt} · {enc} · {n:,} {'card' if preview.format == 'vcard' else 'record'}{'s' if n != 1 else ''}"


class FilePage(QWizardPage):
    """Choose a file; ceopdesk reads it (off the UI thread) and shows its first rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Choose a contact file")
        self.setSubTitle(
            "Outlook or Google Contacts CSV, a media-database or spreadsheet CSV, or a "
            "vCard (.vcf). Nothing is imported until the last step."
        )
        self.preview: FilePreview | None = None
        self._loading = False
        self._asked: tuple[str, str | None] | None = None  # the latest (path, encoding) asked for
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("No file chosen")
        self.path_edit.editingFinished.connect(lambda: self.load(self.path_edit.text()))
        choose = QPushButton("Choose…")
        choose.clicked.connect(self.choose)
        self.encoding = QComboBox()
        for value, text in ENCODING_CHOICES:
            self.encoding.addItem(text, value)
        self.encoding.setToolTip("Change this only if names look garbled in the preview.")
        self.encoding.currentIndexChanged.connect(
            lambda: self.load(self.path_edit.text(), force=True)
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        enc = QHBoxLayout()
        enc.addWidget(QLabel("Text encoding"))
        enc.addWidget(self.encoding)
        enc.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(enc)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import contacts", self.path_edit.text(), FILE_FILTER
        )
        if path:
            self.path_edit.setText(path)
            self.load(path)

    def chosen_encoding(self) -> str | None:
        return self.encoding.currentData()

    def load(self, path: str, force: bool = False) -> None:
        path = path.strip()
        asked = (path, self.chosen_encoding())
        if not path or (asked == self._asked and not force):
            return
        self._asked = asked
        self.preview = None
        self._loading = True
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.status.setStyleSheet("")
        self.status.setText(f"Reading {Path(path).name}…")
        self.completeChanged.emit()
        options = ImportOptions(encoding=self.chosen_encoding())

        def work() -> FilePreview | UserError:
            try:
                return importer.preview_file(Path(path), options)
            except UserError as exc:  # shown on the page, not in a message box
                return exc

        run_in_background(self, work, lambda result: self._loaded(asked, result))

    def _loaded(self, asked: tuple[str, str | None], result: FilePreview | UserError) -> None:
        if asked != self._asked:  # the user chose another file meanwhile
            return
        self._loading = False
        if isinstance(result, UserError):
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText(str(result))
        else:
            self.preview = result
            self.status.setText(describe(result))
            self._fill(result)
        self.completeChanged.emit()

    def _fill(self, preview: FilePreview) -> None:
        headers = preview.headers or ["Card"]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(preview.sample))
        for r, values in enumerate(preview.sample):
            for c, value in enumerate(values[: len(headers)]):
                self.table.setItem(r, c, QTableWidgetItem(value.replace("\n", " ⏎ ")))
        self.table.resizeColumnsToContents()
        for c in range(len(headers)):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 220))

    def isComplete(self) -> bool:
        return self.preview is not None and not self._loading


class MappingPage(QWizardPage):
    """One combo per column ceopdesk did not recognise (skipped when there are none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Match the columns")
        self.setSubTitle(
            "ceopdesk did not recognise these column headings. Say what each holds, or "
            "leave it out. Recognised columns are imported as shown below."
        )
        self.combos: dict[str, QComboBox] = {}
        self._grid_host = QWidget()
        self.grid = QGridLayout(self._grid_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._grid_host)
        self.known = QLabel()
        self.known.setWordWrap(True)
        self.known.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.known)

    def set_preview(self, preview: FilePreview) -> None:
        clear_layout(self.grid)
        self.combos.clear()
        for col, title in enumerate(("Column in the file", "Examples", "Import as")):
            label = QLabel(f"<b>{title}</b>")
            self.grid.addWidget(label, 0, col)
        for row, header in enumerate(preview.unknown_headers, start=1):
            i = preview.headers.index(header) if header in preview.headers else -1
            examples = [s[i] for s in preview.sample if 0 <= i < len(s) and s[i].strip()][:3]
            combo = QComboBox()
            for value, text in MAPPING_CHOICES:
                combo.addItem(text, value)
            combo.setAccessibleName(f"Import column {header} as")
            self.combos[header] = combo
            example = QLabel(" · ".join(e.replace("\n", " ")[:40] for e in examples) or "(empty)")
            example.setStyleSheet("color: #555;")
            self.grid.addWidget(QLabel(header), row, 0)
            self.grid.addWidget(example, row, 1)
            self.grid.addWidget(combo, row, 2)
        self.grid.setRowStretch(len(preview.unknown_headers) + 1, 1)
        known = [
            f"{h} → {describe_target(v)}"
            for h, v in preview.mapping.items()
            if v and v != "ignore" and h not in self.combos
        ]
        self.known.setText("Recognised: " + "; ".join(known) if known else "")

    def mapping(self) -> dict[str, str | None]:
        return {header: combo.currentData() for header, combo in self.combos.items()}

    def set_choice(self, header: str, field: str | None) -> None:
        combo = self.combos[header]
        combo.setCurrentIndex(max(0, combo.findData(field)))


class OptionsPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Options")
        self.setSubTitle(
            "People already in the list (same e-mail, or same phone and name) are "
            "merged, never overwritten. A doubtful e-mail, phone or date is kept as "
            "typed, marked unchecked and reported. The import saves everything or "
            "nothing."
        )
        self.dry_run = QCheckBox("Dry run: show what would happen, save nothing")
        self.skip_bad = QCheckBox(
            "Skip records the file is damaged in (ragged rows, broken cards) and import the rest"
        )
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind.capitalize(), kind)
        self.lawful_basis = QComboBox()
        self.lawful_basis.addItem("Not recorded", None)
        for basis in LAWFUL_BASES:
            self.lawful_basis.addItem(LAWFUL_BASIS_LABELS[basis], basis)
        self.source = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.dry_run)
        form.addRow(self.skip_bad)
        form.addRow("Kind, where the file does not say", self.kind)
        form.addRow("Lawful basis for these people", self.lawful_basis)
        form.addRow("Source", self.source)

    def set_file(self, path: str) -> None:
        self.source.setPlaceholderText(f"import of {Path(path).name}")

    def options(self, mapping: dict[str, str | None], encoding: str | None) -> ImportOptions:
        return ImportOptions(
            dry_run=self.dry_run.isChecked(),
            skip_bad_rows=self.skip_bad.isChecked(),
            mapping=dict(mapping),
            encoding=encoding,
            default_kind=self.kind.currentData(),
            lawful_basis=self.lawful_basis.currentData(),
            source=self.source.text().strip() or None,
        )
