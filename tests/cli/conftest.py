import io
import json
from pathlib import Path

import pytest

from ceopdesk.cli import main


class Run:
    def __init__(self, db: Path) -> None:
        self.db = db

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(["--db", str(self.db), *argv], out=out, err=err)
        return code, out.getvalue(), err.getvalue()


@pytest.fixture
def run(tmp_path: Path) -> Run:
    return Run(tmp_path / "cli.db")


@pytest.fixture
def write_json(tmp_path: Path):
    def write(name: str, data) -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    return write
