"""contacts, their e-mails, phones and tags, distribution lists, and the contact search index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 15:53:49.829587

Hand-checked after autogenerate: instants are plain DateTime columns (the
UTCDateTime decorator is an application type, not a schema one), the release
search tables autogenerate wanted to drop are left alone, and the contact
search index is created inline, as 0001 does for releases.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The rowid of each row is the contact's id. Columns are filled by
# ceopdesk.core.contacts.search; diacritics are folded so "zoe" finds "Zoë",
# and the prefix indexes make search-as-you-type cheap from the first letter.
CONTACT_FTS = (
    "CREATE VIRTUAL TABLE contact_fts USING fts5("
    "names, organisation, title, emails, phones, tags, notes, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
)


def upgrade() -> None:
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("given_name", sa.String(length=200), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("display_name", sa.String(length=400), nullable=False),
        sa.Column("organisation", sa.String(length=300), nullable=False),
        sa.Column("job_title", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("social", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("lawful_basis", sa.String(length=32), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column("date_collected", sa.Date(), nullable=True),
        sa.Column("do_not_contact", sa.Boolean(), nullable=False),
        sa.Column("sort_name", sa.String(length=400), nullable=False),
        sa.Column("sort_org", sa.String(length=300), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_kind"), ["kind"], unique=False)
        batch_op.create_index("ix_contact_sort_name_id", ["sort_name", "id"], unique=False)
        batch_op.create_index("ix_contact_sort_org_id", ["sort_org", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_updated"), ["updated"], unique=False)

    op.create_table(
        "distribution_list",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_distribution_list")),
        sa.UniqueConstraint("name_key", name=op.f("uq_distribution_list_name_key")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "contact_email",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("address_key", sa.String(length=320), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_email_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_email")),
        sa.UniqueConstraint("address_key", name=op.f("uq_contact_email_address_key")),
    )
    with op.batch_alter_table("contact_email", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_email_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "contact_phone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_phone_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_phone")),
    )
    with op.batch_alter_table("contact_phone", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_phone_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contact_phone_number"), ["number"], unique=False)

    op.create_table(
        "contact_tag",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("tag_key", sa.String(length=100), nullable=False),
        sa.Column("tag", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_tag_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", "tag_key", name=op.f("pk_contact_tag")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("contact_tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_tag_tag_key"), ["tag_key"], unique=False)

    op.create_table(
        "distribution_list_member",
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("added", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_distribution_list_member_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["distribution_list.id"],
            name=op.f("fk_distribution_list_member_list_id_distribution_list"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("list_id", "contact_id", name=op.f("pk_distribution_list_member")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("distribution_list_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_distribution_list_member_contact_id"), ["contact_id"], unique=False
        )
    # Full-text search is SQLite's FTS5; another database would index differently.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(CONTACT_FTS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS contact_fts")
    with op.batch_alter_table("distribution_list_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_distribution_list_member_contact_id"))

    op.drop_table("distribution_list_member")
    with op.batch_alter_table("contact_tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_tag_tag_key"))

    op.drop_table("contact_tag")
    with op.batch_alter_table("contact_phone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_phone_number"))
        batch_op.drop_index(batch_op.f("ix_contact_phone_contact_id"))

    op.drop_table("contact_phone")
    with op.batch_alter_table("contact_email", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_email_contact_id"))

    op.drop_table("contact_email")
    op.drop_table("distribution_list")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_updated"))
        batch_op.drop_index("ix_contact_sort_org_id")
        batch_op.drop_index("ix_contact_sort_name_id")
        batch_op.drop_index(batch_op.f("ix_contact_kind"))

    op.drop_table("contact")
