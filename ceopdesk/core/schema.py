"""The schema's migrations: where they are, Alembic's configuration, the newest revision.

Alembic is imported only where a schema is changed: a normal start, at the newest
revision, reads it from the migration files.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([\w]+|None)['\"]?", re.M)


@functools.cache
def head_revision() -> str | None:
    """The newest migration's id, read from the migration files without importing Alembic."""
    revisions: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((k, v) for k, v in _REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            revisions[found["revision"]] = None if down in (None, "None") else down
    parents = set(revisions.values())
    heads = [rev for rev in revisions if rev not in parents]
    return heads[0] if len(heads) == 1 else None
