"""The clean seeds give no error; each planted copy gives exactly its findings, where planted."""

from __future__ import annotations

import json

import pytest

from factlint import Severity, lint_paths, load_facts
from factlint.rules import RULES_BY_CODE

from .conftest import FACTS, ROOT, SEEDS, TESTS, run
from .planted_cases import CASES


def test_clean_seeds_have_no_contradiction():
    """No error on the clean seeds; the one warning is the one uncurated quote (SPEC §2, issue 4)."""
    report = lint_paths([str(SEEDS)], load_facts(FACTS))
    assert len(report.files) == 5 and not report.errors  # the five reports; seeds/README.md is no article
    assert [f for f in report.findings if f.severity >= Severity.ERROR] == []
    warnings = [(f.code, f.path.rsplit("/", 1)[-1], f.matched) for f in report.findings if f.severity == Severity.WARNING]
    assert warnings == [("FL203", "002_d0434df1e6fb5f7f.txt", "“moving forward”")]


def test_every_seed_quote_matches_a_curated_quote_or_is_reported():
    from factlint.engine import Linter
    from factlint.runner import load_article

    facts = load_facts(FACTS)
    linter = Linter.of(facts)
    for path in sorted(SEEDS.glob("*.txt")):
        analysis = linter.analyse(load_article(str(path), facts))
        flagged = {(f.span.start, f.span.end) for f in linter.lint(analysis.document) if f.code == "FL203"}
        for view in analysis.quotes:
            matched = any(m.kind in ("exact", "minor") for _, ms in view.segments for m in ms)
            assert matched or view.term or (view.quote.start, view.quote.end) in flagged, view.quote.content(analysis.document.text)


def test_seed_reference_dates_and_origins():
    report = lint_paths([str(SEEDS)], load_facts(FACTS))
    got = {r.path.rsplit("/", 1)[-1]: (str(r.reference_date), r.reference_origin.split(":")[0]) for r in report.files}
    assert got["000_a494c7461424b26e.txt"] == ("2023-08-30", "sources")
    assert got["001_01b98fe4deb5da6f.txt"] == ("2023-09-01", "sources")
    # the three that state no date: inferred (issue 18, item 4), and said to be
    assert got["002_d0434df1e6fb5f7f.txt"] == ("2023-08-30", "inferred from 'Wednesday, Aug. 30' and the story's dates")
    assert got["003_831499b3296b145f.txt"] == ("2023-08-30", "inferred from 'Wednesday, Aug. 30' and the story's dates")
    assert got["004_4ad387577637f700.txt"] == ("2023-08-30", "inferred from 'Wednesday' and the story's dates, or up to 6 days after")


def test_every_relative_date_of_every_seed_is_resolved_without_a_false_alarm():
    report = lint_paths([str(SEEDS)], load_facts(FACTS))
    assert not [f for r in report.files for f in r.findings if f.code in ("FL101", "FL102", "FL104")]
    for path in sorted(SEEDS.glob("*.txt")):
        from factlint.normalize.dates import NO_REFERENCE
        from factlint.runner import load_article
        from factlint.timex import tag

        doc = load_article(str(path), load_facts(FACTS))

        assert not [t.text for t in tag(doc.text, doc.reference_date) if t.note == NO_REFERENCE], path.name


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_planted_copy_is_the_seed_with_one_edit(case):
    seed = (SEEDS / case["seed"]).read_text(encoding="utf-8")
    planted = (TESTS / "planted" / case["file"]).read_text(encoding="utf-8")
    assert seed.count(case["old"]) == 1
    assert planted == seed.replace(case["old"], case["new"])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_planted_errors_are_found_where_planted(case):
    args = ["check", f"tests/planted/{case['file']}", "--format", "json", "--ignore", "FL403"]  # coverage is not an error
    if case["reference"]:
        args += ["--reference-date", case["reference"]]
    p = run(args, cwd=ROOT)
    fails = any(RULES_BY_CODE[code].severity == Severity.ERROR for code, *_ in case["expect"])
    assert p.returncode == (1 if fails else 0), p.stderr
    findings = json.loads(p.stdout)["files"][0]["findings"]
    got = [(f["code"], f["line"], f["column"], f["fact"]["id"] if f["fact"] else None) for f in findings]
    assert sorted(got) == sorted(case["expect"])
    planted = (TESTS / "planted" / case["file"]).read_text(encoding="utf-8")
    lines = planted.splitlines()
    edit_start = planted.index(case["new"])
    edit_end = edit_start + len(case["new"])
    inherited = set(case.get("inherited", ()))
    for f in findings:
        assert lines[f["line"] - 1][f["column"] - 1 :].startswith(f["matched"].split("\n")[0])
        if f["code"] != "FL104" and (f["code"], f["line"], f["column"]) not in inherited:  # on the planted words
            assert f["offset"] < edit_end and edit_start < f["end_offset"], (f["matched"], case["new"])
