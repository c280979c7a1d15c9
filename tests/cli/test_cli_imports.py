"""The command line loads only what the command runs: `--help` opens no store and so needs
none of SQLAlchemy, Qt, python-docx, the import readers or the spelling checker."""

import os
import subprocess
import sys

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


def _loaded_after(args: list[str], env_db: str | None = None) -> set[str]:
    code = (
        "import sys\n"
        "from ceopdesk.cli import main\n"
        f"code = main({args!r})\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
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
    return set(result.stdout.splitlines()[-1].split())


def test_help_loads_no_heavy_library():
    loaded = _loaded_after(["--help"])
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_a_listing_loads_the_store_but_not_qt_word_or_the_readers(tmp_path):
    loaded = _loaded_after(["release", "list"], env_db=str(tmp_path / "store.db"))
    assert "sqlalchemy" in loaded
    unneeded = {"PySide6", "docx", "trafilatura", "spylls"}
    assert not loaded & unneeded, sorted(loaded & unneeded)
