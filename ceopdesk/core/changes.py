"""What a write changed, as the core reports it (docs/architecture.md, "The write path").

The UI refreshes its views from one signal, ``store_changed(kinds)``. The kinds come from
here, not from each call site declaring them (Anki's backend returns ``OpChanges`` the
same way):

- every model class names the kind of data it holds (``__changes__ = RELEASES``); a
  session collects the kinds of the rows it writes, and of bulk statements on mapped
  tables; code that writes with plain SQL says so with ``note(session, KIND)``;
- before a session commits, the store's **change marks** (one small table,
  ``store_change``: a counter per kind) go up for those kinds, in the same transaction, so
  another process that watches the marks (the app, while the command line or a colleague
  writes) learns what changed without being told;
- after it commits, the kinds are handed to every ``tracking(store)`` block open on the
  committing thread: the UI's write helper wraps each write in one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, text
from sqlalchemy.orm import ORMExecuteState, Session

if TYPE_CHECKING:
    from .store import Store

RELEASES = "releases"
BOILERPLATE = "boilerplate"
CONTACTS = "contacts"
LISTS = "lists"
SETTINGS = "settings"
# Kinds are open-ended: a new kind of data adds its name here and a row to store_change.
KINDS: frozenset[str] = frozenset({RELEASES, BOILERPLATE, CONTACTS, LISTS, SETTINGS})

_SEEN = "ceopdesk_changes"


@dataclass
class Changes:
    """The kinds of data committed inside one ``tracking`` block."""

    kinds: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.kinds)


def note(session: Session, *kinds: str) -> None:
    """Say that this session changed ``kinds`` by a way the ORM cannot see (plain SQL)."""
    session.info.setdefault(_SEEN, set()).update(kinds)


@contextmanager
def tracking(store: Store) -> Iterator[Changes]:
    """Collect the kinds of every session committed on this thread inside the block."""
    seen = Changes()
    stack: list[Changes] = store.change_trackers.__dict__.setdefault("stack", [])
    stack.append(seen)
    try:
        yield seen
    finally:
        stack.remove(seen)


def kind_of(cls: type) -> str:
    return str(getattr(cls, "__changes__", "") or "")


def _kind_of_table(table: str) -> str:
    from .models import Base

    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return kind_of(mapper.class_)
    return ""


def _after_flush(session: Session, _context: object) -> None:
    from .models import Tombstone

    seen: set[str] = session.info.setdefault(_SEEN, set())
    dirty = [obj for obj in session.dirty if session.is_modified(obj)]
    for obj in list(session.new) + dirty + list(session.deleted):
        if isinstance(obj, Tombstone):
            seen.add(_kind_of_table(obj.kind))
        else:
            seen.add(kind_of(type(obj)))
    seen.discard("")


def _on_execute(state: ORMExecuteState) -> None:
    if (state.is_update or state.is_delete or state.is_insert) and state.bind_mapper is not None:
        kind = kind_of(state.bind_mapper.class_)
        if kind:
            note(state.session, kind)


def _before_commit(session: Session) -> None:
    session.flush()  # so the last flush's kinds are known before the marks go up
    kinds = sorted(session.info.get(_SEEN, ()))
    if kinds:
        bump(session, kinds)


def bump(session: Session, kinds: Iterable[str]) -> None:
    """Raise the change marks of ``kinds`` inside the session's transaction."""
    for kind in kinds:
        done = session.execute(
            text("UPDATE store_change SET mark = mark + 1 WHERE kind = :k"), {"k": kind}
        )
        if not done.rowcount:  # type: ignore[attr-defined]
            session.execute(
                text("INSERT INTO store_change (kind, mark) VALUES (:k, 1)"), {"k": kind}
            )


def _after_commit(session: Session) -> None:
    kinds = session.info.pop(_SEEN, set())
    trackers: threading.local | None = session.info.get("change_trackers")
    if kinds and trackers is not None:
        for seen in getattr(trackers, "stack", ()):
            seen.kinds.update(kinds)


def _after_rollback(session: Session) -> None:
    session.info.pop(_SEEN, None)


def install(session_class: Any, trackers: threading.local) -> None:
    """Report the changes of every session ``session_class`` makes (the Store does this)."""
    session_class.kw.setdefault("info", {})["change_trackers"] = trackers
    event.listen(session_class, "after_flush", _after_flush)
    event.listen(session_class, "do_orm_execute", _on_execute)
    event.listen(session_class, "before_commit", _before_commit)
    event.listen(session_class, "after_commit", _after_commit)
    event.listen(session_class, "after_soft_rollback", lambda s, _t: _after_rollback(s))
