"""The release form: every field a press officer fills in, and nothing about saving."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.domain import Release
from ...core.store import Store
from ..richtext import RichTextEdit
from .contact import ContactEditor
from .dates import DateField, EmbargoEdit
from .fields import UndoKeysToForm, headline_hint
from .notes import NotesEditor
from .sections import SectionsEditor, rich_text_box


class ReleaseForm(QWidget):
    edited = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False

        self.headline = QLineEdit()
        self.headline.setPlaceholderText("Six to eight words that tell the story")
        self.headline.setStyleSheet("QLineEdit { font-size: 12pt; font-weight: bold; }")
        self.headline_hint = QLabel()
        self.subheadline = QLineEdit()
        self.subheadline.setPlaceholderText("Optional: one line that adds to the headline")
        self.standfirst = rich_text_box(
            "One paragraph that tells the whole story.", 90, inline=True
        )
        self.standfirst.setMaximumHeight(120)
        self.place = QLineEdit()
        self.place.setPlaceholderText("e.g. London")
        self.release_date = DateField()
        self.embargo = EmbargoEdit()
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("Comma-separated, e.g. annual review, sextortion")

        story = QGroupBox("Headline and standfirst")
        sf = QFormLayout(story)
        sf.addRow("Headline:", self.headline)
        sf.addRow("", self.headline_hint)
        sf.addRow("Sub-headline:", self.subheadline)
        sf.addRow("Standfirst:", self.standfirst)
        details = QGroupBox("Date, embargo and tags")
        df = QFormLayout(details)
        df.addRow("Place:", self.place)
        df.addRow("Release date:", self.release_date)
        df.addRow("Embargo:", self.embargo)
        df.addRow("Tags:", self.tags)

        self.sections = SectionsEditor()
        self.notes = NotesEditor(store)
        self.contact = ContactEditor()

        layout = QVBoxLayout(self)
        for part in (story, details, self.sections, self.notes, self.contact):
            layout.addWidget(part)
        layout.addStretch(1)

        for line in (self.headline, self.subheadline, self.place, self.tags):
            line.textChanged.connect(self._edited)
        self.headline.textChanged.connect(self._show_headline_hint)
        self.standfirst.textChanged.connect(self._edited)
        self.release_date.changed.connect(self._release_date_changed)
        for signal in (
            self.embargo.changed,
            self.sections.edited,
            self.notes.edited,
            self.contact.edited,
        ):
            signal.connect(self._edited)

        self._undo_keys = UndoKeysToForm(self)
        self.watch_undo_keys(self)

    def watch_undo_keys(self, root: QWidget) -> None:
        """Route Ctrl+Z in every text field under ``root`` to the form-wide undo."""
        for field in (
            root.findChildren(QLineEdit)
            + root.findChildren(QPlainTextEdit)
            + root.findChildren(QTextEdit)
        ):
            field.installEventFilter(self._undo_keys)

    def set_smart_quotes(self, on: bool) -> None:
        """Typed straight quotes become typographic in the formatted fields (a setting)."""
        for field in self.findChildren(RichTextEdit):
            field.smart_quotes = on

    def _release_date_changed(self) -> None:
        self.embargo.set_release_date(self.release_date.value())
        self._edited()

    def _edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _show_headline_hint(self) -> None:
        text, good = headline_hint(self.headline.text())
        self.headline_hint.setText(text)
        self.headline_hint.setStyleSheet(f"color: {'#1d6b2a' if good else '#9a5b00'};")

    # -- in and out ---------------------------------------------------------
    def set_release(self, release: Release) -> None:
        """Show ``release`` without counting it as an edit."""
        self._loading = True
        try:
            self.headline.setText(release.headline)
            self.subheadline.setText(release.subheadline or "")
            self.standfirst.set_markdown(release.standfirst)  # keeps the cursor if unchanged
            self.place.setText(release.place or "")
            self.release_date.set_value(release.release_date)
            self.embargo.set_release_date(release.release_date)
            self.embargo.set_value(release.embargo)
            self.tags.setText(", ".join(release.tags))
            self.sections.set_sections(release.sections)
            self.notes.set_notes(release.notes)
            self.contact.set_contact(release.contact)
            for line in self.findChildren(QLineEdit):
                line.setCursorPosition(0)  # show the start of each field, not its end
        finally:
            self._loading = False

    def read(self, base: Release) -> Release:
        """``base`` with the form's fields: what would be saved now."""
        tags = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        return replace(
            base,
            headline=self.headline.text(),
            subheadline=self.subheadline.text() or None,
            standfirst=self.standfirst.markdown(),
            place=self.place.text() or None,
            release_date=self.release_date.value(),
            embargo=self.embargo.value(),
            tags=tags,
            sections=self.sections.sections(),
            notes=self.notes.notes(),
            contact=self.contact.contact(),
        )
