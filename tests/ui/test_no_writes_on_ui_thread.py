"""No module in ceopdesk/ui calls a core function that writes the store, except inside the
work it hands to ``StoreOps.mutate`` (where the function receives the store as its argument).

A core function "writes" when it opens ``store.session()`` (not ``read_session()``), or
calls one that does; this is worked out from the core's own source, so a new writer is
caught without updating a list here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import ceopdesk

PACKAGE = Path(ceopdesk.__file__).parent
# Off the UI thread, outside the queue, on purpose: the reason is the value.
ALLOWED = {
    ("ceopdesk.core.contacts.exporter", "export_contacts"): (
        "long work reading 100k contacts into a file; its one audit line changes no view, and "
        "keeping it out of the queue keeps autosave from waiting behind it"
    ),
}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(tree: ast.Module, here: str, is_package: bool) -> dict[str, str]:
    """Local name -> the dotted module or module.function it stands for."""
    names: dict[str, str] = {}
    package = here if is_package else here.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[: len(parent) - (node.level - 1)]
                base = ".".join(parent + ([base] if base else []))
            for alias in node.names:
                names[alias.asname or alias.name] = f"{base}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name] = alias.name
    return names


def target_of(call: ast.Call, names: dict[str, str], here: str) -> str | None:
    """The dotted function a call names (module.function), when it can be told."""
    func = call.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        base = names.get(func.value.id)
        return f"{base}.{func.attr}" if base else None
    if isinstance(func, ast.Name):
        return names.get(func.id, f"{here}.{func.id}")
    return None


def core_writers() -> set[str]:
    calls: dict[str, set[str]] = {}
    writers: set[str] = set()
    for path in (PACKAGE / "core").rglob("*.py"):
        here = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = imported(tree, here, path.name == "__init__.py")
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef):
                continue
            full = f"{here}.{node.name}"
            calls[full] = set()
            for inner in ast.walk(node):
                if not isinstance(inner, ast.Call):
                    continue
                if isinstance(inner.func, ast.Attribute) and inner.func.attr == "session":
                    writers.add(full)
                target = target_of(inner, names, here)
                if target:
                    calls[full].add(target)
    grew = True
    while grew:
        grew = False
        for name, called in calls.items():
            if name not in writers and called & writers:
                writers.add(name)
                grew = True
    return writers


def store_params(node: ast.AST) -> set[str]:
    args = getattr(node, "args", None)
    if not isinstance(args, ast.arguments):
        return set()
    return {a.arg for a in args.args + args.kwonlyargs}


def calls_outside(
    node: ast.AST, params: set[str], names: dict[str, str], here: str, writers: set[str]
) -> list[tuple[int, str]]:
    """(line, writer) for each writer called with anything but the store it was handed."""
    if isinstance(node, ast.Lambda | ast.FunctionDef):
        params = store_params(node)
    found: list[tuple[int, str]] = []
    if isinstance(node, ast.Call):
        target = target_of(node, names, here)
        if target in writers and target.rpartition(".")[0] != here:
            first = node.args[0] if node.args else None
            handed = isinstance(first, ast.Name) and first.id in params
            if not handed and tuple(target.rsplit(".", 1)) not in ALLOWED:
                found.append((node.lineno, target))
    for child in ast.iter_child_nodes(node):
        found += calls_outside(child, params, names, here, writers)
    return found


def offences() -> list[str]:
    writers = core_writers()
    found: list[str] = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        here = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = imported(tree, here, path.name == "__init__.py")
        rel = path.relative_to(PACKAGE.parent)
        for line, target in calls_outside(tree, set(), names, here, writers):
            found.append(f"{rel}:{line} calls {target} outside StoreOps.mutate")
    return found


def test_the_core_writers_are_found() -> None:
    writers = core_writers()
    for name in (
        "ceopdesk.core.releases.service.update",
        "ceopdesk.core.contacts.lists.add_members",
        "ceopdesk.core.releases.workflow.set_status",
        "ceopdesk.core.demo.load_sample",
    ):
        assert name in writers
    assert "ceopdesk.core.releases.service.get" not in writers


def test_no_ui_module_writes_the_store_outside_the_helper() -> None:
    assert offences() == []


def test_the_walk_would_catch_a_write_on_the_ui_thread(tmp_path, monkeypatch) -> None:
    bad = PACKAGE / "ui" / "_guard_probe.py"
    bad.write_text(
        "from ..core.contacts import lists\n\n"
        "def f(self):\n    lists.create_list(self.store, 'x')\n",
        encoding="utf-8",
    )
    try:
        assert any(
            "_guard_probe.py:4 calls ceopdesk.core.contacts.lists.create_list" in o
            for o in offences()
        )
    finally:
        bad.unlink()
