"""History of one release: its content versions (when, who, why), the difference between
any two word by word, and "Restore this version into the draft"."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ceopdesk.core.domain import ReleaseVersion
from ceopdesk.core.releases import versions
from ceopdesk.core.releases.versions import PartDiff

from .. import dialogs
from ..boilerplate.rendering import legend_html, runs_html, summary
from ..operations import RELEASES, StoreOps
from ..uktime import moment_text
from ..version_views import compare_row, version_tree

_BODY = '<html><body style="font-family:Arial, Helvetica, sans-serif; font-size:10.5pt;">'
_LABEL = '<p style="color:#595959; font-size:9pt; margin-bottom:0px;">'


def diff_html(parts: list[PartDiff], heading: str) -> str:
    """The changed parts of two versions, each with its words struck or added."""
    out = [_BODY, f'<p style="font-size:11pt;"><b>{escape(heading)}</b></p>', legend_html()]
    if not parts:
        out.append("<p>The two versions say the same.</p>")
    for part in parts:
        out.append(f"{_LABEL}{escape(part.label)} — {escape(summary(part.runs))}</p>")
        out.append(f'<p style="margin-top:2px;">{runs_html(part.runs)}</p>')
    out.append("</body></html>")
    return "".join(out)


class HistoryDialog(QDialog):
    def __init__(self, ops: StoreOps, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.reference = reference
        self.setWindowTitle(f"History of {reference}")
        self.setObjectName("releaseHistory")
        self.resize(980, 680)

        self.version_list = version_tree(
            ["Version", "When (UK time)", "Who", "Why"], "releaseVersions"
        )

        self.from_combo = QComboBox()
        self.from_combo.setObjectName("historyFrom")
        self.to_combo = QComboBox()
        self.to_combo.setObjectName("historyTo")
        for combo in (self.from_combo, self.to_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.diff_view = QTextBrowser()
        self.diff_view.setObjectName("historyDiff")
        self.restore_button = QPushButton("Restore this version into the draft")
        self.restore_button.setObjectName("restoreVersion")
        self.restore_button.setToolTip(
            "Put the words of the version selected above back into the release. "
            "An approved release becomes a draft again; every version stays in the history."
        )

        picks = compare_row(self.from_combo, self.to_combo, "Compare version")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(picks)
        lower_layout.addWidget(self.diff_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.version_list)
        splitter.addWidget(lower)
        splitter.setSizes([220, 460])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.empty_label = QLabel(
            "No versions yet: one is made when the release is exported, submitted, approved "
            "or issued, and again only when its words have changed since."
        )
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        self.status.setObjectName("historyStatus")
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.from_combo.currentIndexChanged.connect(self._show_diff)
        self.to_combo.currentIndexChanged.connect(self._show_diff)
        self.version_list.currentItemChanged.connect(lambda *_: self._update_restore())
        self.restore_button.clicked.connect(self._restore)
        self.ops.store_changed.connect(self._store_changed)
        self.load()

    # -- content ------------------------------------------------------------
    def load(self) -> None:
        self._versions: list[ReleaseVersion] = versions.list_versions(
            self.ops.store, self.reference
        )
        self.version_list.clear()
        for v in reversed(self._versions):  # newest first
            row = QTreeWidgetItem([f"v{v.number}", moment_text(v.created), v.by or "", v.reason])
            row.setData(0, Qt.ItemDataRole.UserRole, v.number)
            row.setToolTip(3, v.reason)
            self.version_list.addTopLevelItem(row)
        newest = self.version_list.topLevelItem(0)
        if newest is not None:
            self.version_list.setCurrentItem(newest)
        self.empty_label.setVisible(not self._versions)
        for combo in (self.from_combo, self.to_combo):
            combo.blockSignals(True)
            combo.clear()
            for v in self._versions:
                combo.addItem(f"v{v.number} — {moment_text(v.created)}", v.number)
            combo.blockSignals(False)
        if self._versions:
            self.from_combo.setCurrentIndex(max(0, len(self._versions) - 2))
            self.to_combo.setCurrentIndex(len(self._versions) - 1)
        self._show_diff()
        self._update_restore()

    def compare(self, a: int, b: int) -> None:
        self.from_combo.setCurrentIndex(self.from_combo.findData(a))
        self.to_combo.setCurrentIndex(self.to_combo.findData(b))

    def _show_diff(self) -> None:
        a, b = self.from_combo.currentData(), self.to_combo.currentData()
        if a is None or b is None:
            self.diff_view.setHtml("")
            return
        parts = versions.diff(self.ops.store, self.reference, a, b)
        self.diff_view.setHtml(diff_html(parts, f"What changed from v{a} to v{b}"))

    def selected_version(self) -> int | None:
        item = self.version_list.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def _update_restore(self) -> None:
        number = self.selected_version()
        self.restore_button.setEnabled(number is not None)
        if number is not None:
            self.restore_button.setText(f"Restore v{number} into the draft")

    # -- restoring ----------------------------------------------------------
    def _restore(self) -> None:
        number = self.selected_version()
        if number is None:
            return
        if not dialogs.confirm(
            self,
            "Restore a version",
            f"Put the words of version {number} back into {self.reference}? The current "
            "words stay in the history if they were ever sent; an approved release becomes "
            "a draft again.",
            "Restore",
        ):
            return
        self.ops.mutate(
            self,
            lambda store: versions.restore(store, self.reference, number),
            {RELEASES},
            lambda _release: self.status.setText(f"Version {number} is back in the draft."),
        )

    def _store_changed(self, kinds: frozenset[str]) -> None:
        if RELEASES in kinds:
            self.load()
