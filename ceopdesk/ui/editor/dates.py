"""Date and time fields that read what is typed (``core/dates``), never change under the
mouse wheel (they are line edits), and say beside the field what they could not read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...core.dates import format_date, format_time, parse_date, parse_time
from ..uktime import LONDON, london, zone_abbreviation

WARNING_STYLE = "color: #9a5b00;"
EMBARGO_TIME = time(0, 1)  # the house default: one minute past midnight on the release date


T = TypeVar("T", date, time)


class _TypedField(QWidget, Generic[T]):
    """A line edit read by ``parse`` as typed, with the reason shown under it when it cannot."""

    changed = Signal()

    def __init__(
        self,
        parse: Callable[[str], T | None],
        show: Callable[[T], str],
        placeholder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._parse: Callable[[str], T | None] = parse
        self._show: Callable[[T], str] = show
        self._value: T | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(WARNING_STYLE)
        self.hint.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._finished)

    def _read(self) -> tuple[T | None, str]:
        """The value typed (None: not set) and, when it cannot be read, why not."""
        try:
            return self._parse(self.edit.text()), ""
        except ValueError as exc:
            return None, str(exc) or "This cannot be read."

    def _typed(self) -> None:
        value, problem = self._read()
        if not problem:
            self.hint.hide()
            if value != self._value:
                self._value = value
                self.changed.emit()

    def _finished(self) -> None:
        value, problem = self._read()
        if problem:
            self.hint.setText(f"{problem} Kept: {self._shown(self._value) or 'not set'}.")
            self.hint.show()
            return
        self.hint.hide()
        if self.edit.text() != self._shown(value):
            self.edit.setText(self._shown(value))  # as the field writes it, so it reads back
        if value != self._value:
            self._value = value
            self.changed.emit()

    def _shown(self, value: T | None) -> str:
        return "" if value is None else self._show(value)

    def problem(self) -> str:
        return self.hint.text() if self.hint.isVisibleTo(self) else ""

    def value(self) -> T | None:
        return self._value

    def set_value(self, value: T | None) -> None:
        self._value = value
        self.edit.setText(self._shown(value))
        self.hint.hide()


class DateField(_TypedField[date]):
    """A date typed as press officers write it; empty is "not set"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parse_date, format_date, "e.g. 21/06/2012, 21 June 2012 or 21 Jun", parent)


class TimeField(_TypedField[time]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parse_time, format_time, "e.g. 00:01 or 9.30am", parent)
        self.edit.setMaximumWidth(110)


def embargo_warning(
    lifts: datetime | None, release_date: date | None, now: datetime | None = None
) -> str:
    """What is wrong with an embargo, as a sentence beside the field; "" when nothing is."""
    if lifts is None:
        return ""
    local = lifts.astimezone(LONDON)
    if release_date is not None and local.date() < release_date:
        return (
            f"This embargo lifts before the release date ({format_date(release_date)}): "
            "check both dates."
        )
    if lifts < (now or datetime.now(UTC)):
        return f"This embargo has already lifted ({format_date(local.date())}, {local:%H:%M})."
    return ""


class EmbargoEdit(QWidget):
    """An embargo as a wall-clock day and time in London, or "For immediate release".

    Unset, it stands ready at 00:01 on the release date; beside it, a warning when it lifts
    before the release date or has already lifted."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._release_date: date | None = None
        self.immediate = QCheckBox("For immediate release")
        self.day = DateField()
        self.clock = TimeField()
        self.zone = QLabel()
        self.zone.setMinimumWidth(90)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        row = QHBoxLayout()
        row.addWidget(self.day, 1)
        row.addWidget(self.clock)
        row.addWidget(self.zone)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.immediate)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        self.immediate.toggled.connect(self._toggled)
        self.day.changed.connect(self._time_changed)
        self.clock.changed.connect(self._time_changed)
        self.set_value(None)

    def _toggled(self) -> None:
        self._enable()
        self._show_state()
        self.changed.emit()

    def _time_changed(self) -> None:
        self._show_state()
        self.changed.emit()

    def _enable(self) -> None:
        on = not self.immediate.isChecked()
        self.day.setEnabled(on)
        self.clock.setEnabled(on)

    def _wall(self) -> tuple[date, time]:
        day = self.day.value() or self._release_date or _tomorrow()
        return day, self.clock.value() or EMBARGO_TIME

    def _show_state(self) -> None:
        if self.immediate.isChecked():
            self.zone.setText("")
            self.warning.hide()
            return
        self.zone.setText(f"UK time ({zone_abbreviation(*self._wall())})")
        text = embargo_warning(self.value(), self._release_date)
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def value(self) -> datetime | None:
        return None if self.immediate.isChecked() else london(*self._wall())

    def set_value(self, value: datetime | None) -> None:
        blocked = self.blockSignals(True)
        try:
            self.immediate.setChecked(value is None)
            if value is None:
                self._set_wall(self._release_date or _tomorrow(), EMBARGO_TIME)
            else:
                local = value.astimezone(LONDON)
                self._set_wall(local.date(), local.time().replace(second=0, microsecond=0))
            self._enable()
            self._show_state()
        finally:
            self.blockSignals(blocked)

    def set_release_date(self, day: date | None) -> None:
        """The release date moved: an unset embargo stands ready at 00:01 on it."""
        self._release_date = day
        if self.immediate.isChecked() and day is not None:
            self._set_wall(day, EMBARGO_TIME)
        self._show_state()

    def _set_wall(self, day: date, clock: time) -> None:
        self.day.set_value(day)
        self.clock.set_value(clock)


def _tomorrow() -> date:
    return date.fromordinal(datetime.now(LONDON).date().toordinal() + 1)
