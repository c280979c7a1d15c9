"""A release's versions and an approver's edits, opened from the main window's File menu."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from ..operations import StoreOps
from .approver_edits import ApproverEditsDialog
from .dialog import HistoryDialog

if TYPE_CHECKING:
    from ..editor.editor import ReleaseEditor


def open_history(parent: QWidget, ops: StoreOps, editor: ReleaseEditor) -> HistoryDialog | None:
    """The History of the release open in ``editor``, after its last typing is saved."""
    reference = editor.reference
    if reference is None:
        return None
    editor.flush()
    ops.wait_idle(2000)
    dialog = HistoryDialog(ops, reference, parent)
    dialog.open()
    return dialog


def import_approver_edits(
    parent: QWidget,
    ops: StoreOps,
    editor: ReleaseEditor,
    path: Path | None = None,
) -> ApproverEditsDialog | None:
    """Ask for the Word file an approver sent back and show it beside what was sent."""
    reference = editor.reference
    if reference is None:
        return None
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, f"Approver's edits to {reference}", "", "Word documents (*.docx)"
        )
        if not chosen:
            return None
        path = Path(chosen)
    editor.flush()
    ops.wait_idle(2000)
    dialog = ApproverEditsDialog(ops, reference, path, parent)
    dialog.open()
    return dialog


__all__ = ["ApproverEditsDialog", "HistoryDialog", "import_approver_edits", "open_history"]
