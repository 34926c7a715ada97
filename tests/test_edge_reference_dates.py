"""Reference dates at the calendar's edges (issue 18, item 6): 0001-01-01, 9999-12-31 and Feb. 29
never make anything raise, in extraction, normalization or the rules, and a date that would fall
outside the years 1 to 9999 is left unresolved rather than given a year 0 or 10000."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factlint import lint_text, load_facts
from factlint.normalize.dates import OUT_OF_RANGE
from factlint.timex import tag

from .conftest import FACTS

FACTS_LOADED = load_facts(FACTS)

EDGES = [date.min, date.max, date(1, 1, 7), date(1, 12, 31), date(9999, 1, 1), date(9999, 12, 25),
         date(2024, 2, 29), date(2000, 2, 29), date(1600, 2, 29), date(9996, 2, 29), date(4, 2, 29)]
REFERENCES = st.one_of(st.sampled_from(EDGES), st.dates())

CUES = ["", "will ", "would ", "is expected to ", "had ", "was ", "plans to ", "until ", "not until ", "since "]
RELS = ["", "last ", "next ", "this ", "this past ", "this coming ", "earlier this ", "later this ", "the ", "early ",
        "mid-", "late ", "the latest ", "the current ", "the year-ago ", "the comparable year-earlier "]
HEADS = [
    "Monday", "Friday", "Sunday", "week", "weekend", "month", "year", "quarter", "fiscal year", "period", "summer",
    "winter", "December", "January", "February", "March", "Feb. 29", "Feb. 28", "Dec. 31", "Jan. 1", "July 27",
    "Wednesday, Dec. 31", "Friday, Jan. 1", "Monday, Feb. 29", "29 February", "2/29", "third quarter", "first half",
    "third-quarter", "fourth quarter of next year", "quarter a year ago", "Thursday night", "morning", "noon Friday",
    "12:00 UTC Monday", "1990s", "'80s", "20th century", "1st century", "year-earlier", "day", "two days ago",
    "a week ago", "a year earlier", "three months ago", "a decade ago", "9999", "0001", "1990", "fiscal 1989",
    "Q4", "Q1 2023", "tomorrow", "yesterday", "today", "tonight", "now", "recently", "recent years", "the future",
]
PHRASES = st.tuples(st.sampled_from(CUES), st.sampled_from(RELS), st.sampled_from(HEADS)).map("".join)
TEXTS = st.lists(PHRASES, min_size=1, max_size=6).map(lambda ps: "They met " + ", then ".join(ps) + ".")

_YEAR = re.compile(r"(-?[0-9]+)")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, REFERENCES)
def test_no_reference_date_makes_the_date_engine_raise(text, reference):
    for t in tag(text, reference):
        assert t.start < t.end and text[t.start : t.end] == t.text
        if t.type in ("DATE", "TIME"):
            m = _YEAR.match(t.value)
            if m and len(m.group(1)) >= 4:  # a value that names its year names one of the calendar's
                assert 1 <= int(m.group(1)) <= 9999, (t.text, t.value, reference)
        if t.note == OUT_OF_RANGE:
            assert t.interval is None
        if t.interval is not None:
            assert t.interval.first <= t.interval.last


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, REFERENCES)
@example(text="They met next Sunday.", reference=date(9999, 12, 25))  # the week after is past the calendar
@example(text="They met last Monday.", reference=date(1, 1, 3))  # the week before is before it
def test_no_reference_date_makes_the_rules_raise(text, reference):
    text = "Shoigu's visit to Pyongyang " + text + " Kirby said on Wednesday, Aug. 30, that Kim Jong Un met Putin."
    for f in lint_text(text, FACTS_LOADED, path="a.txt", reference_date=reference):
        assert text[f.span.start : f.span.end] == f.matched


def test_out_of_range_discourse_periods_are_unresolved():
    for phrase in ("the year-ago period", "the latest quarter", "a year earlier", "year-earlier results"):
        (t,) = [t for t in tag(f"Profit rose in {phrase}.", date(1, 1, 7)) if t.type == "DATE"]
        assert t.note == OUT_OF_RANGE and t.interval is None and not t.value.startswith(("-", "0000")), t
    (t,) = tag("It ends next year.", date.max)
    assert t.note == OUT_OF_RANGE and t.interval is None


def test_february_29_as_the_reference_date():
    by_text = {t.text: t.value for t in tag("Last year, next year, on Feb. 29 and a year ago it rained.", date(2024, 2, 29))}
    assert by_text["Last year"] == "2023" and by_text["next year"] == "2025" and by_text["a year ago"] == "2023"
    assert by_text["Feb. 29"] == "2024-02-29"
