"""Table models for the boilerplate library: the list of notes and the releases using one."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ceopdesk.core.domain import Boilerplate, BoilerplateUse
from ceopdesk.core.releases.workflow import LABELS

from ..rows_model import Index, RowsTableModel
from ..uktime import moment_text as uk_time

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2
REFERENCE_ROLE = Qt.ItemDataRole.UserRole + 3
BEHIND_ROLE = Qt.ItemDataRole.UserRole + 4

# Releases not yet approved follow the latest text; the others keep what they took.
FOLLOWING = ("draft", "in_review")
BEHIND_COLOUR = QColor("#9c5700")
KEPT_COLOUR = QColor("#595959")


class BoilerplateListModel(RowsTableModel[Boilerplate]):
    """The library: one row per note, columns title, key and latest version."""

    HEADERS = ("Title", "Key", "Version")

    def set_items(self, items: list[Boilerplate]) -> None:
        self.set_rows(items)

    def items(self) -> list[Boilerplate]:
        return self.rows()

    def row_of(self, key: str) -> int:
        return next((i for i, item in enumerate(self._rows) if item.key == key), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.title, item.key, f"v{item.version}")[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.title}\nKey: {item.key}\nVersion {item.version}, saved {uk_time(item.updated)}"
        if role == Qt.ItemDataRole.ForegroundRole and column > 0:
            return QBrush(QColor("#595959"))
        if role == KEY_ROLE:
            return item.key
        if role == ITEM_ROLE:
            return item
        return None


class UsageModel(RowsTableModel[BoilerplateUse]):
    """The releases using one note, and the version each took."""

    HEADERS = ("Reference", "Headline", "Status", "Version taken")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = 0

    def set_uses(self, uses: list[BoilerplateUse], latest: int) -> None:
        self._latest = latest
        self.set_rows(uses)

    def uses(self) -> list[BoilerplateUse]:
        return self.rows()

    def stale_drafts(self) -> int:
        """Releases not yet approved that took an older version (they show it has changed)."""
        return sum(
            1 for i, u in enumerate(self._rows) if self.is_behind(i) and u.status in FOLLOWING
        )

    def kept_older(self) -> int:
        """Approved, issued or withdrawn releases keeping an older version's text."""
        return sum(
            1 for i, u in enumerate(self._rows) if self.is_behind(i) and u.status not in FOLLOWING
        )

    def is_behind(self, row: int) -> bool:
        version = self._rows[row].version
        return version is not None and version < self._latest

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        use = self._rows[index.row()]
        behind = self.is_behind(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return use.reference
            if column == 1:
                return use.headline
            if column == 2:
                return LABELS.get(use.status, use.status)
            return self._version_text(use, behind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._explain(use, behind) + "\nDouble-click to open the release."
        if column == 3 and behind:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(BEHIND_COLOUR if use.status in FOLLOWING else KEPT_COLOUR)
            if role == Qt.ItemDataRole.FontRole and use.status in FOLLOWING:
                font = QFont()
                font.setBold(True)
                return font
        if role == REFERENCE_ROLE:
            return use.reference
        if role == BEHIND_ROLE:
            return behind
        return None

    def _version_text(self, use: BoilerplateUse, behind: bool) -> str:
        if use.version is None:
            return "—"
        if behind and use.status in FOLLOWING:
            return f"v{use.version}  ⚠ older than v{self._latest}"
        if behind:
            return f"v{use.version}  kept (older than v{self._latest})"
        return f"v{use.version} (latest)"

    def _explain(self, use: BoilerplateUse, behind: bool) -> str:
        if not behind:
            return f"{use.reference} uses the latest text of this note."
        if use.status in FOLLOWING:
            return (
                f"{use.reference} took version {use.version}; the note has changed since, "
                "and the release editor shows it."
            )
        return (
            f"{use.reference} keeps the text of version {use.version}, "
            f"the text it was {LABELS.get(use.status, use.status).lower()} with."
        )
