"""The mouse wheel scrolls the form; it never changes a date, time, number or choice.

Scrolling a long form with the wheel used to move the embargo two days whenever the
pointer passed over it.  Installed on the application by the main window, this filter
takes wheel events away from spin boxes (dates, times, numbers) and combo boxes in
every window and dialog, and leaves them unaccepted, so Qt hands them on to the parent:
the scroll area around the form scrolls as if the field were not there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox


class WheelScrollsTheForm(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QAbstractSpinBox | QComboBox):
            event.ignore()  # unaccepted and filtered: Qt passes it on to the parent widget
            return True
        return False
