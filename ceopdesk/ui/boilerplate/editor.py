"""The form for one boilerplate note: key, title, Markdown text and a live preview."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ceopdesk.core.domain import Boilerplate
from ceopdesk.core.releases.interchange import KEY_RE

from ..richtext import RichTextEdit
from ..uktime import moment_text as uk_time
from .rendering import markdown_html, note_parser

HINT_STYLE = "color:#595959;"
PROBLEM_STYLE = "color:#a4001d;"
KEY_RULE = "Lower-case letters, digits and hyphens, like about-ceop."
PREVIEW_DELAY_MS = 150


def slug(title: str) -> str:
    """A key suggested from a title: "About CEOP" -> "about-ceop"."""
    plain = unicodedata.normalize("NFKD", title)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:64].rstrip("-")


def _clean_key(text: str) -> str:
    text = re.sub(r"[\s_]+", "-", text.lower())
    return re.sub(r"[^a-z0-9-]", "", text)[:64]


class BoilerplateEditor(QWidget):
    """Edits one note. ``edited`` fires whenever the fields change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parser = note_parser()
        self._item: Boilerplate | None = None
        self._baseline = ("", "", "")
        self._key_touched = False
        self._loading = False

        self.version_label = QLabel()
        self.version_label.setStyleSheet(HINT_STYLE)
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("boilerplateKey")
        self.key_edit.setPlaceholderText("about-ceop")
        self.key_hint = QLabel(KEY_RULE)
        self.key_hint.setWordWrap(True)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("boilerplateTitle")
        self.title_edit.setPlaceholderText("About CEOP")
        self.text_edit = RichTextEdit(
            "The text of the note, as it should appear under Notes to editors.", headings=True
        )
        self.text_edit.setObjectName("boilerplateText")
        self.preview = QTextBrowser()
        self.preview.setObjectName("boilerplatePreview")
        self.preview.setOpenLinks(False)
        self.preview.setStyleSheet("QTextBrowser { background: #ffffff; }")

        key_box = QWidget()
        key_layout = QVBoxLayout(key_box)
        key_layout.setContentsMargins(0, 0, 0, 0)
        key_layout.setSpacing(2)
        key_layout.addWidget(self.key_edit)
        key_layout.addWidget(self.key_hint)
        form = QFormLayout()
        form.addRow("Key:", key_box)
        form.addRow("Title:", self.title_edit)

        text_box = QWidget()
        text_layout = QVBoxLayout(text_box)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_label = QLabel(
            "Text — <span style='color:#595959'>format with the bar or Ctrl+B, Ctrl+I, "
            "Ctrl+K (link), Ctrl+Shift+8 (bullets), Ctrl+Shift+7 (numbers)</span>"
        )
        # Wrapped: on one line it is as wide as the window, and squeezes the list of notes.
        text_label.setWordWrap(True)
        text_label.setBuddy(self.text_edit)
        text_layout.addWidget(text_label)
        text_layout.addWidget(self.text_edit)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(QLabel("Preview — as it will read in the release"))
        preview_layout.addWidget(self.preview)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("boilerplateTextSplitter")
        self.splitter.addWidget(text_box)
        self.splitter.addWidget(preview_box)
        self.splitter.setChildrenCollapsible(False)
        # The text side is the wider: its formatting bar needs the room, the preview wraps.
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.version_label)
        layout.addLayout(form)
        layout.addWidget(self.splitter, 1)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.key_edit.textEdited.connect(self._on_key_edited)
        self.title_edit.textChanged.connect(self._on_title_changed)
        self.text_edit.textChanged.connect(self._on_text_changed)
        self.load(None)

    # -- state ----------------------------------------------------------------
    def load(self, item: Boilerplate | None) -> None:
        """Show ``item``, or an empty form for a new note when None."""
        self._loading = True
        self._item = item
        self._key_touched = False
        if item is None:
            self._baseline = ("", "", "")
            self.version_label.setText("New note — not saved yet.")
        else:
            self._baseline = (item.key, item.title, item.text)
            saved = f", saved {uk_time(item.updated)}" if item.updated else ""
            self.version_label.setText(f"Version {item.version}{saved}.")
        key, title, text = self._baseline
        self.key_edit.setText(key)
        self.key_edit.setReadOnly(item is not None)
        self.key_edit.setToolTip(
            "The key cannot change once saved: releases refer to the note by it."
            if item is not None
            else "How releases and imports refer to this note. " + KEY_RULE
        )
        self.title_edit.setText(title)
        self.text_edit.set_markdown(text)
        # Stored text reads back in the editor's own spelling ("* a" as "- a"): not an edit.
        self._baseline = (key, title, self.text_edit.markdown())
        self._loading = False
        self._update_key_hint()
        self.refresh_preview()
        self.edited.emit()

    @property
    def item(self) -> Boilerplate | None:
        """The saved note shown, or None while writing a new one."""
        return self._item

    @property
    def is_new(self) -> bool:
        return self._item is None

    def values(self) -> tuple[str, str, str]:
        """(key, title, text) as typed."""
        return (self.key_edit.text().strip(), self.title_edit.text(), self.text_edit.markdown())

    def is_dirty(self) -> bool:
        key, title, text = self.values()
        base_key, base_title, base_text = self._baseline
        return (key, title.strip(), text) != (base_key, base_title.strip(), base_text)

    def problem(self) -> str | None:
        """Why the note cannot be saved as it is, in one sentence; None when it can."""
        key, title, text = self.values()
        if self.is_new and not key:
            return "Give the note a key, like about-ceop."
        if self.is_new and not KEY_RE.match(key):
            return f'The key "{key}" cannot be used. {KEY_RULE}'
        if not title.strip():
            return "Give the note a title."
        if not text.strip():
            return "Write the text of the note."
        return None

    def focus_first_field(self) -> None:
        self.title_edit.setFocus()

    # -- reactions --------------------------------------------------------------
    def refresh_preview(self) -> None:
        self._preview_timer.stop()
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        self.preview.setHtml(markdown_html(self._parser, self.text_edit.markdown()))
        bar.setValue(position)

    def _on_key_edited(self, text: str) -> None:
        cleaned = _clean_key(text)
        if cleaned != text:
            cursor = self.key_edit.cursorPosition()
            self.key_edit.setText(cleaned)
            self.key_edit.setCursorPosition(min(cursor, len(cleaned)))
        self._key_touched = bool(cleaned)
        self._changed()

    def _on_title_changed(self, title: str) -> None:
        if self._loading:
            return
        if self.is_new and not self._key_touched:
            self.key_edit.setText(slug(title))
        self._changed()

    def _on_text_changed(self) -> None:
        if self._loading:
            return
        self._preview_timer.start()
        self._changed()

    def _changed(self) -> None:
        self._update_key_hint()
        self.edited.emit()

    def _update_key_hint(self) -> None:
        key = self.key_edit.text().strip()
        if not self.is_new:
            self.key_hint.setText("Fixed once saved: releases refer to the note by its key.")
            self.key_hint.setStyleSheet(HINT_STYLE)
        elif key and not KEY_RE.match(key):
            self.key_hint.setText(f"Not a usable key. {KEY_RULE}")
            self.key_hint.setStyleSheet(PROBLEM_STYLE)
        else:
            self.key_hint.setText(KEY_RULE + " Releases refer to the note by it.")
            self.key_hint.setStyleSheet(HINT_STYLE)
