"""Checks beside the form: every finding with its reason, underlined in its field, and a
one-click fix where there is one; the figures the approver will sign off. Re-checked off
the UI thread a moment after the person stops typing (the same core code as
``release check`` and submission)."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.checks import Finding, check_release
from ...core.checks.figures import Figure, figures
from ...core.checks.rules import add_user_word
from ...core.checks.spelling import speller
from ...core.domain import QuoteSection, Release
from ...documents.figures import part_label
from ..operations import SETTINGS, StoreOps, run_in_background
from ..richtext.editor import RichTextEdit
from .form import ReleaseForm
from .underline import Span, underline

CHECK_DELAY_MS = 350
COLOURS = {"block": "#c62828", "legal": "#e65100", "spelling": "#c62828", "warning": "#1565c0"}
_SECTION = re.compile(r"sections\[(\d+)\]")


# What a listed row shows: rule, part, excerpt, message, severity and its one-click fix.
RowKey = tuple[str, str, str, str, str, str | None]
SHOWN_ROWS = 60  # findings listed per check; the text underlines every one


def colour_of(finding: Finding) -> str:
    if finding.severity == "block":
        return COLOURS["block"]
    if finding.is_legal:
        return COLOURS["legal"]
    return COLOURS.get(finding.rule, COLOURS["warning"])


class FindingRow(QWidget):
    """One finding: where, what and why, and its fix button."""

    def __init__(self, finding: Finding, fix: str | None) -> None:
        super().__init__()
        self.finding = finding  # moved along with the text while the row is kept
        where = part_label(finding.part) + (f": “{finding.excerpt}”" if finding.excerpt else "")
        tag = (
            "Blocks submission"
            if finding.severity == "block"
            else ("Legal: needs a reason to submit" if finding.is_legal else "")
        )
        self.label = QLabel(
            f"<span style='color:{colour_of(finding)}'>■</span> <b>{escape(where)}</b>"
            + (f" <i>{tag}</i>" if tag else "")
            + f"<br>{escape(finding.message)}"
        )
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.fix_button = QPushButton()
        self.fix_button.setVisible(False)
        self.word_button = QPushButton("Add to dictionary")
        self.word_button.setVisible(finding.rule == "spelling")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.word_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.set_fix(fix)

    def set_fix(self, fix: str | None) -> None:
        self.fix_button.setVisible(fix is not None)
        if fix is not None:
            self.fix_button.setText(f"Change to “{fix}”" if fix else "Remove it")


class FindingsPanel(QWidget):
    def __init__(
        self,
        ops: StoreOps,
        form: ReleaseForm,
        current: Callable[[], Release | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops, self.form, self._current = ops, form, current
        self.findings: list[Finding] = []
        self._row_keys: list[RowKey] = []  # what the listed rows show
        self.checked: Release | None = None  # the text the findings are about
        self._running = self._again = False
        self.summary = QLabel("Checking…")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.currentRowChanged.connect(self._go_to)
        self.figures = QTableWidget(0, 3)
        self.figures.setHorizontalHeaderLabels(["Figure", "Where", "Sentence"])
        self.figures.horizontalHeader().setStretchLastSection(True)
        self.figures.verticalHeader().hide()
        self.figures.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        checks = QWidget()
        cl = QVBoxLayout(checks)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.summary)
        cl.addWidget(self.list, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(checks, "Checks")
        self.tabs.addTab(self.figures, "Figures")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run)
        form.edited.connect(self.schedule)
        form.sections.list.currentRowChanged.connect(lambda _row: self._underline())
        self._warming = False

    def showEvent(self, event: QShowEvent) -> None:
        """Once shown and idle (a zero timer waits for the painting queued first), the
        dictionary is read off the UI thread, so the first check finds it ready. Not
        before: while the window is being built and filled it would compete for the GIL."""
        super().showEvent(event)
        if not self._warming:
            self._warming = True
            QTimer.singleShot(0, self, lambda: run_in_background(self, speller, busy=False))

    # -- checking ----------------------------------------------------------
    def schedule(self, at_once: bool = False) -> None:
        self._timer.start(0 if at_once else CHECK_DELAY_MS)

    def _run(self) -> None:
        release = self._current()
        if release is None:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        store = self.ops.store

        def work() -> tuple[Release, list[Finding], list[Figure]]:
            return release, check_release(store, release), figures(release)

        run_in_background(self, work, self._show, on_failure=self._failed, busy=False)

    def _failed(self, _exc: BaseException) -> None:
        self._running = False

    def _show(self, result: tuple[Release, list[Finding], list[Figure]]) -> None:
        self._running = False
        self.checked, self.findings, found = result
        self._fill_list()
        self._fill_figures(found)
        self._underline()
        if self._again:
            self._again = False
            self.schedule(at_once=True)

    def _fill_list(self) -> None:
        blocking = sum(f.severity == "block" for f in self.findings)
        legal = sum(f.is_legal for f in self.findings)
        if not self.findings:
            self.summary.setText(
                "No findings: house style, spelling, plain sense and legal checks pass."
            )
        else:
            words = [f"{len(self.findings)} finding{'s' if len(self.findings) != 1 else ''}"]
            words += [f"{blocking} blocking submission"] if blocking else []
            words += [f"{legal} legal (a reason is needed to submit)"] if legal else []
            self.summary.setText(", ".join(words) + ".")
        self.tabs.setTabText(0, f"Checks ({len(self.findings)})" if self.findings else "Checks")
        if len(self.findings) > SHOWN_ROWS:
            self.summary.setText(f"{self.summary.text()} The first {SHOWN_ROWS} are listed.")
        shown = []
        for finding in self.findings[:SHOWN_ROWS]:
            field = self._field_for(finding.part)
            editable = field is not None and not field.isReadOnly()
            shown.append((finding, finding.fix if editable else None))
        keys: list[RowKey] = [
            (f.rule, f.part, f.excerpt, f.message, f.severity, fix) for f, fix in shown
        ]
        if keys == self._row_keys:
            # The same findings, perhaps moved by typing: keep the rows (a row is a few
            # widgets; rebuilding dozens on every pause in typing stalled the UI thread).
            for i, (finding, _fix) in enumerate(shown):
                row = self.list.itemWidget(self.list.item(i))
                if isinstance(row, FindingRow):
                    row.finding = finding
            return
        self.list.clear()
        self._row_keys = keys
        for finding, fix in shown:
            row = FindingRow(finding, fix)
            row.fix_button.clicked.connect(lambda _c=False, r=row: self.apply_fix(r.finding, r))
            row.word_button.clicked.connect(
                lambda _c=False, r=row: self.add_word(r.finding.excerpt)
            )
            item = QListWidgetItem()
            item.setSizeHint(row.sizeHint())
            item.setToolTip(f"{finding.rule}: {finding.message}")
            self.list.addItem(item)
            self.list.setItemWidget(item, row)

    def _fill_figures(self, found: list[Figure]) -> None:
        self.figures.setRowCount(len(found))
        for i, fig in enumerate(found):
            for column, text in enumerate((fig.text, part_label(fig.part), fig.sentence)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(fig.sentence)
                self.figures.setItem(i, column, cell)
        self.figures.resizeColumnsToContents()
        self.tabs.setTabText(1, f"Figures ({len(found)})")

    # -- where a finding is ----------------------------------------------------
    def _field_for(self, part: str) -> QLineEdit | RichTextEdit | None:
        form = self.form
        fields: dict[str, QLineEdit | RichTextEdit] = {
            "headline": form.headline,
            "subheadline": form.subheadline,
            "standfirst": form.standfirst,
        }
        if part in fields:
            return fields[part]
        m = _SECTION.fullmatch(part)
        if m and self.form.sections.list.currentRow() == int(m.group(1)):
            section = self.form.sections.current()
            return (
                self.form.sections.quote_text
                if isinstance(section, QuoteSection)
                else self.form.sections.text
            )
        return None

    def _show_section(self, part: str) -> None:
        m = _SECTION.fullmatch(part)
        if m and self.form.sections.list.currentRow() != int(m.group(1)):
            self.form.sections.list.setCurrentRow(int(m.group(1)))

    def _locate(self, field: QLineEdit | RichTextEdit, finding: Finding) -> tuple[int, int] | None:
        """Where the finding's words are in the field now (it may have changed since)."""
        text = field.text() if isinstance(field, QLineEdit) else field.toPlainText()
        want = self._checked_text(finding)[finding.start : finding.end]
        if not want:
            return None
        if text[finding.start : finding.end] == want:
            return finding.start, finding.end
        places = [m.start() for m in re.finditer(re.escape(want), text)]
        if not places:
            return None
        start = min(places, key=lambda p: abs(p - finding.start))
        return start, start + len(want)

    def _checked_text(self, finding: Finding) -> str:
        release = self.checked
        if release is None:
            return ""
        if finding.part in ("headline", "subheadline", "standfirst"):
            return getattr(release, finding.part) or ""
        m = _SECTION.fullmatch(finding.part)
        return (
            release.sections[int(m.group(1))].text
            if m and int(m.group(1)) < len(release.sections)
            else ""
        )

    def _underline(self) -> None:
        spans: dict[int, tuple[QWidget, list[Span]]] = {}
        fields: tuple[QWidget, ...] = (
            self.form.headline,
            self.form.subheadline,
            self.form.standfirst,
            self.form.sections.text,
            self.form.sections.quote_text,
        )
        for shown in fields:
            spans[id(shown)] = (shown, [])
        for finding in self.findings:
            field = self._field_for(finding.part)
            place = self._locate(field, finding) if field is not None else None
            if place:
                spans[id(field)][1].append((*place, colour_of(finding)))
        for shown, found in spans.values():
            underline(shown, found)

    def _go_to(self, row: int) -> None:
        if not 0 <= row < len(self.findings):
            return
        finding = self.findings[row]
        self._show_section(finding.part)
        field = self._field_for(finding.part)
        if field is None:
            return
        place = self._locate(field, finding)
        if place is not None and isinstance(field, QLineEdit):
            field.setSelection(place[0], place[1] - place[0])
        elif place is not None and isinstance(field, RichTextEdit):
            cursor = field.textCursor()
            cursor.setPosition(place[0])
            cursor.setPosition(place[1], QTextCursor.MoveMode.KeepAnchor)
            field.setTextCursor(cursor)
        if finding.rule == "spelling" and finding.fix is None:
            self._suggest(row, finding)

    def _suggest(self, row: int, finding: Finding) -> None:
        def found(options: list[str]) -> None:
            if options and row < self.list.count() and self.findings[row] is finding:
                self.findings[row] = Finding(**{**finding.__dict__, "fix": options[0]})
                widget = self.list.itemWidget(self.list.item(row))
                if isinstance(widget, FindingRow):
                    widget.set_fix(options[0])

        run_in_background(self, lambda: speller().suggestions(finding.excerpt), found, busy=False)

    # -- acting on a finding ------------------------------------------------------
    def apply_fix(self, finding: Finding, row: FindingRow | None = None) -> bool:
        """Put the fix in the field (an ordinary edit: saved, undoable, checked again)."""
        finding = next(
            (
                f
                for f in self.findings
                if f == finding
                or (f.rule, f.part, f.start) == (finding.rule, finding.part, finding.start)
            ),
            finding,
        )
        if finding.fix is None:
            return False
        self._show_section(finding.part)
        field = self._field_for(finding.part)
        if field is None or field.isReadOnly():
            return False  # approved, issued or withdrawn: the form is locked
        place = self._locate(field, finding)
        if place is None:
            return False
        start, end = place
        if isinstance(field, QLineEdit):
            text = field.text()
            field.setText(text[:start] + finding.fix + text[end:])
        else:
            cursor = QTextCursor(field.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(finding.fix)
        if row is not None:
            row.setEnabled(False)
        self.schedule()
        return True

    def add_word(self, word: str) -> None:
        self.ops.mutate(
            self,
            lambda store: add_user_word(store, word),
            {SETTINGS},
            lambda _rules: self.schedule(at_once=True),
        )
