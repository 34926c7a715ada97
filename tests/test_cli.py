"""The command line: golden outputs on the seeds, exit statuses, options and bad input."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.rules import ALL_RULES

from .conftest import FACTS, SEEDS, TESTS, run

GOLDEN = TESTS / "golden"


def check_golden(name: str, actual: str, request) -> None:
    path = GOLDEN / name
    if name.endswith(".junit"):  # seconds differ from run to run (tests/test_integrator.py checks them)
        actual = re.sub(r' time="\d+\.\d{3}"', ' time="0.000"', actual)
    if request.config.getoption("--update-golden"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run pytest --update-golden"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "jsonl", "github", "sarif", "junit"])
def test_golden_seeds(cli, fmt, request):
    status, out, err = cli(["check", "seeds/", "--format", fmt])
    assert status == 0, err
    check_golden(f"seeds.{fmt}", out, request)


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "jsonl", "github", "sarif", "junit"])
def test_golden_planted(cli, fmt, request):
    status, out, err = cli(["check", "tests/planted/", "--format", fmt])
    assert status == 1, err
    check_golden(f"planted.{fmt}", out, request)


@pytest.mark.parametrize("fmt,golden", [("text", "statistics.text"), ("concise", "statistics.text"), ("json", "statistics.json")])
def test_statistics_prints_the_table_only(cli, fmt, golden, request):
    """As ruff: --statistics prints the count of findings by rule, and nothing else."""
    status, out, err = cli(["check", "tests/planted/", "--format", fmt, "--statistics"])
    assert status == 1, err  # the findings still fail the run
    check_golden(golden, out, request)
    if fmt == "json":
        rows = json.loads(out)
        assert sum(r["count"] for r in rows) == 18 and rows[0] == {
            "code": "FL101", "name": "date-contradicts-fact", "severity": "error", "count": 7, "fixable": 0}
    else:
        assert "FL301  [*] misspelled-name [error]" in out and "Checked" not in out and "tests/planted" not in out
    status, _, err = cli(["check", "tests/planted/", "--format", "sarif", "--statistics"])
    assert status == 2 and "--statistics prints a table (text, concise) or JSON (json)" in err


def test_clean_seeds_exit_zero_with_a_summary_line(cli):
    status, out, _ = cli(["check", "seeds/"])
    assert status == 0
    assert out.splitlines()[-1].startswith("Checked 5 files against facts.yaml")
    assert " 0 errors, 1 warning" in out.splitlines()[-1]


def test_json_is_versioned_and_complete(cli):
    status, out, _ = cli(["check", "tests/planted/001_visit_july21.txt", "--format", "json"])
    assert status == 1
    doc = json.loads(out)
    assert doc["version"] == 1 and doc["tool"]["name"] == "factlint"
    (file,) = doc["files"]
    assert file["reference_date"] == "2023-09-01" and file["reference_origin"] == "dateline (line 3)"
    (f,) = file["findings"]
    assert (f["code"], f["line"], f["column"], f["matched"]) == ("FL101", 16, 103, "July 21")
    lines = FACTS.read_text(encoding="utf-8").splitlines()
    date_line = next(i for i, l in enumerate(lines, 1) if l.strip().startswith("date: 2023-07-27   # \"visit"))
    assert f["fact"] == {"id": "shoigu-visit", "kind": "event", "path": "facts.yaml", "line": date_line}
    assert doc["summary"]["errors"] == 1 and doc["summary"]["by_code"] == {"FL101": 1}


def test_select_ignore_fail_on_exit_zero(cli, tmp_path_factory):
    target = "tests/planted/000_weekday_aug31.txt"
    ref = ["--reference-date", "2023-08-30"]
    status, out, _ = cli(["check", target, *ref, "--format", "concise", "-q"])
    # one mistake, one finding: the date contradicts its fact, and FL101 says its weekday is wrong too
    assert status == 1 and [l.split()[1] for l in out.splitlines()] == ["FL101"]
    assert "31 August 2023 is a Thursday, not a Wednesday" in out
    status, out, _ = cli(["check", target, *ref, "--format", "concise", "-q", "--select", "FL102"])
    assert [l.split()[1] for l in out.splitlines()] == ["FL102"]
    status, out, _ = cli(["check", target, *ref, "--format", "concise", "-q", "--ignore", "FL1"])
    assert status == 0 and out == ""
    status, out, _ = cli(["check", target, *ref, "--format", "concise", "-q", "--select", "FL1", "--ignore", "FL101"])
    assert [l.split()[1] for l in out.splitlines()] == ["FL102"]
    status, _, _ = cli(["check", target, *ref, "--exit-zero"])
    assert status == 0
    # FL101 suppressed on that line: the weekday mistake it said is reported on its own
    suppressed = tmp_path_factory.mktemp("suppressed") / "article.txt"
    text = Path(target).read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if "Wednesday, Aug. 31" in l)
    suppressed.write_text(text.replace(line, "<!-- factlint: ignore[FL101] -->\n" + line), encoding="utf-8")
    status, out, _ = cli(["check", str(suppressed), *ref, "--format", "concise", "-q"])
    assert [l.split()[1] for l in out.splitlines()] == ["FL102"]
    # info findings fail only with --fail-on info
    assert cli(["check", "seeds/002_d0434df1e6fb5f7f.txt"])[0] == 0
    assert cli(["check", "seeds/002_d0434df1e6fb5f7f.txt", "--fail-on", "info"])[0] == 1


def test_config_in_pyproject(cli, tmp_path):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "a.txt").write_text("The White House said on Wednesday, Aug. 31, 2023, that talks advanced.\n")
    (tmp_path / "pyproject.toml").write_text('[tool.factlint]\nignore = ["FL102"]\n[tool.factlint.severity]\nFL1 = "warning"\n')
    status, out, _ = cli(["check", "a.txt", "--format", "concise", "-q"], cwd=tmp_path)
    assert status == 0 and out == ""
    (tmp_path / "pyproject.toml").write_text('[tool.factlint.severity]\nFL102 = "warning"\n')
    status, out, _ = cli(["check", "a.txt", "--format", "json"], cwd=tmp_path)
    assert status == 0 and json.loads(out)["files"][0]["findings"][0]["severity"] == "warning"
    assert cli(["check", "a.txt", "--fail-on", "warning"], cwd=tmp_path)[0] == 1


def test_per_file_ignores(cli, tmp_path):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "a.txt").write_text("On Wednesday the talks advanced.\n")
    (tmp_path / "b.txt").write_text("On Wednesday the talks advanced.\n")
    (tmp_path / "factlint.toml").write_text('facts = "none.yaml"\n[per-file-ignores]\n"wire/*" = ["FL104"]\n')
    (tmp_path / "none.yaml").write_text("version: 1\n")
    status, out, _ = cli(["check", ".", "--format", "concise", "-q"], cwd=tmp_path)
    assert out.splitlines() == [
        "b.txt:1:4: FL104 1 relative date ('Wednesday') cannot be checked: the article's date is not known; give it on a "
        "line of its own near the top ('Published: September 1, 2023'), or in facts.yaml (the article under sources: "
        "with published: 2023-09-01), or pass --reference-date"
    ]


@pytest.mark.parametrize(
    "config,message",
    [
        ('[tool.factlint]\nselct = ["FL1"]\n', "pyproject.toml:2: unknown key 'selct'"),
        ('[tool.factlint]\nselect = "FL1"\n', "pyproject.toml:2: select: expected a list of strings"),
        ('[tool.factlint]\nselect = ["XX1"]\n', "expected rule codes or prefixes"),
        ('[tool.factlint]\nfail-on = "fatal"\n', "fail-on: expected error, warning or info"),
        ("[tool.factlint\n", "invalid TOML"),
    ],
)
def test_bad_config(cli, tmp_path, config, message):
    (tmp_path / "pyproject.toml").write_text(config)
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "a.txt").write_text("text\n")
    status, out, err = cli(["check", "a.txt", "--config", "pyproject.toml"], cwd=tmp_path)
    assert status == 2 and message in err and "Traceback" not in err


def test_broken_facts_exit_2_naming_the_line(tmp_path):
    (tmp_path / "facts.yaml").write_text("version: 1\nevents:\n  - id: e\n    what: x\n    date: 2023-02-30\n    colour: red\n")
    (tmp_path / "a.txt").write_text("text\n")
    p = run(["check", "a.txt"], cwd=tmp_path)
    assert p.returncode == 2
    err = p.stderr.decode()
    assert "facts.yaml:5:11: impossible date '2023-02-30'" in err
    assert "facts.yaml:6:5: unknown key 'colour' in an event" in err
    assert "Traceback" not in err and p.stdout == b""
    p = run(["facts", "validate"], cwd=tmp_path)
    assert p.returncode == 2 and "2 problems in" in p.stderr.decode()


def test_facts_validate_and_schema():
    p = run(["facts", "validate"])
    assert p.returncode == 0 and b"valid (schema version 1" in p.stdout
    p = run(["facts", "schema"])
    schema = json.loads(p.stdout)
    assert schema["$schema"].endswith("2020-12/schema") and "events" in schema["properties"]


def test_rule_pages():
    p = run(["rule", "FL101"])
    assert p.returncode == 0 and p.stdout.decode().startswith("FL101 date-contradicts-fact")
    assert b"## Why it matters" in p.stdout
    p = run(["rule"])
    assert [l.split()[0] for l in p.stdout.decode().splitlines()] == [r.code for r in ALL_RULES]
    p = run(["rule", "FL999"])
    assert p.returncode == 2 and b"unknown rule 'FL999'" in p.stderr


def test_stdin():
    text = Path(TESTS / "planted" / "001_visit_july21.txt").read_bytes()
    p = run(["check", "-", "--stdin-filename", "draft.txt", "--format", "concise", "-q"], stdin=text)
    assert p.returncode == 1
    assert p.stdout.decode().startswith("draft.txt:16:103: FL101 ")


def test_output_file_is_written_and_inputs_are_protected(cli, tmp_path):
    out_file = tmp_path / "report.json"
    status, out, _ = cli(["check", "seeds/", "--format", "json", "-o", str(out_file)])
    assert status == 0 and out == "" and json.loads(out_file.read_text())["summary"]["files"] == 5
    seed = SEEDS / "000_a494c7461424b26e.txt"
    before = seed.read_bytes()
    status, _, err = cli(["check", str(seed), "-o", str(seed)])
    assert status == 2 and "refusing to overwrite an input file" in err and seed.read_bytes() == before
    status, _, err = cli(["check", "seeds/", "-o", "facts.yaml"])
    assert status == 2 and FACTS.exists() and "refusing" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_output_to_a_pipe_or_device_is_written_into_never_replaced(cli, tmp_path):
    """`-o /dev/null` must not swap the device for a file: a path that is not a regular file is
    written to (a named pipe stands in for the device here)."""
    import stat
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()), daemon=True)
    reader.start()
    status, out, _ = cli(["check", "seeds/", "--format", "json", "-o", str(pipe)])
    reader.join(timeout=30)
    assert status == 0 and out == ""
    assert stat.S_ISFIFO(os.stat(pipe).st_mode), "the pipe was replaced by a file"
    assert got and json.loads(got[0])["summary"]["files"] == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no temporary file left beside it


def test_usage_errors():
    p = run(["check", "--format", "xml"])
    assert p.returncode == 2 and b"invalid choice" in p.stderr
    p = run(["check", "seeds/", "--reference-date", "2023-02-30"])
    assert p.returncode == 2 and b"--reference-date: expected a date as YYYY-MM-DD" in p.stderr
    p = run(["check", "seeds/", "--select", "bogus"])
    assert p.returncode == 2 and b"expected rule codes or prefixes" in p.stderr


def test_bad_inputs_are_per_file_errors(tmp_path):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "good.txt").write_text("On Feb. 30, 2023 nothing happened.\n")
    (tmp_path / "latin1.txt").write_bytes("caf\u00e9 on July 27".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "quotes.txt").write_text("He said “unbalanced and ”odd“ quotes.\n")
    (tmp_path / "loop").mkdir()
    os.symlink("..", tmp_path / "loop" / "back")
    p = run(["check", ".", "missing.txt", "--format", "concise"], cwd=tmp_path)
    assert p.returncode == 2
    out, err = p.stdout.decode(), p.stderr.decode()
    assert "Traceback" not in err
    assert "good.txt:1:4: FL103 " in out  # the good file was still linted
    assert "latin1.txt:1:4: not UTF-8: byte 0xe9" in err
    assert "binary.txt:3:1: binary file (NUL byte found)" in err
    assert "missing.txt:1:1: no such file or folder" in err
    assert "could not be read" in out.splitlines()[-1]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path):  # pragma: no cover - CI runs as root here
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    f = tmp_path / "secret.txt"
    f.write_text("text")
    f.chmod(0)
    p = run(["check", "secret.txt"], cwd=tmp_path)
    assert p.returncode == 2 and b"cannot read" in p.stderr


def test_large_file_is_linted_quickly(tmp_path):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    line = "On Wednesday, Aug. 30, 2023, the White House said talks were “actively advancing.” " * 10 + "\n"
    (tmp_path / "big.txt").write_text(line * 6500)  # about 5.5 MB of prose
    p = run(["check", "big.txt", "--format", "json"], cwd=tmp_path)
    assert p.returncode == 0 and json.loads(p.stdout)["summary"]["files"] == 1


def test_no_facts_file_still_runs_fact_free_rules(tmp_path):
    (tmp_path / "a.txt").write_text("On Thursday, Aug. 30, 2023, it rained.\n")
    p = run(["check", "a.txt", "--format", "concise", "-q"], cwd=tmp_path)
    assert p.returncode == 1 and b"no facts.yaml found" in p.stderr
    assert p.stdout.decode().startswith("a.txt:1:4: FL102 ")


def test_python_dash_m_and_version():
    p = run(["--version"])
    assert p.returncode == 0 and p.stdout.decode().startswith("factlint ")


def test_oversized_file_is_a_clear_per_file_error(tmp_path):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "huge.txt").write_bytes(b"a" * (20 * 1024 * 1024 + 1))
    (tmp_path / "ok.txt").write_text("On Feb. 30, 2023 nothing happened.\n")
    p = run(["check", ".", "--format", "concise"], cwd=tmp_path)
    assert p.returncode == 2
    assert "huge.txt:1:1: file is 20,971,521 bytes; factlint reads articles up to 20,971,520 bytes" in p.stderr.decode()
    assert "ok.txt:1:4: FL103" in p.stdout.decode()


def test_runaway_regex_names_its_fact_and_does_not_hang(tmp_path):
    (tmp_path / "facts.yaml").write_text(
        "version: 1\nevents:\n  - id: slow-event\n    what: x\n    date: 2023\n    mentions: [{regex: '(a|aa)+$'}]\n"
    )
    (tmp_path / "factlint.toml").write_text("regex-timeout = 0.2\n")
    (tmp_path / "a.txt").write_text("a" * 40 + "b\n")
    (tmp_path / "b.txt").write_text("On Feb. 30, 2023 nothing happened.\n")
    p = run(["check", ".", "--format", "concise"], cwd=tmp_path)
    assert p.returncode == 2
    assert "a.txt:1:1: regex of fact slow-event ran past its time limit" in p.stderr.decode()
    assert "b.txt:1:4: FL103" in p.stdout.decode()


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_golden_dates(cli, fmt, request):
    status, out, err = cli(["dates", "seeds/001_01b98fe4deb5da6f.txt", "seeds/003_831499b3296b145f.txt", "--format", fmt])
    assert status == 0, err
    check_golden(f"dates.{fmt}", out, request)


def test_dates_json_shape_and_offsets(cli):
    status, out, _ = cli(["dates", "seeds/003_831499b3296b145f.txt", "--reference-date", "2023-08-31", "--format", "json"])
    doc = json.loads(out)
    assert set(doc) == {"path", "reference_date", "reference_origin", "dates"}
    assert (doc["reference_date"], doc["reference_origin"]) == ("2023-08-31", "--reference-date")
    text = (SEEDS / "003_831499b3296b145f.txt").read_text(encoding="utf-8")
    for d in doc["dates"]:
        assert text[d["start"] : d["end"]] == d["text"]
        assert d["type"] in ("DATE", "TIME", "DURATION", "SET")
    first = doc["dates"][0]
    assert first == {"start": 19, "end": 37, "text": "Wednesday, Aug. 30", "type": "DATE", "value": "2023-08-30",
                     "first": "2023-08-30", "last": "2023-08-30", "granularity": "day"}
    last_month = next(d for d in doc["dates"] if d["text"] == "last month")
    assert (last_month["value"], last_month["first"], last_month["last"]) == ("2023-07", "2023-07-01", "2023-07-31")


def test_dates_html_offsets_point_into_the_file(cli, tmp_path):
    (tmp_path / "a.html").write_text("<p>On <b>Aug.&nbsp;30</b>, 2023 and <i>last week</i>.</p>", encoding="utf-8")
    status, out, _ = cli(["dates", "a.html", "--reference-date", "2023-09-01", "--format", "json"], cwd=tmp_path)
    source = (tmp_path / "a.html").read_text(encoding="utf-8")
    doc = json.loads(out)
    assert [d["text"] for d in doc["dates"]] == [source[d["start"] : d["end"]] for d in doc["dates"]]
    assert [d["value"] for d in doc["dates"]] == ["2023-08-30", "2023-W34"]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_golden_quotes(cli, fmt, request):
    status, out, err = cli(["quotes", "seeds/001_01b98fe4deb5da6f.txt", "seeds/003_831499b3296b145f.txt", "--format", fmt])
    assert status == 0, err
    check_golden(f"quotes.{fmt}", out, request)


def test_quotes_json_counts_and_verdicts(cli):
    status, out, _ = cli(["quotes", "seeds/003_831499b3296b145f.txt", "--format", "json"])
    doc = json.loads(out)
    assert doc["summary"] == {"total": 11, "attributed": 10, "abstained": 1}
    text = (SEEDS / "003_831499b3296b145f.txt").read_text(encoding="utf-8")
    for q in doc["quotes"]:
        assert text[q["start"]] in "“\"'‘" and q["verdict"] in ("matches", "matches-minor")
    speakers = [q["speaker"] for q in doc["quotes"]]
    assert speakers.count("joint-statement") == 3 and speakers.count("kirby") == 3


def test_check_json_reports_quote_counts(cli):
    status, out, _ = cli(["check", "seeds/", "--format", "json"])
    files = {f["path"]: f["quotes"] for f in json.loads(out)["files"]}
    assert files["seeds/003_831499b3296b145f.txt"] == {"total": 11, "attributed": 10, "abstained": 1}


def test_fl403_is_opt_in(cli):
    status, out, _ = cli(["check", "seeds/002_d0434df1e6fb5f7f.txt", "--format", "concise", "-q"])
    assert "FL403" not in out
    status, out, _ = cli(["check", "seeds/002_d0434df1e6fb5f7f.txt", "--format", "concise", "-q", "--extend-select", "FL403"])
    assert out.count("FL403") >= 1
    status, out, _ = cli(["check", "seeds/002_d0434df1e6fb5f7f.txt", "--format", "json"])
    cov = json.loads(out)["files"][0]["claim_coverage"]
    assert 0 < cov["covered"] < cov["check_worthy"]


def test_facts_test_reports_failing_examples_at_their_line(tmp_path):
    (tmp_path / "facts.yaml").write_text(
        "version: 1\n"
        "events:\n"
        "  - id: visit\n"
        "    what: the visit\n"
        "    date: 2023-07-27\n"
        "    mentions: [visit to Pyongyang]\n"
        "    tests:\n"
        "      match: [the visit to Pyongyang went well, the trip to Pyongyang]\n"
        "      no_match: [a visit to Seoul]\n"
    )
    p = run(["facts", "test"], cwd=tmp_path)
    assert p.returncode == 1
    out = p.stdout.decode()
    assert "facts.yaml:8: event visit: expected a match in 'the trip to Pyongyang', found none" in out
    assert out.splitlines()[-1].startswith("2 passed, 1 failed")
    p = run(["facts", "test"])
    assert p.returncode == 0 and ", 0 failed" in p.stdout.decode()


def test_misspelled_name_offers_a_safe_fix(cli):
    status, out, _ = cli(["check", "tests/planted/001_shoygu.txt", "--format", "json", "--select", "FL301"])
    (f,) = json.loads(out)["files"][0]["findings"]
    assert (f["matched"], f["expected"], f["fact"]["id"]) == ("Shoygu", "Shoigu", "shoigu")
    assert f["fix"] == {"offset": f["offset"], "end_offset": f["end_offset"], "replacement": "Shoigu", "safe": True}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ “”—é東京한글ｱＡ\u0378"), max_size=40))
def test_terminal_width_counts_wide_characters_twice(text):
    import unicodedata

    from factlint.formatters.text import _width

    assert _width(text) == sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_carets_sit_under_the_span_after_wide_characters(cli, tmp_path):
    (tmp_path / "facts.yaml").write_text(
        "version: 1\npeople:\n  - {id: shoigu, name: Sergei Shoigu}\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("東京で Sergei Shoygu met officials.\n", encoding="utf-8")
    status, out, _ = cli(["check", "a.txt"], cwd=tmp_path)
    line = next(ln for ln in out.splitlines() if "Shoygu met" in ln)
    carets = next(ln for ln in out.splitlines() if "^" in ln)
    # 東, 京 and で take two columns each: "東京で Sergei " is 14 columns wide
    assert line.split("| ", 1)[1].startswith("東京で Sergei Shoygu")
    assert carets.split("| ", 1)[1].index("^") == 14
    assert carets.count("^") == len("Shoygu")


def test_a_run_left_to_choose_lints_a_large_folder_in_one_process_per_core(tmp_path):
    """--jobs left out: one process up to AUTO_FILES files, one per core from there on; the report
    is the same byte for byte either way."""
    from factlint import Selection, load_facts
    from factlint.engine import Linter
    from factlint.formatters import FORMATTERS, RenderOptions
    from factlint.runner import AUTO_FILES, choose_jobs, lint_paths

    assert choose_jobs(AUTO_FILES - 1, None, 4) == 1 and choose_jobs(AUTO_FILES, None, 4) == 4
    assert choose_jobs(5, 3, 4) == 3 and choose_jobs(AUTO_FILES, 1, 4) == 1 and choose_jobs(AUTO_FILES, None, 0) == 1
    text = (SEEDS / "001_01b98fe4deb5da6f.txt").read_text(encoding="utf-8").replace("Shoigu", "Shoygu", 1)
    for i in range(AUTO_FILES):
        (tmp_path / f"a{i:03d}.txt").write_text(text if i % 50 == 0 else "The talks went on.\n", encoding="utf-8")
    linter = Linter.of(load_facts(FACTS))
    chosen = lint_paths([str(tmp_path)], linter, Selection(), jobs=None, cores=2)
    one = lint_paths([str(tmp_path)], linter, Selection(), jobs=1)
    assert len(chosen.files) == AUTO_FILES and sum(f.code == "FL301" for f in chosen.findings) == 4
    for fmt in ("text", "json", "sarif"):
        assert FORMATTERS[fmt](chosen, RenderOptions()) == FORMATTERS[fmt](one, RenderOptions())


def test_golden_sort_score(cli, request):
    """--sort score: FL403's findings after the others, the most check-worthy sentence first."""
    status, out, err = cli(["check", "tests/planted/002_june_no_reference.txt", "--extend-select", "FL403",
                            "--sort", "score", "--format", "text"])
    assert status == 1, err
    check_golden("sort_score.text", out, request)
