"""identity: a global id and a row version on every shared record; tombstones; change marks

Revision ID: 0004
Revises: 0003

Every record a team will share gets a global id (``uid``: a UUID, 16 bytes on SQLite,
native on PostgreSQL) beside its local key, and every mutable one a row version
(docs/architecture.md, "Identity"). Existing rows get a new random id each; a setting's id
is derived from its key, so every copy of a store agrees on it. Deleted records will
leave a ``tombstone``; ``store_change`` holds a counter per kind of data, raised by every
commit, that other processes watch.
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# A copy of identity.NAMESPACE: a migration must do tomorrow what it does today.
NAMESPACE = uuid.UUID("6f0c1d2e-5b7a-4e0f-9a51-3c2d0e6b8f41")
SHARED = ("setting", "boilerplate", "release", "contact", "distribution_list")
IMMUTABLE = ("boilerplate_version", "release_version", "audit_event")
KINDS = ("releases", "boilerplate", "contacts", "lists", "settings")
# Batch mode copies a table on SQLite; these keep what reflection cannot see.
TABLE_KWARGS = {"contact": {"sqlite_autoincrement": True}, "distribution_list": {}}


def _uid_type() -> sa.types.TypeEngine:
    if op.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import UUID

        return UUID(as_uuid=True)
    return sa.LargeBinary(16)


def _fill(table: str, key: str) -> None:
    """Give every existing row its id (setting: derived from its key)."""
    bind = op.get_bind()
    native = bind.dialect.name == "postgresql"
    rows = bind.execute(sa.text(f"SELECT {key} FROM {table}")).fetchall()
    values = []
    for (k,) in rows:
        uid = uuid.uuid5(NAMESPACE, f"setting:{k}") if table == "setting" else uuid.uuid4()
        values.append({"k": k, "u": uid if native else uid.bytes})
    if values:
        bind.execute(sa.text(f"UPDATE {table} SET uid = :u WHERE {key} = :k"), values)


def upgrade() -> None:
    for table in SHARED + IMMUTABLE:
        key = "key" if table == "setting" else "id"
        op.add_column(table, sa.Column("uid", _uid_type(), nullable=True))
        if table in SHARED:
            op.add_column(
                table, sa.Column("version", sa.Integer(), nullable=False, server_default="1")
            )
        _fill(table, key)
        with op.batch_alter_table(
            table, schema=None, table_kwargs=TABLE_KWARGS.get(table, {})
        ) as batch_op:
            batch_op.alter_column("uid", existing_type=_uid_type(), nullable=False)
            batch_op.create_unique_constraint(batch_op.f(f"uq_{table}_uid"), ["uid"])

    op.create_table(
        "tombstone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", _uid_type(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tombstone")),
        sa.UniqueConstraint("uid", name=op.f("uq_tombstone_uid")),
    )
    op.create_index(op.f("ix_tombstone_kind"), "tombstone", ["kind"], unique=False)
    op.create_index(op.f("ix_tombstone_deleted_at"), "tombstone", ["deleted_at"], unique=False)
    change = op.create_table(
        "store_change",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("mark", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_store_change")),
    )
    op.bulk_insert(change, [{"kind": k, "mark": 0} for k in KINDS])


def downgrade() -> None:
    op.drop_table("store_change")
    op.drop_index(op.f("ix_tombstone_deleted_at"), table_name="tombstone")
    op.drop_index(op.f("ix_tombstone_kind"), table_name="tombstone")
    op.drop_table("tombstone")
    for table in reversed(SHARED + IMMUTABLE):
        with op.batch_alter_table(
            table, schema=None, table_kwargs=TABLE_KWARGS.get(table, {})
        ) as batch_op:
            batch_op.drop_constraint(batch_op.f(f"uq_{table}_uid"), type_="unique")
            batch_op.drop_column("uid")
            if table in SHARED:
                batch_op.drop_column("version")
