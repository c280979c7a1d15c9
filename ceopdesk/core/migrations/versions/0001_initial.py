"""releases, boilerplate, settings, versions, audit

Revision ID: 0001
Revises:
Create Date: 2026-11-23 15:50:09.035589
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


RELEASE_FTS = (
    "CREATE VIRTUAL TABLE release_fts USING fts5("
    "reference, headline, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)


def upgrade() -> None:

    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=200), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_entity"), ["entity"], unique=False)

    op.create_table(
        "boilerplate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_boilerplate")),
        sa.UniqueConstraint("key", name=op.f("uq_boilerplate_key")),
    )
    op.create_table(
        "release",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("headline", sa.Text(), nullable=False),
        sa.Column("subheadline", sa.Text(), nullable=True),
        sa.Column("standfirst", sa.Text(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("release_date", sa.Date(), nullable=True),
        sa.Column("embargo", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("contact", sa.JSON(), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=True),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=False),
        sa.Column("approved_by", sa.String(length=200), nullable=True),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("approval_note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release")),
        sa.UniqueConstraint("reference", name=op.f("uq_release_reference")),
    )
    with op.batch_alter_table("release", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_release_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_release_updated"), ["updated"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "boilerplate_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("boilerplate_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["boilerplate_id"],
            ["boilerplate.id"],
            name=op.f("fk_boilerplate_version_boilerplate_id_boilerplate"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_boilerplate_version")),
        sa.UniqueConstraint(
            "boilerplate_id",
            "number",
            name=op.f("uq_boilerplate_version_boilerplate_id"),
        ),
    )
    with op.batch_alter_table("boilerplate_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_boilerplate_version_boilerplate_id"),
            ["boilerplate_id"],
            unique=False,
        )

    op.create_table(
        "release_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("boilerplate_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["boilerplate_id"],
            ["boilerplate.id"],
            name=op.f("fk_release_note_boilerplate_id_boilerplate"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["release_id"],
            ["release.id"],
            name=op.f("fk_release_note_release_id_release"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release_note")),
    )
    with op.batch_alter_table("release_note", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_release_note_boilerplate_id"),
            ["boilerplate_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_release_note_release_id"), ["release_id"], unique=False
        )

    op.create_table(
        "release_section",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("speaker", sa.String(length=200), nullable=True),
        sa.Column("role", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["release_id"],
            ["release.id"],
            name=op.f("fk_release_section_release_id_release"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release_section")),
    )
    with op.batch_alter_table("release_section", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_release_section_release_id"), ["release_id"], unique=False
        )

    op.create_table(
        "release_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=True),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["release_id"],
            ["release.id"],
            name=op.f("fk_release_version_release_id_release"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release_version")),
        sa.UniqueConstraint("release_id", "number", name=op.f("uq_release_version_release_id")),
    )
    with op.batch_alter_table("release_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_release_version_release_id"), ["release_id"], unique=False
        )
    # Full-text search is SQLite's FTS5; another database would index differently.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(RELEASE_FTS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS release_fts")

    with op.batch_alter_table("release_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_release_version_release_id"))

    op.drop_table("release_version")
    with op.batch_alter_table("release_section", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_release_section_release_id"))

    op.drop_table("release_section")
    with op.batch_alter_table("release_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_release_note_release_id"))
        batch_op.drop_index(batch_op.f("ix_release_note_boilerplate_id"))

    op.drop_table("release_note")
    with op.batch_alter_table("boilerplate_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_boilerplate_version_boilerplate_id"))

    op.drop_table("boilerplate_version")
    op.drop_table("setting")
    with op.batch_alter_table("release", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_release_updated"))
        batch_op.drop_index(batch_op.f("ix_release_status"))

    op.drop_table("release")
    op.drop_table("boilerplate")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_entity"))
        batch_op.drop_index(batch_op.f("ix_audit_event_at"))

    op.drop_table("audit_event")
