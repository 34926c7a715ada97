"""The library API behaves as the command line does, and says clearly when it is called wrongly."""

from __future__ import annotations

import json
import os
from datetime import date, datetime

import pytest

import factlint
from factlint import FileReport, RunReport, Selection, lint_paths, lint_text, load_facts, parse_facts

from .conftest import FACTS, ROOT, SEEDS, TESTS, run

ARTICLES = sorted([*SEEDS.glob("*.txt"), *(TESTS / "planted").glob("*")])


def _cli_findings() -> dict[str, list[tuple]]:
    p = run(["check", "--format", "json", "--exit-zero", *[str(a.relative_to(ROOT)) for a in ARTICLES]])
    assert p.returncode == 0, p.stderr.decode()
    files = json.loads(p.stdout)["files"]
    return {f["path"]: [(x["code"], x["line"], x["column"], x["message"]) for x in f["findings"]] for f in files}


def test_lint_text_gives_the_command_line_s_findings_on_the_seeds_and_the_planted_copies(monkeypatch):
    expected = _cli_findings()
    assert len(expected) == len(ARTICLES) and any(expected.values())
    monkeypatch.chdir(ROOT)
    facts = load_facts("facts.yaml")
    for article in ARTICLES:
        rel = str(article.relative_to(ROOT))
        found = lint_text(article.read_text(encoding="utf-8"), facts, path=rel)
        assert [(f.code, f.start.line, f.start.col, f.message) for f in found] == expected[rel], rel


def test_lint_paths_gives_the_command_line_s_findings(monkeypatch):
    expected = _cli_findings()
    monkeypatch.chdir(ROOT)
    report = lint_paths([str(a.relative_to(ROOT)) for a in ARTICLES], load_facts("facts.yaml"))
    assert isinstance(report, RunReport) and all(isinstance(r, FileReport) for r in report.files)
    got = {r.path: [(f.code, f.start.line, f.start.col, f.message) for f in r.findings] for r in report.files}
    assert got == expected


DRAFT = "Shoigu's visit to Pyongyang on July 20 was noted.\n"


def test_lint_text_goes_through_the_decision_point():
    facts = load_facts(FACTS)
    ref = date(2023, 9, 1)
    assert [f.code for f in lint_text(DRAFT, facts, reference_date=ref)] == ["FL101"]
    # a suppression comment is honoured, as by `factlint check`
    silenced = "<!-- factlint: ignore[FL101] checked with the desk -->\n" + DRAFT
    assert lint_text(silenced, facts, reference_date=ref, path="draft.md") == []
    # FL403 is opt-in: off by default, there when a selection asks for it
    claim = "The ministry said 40 people attended on Aug. 30, 2023.\n"
    assert "FL403" not in {f.code for f in lint_text(claim, facts, reference_date=ref)}
    asked = lint_text(claim, facts, reference_date=ref, selection=Selection(extend_select=("FL403",)))
    assert "FL403" in {f.code for f in asked}
    # a selection drops and re-grades, as the configuration does
    assert lint_text(DRAFT, facts, reference_date=ref, selection=Selection(ignore=("FL1",))) == []
    (f,) = lint_text(DRAFT, facts, reference_date=ref, selection=Selection(severities=(("FL101", factlint.Severity.WARNING),)))
    assert f.severity == factlint.Severity.WARNING


def test_the_path_s_suffix_picks_the_reader():
    facts = load_facts(FACTS)
    code = "```\nShoigu's visit to Pyongyang on July 21\n```\n\n" + DRAFT
    ref = date(2023, 9, 1)
    as_markdown = lint_text(code, facts, reference_date=ref, path="draft.md")
    assert [(f.code, f.matched, f.path) for f in as_markdown] == [("FL101", "July 20", "draft.md")]
    as_text = lint_text(code, facts, reference_date=ref, path="draft.txt")
    assert sorted(f.matched for f in as_text) == ["July 20", "July 21"]
    assert [f.matched for f in lint_text(code, facts, reference_date=ref, path="draft.txt", fmt="markdown")] == ["July 20"]
    html = "<p>Shoigu's visit to <b>Pyongyang</b> on July 20 was noted.</p>"
    (f,) = lint_text(html, facts, reference_date=ref, path="page.html")
    assert html[f.span.start : f.span.end] == "July 20"


def test_the_reference_date_is_found_in_the_text_when_none_is_given():
    facts = load_facts(FACTS)
    text = "Posted on : 2023-08-15\n\nShoigu's visit to Pyongyang last month was noted.\n"
    assert lint_text(text, facts) == []
    moved = text.replace("2023-08-15", "2023-12-01")
    assert [f.code for f in lint_text(moved, facts)] == ["FL101"]


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda f: lint_text(b"bytes", f), "text must be a str"),
        (lambda f: lint_text("x", "facts.yaml"), "facts must be Facts"),
        (lambda f: lint_text("x", f, reference_date="2023-09-01"), "reference_date must be a datetime.date"),
        (lambda f: lint_text("x", f, reference_date=datetime(2023, 9, 1)), "reference_date must be a datetime.date"),
        (lambda f: lint_text("x", f, path=3), "path must be a str"),
        (lambda f: lint_text("x", f, selection=("FL1",)), "selection must be a factlint.Selection"),
        (lambda f: lint_paths("seeds/", f), "paths must be a list of paths"),
        (lambda f: lint_paths(["seeds/"], f, jobs=0), "jobs must be a positive int"),
        (lambda f: load_facts(3), "path must be a str or os.PathLike"),
        (lambda f: parse_facts(None), "data must be str or bytes"),
    ],
)
def test_wrong_argument_types_are_a_clear_type_error(call, message):
    facts = load_facts(FACTS)
    with pytest.raises(TypeError, match=message):
        call(facts)


def test_an_unknown_format_is_an_input_error():
    with pytest.raises(factlint.InputError, match="unknown format 'rst'"):
        lint_text("x", None, fmt="rst")


def test_the_public_names_are_exported():
    for name in factlint.__all__:
        assert getattr(factlint, name) is not None, name
    from importlib.metadata import version

    # the version is written once, in factlint/_version.py; pyproject.toml reads it from there
    assert factlint.__version__ == version("factlint")
    assert load_facts(FACTS).fact_count == load_facts(os.fspath(FACTS)).fact_count  # a PathLike or a str
