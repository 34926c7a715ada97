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


def test_a_longer_quote_with_a_changed_word_is_flagged_though_the_others_agree_with_each_other():
    # the third article prints more of the remark, one word changed; the first two print the same
    # part alike, which must not hide how the third differs from each of them
    longer = ('"We looked at every option, and the new bridge will open to traffic in late May," '
              'Mayor Pia Brandt said.')
    found = _story(QUOTE, QUOTE, longer)
    assert [(p, line) for p, line, _ in found] == [("a3.md", 1)]
    assert "late may" in found[0][2]
    same = longer.replace("late May", "early May")
    assert _story(QUOTE, QUOTE, same) == []  # a longer quote of the same words is no disagreement


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


# -- copies of one text: its sentences aligned, whatever their subjects and dates say ----------------

WIRE = """# Storm batters the coast

The storm sank two tankers off the coast on Wednesday, Aug. 27, the coast guard said.

Harbor master Ines Vidal said rescue crews worked through the night to reach both ships.

The port stayed closed to traffic until the evening, and ferries were cancelled along the coast.

Shares of the shipping line fell 3.5% to 14.73 in late trading as investors weighed the losses.
"""


def test_copies_without_a_date_of_their_own_compare_their_dates_as_written():
    # no reference date: "Aug. 27" resolves to no day, but the copies write the same sentence
    found = _story(WIRE, WIRE, WIRE.replace("Aug. 27", "Aug. 29"))
    assert [(p, line) for p, line, _ in found] == [("a3.md", 3)]
    assert "date it differently in a sentence they share" in found[0][2]
    assert "found 'Wednesday, Aug. 29', 2 other articles say 'Wednesday, Aug. 27'" in found[0][2]


def test_a_figure_without_a_subject_of_its_own_is_compared_by_its_sentence():
    # "to 14.73" has no noun after it: the aligned sentence says what it is
    found = _story(WIRE, WIRE.replace("14.73", "17.43"), WIRE)
    assert [(p, line) for p, line, _ in found] == [("a2.md", 9)]
    assert "found '17.43', 2 other articles say '14.73'" in found[0][2]


@pytest.mark.parametrize("old,new", [
    ("Aug. 27", "August 27"),  # a style
    ("two tankers", "2 tankers"),
    ("3.5%", "3.50%"),
    ("14.73", "14.7"),  # rounding
])
def test_a_copys_style_and_rounding_are_no_disagreement(old, new):
    assert _story(WIRE, WIRE, WIRE.replace(old, new)) == []


def test_an_update_and_another_days_copy_are_not_compared():
    timed = WIRE.replace("in late trading", "at 16:08 UTC")
    # a later time with another figure: an update of the news, not a disagreement
    assert _story(timed, timed, timed.replace("16:08", "18:00").replace("3.5%", "4.1%")) == []
    dated = "Published: May 2, 2024\n\n" + WIRE
    later = dated.replace("May 2", "May 3").replace("14.73", "13.02")
    assert _story(dated, dated, later) == []
    assert [p for p, _, _ in _story(dated, dated, dated.replace("14.73", "13.02"))] == ["a3.md"]


def test_articles_sharing_a_few_lines_are_no_copies():
    # a site's boilerplate shared by two different stories: their short sentences are not aligned
    boiler = "\n\nSign up for our newsletter to get the latest stories from the region every morning.\n\n" \
             "Follow our reporters on social media for live updates from the scene tonight.\n\n" \
             "Our newsroom welcomes tips from readers about stories in their communities.\n"
    one = ("# Floods\n\nRiver levels rose across the valley as the rain continued.\n\nIt fell by 3 inches overnight.\n\n"
           "Farmers moved their herds to higher ground before the water reached the fields.\n\n"
           "Schools in three districts closed while crews cleared the roads of debris and mud.\n\n"
           "The mayor asked residents to stay away from the river banks until further notice." + boiler)
    two = one.replace("It fell by 3 inches overnight.", "It fell by 5 inches overnight.").replace(
        "Farmers moved", "Ranchers drove").replace("Schools in three", "Clinics in four").replace("The mayor asked", "Police told").replace(
        "River levels rose", "Water levels climbed")
    assert _story(one, two) == []


def test_a_curated_claims_figure_is_never_compared_as_a_copys():
    facts = parse_facts("version: 1\nclaims:\n  - id: sunk\n    statement: the storm sank two tankers\n"
                        "    supports: [storm sank two tankers]\n    figure: {value: 2, unit: tankers}\n", "facts.yaml")
    linter = Linter.of(facts)
    texts = [WIRE, WIRE, WIRE.replace("two tankers", "three tankers")]
    reports = [lint_file(f"a{i}.md", linter, ON, data=t.encode("utf-8"), display_path=f"a{i}.md") for i, t in enumerate(texts, 1)]
    codes = [(f.path, f.code) for r in story.apply(reports, ON) for f in r.findings if f.code in ("FL402", "FL501")]
    assert codes == [("a3.md", "FL402")]


def test_small_numbers_in_quotes_written_as_digits_are_the_same_words():
    said = 'Mayor Pia Brandt said: "We will rebuild the two bridges within one year, as we promised."'
    assert _story(said, said, said.replace("the two bridges within one year", "the 2 bridges within 1 year")) == []


def test_a_word_a_copy_changes_in_a_speakers_words_or_a_name_is_flagged():
    said = WIRE + '\nThe captain told reporters that "nobody on board was ever in danger" after the rescue.\n'
    found = _story(said, said, said.replace("ever in danger", "ever in trouble"))
    assert [(p, line) for p, line, _ in found] == [("a3.md", 11)]
    assert "quote a speaker differently" in found[0][2] and "found 'trouble', 2 other articles say 'danger'" in found[0][2]
    placed = WIRE.replace("off the coast on", "off the coast of Tamsalu on")  # a place: no person's name
    found = _story(placed, placed.replace("Tamsalu", "Tamsalo"), placed)
    assert [p for p, _, _ in found] == ["a2.md"] and "'Tamsalo' is spelled 'Tamsalu' by 2 other articles" in found[0][2]


def test_a_copys_spelling_and_words_outside_quotes_are_no_disagreement():
    said = WIRE + '\nThe captain said "the harbour will reopen once the tankers are towed away" on Thursday evening.\n'
    assert _story(said, said, said.replace("harbour", "harbor")) == []  # a spelling
    assert _story(WIRE, WIRE, WIRE.replace("worked through the night", "toiled through the night")) == []  # an editor's word


def test_a_rewritten_sentence_of_one_days_news_is_aligned_all_but_a_word():
    a = ("Published: Sept. 17, 2008\n\nThe primary UK index, the FTSE 100, dropped in value by 2.36%, which is 118.40 points, "
         "to below the 5000 mark at 4907.20.\n")
    b = a.replace("primary UK index", "main UK index")
    assert _story(a, b) == []
    assert [p for p, _, _ in _story(a, a, b.replace("4907.20", "4970.20"))] == ["a3.md"]
    # a name written otherwise may be another subject: only copies align it
    assert _story(a, a, a.replace("UK index", "British index").replace("4907.20", "4970.20")) == []
    # two indexes of one template a word apart are not one sentence: only between copies
    dax = a.replace("UK index, the FTSE 100", "German index, the DAX").replace("4907.20", "5912.10")
    assert _story(a, dax) == []


def test_figures_of_undated_articles_are_compared_only_between_copies():
    a = "The storm flooded 120 homes along the river, officials said on Sunday evening."
    b = "Rescue teams said the storm flooded 210 homes along the river by the weekend."
    assert _story(a, a, b) == []  # no day known: a later tally may differ
    assert [p for p, _, _ in _story(WIRE, WIRE, WIRE.replace("two tankers", "three tankers"))] == ["a3.md"]


def test_a_title_between_two_articles_that_agree_is_compared_whatever_the_weeks_apart():
    def on(day: str, title: str) -> str:
        return f"Published: {day}\n\nAt the launch, {title} Marta Quellinger spoke about the company's new phone."

    ceo, analyst = "Acme chief executive", "Acme analyst"
    found = _story(on("January 5, 2024", ceo), on("March 9, 2024", analyst), on("June 2, 2024", ceo))
    assert [(p, m.split(":")[0]) for p, _, m in found] == [("a2.md", "the articles give Marta Quellinger different titles")]
    assert "before and after it" in found[0][2]
    assert _story(on("January 5, 2024", ceo), on("February 9, 2024", ceo), on("March 9, 2024", analyst)) == []  # no after
    assert _story(on("January 5, 2022", ceo), on("March 9, 2023", analyst), on("June 2, 2024", ceo)) == []  # years apart


def test_a_sentence_of_another_subject_a_name_away_is_not_aligned():
    paris = ("Published: May 2, 2024\n\nForecasters at the national weather service expect temperatures to reach "
             "25 degrees in Paris by Monday afternoon.")
    lyon = paris.replace("Paris", "Lyon").replace("25", "28")
    assert _story(paris, paris, lyon) == []
    rose = paris.replace("expect temperatures", "predict temperatures").replace("25", "29")
    assert [p for p, _, _ in _story(paris, paris, rose)] == ["a3.md"]  # a rewrite of one sentence: the same subject


def test_a_long_paragraph_without_periods_costs_memory_in_proportion():
    """Two copies of one paragraph without a period, a word apart: the stage's memory grows with
    the text, not with its square (the aligner's one-word variants are made for sentences of at
    most story.FUZZY_MAX_WORDS words)."""
    import random
    import tracemalloc

    words = "harbour crane cargo river bridge tower market ferry signal station 12 340".split()  # numbers: compared

    def peak(n: int) -> int:
        rng = random.Random(n)
        text = " ".join(rng.choice(words) for _ in range(n))
        other = text.replace(" ferry ", " barge ", 1)
        tracemalloc.start()
        _story(f"Published: March 3, 2009\n\n{text}\n", f"Published: March 3, 2009\n\n{other}\n")
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    small, large = peak(1500), peak(3000)
    assert large < 3 * small, (small, large)
