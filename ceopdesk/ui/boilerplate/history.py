"""Version history of one boilerplate note, with a readable diff between any two versions."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ceopdesk.core.domain import BoilerplateVersion
from ceopdesk.core.releases import boilerplate
from ceopdesk.core.store import Store
from ceopdesk.core.textdiff import diff_words

from ..uktime import moment_text as uk_time
from ..version_views import compare_row, version_tree
from .rendering import comparison_html, markdown_html, note_parser


class BoilerplateHistoryDialog(QDialog):
    """Every version of a note (number, UK time, who) and the diff between two of them."""

    def __init__(self, store: Store, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._versions: list[BoilerplateVersion] = boilerplate.versions(store, key)
        latest = self._versions[-1]
        self.setWindowTitle(f"History of “{latest.title}”")
        self.setObjectName("boilerplateHistory")
        self.resize(900, 640)

        self.version_list = version_tree(
            ["Version", "Saved (UK time)", "By", "Title"], "boilerplateVersions"
        )
        for v in reversed(self._versions):  # newest first
            row = QTreeWidgetItem([f"v{v.number}", uk_time(v.created), v.by or "", v.title])
            row.setData(0, Qt.ItemDataRole.UserRole, v.number)
            self.version_list.addTopLevelItem(row)

        self.from_combo = QComboBox()
        self.from_combo.setObjectName("compareFrom")
        self.to_combo = QComboBox()
        self.to_combo.setObjectName("compareTo")
        for combo in (self.from_combo, self.to_combo):
            for v in self._versions:
                combo.addItem(f"v{v.number} — {uk_time(v.created)}", v.number)
        picks = compare_row(self.from_combo, self.to_combo)

        self.diff_view = QTextBrowser()
        self.diff_view.setObjectName("boilerplateDiff")
        self.diff_view.setOpenLinks(False)
        self.diff_view.setStyleSheet("QTextBrowser { background: #ffffff; }")

        hint = QLabel(
            "Select a version to see what it changed, or choose any two versions below. "
            "Releases not yet approved follow the newest version; approved and issued "
            "releases keep the version they took."
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#595959;")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(picks)
        lower_layout.addWidget(self.diff_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("boilerplateHistorySplitter")
        splitter.addWidget(self.version_list)
        splitter.addWidget(lower)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([130, 470])
        splitter.setChildrenCollapsible(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.from_combo.currentIndexChanged.connect(self._refresh)
        self.to_combo.currentIndexChanged.connect(self._refresh)
        self.version_list.currentItemChanged.connect(self._on_version_selected)
        newest = latest.number
        self.compare(max(1, newest - 1), newest)

    def versions(self) -> list[BoilerplateVersion]:
        return list(self._versions)

    def compare(self, old: int, new: int) -> None:
        """Show what changed from version ``old`` to version ``new``."""
        for combo, number in ((self.from_combo, old), (self.to_combo, new)):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(number))
            combo.blockSignals(False)
        self._refresh()

    def _version(self, number: int) -> BoilerplateVersion:
        return next(v for v in self._versions if v.number == number)

    def _refresh(self) -> None:
        old = self._version(self.from_combo.currentData())
        new = self._version(self.to_combo.currentData())
        if old.number == new.number:
            self.diff_view.setHtml(self._single(old))
            return
        heading = f"Changes from version {old.number} to version {new.number}"
        if new.by:
            heading += f" (saved by {new.by}, {uk_time(new.created)})"
        html = comparison_html(
            diff_words(old.title, new.title), diff_words(old.text, new.text), heading
        )
        self.diff_view.setHtml(html)

    def _single(self, version: BoilerplateVersion) -> str:
        note = (
            "This is the only version so far."
            if len(self._versions) == 1
            else "The same version is chosen twice: choose two different versions to compare."
        )
        head = (
            f"<p><b>Version {version.number}: {escape(version.title)}</b><br/>"
            f'<span style="color:#595959;">{escape(note)}</span></p>'
        )
        return markdown_html(note_parser(), version.text, head)

    def _on_version_selected(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        number = int(current.data(0, Qt.ItemDataRole.UserRole))
        self.compare(max(1, number - 1), number)
