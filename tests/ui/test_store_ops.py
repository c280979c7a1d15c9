"""The one way the UI changes the store: in order, off the UI thread, patient with a busy
store, honest about failures, and one store_changed(kinds) for every view."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import text
from ui_steps import new_release, saved

from ceopdesk.core.errors import UserError
from ceopdesk.core.releases import service as releases
from ceopdesk.core.store import Store
from ceopdesk.ui.operations import CONTACTS, LISTS, RELEASES, WAITING_TEXT, StoreOps


@pytest.fixture
def ops(qtbot, store):  # type: ignore[no-untyped-def]
    ops = StoreOps(store)
    yield ops
    ops.shutdown()


def test_writes_run_off_the_ui_thread_in_the_order_asked(ops, qtbot) -> None:
    ran: list[tuple[int, bool]] = []
    answered: list[int] = []
    changed: list[frozenset[str]] = []
    ops.store_changed.connect(changed.append)
    ui_thread = threading.get_ident()
    for i in range(20):
        ops.mutate(
            None,
            lambda _s, i=i: ran.append((i, threading.get_ident() == ui_thread)) or i,
            {CONTACTS} if i % 2 else {LISTS},
            answered.append,
        )
    assert ops.wait_idle()
    assert [i for i, _ in ran] == list(range(20)) == answered
    assert not any(on_ui for _, on_ui in ran)
    assert changed == [frozenset({LISTS}), frozenset({CONTACTS})] * 10


def test_a_queued_write_is_replaced_by_a_newer_one_with_the_same_key(ops) -> None:
    gate = threading.Event()
    ran: list[str] = []
    ops.mutate(None, lambda _s: gate.wait(5), set())
    for word in ("a", "ab", "abc"):
        ops.mutate(None, lambda _s, w=word: ran.append(w), {RELEASES}, coalesce="headline")
    gate.set()
    assert ops.wait_idle()
    assert ran == ["abc"]


def test_a_refused_write_reports_once_and_changes_nothing(ops, shown) -> None:
    failures: list[BaseException] = []
    changed: list[object] = []
    ops.store_changed.connect(changed.append)

    def refuse(_store: Store) -> None:
        raise UserError("The list “Welsh media” already exists.")

    ops.mutate(None, refuse, {LISTS}, on_failure=failures.append)
    assert ops.wait_idle()
    assert shown.errors == ["The list “Welsh media” already exists."]
    assert len(failures) == 1 and changed == []


def test_a_busy_store_is_tried_again_until_it_is_free(qtbot, tmp_path) -> None:
    path = tmp_path / "busy.db"
    mine = Store(path, busy_timeout_ms=50)  # gives up quickly, so the queue's own retry runs
    other = Store(path)
    ops = StoreOps(mine)
    waiting: list[str] = []
    ops.waiting.connect(waiting.append)
    try:
        with other.session() as writer:
            writer.execute(text("CREATE TABLE IF NOT EXISTS scratch (x)"))
            ops.mutate(None, lambda s: releases.new_draft(s, "Written once free"), {RELEASES})
            qtbot.waitUntil(lambda: waiting == [WAITING_TEXT], timeout=5000)
            assert ops.pending() == 1 and ops.is_waiting()
        assert ops.wait_idle()
        assert waiting == [WAITING_TEXT, ""]
        assert [r.headline for r in releases.list_releases(mine)] == ["Written once free"]
    finally:
        ops.shutdown()
        other.close()
        mine.close()


def test_a_second_store_writing_leaves_the_form_responsive_and_the_edit_lands_after(
    window, store, qtbot
) -> None:
    editor = new_release(window)
    other = Store(store.path)
    try:
        with other.session() as writer:  # another program holds the write lock
            writer.execute(text("CREATE TABLE IF NOT EXISTS scratch (x)"))
            editor.form.headline.setText("Typed while another program writes")
            editor.flush()
            qtbot.waitUntil(
                lambda: window.statusBar().currentMessage() == WAITING_TEXT, timeout=5000
            )
            # The window keeps working: more typing goes into the form and waits in line.
            editor.form.place.end(False)
            qtbot.keyClicks(editor.form.place, " and more")
            assert editor.form.place.text().endswith(" and more")
            assert window.save_line.text() == "Saving…"
        saved(editor)
        stored = releases.get(store, editor.reference)
        assert stored.headline == "Typed while another program writes"
        assert stored.place is not None and stored.place.endswith(" and more")
        assert window.save_line.text() == "Saved"
    finally:
        other.close()


def test_a_failed_autosave_keeps_the_words_says_not_saved_and_closing_asks(
    window, store, qtbot, shown, monkeypatch
) -> None:
    editor = new_release(window)
    real_update = releases.update

    def disk_full(_store, _release):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(releases, "update", disk_full)
    editor.form.standfirst.setPlainText("Words the disk has no room for.")
    editor.flush()
    assert window.ops.wait_idle()
    assert window.save_line.text() == "NOT saved: the disk is full"
    assert "NOT saved: the disk is full" in editor.unsaved.text() and editor.unsaved.isVisible()
    assert editor.form.standfirst.toPlainText() == "Words the disk has no room for."
    messages = [window.statusBar().currentMessage(), window.save_line.text()]
    assert not any(m == "Saved" for m in messages)

    shown.answer = False  # "Close and lose it?" No.
    assert not window.close()
    assert window.isVisible()
    assert len(shown.questions) == 1
    assert "(CEOP-2026-001) is NOT saved: the disk is full." in shown.questions[0]

    monkeypatch.setattr(releases, "update", real_update)  # room again: the retry saves it
    saved(editor)
    assert releases.get(store, editor.reference).standfirst == "Words the disk has no room for."
    assert window.save_line.text() == "Saved"
