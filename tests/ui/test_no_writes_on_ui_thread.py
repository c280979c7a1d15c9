"""No code in ceopdesk/ui writes the store on the UI thread: a function that writes is called
only inside the work handed to ``StoreOps.mutate`` (with the store that work was given), and a
writer is passed on — as a callback, through ``functools.partial``, in a lambda or a nested
function — to nothing but ``StoreOps.mutate``.

A function "writes" when it opens ``store.session()`` (not ``read_session()``), or calls one
that does. This is worked out from the source of the whole package — the core, the documents,
the commands and the ui itself; module functions, methods and nested functions — so a new
writer is caught wherever it is written, without updating a list here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import ceopdesk

PACKAGE = Path(ceopdesk.__file__).parent
STORE_CLASS = "ceopdesk.core.store.Store"
# Off the UI thread, outside the queue, on purpose: the reason is the value.
ALLOWED = {
    "ceopdesk.core.contacts.exporter.export_contacts": (
        "long work reading 100k contacts into a file; its one audit line changes no view, and "
        "keeping it out of the queue keeps autosave from waiting behind it"
    ),
    "ceopdesk.core.restore.restore": (
        "the start-up's offer to put back a damaged store's backup: it runs before any store "
        "is open, so there is no StoreOps yet and nothing that could be waiting to write"
    ),
}
FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(tree: ast.Module, here: str, is_package: bool) -> dict[str, str]:
    """Local name -> the dotted module or module.function it stands for (imports anywhere in
    the module: the ui imports heavy modules inside the function that needs them)."""
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


@dataclass
class Scope:
    """Where a node is: its module, class and the chain of functions around it."""

    module: str
    names: dict[str, str]
    classes: dict[str, list[str]]  # qualified class -> its bases, qualified
    cls: str | None = None
    functions: tuple[tuple[str, FunctionNode], ...] = ()  # (qualified name, node), innermost last

    def inner(self, qualified: str, node: FunctionNode) -> Scope:
        return Scope(
            self.module, self.names, self.classes, self.cls, (*self.functions, (qualified, node))
        )

    def params(self) -> set[str]:
        """The parameters of the innermost function or lambda (what a caller hands it)."""
        if not self.functions:
            return set()
        args = self.functions[-1][1].args
        return {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}

    def resolve(self, expr: ast.expr, methods: set[str]) -> str | None:
        """The dotted function an expression names, when it can be told."""
        if isinstance(expr, ast.Name):
            for qualified, node in reversed(self.functions):
                if isinstance(node, ast.Lambda):
                    continue
                for child in node.body:
                    if (
                        isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
                        and child.name == expr.id
                    ):
                        return f"{qualified}.{child.name}"
            return self.names.get(expr.id, f"{self.module}.{expr.id}")
        if not isinstance(expr, ast.Attribute):
            return None
        value = expr.value
        if isinstance(value, ast.Name) and value.id in ("self", "cls") and self.cls:
            return self.method(self.cls, expr.attr, methods)
        if (isinstance(value, ast.Name) and value.id == "store") or (
            isinstance(value, ast.Attribute) and value.attr == "store"
        ):
            return f"{STORE_CLASS}.{expr.attr}"  # the store handed round, or a view's own
        if isinstance(value, ast.Name | ast.Attribute):
            base = self.resolve(value, methods)
            return f"{base}.{expr.attr}" if base else None
        return None

    def method(self, cls: str, name: str, methods: set[str]) -> str:
        """``cls.name``, looked up through the classes it inherits from in the package."""
        todo, seen = [cls], set()
        while todo:
            current = todo.pop(0)
            if f"{current}.{name}" in methods:
                return f"{current}.{name}"
            seen.add(current)
            todo += [b for b in self.classes.get(current, []) if b not in seen]
        return f"{cls}.{name}"


@dataclass
class Function:
    calls: set[str] = field(default_factory=set)
    opens_session: bool = False


def _walk_own(node: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a function's own body: nested functions and lambdas run later, not here."""
    for child in ast.iter_child_nodes(node):
        yield child
        if not isinstance(child, FunctionNode | ast.ClassDef):
            yield from _walk_own(child)


def _lambda_name(scope: Scope, node: ast.Lambda) -> str:
    outer = scope.functions[-1][0] if scope.functions else scope.module
    return f"{outer}.<lambda:{node.lineno}:{node.col_offset}>"


@cache
def _parsed() -> dict[str, tuple[Path, ast.Module]]:
    """Every module of the package (its migrations aside), parsed once per test run."""
    return {
        module_name(path): (path, ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
        if "migrations" not in path.parts
    }


class Source:
    """Every module of the package, and ``extra`` ones (module name -> code) as if in it."""

    def __init__(self, extra: dict[str, str] | None = None) -> None:
        modules = dict(_parsed())
        for here, code in (extra or {}).items():
            path = PACKAGE.joinpath(*here.split(".")[1:]).with_suffix(".py")
            modules[here] = (path, ast.parse(code))
        self.modules: dict[str, tuple[Path, ast.Module, dict[str, str]]] = {
            here: (path, tree, imported(tree, here, path.name == "__init__.py"))
            for here, (path, tree) in modules.items()
        }
        self.classes: dict[str, list[str]] = {}
        for here, (_path, tree, names) in self.modules.items():
            for node in tree.body:
                if isinstance(node, ast.ClassDef):
                    scope = Scope(here, names, {})
                    bases = [scope.resolve(b, set()) for b in node.bases]
                    self.classes[f"{here}.{node.name}"] = [b for b in bases if b]
        self.functions: dict[str, Function] = {}
        for here, (_path, tree, names) in self.modules.items():
            self._index(tree, Scope(here, names, self.classes), here)
        methods = set(self.functions)
        for here, (_path, tree, names) in self.modules.items():
            self._calls(tree, Scope(here, names, self.classes), methods)

    def scopes(self, tree: ast.AST, scope: Scope) -> Iterator[tuple[ast.AST, Scope]]:
        """Each node with the scope it is in (a function's node is in its own scope)."""
        for child in ast.iter_child_nodes(tree):
            if isinstance(child, ast.ClassDef):
                inner = Scope(
                    scope.module,
                    scope.names,
                    scope.classes,
                    f"{scope.module}.{child.name}" if not scope.functions else scope.cls,
                    scope.functions,
                )
                yield child, scope
                yield from self.scopes(child, inner)
            elif isinstance(child, FunctionNode):
                qualified = self.qualified(child, scope)
                inner = scope.inner(qualified, child)
                yield child, inner
                yield from self.scopes(child, inner)
            else:
                yield child, scope
                yield from self.scopes(child, scope)

    @staticmethod
    def qualified(node: FunctionNode, scope: Scope) -> str:
        if isinstance(node, ast.Lambda):
            return _lambda_name(scope, node)
        if scope.functions:
            return f"{scope.functions[-1][0]}.{node.name}"
        if scope.cls:
            return f"{scope.cls}.{node.name}"
        return f"{scope.module}.{node.name}"

    def _index(self, tree: ast.AST, scope: Scope, here: str) -> None:
        for node, inner in self.scopes(tree, scope):
            if isinstance(node, FunctionNode):
                self.functions[inner.functions[-1][0]] = Function()

    def _calls(self, tree: ast.AST, scope: Scope, methods: set[str]) -> None:
        for node, inner in self.scopes(tree, scope):
            if not isinstance(node, FunctionNode):
                continue
            function = self.functions[inner.functions[-1][0]]
            for child in _walk_own(node):
                if not isinstance(child, ast.Call):
                    continue
                func = child.func
                if isinstance(func, ast.Attribute) and func.attr == "session" and not child.args:
                    function.opens_session = True
                target = inner.resolve(func, methods)
                if target:
                    function.calls.add(target)

    def writers(self) -> set[str]:
        # Store.session itself, and whatever opens one or calls a function that does.
        found = {f"{STORE_CLASS}.session"}
        found |= {name for name, f in self.functions.items() if f.opens_session}
        grew = True
        while grew:
            grew = False
            for name, function in self.functions.items():
                # An allowed writer's callers are not writers through it (see ALLOWED).
                if name not in found and (function.calls - ALLOWED.keys()) & found:
                    found.add(name)
                    grew = True
        return found


def _handed(expr: ast.expr) -> list[ast.expr]:
    """``expr`` and, when it is ``functools.partial(f, ...)``, the ``f`` it wraps."""
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name | ast.Attribute):
        name = expr.func.id if isinstance(expr.func, ast.Name) else expr.func.attr
        if name == "partial" and expr.args:
            return [expr, *_handed(expr.args[0])]
    return [expr]


def _arguments(call: ast.Call, params: list[str]) -> Iterator[tuple[str, ast.expr]]:
    """(parameter, argument) for each argument of ``call`` to a function taking ``params``."""
    yield from zip(params, call.args, strict=False)
    for keyword in call.keywords:
        if keyword.arg in params:
            yield keyword.arg, keyword.value


class Guard:
    """What the ui does with the writers: the offences, and the parameters that carry work to
    ``StoreOps.mutate`` (``mutate``'s own ``fn``, and every ui parameter passed on to one)."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.writers = source.writers()
        self.methods = set(source.functions)
        self.nodes = {
            here: list(source.scopes(tree, Scope(here, names, source.classes)))
            for here, (_path, tree, names) in source.modules.items()
            if here.startswith("ceopdesk.ui")
        }
        self.defs = {
            scope.functions[-1][0]: node
            for nodes in self.nodes.values()
            for node, scope in nodes
            if isinstance(node, FunctionNode)
        }
        self.work_params: dict[str, set[str]] = {}
        grew = True
        while grew:  # a parameter handed to a work parameter carries work too
            grew = False
            for nodes in self.nodes.values():
                for node, scope in nodes:
                    if not isinstance(node, ast.Call) or not scope.functions:
                        continue
                    params = scope.params()
                    for arg in self.work_arguments(node, scope):
                        for expr in _handed(arg):
                            if isinstance(expr, ast.Name) and expr.id in params:
                                owner = scope.functions[-1][0]
                                if expr.id not in self.work_params.setdefault(owner, set()):
                                    self.work_params[owner].add(expr.id)
                                    grew = True

    def params_of(self, target: str) -> list[str]:
        """The parameters a caller fills, in order (``self`` left out of a method's)."""
        node = self.defs.get(target)
        if node is None:
            return []
        args = node.args
        names = [a.arg for a in args.posonlyargs + args.args]
        owner = target.rpartition(".")[0]
        if owner in self.source.classes and names[:1] in (["self"], ["cls"]):
            names = names[1:]
        return names + [a.arg for a in args.kwonlyargs]

    def work_arguments(self, call: ast.Call, scope: Scope) -> list[ast.expr]:
        """The arguments of ``call`` that go to StoreOps.mutate to be run with the store."""
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == "mutate":
            work = call.args[1:2] or [k.value for k in call.keywords if k.arg == "fn"]
            return list(work)
        target = scope.resolve(func, self.methods)
        carried = self.work_params.get(target or "")
        if not carried:
            return []
        return [
            arg for name, arg in _arguments(call, self.params_of(target or "")) if name in carried
        ]

    def offences(self) -> list[str]:
        found: list[str] = []
        for here, nodes in self.nodes.items():
            rel = self.source.modules[here][0].relative_to(PACKAGE.parent)
            handed: set[int] = set()
            callees: set[int] = set()
            for node, scope in nodes:
                if isinstance(node, ast.Call):
                    callees.add(id(node.func))
                    for arg in self.work_arguments(node, scope):
                        handed |= {id(expr) for expr in _handed(arg)}
            for node, scope in nodes:
                found += self._offence(node, scope, rel, handed, callees)
        return sorted(set(found))

    def _offence(
        self, node: ast.AST, scope: Scope, rel: Path, handed: set[int], callees: set[int]
    ) -> list[str]:
        writers = self.writers
        if isinstance(node, ast.Call):
            target = scope.resolve(node.func, self.methods)
            if target not in writers or target in ALLOWED:
                return []
            first = node.args[0] if node.args else None
            first = first or next((k.value for k in node.keywords if k.arg == "store"), None)
            if isinstance(first, ast.Name) and first.id in scope.params():
                return []  # the store the work was handed
            return [f"{rel}:{node.lineno} calls {target} outside StoreOps.mutate"]
        if isinstance(node, ast.Lambda):
            if scope.functions[-1][0] in writers and id(node) not in handed:
                return [f"{rel}:{node.lineno} passes a lambda that writes, not to StoreOps.mutate"]
            return []
        if (
            isinstance(node, ast.Name | ast.Attribute)
            and isinstance(node.ctx, ast.Load)
            and id(node) not in callees
            and id(node) not in handed
        ):
            target = scope.resolve(node, self.methods)
            if target in writers and target not in ALLOWED and target != f"{STORE_CLASS}.session":
                return [
                    f"{rel}:{node.lineno} passes the writer {target} on, not to StoreOps.mutate"
                ]
        return []


@cache
def _package_source() -> Source:
    return Source()


def offences(extra: dict[str, str] | None = None) -> list[str]:
    return Guard(Source(extra) if extra else _package_source()).offences()


# -- the tests -------------------------------------------------------------------------------
def test_the_writers_are_found_wherever_they_are() -> None:
    writers = _package_source().writers()
    for name in (
        "ceopdesk.core.releases.service.update",
        "ceopdesk.core.contacts.lists.add_members",
        "ceopdesk.core.releases.workflow.set_status",
        "ceopdesk.core.demo.load_sample",
        "ceopdesk.documents.exporting.export_release",  # documents/ writes (a version)
    ):
        assert name in writers, name
    assert "ceopdesk.core.releases.service.get" not in writers


def test_no_ui_module_writes_the_store_outside_the_helper() -> None:
    assert offences() == []


PROBES = {
    "a core writer called with the view's store": (
        "from ..core.contacts import lists\n\n"
        "def f(self):\n    lists.create_list(self.store, 'x')\n",
        "4 calls ceopdesk.core.contacts.lists.create_list outside",
    ),
    "a writer of the ui's own, called on the UI thread": (
        "from ..core.contacts import lists\n\n"
        "class Panel:\n"
        "    def _make(self, store):\n        lists.create_list(store, 'x')\n\n"
        "    def clicked(self):\n        self._make(self.store)\n",
        "8 calls ceopdesk.ui._guard_probe.Panel._make outside",
    ),
    "a writer passed as a callback through partial": (
        "from functools import partial\n"
        "from ..core.contacts import lists\n"
        "from .operations import run_in_background\n\n"
        "def f(self):\n"
        "    run_in_background(self, partial(lists.create_list, self.store, 'x'))\n",
        "6 passes the writer ceopdesk.core.contacts.lists.create_list on",
    ),
    "a lambda that writes, its store smuggled in as a default": (
        "from PySide6.QtCore import QTimer\n"
        "from ..core.contacts import lists\n\n"
        "def f(self):\n"
        "    QTimer.singleShot(0, lambda store=self.store: lists.create_list(store, 'x'))\n",
        "5 passes a lambda that writes",
    ),
    "a nested function that writes, connected to a button": (
        "from ..core.contacts import lists\n\n"
        "def f(self, button):\n"
        "    def make(store):\n        lists.create_list(store, 'x')\n"
        "    button.clicked.connect(make)\n",
        "6 passes the writer ceopdesk.ui._guard_probe.f.make on",
    ),
}


def test_the_walk_would_catch_each_way_of_writing_on_the_ui_thread() -> None:
    probes = {f"ceopdesk.ui._guard_probe_{i}": code for i, (code, _) in enumerate(PROBES.values())}
    found = offences(probes)
    for i, (what, (_code, expected)) in enumerate(PROBES.items()):
        expected = expected.replace("_guard_probe.", f"_guard_probe_{i}.")
        assert any(f"_guard_probe_{i}.py:{expected}" in o for o in found), (what, found)


def test_handing_the_writer_to_mutate_is_fine() -> None:
    probe = (
        "from functools import partial\n"
        "from ..core.contacts import lists\n\n"
        "class Panel:\n"
        "    def _make(self, store):\n        return lists.create_list(store, 'x')\n\n"
        "    def _try(self, work):\n        self.ops.mutate(self, work, {'lists'})\n\n"
        "    def clicked(self):\n"
        "        self.ops.mutate(self, self._make, {'lists'})\n"
        "        self.ops.mutate(self, lambda store: lists.create_list(store, 'y'), {'lists'})\n"
        "        self.ops.mutate(self, fn=partial(lists.delete_list, name='z'), kinds=())\n"
        "        self._try(lambda store: lists.create_list(store, 'w'))\n"
    )
    assert [o for o in offences({"ceopdesk.ui._guard_probe": probe}) if "_guard_probe" in o] == []
