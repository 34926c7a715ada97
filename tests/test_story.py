"""FL501 sources-disagree: the story stage over the articles of one run (tests/story/: three
articles of one fire, a facts file curating one quote). Golden text output; the curated quote is
FL201's, never FL501's; rounding and AP edits are no disagreement; the same report at --jobs 1 and 2;
SARIF related locations; a suppression comment silences it; opt-in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factlint.engine import Linter
from factlint.facts import parse_facts
from factlint.runner import lint_file
from factlint.selection import Selection
from factlint import story

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "story"
GOLDEN = ROOT / "tests" / "golden" / "story.text"


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "factlint", "check", ".", "--facts", "facts.yaml", *args],
                          cwd=FIXTURE, capture_output=True, text=True, env=env, timeout=300)


def test_golden_text_of_the_story(request):
    out = run("--extend-select", "FL501").stdout
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text(out, encoding="utf-8")
    assert out == GOLDEN.read_text(encoding="utf-8")


def _fl501(fmt_args=()) -> list[str]:
    out = run("--extend-select", "FL501", "--format", "concise", *fmt_args).stdout
    return [line for line in out.splitlines() if " FL501 " in line]


def test_the_minority_readings_are_flagged_and_nothing_else():
    found = _fl501()
    assert found == [
        "post.md:3:83: FL501 'Ingrid Halvorson' is spelled 'Ingrid Halvorsen' by 2 other articles (no curated name decides)",
        "post.md:3:124: FL501 the articles give different figures for 'fire destroyed ... trucks': found 'three', "
        "2 other articles say 'two' (no curated claim decides)",
        "post.md:5:1: FL501 the articles quote Tomas Lindqvist differently: found 'on another site', 2 other articles say "
        "'on the same site' (no curated quote decides)",
    ]


def test_a_curated_fact_wins():
    out = run("--extend-select", "FL501", "--format", "concise").stdout
    # the curated quote misquoted in post.md is FL201's; FL501 says nothing of it
    assert "post.md:7:2: FL201 misquote of Carla Ruiz" in out
    assert not [line for line in out.splitlines() if "FL501" in line and ":7:" in line]


def test_opt_in():
    assert "FL501" not in run("--format", "concise").stdout


def test_jobs_two_gives_the_same_report_byte_for_byte():
    for fmt in ("text", "json", "sarif"):
        one = run("--extend-select", "FL501", "--format", fmt, "--jobs", "1")
        two = run("--extend-select", "FL501", "--format", fmt, "--jobs", "2")
        assert one.stdout == two.stdout and one.returncode == two.returncode


def test_sarif_related_locations_are_the_other_articles():
    doc = json.loads(run("--extend-select", "FL501", "--format", "sarif").stdout)
    results = [r for r in doc["runs"][0]["results"] if r["ruleId"] == "FL501"]
    assert len(results) == 3
    name = next(r for r in results if "Halvorson" in r["message"]["text"])
    related = name["relatedLocations"]
    assert [(x["physicalLocation"]["artifactLocation"]["uri"], x["physicalLocation"]["region"]["startLine"]) for x in related] == [
        ("herald.md", 3), ("wire.md", 3)]
    assert related[0]["message"]["text"] == "elsewhere: 'Ingrid Halvorsen'" and [x["id"] for x in related] == [1, 2]


def test_json_lists_the_related_readings():
    doc = json.loads(run("--extend-select", "FL501", "--format", "json").stdout)
    (post,) = [f for f in doc["files"] if f["path"] == "post.md"]
    quote = next(f for f in post["findings"] if f["code"] == "FL501" and "Lindqvist" in f["message"])
    assert [(r["path"], r["line"]) for r in quote["related"]] == [("herald.md", 5), ("wire.md", 5)]


# -- short stories of our own, through the library (the path `check` takes) -------------------------

FACTS = parse_facts((FIXTURE / "facts.yaml").read_text(encoding="utf-8"), "facts.yaml")
LINTER = Linter.of(FACTS)
ON = Selection(extend_select=("FL501",))


def _story(*articles: str, selection: Selection = ON) -> list[tuple[str, int, str]]:
    reports = [lint_file(f"a{i}.md", LINTER, selection, data=t.encode("utf-8"), display_path=f"a{i}.md")
               for i, t in enumerate(articles, 1)]
    return [(f.path, f.start.line, f.message) for r in story.apply(reports, selection) for f in r.findings if f.code == "FL501"]


QUOTE = '"The new bridge will open to traffic in early May," Mayor Pia Brandt said.'


@pytest.mark.parametrize("variant", [
    'Mayor Pia Brandt said: "The new bridge will open ... in early May."',  # ellipsis
    '"The new bridge [over the Elk] will open to traffic in early May," Mayor Pia Brandt said.',  # brackets
    'Mayor Pia Brandt said the bridge "will open to traffic in early May."',  # partial quote
    '"The new bridge will open to traffic in early May, weeks ahead of plan," Mayor Pia Brandt said.',  # a longer quote
])
def test_ap_edits_are_no_disagreement(variant):
    assert _story(QUOTE, QUOTE, variant) == []


def test_a_changed_word_in_the_same_speakers_quote_is_flagged_on_the_minority():
    found = _story(QUOTE, QUOTE, QUOTE.replace("early May", "late May"))
    assert [(p, line) for p, line, _ in found] == [("a3.md", 1)]
    assert "found 'in late may', 2 other articles say 'in early may'" in found[0][2]


def test_another_speakers_words_are_not_compared():
    other = QUOTE.replace("early May", "late May").replace("Mayor Pia Brandt", "Councillor Omar Haddad")
    assert _story(QUOTE, QUOTE, other) == []


def test_names_need_two_articles_against_one_and_never_two_people_of_one_text():
    one, two = "Inspector Lena Marquardt visited the site.", "Inspector Lena Marquart visited the site."
    assert _story(one, two) == []  # one against one: no majority for a spelling
    assert [p for p, _, _ in _story(one, one, two)] == ["a3.md"]
    assert _story(one, one, "Lena Marquardt and Lena Marquart visited the site.") == []  # the text keeps them apart


def test_figures_beyond_rounding_only_and_within_one_days_news():
    a = "Published: May 2, 2024\n\nThe storm flooded 120 homes along the river."
    assert _story(a, a) == []
    assert _story(a, a, a.replace("120 homes", "$1.3 billion in homes")) == []  # another unit
    assert [p for p, _, _ in _story(a, a, a.replace("120 homes", "210 homes"))] == ["a3.md"]
    assert _story(a, a, a.replace("May 2", "May 9").replace("120", "210")) == []  # another day's news
    assert _story(a, a.replace("120 homes", "about 210 homes")) == []  # hedged: not compared


def test_a_suppression_comment_silences_it():
    bad = QUOTE.replace("early May", "late May")
    assert _story(QUOTE, QUOTE, "<!-- factlint: ignore[FL501] checked with the mayor's office -->\n" + bad) == []
