"""Install and pin: the install line `init` prints works, the version lives in one place, and the
CHANGELOG names it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from factlint._version import __version__
from factlint.starter import PRECOMMIT, Install, install_from, precommit

from .conftest import ROOT, run


def test_install_line_from_how_factlint_was_installed():
    assert install_from(None, "0.3.0") == Install("pip install factlint==0.3.0")
    vcs = {"url": "https://git.example.org/newsroom/factlint.git", "vcs_info": {"vcs": "git", "commit_id": "abc123"}}
    assert install_from(vcs, "0.3.0") == Install(
        "pip install git+https://git.example.org/newsroom/factlint.git@abc123", "https://git.example.org/newsroom/factlint.git", "abc123")
    local = {"url": "file:///home/ed/factlint", "dir_info": {"editable": True}}
    with_remote = install_from(local, "0.3.0", ("https://git.example.org/newsroom/factlint.git", "def456"))
    assert with_remote.pip == "pip install git+https://git.example.org/newsroom/factlint.git@def456"
    assert (with_remote.repo, with_remote.rev) == ("https://git.example.org/newsroom/factlint.git", "def456")
    bare = install_from(local, "0.3.0", (None, "def456"))
    assert bare.pip == "pip install /home/ed/factlint" and bare.repo is None
    assert "no git remote" in bare.note and "pip install ." in bare.note


def test_the_precommit_entry_pins_the_published_hooks_when_the_repository_is_known():
    pinned = precommit(Install("pip install git+https://x.example/f.git@abc123", "https://x.example/f.git", "abc123"))
    assert pinned.startswith("# install factlint where the hooks run (each clone, CI): pip install git+https://x.example/f.git@abc123\n")
    assert "#  - repo: https://x.example/f.git\n#    rev: abc123" in pinned
    assert yaml.safe_load(pinned) == yaml.safe_load(PRECOMMIT)  # the comments aside, the local hooks
    unpinned = precommit(Install("pip install /home/ed/factlint", note="no git remote"))
    assert "rev:" not in unpinned and "#   (no git remote)" in unpinned


@pytest.mark.slow
def test_init_prints_an_install_line_that_pip_accepts(tmp_path):
    p = run(["init", str(tmp_path)])
    assert p.returncode == 0, p.stderr
    said = next(l for l in p.stderr.decode().splitlines() if l.startswith("Install factlint where the hooks run: "))
    line = said.split(": ", 1)[1]
    assert p.stdout.decode().startswith(f"# install factlint where the hooks run (each clone, CI): {line}\n")
    assert line.startswith("pip install ") and "pip install factlint\n" not in p.stdout.decode()  # never the unpublished name alone
    # what pip makes of it, without installing anything
    dry = subprocess.run([sys.executable, "-m", *line.split(), "--dry-run", "--no-deps"], capture_output=True, timeout=600)
    assert dry.returncode == 0, dry.stderr.decode()[-2000:]
    assert f"Would install factlint-{__version__}" in dry.stdout.decode()


def test_the_version_is_in_one_place():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert not re.search(r"^version\s*=\s*\"", pyproject, re.M)  # no literal version in [project]
    assert 'dynamic = ["version"]' in pyproject and 'version = { attr = "factlint._version.__version__" }' in pyproject
    from importlib.metadata import version

    assert version("factlint") == __version__
    p = run(["--version"])
    assert p.stdout.decode().strip() == f"factlint {__version__}"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {__version__}" in changelog or "## Unreleased" in changelog


@pytest.mark.parametrize(
    "remote, expected",
    [
        ("https://github.com/newsroom/factlint.git", "https://github.com/newsroom/factlint.git"),
        ("git@github.com:newsroom/factlint.git", "ssh://git@github.com/newsroom/factlint.git"),
        ("example.org:repos/factlint", "ssh://example.org/repos/factlint"),
        ("/srv/git/factlint/.", "file:///srv/git/factlint"),  # a clone of a local repository
        ("../factlint", "file:///srv/work/factlint"),  # relative to the checkout it was set in
        ("/srv/my repos/factlint", "file:///srv/my%20repos/factlint"),
    ],
)
def test_a_git_remote_is_written_as_pip_reads_it(remote, expected):
    from factlint.starter import install_from, pip_git_url

    assert pip_git_url(remote, "/srv/work/clone") == expected
    line = install_from({"url": "file:///srv/work/clone", "dir_info": {}}, "0.2.0", (remote, "abc123")).pip
    assert line == f"pip install git+{expected}@abc123"
