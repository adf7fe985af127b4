"""The house rules a newcomer relies on: imports run one way (ontology, queries <- ingest <- graph),
graph reaches ingest only through its border module, no import cycles, and small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("ontology", "queries", "ingest", "graph")  # installed as casckg.<folder>
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80
#: Functions allowed over the limit, each with the length it may not pass (none today).
TOO_LONG: dict[str, int] = {}


def _files() -> list[Path]:
    return sorted(p for folder in PACKAGES for p in (REPO / folder).rglob("*.py"))


def _module(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["casckg", *parts])


def _imports(path: Path) -> set[str]:
    """The project modules a file imports, at the top or inside functions; not those only for type checkers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    checking = {
        id(node)
        for branch in ast.walk(tree)
        if isinstance(branch, ast.If) and ast.unparse(branch.test) == "TYPE_CHECKING"
        for stmt in branch.body
        for node in ast.walk(stmt)
    }
    package = _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if id(node) in checking:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("casckg")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            if base.startswith("casckg"):
                found.add(base)
                found |= {f"{base}.{a.name}" for a in node.names}
    return found


def _graph() -> nx.DiGraph:
    modules = {_module(p): p for p in _files()}
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        for target in _imports(path):
            if target in modules and target != name:
                graph.add_edge(name, target)
    return graph


def test_no_import_cycles() -> None:
    graph = _graph()
    packages = {n for n in graph if (REPO / "/".join(n.split(".")[1:]) / "__init__.py").exists()}
    # a package's __init__ may gather its own modules; a cycle through a module and its own package is fine
    cycles = [
        c
        for c in nx.simple_cycles(graph)
        if not any(m in packages and any(o.startswith(m + ".") for o in c) for m in c)
    ]
    assert not cycles


def test_imports_run_one_way_and_graph_crosses_into_ingest_at_one_border() -> None:
    wrong = []
    for source, target in _graph().edges:
        if source.startswith(("casckg.ontology", "casckg.queries")) and target.startswith(
            ("casckg.ingest", "casckg.graph")
        ):
            wrong.append((source, target))
        if source.startswith("casckg.ingest") and target.startswith("casckg.graph"):
            wrong.append((source, target))
        if (
            source.startswith("casckg.graph")
            and target.startswith("casckg.ingest")
            and target != "casckg.ingest.contract"
        ):
            wrong.append((source, target))
    assert not wrong


def test_modules_and_functions_stay_small() -> None:
    over = {}
    for path in _files():
        rel = path.relative_to(REPO).as_posix()
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES:
            over[rel] = len(text.splitlines())
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    over[f"{rel}:{node.name}"] = length
    grown = {k: v for k, v in over.items() if v > TOO_LONG.get(k, 0)}
    assert not grown


def test_every_package_folder_is_installed() -> None:
    """An editable install imports any folder; a wheel holds only the packages pyproject lists, so a
    new subpackage left out of the list breaks every installed copy but no test run from the checkout."""
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {_module(p) for p in _files() if p.name == "__init__.py"}
    assert folders - listed == set()
