"""The big patterns kept compiled between runs (factlint.patterns) and where the CLI keeps them."""

from __future__ import annotations

import os
import pickle

import pytest
import regex

from factlint import patterns
from factlint.cli import _keep_compiled_patterns, user_cache_folder
from factlint.extract.dates import GRAMMAR

from .conftest import ROOT, run

SOURCE = r"(?P<day>[0-3]?[0-9])\s+(?P<month>[A-Z][a-z]+)"
compile_now = patterns.compiled.__wrapped__  # the function without its per-process memo


@pytest.fixture
def folder(tmp_path):
    patterns.keep_compiled_in(str(tmp_path / "cache"))
    yield tmp_path / "cache"
    patterns.keep_compiled_in(None)


def _entries(folder):
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_pattern_is_written_once_then_loaded_compiled(folder):
    first = compile_now(SOURCE, regex.VERBOSE)
    (entry,) = _entries(folder)
    assert entry.startswith("pattern-") and entry.endswith(".pickle")
    assert oct(os.stat(folder / entry).st_mode & 0o777) == "0o600" and oct(os.stat(folder).st_mode & 0o777) == "0o700"
    stamp = os.stat(folder / entry).st_mtime_ns
    again = compile_now(SOURCE, regex.VERBOSE)
    assert os.stat(folder / entry).st_mtime_ns == stamp  # read, not written again
    assert again is not first and again.pattern == first.pattern and again.flags == first.flags
    assert again.match("30 August").groupdict() == {"day": "30", "month": "August"}


def test_another_source_or_flags_is_another_entry(folder):
    compile_now(SOURCE, 0)
    compile_now(SOURCE, regex.IGNORECASE)
    compile_now(SOURCE + "x", 0)
    assert len(_entries(folder)) == 3


def test_a_damaged_entry_is_compiled_afresh_and_written_again(folder):
    compile_now(SOURCE, 0)
    (entry,) = _entries(folder)
    (folder / entry).write_bytes(b"\x80\x05not a pickle")
    assert compile_now(SOURCE, 0).match("1 May")
    assert pickle.loads((folder / entry).read_bytes()).pattern == SOURCE


def test_a_pickle_of_anything_but_a_pattern_is_refused(folder):
    compile_now(SOURCE, 0)
    (entry,) = _entries(folder)
    (folder / entry).write_bytes(pickle.dumps(os.getcwd))  # a pickle that would call a function
    assert compile_now(SOURCE, 0).pattern == SOURCE
    assert pickle.loads((folder / entry).read_bytes()).pattern == SOURCE  # replaced by the pattern


def test_a_pattern_of_another_source_under_the_name_is_not_taken(folder):
    compile_now(SOURCE, 0)
    (entry,) = _entries(folder)
    (folder / entry).write_bytes(pickle.dumps(regex.compile("x")))
    assert compile_now(SOURCE, 0).pattern == SOURCE


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_a_folder_others_can_write_to_is_not_read(folder):
    compile_now(SOURCE, 0)
    (entry,) = _entries(folder)
    (folder / entry).write_bytes(pickle.dumps(regex.compile("planted")))
    os.chmod(folder, 0o777)
    assert compile_now(SOURCE, 0).pattern == SOURCE


def test_an_unwritable_folder_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    patterns.keep_compiled_in(str(blocker / "cache"))
    try:
        assert compile_now(SOURCE, 0).match("2 June")
    finally:
        patterns.keep_compiled_in(None)


def test_without_a_folder_nothing_is_written(tmp_path):
    patterns.keep_compiled_in(None)
    assert compile_now(SOURCE, 0).match("3 July")


def test_the_date_grammar_loaded_compiled_reads_what_the_compiled_one_does(folder):
    fresh = compile_now(GRAMMAR, regex.VERBOSE)
    loaded = compile_now(GRAMMAR, regex.VERBOSE)
    text = "On Wednesday, Aug. 30, 2023, and last month, the talks of 2019 resumed at 10:30 a.m."
    assert [m.span() for m in loaded.finditer(text)] == [m.span() for m in fresh.finditer(text)]
    assert loaded.groupindex == fresh.groupindex


def test_the_cli_keeps_them_in_the_user_cache_folder_unless_told_otherwise(tmp_path):
    env = {"HOME": "/home/ann"}
    assert user_cache_folder(env, "linux") == "/home/ann/.cache/factlint"
    assert user_cache_folder({**env, "XDG_CACHE_HOME": "/var/cache/ann"}, "linux") == "/var/cache/ann/factlint"
    assert user_cache_folder(env, "darwin") == "/home/ann/Library/Caches/factlint"
    assert user_cache_folder({"LOCALAPPDATA": "C:/Users/ann/AppData/Local"}, "win32") == os.path.join(
        "C:/Users/ann/AppData/Local", "factlint", "Cache")
    assert user_cache_folder({}, "linux") is None
    try:
        _keep_compiled_patterns({"HOME": str(tmp_path)}, None)
        assert patterns._folder[0] == os.path.join(str(tmp_path), ".cache", "factlint")
        _keep_compiled_patterns({"HOME": str(tmp_path)}, str(tmp_path / "mine"))
        assert patterns._folder[0] == str(tmp_path / "mine")  # --cache-dir
        _keep_compiled_patterns({"HOME": str(tmp_path), "FACTLINT_NO_CACHE": "1"}, str(tmp_path / "mine"))
        assert patterns._folder[0] is None
    finally:
        patterns.keep_compiled_in(None)


def test_a_check_run_leaves_the_grammar_in_the_cache_folder(tmp_path):
    p = run(["check", "seeds/001_01b98fe4deb5da6f.txt", "-q"], cwd=ROOT, env={"XDG_CACHE_HOME": str(tmp_path)})
    assert p.returncode in (0, 1), p.stderr
    assert [n.name[:8] for n in (tmp_path / "factlint").iterdir()] == ["pattern-"]
    again = run(["check", "seeds/001_01b98fe4deb5da6f.txt", "-q"], cwd=ROOT, env={"XDG_CACHE_HOME": str(tmp_path)})
    assert again.stdout == p.stdout
    off = run(["check", "seeds/001_01b98fe4deb5da6f.txt", "-q"], cwd=ROOT,
              env={"XDG_CACHE_HOME": str(tmp_path / "off"), "FACTLINT_NO_CACHE": "1"})
    assert off.stdout == p.stdout and not (tmp_path / "off").exists()
