"""Events with several dates (`dates:`): loading, checking, and FL101 against the date that applies."""

from __future__ import annotations

import json
import textwrap
from datetime import date

import jsonschema
import pytest
import yaml

from factlint.engine import Linter
from factlint.errors import FactsError
from factlint.facts import json_schema, parse_facts
from factlint.reference import read_article

REPORT = """\
version: 1
events:
  - id: report
    what: the inspectors' report
    dates:
      - date: 2023-08-05
        what: published online
        cue: [online, website]
      - date: 2023-08-06
        what: printed
        cue: print
        mentions: ["print edition"]
    mentions: ["the report"]
  - id: visit
    what: the visit
    date: 2023-07-27
    mentions: ["the visit"]
"""
FACTS = parse_facts(REPORT)
LINTER = Linter.of(FACTS)


def fl101(text: str) -> list[tuple[str, str, int]]:
    doc = read_article("t.txt", text, reference_date=date(2023, 9, 1), reference_origin="test")
    return [(f.matched, f.expected, f.fact.line) for f in LINTER.lint(doc) if f.code == "FL101"]


def test_dates_load_with_their_labels_lines_cues_and_mentions():
    report = FACTS.events[0]
    assert [(d.date.text, d.what, d.line, d.cues) for d in report.dates] == [
        ("2023-08-05", "published online", 6, ("online", "website")),
        ("2023-08-06", "printed", 9, ("print",)),
    ]
    assert [p.text for p in report.dates[1].mentions] == ["print edition"]
    assert str(report.date.interval) == "2023-08-05..2023-08-06"
    assert report.date.text == "2023-08-05 (published online), 2023-08-06 (printed)"
    assert report.date_line == 6
    visit = FACTS.events[1]
    assert visit.dates == () and str(visit.date.interval) == "2023-07-27"  # the one-date form is unchanged


@pytest.mark.parametrize(
    "text",
    [
        "The report, published online on Aug. 5 and in print on Aug. 6, was damning.",
        "The report went online on Aug. 5.",
        "The report appeared in print on Aug. 6.",
        "The report on Aug. 6 was damning.",  # no cue: either date fits
        "The report on Aug. 5 was damning.",
    ],
)
def test_a_date_that_fits_the_date_it_speaks_of_passes(text):
    assert fl101(text) == []


def test_a_cue_chooses_the_date_and_the_finding_names_it():
    assert fl101("The report went online on Aug. 6.") == [("Aug. 6", "2023-08-05 (published online)", 6)]
    assert fl101("The report appeared in print on Aug. 5.") == [("Aug. 5", "2023-08-06 (printed)", 9)]
    # a date takes its nearest cue ("print" is farther); Aug. 5, beyond another date, dates nothing
    assert fl101("The report, published online on Aug. 6 and in print on Aug. 5, was damning.") == [
        ("Aug. 6", "2023-08-05 (published online)", 6),
    ]
    # a cue beyond another date is not the date's: here none is, so either date fits
    assert fl101("The report came out on Aug. 5, not Aug. 1 in print.") == []


def test_a_date_s_own_mention_chooses_it():
    assert fl101("The print edition on Aug. 6 was sold out.") == []
    assert fl101("The print edition on Aug. 5 was sold out.") == [("Aug. 5", "2023-08-06 (printed)", 9)]
    # a cue nearer to the date than the mention it is paired with decides
    assert fl101("The report went online on Aug. 6, and the print edition on Aug. 6 sold out.") == [
        ("Aug. 6", "2023-08-05 (published online)", 6)
    ]


def test_a_date_that_fits_none_names_them_all():
    assert fl101("The report on Aug. 9 was damning.") == [
        ("Aug. 9", "2023-08-05 (published online) or 2023-08-06 (printed)", 6)
    ]


def problems(text: str) -> list[str]:
    with pytest.raises(FactsError) as info:
        parse_facts(textwrap.dedent(text), "facts.yaml")
    return [str(p) for p in info.value.problems]


def test_mistakes_are_reported_at_their_lines():
    assert problems("version: 1\nevents:\n  - {id: e, what: x}\n") == [
        "facts.yaml:3:5: an event is missing required key 'date' or 'dates'"
    ]
    assert problems("version: 1\nevents:\n  - id: e\n    what: x\n    date: 2023\n    dates: [{date: 2023, what: y}]\n") == [
        "facts.yaml:6:5: an event has both 'date' and 'dates'; give one of them"
    ]
    assert problems("version: 1\nevents:\n  - {id: e, what: x, dates: []}\n") == [
        "facts.yaml:3:29: event e lists no dates under dates:; give at least one {date: DATE, what: TEXT}"
    ]
    got = problems(
        """\
        version: 1
        events:
          - id: e
            what: x
            dates:
              - {date: 2023-02-30, what: online}
              - {what: print}
              - {date: 2023, what: Online, cue: [web], when: 1}
              - {date: 2023, what: radio}
              - {date: 2024, what: Radio}
            mentions: [{near: x}, {phrase: a, regex: b}, {regex: "(unclosed", near: y}]
        """
    )
    assert got == [
        "facts.yaml:6:16: impossible date '2023-02-30': February 2023 has 28 days",
        "facts.yaml:7:9: an event date is missing required key 'date'",
        "facts.yaml:8:48: unknown key 'when' in an event date; expected one of: date, what, mentions, cue, note",
        "facts.yaml:10:28: event e has two dates labelled 'Radio' (first at line 9); label each date differently",
        "facts.yaml:11:16: a mention is missing required key 'phrase' or 'regex'",
        "facts.yaml:11:39: a mention has both 'phrase' and 'regex'; give one of them",
        "facts.yaml:11:58: invalid regex in fact e: missing ) at position 9",
    ]


def test_json_schema_knows_the_dates_form():
    schema = json_schema()
    jsonschema.validate(json.loads(json.dumps(yaml.safe_load(REPORT), default=str)), schema)
    for bad in (
        {"version": 1, "events": [{"id": "e", "what": "x"}]},  # neither date nor dates
        {"version": 1, "events": [{"id": "e", "what": "x", "date": "2023", "dates": [{"date": "2023", "what": "y"}]}]},
        {"version": 1, "events": [{"id": "e", "what": "x", "dates": [{"date": "2023"}]}]},  # a date needs its what
        {"version": 1, "events": [{"id": "e", "what": "x", "date": "2023", "mentions": [{"near": "x"}]}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


MARKETS = Linter.of(
    parse_facts(
        """\
version: 1
events:
  - id: suspension
    what: trading suspended
    date: {from: 2008-09-16, to: 2008-09-18}
    mentions: ["trading suspended"]
  - id: reopening
    what: the reopening
    date: 2008-09-19
    mentions: ["closed until", "when they opened"]
"""
    )
)


def markets_fl101(text: str) -> list[str]:
    doc = read_article("t.txt", text, reference_date=date(2008, 9, 18), reference_origin="test")  # a Thursday
    return [f.matched for f in MARKETS.lint(doc) if f.code == "FL101"]


@pytest.mark.parametrize(
    "text",
    [
        "Russian markets to remain closed until Friday",
        "The government has continued to hold all stock markets closed until Friday.",
        "Kudrin said money would be infused into the markets when they opened on Friday.",
        # a state curated over several days may be said to last until the day after its last
        "Trading suspended until Friday, the exchange said.",
        "Trading suspended until Thursday, the exchange said.",
        # the direction left open: "Friday" read as the next one fits
        "The regulator said the markets, closed until Friday, would reopen.",
    ],
)
def test_the_end_of_a_state_and_an_open_direction_raise_no_false_alarm(text):
    assert markets_fl101(text) == []


@pytest.mark.parametrize(
    "text,flagged",
    [
        ("Russian markets to remain closed until Monday", ["Monday"]),  # neither last Monday nor next
        ("Trading suspended until Sunday, the exchange said.", ["Sunday"]),  # two days after the last
        ("Kudrin said money would be infused into the markets when they opened on Tuesday.", ["Tuesday"]),
    ],
)
def test_a_wrong_end_of_a_state_is_still_flagged(text, flagged):
    assert markets_fl101(text) == flagged


@pytest.mark.parametrize(
    "text",
    [
        "Officials discussed the visit under the 1998 accord.",  # the year dates the accord
        "The visit, praised in the 2019 memo, went well.",
        "During the visit, the 2021 accord was praised.",
        "The visit followed the March agreement on trade.",  # a month before its noun likewise
        "Officials praised the visit after the July 3 storm.",  # and a day
        "The visit went ahead despite the 3 July strike at the port.",
        "The visit went ahead despite the July 3 strike at the port.",
    ],
)
def test_a_year_before_its_noun_dates_that_noun_only(text):
    assert fl101(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The visit was in 2022.",  # the year dates the clause: still checked
        "In 2022 the visit took place.",
    ],
)
def test_a_year_that_dates_the_clause_is_still_checked(text):
    assert fl101(text) == [("2022", "2023-07-27", 16)]


@pytest.mark.parametrize(
    "text,flagged",
    [
        # written on a Sunday (2023-08-13), "last week" may be the Sunday-to-Saturday week that ended
        # the day before (August 6-12) or the ISO week before (July 31-August 6): the visit
        # (Thursday, July 27) is in neither
        ("Last week, the visit went well.", ["Last week"]),
        ("The visit last week went well.", ["last week"]),
    ],
)
def test_a_week_that_fits_neither_count_of_weeks_is_flagged(text, flagged):
    doc = read_article("t.txt", text, reference_date=date(2023, 8, 13), reference_origin="test")
    assert [f.matched for f in LINTER.lint(doc) if f.code == "FL101"] == flagged


@pytest.mark.parametrize("ref", [date(2023, 7, 30), date(2023, 8, 2)])  # a Sunday, a Wednesday
def test_last_week_counted_from_sunday_is_no_false_alarm(ref):
    # the visit, Thursday July 27, is in the Sunday-start week of July 23-29 (and in ISO week 30)
    doc = read_article("t.txt", "The visit last week went well.", reference_date=ref, reference_origin="test")
    assert [f.matched for f in LINTER.lint(doc) if f.code == "FL101"] == []
