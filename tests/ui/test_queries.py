"""Reads for painting (StoreOps.query): off the UI thread, the newest read a view asked for
wins, and a read asked for a view that has moved on is dropped."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QWidget

from ceopdesk.core.errors import UserError
from ceopdesk.ui.operations import StoreOps


def _held(gate: threading.Event, value: str) -> object:
    """A read that answers ``value`` once ``gate`` is opened."""

    def read(_store: object) -> str:
        assert gate.wait(10)
        return value

    return read


def test_reads_run_off_the_ui_thread(ops: StoreOps, qtbot) -> None:
    view = QWidget()
    qtbot.addWidget(view)
    ui_thread = threading.get_ident()
    got: list[bool] = []
    ops.query(view, lambda _s: threading.get_ident() != ui_thread, got.append)
    qtbot.waitUntil(lambda: got == [True])


def test_the_newest_read_wins_and_an_older_one_answering_late_is_dropped(
    ops: StoreOps, qtbot
) -> None:
    view = QWidget()
    qtbot.addWidget(view)
    got: list[str] = []
    gate = threading.Event()
    ops.query(view, _held(gate, "older"), got.append, key="list")
    ops.query(view, lambda _s: "newer", got.append, key="list")
    qtbot.waitUntil(lambda: got == ["newer"])
    gate.set()
    qtbot.waitUntil(lambda: ops.reads_running() == 0)
    assert got == ["newer"]


def test_reads_under_other_keys_or_for_other_views_all_answer(ops: StoreOps, qtbot) -> None:
    one, two = QWidget(), QWidget()
    qtbot.addWidget(one)
    qtbot.addWidget(two)
    got: list[str] = []
    ops.query(one, lambda _s: "one-list", got.append, key="list")
    ops.query(one, lambda _s: "one-count", got.append, key="count")
    ops.query(two, lambda _s: "two-list", got.append, key="list")
    qtbot.waitUntil(lambda: ops.reads_running() == 0)
    assert sorted(got) == ["one-count", "one-list", "two-list"]


def test_a_read_for_a_view_that_has_moved_on_is_dropped(ops: StoreOps, qtbot) -> None:
    view = QWidget()
    qtbot.addWidget(view)
    showing = ["CEOP-2026-001"]
    got: list[str] = []
    gate = threading.Event()
    ops.query(view, _held(gate, "001's text"), got.append, shows=lambda: showing[0])
    showing[0] = "CEOP-2026-002"  # another release opened while the read ran
    gate.set()
    qtbot.waitUntil(lambda: ops.reads_running() == 0)
    assert got == []


def test_a_closed_view_gets_nothing(ops: StoreOps, qtbot) -> None:
    view = QWidget()
    got: list[str] = []
    gate = threading.Event()
    ops.query(view, _held(gate, "late"), got.append)
    shiboken6.delete(view)  # the dialog or page closed while its read ran
    gate.set()
    qtbot.waitUntil(lambda: ops.reads_running() == 0)
    assert got == []


def test_a_failed_read_says_one_sentence(ops: StoreOps, qtbot, shown) -> None:
    view = QWidget()
    qtbot.addWidget(view)
    failed: list[BaseException] = []

    def read(_store: object) -> str:
        raise UserError("No release CEOP-2026-999.")

    ops.query(view, read, lambda _r: None, on_failure=failed.append)
    qtbot.waitUntil(lambda: bool(failed))
    assert shown.errors == ["No release CEOP-2026-999."]
