"""pre-commit itself runs factlint's hooks from .pre-commit-hooks.yaml in a temporary git repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FACTS, ROOT, SEEDS, TESTS

pytestmark = pytest.mark.slow


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    """A git repository of articles with facts.yaml, and a pre-commit home shared by the tests."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("newsroom")
    shutil.copytree(SEEDS, repo / "seeds")
    shutil.copy(FACTS, repo / "facts.yaml")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "desk@example.invalid")
    _git(repo, "config", "user.name", "Desk")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "articles")
    home = tmp_path_factory.mktemp("pre-commit-home")
    return repo, home


def _try_repo(repo: Path, home: Path, hook: str, *files: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    args = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--color", "never"]
    args += ["--files", *files] if files else ["--all-files"]
    return subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def test_hook_passes_on_clean_seeds(newsroom):
    repo, home = newsroom
    p = _try_repo(repo, home, "factlint")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Passed" in p.stdout


def test_hook_fails_on_a_planted_error(newsroom):
    repo, home = newsroom
    shutil.copy(TESTS / "planted" / "001_visit_july21.txt", repo / "seeds" / "planted.txt")
    try:
        p = _try_repo(repo, home, "factlint", "seeds/planted.txt")
        assert p.returncode == 1, p.stdout + p.stderr
        assert "Failed" in p.stdout and "FL101" in p.stdout and "seeds/planted.txt:16:103" in p.stdout
    finally:
        (repo / "seeds" / "planted.txt").unlink()


def test_facts_hook_relints_the_corpus_when_facts_change(newsroom):
    repo, home = newsroom
    facts = repo / "facts.yaml"
    original = facts.read_text(encoding="utf-8")
    try:
        # A curation mistake in facts.yaml: every article that dates the visit now disagrees.
        facts.write_text(original.replace("date: 2023-07-27   # \"visit", "date: 2023-07-20   # \"visit"), encoding="utf-8")
        p = _try_repo(repo, home, "factlint-facts", "facts.yaml")
        assert p.returncode == 1, p.stdout + p.stderr
        assert "seeds/001_01b98fe4deb5da6f.txt:16:103: FL101" in p.stdout
        facts.write_text(original, encoding="utf-8")
        p = _try_repo(repo, home, "factlint-facts", "facts.yaml")
        assert p.returncode == 0, p.stdout + p.stderr
    finally:
        facts.write_text(original, encoding="utf-8")


def test_hooks_leave_out_untracked_drafts_readme_files_and_what_the_config_excludes(newsroom):
    repo, home = newsroom
    planted = (TESTS / "planted" / "001_visit_july21.txt").read_bytes()
    made = [repo / "desk" / "untracked.txt", repo / "drafts" / "next.txt", repo / "README.md", repo / "factlint.toml"]
    for f in made[:3]:
        f.parent.mkdir(exist_ok=True)
        f.write_bytes(planted)  # each would fail the hooks, were it linted
    made[3].write_text('exclude = ["drafts"]\n')
    _git(repo, "add", "README.md")  # tracked, but a README is no article
    try:
        p = _try_repo(repo, home, "factlint-facts", "facts.yaml")
        assert p.returncode == 0, p.stdout + p.stderr  # the untracked draft is not linted
        p = _try_repo(repo, home, "factlint", "drafts/next.txt")
        assert p.returncode == 0, p.stdout + p.stderr  # excluded by factlint.toml, though pre-commit names it
        p = _try_repo(repo, home, "factlint", "desk/untracked.txt")
        assert p.returncode == 1 and "desk/untracked.txt:16:103: FL101" in p.stdout, p.stdout + p.stderr
    finally:
        _git(repo, "rm", "-q", "--cached", "README.md")
        for f in made:
            f.unlink()
        for d in ("desk", "drafts"):
            (repo / d).rmdir()
