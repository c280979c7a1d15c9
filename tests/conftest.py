"""Test configuration shared by every suite: headless Qt, and a fresh store per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Set before Qt is imported anywhere, so the GUI tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Never touch the user's real data folder, whatever a test forgets."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("CEOPDESK_DB", raising=False)
    monkeypatch.setenv("CEOPDESK_USER", "test.officer")


@pytest.fixture
def store(tmp_path: Path):
    from ceopdesk.core.store import Store

    s = Store(tmp_path / "store.db")
    yield s
    s.close()
