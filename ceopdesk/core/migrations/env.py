"""Alembic environment: always run from Store with an open connection."""

from alembic import context

import ceopdesk.core.contacts.models  # noqa: F401
from ceopdesk.core.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("ceopdesk migrations run through ceopdesk.core.store.Store")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
