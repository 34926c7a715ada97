"""The clean seeds give no error; each planted copy gives exactly its findings, where planted."""

from __future__ import annotations

import json

import pytest

from factlint import Severity, lint_paths, load_facts

from .conftest import FACTS, ROOT, SEEDS, TESTS, run
from .planted_cases import CASES


def test_clean_seeds_have_no_error_or_warning():
    report = lint_paths([str(SEEDS)], load_facts(FACTS))
    assert len(report.files) == 6 and not report.errors
    assert [f for f in report.findings if f.severity >= Severity.WARNING] == []


def test_seed_reference_dates_and_origins():
    report = lint_paths([str(SEEDS)], load_facts(FACTS))
    got = {r.path.rsplit("/", 1)[-1]: (str(r.reference_date), r.reference_origin.split(":")[0]) for r in report.files}
    assert got["000_a494c7461424b26e.txt"] == ("2023-08-30", "sources")
    assert got["001_01b98fe4deb5da6f.txt"] == ("2023-09-01", "sources")
    assert got["002_d0434df1e6fb5f7f.txt"] == ("None", "none")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_planted_copy_is_the_seed_with_one_edit(case):
    seed = (SEEDS / case["seed"]).read_text(encoding="utf-8")
    planted = (TESTS / "planted" / case["file"]).read_text(encoding="utf-8")
    assert seed.count(case["old"]) == 1
    assert planted == seed.replace(case["old"], case["new"])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_planted_errors_are_found_where_planted(case):
    args = ["check", f"tests/planted/{case['file']}", "--format", "json"]
    if case["reference"]:
        args += ["--reference-date", case["reference"]]
    p = run(args, cwd=ROOT)
    assert p.returncode == 1, p.stderr
    findings = json.loads(p.stdout)["files"][0]["findings"]
    got = [(f["code"], f["line"], f["column"], f["fact"]["id"] if f["fact"] else None) for f in findings]
    assert sorted(got) == sorted(case["expect"])
    planted_line = (TESTS / "planted" / case["file"]).read_text(encoding="utf-8").splitlines()
    for f in findings:
        if f["code"] != "FL104":
            assert f["matched"] in case["new"]  # the finding is on the planted words
            assert planted_line[f["line"] - 1][f["column"] - 1 :].startswith(f["matched"])
