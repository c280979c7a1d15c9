"""Notes to editors: taken from the boilerplate library or written for this release only."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.domain import Boilerplate, Note
from ...core.releases import boilerplate
from ...core.store import Store
from ..style import banner
from .ordered import OrderedEditor
from .sections import rich_text_box


def pick_boilerplate(parent: QWidget, items: list[Boilerplate]) -> str | None:
    """Ask which library note to add; its key, or None."""
    labels = [f"{b.title}  ({b.key})" for b in items]
    label, ok = QInputDialog.getItem(
        parent, "Add a note from the library", "Boilerplate note:", labels, 0, False
    )
    return items[labels.index(label)].key if ok and label in labels else None


class NotesEditor(OrderedEditor[Note]):
    take_latest_requested = Signal(str)  # a boilerplate key
    empty_text = (
        "Notes to editors follow ENDS. Add the reusable ones from the boilerplate "
        "library, or write a note for this release only."
    )

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("Notes to editors", parent)
        self.store = store
        self.add_library_button = QPushButton("Add from library…")
        self.add_library_button.setToolTip("A reusable note from the boilerplate library")
        self.add_one_off_button = QPushButton("Add one-off note")
        self.add_one_off_button.setToolTip("A note written for this release only")
        self.add_bar.addWidget(self.add_library_button)
        self.add_bar.addWidget(self.add_one_off_button)
        self.add_bar.addStretch(1)
        self.add_library_button.clicked.connect(self.add_from_library)
        self.add_one_off_button.clicked.connect(self.add_one_off)

        # Page 1: a library note (read here, edited in the Boilerplate library).
        library_page = QWidget()
        self.library_info = QLabel()
        self.library_info.setWordWrap(True)
        self.stale = QLabel()
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet(banner("warning"))
        self.take_button = QPushButton("Take the new text")
        self.take_button.clicked.connect(self._take_latest)
        stale_row = QHBoxLayout()
        stale_row.addWidget(self.stale, 1)
        stale_row.addWidget(self.take_button)
        self.library_text = QTextBrowser()
        self.library_text.setMinimumHeight(90)
        self.library_text.setMaximumHeight(160)
        ll = QVBoxLayout(library_page)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.library_info)
        ll.addLayout(stale_row)
        ll.addWidget(self.library_text)
        self.detail.addWidget(library_page)

        # Page 2: a one-off note.
        one_off_page = QWidget()
        self.note_title = QLineEdit()
        self.note_title.setPlaceholderText("e.g. Where to get the report")
        self.text = rich_text_box("The text of the note.", 140, headings=True)
        form = QFormLayout(one_off_page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Title:", self.note_title)
        form.addRow("Text:", self.text)
        self.detail.addWidget(one_off_page)
        self.note_title.textChanged.connect(self.detail_edited)
        self.text.textChanged.connect(self.detail_edited)

    # -- OrderedEditor ------------------------------------------------------
    def label(self, item: Note) -> str:
        if item.boilerplate:
            flag = "  ⚠ library text changed" if item.is_stale else ""
            return f"Library — {item.title}{flag}"
        return f"One-off — {item.title or '(needs a title)'}"

    def show_detail(self, item: Note) -> None:
        if item.boilerplate:
            version = f"version {item.version}" if item.version else "the latest version"
            self.library_info.setText(
                f"<b>{item.title}</b> — from the boilerplate library (“{item.boilerplate}”, "
                f"{version}). Change its text in the Boilerplate page."
            )
            self.stale.setText(
                "The library text has changed since this release took it "
                f"(v{item.version} → v{item.latest_version})."
            )
            self.stale.setVisible(item.is_stale)
            self.take_button.setVisible(item.is_stale)
            self.library_text.setMarkdown(item.text)
            self.detail.setCurrentIndex(1)
        else:
            self.note_title.setText(item.title)
            self.text.set_markdown(item.text)
            self.detail.setCurrentIndex(2)

    def read_detail(self, item: Note) -> None:
        if not item.boilerplate:
            item.title = self.note_title.text()
            item.text = self.text.markdown()

    # -- public -------------------------------------------------------------
    def set_notes(self, notes: list[Note]) -> None:
        self.set_items([replace(n) for n in notes])

    def notes(self) -> list[Note]:
        return [replace(n) for n in self.items()]

    def add_from_library(self) -> None:
        used = {n.boilerplate for n in self.items()}
        choices = [b for b in boilerplate.list_all(self.store) if b.key not in used]
        if not choices:
            from .. import dialogs

            dialogs.show_info(
                self,
                "Every note in the boilerplate library is already in this "
                "release. Add new ones in the Boilerplate page.",
            )
            return
        key = pick_boilerplate(self, choices)
        if key is None:
            return
        chosen = next(b for b in choices if b.key == key)
        self.add(
            Note(
                title=chosen.title,
                text=chosen.text,
                boilerplate=chosen.key,
                version=chosen.version,
                latest_version=chosen.version,
            )
        )

    def add_one_off(self) -> None:
        self.add(Note(title="", text=""))
        self.note_title.setFocus()

    def _take_latest(self) -> None:
        note = self.current()
        if note is not None and note.boilerplate:
            self.take_latest_requested.emit(note.boilerplate)
