"""Wavy underlines under stretches of a text field, without touching its text: extra
selections on a QTextEdit or QPlainTextEdit (whatever its document holds, so the
formatted-text widgets get them too), and input-method formats on a QLineEdit, the
one way it takes character formats. Neither counts as an edit."""

from __future__ import annotations

from PySide6.QtGui import QColor, QInputMethodEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

Span = tuple[int, int, str]  # start, end, colour (#rrggbb)
_SPANS = "ceopdesk_underlines"


def _format(colour: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor(colour))
    return fmt


def underline(field: QWidget, spans: list[Span]) -> None:
    if spans == spans_of(field):
        return
    field.setProperty(_SPANS, [list(s) for s in spans])
    if isinstance(field, QLineEdit):
        attributes = [
            QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat,
                start - field.cursorPosition(),
                end - start,
                _format(colour),
            )
            for start, end, colour in spans
        ]
        QApplication.sendEvent(field, QInputMethodEvent("", attributes))
        return
    assert isinstance(field, QTextEdit | QPlainTextEdit)
    selections = []
    last = max(field.document().characterCount() - 1, 0)
    for start, end, colour in spans:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(field.document())
        cursor.setPosition(min(start, last))
        cursor.setPosition(min(end, last), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = _format(colour)
        selections.append(selection)
    field.setExtraSelections(selections)


def spans_of(field: QWidget) -> list[Span]:
    """What the field has underlined now."""
    return [(int(s), int(e), str(c)) for s, e, c in (field.property(_SPANS) or [])]
