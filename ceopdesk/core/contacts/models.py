"""SQLAlchemy tables for contacts and distribution lists (portable SQL only).

The full-text index (``contact_fts``, SQLite FTS5) is not a model: it is
created by migration 0002 and kept in step by ``search.py``.

Invariants the services keep:

- an e-mail address belongs to at most one contact (``address_key`` is the
  case-folded address and is unique), which is what makes imports idempotent;
- phones are stored E.164 (an unchecked one that is not even a possible
  number is kept as typed); the same number may belong to several people
  (a news desk), so it is indexed but not unique;
- ``sort_name`` / ``sort_org`` are accent- and case-folded copies used for
  ordering, so the table view can page through an index;
- ids are never reused (``sqlite_autoincrement``), so the audit trail of an
  erased person can never be mistaken for someone else's;
- the two link tables are WITHOUT ROWID on SQLite (their key is the row), one
  b-tree fewer to write per tag on a 100,000-row import.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..changes import CONTACTS, LISTS
from ..identity import SharedRecord, part_of
from ..models import Base, UTCDateTime, utcnow


class ContactRow(SharedRecord, Base):
    __tablename__ = "contact"
    __changes__ = CONTACTS
    __table_args__ = (
        Index("ix_contact_sort_name_id", "sort_name", "id"),
        Index("ix_contact_sort_org_id", "sort_org", "id"),
        {"sqlite_autoincrement": True},
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    given_name: Mapped[str] = mapped_column(String(200), default="")
    family_name: Mapped[str] = mapped_column(String(200), default="")
    display_name: Mapped[str] = mapped_column(String(400), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    job_title: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(16), default="journalist", index=True)
    social: Mapped[dict] = mapped_column(JSON, default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")
    lawful_basis: Mapped[str | None] = mapped_column(String(32))
    source: Mapped[str | None] = mapped_column(String(300))
    date_collected: Mapped[date | None] = mapped_column(Date)
    # A date that could not be read, kept as typed (unchecked); "" when there is none.
    date_collected_text: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(Text, default="")  # postal address, lines joined by \n
    city: Mapped[str] = mapped_column(String(200), default="")
    do_not_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_name: Mapped[str] = mapped_column(String(400), default="")
    sort_org: Mapped[str] = mapped_column(String(300), default="")
    created: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    emails: Mapped[list[ContactEmailRow]] = relationship(
        order_by="ContactEmailRow.position", cascade="all, delete-orphan"
    )
    phones: Mapped[list[ContactPhoneRow]] = relationship(
        order_by="ContactPhoneRow.position", cascade="all, delete-orphan"
    )
    tags: Mapped[list[ContactTagRow]] = relationship(
        order_by="ContactTagRow.tag", cascade="all, delete-orphan"
    )


@part_of("contact_id", "ContactRow")
class ContactEmailRow(Base):
    __tablename__ = "contact_email"
    __changes__ = CONTACTS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    address: Mapped[str] = mapped_column(String(320))
    address_key: Mapped[str] = mapped_column(String(320), unique=True)
    label: Mapped[str] = mapped_column(String(40), default="")
    checked: Mapped[bool] = mapped_column(Boolean, default=True)  # False: kept as typed


@part_of("contact_id", "ContactRow")
class ContactPhoneRow(Base):
    __tablename__ = "contact_phone"
    __changes__ = CONTACTS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    number: Mapped[str] = mapped_column(String(32), index=True)  # E.164 unless unchecked
    label: Mapped[str] = mapped_column(String(40), default="")
    # False: the numbering plan does not know it (E.164 if possible, else as typed).
    checked: Mapped[bool] = mapped_column(Boolean, default=True)


@part_of("contact_id", "ContactRow")
class ContactTagRow(Base):
    """A tag or beat. ``tag`` keeps the spelling first used; ``tag_key`` is case-folded."""

    __tablename__ = "contact_tag"
    __changes__ = CONTACTS
    __table_args__ = ({"sqlite_with_rowid": False},)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    tag_key: Mapped[str] = mapped_column(String(100), primary_key=True, index=True)
    tag: Mapped[str] = mapped_column(String(100))


class DistributionListRow(SharedRecord, Base):
    __tablename__ = "distribution_list"
    __changes__ = LISTS
    __table_args__ = ({"sqlite_autoincrement": True},)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


@part_of("list_id", "DistributionListRow")
class ListMemberRow(Base):
    __tablename__ = "distribution_list_member"
    __changes__ = LISTS
    __table_args__ = ({"sqlite_with_rowid": False},)
    list_id: Mapped[int] = mapped_column(
        ForeignKey("distribution_list.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    added: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NotDuplicateRow(Base):
    """Two contacts a user said are different people (``first_id`` < ``second_id``)."""

    __tablename__ = "contact_not_duplicate"
    __changes__ = CONTACTS
    __table_args__ = ({"sqlite_with_rowid": False},)
    first_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    second_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True, index=True
    )
