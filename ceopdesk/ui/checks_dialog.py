"""Settings ▸ Checks: the rules the checks apply, edited, exported and imported as JSON."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.checks import rules as rules_service
from ..core.checks.catalogue import RULES
from ..core.checks.rules import Acronym, Lengths, Rules, Term
from ..core.errors import UserError
from . import dialogs
from .operations import SETTINGS, StoreOps

LEVELS = ("warning", "block", "off")
LENGTHS = {
    "headline_chars": "Headline, characters at most:",
    "headline_words_min": "Headline, words at least:",
    "headline_words_max": "Headline, words at most:",
    "standfirst_chars": "Standfirst, characters at most:",
    "sentence_words": "Sentence, words at most:",
}


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


def _rows(table: QTableWidget) -> list[list[str]]:
    out = []
    for r in range(table.rowCount()):
        cells = [_cell_text(table.item(r, c)) for c in range(table.columnCount())]
        if cells[0]:
            out.append(cells)
    return out


def _cell_text(item: QTableWidgetItem | None) -> str:
    return item.text().strip() if item is not None else ""


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()


def _with_buttons(table: QTableWidget) -> QWidget:
    add, remove = QPushButton("Add"), QPushButton("Remove")

    def add_row() -> None:
        table.insertRow(table.rowCount())
        table.setCurrentCell(table.rowCount() - 1, 0)

    add.clicked.connect(add_row)
    remove.clicked.connect(
        lambda: table.removeRow(table.currentRow()) if table.currentRow() >= 0 else None
    )
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(table, 1)
    row = QHBoxLayout()
    row.addWidget(add)
    row.addWidget(remove)
    row.addStretch(1)
    layout.addLayout(row)
    return page


class ChecksDialog(QDialog):
    def __init__(self, ops: StoreOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        store = ops.store
        self.setWindowTitle("Checks — house style, spelling, plain sense, legal")
        self.setMinimumSize(760, 520)
        self.ops = ops
        self.terms = _table(["Term to avoid", "Say instead (separate with ;)", "Why"])
        self.acronyms = _table(["Acronym", "Spelled out"])
        self.lengths = {key: QSpinBox() for key in LENGTHS}
        for box in self.lengths.values():
            box.setRange(1, 1000)
        self.ise_ize = QComboBox()
        self.ise_ize.addItems(["-ise (organise)", "-ize (organize)", "either, but one per release"])
        self.domains = QPlainTextEdit()
        self.words = QPlainTextEdit()
        self.levels = _table(["Rule", "What happens"])
        style = QWidget()
        form = QFormLayout(style)
        for key, label in LENGTHS.items():
            form.addRow(label, self.lengths[key])
        form.addRow("Spelling of -ise/-ize words:", self.ise_ize)
        form.addRow("Retired domains (one a line):", self.domains)
        form.addRow("Dictionary words (one a line):", self.words)
        self.tabs = QTabWidget()
        self.tabs.addTab(_with_buttons(self.terms), "Terms to avoid")
        self.tabs.addTab(_with_buttons(self.acronyms), "Acronyms")
        self.tabs.addTab(style, "Lengths and spelling")
        self.tabs.addTab(self.levels, "Warn or block")
        intro = QLabel(
            "Findings are warnings unless a rule blocks submission. Legal warnings "
            "need a reason, recorded in the history, to submit anyway."
        )
        intro.setWordWrap(True)
        self.import_button = QPushButton("Import…")
        self.export_button = QPushButton("Export…")
        self.defaults_button = QPushButton("Shipped rules")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        for button in (self.import_button, self.export_button, self.defaults_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.import_rules)
        self.export_button.clicked.connect(self.export_rules)
        self._level_boxes: dict[str, QComboBox] = {}  # each rule's level, in the levels table
        self.defaults_button.clicked.connect(lambda: self.show_rules(rules_service.defaults()))
        self.show_rules(rules_service.load(store))

    def show_rules(self, rules: Rules) -> None:
        _fill(self.terms, [[t.term, "; ".join(t.preferred), t.reason] for t in rules.terms])
        _fill(self.acronyms, [[a.acronym, a.expansion] for a in rules.acronyms])
        for key, box in self.lengths.items():
            box.setValue(getattr(rules.lengths, key))
        self.ise_ize.setCurrentIndex(rules_service.ISE_IZE.index(rules.ise_ize))
        self.domains.setPlainText("\n".join(rules.retired_domains))
        self.words.setPlainText("\n".join(rules.user_words))
        self.levels.setRowCount(len(RULES))
        self._level_boxes = {}
        for r, (rule, words) in enumerate(RULES.items()):
            item = QTableWidgetItem(words)
            item.setToolTip(rule)
            self.levels.setItem(r, 0, item)
            combo = QComboBox()
            combo.addItems(["Warn", "Block submission", "Off"])
            level = "off" if rule in rules.off else rules.severity_of(rule)
            combo.setCurrentIndex(LEVELS.index(level))
            if rule.startswith("legal."):
                combo.setToolTip("A legal warning always needs a recorded reason to submit.")
            self.levels.setCellWidget(r, 1, combo)
            self._level_boxes[rule] = combo
        self.levels.resizeColumnsToContents()

    def rules(self) -> Rules:
        levels = {rule: LEVELS[box.currentIndex()] for rule, box in self._level_boxes.items()}
        return Rules(
            terms=[
                Term(t, [p.strip() for p in pref.split(";") if p.strip()], why)
                for t, pref, why in _rows(self.terms)
            ],
            acronyms=[Acronym(a, e) for a, e in _rows(self.acronyms)],
            lengths=Lengths(**{key: box.value() for key, box in self.lengths.items()}),
            ise_ize=rules_service.ISE_IZE[self.ise_ize.currentIndex()],
            retired_domains=[
                d.strip() for d in self.domains.toPlainText().splitlines() if d.strip()
            ],
            user_words=[w.strip() for w in self.words.toPlainText().splitlines() if w.strip()],
            severity={rule: "block" for rule, level in levels.items() if level == "block"},
            off=[rule for rule, level in levels.items() if level == "off"],
        )

    def save(self) -> None:
        wanted = self.rules()
        self.buttons.setEnabled(False)
        self.ops.mutate(
            self,
            lambda store: rules_service.save(store, wanted),
            {SETTINGS},
            lambda _r: self.accept(),
            on_failure=lambda _e: self.buttons.setEnabled(True),
        )

    def import_rules(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import checks", "", "Checks (*.json)")
        if not path:
            return
        try:
            self.show_rules(rules_service.read_file(Path(path)))
        except UserError as exc:
            dialogs.show_error(self, exc.message)

    def export_rules(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export checks", "checks.json", "Checks (*.json)"
        )
        if not path:
            return
        try:
            rules_service.write_file(self.rules(), Path(path))
        except UserError as exc:
            dialogs.show_error(self, exc.message)
