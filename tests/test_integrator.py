"""What an integrator meets: paths relative to the project folder in every format, rule pages
linked from SARIF, JUnit cases named by what they are about (not where), with times."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factlint.rules import ALL_RULES

from .conftest import ROOT, run

DOCS = ROOT / "docs" / "rules"


def _project(tmp_path: Path) -> Path:
    """A project folder: facts.yaml at its top, an article with a misspelt name in articles/."""
    project = tmp_path / "project"
    (project / "articles").mkdir(parents=True)
    (project / "facts.yaml").write_text(
        "version: 1\npeople:\n  - id: shoigu\n    name: Sergei Shoigu\n    aliases: [Shoigu]\n", encoding="utf-8"
    )
    (project / "articles" / "a.txt").write_text("Sergei Shoygu met officials in Pyongyang.\n", encoding="utf-8")
    return project


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "jsonl", "github", "sarif", "junit", "html"])
def test_absolute_inputs_are_reported_relative_to_the_project_folder(tmp_path, fmt):
    project = _project(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    p = run(["check", str(project / "articles"), "--facts", str(project / "facts.yaml"), "--format", fmt], cwd=elsewhere)
    assert p.returncode == 1, p.stderr
    out = p.stdout.decode()
    if fmt in ("text", "concise"):
        # the terminal's formats name an article as it was given, where a link opens it
        assert f"{project / 'articles' / 'a.txt'}:1:8: FL301" in out and "(facts.yaml:3)" in out
        return
    assert str(tmp_path) not in out  # no absolute path anywhere: not the article's, not facts.yaml's
    assert "articles/a.txt" in out
    if fmt == "github":
        assert out.startswith("::error file=articles/a.txt,line=1,col=8,")
    if fmt == "sarif":
        (res,) = json.loads(out)["runs"][0]["results"]
        art = res["locations"][0]["physicalLocation"]["artifactLocation"]
        assert art == {"uri": "articles/a.txt", "uriBaseId": "%SRCROOT%"}
        rel = res["relatedLocations"][0]["physicalLocation"]["artifactLocation"]
        assert rel == {"uri": "facts.yaml", "uriBaseId": "%SRCROOT%"}
        assert res["fixes"][0]["artifactChanges"][0]["artifactLocation"] == art
    if fmt == "json":
        doc = json.loads(out)
        assert doc["facts"]["path"] == "facts.yaml" and doc["files"][0]["path"] == "articles/a.txt"
        assert doc["files"][0]["findings"][0]["fact"]["path"] == "facts.yaml"


def test_root_is_the_configuration_folder_then_the_option(tmp_path):
    project = _project(tmp_path)
    (project / "pyproject.toml").write_text('[tool.factlint]\nfacts = "facts.yaml"\n', encoding="utf-8")
    sub = project / "articles"
    # run from inside articles/: the machine formats still name paths from the project's top,
    # where the config is; the terminal's formats from the current folder, where its links open
    p = run(["check", "a.txt", "--format", "json"], cwd=sub)
    assert [f["path"] for f in json.loads(p.stdout)["files"]] == ["articles/a.txt"]
    p = run(["check", "a.txt", "--format", "concise", "-q"], cwd=sub)
    assert p.stdout.decode().startswith("a.txt:1:8: FL301 ")
    # --root names another folder: paths from there
    p = run(["check", "a.txt", "--format", "json", "--root", str(tmp_path)], cwd=sub)
    (file,) = json.loads(p.stdout)["files"]
    assert file["path"] == "project/articles/a.txt" and "(project/facts.yaml:3)" in file["findings"][0]["message"]
    p = run(["check", "a.txt", "--root", str(tmp_path / "nowhere")], cwd=sub)
    assert p.returncode == 2 and b"--root" in p.stderr and b"no such folder" in p.stderr and b"Traceback" not in p.stderr


def test_a_file_outside_the_root_is_an_absolute_file_uri(tmp_path):
    project = _project(tmp_path)
    outside = tmp_path / "outside.txt"
    outside.write_text("Sergei Shoygu flew home.\n", encoding="utf-8")
    p = run(["check", str(outside), "--facts", str(project / "facts.yaml"), "--format", "sarif"], cwd=project)
    (res,) = json.loads(p.stdout)["runs"][0]["results"]
    assert res["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": outside.as_uri()}


def test_rule_pages_are_in_the_repository_and_linked_from_sarif(monkeypatch, request):
    from factlint import _version
    from factlint.formatters import sarif

    for rule in ALL_RULES:
        page = DOCS / f"{rule.code}.md"
        if request.config.getoption("--update-golden"):
            DOCS.mkdir(parents=True, exist_ok=True)
            page.write_text(rule.markdown(), encoding="utf-8")
        assert page.read_text(encoding="utf-8") == rule.markdown(), f"{page} is stale: pytest --update-golden"
    # while the repository has no public address the SARIF says nothing it cannot link...
    monkeypatch.setattr(_version, "REPOSITORY", None)
    assert all("helpUri" not in sarif._rule(r) for r in ALL_RULES)
    # ...and once it has one, each rule links its page at the tag of this version
    monkeypatch.setattr(_version, "REPOSITORY", "https://example.org/newsroom/factlint/")
    for rule in ALL_RULES:
        assert sarif._rule(rule)["helpUri"] == (
            f"https://example.org/newsroom/factlint/blob/v{_version.__version__}/docs/rules/{rule.code}.md"
        )


def _junit_cases(out: str) -> list[tuple[str, str]]:
    return [(c.get("classname"), c.get("name")) for c in ET.fromstring(out).iter("testcase")]


def test_junit_names_say_rule_fact_and_file_and_survive_moved_lines(tmp_path):
    project = _project(tmp_path)
    article = project / "articles" / "a.txt"
    article.write_text(
        "On Feb. 30, 2023 Sergei Shoygu met officials.\nLater Shoygu and Sergei Shoygu flew home.\n", encoding="utf-8"
    )
    before = run(["check", "articles", "--format", "junit"], cwd=project)
    names = _junit_cases(before.stdout.decode())
    assert names == [
        ("articles/a.txt", "FL103 impossible-date: 'Feb. 30, 2023'"),
        ("articles/a.txt", "FL301 misspelled-name: shoigu"),
        ("articles/a.txt", "FL301 misspelled-name: shoigu (2)"),
        ("articles/a.txt", "FL301 misspelled-name: shoigu (3)"),
    ]
    assert not any(re.search(r"\d+:\d+", n) for _, n in names)
    article.write_text("An editor's note.\n\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    after = run(["check", "articles", "--format", "junit"], cwd=project)
    assert _junit_cases(after.stdout.decode()) == names


def test_junit_has_times_that_add_up(tmp_path):
    project = _project(tmp_path)
    (project / "articles" / "b.txt").write_text("Nothing to see.\n", encoding="utf-8")
    p = run(["check", "articles", "--format", "junit"], cwd=project)
    root = ET.fromstring(p.stdout)
    suites = root.findall("testsuite")
    assert len(suites) == 2
    for suite in suites:
        t = float(suite.get("time"))
        assert 0 <= t < 60
        cases = [float(c.get("time")) for c in suite.findall("testcase")]
        assert abs(sum(cases) - t) < 0.002 * len(cases)
    assert 0 < float(root.get("time")) and abs(float(root.get("time")) - sum(float(s.get("time")) for s in suites)) < 0.002
