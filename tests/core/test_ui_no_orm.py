"""DESIGN §2: the UI reads and writes through the core's services; it cannot build a query.

The import-linter contract in pyproject.toml (run by `make lint`) keeps the ui's modules from
importing SQLAlchemy or the ORM model modules. What a module-level contract cannot see is a
row class that reaches the ui by another way: re-exported by a service module
(``from ..core.contacts.service import ContactRow``). This test looks at the names.
"""

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ceopdesk" / "ui"


def _imported_names(source: str) -> list[tuple[int, str]]:
    """(line, name) of each name imported with ``from ... import name``."""
    return [
        (node.lineno, alias.name)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    ]


def _orm_classes() -> set[str]:
    import ceopdesk.core.contacts.models  # noqa: F401  (registers the contact tables)
    from ceopdesk.core.models import Base

    return {m.class_.__name__ for m in Base.registry.mappers}


def _offences(source: str, rows: set[str]) -> list[tuple[int, str]]:
    return [(line, name) for line, name in _imported_names(source) if name in rows]


def test_the_ui_never_imports_an_orm_row_class_from_anywhere():
    rows = _orm_classes()
    bad = [
        f"{path.relative_to(UI.parent.parent)}:{line}: {name}"
        for path in sorted(UI.rglob("*.py"))
        for line, name in _offences(path.read_text(encoding="utf-8"), rows)
    ]
    assert not bad, "\n".join(bad)


def test_the_check_sees_a_row_class_re_exported_by_a_service():
    source = "from ...core.contacts.service import ContactRow, find_contact\n"
    assert _offences(source, _orm_classes()) == [(1, "ContactRow")]
