"""Bad input, as a hostile or careless user gives it (issue 14): every case is a clear message naming
the file (and line), exit status 2 or a per-file error while the other files go on, never a
traceback, never a hang, nothing overwritten; the same at `--jobs 1` and `--jobs 2`; time in
proportion to the input."""

from __future__ import annotations

import gc
import json
import os
import pickle
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import FactsError, parse_facts
from factlint.errors import FileError, InputError

from .conftest import FACTS, run

GOOD = "On Feb. 30, 2023 nothing happened.\n"
SLOW_FACTS = "version: 1\nevents:\n  - id: slow-event\n    what: x\n    date: 2023\n    mentions: [{regex: '(a|aa)+$'}]\n"


def _no_traceback(p) -> None:
    assert b"Traceback" not in p.stderr and b"Traceback" not in p.stdout, p.stderr.decode()[-2000:]


# ------------------------------------------------------------------ per-file errors, --jobs 1 and 2


def _bad_folder(tmp_path: Path) -> Path:
    """A folder holding one of each bad article, and one good one."""
    (tmp_path / "facts.yaml").write_text(SLOW_FACTS)
    (tmp_path / "factlint.toml").write_text("regex-timeout = 0.2\n")
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "latin1.txt").write_bytes("caf\u00e9 on July 27".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "slow.txt").write_text("a" * 40 + "b\n")
    os.symlink("nowhere.txt", tmp_path / "broken.txt")
    os.mkfifo(tmp_path / "fifo.txt")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    os.symlink("/dev/null", tmp_path / "null.md")
    return tmp_path


BAD_MESSAGES = (
    "latin1.txt:1:4: not UTF-8: byte 0xe9 cannot be decoded; save the file as UTF-8",
    "binary.txt:3:1: binary file (NUL byte found); expected UTF-8 text",
    "slow.txt:1:1: regex of fact slow-event ran past its time limit: '(a|aa)+$' (facts.yaml)",
    "broken.txt:1:1: broken symbolic link",
    "fifo.txt:1:1: is a named pipe (FIFO), not a regular file; factlint reads only regular files",
    "zero.txt:1:1: is a character device, not a regular file; factlint reads only regular files",
    "null.md:1:1: is a character device, not a regular file",
    "missing.txt:1:1: no such file or folder",
    "named-broken.txt:1:1: broken symbolic link",
)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_every_bad_article_is_a_per_file_error(tmp_path, jobs):
    folder = _bad_folder(tmp_path)
    os.symlink("gone.txt", folder / "named-broken.txt")
    p = run(["check", ".", "missing.txt", "named-broken.txt", "--format", "concise", "--jobs", jobs], cwd=folder)
    _no_traceback(p)
    assert p.returncode == 2
    out, err = p.stdout.decode(), p.stderr.decode()
    assert "good.txt:1:4: FL103 " in out  # the good file was still linted
    for message in BAD_MESSAGES:
        assert message in err
    assert "9 files could not be read" in out.splitlines()[-1]


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif"])
def test_bad_inputs_report_the_same_at_jobs_1_and_2(tmp_path, fmt):
    folder = _bad_folder(tmp_path)
    one = run(["check", ".", "missing.txt", "--format", fmt, "--jobs", "1"], cwd=folder)
    two = run(["check", ".", "missing.txt", "--format", fmt, "--jobs", "2"], cwd=folder)
    _no_traceback(two)
    assert (one.returncode, one.stdout, one.stderr) == (two.returncode, two.stdout, two.stderr)
    assert one.returncode == 2


def test_file_errors_are_plain_records_that_pickle():
    e = InputError("a.txt", "not UTF-8", line=3, col=4)
    again = pickle.loads(pickle.dumps(e))
    assert (again.path, again.detail, again.line, again.col, str(again)) == ("a.txt", "not UTF-8", 3, 4, "a.txt:3:4: not UTF-8")
    record = e.record
    assert record == FileError("a.txt", "not UTF-8", 3, 4) and pickle.loads(pickle.dumps(record)) == record
    assert str(record) == str(e)


# ------------------------------------------------------------------ only regular files, bounded reads


def test_devices_and_fifos_named_on_the_command_line_are_refused_without_reading(tmp_path):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    os.mkfifo(tmp_path / "pipe.md")
    p = run(["check", "/dev/zero", "pipe.md", "--format", "concise"], cwd=tmp_path)
    _no_traceback(p)
    assert p.returncode == 2
    assert "/dev/zero:1:1: is a character device, not a regular file" in p.stderr.decode()
    assert "pipe.md:1:1: is a named pipe (FIFO), not a regular file" in p.stderr.decode()
    for command in (["dates", "/dev/zero"], ["quotes", "pipe.md"]):
        p = run(command, cwd=tmp_path)
        _no_traceback(p)
        assert p.returncode == 2 and b"not a regular file" in p.stderr


def test_standard_input_is_read_only_up_to_the_limit(tmp_path):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    p = run(["check", "-", "--stdin-filename", "big.txt", "--format", "concise"], cwd=tmp_path, stdin=b"a" * (20 * 1024 * 1024 + 10))
    _no_traceback(p)
    assert p.returncode == 2
    assert "big.txt:1:1: file is more than 20,971,520 bytes; factlint reads articles up to 20,971,520 bytes" in p.stderr.decode()


def test_a_regular_file_is_never_read_past_the_limit(tmp_path):
    from factlint.runner import _read_bytes, read_limited

    class Endless:
        """A stream that would never end, counting what is read of it."""

        read_so_far = 0

        def read(self, n=-1):
            assert n >= 0, "read without a bound"
            self.read_so_far += n
            return b"a" * n

    stream = Endless()
    with pytest.raises(InputError, match="more than 20,971,520 bytes"):
        read_limited(stream, "endless.txt")
    assert stream.read_so_far == 20 * 1024 * 1024 + 1
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (20 * 1024 * 1024 + 1))
    with pytest.raises(InputError, match="file is 20,971,521 bytes"):
        _read_bytes(str(big), "big.txt")


def test_reports_and_baselines_never_overwrite_what_is_linted(cli, tmp_path):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "factlint.toml").write_text('fail-on = "error"\n')
    (tmp_path / "articles").mkdir()
    article = tmp_path / "articles" / "a.txt"
    article.write_text(GOOD)
    (tmp_path / "articles" / "latin1.txt").write_bytes(b"caf\xe9\n")
    os.link(article, tmp_path / "hard-link.json")
    protected = {
        "articles/a.txt": article,  # found by walking the folder
        "articles/latin1.txt": tmp_path / "articles" / "latin1.txt",  # unreadable, still an article
        "hard-link.json": article,  # the same file under another name
        "facts.yaml": tmp_path / "facts.yaml",
        "factlint.toml": tmp_path / "factlint.toml",
    }
    before = {name: f.read_bytes() for name, f in protected.items()}
    for name in protected:
        for option in ("-o", "--write-baseline"):
            status, _, err = cli(["check", "articles", option, name], cwd=tmp_path)
            assert status == 2 and "refusing to overwrite an input file" in err, (name, option)
    assert {name: f.read_bytes() for name, f in protected.items()} == before
    assert sorted(os.listdir(tmp_path / "articles")) == ["a.txt", "latin1.txt"]  # no temporary file left
    status, _, _ = cli(["check", "articles", "-o", "report.txt"], cwd=tmp_path)  # a new file is fine
    assert status == 2 and (tmp_path / "report.txt").read_text().startswith("articles/a.txt:1:4: FL103")


# ------------------------------------------------------------------ settings that cannot switch checking off


@pytest.mark.parametrize(
    "args",
    [["--select", "FL999"], ["--ignore", "FL9"], ["--extend-select", "FL1,FL5"], ["--ignore", "fl8"], ["--select", "FL1", "--select", "FL60"]],
)
def test_unknown_rule_codes_on_the_command_line_exit_2_listing_the_rules(cli, tmp_path, args):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "a.txt").write_text(GOOD)
    status, out, err = cli(["check", "a.txt", *args], cwd=tmp_path)
    assert status == 2 and out == ""
    assert "no rule starts with it" in err and "FL001, FL002, FL101" in err and "FL403" in err


@pytest.mark.parametrize(
    "config",
    ['select = ["FL999"]\n', 'ignore = ["FL1", "FL7"]\n', 'extend-select = ["FL5"]\n', '[severity]\nFL9 = "info"\n',
     '[per-file-ignores]\n"wire/*" = ["FL8"]\n'],
)
def test_unknown_rule_codes_in_the_configuration_exit_2(cli, tmp_path, config):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "factlint.toml").write_text(config)
    (tmp_path / "a.txt").write_text(GOOD)
    status, out, err = cli(["check", "a.txt"], cwd=tmp_path)
    assert status == 2 and "factlint.toml:" in err and "no rule starts with it" in err


def test_known_prefixes_are_still_accepted(cli, tmp_path):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "a.txt").write_text(GOOD)
    for args in (["--select", "FL0,FL1"], ["--ignore", "FL4"], ["--select", "ALL"], ["--extend-select", "FL403"], ["--select", "FL"]):
        status, out, err = cli(["check", "a.txt", "--format", "concise", *args], cwd=tmp_path)
        assert status == 1 and "FL103" in out, (args, err)


@pytest.mark.parametrize(
    "comment,problem",
    [
        ("<!-- factlint: disable[FL4 -->", "with its brackets closed"),
        ("<!-- factlint: disable[FL1 -->", "with its brackets closed"),
        ("<!-- factlint: ignore FL103 -->", "rule codes go in brackets: expected ignore[FL103]"),
        ("<!-- factlint: disable FL1, FL2 -->", "rule codes go in brackets: expected disable[FL1,FL2]"),
        ("<!-- factlint: ignore: fl103 checked -->", "rule codes go in brackets: expected ignore[FL103]"),
        ("<!-- factlint: disable[FL1]] -->", "with its brackets closed"),
    ],
)
def test_a_suppression_that_does_not_parse_is_fl002_and_silences_nothing(cli, tmp_path, comment, problem):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "a.md").write_text(f"{comment}\n{GOOD}\nOn Feb. 31, 2023 neither.\n")
    status, out, _ = cli(["check", "a.md", "--format", "concise", "-q"], cwd=tmp_path)
    lines = out.splitlines()
    assert status == 1
    assert lines[0].startswith("a.md:1:1: FL002 invalid suppression: ") and problem in lines[0]
    assert [line.split()[1] for line in lines[1:]] == ["FL103", "FL103"]  # nothing silenced


def test_a_suppression_with_a_reason_and_no_codes_still_covers_every_rule(cli, tmp_path):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "a.md").write_text(f"<!-- factlint: ignore the agency's own date -->\n{GOOD}")
    status, out, _ = cli(["check", "a.md", "--format", "concise", "-q"], cwd=tmp_path)
    assert status == 0 and out == ""


@pytest.mark.parametrize(
    "pyproject,where",
    [
        ('[project]\nname = "x"\n\n[tool.factlint\nselect = ["FL1"]\n', "pyproject.toml:4:15: invalid TOML"),
        ('[project]\nname = "x"\n\n[tool.factlint]\nselect = ["FL1"\n', "pyproject.toml:5: invalid TOML"),
        ('[tool.factlint.severity]\nFL1 = \n', "pyproject.toml:2:7: invalid TOML"),
    ],
)
def test_a_broken_factlint_table_in_pyproject_is_a_config_error(tmp_path, pyproject, where):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "pyproject.toml").write_text(pyproject)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(GOOD)
    p = run(["check", "a.txt"], cwd=tmp_path / "sub")  # found upward, not named
    _no_traceback(p)
    assert p.returncode == 2 and where in p.stderr.decode() and p.stdout == b""


@pytest.mark.parametrize("pyproject", ["[tool.black\nline-length = 1\n", "tool = 3\n", "[tool]\nfactlint = 1\n"])
def test_a_pyproject_of_another_tool_is_left_alone_or_named(cli, tmp_path, pyproject):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "pyproject.toml").write_text(pyproject)
    (tmp_path / "a.txt").write_text(GOOD)
    status, out, err = cli(["check", "a.txt", "--format", "concise", "-q"], cwd=tmp_path)
    if "factlint" in pyproject:
        assert status == 2 and "[tool.factlint] must be a table" in err
    else:
        assert status == 1 and "FL103" in out


@pytest.mark.parametrize("kind", ["missing", "folder", "fifo"])
def test_facts_and_config_files_that_are_not_files_exit_2(cli, tmp_path, kind):
    (tmp_path / "a.txt").write_text(GOOD)
    name = {"missing": "nope.yaml", "folder": "folder", "fifo": "fifo.yaml"}[kind]
    if kind == "folder":
        (tmp_path / name).mkdir()
    elif kind == "fifo":
        os.mkfifo(tmp_path / name)
    expected = {"missing": "file not found (no such file)", "folder": "is a folder; expected the", "fifo": "is not a regular file"}[kind]
    for command in (["check", "a.txt", "--facts", name], ["check", "a.txt", "--config", name], ["dates", "a.txt", "--facts", name],
                    ["quotes", "a.txt", "--facts", name], ["facts", "validate", name], ["facts", "test", name],
                    ["check", "a.txt", "--facts", name, "--cache-dir", "cache"]):
        if kind == "fifo":  # in a process of its own: were the FIFO opened, the run would wait for a writer
            p = run(command, cwd=tmp_path)
            _no_traceback(p)
            status, err = p.returncode, p.stderr.decode()
        else:
            status, _, err = cli(command, cwd=tmp_path)
        assert status == 2 and f"factlint: {name}: " in err and expected in err, command


# ------------------------------------------------------------------ no traceback


RELATIVE = (
    "Two days ago it rained, and last month too. Next year, in two weeks, on Monday, tomorrow, yesterday, "
    "this week, next month, last year, last week, next Tuesday, this weekend, last quarter, this summer, "
    "next spring, earlier this month, this past March, Last December, on July 27, in July, mid-July, "
    "Thursday night, this morning, a decade ago, three years ago, the first half of next year, "
    "October of next year, late next year. Shoigu's visit to Pyongyang on July 29 was last month.\n"
)


@pytest.mark.parametrize("reference", ["0001-01-01", "0001-01-07", "0001-12-31", "9999-01-01", "9999-12-31"])
def test_reference_dates_at_the_calendar_edge(tmp_path, reference):
    (tmp_path / "a.txt").write_text(RELATIVE)
    p = run(["check", "a.txt", "--facts", str(FACTS), "--reference-date", reference, "--format", "json"], cwd=tmp_path)
    _no_traceback(p)
    assert p.returncode in (0, 1) and json.loads(p.stdout)["files"][0]["reference_date"] == reference
    p = run(["dates", "a.txt", "--reference-date", reference, "--format", "json"], cwd=tmp_path)
    _no_traceback(p)
    values = [d["value"] for d in json.loads(p.stdout)["dates"]]
    assert p.returncode == 0 and len(values) > 20


@pytest.mark.parametrize("front", ["0001-01-01", "9999-12-31", "2023-02-30", "0000-01-01", "10000-01-01", "2023-13-01"])
def test_front_matter_dates_out_of_range_or_impossible(tmp_path, front):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "a.md").write_text(f"---\ndate: {front}\n---\n{RELATIVE}")
    p = run(["check", "a.md", "--format", "json"], cwd=tmp_path)
    _no_traceback(p)
    assert p.returncode in (0, 1)
    found = json.loads(p.stdout)["files"][0]["reference_date"]
    assert found == (front if front in ("0001-01-01", "9999-12-31") else None)


def test_front_matter_timestamps_still_give_the_reference_date(tmp_path):
    from factlint.reference import read_article

    for value in ("2023-09-01", "2023-09-01 16:51:00", "2023-09-01T16:51:00+09:00", "'2023-09-01'"):
        doc = read_article("a.md", f"---\ndate: {value}\n---\nText.\n".encode())
        assert (doc.reference_date, doc.reference_origin) == (date(2023, 9, 1), "front matter 'date'"), value


def test_dates_outside_the_calendar_are_left_unresolved():
    from factlint.extract.dates import find_dates
    from factlint.normalize.dates import OUT_OF_RANGE, resolve
    from factlint.prose import Prose

    exprs = find_dates(Prose.of(RELATIVE))
    for ref in (date.min, date.max):
        out = [resolve(e, ref) for e in exprs]
        assert any(r.unresolved == OUT_OF_RANGE for r in out)
        assert all(r.interval is None or date.min <= r.interval.first <= r.interval.last <= date.max for r in out)


def test_figures_of_hundreds_of_digits(tmp_path):
    (tmp_path / "facts.yaml").write_text(
        "version: 1\nclaims:\n  - id: c\n    statement: the army fired two missiles at the border\n"
        "    supports: [the army fired two missiles at the border]\n    figure: {value: 2, unit: missiles}\n"
    )
    text = "".join(f"The army fired {n} missiles at the border.\n\n" for n in
                   ("9" * 309, "9" * 400, "1" * 309 + ".5", "1," + "000," * 110 + "000", "9" * 320 + " million", "three"))
    (tmp_path / "a.txt").write_text(text)
    for fmt in ("text", "json", "sarif", "html"):
        p = run(["check", "a.txt", "--format", fmt], cwd=tmp_path)
        _no_traceback(p)
        assert p.returncode == 1


def test_runaway_regexes_in_facts_test_and_quotes(tmp_path):
    (tmp_path / "facts.yaml").write_text(
        SLOW_FACTS + "    tests: {match: [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab], no_match: [b]}\n"
    )
    p = run(["facts", "test"], cwd=tmp_path)
    _no_traceback(p)
    out = p.stdout.decode()
    assert p.returncode == 2
    assert "facts.yaml:7: event slow-event: regex of fact slow-event ran past its time limit: '(a|aa)+$', on the example 'aaaa" in out
    assert out.splitlines()[-1] == "1 passed, 1 failed (2 examples in facts.yaml)"
    (tmp_path / "a.txt").write_text("a" * 40 + "b\n")
    (tmp_path / "b.txt").write_text("“We will see,” Kirby said.\n")
    p = run(["quotes", "a.txt", "b.txt"], cwd=tmp_path)
    _no_traceback(p)
    assert p.returncode == 2
    assert "a.txt:1:1: regex of fact slow-event ran past its time limit: '(a|aa)+$' (facts.yaml)" in p.stderr.decode()
    assert "We will see," in p.stdout.decode()  # the other file is still listed


# ------------------------------------------------------------------ YAML aliases


def _alias_chain(levels: int, width: int = 2) -> str:
    lines = ["version: 1", "story: &a0 x"]
    lines += [f"n{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_yaml_alias_expansion_is_bounded_with_a_clear_error():
    for doc in (_alias_chain(9, width=10), _alias_chain(400)):
        with pytest.raises(FactsError, match="aliases expand the file by more than 100,000 nodes") as info:
            parse_facts(doc)
        assert info.value.problems[0].line > 2
    with pytest.raises(FactsError, match=r"facts.yaml:2:\d+: invalid YAML: an alias inside its own anchor"):
        parse_facts("version: 1\nstory: &s [*s]\n")


def test_a_few_aliases_are_still_fine():
    facts = parse_facts(
        "version: 1\npeople:\n  - {id: a, name: Ann Lee, titles: &t [spokesperson, minister]}\n"
        "  - {id: b, name: Bo Park, titles: *t}\n"
    )
    assert [len(p.titles) for p in facts.people] == [2, 2]


# ------------------------------------------------------------------ time in proportion to the input


def _best_time(fn, arg, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()  # start each run from the same heap: no collection owed by the run before
        t = time.perf_counter()
        fn(arg)
        best = min(best, time.perf_counter() - t)
    return best


def _ratio(fn, make, n: int, repeat: int = 2) -> float:
    """How much longer `fn` takes on `make(2 n)` than on `make(n)` (best of `repeat` each)."""
    fn(make(n // 10))  # warm up: compile the patterns, load the tables
    return _best_time(fn, make(2 * n), repeat) / _best_time(fn, make(n), repeat)


@pytest.fixture(scope="module")
def lint():
    from factlint import lint_text, load_facts

    facts = load_facts(FACTS)
    return lambda text: lint_text(text, facts, path="a.txt", reference_date=date(2023, 9, 1))


def test_one_long_paragraph_takes_linear_time(lint):
    sentence = ("On Wednesday, the minister said talks were “actively advancing,” and Shoigu's visit to "
                "Pyongyang was in July; North Korea launched two short-range ballistic missiles. ")
    assert _ratio(lint, lambda n: sentence * n + "\n", 1000) < 3


def test_many_quotes_on_one_line_take_linear_time(lint):
    unit = "“We will see,” he said, 'maybe' and \"perhaps\" — ‘odd’ she added "
    assert _ratio(lint, lambda n: unit * n + "\n", 2000) < 3


def test_yaml_alias_fan_out_takes_linear_time():
    def load(doc: str) -> None:
        # as `factlint check` loads facts.yaml: with the cyclic collector paused (cli._long_lived),
        # whose full collections over a growing heap of YAML nodes are no part of the loader's cost
        gc.disable()
        try:
            with pytest.raises(FactsError, match="aliases expand the file"):
                parse_facts(doc)
        finally:
            gc.enable()

    assert _ratio(load, lambda n: _alias_chain(n), 20000, repeat=3) < 3


# ------------------------------------------------------------------ the linear versions find the same


def _single_quotes_reference(text, doubles, paragraphs):
    """The quadratic `_single_quotes` of before, kept to check the bisecting one against."""
    from factlint.extract.quotes import Quote, Segment, _single_close, _single_openers

    out = []
    inside = [(s.start, s.end) for q in doubles for s in q.segments]
    for i in _single_openers(text):
        p_end = next(e for s, e in paragraphs if s <= i <= e)
        j = _single_close(text, i + 1, min(p_end, i + 200))
        if j is None:
            continue
        nested = any(s <= i and j < e for s, e in inside)
        if not nested and any(s <= i < e for s, e in inside):
            continue
        out.append(Quote(i, j + 1, (Segment(i + 1, j),), nested=nested, single=not nested))
    kept = []
    for q in out:
        if kept and q.start < kept[-1].end:
            continue
        kept.append(q)
    return kept


_PIECES = st.sampled_from(["“", "”", '"', "'", "‘", "’", " ", "\n", "\n\n", "word", "Kirby said", "aren’t", "s’ ", ",", ".", "—"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60), st.booleans())
def test_single_quotes_and_speech_cues_as_before(pieces, wrapped):
    from factlint.extract.quotes import _any_within, _single_quotes, find_quotes
    from factlint.prose import Prose

    text = "".join(pieces)
    prose = Prose.of(text, wrapped=wrapped)
    quotes, _ = find_quotes(prose)
    doubles = [q for q in quotes if not q.single and not q.nested]
    assert _single_quotes(text, doubles, prose.paragraphs) == _single_quotes_reference(text, doubles, prose.paragraphs)
    cues = prose.cues
    for a in range(0, len(text) + 1, 3):
        for b in range(a, len(text) + 1, 5):
            assert _any_within(cues, a, b) == any(a <= s[0] and s[1] <= b for s in cues)
