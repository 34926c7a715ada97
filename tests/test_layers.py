"""The house is one-way: every module of factlint sits on a floor, imports only from its own floor
or below, and no modules import each other in a circle. Read from the source with `ast` (imports
inside functions count too), so a lazy import cannot hide a wrong-way arrow."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "factlint"

# The floors, lowest first. A module is named by its dotted path inside the package ("" is the
# package itself); a name ending in ".*" stands for every module of that subpackage.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("_version", "errors", "model", "interval", "memo", "atomic", "records", "vocab", "plain", "firstchars", "patterns"),  # ground floor: no factlint imports above
    ("facts", "facts.*"),  # facts.yaml -> the facts model: pure data
    ("document",),  # an article read: source, prose view, offsets
    ("extract", "extract.phrases", "extract.sentences"),  # folding, words, sentences
    ("prose",),  # one document's text view
    ("extract.*", "normalize", "normalize.*"),  # extractors and normalizers
    ("compiled", "reference", "timex", "fact_examples", "views"),  # compiled facts; reference date; TIMEX3 view; text views read once
    ("analysis",),  # what the text says about the facts
    ("rules", "rules.*"),  # rules read the analysis
    ("engine",),  # runs the rules, makes findings
    ("suppress", "baseline", "fixes", "selection"),  # the decision point
    ("report", "runner", "cache", "starter", "suggest", "story"),  # runs over files, reports; drafts facts; the story stage
    ("formatters", "formatters.*"),  # render reports
    ("settings",),  # configuration merged with the command line
    ("", "cli", "server", "__main__"),  # the API, the command line and the language server: wiring only
)


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _floor(module: str) -> int:
    for level, names in enumerate(LAYERS):
        for name in names:
            if name == module or (name.endswith(".*") and module.startswith(name[:-1])):
                return level
    raise AssertionError(f"factlint.{module or '__init__'} is on no floor: add it to LAYERS in {__file__}")


def _imports(module: str, path: Path) -> set[str]:
    """The factlint modules `module` imports (relative or absolute, at any depth of the code)."""
    is_package = path.name == "__init__.py"
    package = module.split(".") if is_package else module.split(".")[:-1]
    if module == "":
        package = []
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "factlint" or alias.name.startswith("factlint."):
                    found.add(alias.name[len("factlint."):] if "." in alias.name else "")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                target = ".".join(base + ([node.module] if node.module else []))
            elif node.module and (node.module == "factlint" or node.module.startswith("factlint.")):
                target = node.module[len("factlint."):] if "." in node.module else ""
            else:
                continue
            for alias in node.names:  # `from . import x` imports the submodule x when there is one
                sub = f"{target}.{alias.name}" if target else alias.name
                found.add(sub if sub in MODULES else target)
    found.discard(module)
    return {m for m in found if m in MODULES}


GRAPH = {m: _imports(m, p) for m, p in MODULES.items()}


def test_every_module_is_on_a_floor():
    for module in MODULES:
        _floor(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_or_across_never_up(module):
    up = sorted(m for m in GRAPH[module] if _floor(m) > _floor(module))
    assert not up, f"factlint.{module} (floor {_floor(module)}) imports from higher floors: {up}"


def test_no_import_cycles():
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles = []

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for n in sorted(GRAPH[m]):
            if state.get(n) == 1:
                cycles.append(path[path.index(n):] + [n])
            elif n not in state:
                visit(n, path + [n])
        state[m] = 2

    for m in sorted(GRAPH):
        if m not in state:
            visit(m, [m])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_the_checker_sees_a_wrong_way_import(tmp_path):
    """The checks above can fail: a lazy import of the engine from the document is an arrow up."""
    source = "def f():\n    from .engine import Linter\n    return Linter\n"
    fake = tmp_path / "document.py"
    fake.write_text(source, encoding="utf-8")
    assert _imports("document", fake) == {"engine"} and _floor("engine") > _floor("document")
