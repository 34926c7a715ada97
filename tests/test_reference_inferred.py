"""The reference date inferred as the last link of the chain (issue 18, item 4): from the
article's address, a slug line, weekday+date pairs chosen among by the story's dated facts, the
latest full date of the text, or a weekday beside a curated event of that weekday; reported as
inferred, and nothing when the evidence is ambiguous."""

from __future__ import annotations

from datetime import date

import pytest

from factlint.facts import parse_facts
from factlint.facts.model import Source
from factlint.reference import infer_reference

STORY = parse_facts(
    """
version: 1
events:
  - id: briefing
    what: the briefing
    date: 2023-08-30
    mentions: ["the spokesman announced"]
  - id: visit
    what: the visit
    date: 2023-07-27
    mentions: ["the minister's visit"]
  - id: invasion
    what: the invasion
    date: 2022-02
    mentions: ["the invasion"]
"""
)


def test_a_weekday_and_date_pair_fits_one_year_of_the_story():
    d, origin = infer_reference("The spokesman said on Wednesday, Aug. 30, that talks went on.", STORY)
    assert d == date(2023, 8, 30) and origin == "inferred from 'Wednesday, Aug. 30' and the story's dates"


def test_a_wrong_pair_is_outvoted_by_the_story_and_gets_no_vote():
    text = "On Wednesday, Aug. 30, the spokesman spoke. On Friday, Aug. 30, he spoke again."
    d, origin = infer_reference(text, STORY)
    assert d == date(2023, 8, 30) and "'Friday, Aug. 30'" not in origin


def test_a_pair_no_curated_day_supports_infers_nothing():
    assert infer_reference("On Wednesday, Aug. 31, the spokesman spoke.", STORY) == (None, "none")


def test_without_facts_the_text_s_years_choose():
    d, origin = infer_reference("The 2016 vote was close. On Tuesday, Nov. 8, voters went to the polls.")
    assert d == date(2016, 11, 8) and "the years the text gives" in origin
    assert infer_reference("On Tuesday, Nov. 8, voters went to the polls.") == (None, "none")


def test_the_latest_full_date_of_the_text():
    d, origin = infer_reference("The deal was signed on May 3, 2021, and approved on May 5, 2021.")
    assert d == date(2021, 5, 5) and origin == "inferred from 'May 5, 2021', the latest date of the text"
    # a date older than a year the text names is no reference date
    assert infer_reference("Signed on March 3, 1998, it was still in force in 2021.") == (None, "none")


@pytest.mark.parametrize(
    "text",
    [
        # a full date written once is more often a past event recalled than the day of writing
        "The harbour has been closed since the storm of Sept. 11, 2001, the mayor said on Tuesday.",
        # the latest date needs another full date in the three days before it
        "The deal was signed on March 3, 2021, and approved on May 5, 2021.",
        "Approved on May 5, 2021, the deal was signed on May 9, 2021.",
    ],
)
def test_a_latest_date_no_other_date_confirms_is_no_reference_date(text):
    assert infer_reference(text) == (None, "none")


def test_a_weekday_beside_a_curated_event_of_that_weekday():
    d, origin = infer_reference("Talks are advancing, the spokesman announced on Wednesday.", STORY)
    assert d == date(2023, 8, 30) and origin == "inferred from 'Wednesday' and the story's dates, or up to 6 days after"
    # the event's day is a Wednesday: a Thursday says nothing
    assert infer_reference("Talks are advancing, the spokesman announced on Thursday.", STORY) == (None, "none")


def test_the_address_in_sources():
    source = Source("a.txt", 9, url="https://example.org/story/2023/08/30/talks-advance")
    assert infer_reference("No dates here.", STORY, source) == (date(2023, 8, 30), "inferred from the address in sources: (facts.yaml:9)")


def test_a_slug_line():
    d, origin = infer_reference("WASHINGTON, Aug. 30 (AP) -- The spokesman announced new talks.", STORY)
    assert d == date(2023, 8, 30) and origin.startswith("inferred from 'Aug. 30'")


def test_edge_years_never_raise():
    for text in ("On Monday, Jan. 1, it began in 0001.", "On Friday, Dec. 31, 9999 ended.", "On Thursday, Feb. 29, 2024 came."):
        infer_reference(text)
        infer_reference(text, STORY)


RALLY = """
version: 1
events:
  - id: vote
    what: the vote
    date: 2023-08-01
    mentions: ["the vote"]
  - id: rally
    what: the rally
    date: {rally}
    mentions: ["the rally"]
"""


def _fl101_inferred(rally: str) -> tuple[date | None, int, list[str]]:
    from factlint.engine import Linter
    from factlint.reference import read_article

    facts = parse_facts(RALLY.format(rally=rally))
    text = "The vote on Tuesday was close. The mayor spoke at the rally yesterday."
    doc = read_article("a.txt", text, facts=facts)
    return doc.reference_date, doc.reference_after, [f.matched for f in Linter.of(facts).lint(doc) if f.code == "FL101"]


def test_a_weekday_of_an_event_gives_the_earliest_day_of_writing():
    # the vote's Tuesday is the earliest day the article can be of: written from Tuesday 1 to
    # Monday 7 August, its "yesterday" is a day from July 31 to August 6
    assert _fl101_inferred("2023-08-05") == (date(2023, 8, 1), 6, [])
    assert _fl101_inferred("2023-07-31") == (date(2023, 8, 1), 6, [])
    # a day that no day of that week makes "yesterday" is still a contradiction
    assert _fl101_inferred("2023-08-10") == (date(2023, 8, 1), 6, ["yesterday"])


def test_the_article_is_read_as_written_on_one_day_of_the_window():
    from factlint.engine import Linter
    from factlint.reference import read_article

    facts = parse_facts(RALLY.format(rally="2023-08-06") + """  - id: parade
    what: the parade
    date: 2023-08-01
    mentions: ["the parade"]
""")
    linter = Linter.of(facts)
    # "yesterday" needs a writing on August 7, "today" one on August 1: not both
    text = "The vote on Tuesday was close. The mayor spoke at the rally yesterday. The parade today drew crowds."
    doc = read_article("a.txt", text, facts=facts)
    assert doc.reference_after == 6
    assert len([f for f in linter.lint(doc) if f.code == "FL101"]) == 1
    # both read as written on August 7
    text = "The vote on Tuesday was close. The mayor spoke at the rally yesterday. The parade last Tuesday drew crowds."
    assert [f.matched for f in linter.lint(read_article("a.txt", text, facts=facts)) if f.code == "FL101"] == []


def test_a_stated_reference_date_has_no_window():
    from factlint.reference import read_article

    doc = read_article("a.txt", "The vote on Tuesday was close.", reference_date=date(2023, 8, 1), reference_origin="test")
    assert doc.reference_after == 0
