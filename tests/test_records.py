"""`factlint.records.dataclass` makes the classes `dataclasses.dataclass` makes, and compiles the
methods it writes once: from the saved table in a later process."""

from __future__ import annotations

import dataclasses
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factlint import records

SRC = Path(__file__).resolve().parent.parent / "src"


def _shapes(make):
    """The same class bodies, decorated by `make` (the standard decorator or factlint's)."""

    @make(frozen=True)
    class Point:
        x: int
        y: int = 0
        tags: tuple[str, ...] = ()
        note: str = dataclasses.field(default="", compare=False, repr=False)

    @make(frozen=True, order=True)
    class Version:
        major: int
        minor: int

    @make
    class Bag:
        items: list[int] = dataclasses.field(default_factory=list)

        def __post_init__(self) -> None:
            self.items.append(len(self.items))

    @make(frozen=True, eq=False)
    class Token:
        text: str

    return Point, Version, Bag, Token


def test_the_classes_behave_as_the_standard_ones():
    std = _shapes(dataclasses.dataclass)
    ours = _shapes(records.dataclass)
    for a, b in zip(std, ours):
        assert [f.name for f in dataclasses.fields(a)] == [f.name for f in dataclasses.fields(b)]
        assert a.__dataclass_params__.__repr__() == b.__dataclass_params__.__repr__()
    for a, b in zip(std, ours):  # the generated methods' annotations too (no future import leaks in)
        assert str(inspect.signature(a.__init__)) == str(inspect.signature(b.__init__))
        assert a.__init__.__annotations__ == b.__init__.__annotations__
    (p1, *_), (p2, v2, bag2, t2) = std, ours
    assert repr(p1(1, 2, ("a",), "n")).split("(", 1)[1] == repr(p2(1, 2, ("a",), "n")).split("(", 1)[1]
    assert p2(1, 2) == p2(1, 2, note="other") and p2(1, 2) != p2(2, 1)
    assert hash(p2(1, 2)) == hash(p2(1, 2, note="x"))
    assert dataclasses.replace(p2(1, 2), y=5) == p2(1, 5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p2(1).x = 3  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del p2(1).x  # type: ignore[misc]
    assert sorted([v2(2, 0), v2(1, 5), v2(1, 2)]) == [v2(1, 2), v2(1, 5), v2(2, 0)]
    assert bag2().items == [0] and bag2().items is not bag2().items
    t = t2("a")
    assert t != t2("a") and t == t and hash(t) == object.__hash__(t)


def test_the_dataclasses_module_is_left_as_it_was_found():
    records.dataclass(type("Plain", (), {"__annotations__": {"x": int}}))
    assert "exec" not in vars(dataclasses)


def test_decorating_inside_decorating_does_not_wait_for_itself():
    """`slots=True` makes the class again, which runs a base's `__init_subclass__`: a class
    decorated there is decorated while the first still is."""
    import threading

    made = []

    def define():
        class Base:
            def __init_subclass__(cls, **kwargs):
                super().__init_subclass__(**kwargs)

                @records.dataclass(frozen=True)
                class Inner:
                    x: int

                made.append(Inner(1))

        @records.dataclass(frozen=True, slots=True)
        class Outer(Base):
            y: int

        made.append(Outer(2))

    worker = threading.Thread(target=define, daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "decorating waited for itself"
    assert made and made[-1].y == 2


def test_a_text_in_the_table_is_not_compiled_again(monkeypatch):
    @records.dataclass(frozen=True)
    class Once:
        a: int
        b: str = "b"

    first = Once

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(records, "compile", refuse, raising=False)

    @records.dataclass(frozen=True)
    class Once:  # the same class body again: its texts are in the table
        a: int
        b: str = "b"

    assert Once is not first and Once(1) == Once(1, "b") and first(1) == first(1, "b")


def test_the_table_round_trips_and_a_bad_one_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)

    @records.dataclass(frozen=True)
    class Saved:
        only_in_this_test_a: int
        only_in_this_test_b: tuple[int, ...] = ()

    path = tmp_path / "cache" / "records.table"
    monkeypatch.setattr(records, "_fresh", [True])
    assert records.keep_compiled(str(path))
    table = records.load_table(str(path))
    assert any("only_in_this_test_a" in text for text in table)
    assert all(table[text].co_code == records._compiled[text].co_code for text in table)

    path.write_bytes(path.read_bytes()[:40])  # cut short
    assert records.load_table(str(path)) == {}
    path.write_bytes(b"something else entirely")
    assert records.load_table(str(path)) == {}
    assert records.load_table(str(tmp_path / "missing")) == {}


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() == 0, reason="permission bits do not bind root")
def test_a_table_others_can_write_is_neither_read_nor_written(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "records.table"
    monkeypatch.setattr(records, "_fresh", [True])
    assert records.keep_compiled(str(path))
    folder.chmod(0o777)
    assert records.load_table(str(path)) == {}
    path.unlink()
    monkeypatch.setattr(records, "_fresh", [True])
    assert not records.keep_compiled(str(path)) and not path.exists()


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.setattr(records, "_fresh", [True])
    assert not records.keep_compiled(str(tmp_path / "records.table"))
    assert not (tmp_path / "records.table").exists()


def test_after_a_run_the_next_process_compiles_none_of_the_methods(tmp_path):
    """The command keeps the table; a new process importing the whole command compiles nothing."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    env["PYTHONPATH"] = str(SRC)
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "bytecode")  # a table no earlier run wrote
    article = tmp_path / "a.txt"
    article.write_text("Nothing happened on Monday.\n", encoding="utf-8")
    (tmp_path / "facts.yaml").write_text("version: 1\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "factlint", "check", "--facts", "facts.yaml", str(article)],
        env=env, capture_output=True, text=True, cwd=tmp_path,
    )
    assert run.returncode in (0, 1), run.stderr
    probe = "import factlint.cli, factlint.runner, factlint.records as r; print(r._fresh[0], len(r._used))"
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, cwd=tmp_path)
    fresh, used = out.stdout.split()
    assert fresh == "False" and int(used) > 50, out.stdout + out.stderr
    assert list((tmp_path / "bytecode").rglob("records.*.table"))


def test_every_module_makes_its_classes_with_this_dataclass():
    """A module that took `dataclass` from `dataclasses` would compile its methods in every process."""
    import ast

    package = SRC / "factlint"
    offenders = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "records.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "dataclasses":
                if any(alias.name == "dataclass" for alias in node.names):
                    offenders.append(str(path.relative_to(package)))
            elif isinstance(node, ast.Attribute) and node.attr == "dataclass":
                if isinstance(node.value, ast.Name) and node.value.id == "dataclasses":
                    offenders.append(str(path.relative_to(package)))
    assert not offenders, f"use `from .records import dataclass` in: {offenders}"
