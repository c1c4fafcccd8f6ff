"""The package's shape: layers import one way, no cycles, small modules and functions.

Why a test: a back-edge (the lexicon importing the transliterator, say) is one line in a
function body and invisible in review; walking every import of every module, including
the deferred ones inside functions, makes it fail here instead.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "toolkit"

#: Low to high. A module may import its own subpackage and any lower layer, never a
#: sibling in the same layer or anything above. ``toolkit/__init__.py`` (lazy exports of
#: the public API) stands above everything.
LAYERS: dict[str, int] = {
    "resources": 0,
    "parallel": 0,
    "lazy": 0,
    "normalize": 0,
    "lexdata": 1,
    "word_translation": 1,
    "lexicon": 2,
    "translit": 2,
    "ner": 2,
    "extract": 3,
    "align": 3,
    "corpus": 3,
    "defaults": 3,
    "entities": 4,
    "review": 5,
    "cli": 6,
}
#: Plain modules every layer may use (no toolkit imports of their own).
LEAVES = {"resources", "parallel", "lazy"}

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if path.name != "__init__.py":
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(module: str, path: Path) -> list[tuple[str, list[str], int]]:
    """(imported module, names taken from it, line) for every import in the file."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names if a.name.startswith("toolkit")]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, path, node)
            if target.startswith("toolkit"):
                out.append((target, [a.name for a in node.names], node.lineno))
    return out


def _top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


MODULES = _modules()


def test_every_top_level_part_has_a_layer():
    missing = sorted({_top(m) for m in MODULES if _top(m)} - set(LAYERS))
    assert not missing, f"add these to LAYERS: {missing}"


def test_imports_follow_the_layer_order():
    bad = []
    for module, path in MODULES.items():
        src = _top(module)
        if not src:  # toolkit/__init__.py: the public API, above every layer
            continue
        for target, names, line in _imports(module, path):
            dst = _top(target)
            if target == "toolkit":  # `from toolkit import x`: resolve the names
                bad.append(f"{path.name}:{line} imports the package root")
                continue
            if dst == src or dst in LEAVES:
                continue
            if LAYERS[dst] >= LAYERS[src]:
                bad.append(f"{module}:{line} -> {target} ({src} {LAYERS[src]} -> {dst} {LAYERS[dst]})")
    assert not bad, "imports against the layer order:\n" + "\n".join(bad)


def test_no_import_cycles():
    graph: dict[str, set[str]] = defaultdict(set)
    for module, path in MODULES.items():
        for target, names, _ in _imports(module, path):
            if target in MODULES and target != module:
                graph[module].add(target)
            for name in names:  # `from .pkg import submodule`
                sub = f"{target}.{name}"
                if sub in MODULES and sub != module:
                    graph[module].add(sub)
    # a package's __init__ re-exporting its own modules is not a cycle of code
    for module in list(graph):
        graph[module] = {t for t in graph[module] if not (module.startswith(t + ".") and t in MODULES)}
    seen: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(node: str) -> None:
        seen[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if seen.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in seen:
                visit(nxt)
        stack.pop()
        seen[node] = 2

    for module in sorted(MODULES):
        if module not in seen:
            visit(module)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_no_private_names_imported_across_modules():
    bad = []
    for module, path in MODULES.items():
        for target, names, line in _imports(module, path):
            for name in names:
                if name.startswith("_") and not name.startswith("__") and target != module:
                    bad.append(f"{module}:{line} takes {target}.{name}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_and_function_sizes(module):
    path = MODULES[module]
    src = path.read_text(encoding="utf-8")
    lines = src.count("\n")
    assert lines <= MAX_MODULE_LINES, f"{path} has {lines} lines"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(src))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{path}: {long}"


def test_the_checker_sees_a_back_edge(tmp_path):
    """The walker must notice a deferred import inside a function body."""
    fake = tmp_path / "toolkit" / "lexicon" / "x.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("def f():\n    from ..translit import Transliterator\n")
    (target, _, line), = _imports("toolkit.lexicon.x", fake)
    assert target == "toolkit.translit" and line == 2
    assert LAYERS[_top(target)] >= LAYERS["lexicon"]
