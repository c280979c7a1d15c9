"""The command line loads only what the command runs: `--help` opens no store and so needs
none of SQLAlchemy, Qt, python-docx, the import readers or the spelling checker; a listing
reads with plain sqlite3 and needs none of them either."""

import json
import os
import subprocess
import sys

from ceopdesk.core.releases import boilerplate
from ceopdesk.core.releases import service as releases
from ceopdesk.core.store import Store
from tests.helpers import sample_release

HEAVY = (
    "sqlalchemy",
    "alembic",
    "PySide6",
    "docx",
    "trafilatura",
    "spylls",
    "phonenumbers",
    "lxml",
)


def _loaded_after(args: list[str], env_db: str | None = None) -> tuple[set[str], str]:
    code = (
        "import sys\n"
        "from ceopdesk.cli import main\n"
        f"code = main({args!r})\n"
        # a module lazy_module registered but nothing has used yet is not loaded
        "print(' '.join(sorted(n for n, m in sys.modules.items()\n"
        "    if type(m).__name__ != '_LazyModule')))\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "CEOPDESK_DB": env_db} if env_db else None
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    *printed, modules = result.stdout.splitlines()
    return set(modules.split()), "\n".join(printed)


def _top(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_help_loads_no_heavy_library():
    loaded = _top(_loaded_after(["--help"])[0])
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_the_listings_and_a_search_load_no_heavy_library(tmp_path):
    db = tmp_path / "store.db"
    store = Store(db)  # made and migrated here: a new store's first opening needs Alembic
    releases.create(store, sample_release("CEOP-2026-001", headline="Sextortion advice"))
    releases.create(store, sample_release("CEOP-2026-002", headline="Annual figures"))
    boilerplate.save(store, "about-ceop", "About CEOP", "CEOP is part of the NCA.")
    store.close()
    for args, shown in (
        (["release", "list"], ["CEOP-2026-002", "CEOP-2026-001"]),
        (["release", "list", "--search", "sextortion"], ["CEOP-2026-001"]),
        (["release", "list", "--status", "draft", "--json"], ["CEOP-2026-002", "CEOP-2026-001"]),
        (["boilerplate", "list"], ["about-ceop"]),
    ):
        modules, printed = _loaded_after(args, env_db=str(db))
        loaded = _top(modules)
        assert not loaded & set(HEAVY), (args, sorted(loaded & set(HEAVY)))
        # only the named group's commands are built: the contacts' choices are not imported
        assert "ceopdesk.core.contacts.domain" not in modules
        if "--json" in args:
            assert [r["reference"] for r in json.loads(printed)] == shown
        else:
            assert [line.split()[0] for line in printed.splitlines()] == shown
