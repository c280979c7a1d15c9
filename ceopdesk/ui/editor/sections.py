"""The body of a release: an ordered list of text sections and quotes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.domain import QuoteSection, Section, TextSection
from ...core.richtext import plain_text
from ..richtext import RichTextEdit
from .ordered import OrderedEditor

FORMAT_HINT = (
    "Format with the bar above the text or the usual keys: Ctrl+B bold, Ctrl+I italic, "
    "Ctrl+K link, Ctrl+Shift+8 bullets, Ctrl+Shift+7 numbers, Tab to nest a list item."
)


def _first_line(text: str, limit: int = 80) -> str:
    line = text.lstrip().split("\n", 1)[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"


def text_box(placeholder: str, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(height)
    box.setTabChangesFocus(True)
    box.setUndoRedoEnabled(False)  # the form keeps one undo history for everything
    return box


def rich_text_box(
    placeholder: str, height: int, *, headings: bool = False, inline: bool = False
) -> RichTextEdit:
    """A formatted-text field for Markdown parts (body text, quotes, notes; ``inline``: the
    one-paragraph standfirst)."""
    box = RichTextEdit(placeholder, headings=headings, inline=inline)
    box.setMinimumHeight(height)
    return box


class SectionsEditor(OrderedEditor[Section]):
    empty_text = (
        "The body of the release: add paragraphs of text and quotes, "
        "in the order they should appear."
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Body — paragraphs and quotes", parent)
        self.add_text_button = QPushButton("Add text")
        self.add_text_button.setToolTip(
            "Add paragraphs (bullets and bold allowed) after the selected part"
        )
        self.add_quote_button = QPushButton("Add quote")
        self.add_quote_button.setToolTip("Add a quote with the speaker's name and role")
        self.add_bar.addWidget(self.add_text_button)
        self.add_bar.addWidget(self.add_quote_button)
        self.add_bar.addStretch(1)
        self.add_text_button.clicked.connect(lambda: self._add(TextSection(text="")))
        self.add_quote_button.clicked.connect(
            lambda: self._add(QuoteSection(speaker="", role=None, text=""))
        )

        # Page 1: text.
        text_page = QWidget()
        self.text = rich_text_box("Write the paragraphs here.", 220)
        hint = QLabel(FORMAT_HINT)
        hint.setStyleSheet("color: #666; font-size: 9pt;")
        hint.setWordWrap(True)
        tl = QVBoxLayout(text_page)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.text)
        tl.addWidget(hint)
        self.detail.addWidget(text_page)

        # Page 2: quote.
        quote_page = QWidget()
        self.speaker = QLineEdit()
        self.speaker.setPlaceholderText("Name of the person quoted, e.g. Helen Marsh")
        self.role = QLineEdit()
        self.role.setPlaceholderText("Their role, e.g. Director of CEOP")
        self.quote_text = rich_text_box("What they said (without quotation marks).", 160)
        self._speakers: dict[str, str | None] = {}
        self._completer_model = QStringListModel(self)
        completer = QCompleter(self._completer_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._speaker_chosen)
        self.speaker.setCompleter(completer)
        form = QFormLayout(quote_page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Speaker:", self.speaker)
        form.addRow("Role:", self.role)
        form.addRow("Quote:", self.quote_text)
        self.detail.addWidget(quote_page)

        for field in (self.text, self.quote_text):
            field.textChanged.connect(self.detail_edited)
        for line in (self.speaker, self.role):
            line.textChanged.connect(self.detail_edited)

    # -- OrderedEditor ------------------------------------------------------
    def label(self, item: Section) -> str:
        if isinstance(item, QuoteSection):
            who = ", ".join(p for p in (item.speaker, item.role or "") if p.strip())
            return f"Quote — {who or '(who is speaking?)'}"
        return f"Text — {_first_line(plain_text(item.text)) or '(empty)'}"

    def show_detail(self, item: Section) -> None:
        if isinstance(item, QuoteSection):
            self.speaker.setText(item.speaker)
            self.role.setText(item.role or "")
            self.quote_text.set_markdown(item.text)
            self.detail.setCurrentIndex(2)
        else:
            self.text.set_markdown(item.text)
            self.detail.setCurrentIndex(1)

    def read_detail(self, item: Section) -> None:
        if isinstance(item, QuoteSection):
            item.speaker = self.speaker.text()
            item.role = self.role.text().strip() or None
            item.text = self.quote_text.markdown()
        else:
            item.text = self.text.markdown()

    # -- public -------------------------------------------------------------
    def set_sections(self, sections: list[Section]) -> None:
        self.set_items([replace(s) for s in sections])

    def sections(self) -> list[Section]:
        return [replace(s) for s in self.items()]

    def set_speakers(self, speakers: list[tuple[str, str | None]]) -> None:
        self._speakers = {}
        for name, role in speakers:  # most used first: keep the first role seen
            self._speakers.setdefault(name, role)
        self._completer_model.setStringList(list(self._speakers))

    def _speaker_chosen(self, name: str) -> None:
        role = self._speakers.get(name)
        if role:
            self.role.setText(role)
        self.detail_edited()

    def _add(self, section: Section) -> None:
        self.add(section)
        (self.speaker if isinstance(section, QuoteSection) else self.text).setFocus()
