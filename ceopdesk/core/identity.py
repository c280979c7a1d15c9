"""Identity and versions: what lets many writers share one store (docs/architecture.md, "Identity").

Every record a team shares has, beside its local integer key (which differs from one copy
of the store to another), a **global id** (``uid``, a UUID: 16 bytes on SQLite, native
``uuid`` on PostgreSQL) that is the same in every copy, and — when it can change — a
**row version** that goes up by one with every write to it or to any of its parts.

- ``SharedRecord``: a mutable record (a release with its sections and notes, a contact
  with its e-mails, phones and tags, a boilerplate item's head, a list, a setting). The
  version is SQLAlchemy's ``version_id_col``: every UPDATE says ``WHERE version = <read>``,
  so two writers racing on a server that does not serialise them cannot both win; the
  services compare the version the writer *read* (carried by the domain object) with the
  stored one first, and refuse with ``StaleWrite``. A change to a part (a section, an
  e-mail) bumps its whole record (``AGGREGATE_PARENTS``), done here in the session, not by
  each service remembering to.
- ``ImmutableRecord``: append-only rows (release and boilerplate versions, the audit trail,
  approvals, erasure records). Updating or deleting one is refused by the store, except
  under ``purging(session)``: erasure on request (which drops and scrubs lines that name
  the person) and a draft deleted before anything was exported are the only ways a row
  of history may change.
- Deleting a shared record leaves a ``Tombstone`` (its uid, what it was, when): another copy
  of the store learns from it what was removed (Anki's graves, morango's deleted models).
  Made here for every ORM delete; a bulk ``DELETE`` of a shared table is refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import Integer, LargeBinary, event, inspect
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import (
    Mapped,
    ORMExecuteState,
    Session,
    declared_attr,
    mapped_column,
)
from sqlalchemy.types import TypeDecorator, TypeEngine

# uuid5 names for records whose natural key is already global (a setting's key).
NAMESPACE = uuid.UUID("6f0c1d2e-5b7a-4e0f-9a51-3c2d0e6b8f41")


def new_uid() -> uuid.UUID:
    return uuid.uuid4()


def named_uid(kind: str, key: str) -> uuid.UUID:
    """The same id in every copy of the store for a record named by a global key."""
    return uuid.uuid5(NAMESPACE, f"{kind}:{key}")


class GlobalId(TypeDecorator[uuid.UUID]):
    """A UUID: 16 bytes on SQLite (half the size of its text), native on PostgreSQL."""

    impl = LargeBinary(16)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import UUID

            return dialect.type_descriptor(UUID(as_uuid=True))
        return dialect.type_descriptor(LargeBinary(16))

    def process_bind_param(self, value: uuid.UUID | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, uuid.UUID):
            value = uuid.UUID(str(value))
        return value if dialect.name == "postgresql" else value.bytes

    def process_result_value(self, value: Any, dialect: Dialect) -> uuid.UUID | None:
        if value is None or isinstance(value, uuid.UUID):
            return value
        return uuid.UUID(bytes=bytes(value))


class SharedRecord:
    """Mixin: a mutable shared record with a global id and a row version (see module doc)."""

    uid: Mapped[uuid.UUID] = mapped_column(GlobalId, unique=True, default=new_uid)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy's declared_attr
        # The version goes up once per transaction, set by ``_bump`` (not once per flush,
        # as SQLAlchemy's own counter would); SQLAlchemy still writes "WHERE version = read".
        return {
            "version_id_col": cls.__table__.c.version,  # type: ignore[attr-defined]
            "version_id_generator": False,
        }


class ImmutableRecord:
    """Mixin: an append-only row with a global id; never updated, deleted only when purging."""

    uid: Mapped[uuid.UUID] = mapped_column(GlobalId, unique=True, default=new_uid)


class ImmutableRowError(RuntimeError):
    """A bug, not a user error: code tried to change a row of history."""


# A part of a record -> (the foreign key to its record, the record's class name). A change
# to the part is a change to the record: its version goes up with it.
AGGREGATE_PARENTS: dict[str, tuple[str, str]] = {}


def part_of(fk: str, parent: str) -> Any:
    """Class decorator: declare a table as a part of the record ``parent`` through ``fk``."""

    def mark(cls: type) -> type:
        AGGREGATE_PARENTS[cls.__name__] = (fk, parent)
        return cls

    return mark


@contextmanager
def purging(session: Session) -> Iterator[None]:
    """Allow rows of history to be deleted in this block (erasure, deleting a new draft)."""
    before = session.info.get("purging", False)
    session.info["purging"] = True
    try:
        yield
    finally:
        session.info["purging"] = before


def _parent_of(session: Session, part: object) -> SharedRecord | None:
    link = AGGREGATE_PARENTS.get(type(part).__name__)
    if link is None:
        return None
    fk, parent_name = link
    parent_id = getattr(part, fk, None)
    if parent_id is None:
        state = inspect(part)
        history = state.attrs[fk].history if fk in state.attrs else None
        if history is not None and history.deleted:
            parent_id = history.deleted[0]
    if parent_id is None:
        return None
    with session.no_autoflush:
        found = session.get(_mapped_class(parent_name), parent_id)
    return found if isinstance(found, SharedRecord) else None


def _mapped_class(name: str) -> type:
    from .models import Base

    return next(m.class_ for m in Base.registry.mappers if m.class_.__name__ == name)


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    # Parts changed, added or removed: their record changes with them.
    touched: set[object] = session.info.setdefault("versioned", set())
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        if isinstance(obj, ImmutableRecord):
            if session.info.get("purging") or not getattr(obj, "__append_only__", True):
                continue  # erasure on request scrubs and drops lines of history
            if obj in session.dirty and session.is_modified(obj, include_collections=False):
                raise ImmutableRowError(f"{type(obj).__name__} rows are append-only")
            if obj in session.deleted:
                raise ImmutableRowError(f"{type(obj).__name__} rows are never deleted")
            continue
        if isinstance(obj, SharedRecord):
            # Its own columns; its parts bump it below. A row of history added to it (a
            # content version recorded at an export) is not a change to the record.
            if obj in session.dirty and session.is_modified(obj, include_collections=False):
                _bump(obj, touched)
            if obj in session.deleted:
                _bury(session, obj)
            continue
        parent = _parent_of(session, obj)
        if parent is not None and parent not in session.deleted and parent not in session.new:
            _bump(parent, touched)


def _bump(record: SharedRecord, touched: set[object]) -> None:
    """The record's next version, once per transaction however many flushes it takes."""
    key = inspect(record).identity_key
    if key is None or key in touched:
        return
    touched.add(key)
    record.version = inspect(record).committed_state.get("version", record.version) + 1


def _bury(session: Session, record: SharedRecord) -> None:
    from .models import Tombstone

    table: str = cast(Any, type(record)).__tablename__
    session.add(Tombstone(uid=record.uid, kind=table, version=record.version + 1))


def _refuse_bulk_deletes(state: ORMExecuteState) -> None:
    if not state.is_delete or state.bind_mapper is None:
        return
    cls = state.bind_mapper.class_
    if issubclass(cls, SharedRecord):
        raise ImmutableRowError(
            f"delete {cls.__name__} rows one by one, so each leaves a tombstone"
        )
    if issubclass(cls, ImmutableRecord) and not state.session.info.get("purging"):
        raise ImmutableRowError(f"{cls.__name__} rows are never deleted")


def _forget_versioned(session: Session, *_args: object) -> None:
    session.info.pop("versioned", None)


def install(session_class: Any) -> None:
    """Put the identity rules on a sessionmaker (the Store does, for every session)."""
    event.listen(session_class, "before_flush", _before_flush)
    event.listen(session_class, "after_commit", _forget_versioned)
    event.listen(session_class, "after_soft_rollback", _forget_versioned)
    event.listen(session_class, "do_orm_execute", _refuse_bulk_deletes)


def uid_text(uid: uuid.UUID | None) -> str | None:
    """A global id as written in JSON and on the command line."""
    return str(uid) if uid is not None else None


def check_version(
    what: str, read: int | None, stored: int, by: str | None = None, at: str | None = None
) -> None:
    """Refuse a write based on ``read`` when the record is now at ``stored``.

    ``read`` None or 0 means the writer read the record in this same transaction (a
    service that loads and changes it in one unit of work): nothing can be stale.
    """
    if read and read != stored:
        from .errors import StaleWrite

        raise StaleWrite(what, read, stored, by, at)
