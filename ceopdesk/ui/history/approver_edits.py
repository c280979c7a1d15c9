"""Import approver's edits: the returned Word file beside the version that was sent, part by
part, with the approver's comments beside the part they point at; accept or reject each."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ceopdesk.core.releases import versions
from ceopdesk.core.releases.versions import readable
from ceopdesk.core.textdiff import DiffRun, diff_words
from ceopdesk.documents.approver.accept import accept
from ceopdesk.documents.approver.compare import Comparison, PartChange, PartComment

from .. import dialogs
from ..boilerplate.rendering import DELETED_STYLE, INSERTED_STYLE
from ..operations import BOILERPLATE, RELEASES, StoreOps, run_in_background

_BODY = '<html><body style="font-family:Arial, Helvetica, sans-serif; font-size:10pt;">'
NOTE_CHOICES = (
    ("one-off", "as a one-off wording for this release"),
    ("library", "as the library's next version (every draft follows it)"),
)


def side_html(runs: list[DiffRun], side: str) -> str:
    """One side of a change: the sent words with what went struck, or the returned words
    with what came in green."""
    out = []
    for run in runs:
        text = run.old if side == "sent" else run.new
        if not text:
            continue
        html = escape(text, quote=False).replace("\n", "<br/>")
        if run.changed:
            style = DELETED_STYLE if side == "sent" else INSERTED_STYLE
            html = f'<span style="{style}">{html}</span>'
        out.append(html)
    return f"{_BODY}{''.join(out)}</body></html>"


def comments_html(comments: list[PartComment], tracked: list[str]) -> str:
    out = [_BODY]
    for c in comments:
        out.append(f"<p><b>{escape(c.author)}</b>: {escape(c.text)}")
        if c.anchor:
            out.append(f'<br/><span style="color:#595959;">on “{escape(c.anchor)}”</span>')
        out.append("</p>")
    for line in tracked:
        out.append(f'<p style="color:#595959;">Tracked: {escape(line)}</p>')
    if len(out) == 1:
        out.append('<p style="color:#595959;">No comments.</p>')
    return "".join(out) + "</body></html>"


class _PartRow(QFrame):
    """One part: sent | returned | comments, and the choice to take it."""

    def __init__(self, label: str, change: PartChange | None, comments: list[PartComment]) -> None:
        super().__init__()
        self.change = change
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        kind = f" — {change.kind}" if change else " — unchanged, commented"
        title = QLabel(f"<b>{escape(label)}</b>{escape(kind)}")
        grid.addWidget(title, 0, 0, 1, 2)
        self.accept_box = QCheckBox("Accept this change")
        self.accept_box.setObjectName("acceptChange")
        self.note_choice = QComboBox()
        self.note_choice.setObjectName("noteChoice")
        for key, text in NOTE_CHOICES:
            self.note_choice.addItem(text, key)
        self.note_choice.setVisible(bool(change and change.boilerplate))
        self.note_choice.setEnabled(False)
        self.accept_box.toggled.connect(self.note_choice.setEnabled)
        self.accept_box.setVisible(change is not None)
        if change is not None and change.refused:
            # Shown, never offered: taking it would lose what the approver did.
            self.accept_box.setEnabled(False)
            self.accept_box.setText("Cannot be accepted")
            self.accept_box.setToolTip(f"{change.refused[:1].upper()}{change.refused[1:]}.")
            why = QLabel(f"Cannot be accepted: {escape(change.refused)}. Make it in ceopdesk.")
            why.setObjectName("refusedChange")
            why.setWordWrap(True)
            why.setStyleSheet("color: #b71c1c;")
            grid.addWidget(why, 3, 0, 1, 3)
        grid.addWidget(self.accept_box, 0, 2)
        grid.addWidget(self.note_choice, 1, 2)
        if change is not None:
            runs = diff_words(readable(change.before), readable(change.after))
            for column, (side, heading) in enumerate((("sent", "Sent"), ("returned", "Returned"))):
                grid.addWidget(QLabel(heading), 1, column)
                view = QTextBrowser()
                view.setObjectName(f"{side}Text")
                view.setHtml(side_html(runs, side))
                view.setMinimumHeight(140)
                grid.addWidget(view, 2, column)
        notes = QTextBrowser()
        notes.setObjectName("partComments")
        notes.setHtml(comments_html(comments, change.tracked if change else []))
        notes.setMaximumWidth(280)
        notes.setMinimumHeight(140)
        grid.addWidget(notes, 2, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)


class ApproverEditsDialog(QDialog):
    def __init__(
        self, ops: StoreOps, reference: str, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.reference = reference
        self.path = Path(path)
        self.comparison: Comparison | None = None
        self.rows: list[_PartRow] = []
        self.setWindowTitle(f"Approver's edits to {reference} — {self.path.name}")
        self.setObjectName("approverEdits")
        self.resize(1200, 780)
        self.summary = QLabel(f"Reading {self.path.name}…")
        self.summary.setObjectName("approverSummary")
        self.summary.setWordWrap(True)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        self.accept_button = QPushButton("Accept the ticked changes")
        self.accept_button.setObjectName("acceptTicked")
        self.accept_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.accept_button.clicked.connect(self._accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        from ceopdesk.documents.approver.compare import compare_file

        self.operation = run_in_background(
            self,
            lambda: compare_file(ops.store, reference, self.path),
            self.show_comparison,
            on_failure=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        # The error itself has been shown by run_in_background; the dialog keeps it in view.
        self.summary.setText(getattr(exc, "message", None) or str(exc))

    def show_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        labels = {p: label for p, label, _ in versions.part_texts(comparison.base)}
        changed = {c.part: c for c in comparison.changes}
        order = [c.part for c in comparison.changes]
        order += [c.part or "" for c in comparison.comments if (c.part or "") not in order]
        for part in order:
            comments = [c for c in comparison.comments if (c.part or "") == part]
            label = labels.get(part, part or "Elsewhere in the document")
            row = _PartRow(label, changed.get(part), comments)
            self.rows.append(row)
            self.body_layout.addWidget(row)
        self.body_layout.addStretch(1)
        sent = f"version {comparison.version}" if comparison.version else "the current text"
        how = "" if comparison.matched_by == "properties" else ", matched by its reference and text"
        count = len(comparison.changes)
        self.summary.setText(
            f"{self.path.name} compared with {self.reference} {sent}{how}: "
            f"{count} changed part{'s' if count != 1 else ''}, {len(comparison.comments)} "
            f"comment{'s' if len(comparison.comments) != 1 else ''}. Tick the changes to take; "
            "the rest stay as they are."
            if count or comparison.comments
            else f"{self.path.name} is the same as {self.reference} {sent}: no changes."
        )
        self.accept_button.setEnabled(bool(count))

    def ticked(self) -> list[_PartRow]:
        return [r for r in self.rows if r.change is not None and r.accept_box.isChecked()]

    def _accept(self) -> None:
        comparison = self.comparison
        rows = self.ticked()
        if comparison is None or not rows:
            dialogs.show_info(self, "Tick at least one change to accept.", "Nothing ticked")
            return
        parts = [r.change.part for r in rows if r.change is not None]
        choices = {
            r.change.part: r.note_choice.currentData()
            for r in rows
            if r.change is not None and r.change.boilerplate
        }

        def done(_release: object) -> None:
            self.summary.setText(f"Accepted {len(parts)} change(s) into {self.reference}.")
            self.accept()

        self.ops.mutate(
            self,
            lambda store: accept(store, comparison, parts, choices),
            {RELEASES, BOILERPLATE},
            done,
        )


__all__ = ["ApproverEditsDialog"]
