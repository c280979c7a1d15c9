"""The few message boxes the app shows, in one place (and easy to stand in for in tests)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget | None, message: str, title: str = "ceopdesk") -> None:
    """A refused action or bad input: one plain sentence, no traceback."""
    QMessageBox.warning(parent, title, message)


def show_info(parent: QWidget | None, message: str, title: str = "ceopdesk") -> None:
    QMessageBox.information(parent, title, message)


def confirm(parent: QWidget | None, title: str, message: str, action: str) -> bool:
    """Ask before something hard to undo; ``action`` is the label of the yes button."""
    box = QMessageBox(QMessageBox.Icon.Question, title, message, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes
