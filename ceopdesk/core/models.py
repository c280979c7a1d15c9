"""SQLAlchemy models for releases, boilerplate, settings, versions and the audit trail.

Portable SQL only: SQLite-specific parts (FTS5) live in ``releases/search.py``.
Contacts have their own module (``contacts/models.py``) on the same ``Base``.

Every table says what it is to a team (``identity.py``): a shared record (``SharedRecord``:
global id and row version), a part of one (``@part_of``: its changes are its record's), or
a row of history (``ImmutableRecord``: append-only); and which kind of data it holds
(``__changes__``, reported to the UI by ``changes.py``).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .changes import BOILERPLATE, RELEASES, SETTINGS
from .identity import GlobalId, ImmutableRecord, SharedRecord, named_uid, part_of

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Stores instants as naive UTC and hands them back timezone-aware.

    SQLite keeps no offset, so every instant is normalised on the way in.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an instant is needed")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _setting_uid(context: Any) -> object:
    return named_uid("setting", context.get_current_parameters()["key"])


class Setting(SharedRecord, Base):
    """A setting of the data (organisation, press office contact, rules); its key is global."""

    __tablename__ = "setting"
    __changes__ = SETTINGS
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[object] = mapped_column(JSON, nullable=True)
    uid: Mapped[uuid.UUID] = mapped_column(GlobalId, unique=True, default=_setting_uid)


class BoilerplateRow(SharedRecord, Base):
    __tablename__ = "boilerplate"
    __changes__ = BOILERPLATE
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    created: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    versions: Mapped[list[BoilerplateVersionRow]] = relationship(
        back_populates="boilerplate",
        order_by="BoilerplateVersionRow.number",
        cascade="all, delete-orphan",
    )


class BoilerplateVersionRow(ImmutableRecord, Base):
    __tablename__ = "boilerplate_version"
    __changes__ = BOILERPLATE
    __table_args__ = (UniqueConstraint("boilerplate_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    boilerplate_id: Mapped[int] = mapped_column(
        ForeignKey("boilerplate.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author: Mapped[str | None] = mapped_column(String(200))
    boilerplate: Mapped[BoilerplateRow] = relationship(back_populates="versions")


class ReleaseRow(SharedRecord, Base):
    __tablename__ = "release"
    __changes__ = RELEASES
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    headline: Mapped[str] = mapped_column(Text)
    subheadline: Mapped[str | None] = mapped_column(Text)
    standfirst: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str | None] = mapped_column(String(200))
    release_date: Mapped[date | None] = mapped_column(Date)
    embargo: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    contact: Mapped[dict | None] = mapped_column(JSON)
    tags: Mapped[list] = mapped_column(JSON, default=list)
    author: Mapped[str | None] = mapped_column(String(200))
    created: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    approved_by: Mapped[str | None] = mapped_column(String(200))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approval_note: Mapped[str | None] = mapped_column(Text)
    sections: Mapped[list[SectionRow]] = relationship(
        order_by="SectionRow.position", cascade="all, delete-orphan"
    )
    notes: Mapped[list[ReleaseNoteRow]] = relationship(
        order_by="ReleaseNoteRow.position", cascade="all, delete-orphan"
    )
    versions: Mapped[list[ReleaseVersionRow]] = relationship(
        order_by="ReleaseVersionRow.number", cascade="all, delete-orphan"
    )


@part_of("release_id", "ReleaseRow")
class SectionRow(Base):
    __tablename__ = "release_section"
    __changes__ = RELEASES
    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(
        ForeignKey("release.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, default="")
    speaker: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(300))


@part_of("release_id", "ReleaseRow")
class ReleaseNoteRow(Base):
    """A note to editors: a boilerplate reference or a one-off title + text.

    ``version`` is the boilerplate version the release last took; while
    ``pinned`` is set (approval), that version's text is used instead of the
    latest.
    """

    __tablename__ = "release_note"
    __changes__ = RELEASES
    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(
        ForeignKey("release.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    boilerplate_id: Mapped[int | None] = mapped_column(
        ForeignKey("boilerplate.id", ondelete="RESTRICT"), index=True
    )
    version: Mapped[int | None] = mapped_column(Integer)
    pinned: Mapped[bool] = mapped_column(default=False)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    boilerplate: Mapped[BoilerplateRow | None] = relationship()


class ReleaseVersionRow(ImmutableRecord, Base):
    __tablename__ = "release_version"
    __changes__ = RELEASES
    # Not yet append-only: re-exporting unchanged content adds its reason and status to the
    # version it is at (versions.record). Until those are rows of their own, the store lets
    # this table's rows change.
    __append_only__ = False
    __table_args__ = (UniqueConstraint("release_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(
        ForeignKey("release.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(200))
    created: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    by: Mapped[str | None] = mapped_column(String(200))
    snapshot: Mapped[dict] = mapped_column(JSON)


class AuditRow(ImmutableRecord, Base):
    """One line of the audit trail. Append-only; erasure on request may scrub or drop lines."""

    __tablename__ = "audit_event"
    __changes__ = ""  # written beside every change; the record's own kind is reported
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(200), index=True)
    detail: Mapped[str | None] = mapped_column(Text)


class Tombstone(Base):
    """A shared record that was deleted: which, what it was, and when (``identity.py``)."""

    __tablename__ = "tombstone"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[uuid.UUID] = mapped_column(GlobalId, unique=True)
    kind: Mapped[str] = mapped_column(String(64), index=True)  # the record's table
    version: Mapped[int] = mapped_column(Integer)  # the version its deletion made
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class StoreChange(Base):
    """A counter per kind of data, raised by every commit that changed it (``changes.py``)."""

    __tablename__ = "store_change"
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    mark: Mapped[int] = mapped_column(Integer, default=0)
