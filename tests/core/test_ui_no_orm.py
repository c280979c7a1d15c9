"""DESIGN §2: the UI reads and writes through the core's services; it never imports
SQLAlchemy or the ORM row classes (so it cannot build a query of its own)."""

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ceopdesk" / "ui"


def _imports(source: str, package: str) -> list[tuple[int, str, list[str]]]:
    """(line, absolute module, imported names) of each import in a module of ``package``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((node.lineno, module, [a.name for a in node.names]))
    return found


def _package(path: Path) -> str:
    return ".".join(path.relative_to(UI.parent.parent).parts[:-1])


def _orm_classes() -> set[str]:
    import ceopdesk.core.contacts.models  # noqa: F401  (registers the contact tables)
    from ceopdesk.core.models import Base

    return {m.class_.__name__ for m in Base.registry.mappers}


def _forbidden(module: str, names: list[str]) -> bool:
    if module.split(".")[0] == "sqlalchemy":
        return True
    if module.startswith("ceopdesk.core"):
        return module.endswith(".models") or "models" in names or bool(_orm_classes() & set(names))
    return False


def test_the_ui_never_imports_sqlalchemy_or_orm_rows():
    bad = [
        f"{path.relative_to(UI.parent.parent)}:{line}: {module} {names}"
        for path in sorted(UI.rglob("*.py"))
        for line, module, names in _imports(path.read_text(encoding="utf-8"), _package(path))
        if _forbidden(module, names)
    ]
    assert not bad, "\n".join(bad)


def test_the_check_sees_a_relative_import_of_the_models():
    source = "from ...core.contacts.models import ContactRow\nimport sqlalchemy.orm\n"
    found = [(m, n) for _l, m, n in _imports(source, "ceopdesk.ui.contacts") if _forbidden(m, n)]
    assert found == [("ceopdesk.core.contacts.models", ["ContactRow"]), ("sqlalchemy.orm", [])]
