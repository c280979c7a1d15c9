"""Fixtures for the contact tests: the fixture files and a few shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ceopdesk.core.contacts import importer
from ceopdesk.core.contacts.domain import ImportOptions, ImportReport
from ceopdesk.core.contacts.models import ContactRow
from ceopdesk.core.models import AuditRow
from ceopdesk.core.store import Store

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "contacts"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def load(store: Store) -> Callable[..., ImportReport]:
    """Import a fixture file (or any path) into the test store; options as ImportOptions fields."""

    def run(name: str | Path, **options) -> ImportReport:
        path = name if isinstance(name, Path) else FIXTURES / name
        return importer.import_file(store, path, ImportOptions(**options))

    return run


@pytest.fixture
def counts(store: Store) -> Callable[[], tuple[int, int]]:
    """(contacts, audit events) now: shows that a failed command changed nothing."""

    def run() -> tuple[int, int]:
        with store.session() as s:
            return (
                s.scalar(select(func.count()).select_from(ContactRow)) or 0,
                s.scalar(select(func.count()).select_from(AuditRow)) or 0,
            )

    return run
