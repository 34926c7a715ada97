"""CI integrations: SARIF, JUnit and JSON Lines, the baseline, --fix / --diff, and --jobs."""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.baseline import fingerprints
from factlint.document import read_document
from factlint.engine import Linter
from factlint.facts import load_facts
from factlint.rules import ALL_RULES
from factlint.selection import Selection

from .conftest import FACTS, TESTS, run

PLANTED = TESTS / "planted"
SHOYGU = PLANTED / "001_shoygu.txt"


# ------------------------------------------------------------------------------------ formats

def test_sarif_has_what_code_scanning_reads(cli):
    status, out, _ = cli(["check", "tests/planted/", "--format", "sarif"])
    assert status == 1
    doc = json.loads(out)
    assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-2.1.0.json")
    (sarif_run,) = doc["runs"]
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in ALL_RULES]
    for r in rules:
        assert r["name"] and r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = sarif_run["results"]
    # one finding per mistake: "launched three ..." is FL402's alone; the undated copies' reference
    # dates are inferred (issue 18), so one FL104 is left of eleven and 003_last_week's is found
    assert len(results) == 18
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1 and region["endLine"] >= region["startLine"]
        assert len(res["partialFingerprints"]["factlint/v1"]) == 32
    shoygu = next(r for r in results if r["ruleId"] == "FL301")
    loc = shoygu["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "tests/planted/001_shoygu.txt"
    assert loc["region"]["snippet"]["text"] == "Shoygu"
    (related,) = shoygu["relatedLocations"]
    facts_line = related["physicalLocation"]["region"]["startLine"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "facts.yaml"
    assert "id: shoigu" in FACTS.read_text(encoding="utf-8").splitlines()[facts_line - 1]
    assert shoygu["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "Shoigu"
    # suggestions that are not safe are not offered as SARIF fixes
    assert all("fixes" not in r for r in results if r["ruleId"] in ("FL101", "FL201"))
    assert {r["level"] for r in results} == {"error", "warning", "note"}


def test_junit_counts_failures_at_the_fail_level(cli):
    status, out, _ = cli(["check", "tests/planted/", "--format", "junit"])
    root = ET.fromstring(out)
    assert root.tag == "testsuites" and root.get("failures") == "15"  # 003_last_week found on an inferred date
    suites = root.findall("testsuite")
    assert len(suites) == 16
    failures = root.findall(".//failure")
    assert len(failures) == 15 and all(f.get("type").startswith("FL") for f in failures)
    status, out, _ = cli(["check", "tests/planted/", "--format", "junit", "--fail-on", "warning"])
    assert ET.fromstring(out).get("failures") == "17"


def test_junit_clean_file_is_one_passing_case(cli):
    status, out, _ = cli(["check", "seeds/000_a494c7461424b26e.txt", "--format", "junit"])
    case = ET.fromstring(out).find("testsuite/testcase")
    assert status == 0 and case.get("name") == "factlint" and len(case) == 0


def test_jsonl_one_finding_a_line(cli):
    _, out, _ = cli(["check", "tests/planted/", "--format", "jsonl"])
    rows = [json.loads(line) for line in out.splitlines()]
    _, whole, _ = cli(["check", "tests/planted/", "--format", "json"])
    expected = [f for file in json.loads(whole)["files"] for f in file["findings"]]
    assert rows == expected


# ------------------------------------------------------------------------------------ baseline

def _archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    shutil.copytree(PLANTED, folder)
    shutil.copy(FACTS, tmp_path / "facts.yaml")
    return folder


def test_baseline_hides_recorded_findings_and_fails_only_new_ones(tmp_path):
    folder = _archive(tmp_path)
    base = tmp_path / "baseline.json"
    p = run(["check", "archive", "--write-baseline", "baseline.json"], cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert b"18 findings recorded" in p.stderr and p.stdout == b""
    recorded = json.loads(base.read_text())
    assert recorded["version"] == 1 and len(recorded["findings"]) == 18

    p = run(["check", "archive", "--baseline", "baseline.json"], cwd=tmp_path)
    assert p.returncode == 0 and b"0 errors, 0 warnings, 0 info" in p.stdout and b"18 in the baseline" in p.stdout

    # edits elsewhere in a file move the finding to another line: still the same finding
    shoygu = folder / "001_shoygu.txt"
    shoygu.write_text("An editor's note.\n\n" + shoygu.read_text(encoding="utf-8"), encoding="utf-8")
    p = run(["check", "archive", "--baseline", "baseline.json"], cwd=tmp_path)
    assert p.returncode == 0, p.stdout

    # a new mistake is reported and fails; the old ones stay hidden
    text = shoygu.read_text(encoding="utf-8").replace("An editor's note.", "Sergei Shoygu flew home.")
    shoygu.write_text(text, encoding="utf-8")
    p = run(["check", "archive", "--baseline", "baseline.json", "--format", "concise"], cwd=tmp_path)
    assert p.returncode == 1
    lines = [l for l in p.stdout.decode().splitlines() if "FL" in l]
    assert len(lines) == 1 and "001_shoygu.txt:1:8: FL301" in lines[0]

    # the baseline works from another working folder
    p = run(["check", ".", "--baseline", "../baseline.json", "--facts", "../facts.yaml"], cwd=folder)
    assert p.returncode == 1 and b"18 in the baseline" in p.stdout


def test_bad_baseline_is_a_clear_error(tmp_path):
    (tmp_path / "b.json").write_text('{"version": 1,\n "findings": [}\n', encoding="utf-8")
    p = run(["check", str(SHOYGU), "--baseline", str(tmp_path / "b.json")])
    assert p.returncode == 2 and b"b.json:2:" in p.stderr and b"Traceback" not in p.stderr
    (tmp_path / "c.json").write_text("[]", encoding="utf-8")
    p = run(["check", str(SHOYGU), "--baseline", str(tmp_path / "c.json")])
    assert p.returncode == 2 and b"not a factlint baseline" in p.stderr


def test_write_baseline_refuses_to_overwrite_an_input():
    p = run(["check", str(SHOYGU), "--write-baseline", str(SHOYGU)])
    assert p.returncode == 2 and b"refusing to overwrite" in p.stderr


LINTER = Linter.of(load_facts(str(FACTS)))
SENTENCE = "Russian Defense Minister Sergei Shoygu visited Pyongyang."


@settings(max_examples=60, deadline=None)
@given(
    before=st.lists(st.sampled_from(["Words here.", "Another line of prose.", "", "Kim spoke."]), max_size=6),
    after=st.lists(st.sampled_from(["More words.", "", "The end."]), max_size=4),
)
def test_property_fingerprints_survive_edits_elsewhere(before, after):
    def prints(text):
        doc = read_document("a.txt", text)
        found = Selection().decide(doc, LINTER.lint(doc)).kept
        return sorted(fp for f, fp in zip(found, fingerprints(list(found))) if f.code == "FL301")

    plain = prints(SENTENCE + "\n")
    edited = prints("\n".join([*before, SENTENCE, *after]) + "\n")
    assert plain and edited == plain


# ------------------------------------------------------------------------------------ fixes

def test_fix_writes_safe_fixes_keeping_bom_and_newlines(tmp_path):
    text = SHOYGU.read_text(encoding="utf-8").replace("on July 27", "on July 21")
    target = tmp_path / "a.txt"
    target.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    target.chmod(0o640)
    p = run(["check", str(target), "--facts", str(FACTS), "--fix"])
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    fixed = data[3:].decode("utf-8")
    assert "Sergei Shoigu\u2019s visit" in fixed and "Shoygu" not in fixed
    assert "on July 21" in fixed  # a date is a suggestion, never applied
    assert fixed.replace("\r\n", "\n") == text.replace("Shoygu", "Shoigu")
    assert oct(target.stat().st_mode & 0o777) == "0o640"
    assert p.returncode == 1 and b"1 fixed" in p.stdout and b"FL101" in p.stdout and b"FL301" not in p.stdout
    assert not [x for x in tmp_path.iterdir() if x.name.startswith(".factlint")]


def test_fix_escapes_in_html_and_leaves_clean_files_alone(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(f"<html><body><p>{SENTENCE}</p></body></html>\n", encoding="utf-8")
    clean = tmp_path / "b.txt"
    clean.write_text("Nothing to fix here.\n", encoding="utf-8")
    before = clean.stat().st_mtime_ns
    p = run(["check", str(tmp_path), "--facts", str(FACTS), "--fix"])
    assert p.returncode == 0, p.stdout
    assert "Sergei Shoigu visited" in page.read_text(encoding="utf-8")
    assert clean.stat().st_mtime_ns == before


def test_diff_shows_and_writes_nothing(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text(SENTENCE + "\n", encoding="utf-8")
    p = run(["check", str(target), "--facts", str(FACTS), "--diff"])
    assert p.returncode == 1
    out = p.stdout.decode()
    assert f"--- a/{str(target).lstrip('/')}" in out and "-Russian Defense Minister Sergei Shoygu" in out and "+Russian Defense Minister Sergei Shoigu" in out
    assert b"1 safe fix in 1 file" in p.stderr
    assert target.read_text(encoding="utf-8") == SENTENCE + "\n"
    p = run(["check", "-", "--facts", str(FACTS), "--diff", "--stdin-filename", "x.txt"], stdin=(SENTENCE + "\n").encode())
    assert p.returncode == 1 and b"+++ b/x.txt" in p.stdout
    p = run(["check", "-", "--facts", str(FACTS), "--fix"], stdin=b"x\n")
    assert p.returncode == 2 and b"--fix cannot rewrite standard input" in p.stderr


def test_fix_and_diff_are_exclusive():
    p = run(["check", str(SHOYGU), "--fix", "--diff"])
    assert p.returncode == 2 and b"give one of the two" in p.stderr


# ------------------------------------------------------------------------------------ --jobs

def test_jobs_output_is_byte_identical():
    for fmt in ("text", "json", "sarif"):
        one = run(["check", "seeds/", "tests/planted/", "--format", fmt, "--jobs", "1"])
        two = run(["check", "seeds/", "tests/planted/", "--format", fmt, "--jobs", "2"])
        assert one.returncode == two.returncode == 1
        assert one.stdout == two.stdout and one.stdout


def test_jobs_rejects_nonsense():
    p = run(["check", "seeds/", "--jobs", "many"])
    assert p.returncode == 2 and b"expected a number of processes" in p.stderr


# ------------------------------------------------------------------------------------ init

def test_init_writes_a_working_starter_and_never_overwrites(tmp_path):
    p = run(["init", str(tmp_path)])
    assert p.returncode == 0, p.stderr
    assert b"repo: local" in p.stdout and b"id: factlint-facts" in p.stdout
    facts, config = tmp_path / "facts.yaml", tmp_path / "factlint.toml"
    assert facts.exists() and config.exists()
    assert run(["facts", "validate", str(facts)]).returncode == 0
    t = run(["facts", "test", str(facts)])
    assert t.returncode == 0 and b"2 passed, 0 failed" in t.stdout
    (tmp_path / "a.txt").write_text("The council approved the bridge by eight votes to one.\n", encoding="utf-8")
    c = run(["check", "a.txt", "--format", "concise"], cwd=tmp_path)  # config and facts found from here
    assert c.returncode == 1 and b"FL402 expected 7 votes" in c.stdout
    facts.write_text("version: 1\n", encoding="utf-8")
    again = run(["init", str(tmp_path)])
    assert again.returncode == 0 and b"kept" in again.stderr
    assert facts.read_text(encoding="utf-8") == "version: 1\n"
    assert run(["init", str(tmp_path / "nope")]).returncode == 2


# ------------------------------------------------------------------------------------ facts cache

def test_cache_is_the_user_s_unless_told_keyed_by_the_facts_and_never_stale(tmp_path):
    project, user = tmp_path / "project", tmp_path / "user"
    project.mkdir()
    facts = project / "facts.yaml"
    shutil.copy(FACTS, facts)
    article = project / "a.txt"
    article.write_text("Russian Defense Minister Sergei Shoygu visited Pyongyang.\n", encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(user)}
    uncached = run(["check", str(article), "--facts", str(facts)], cwd=project, env={**env, "FACTLINT_NO_CACHE": "1"})
    assert not user.exists()
    plain = run(["check", str(article), "--facts", str(facts)], cwd=project, env=env)
    again_plain = run(["check", str(article), "--facts", str(facts)], cwd=project, env=env)
    assert uncached.stdout == plain.stdout == again_plain.stdout and plain.returncode == 1
    assert sorted(p.name for p in project.iterdir()) == ["a.txt", "facts.yaml"]  # nothing written in the project
    assert len(list((user / "factlint").glob("facts-*.pickle"))) == 1  # the user's cache folder has them
    assert (user / "factlint").stat().st_mode & 0o077 == 0

    cache = tmp_path / "cache"
    cold = run(["check", str(article), "--facts", str(facts), "--cache-dir", str(cache)], cwd=project)
    warm = run(["check", str(article), "--facts", str(facts), "--cache-dir", str(cache)], cwd=project)
    assert plain.stdout == cold.stdout == warm.stdout and warm.returncode == 1
    entries = sorted(cache.glob("facts-*.pickle"))
    assert len(entries) == 1 and (cache / "CACHEDIR.TAG").exists() and (cache / ".gitignore").exists()

    # a damaged entry is rebuilt, not an error
    entries[0].write_bytes(b"not a pickle")
    again = run(["check", str(article), "--facts", str(facts), "--cache-dir", str(cache)], cwd=project)
    assert again.stdout == plain.stdout and b"Traceback" not in again.stderr

    # the facts change: the cached build is not used
    facts.write_text(facts.read_text(encoding="utf-8").replace("aliases: [Shoigu, Sergey Shoigu]", "aliases: [Shoigu, Sergey Shoigu, Shoygu]"), encoding="utf-8")
    changed = run(["check", str(article), "--facts", str(facts), "--cache-dir", str(cache)], cwd=project)
    assert changed.returncode == 0 and b"FL301" not in changed.stdout
    assert len(list(cache.glob("facts-*.pickle"))) == 2

    # facts.yaml errors are still reported (and nothing is cached for them)
    facts.write_text("version: 1\npeople: [{id: x}]\n", encoding="utf-8")
    bad = run(["check", str(article), "--facts", str(facts), "--cache-dir", str(cache)], cwd=project)
    assert bad.returncode == 2 and b"facts.yaml:2" in bad.stderr
    assert len(list(cache.glob("facts-*.pickle"))) == 2


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_the_cache_key_changes_with_the_vocabulary_tables(tmp_path, monkeypatch):
    """An edited data table (here the title roles, seen one byte longer) makes a new key: the
    compiled facts built from the old table are not reused."""
    import os

    from factlint import cache

    facts = tmp_path / "facts.yaml"
    facts.write_text("version: 1\n")
    before = cache.key(str(facts), ())
    table = os.path.abspath(os.path.join(os.path.dirname(cache.__file__), "data", "title_roles.txt"))
    real_stat = os.stat

    def edited(path, *args, **kwargs):
        got = real_stat(path, *args, **kwargs)
        if isinstance(path, str) and os.path.abspath(path) == table:
            values = list(got)
            values[6] += 1  # st_size; the nanosecond times kept as they are
            return os.stat_result(values, {k: getattr(got, k) for k in ("st_atime_ns", "st_mtime_ns", "st_ctime_ns")})
        return got

    monkeypatch.setattr(os, "stat", edited)
    assert cache.key(str(facts), ()) != before


def test_a_cache_folder_others_can_write_to_is_neither_read_nor_written(tmp_path):
    facts = tmp_path / "facts.yaml"
    shutil.copy(FACTS, facts)
    article = tmp_path / "a.txt"
    article.write_text("Russian Defense Minister Sergei Shoygu visited Pyongyang.\n", encoding="utf-8")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    planted = shared / "facts-planted.pickle"  # what another user could leave there is never loaded
    planted.write_bytes(b"not read")
    p = run(["check", str(article), "--facts", str(facts), "--cache-dir", str(shared)], cwd=tmp_path)
    assert p.returncode == 1 and b"FL301" in p.stdout and b"Traceback" not in p.stderr
    assert sorted(x.name for x in shared.iterdir()) == ["facts-planted.pickle"]
