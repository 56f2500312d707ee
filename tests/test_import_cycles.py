"""No import cycle inside ``src/casebook``, lazy (function-level) imports included.

A cycle hidden behind an import inside a function still ties two modules together: neither can be
understood, tested or moved without the other. The graph is read from the source with ``ast`` (nothing is
imported), every ``import`` statement anywhere in a module counts, and ``from package import name``
points at the submodule ``package.name`` when there is one, else at the package. A module's
``if __name__ == "__main__":`` block is left out: it runs only when the file is run as a script, as
``__main__``, never when the module is imported (``python -m casebook.quiz.checked`` calls the
maintainer's tool that way).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


def module_files(root: Path) -> dict[str, tuple[Path, bool]]:
    """Each module's dotted name under ``root``, with its file and whether it is a package."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        modules[".".join(parts)] = (path, is_package)
    return modules


def _imported(node: ast.AST, package: str) -> Iterable[tuple[str, list[str]]]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name, []
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = package.split(".")
            base = base[: len(base) - (node.level - 1)]
            module = ".".join(base + ([node.module] if node.module else []))
        else:
            module = node.module or ""
        yield module, [alias.name for alias in node.names]


def _is_main_block(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.If)
        and isinstance(node.test, ast.Compare)
        and isinstance(node.test.left, ast.Name)
        and node.test.left.id == "__name__"
        and len(node.test.comparators) == 1
        and isinstance(node.test.comparators[0], ast.Constant)
        and node.test.comparators[0].value == "__main__"
    )


def import_graph(root: Path) -> dict[str, set[str]]:
    """Which modules under ``root`` each module imports, at any depth of its code."""
    modules = module_files(root)
    graph: dict[str, set[str]] = {}
    for name, (path, is_package) in modules.items():
        package = name if is_package else name.rpartition(".")[0]
        targets: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        tree.body = [node for node in tree.body if not _is_main_block(node)]
        for node in ast.walk(tree):
            for module, names in _imported(node, package):
                submodules = [f"{module}.{n}" for n in names if f"{module}.{n}" in modules]
                targets.update(submodules)
                if len(submodules) < len(names) or not names:
                    targets.add(module)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return sorted(found)


def test_casebook_has_no_import_cycle() -> None:
    graph = import_graph(SRC)
    assert "casebook.quiz.load" in graph and graph["casebook.quiz.load"], "the graph was not read"
    found = cycles(graph)
    assert not found, "import cycles in src/casebook (lazy imports count too):\n" + "\n".join(
        " <-> ".join(group) for group in found
    )


def test_no_module_a_lesson_imports_reaches_the_maintainer_tools() -> None:
    """``casebook.maintain`` (figure recording, data hashes, the README table, ``casebook lab``) is
    called by the ``casebook`` command and ``make``, never by the engine a lesson's kernel runs."""
    graph = import_graph(SRC)
    assert any(name.startswith("casebook.maintain.") for name in graph), "the maintainer package moved"
    users = sorted(
        name
        for name, targets in graph.items()
        if not name.startswith("casebook.maintain") and name != "casebook.cli"
        for target in targets
        if target == "casebook.maintain" or target.startswith("casebook.maintain.")
    )
    assert users == [], f"modules outside casebook.maintain that import it: {users}"


def _write(root: Path, files: Mapping[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "files",
    [
        # a lazy import inside a function closes the cycle
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "import pkg.b\n",
            "pkg/b.py": "def f():\n    from pkg import a\n",
        },
        # a relative import, three modules round
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from .b import x\n",
            "pkg/b.py": "from pkg.c import y\nx = 1\n",
            "pkg/c.py": "def g():\n    from . import a\ny = 2\n",
        },
        # a submodule importing a name its own package re-exports, which imports the submodule
        {"pkg/__init__.py": "from pkg.a import f\n", "pkg/a.py": "def f():\n    from pkg import g\n"},
    ],
)
def test_a_cycle_is_found(tmp_path: Path, files: Mapping[str, str]) -> None:
    _write(tmp_path, files)
    assert cycles(import_graph(tmp_path))


def test_a_script_block_is_no_cycle(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": 'import sys\nif __name__ == "__main__":\n    from pkg import b\n',
            "pkg/b.py": "from pkg import a\n",
        },
    )
    assert cycles(import_graph(tmp_path)) == []


def test_package_importing_its_submodules_is_no_cycle(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "from pkg.a import f\n",
            "pkg/a.py": "from pkg import b\ndef f():\n    return b.g()\n",
            "pkg/b.py": "def g():\n    return 1\n",
        },
    )
    assert cycles(import_graph(tmp_path)) == []
