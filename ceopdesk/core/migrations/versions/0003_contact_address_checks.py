"""contacts: postal address and city, unchecked e-mails/phones/dates, remembered non-duplicates

Revision ID: 0003
Revises: 0002

A doubtful value (an e-mail that is not valid, a number the numbering plan does
not know, a date that cannot be read) is kept as typed and marked unchecked
instead of costing the person. The search index gains the places (address and
city), so it is made again and refilled from the tables.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CONTACT_FTS = (
    "CREATE VIRTUAL TABLE contact_fts USING fts5("
    "names, organisation, title, emails, phones, tags, notes, places, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
)
OLD_CONTACT_FTS = (
    "CREATE VIRTUAL TABLE contact_fts USING fts5("
    "names, organisation, title, emails, phones, tags, notes, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
)

# The index rows, as ceopdesk.core.contacts.search builds them (a copy: a migration
# must do tomorrow what it does today).
FILL = """
INSERT INTO contact_fts(rowid, names, organisation, title, emails, phones, tags, notes{places})
SELECT c.id,
       trim(c.given_name || ' ' || c.family_name
            || CASE WHEN c.display_name != '' THEN ' ' || c.display_name ELSE '' END),
       c.organisation,
       c.job_title,
       coalesce((SELECT group_concat(e.address, ' ') FROM contact_email e
                 WHERE e.contact_id = c.id), ''),
       coalesce((SELECT group_concat(substr(p.number, 2)
                        || CASE WHEN p.number LIKE '+44%' THEN ' 0' || substr(p.number, 4)
                           ELSE '' END, ' ')
                 FROM contact_phone p WHERE p.contact_id = c.id), ''),
       coalesce((SELECT group_concat(t.tag, ' ') FROM contact_tag t
                 WHERE t.contact_id = c.id), ''),
       c.notes{place_values}
FROM contact c
"""


def upgrade() -> None:
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.add_column(sa.Column("address", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("city", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column(
                "date_collected_text", sa.String(length=100), nullable=False, server_default=""
            )
        )
    for table in ("contact_email", "contact_phone"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("checked", sa.Boolean(), nullable=False, server_default=sa.true())
            )
    op.create_table(
        "contact_not_duplicate",
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("second_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["first_id"],
            ["contact.id"],
            name=op.f("fk_contact_not_duplicate_first_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_id"],
            ["contact.id"],
            name=op.f("fk_contact_not_duplicate_second_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("first_id", "second_id", name=op.f("pk_contact_not_duplicate")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("contact_not_duplicate", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_not_duplicate_second_id"), ["second_id"], unique=False
        )
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS contact_fts")
        op.execute(CONTACT_FTS)
        op.execute(
            FILL.format(places=", places", place_values=", trim(c.city || ' ' || c.address)")
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS contact_fts")
        op.execute(OLD_CONTACT_FTS)
        op.execute(FILL.format(places="", place_values=""))
    op.drop_table("contact_not_duplicate")
    for table in ("contact_email", "contact_phone"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("checked")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_column("date_collected_text")
        batch_op.drop_column("city")
        batch_op.drop_column("address")
