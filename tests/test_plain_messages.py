"""Messages in the words an editor reads: dates as dates, who said what, the summary spelled out,
and an FL104 hint that works when followed."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from factlint.engine import Linter
from factlint.facts import parse_facts
from factlint.plain import in_words, spoken_date, value_in_words
from factlint.reference import read_article



@pytest.mark.parametrize(
    "value,words",
    [
        ("2023-07-27", "27 July 2023"),
        ("XXXX-02-30", "30 February (no such day)"),
        ("2023-02-29", "29 February 2023 (no such day)"),
        ("2024-02-29", "29 February 2024"),
        ("XXXX-02-29", "29 February (year unknown)"),
        ("XXXX-08-31", "31 August (year unknown)"),
        ("2023-05 (2023-05-01..2023-05-31)", "May 2023"),
        ("XXXX-06", "June (year unknown)"),
        ("2023-09 (2023-09-01)", "September 2023"),
        ("2023", "2023"),
        ("2023-W35", "week 35 of 2023"),
        ("2023-Q3", "the third quarter of 2023"),
        ("2023-SU", "summer 2023"),
        ("199", "the 1990s"),
        ("Wednesday 2023-08-30", "Wednesday 30 August 2023"),
        ("2023-08-05 (published online) or 2023-08-06 (printed)", "5 August 2023 (published online) or 6 August 2023 (printed)"),
        ("2023-07-25..2023-07-27", "25 July 2023 to 27 July 2023"),
        ("Thursday", "Thursday"),
        ("2 short-range ballistic missiles", "2 short-range ballistic missiles"),
        ("Kim Jong-un", "Kim Jong-un"),
    ],
)
def test_values_in_words(value, words):
    assert value_in_words(value) == words
    assert not re.search(r"XXXX|\d{4}-\d{2}", value_in_words(value))


def test_spoken_date():
    assert spoken_date(2023, 9, 1) == "1 September 2023"
    assert spoken_date(None, 2, 30) == "30 February (no such day)"
    assert in_words("no dates here - none") == "no dates here - none"


def test_no_timex_codes_in_check_outputs(cli):
    """The outputs an editor reads say dates in words: no TIMEX3 code (XXXX-, ranges '..')."""
    for fmt in ("text", "concise", "github", "html"):
        _, out, _ = cli(["check", "seeds/", "tests/planted/", "--format", fmt])
        assert "XXXX" not in out and not re.search(r"\d{4}-\d{2}-\d{2}\.\.", out), fmt
    _, out, _ = cli(["check", "tests/planted/", "--format", "text"])
    assert "= found:    30 February 2022 (no such day)" in out
    assert "found 31 August (year unknown) ('Wednesday, Aug. 31')" in out
    # factlint dates keeps its TIMEX3 values: that listing is about them
    _, out, _ = cli(["dates", "tests/planted/000_weekday_aug31.txt"])
    assert "XXXX-08-31" in out


def test_summary_is_spelled_out(cli):
    _, out, _ = cli(["check", "seeds/"])
    last = out.splitlines()[-1]
    assert last == (
        "Checked 5 files against facts.yaml (53 facts): 0 errors, 1 warning, 0 info; 31 quotes, 22 with a speaker; "
        "39 of 47 check-worthy sentences backed by a fact."
    )
    assert "  seeds/001_01b98fe4deb5da6f.txt  1 September 2023 (sources: in facts.yaml:13); 6 quotes, 5 with a speaker; " \
           "7 of 7 check-worthy sentences backed by a fact" in out
    assert "/" not in last.split("facts.yaml")[1]  # no "4/3", no "11/13"


def test_unsupported_quote_says_who_and_what(cli):
    _, out, _ = cli(["check", "tests/planted/000_invented_quote.txt", "--format", "concise", "-q", "--select", "FL203"])
    assert "FL203 Linda Thomas-Greenfield is quoted saying “Russia will pay a heavy price for these …”" in out
    _, out, _ = cli(["check", "seeds/002_d0434df1e6fb5f7f.txt", "--select", "FL203"])
    assert "no speaker found" not in out and "with no speaker" not in out
    assert "the quote “moving forward”, which factlint could credit to no one here, is none of the curated quotes" in out
    assert "= found:    speaker not named: “moving forward”" in out


def test_a_weekday_date_without_a_year_is_not_called_relative(cli, tmp_path):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "a.txt").write_text("The White House said on Wednesday, Aug. 30, that talks advanced.\n")
    _, out, _ = cli(["check", "a.txt", "--format", "concise", "-q"], cwd=tmp_path)
    assert "FL104 1 date without a year ('Wednesday, Aug. 30') cannot be checked" in out
    assert "relative" not in out.split("cannot be checked")[0]


STALE = parse_facts(
    """
version: 1
people:
  - id: kirby
    name: John Kirby
    aliases: [Kirby]
    titles:
      - {title: Pentagon spokesman, from: 2021-01-20, until: 2022-05-31}
      - {title: White House national security spokesman, from: 2022-06-01}
"""
)


def test_a_stale_title_is_not_offered_among_the_current_ones():
    doc = read_article("a.txt", "Pentagon spokesman John Kirby spoke on Thursday.", reference_date=date(2023, 9, 1),
                       reference_origin="t")
    (f,) = [f for f in Linter.of(STALE).lint(doc) if f.code == "FL302"]
    assert f.message == (
        "'Pentagon spokesman' was John Kirby's title from 20 January 2021 to 31 May 2022 (facts.yaml:8), not on "
        "1 September 2023, the article's date, nor on 31 August 2023, when the sentence is set; "
        "write 'former' or a current title: White House national security spokesman"
    )


@pytest.mark.parametrize(
    "name,article,dated",
    [
        # what the FL104 hint says to write, for each format, written: the dates are then checked
        ("a.txt", "Published: September 1, 2023\n\nThe talks advanced on Wednesday.\n", "line"),
        ("a.md", "---\ndate: 2023-09-01\n---\n\nThe talks advanced on Wednesday.\n", "front matter"),
        ("a.html", '<html><head><meta property="article:published_time" content="2023-09-01"></head>'
                   "<body><p>The talks advanced on Wednesday.</p></body></html>", "meta"),
    ],
)
def test_following_the_fl104_hint_dates_the_article(cli, tmp_path, name, article, dated):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    body = article.split("\n\n", 1)[1] if dated != "meta" else article.replace(
        '<meta property="article:published_time" content="2023-09-01">', "")
    (tmp_path / name).write_text(body, encoding="utf-8")
    _, out, _ = cli(["check", name, "--format", "concise", "-q"], cwd=tmp_path)
    hint = {"line": "'Published: September 1, 2023'", "front matter": "'date: 2023-09-01' between the '---' lines",
            "meta": '<meta property="article:published_time" content="2023-09-01">'}[dated]
    assert "FL104 " in out and hint in out and "sources: with published: 2023-09-01" in out
    (tmp_path / name).write_text(article, encoding="utf-8")
    _, out, _ = cli(["check", name, "--format", "json"], cwd=tmp_path)
    assert "FL104" not in out and '"reference_date": "2023-09-01"' in out
    # and the facts.yaml way
    (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(f"version: 1\nsources:\n  {name}: {{published: 2023-09-01}}\n")
    _, out, _ = cli(["check", name, "--format", "json"], cwd=tmp_path)
    assert "FL104" not in out and '"reference_date": "2023-09-01"' in out


def test_the_readme_sample_is_what_factlint_prints(cli):
    """The editor-facing sample at the top of the README is the output of the command it shows."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```\n$ factlint check ", 1)[1].split("```\n", 1)[0]
    command, _, shown = block.partition("\n")
    _, out, _ = cli(["check", *command.split()])
    assert out == shown
