from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def bench_module(name: str):
    """`bench/<name>.py` imported for the life of a module-scoped fixture (`yield from` it)."""
    import importlib

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT / "bench"))
TESTS = ROOT / "tests"
SEEDS = ROOT / "seeds"
FACTS = ROOT / "facts.yaml"


def run(args: list[str], cwd: Path = ROOT, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m factlint ARGS` as a user would, capturing bytes."""
    e = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "factlint", *args], cwd=cwd, input=stdin, capture_output=True, env=e, timeout=120
    )


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run the CLI in-process from a folder: returns (exit status, stdout, stderr)."""
    from factlint.cli import main

    def call(args: list[str], cwd: Path = ROOT):
        monkeypatch.chdir(cwd)
        monkeypatch.setenv("NO_COLOR", "1")
        status = main(args)
        out, err = capsys.readouterr()
        return status, out, err

    return call


@pytest.fixture(autouse=True, scope="session")
def _a_cache_folder_of_the_tests_own(tmp_path_factory):
    """factlint keeps its compiled date grammar in the user's cache folder: the tests' runs (in
    this process and the ones they start) keep it in a folder of their own, never the user's."""
    folder = tmp_path_factory.mktemp("user-cache")
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")
