"""The big patterns kept compiled between runs (factlint.patterns) and where the CLI keeps them."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import re
import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import patterns
from factlint.cli import _keep_compiled_patterns, user_cache_folder
from factlint.extract.dates import _STARTS_SOURCE, GRAMMAR

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


def test_a_guarded_pattern_is_kept_under_its_own_source_and_loaded_as_guarded(folder):
    source = r"(?:(?P<a>[0-9]+)\s+days|(?i:last)\s+(?P<b>week))"
    first = compile_now(source, regex.VERBOSE, guarded=True)
    (entry,) = _entries(folder)
    assert entry == Path(patterns._entry(str(folder), source, regex.VERBOSE, patterns._guard_kind())).name
    assert patterns._guard_kind().startswith("guarded-")  # keyed by the guarding code too
    assert first.pattern != source and "(?=" in first.pattern
    again = compile_now(source, regex.VERBOSE, guarded=True)
    assert again.pattern == first.pattern and again.match("Last  week").group("b") == "week"
    plain = compile_now(source, regex.VERBOSE)  # the same source unguarded: another entry
    assert plain.pattern == source and len(_entries(folder)) == 2
    (folder / entry).write_bytes(pickle.dumps(regex.compile("x")))  # an entry that is not (source, pattern)
    assert compile_now(source, regex.VERBOSE, guarded=True).pattern == first.pattern


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
    folder = tmp_path / "factlint"
    kept = sorted(n.name for n in folder.iterdir())
    for source, flags, kind in ((GRAMMAR, regex.VERBOSE, patterns._guard_kind()), (_PREFILTER_COMMON, 0, "")):  # the grammar and its prefilter
        assert Path(patterns._entry(str(folder), source, flags, kind)).name in kept
    assert sum(n.startswith("facts-") for n in kept) == 1  # the compiled facts (factlint.cache)
    # and the standard-library patterns the run compiled (`kept_re`)
    assert {n.split("-")[0] for n in kept} == {"pattern", "re", "facts", "CACHEDIR.TAG", ".gitignore"}
    again = run(["check", "seeds/001_01b98fe4deb5da6f.txt", "-q"], cwd=ROOT, env={"XDG_CACHE_HOME": str(tmp_path)})
    assert again.stdout == p.stdout
    off = run(["check", "seeds/001_01b98fe4deb5da6f.txt", "-q"], cwd=ROOT,
              env={"XDG_CACHE_HOME": str(tmp_path / "off"), "FACTLINT_NO_CACHE": "1"})
    assert off.stdout == p.stdout and not (tmp_path / "off").exists()


# A pattern both engines read alike (`common_form`), and the choice of engine per text (`Rented`)

def test_space_holds_the_white_space_of_both_engines():
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    space = re.compile("[" + patterns.SPACE + "]")
    for engine in (re, regex):
        assert all(space.match(ch) for ch in engine.findall(r"\s", every)), engine.__name__
    assert not space.match("a") and not space.match("_") and not space.match("-")


def test_the_common_form_writes_classes_out_and_refuses_what_it_cannot():
    assert patterns.common_form(r"a\s+b") == "a[" + patterns.SPACE + "]+b"
    assert patterns.common_form(r"[\s-]+x") == "[" + patterns.SPACE + "-]+x"
    assert patterns.common_form(r"the\s+\w+") == "the[" + patterns.SPACE + "]+[^" + patterns.SPACE + "]+"
    assert patterns.common_form(r"\.\\s[\]\s]") == r"\.\\s[\]" + patterns.SPACE + "]"  # escapes kept, "]" in a class
    for bad in (r"\bx", r"[\w]", r"\d"):
        with pytest.raises(ValueError):
            patterns.common_form(bad)


_PREFILTER_COMMON = patterns.common_form(_STARTS_SOURCE)
_BY_RE, _BY_STD = re.compile(_PREFILTER_COMMON), re.compile(_STARTS_SOURCE)
_BY_REGEX = compile_now(_PREFILTER_COMMON, 0)
_words = st.sampled_from(["the", "last", "year", "years", "two", "jan", "may", "1990s", "5", "'82", "about", "more", "than",
                          "at", "least", "of", "first", "quarter", "week", "monday", "every", "a", "half", "-", ",", "."])
_spaces = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\u2009", "\u3000", "\x1c", "\u200b", "\u0301", "x", ""])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_words, _spaces, st.text(max_size=3)), max_size=30).map("".join))
def test_the_prefilter_s_common_form_matches_alike_in_both_engines_and_loses_nothing(text):
    lower = text.lower()
    for pos in range(len(lower) + 1):
        by_re, by_regex = _BY_RE.match(lower, pos), _BY_REGEX.match(lower, pos)
        assert (by_re is None) == (by_regex is None), (lower, pos)
        if _BY_STD.match(lower, pos):  # as the standard library reads the source itself
            assert by_re is not None, (lower, pos)


def test_a_rented_pattern_is_the_kept_one_for_the_first_texts_then_the_standard_library_s(folder):
    rented = patterns.Rented(_PREFILTER_COMMON, rent_for=3)
    forms = [rented.for_text() for _ in range(5)]
    assert [isinstance(f, regex.Pattern) for f in forms] == [True, True, True, False, False]
    assert forms[3] is forms[4] and isinstance(forms[4], re.Pattern)
    assert any(n.startswith("pattern-") for n in _entries(folder))  # the rented form is the kept one


def test_without_a_folder_the_standard_library_s_form_is_used_at_once():
    patterns.keep_compiled_in(None)
    assert isinstance(patterns.Rented(r"a[0-9]", rent_for=64).for_text(), re.Pattern)


# Patterns compiled on first use (`lazy_re`, `lazy_regex`)

def test_a_lazy_pattern_compiles_on_first_use_and_matches_as_the_pattern_does():
    calls = []

    def make(source, flags):
        calls.append(source)
        return re.compile(source, flags)

    lazy = patterns._Lazy(r"a(b+)", re.I, make)
    assert calls == []  # nothing compiled yet
    assert lazy.match("ABB").group(1) == "BB" and lazy.pattern == "a(b+)" and lazy.flags & re.I
    assert lazy.findall("ab abbb") == ["b", "bbb"] and calls == ["a(b+)"]  # compiled once


def test_a_lazy_pattern_stays_the_object_its_module_holds():
    # `pattern is _DOUBLE_MARK` (a default argument against the module's global) must read the
    # same before and after the first use: the object is never swapped for the compiled pattern
    namespace = {"PAT": patterns.lazy_re(r"[0-9]+")}
    exec("def first(text, pattern=PAT):\n    return pattern is PAT, pattern.findall(text)\n", namespace)
    held = namespace["PAT"]
    assert namespace["first"]("a 12 b 3") == (True, ["12", "3"])
    assert namespace["first"]("7") == (True, ["7"]) and namespace["PAT"] is held
    assert type(held).__name__ == "_Compiled" and not hasattr(type(held), "__getattr__")


def test_a_lazy_pattern_pickles_as_its_source_and_flags():
    for lazy in (patterns.lazy_re(r"x\s+y", re.I), patterns.lazy_regex(r"(?r)\w+")):
        again = pickle.loads(pickle.dumps(lazy))
        assert again.pattern == lazy.pattern and again.flags == lazy.flags
        used = pickle.loads(pickle.dumps(lazy))  # pickled after use too
        assert repr(used) == repr(lazy)
    assert patterns.lazy_regex(r"(?r)\w+").search("hello world").group() == "world"


# Standard-library patterns kept compiled between runs (`kept_re`, `lazy_re`)

keep_now = patterns.kept_re.__wrapped__  # the function without its per-process memo
KEPT_SOURCES = [
    (r"(?P<day>[0-3]?[0-9])\s+(?P<month>[A-Z][a-z]+)", 0),
    (r"\b(?:since|after|before)\s+(?:the\s+)?\Z", re.IGNORECASE),
    (r"(?<![\w.,-])(?:about\s+)?(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?![\w.,]\d)(?!\w)", 0),
    (r"^[ \t]*(?P<label>Posted|Updated)\b.*$", re.M),
    (r"[“”\"]|(?<=\w)'(?=\w)", 0),
]


def _same_pattern(a, b):
    assert a.pattern == b.pattern and a.flags == b.flags and a.groups == b.groups and a.groupindex == b.groupindex


@pytest.mark.parametrize("source,flags", KEPT_SOURCES)
def test_a_kept_standard_pattern_is_written_once_then_built_from_its_entry(folder, source, flags):
    first = keep_now(source, flags)
    (entry,) = _entries(folder)
    assert entry.startswith("re-") and entry.endswith(".marshal")
    assert oct(os.stat(folder / entry).st_mode & 0o777) == "0o600"
    stamp = os.stat(folder / entry).st_mtime_ns
    again = keep_now(source, flags)
    assert os.stat(folder / entry).st_mtime_ns == stamp  # read, not written again
    assert isinstance(again, re.Pattern) and again is not first
    _same_pattern(again, re.compile(source, flags))
    _same_pattern(first, re.compile(source, flags))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab 0123,.'\"“”\nPosted Updated since the", max_size=60))
def test_a_kept_standard_pattern_matches_what_re_compile_does(text):
    patterns.keep_compiled_in(None)
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"factlint-kept-re-{os.getpid()}"
    patterns.keep_compiled_in(str(folder))
    try:
        for source, flags in KEPT_SOURCES:
            keep_now(source, flags)  # written (or read) ...
            built = keep_now(source, flags)  # ... and built from the entry
            plain = re.compile(source, flags)
            assert [(m.span(), m.groupdict()) for m in built.finditer(text)] == [(m.span(), m.groupdict()) for m in plain.finditer(text)]
    finally:
        patterns.keep_compiled_in(None)


def test_a_damaged_or_foreign_kept_entry_is_compiled_afresh(folder):
    source, flags = KEPT_SOURCES[0]
    keep_now(source, flags)
    (entry,) = _entries(folder)
    for damaged in (b"", b"\x00not marshal", __import__("marshal").dumps((source, (0, [1, 2, 3], 0, {}, (None,))))):
        (folder / entry).write_bytes(damaged)
        got = keep_now(source, flags)
        _same_pattern(got, re.compile(source, flags))
        assert got.match("30 August").groupdict() == {"day": "30", "month": "August"}
    (folder / entry).write_bytes(__import__("marshal").dumps(("another source", (0, [], 0, {}, (None,)))))
    _same_pattern(keep_now(source, flags), re.compile(source, flags))  # an entry of another source is not taken


def test_a_kept_entry_in_a_folder_others_can_write_to_is_not_read(folder):
    source, flags = KEPT_SOURCES[1]
    keep_now(source, flags)
    (entry,) = _entries(folder)
    (folder / entry).write_bytes(b"\x00not marshal")
    os.chmod(folder, 0o777)
    try:
        got = keep_now(source, flags)
        _same_pattern(got, re.compile(source, flags))
        assert (folder / entry).read_bytes() == b"\x00not marshal"  # neither read nor written
    finally:
        os.chmod(folder, 0o700)


def test_without_a_folder_a_kept_pattern_is_re_compile_s(tmp_path):
    patterns.keep_compiled_in(None)
    source, flags = KEPT_SOURCES[2]
    assert keep_now(source, flags) is re.compile(source, flags)  # the standard library's own (and its cache)
    assert list(tmp_path.iterdir()) == []


def test_a_lazy_kept_pattern_compiles_on_first_use_and_pickles_as_its_source(folder):
    lazy = patterns.lazy_re(r"(\d+)\s+(?:missiles?)", re.I)
    assert _entries(folder) == []  # nothing compiled yet
    assert lazy.search("launched 3 Missiles").group(1) == "3"
    assert len(_entries(folder)) == 1
    again = pickle.loads(pickle.dumps(lazy))
    assert again.pattern == lazy.pattern and again.flags == lazy.flags
