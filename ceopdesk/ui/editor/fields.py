"""Small field widgets of the release form: the headline hint, dates in UK time, undo keys."""

from __future__ import annotations

import math
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QTime, QTimeZone, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..uktime import LONDON, london, zone_abbreviation

IDEAL_HEADLINE = (6, 8)
WORDS_PER_PAGE = 450


def word_count(text: str) -> int:
    return len(text.split())


def headline_hint(headline: str) -> tuple[str, bool]:
    """The hint under the headline, and whether it is within the house style."""
    n = word_count(headline)
    low, high = IDEAL_HEADLINE
    if n == 0:
        return "A release needs a headline.", False
    words = f"{n} word{'s' if n != 1 else ''}"
    if low <= n <= high:
        return f"{words} — good", True
    return f"{words} — the house style is {low}–{high}", False


def pages_estimate(words: int) -> int:
    return max(1, math.ceil(words / WORDS_PER_PAGE))


class UndoKeysToForm(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z reach the window's form-wide Undo/Redo
    instead of a text field's own little undo."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Returning True leaves the event unaccepted: the key goes to the window's action.
        return (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (event.matches(QKeySequence.StandardKey.Undo)
                 or event.matches(QKeySequence.StandardKey.Redo))
        )  # fmt: skip


class ReleaseDateEdit(QDateEdit):
    """A date that may be left unset ("Not set" is the lowest value)."""

    FLOOR = QDate(2000, 1, 1)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("ddd d MMM yyyy")
        self.setMinimumDate(self.FLOOR)
        self.setSpecialValueText("Not set")

    def value(self) -> date | None:
        d = self.date()
        return None if d == self.FLOOR else date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(self.FLOOR if value is None else QDate(value.year, value.month, value.day))


class EmbargoEdit(QWidget):
    """An embargo as a wall-clock time in London, or "For immediate release"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.immediate = QCheckBox("For immediate release")
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        # UTC here is only a container for London wall-clock values: it has no
        # daylight-saving gaps, and the machine's own zone never shifts them.
        self.when.setTimeZone(QTimeZone.utc())
        self.zone = QLabel()
        self.zone.setMinimumWidth(90)
        row = QHBoxLayout()
        row.addWidget(self.when, 1)
        row.addWidget(self.zone)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.immediate)
        layout.addLayout(row)
        self.immediate.toggled.connect(self._toggled)
        self.when.dateTimeChanged.connect(self._time_changed)
        self.set_value(None)

    def _toggled(self) -> None:
        self.when.setEnabled(not self.immediate.isChecked())
        self._show_zone()
        self.changed.emit()

    def _time_changed(self) -> None:
        self._show_zone()
        self.changed.emit()

    def _wall(self) -> tuple[date, time]:
        d, t = self.when.date(), self.when.time()
        return date(d.year(), d.month(), d.day()), time(t.hour(), t.minute())

    def _show_zone(self) -> None:
        if self.immediate.isChecked():
            self.zone.setText("")
        else:
            self.zone.setText(f"UK time ({zone_abbreviation(*self._wall())})")

    def value(self) -> datetime | None:
        return None if self.immediate.isChecked() else london(*self._wall())

    def set_value(self, value: datetime | None) -> None:
        blocked = self.blockSignals(True)
        try:
            if value is None:
                self.immediate.setChecked(True)
                tomorrow = datetime.now(LONDON).date().toordinal() + 1
                self._set_wall(date.fromordinal(tomorrow), time(0, 1))
            else:
                local = value.astimezone(LONDON)
                self.immediate.setChecked(False)
                self._set_wall(local.date(), local.time())
            self.when.setEnabled(not self.immediate.isChecked())
            self._show_zone()
        finally:
            self.blockSignals(blocked)

    def _set_wall(self, day: date, clock: time) -> None:
        qdt = QDateTime(QDate(day.year, day.month, day.day), QTime(clock.hour, clock.minute),
                        QTimeZone.utc())  # fmt: skip
        self.when.setDateTime(qdt)
