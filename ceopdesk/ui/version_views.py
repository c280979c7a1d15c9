"""Pieces both version histories use (a boilerplate note's and a release's)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTreeWidget


def version_tree(labels: list[str], name: str) -> QTreeWidget:
    """A flat list of versions, newest first; all columns but the last fit their contents."""
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setHeaderLabels(labels)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    header = tree.header()
    for column in range(len(labels) - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return tree


def compare_row(first: QComboBox, second: QComboBox, lead: str = "Compare") -> QHBoxLayout:
    """ "Compare [version] with [version]" on one line."""
    row = QHBoxLayout()
    row.addWidget(QLabel(lead))
    row.addWidget(first)
    row.addWidget(QLabel("with"))
    row.addWidget(second)
    row.addStretch(1)
    return row
