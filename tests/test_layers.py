"""The house reads from its folders: the syndication core has a direction (piece ←
render ← networks ← delivery / views; api never imports a network's render), and an
import inside a function says why it is there (Django's app loading, a cycle that
cannot be cut, a heavy optional module). Issue 16.2 and its «done when»."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = (
    "accounts_registry",
    "cms",
    "moderation",
    "results",
    "sandbox",
    "syndication",
    "voice",
)
PROJECT = re.compile(rf"^(?:{'|'.join(APPS)})(?:\.|$)")


def _imports(path: Path, *, inside_functions_only: bool = False, names_only=False):
    """(line, module) of every project import in ``path``; relative imports resolved."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    source = path.read_text(encoding="utf-8")
    return _imports_of(
        source,
        package,
        inside_functions_only=inside_functions_only,
        names_only=names_only,
    )


def _imports_of(
    source: str, package: str, *, inside_functions_only=False, names_only=False
):
    """``names_only``: ``from a import b`` yields ``a.b`` alone (not ``a`` too)."""
    tree = ast.parse(source)
    nodes = (
        [
            sub
            for func in ast.walk(tree)
            if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef)
            for sub in ast.walk(func)
        ]
        if inside_functions_only
        else list(ast.walk(tree))
    )
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            names = [f"{module}.{a.name}" for a in node.names] if module else []
            # ``from syndication import content`` imports the module syndication.content
            if not (names_only and names):
                yield node.lineno, module
            for name in names:
                yield node.lineno, name


def _modules(folder: str):
    target = ROOT / folder
    return [target] if target.is_file() else sorted(target.rglob("*.py"))


# What each layer may import from the project (prefixes; anything else is a breach).
LAYERS = {
    "syndication/content.py": (),
    "syndication/render": (
        "syndication.content", "syndication.render", "syndication.exceptions",
        "cms.links", "cms.region",  # the site's URL and region helpers, no models
    ),
    "syndication/networks": (
        "syndication.content", "syndication.render", "syndication.networks",
        "syndication.exceptions",
    ),
    "syndication/api": (
        "syndication.api", "syndication.conf", "syndication.exceptions",
        "syndication.ratelimit", "syndication.render", "syndication.networks.registry",
        "cms.log_filters",
    ),
}  # fmt: skip


def _allowed(module: str, prefixes) -> bool:
    if module in ("syndication",):  # ``from syndication import content`` etc.
        return True
    return any(module == p or module.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("folder", sorted(LAYERS))
def test_the_syndication_core_has_a_direction(folder):
    breaches = []
    for path in _modules(folder):
        for line, module in _imports(path):
            if PROJECT.match(module) and not _allowed(module, LAYERS[folder]):
                breaches.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert breaches == []


def test_the_site_imports_nothing_of_the_apps_above_it():
    """cms (pages, blocks, the site's templates' tags) is below syndication, the
    registry and moderation: they read pages, the site reads none of them. The syndication
    choice joins the page form through a Wagtail hook, the poll's «vote here» links come
    from syndication's own tag library. The demo loader (cms/demo) composes them all."""
    breaches = []
    for path in _modules("cms"):
        if path.relative_to(ROOT).parts[1] in ("demo", "settings"):
            continue
        for line, module in _imports(path):
            if PROJECT.match(module) and not _allowed(module, ("cms",)):
                breaches.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert breaches == []


def test_the_layer_check_sees_a_breach_even_inside_a_function():
    source = (
        "from . import lines\ndef f():\n    from syndication.delivery import sending\n"
    )
    modules = [m for _, m in _imports_of(source, "syndication.render")]
    assert "syndication.render.lines" in modules
    breaches = [m for m in modules if not _allowed(m, LAYERS["syndication/render"])]
    assert breaches == ["syndication.delivery", "syndication.delivery.sending"]


# -- imports inside functions ----------------------------------------------------------
PRAGMA = re.compile(
    r"noqa(:\s*[A-Z]+[0-9]+(,\s*[A-Z]+[0-9]+)*)?|type:\s*ignore(\[[^]]*\])?"
    r"|fmt:\s*(skip|off|on)|pragma:\s*no\s*cover"
)


def _says_why(comment: str) -> bool:
    """A comment with words in it; a linter pragma (``# noqa: F401``) says nothing."""
    return len(PRAGMA.sub("", comment).strip("# -:").split()) >= 2


def _has_reason(lines: list[str], lineno: int) -> bool:
    """A comment on the import's line, or above it (over a block of imports)."""
    line = lines[lineno - 1]
    if "#" in line and _says_why(line[line.index("#") :]):
        return True
    index = lineno - 2
    while index >= 0:
        text = lines[index].strip()
        if text.startswith("#"):  # the whole comment block above says why
            block = []
            while index >= 0 and lines[index].strip().startswith("#"):
                block.append(lines[index].strip())
                index -= 1
            return _says_why(" ".join(block))
        if not (
            text.startswith(("import ", "from "))
            or text.endswith((",", "("))
            or text == ")"
        ):
            return False
        index -= 1
    return False


def unexplained_inner_imports() -> dict[str, int]:
    counts: dict[str, int] = {}
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            seen = {line for line, _ in _imports(path, inside_functions_only=True)}
            for line in seen:
                if not _has_reason(lines, line):
                    key = path.relative_to(ROOT).as_posix()
                    counts[key] = counts.get(key, 0) + 1
    return counts


def test_no_import_inside_a_function_without_a_reason():
    """Issue 16 «done when»: what is left inside a function says why next to it
    (Django app loading, a heavy module only one path needs, an optional Django)."""
    assert unexplained_inner_imports() == {}, (
        "an import inside a function needs a comment saying why (app loading, a "
        "heavy module), or move it to the top of the module"
    )


def test_an_import_inside_a_function_counts_unless_a_comment_says_why():
    source = (
        "def f():\n    import json\n"
        "def g():\n    # Django app loading: the handlers import the models.\n"
        "    from . import handlers\n"
        "def h():\n    import segno  # noqa: F401\n"
    )
    lines = source.splitlines()
    inner = sorted(
        {line for line, _ in _imports_of(source, "x", inside_functions_only=True)}
    )
    assert [line for line in inner if not _has_reason(lines, line)] == [2, 7]


# -- cycles ----------------------------------------------------------------------------
def _project_modules() -> dict[str, Path]:
    modules = {}
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _owner(name: str, modules) -> str | None:
    """The project module an imported name lives in (``a.b.func`` → ``a.b``)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph() -> dict[str, set[str]]:
    """Every project module and the project modules it imports, imports inside
    functions included: an import moved into a function hides a cycle, it does not
    remove it."""
    modules = _project_modules()
    graph = {}
    for module, path in modules.items():
        found = _imports(path, names_only=True)
        owners = {_owner(name, modules) for _, name in found}
        graph[module] = owners - {None, module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_the_cycle_check_sees_a_cycle_through_an_import_inside_a_function():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    source = "import os\ndef f():\n    from cms import models\n"
    assert {m for _, m in _imports_of(source, "cms", names_only=True)} == {
        "os",
        "cms.models",
    }


def test_no_import_cycle():
    """Issue 16.2: the six cycles there were (and the three that imports inside
    functions still hid: registry models ↔ history, the page form ↔ scheduling, the
    sandbox's webhooks ↔ its emulators) are gone; none may come back."""
    assert cycles(import_graph()) == []
