"""Find people entered twice and merge them, choosing per field which value to keep."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ceopdesk.core.contacts import dedupe, service
from ceopdesk.core.contacts.columns import FIELDS
from ceopdesk.core.contacts.domain import Contact, ContactSummary, DuplicatePair
from ceopdesk.ui.layouts import clear_layout
from ceopdesk.ui.operations import CONTACTS, LISTS, StoreOps, run_in_background

FIELD_LABELS = {"name": "Name", **{f.name: f.label for f in FIELDS}}


def _value(c: Contact, field: str) -> str:
    value = c.name if field == "name" else getattr(c, field)
    return "" if value is None else str(value)


def _who(c: Contact) -> str:
    return f"{c.name or c.primary_email or '#' + str(c.id)}" + (
        f" — {c.organisation}" if c.organisation else ""
    )


class MergePanel(QWidget):
    """Two contacts side by side; a choice for each field on which they disagree."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keep: Contact | None = None
        self.other: Contact | None = None
        self.groups: dict[str, QButtonGroup] = {}
        self.grid = QGridLayout()
        body = QWidget()
        body.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def show_pair(self, keep: Contact, other: Contact) -> None:
        self.keep, self.other = keep, other
        clear_layout(self.grid)
        self.groups.clear()
        self.grid.addWidget(QLabel("<b>Field</b>"), 0, 0)
        self.grid.addWidget(QLabel(f"<b>Keep: {_who(keep)}</b>"), 0, 1)
        self.grid.addWidget(QLabel(f"<b>Merge in: {_who(other)}</b>"), 0, 2)
        conflicts = {c.field for c in dedupe.differences(keep, other)}
        row = 1
        for field in dedupe.MERGE_FIELDS:
            mine, theirs = _value(keep, field), _value(other, field)
            if not mine and not theirs:
                continue
            self.grid.addWidget(QLabel(FIELD_LABELS.get(field, field)), row, 0)
            if field in conflicts:
                group = QButtonGroup(self)
                a, b = QRadioButton(mine), QRadioButton(theirs)
                a.setChecked(True)
                group.addButton(a, 0)
                group.addButton(b, 1)
                self.grid.addWidget(a, row, 1)
                self.grid.addWidget(b, row, 2)
                if field == "notes":
                    both = QRadioButton("Keep both notes")
                    group.addButton(both, 2)
                    row += 1
                    self.grid.addWidget(both, row, 1)
                self.groups[field] = group
            else:
                self.grid.addWidget(QLabel(mine or "—"), row, 1)
                self.grid.addWidget(QLabel(theirs or "—"), row, 2)
            row += 1
        for label, mine_list, theirs_list in (
            ("E-mails", [e.address for e in keep.emails], [e.address for e in other.emails]),
            ("Phones", [p.display for p in keep.phones], [p.display for p in other.phones]),
            ("Tags", keep.tags, other.tags),
            ("Lists", keep.lists, other.lists),
        ):
            if mine_list or theirs_list:
                self.grid.addWidget(QLabel(label), row, 0)
                self.grid.addWidget(QLabel(", ".join(mine_list) or "—"), row, 1)
                self.grid.addWidget(QLabel(", ".join(theirs_list) or "—"), row, 2)
                row += 1
        note = QLabel(
            "E-mails, phones, tags, social handles and lists are combined. "
            "Do not contact is kept if either has it."
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.grid.addWidget(note, row, 0, 1, 3)
        self.grid.setRowStretch(row + 1, 1)

    def choices(self) -> dict[str, dedupe.Choice]:
        names: dict[int, dedupe.Choice] = {0: "keep", 1: "other", 2: "both"}
        return {f: names[g.checkedId()] for f, g in self.groups.items() if g.checkedId() > 0}

    def choose(self, field: str, choice: dedupe.Choice) -> None:
        self.groups[field].button({"keep": 0, "other": 1, "both": 2}[choice]).setChecked(True)


class DuplicatesDialog(QDialog):
    """``merged`` counts the merges done, so the page knows to reload."""

    def __init__(self, ops: StoreOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        store = ops.store
        self.setWindowTitle("Find duplicates")
        self.resize(980, 640)
        self._store = store
        self.ops = ops
        self.pairs: list[DuplicatePair] = []
        self.merged = 0
        self.searching = True
        self.status = QLabel("Looking for people entered twice…")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Score", "Person", "Possible duplicate", "Why"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate((60, 240, 240)):
            self.table.setColumnWidth(col, width)
        self.table.itemSelectionChanged.connect(self._pair_chosen)
        self.panel = MergePanel()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.panel)
        split.setSizes([260, 340])
        self.swap_button = QPushButton("Swap sides")
        self.swap_button.setToolTip("Keep the other record and merge this one into it")
        self.skip_button = QPushButton("Not the same person")
        self.merge_button = QPushButton("Merge")
        self.swap_button.clicked.connect(self.swap)
        self.skip_button.clicked.connect(self.skip)
        self.merge_button.clicked.connect(self.merge)
        actions = QHBoxLayout()
        for b in (self.swap_button, self.skip_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.merge_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        layout.addWidget(close)
        self._enable(False)
        run_in_background(
            self,
            lambda: dedupe.find_duplicates(store),
            self._found,
            on_failure=lambda _e: self._found([]),
            busy=False,
        )

    def _found(self, pairs: list[DuplicatePair]) -> None:
        self.searching = False
        self.bar.hide()
        self.pairs = list(pairs)
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            for col, text in enumerate(
                (f"{pair.score:.0f}", self._line(pair.a), self._line(pair.b), pair.reason)
            ):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        n = len(self.pairs)
        done = f" {self.merged} merged so far." if self.merged else ""
        self.status.setText(
            f"{n} possible duplicate{'s' if n != 1 else ''} — pick one, choose what "
            f"to keep, then Merge.{done}"
            if n
            else f"No likely duplicates found.{done}"
        )
        if n:
            self.table.selectRow(0)
        else:
            self._enable(False)

    @staticmethod
    def _line(s: ContactSummary) -> str:
        return " — ".join(x for x in (s.name or s.email or f"#{s.id}", s.organisation) if x)

    def _enable(self, on: bool) -> None:
        for b in (self.swap_button, self.skip_button, self.merge_button):
            b.setEnabled(on)

    def current_pair(self) -> DuplicatePair | None:
        rows = self.table.selectionModel().selectedRows()
        return self.pairs[rows[0].row()] if rows else None

    def _pair_chosen(self) -> None:
        pair = self.current_pair()
        if pair is None:
            self._enable(False)
            return
        found = {c.id: c for c in service.get_contacts(self._store, [pair.a.id, pair.b.id])}
        if len(found) != 2:  # one of them was erased or merged meanwhile
            self.skip()
            return
        self.panel.show_pair(found[pair.a.id], found[pair.b.id])
        self._enable(True)

    def swap(self) -> None:
        if self.panel.keep is not None and self.panel.other is not None:
            self.panel.show_pair(self.panel.other, self.panel.keep)

    def skip(self) -> None:
        """Not the same person: remembered in the store, so the pair is not offered again."""
        pair = self.current_pair()
        if pair is not None:
            self.pairs.remove(pair)
            self._fill()
            self.ops.mutate(
                self,
                lambda store: dedupe.mark_not_duplicate(store, pair.a.id, pair.b.id),
                {CONTACTS},
            )

    def merge(self) -> None:
        keep, other = self.panel.keep, self.panel.other
        if keep is None or other is None or keep.id is None or other.id is None:
            return
        keep_id, gone, choices = keep.id, other.id, self.panel.choices()
        self._enable(False)

        def merged(_result: object) -> None:
            self.merged += 1
            self.pairs = [p for p in self.pairs if gone not in (p.a.id, p.b.id)]
            self._fill()

        self.ops.mutate(
            self,
            lambda store: dedupe.merge(store, keep_id, gone, choices),
            {CONTACTS, LISTS},
            merged,
            on_failure=lambda _e: self._enable(True),
        )
