"""Date and time fields: typed dates read as typed, the wheel never changes them (it scrolls
the form), the embargo stands ready at 00:01 on the release date and is flagged beside the
field when it lifts before the release date or has already lifted."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QWidget
from ui_steps import new_release, saved

from ceopdesk.core.releases import service as releases
from ceopdesk.ui.uktime import LONDON


def type_into(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def wheel(widget: QWidget, steps: int = -3) -> None:
    """Turn the wheel over the middle of ``widget`` (negative: towards the user).

    (Qt passes only spontaneous wheel events on to the parent, so that the form scrolls
    instead is seen under a real X server, not here.)"""
    middle = QPointF(widget.rect().center())
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle.toPoint())),
        QPoint(),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("21/06/2012", date(2012, 6, 21)),
        ("21 June 2012", date(2012, 6, 21)),
        ("2012-06-21", date(2012, 6, 21)),
        ("15 Jun 2012", date(2012, 6, 15)),
    ],
)
def test_a_typed_release_date_is_saved_as_typed(window, store, qtbot, typed, expected) -> None:
    editor = new_release(window)
    type_into(qtbot, editor.form.release_date.edit, typed)
    assert editor.form.release_date.edit.text() == f"{expected:%a} {expected.day} {expected:%b %Y}"
    saved(editor)
    assert releases.get(store, editor.reference).release_date == expected


def test_typed_embargo_day_and_time(window, store, qtbot) -> None:
    editor = new_release(window)
    form = editor.form
    type_into(qtbot, form.release_date.edit, "20/06/2012")
    form.embargo.immediate.setChecked(False)
    type_into(qtbot, form.embargo.day.edit, "21 Jun 2012")
    type_into(qtbot, form.embargo.clock.edit, "9.30am")
    assert form.embargo.clock.edit.text() == "09:30"
    saved(editor)
    assert releases.get(store, editor.reference).embargo == datetime(
        2012, 6, 21, 9, 30, tzinfo=LONDON
    )


def test_an_unreadable_date_is_said_beside_the_field_and_the_old_one_kept(window, qtbot) -> None:
    editor = new_release(window)
    field = editor.form.release_date
    type_into(qtbot, field.edit, "21/06/2012")
    type_into(qtbot, field.edit, "31/02/2012")
    assert "is not a day of the calendar" in field.problem()
    assert "Kept: Thu 21 Jun 2012" in field.problem()
    assert field.value() == date(2012, 6, 21)


def test_the_embargo_stands_ready_at_one_minute_past_midnight_on_the_release_date(
    window, qtbot
) -> None:
    form = new_release(window).form
    type_into(qtbot, form.release_date.edit, "21/06/2030")
    form.embargo.immediate.setChecked(False)
    assert form.embargo.value() == datetime(2030, 6, 21, 0, 1, tzinfo=LONDON)
    assert form.embargo.clock.edit.text() == "00:01"


def test_an_embargo_before_the_release_date_or_past_is_flagged_beside_it(window, qtbot) -> None:
    form = new_release(window).form
    type_into(qtbot, form.release_date.edit, "21/06/2030")
    form.embargo.immediate.setChecked(False)
    assert form.embargo.warning.isHidden()
    type_into(qtbot, form.embargo.day.edit, "19/06/2030")
    assert "lifts before the release date (Fri 21 Jun 2030)" in form.embargo.warning.text()
    assert not form.embargo.warning.isHidden()
    type_into(qtbot, form.release_date.edit, "18/06/2012")
    type_into(qtbot, form.embargo.day.edit, "19/06/2012")
    assert "has already lifted" in form.embargo.warning.text()
    form.embargo.immediate.setChecked(True)
    assert form.embargo.warning.isHidden()


def test_the_wheel_over_every_date_and_time_field_changes_nothing(window, store, qtbot) -> None:
    window.resize(1280, 720)
    editor = new_release(window)
    form = editor.form
    type_into(qtbot, form.release_date.edit, "21/06/2030")
    form.embargo.immediate.setChecked(False)
    saved(editor)
    before = releases.get(store, editor.reference)
    fields = [form.release_date.edit, form.embargo.day.edit, form.embargo.clock.edit]
    for field in fields:
        editor.form_scroll.ensureWidgetVisible(field)
        field.setFocus()
        for steps in (-3, 3, -1):
            wheel(field, steps)
    assert [f.text() for f in fields] == ["Fri 21 Jun 2030", "Fri 21 Jun 2030", "00:01"]
    saved(editor)
    after = releases.get(store, editor.reference)
    assert (after.release_date, after.embargo) == (before.release_date, before.embargo)


def test_the_wheel_never_changes_a_spin_box_or_a_choice_in_any_dialog(window, qtbot) -> None:
    date_edit, combo = QDateEdit(), QComboBox()
    combo.addItems(["journalist", "stakeholder", "spokesperson"])
    for widget in (date_edit, combo):
        qtbot.addWidget(widget)
        widget.show()
    start = date_edit.date()
    wheel(date_edit)
    wheel(combo)
    assert date_edit.date() == start and combo.currentIndex() == 0
