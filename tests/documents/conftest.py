"""Fixtures for the document tests: a realistic release and settings."""

from __future__ import annotations

import pytest

from ceopdesk.core.domain import ContactBlock, Release, Settings
from tests.documents.doc_samples import make_release


@pytest.fixture
def release() -> Release:
    return make_release()


@pytest.fixture
def settings() -> Settings:
    return Settings(
        organisation="Child Exploitation and Online Protection Centre",
        press_office_name="CEOP Press Office",
        contact=ContactBlock(name="Settings Press Office", phone="0800 000 000"),
    )
