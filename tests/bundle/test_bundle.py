"""The built desktop bundle runs on its own: `make dist-check` builds it and runs this.

The bundle is started with an empty environment (no virtualenv, no source tree on the
path, only HOME): it creates a store, loads the sample library, exports a Word file,
imports a contact and paints its main window offscreen (CEOPDESK_SMOKE_PAINT).
"""

import subprocess
import zipfile
from pathlib import Path

import pytest

FOLDER = Path(__file__).resolve().parents[2] / "dist" / "ceopdesk"
BUNDLE = FOLDER / "ceopdesk"
CONSOLE = FOLDER / "ceopdesk-cli"  # the console twin Windows needs for the command line

pytestmark = [
    pytest.mark.dist,
    pytest.mark.skipif(not BUNDLE.exists(), reason="no bundle: run `make dist` first"),
]


def run(home: Path, *args: str, program: Path = BUNDLE, **env: str) -> str:
    db = str(home / "store.db")
    result = subprocess.run(
        [str(program), "--db", db, *args],
        env={"HOME": str(home), **env},
        cwd=home,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result.stdout


def test_the_bundle_runs_with_an_empty_environment(tmp_path: Path) -> None:
    assert "release CEOP-2026-001: added" in run(tmp_path, "demo")
    assert "CEOP-2026-002" in run(tmp_path, "release", "list")
    assert "CEOP-2026-003" in run(tmp_path, "release", "list", program=CONSOLE)

    word = tmp_path / "release.docx"
    run(tmp_path, "release", "export", "CEOP-2026-001", "-o", str(word))
    with zipfile.ZipFile(word) as package:
        assert "Record number of children safeguarded" in package.read("word/document.xml").decode()

    (tmp_path / "contacts.csv").write_text("name,email\nAsha Rahman,asha@example.org\n")
    assert "1 added" in run(tmp_path, "contacts", "import", str(tmp_path / "contacts.csv"))

    shot = tmp_path / "window.png"
    run(tmp_path, QT_QPA_PLATFORM="offscreen", CEOPDESK_SMOKE_PAINT=str(shot))
    assert shot.stat().st_size > 10_000  # the painted main window, not an empty image
