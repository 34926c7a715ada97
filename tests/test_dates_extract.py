"""The date grammar: a table of forms, and properties that hold for any text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factlint.prose import Prose
from factlint.extract.dates import find_dates, find_dateline
from factlint.normalize.dates import resolve

REF = date(2023, 9, 1)  # a Friday

# text, expression found, TIMEX value against REF, interval (first..last) or None
TABLE = [
    ("on Wednesday, Aug. 30, 2023, he said", "Wednesday, Aug. 30, 2023", "2023-08-30", "2023-08-30"),
    ("on Wednesday, Aug. 30, he said", "Wednesday, Aug. 30", "2023-08-30", "2023-08-30"),
    ("the visit on July 27, the anniversary", "July 27", "2023-07-27", "2023-07-27"),
    ("by Aug 30th at the latest", "Aug 30th", "2023-08-30", "2023-08-30"),
    ("on 30 August 2023 in Seoul", "30 August 2023", "2023-08-30", "2023-08-30"),
    ("on the 30th of August", "the 30th of August", "2023-08-30", "2023-08-30"),
    ("filed 2023-08-30 in court", "2023-08-30", "2023-08-30", "2023-08-30"),
    ("filed 8/30/2023 in court", "8/30/2023", "2023-08-30", "2023-08-30"),
    ("since Feb. 2022 the war", "Feb. 2022", "2022-02", "2022-02-01..2022-02-28"),
    ("in February 2022 it began", "February 2022", "2022-02", "2022-02-01..2022-02-28"),
    ("This past March it was revealed", "This past March", "2023-03", "2023-03-01..2023-03-31"),
    ("Last December, the White House", "Last December", "2022-12", "2022-12-01..2022-12-31"),
    ("while visiting Pyongyang in July, he", "July", "2023-07", "2023-07-01..2023-07-31"),
    ("in October, the talks stalled", "October", "2022-10", "2022-10-01..2022-10-31"),
    ("Earlier this month, the U.S.", "Earlier this month", "2023-09", "2023-09-01"),
    ("in North Korea last month, the", "last month", "2023-08", "2023-08-01..2023-08-31"),
    ("to Russia last year for use", "last year", "2022", "2022-01-01..2022-12-31"),
    ("In comments earlier this year, Kim", "earlier this year", "2023", "2023-01-01..2023-09-01"),
    ("said on Wednesday that", "Wednesday", "2023-08-30", "2023-08-30"),
    ("said on Friday that", "Friday", "2023-09-01", "2023-09-01"),
    ("will meet next Tuesday", "next Tuesday", "2023-09-05", "2023-09-05"),
    ("it happened last week", "last week", "2023-W34", "2023-08-21..2023-08-27"),
    ("two days ago, they met", "two days ago", "2023-08-30", "2023-08-30"),
    ("said yesterday", "yesterday", "2023-08-31", "2023-08-31"),
    ("in mid-July the talks", "mid-July", "2023-07", "2023-07-11..2023-07-20"),
    ("in late 2022 the shells", "late 2022", "2022", "2022-09-01..2022-12-31"),
    ("since the 1990s", "the 1990s", "199", "1990-01-01..1999-12-31"),
    ("in 2022, Wagner", "2022", "2022", "2022-01-01..2022-12-31"),
    ("they will meet on Sept. 5", "Sept. 5", "2023-09-05", "2023-09-05"),
    ("they met on Dec. 28", "Dec. 28", "2022-12-28", "2022-12-28"),
]


@pytest.mark.parametrize("text,expr_text,value,interval", TABLE)
def test_forms(text, expr_text, value, interval):
    found = find_dates(Prose.of(text))
    assert [d.text for d in found] == [expr_text]
    r = resolve(found[0], REF)
    assert r.value == value
    assert str(r.interval) == interval


@pytest.mark.parametrize(
    "text",
    [
        "you may go home",  # "may" the verb
        "the march on the capital",
        "we will march on",
        "2,000 troops and 1,500 shells",
        "call 555-2023 or 555-2024",
        "Sun. Mon. and the Sun newspaper",
        "the 737 MAX and A330",
        "section 4.2 of the report",
    ],
)
def test_not_dates(text):
    assert find_dates(Prose.of(text)) == []


def test_relative_without_reference_is_unresolved():
    (d,) = find_dates(Prose.of("on Wednesday"))
    r = resolve(d, None)
    assert r.interval is None and r.needs_reference and r.value == "XXXX-WXX-3"
    (d,) = find_dates(Prose.of("on July 27"))
    r = resolve(d, None)
    assert r.value == "XXXX-07-27" and r.needs_reference


def test_absolute_dates_need_no_reference():
    for text in ("Aug. 30, 2023", "2023-08-30", "Feb. 2022", "in 2022"):
        (d,) = find_dates(Prose.of(text))
        assert resolve(d, None).interval is not None, text


@pytest.mark.parametrize(
    "text,reason",
    [("Feb. 30, 2023", "28 days"), ("31 April", "30 days"), ("2023-02-29", "not a leap year"), ("June 31", "30 days")],
)
def test_impossible(text, reason):
    (d,) = find_dates(Prose.of(text))
    r = resolve(d, REF)
    assert r.impossible and reason in r.impossible and r.interval is None


def test_day_first_numeric():
    (d,) = find_dates(Prose.of("on 30/8/2023"), day_first=True)
    assert (d.month, d.day) == (8, 30)
    assert find_dates(Prose.of("on 30/8/2023")) == []  # month 30 does not exist: not a date


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Headline\n\nPosted on : 2023-09-01 16:51 KST Modified on : 2023-09-02 10:00 KST\nBody", date(2023, 9, 1)),
        ("Headline\nMarch 01, 2008\nBody text", date(2008, 3, 1)),
        ("Updated: Aug. 31, 2023\nPublished: Aug. 30, 2023\n", date(2023, 8, 30)),
        ("Five reports, published 2023-08-30 to 2023-09-01.", None),
        ("No date here at all.", None),
    ],
)
def test_dateline(text, expected):
    found = find_dateline(text)
    assert (found[0] if found else None) == expected


# -- properties ---------------------------------------------------------------------------------

_pieces = st.sampled_from(
    ["Aug. 30", "Wednesday, ", "July 27", "2023", "-08-30", "last month", "Last December", "on ", "in ", "May", "March",
     "the 30th of", " August", "two days ago", "31", "/", "2/30/2023", "Feb. 29", ", ", ". ", "\n", "mid-", "early ", "s",
     "16:08", " UTC", " p.m.", "the ", "fourth quarter", " of ", "Q3 ", "nearly ", "five", " years", "-year", "a ",
     "weekly", "every ", "now", "in the past", "spring", "Autumn ", "'80s", "'82", "the day", "weekend", " morning",
     "and a half", "twenty-five", "more than ", "at least ", " half of ", "the last", "midday", "at ",
     "18th century", "same day", "week of ", "Easter", " week"]
)
_texts = st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_texts, st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_extraction_properties(text, ref):
    found = find_dates(Prose.of(text))
    assert found == find_dates(Prose.of(text))  # deterministic
    last_end = 0
    for d in found:
        assert 0 <= d.start < d.end <= len(text) and d.start >= last_end  # inside the text, no overlaps
        assert text[d.start : d.end] == d.text
        last_end = d.end
        r = resolve(d, ref)
        if r.interval is not None:
            assert r.interval.first <= r.interval.last
            assert r.value[:1].isdigit()
        else:  # no interval: said why, or a duration, a set or a reference word ("now")
            assert r.unresolved or r.impossible or r.timex_type in ("DURATION", "SET") or r.value.endswith("_REF")


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1600, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(["%B %-d, %Y", "%-d %B %Y", "%Y-%m-%d", "%b. %-d, %Y"]))
def test_any_real_date_round_trips(day, fmt):
    text = f"It happened on {day.strftime(fmt).replace('May.', 'May')}, officials said."
    found = find_dates(Prose.of(text))
    assert len(found) == 1
    r = resolve(found[0], None)
    assert r.value == day.isoformat() and str(r.interval) == day.isoformat()


@settings(max_examples=300, deadline=None)
@given(_texts)
@example("his the 1990s")  # a decade refused as an age, then found without its article
@example("mid  July")  # a modifier and its month apart by two spaces
@example("1.52/30/2023-08-30")  # an impossible numeric date refused, then a date that begins inside it
def test_start_prefilter_finds_exactly_what_a_full_scan_finds(text):
    """Trying the grammar only where a date can start loses nothing against trying everywhere."""
    _assert_prefilter_loses_nothing(text)


def _assert_prefilter_loses_nothing(text: str) -> None:
    """find_dates (the grammar tried where the prefilter says a date can start) finds what the
    grammar finds tried everywhere; the only expressions it drops are the ones the builder turns
    down (impossible numerics such as 13/40/2023, "quarterly" before a noun, "the 1990s" after
    "his": an age), and where it turns one down it may find another that begins inside it ("1990s"
    in "his the 1990s", "2023-08-30" in "52/30/2023-08-30"), which the scan everywhere, having
    stepped over the refused one, never tries."""
    from factlint.extract.dates import _FORMS, _build, _grammar

    full = {}
    for m in _grammar().finditer(text):
        form = next(f for f in _FORMS if m.group(f) is not None)
        full[m.span(form)] = m
    found = [(d.start, d.end) for d in find_dates(Prose.of(text))]
    refused = [(s, e) for (s, e), m in full.items() if _build(m, text, False) is None]
    for span in set(found) - set(full):
        assert any(s <= span[0] < e for s, e in refused), text[span[0] : span[1]]
    for span in set(full) - set(found):
        assert span in refused, text[span[0] : span[1]]


# text, expression, TIMEX3 type and value against REF (2023-09-01, a Friday)
TIMEX_TABLE = [
    ("at 16:08 UTC the index", "16:08 UTC", "TIME", "2023-09-01T16:08Z"),
    ("at 12:00 UTC Monday", "12:00 UTC Monday", "TIME", "2023-08-28T12:00Z"),
    ("by 6:40 p.m. local time", "6:40 p.m.", "TIME", "2023-09-01T18:40"),
    ("on Thursday night", "Thursday night", "TIME", "2023-08-31TNI"),
    ("this morning the talks", "this morning", "TIME", "2023-09-01TMO"),
    ("yesterday afternoon", "yesterday afternoon", "TIME", "2023-08-31TAF"),
    ("in the fourth quarter of 2005", "the fourth quarter of 2005", "DATE", "2005-Q4"),
    ("its third-quarter profit", "third-quarter", "DATE", "2023-Q3"),
    ("in the first quarter of last year", "the first quarter of last year", "DATE", "2022-Q1"),
    ("in Q3 2023", "Q3 2023", "DATE", "2023-Q3"),
    ("in the first half of 2023", "the first half of 2023", "DATE", "2023-H1"),
    ("after October of next year", "October of next year", "DATE", "2024-10"),
    ("in spring the sales", "spring", "DATE", "2023-SP"),
    ("in the fall the sales", "fall", "DATE", "2023-FA"),
    ("the summer of 2022 was hot", "the summer of 2022", "DATE", "2022-SU"),
    ("held their Autumn 2008 meetings", "Autumn 2008", "DATE", "2008-FA"),
    ("music of the '80s", "the '80s", "DATE", "198"),
    ("the class of '82", "'82", "DATE", "1982"),
    ("during the weekend, talks", "the weekend", "DATE", "2023-W34-WE"),
    ("for two days the markets", "two days", "DURATION", "P2D"),
    ("a 12-year high", "12-year", "DURATION", "P12Y"),
    ("after nearly five months of talks", "nearly five months", "DURATION", "P5M"),
    ("over the past nine days", "over the past nine days", "DURATION", "P9D"),
    ("almost two and a half years", "almost two and a half years", "DURATION", "P2.5Y"),
    ("thirty minutes of trading", "thirty minutes", "DURATION", "PT30M"),
    ("for twenty-five years", "twenty-five years", "DURATION", "P25Y"),
    ("for several years", "several years", "DURATION", "PXY"),
    ("over a decade ago", "a decade ago", "DATE", "201"),
    ("a weekly report", "weekly", "SET", "P1W"),
    ("twice a year", "twice a year", "SET", "P1Y"),
    ("is currently negotiating", "currently", "DATE", "PRESENT_REF"),
    ("it was recently revealed", "recently", "DATE", "PAST_REF"),
    ("in the future, talks", "the future", "DATE", "FUTURE_REF"),
    ("ended the day at 7,114", "the day", "DATE", "2023-09-01"),
]


@pytest.mark.parametrize("text,expr_text,timex_type,value", TIMEX_TABLE)
def test_timex_forms(text, expr_text, timex_type, value):
    from factlint.timex import tag

    (t,) = tag(text, REF)
    assert (t.text, t.type, t.value) == (expr_text, timex_type, value)


@pytest.mark.parametrize(
    "text",
    ["A second look at the data", "the fall of the Soviet Union", "prices fall in Asia", "a 2-year-old child",
     "the day before the vote", "the first of many", "at a meeting", "this matters"],
)
def test_not_timexes(text):
    from factlint.timex import tag

    assert tag(text, REF) == []


_DATELINE_PIECES = st.sampled_from(
    ["Posted on : ", "Published ", "Updated: ", "date: ", "POSTED at ", "2023-08-31", "Aug. 30, 2023", "30 August 2023",
     "August 31, 2023", "\n", " ", "\t", "| ", "• ", "— ", "Headline", "text, ", "2023-13-45"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_DATELINE_PIECES, max_size=14).map("".join))
def test_dateline_is_found_wherever_a_line_or_separator_starts_it(text):
    # the reference: the dateline pattern with ^ (multi-line), tried at every position
    import re

    from factlint.extract.dates import _DATE_WORDS, _dateline_matches

    reference = re.compile(
        r"(?:^[ \t]*|[|•·–—][ \t]*)(?P<label>(?i:posted|published|first\s+published|updated|modified|last\s+updated|date))"
        r"(?:\s+(?i:on|at))?\s*:?\s*(?P<date>" + _DATE_WORDS + ")"
        r"|^[ \t]*(?P<alone>(?:[A-Z][a-z]+\.?\s+[0-9]{1,2},\s+[0-9]{4})|(?:1[5-9]|20)[0-9]{2}-[01][0-9]-[0-3][0-9])[ \t]*$",
        re.M,
    )

    def groups(matches):
        return [(g, m.span(g)) for m in matches for g in ("label", "date", "alone") if m.group(g) is not None]

    assert groups(_dateline_matches(text)) == groups(reference.finditer(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_pieces, st.sampled_from(["jan2023", "Q3", "q12", "’90s", "'82", "mayé", "x-2023", "_5", "the 5th",
                                                    "THE", "3rd", "²", "٣", "Sept5"]), st.text(max_size=5)), max_size=25).map("".join))
# a start word ruled out by the word after it only where its look-ahead fails too: a listed word
# followed by a digit or another letter, an apostrophe before the next word, a hyphen, the last word
@example("the week2 that morningé, early ’nineties, the ’90s and mid-’80s")
@example("two-week a few days  that\u00a0same day; the year-end; the")
@example("The President, that man, a dog, these days, two thousand, every Julyx, every July")
@example("It was the '")  # the last word, an apostrophe after it: the look-ahead may hold
@example("mid  July, late\n\nMarch")  # a modifier and its month apart by more than one space
@example("mid-’")
def test_start_places_read_off_the_scan_are_the_prefilter_s(text):
    from factlint.extract.dates import _starts, _starts_from_scan
    from factlint.extract.phrases import Scan

    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    # everywhere the prefilter's look-ahead holds with no letter or digit (`str.isalnum`), "_" or
    # "-" before it: "(?<![\w-])" as the standard library reads \w
    pattern = _starts()
    everywhere = [
        pos for pos in range(len(lower))
        if pattern.match(lower, pos) and not (pos and (lower[pos - 1].isalnum() or lower[pos - 1] in "_-"))
    ]
    assert _starts_from_scan(lower, Scan.of(text)) == everywhere
    

# A date after "until" ends a state; one that still holds (not fronted, not negated) ends ahead of
# the reference date. "would" points ahead within its own phrase only. REF is Friday 2023-09-01.
DIRECTION = [
    ("Markets will stay closed until Tuesday, officials said.", "Tuesday", "2023-09-05", "end"),
    ("The government has continued to hold all markets closed until Tuesday.", "Tuesday", "2023-09-05", "end"),
    ("The court postponed until Tuesday any action on the case.", "Tuesday", "2023-09-05", "end"),
    ("Until Tuesday, they had not called anyone.", "Tuesday", "2023-08-29", "end"),  # fronted: a past state
    ("Up until Tuesday, however, they had not called.", "Tuesday", "2023-08-29", "end"),
    ("But it was not until Tuesday that he spoke.", "Tuesday", "2023-08-29", "end"),  # negated
    ("It wasn't until Tuesday that he spoke.", "Tuesday", "2023-08-29", "end"),
    ("Kudrin said money would be infused when the markets opened on Tuesday.", "Tuesday", "2023-09-05", None),
    ("They said they would appeal the decision, announced Tuesday by the agency.", "Tuesday", "2023-08-29", None),
    ("The swap lines remain available until March 6, the bank said.", "March 6", "2024-03-06", "end"),
    ("Markets stay shut ’til Tuesday.", "Tuesday", "2023-09-05", "end"),
    ("But it was not ’til Tuesday that he spoke.", "Tuesday", "2023-08-29", "end"),
    ("They’ll meet on Tuesday.", "Tuesday", "2023-09-05", None),  # a contraction, either apostrophe
]


@pytest.mark.parametrize("text,expr_text,value,bound", DIRECTION)
def test_until_ends_a_state_and_would_points_ahead_in_its_phrase(text, expr_text, value, bound):
    found = [d for d in find_dates(Prose.of(text)) if d.text == expr_text]
    assert len(found) == 1
    assert resolve(found[0], REF).value == value
    assert found[0].bound == bound


def test_other_reading_only_when_the_text_leaves_the_direction_open():
    from factlint.normalize.dates import other_reading

    def other(text: str) -> str | None:
        r = other_reading(find_dates(Prose.of(text))[0], REF)
        return r.value if r else None

    assert other("they met on Wednesday") == "2023-09-06"
    assert other("they will meet on Wednesday") == "2023-08-30"
    assert other("the visit on July 27") == "2024-07-27"
    assert other("in July") == "2024-07"
    # a weekday written on that very day (REF is a Friday): that day, or the one a week before
    assert other("Friday's vote") == "2023-08-25"
    assert other("they will vote on Friday") == "2023-09-08"
    # a part of the day said ahead without its day: this one, or the next day's; fixed by its word otherwise
    assert other("they will leave in the morning") == "2023-09-02TMO"
    assert other("they left in the morning") is None
    assert other("they will leave this morning") is None
    assert other("they will leave tomorrow morning") is None
    from datetime import date as day_

    assert other_reading(find_dates(Prose.of("on Monday"))[0], day_(1, 1, 1)) is None  # no week before year 1
    # a month near ahead, read so both ways: the other reading is the one a year before
    assert other("they met in October") == "2022-10"
    assert other("they will meet in October") is None
    # "last" or "next" before a day of the writing's own week: that day, or the one a week away
    # (REF is a Friday: "last Wednesday" may be two days before or nine)
    assert other("last Wednesday") == "2023-08-23"
    assert other("next Saturday") == "2023-09-09"
    # "this" before a day still ahead in the writing's week: that day, or the one just past
    assert other("this weekend") == "2023-W34-WE"
    assert other("this Saturday") == "2023-08-26"
    assert other("they will meet this Saturday") is None  # said ahead: this week's
    # an irregular past form before any future cue sets the clause's tense ("gave ... to be")
    assert other("This weekend's vote gave the union much to be proud of") == "2023-W34-WE"
    assert other("the vote is set for this weekend") is None
    from datetime import date

    assert other_reading(find_dates(Prose.of("this Saturday"))[0], date(1, 1, 1)) is None  # a week before year 1
    for fixed in ("last Friday", "next Wednesday", "July 27, 2023", "yesterday", "Last December", "last month",
                  "this Friday", "this Wednesday"):
        assert other(fixed) is None, fixed
    # a count of weeks is also read in weeks that begin on a Sunday (REF, Friday 2023-09-01, is in
    # the Sunday-start week of August 27 to September 2)
    def week(phrase, ref=REF):
        r = other_reading(find_dates(Prose.of(phrase))[0], ref)
        return (r.interval.first.isoformat(), r.interval.last.isoformat())

    assert week("this week") == ("2023-08-27", "2023-09-02")
    assert week("last week") == ("2023-08-20", "2023-08-26")
    assert week("two weeks ago") == ("2023-08-13", "2023-08-19")
    # written on a Sunday, that day starts the week: "last week" is the one that ended the day before
    assert week("last week", date(2023, 9, 3)) == ("2023-08-27", "2023-09-02")
    assert week("next week", date(2023, 9, 3)) == ("2023-09-10", "2023-09-16")
    assert other_reading(find_dates(Prose.of("last week"))[0], date(1, 1, 1)) is None  # before the calendar
    # "earlier this weekend" written before its Saturday is the weekend just past
    r = resolve(find_dates(Prose.of("They met earlier this weekend."))[0], date(2016, 8, 1))
    assert (r.interval.first, r.interval.last) == (date(2016, 7, 30), date(2016, 7, 31))
    r = resolve(find_dates(Prose.of("They met earlier this weekend."))[0], date(2016, 8, 7))
    assert (r.interval.first, r.interval.last) == (date(2016, 8, 6), date(2016, 8, 7))
    # "later this week" written on a Sunday, the last day of its ISO week: the days ahead of it
    r = resolve(find_dates(Prose.of("They will meet later this week."))[0], date(2023, 9, 3))
    assert (r.interval.first, r.interval.last) == (date(2023, 9, 3), date(2023, 9, 9))
    r = resolve(find_dates(Prose.of("They will meet later this week."))[0], date(2023, 9, 6))
    assert (r.interval.first, r.interval.last) == (date(2023, 9, 6), date(2023, 9, 10))
    assert resolve(find_dates(Prose.of("later this week"))[0], date(9999, 12, 26)).interval is not None  # (a Sunday)
    # a part of a week is counted from the writing only ("later this week" written on a Thursday)
    assert other_reading(find_dates(Prose.of("later this week"))[0], date(2024, 3, 14)) is None
    assert other_reading(find_dates(Prose.of("on Wednesday"))[0], None) is None


# -- issue 18: periods a text reports on, years as modifiers, reference words and vague spans ----
# (our own sentences; the reference date is Thursday 1989-11-02)

_REF18 = date(1989, 11, 2)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Third-quarter profit rose 5% from a year earlier.", [("Third-quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]),
        ("Net fell in the latest quarter.", [("the latest quarter", "1989-Q3")]),
        ("Sales in the year-ago period were higher.", [("the year-ago period", "1988-Q3")]),
        ("Second-quarter net was $5 million, after a year-earlier loss.", [("Second-quarter", "1989-Q2"), ("year-earlier", "1988-Q2")]),
        ("The quarter was hard, and the quarter a year ago was worse.", [("The quarter", "1989-Q3"), ("the quarter a year ago", "1988-Q3")]),
        ("Revenue in the current quarter will rise.", [("the current quarter", "1989-Q4")]),
        ("Sales in this year's second quarter and the 1987 fourth quarter", [("this year's second quarter", "1989-Q2"), ("the 1987 fourth quarter", "1987-Q4")]),
        ("The firm expects to report third-quarter results soon.", [("third-quarter", "1989-Q3"), ("soon", "FUTURE_REF")]),
        ("Profit in the current fiscal year should rise.", [("the current fiscal year", "1989")]),
        ("In fiscal 1991 the unit earned $3 million.", [("fiscal 1991", "1991")]),
        ("Its 1985 merger and a 1962 treaty were cited.", [("1985", "1985"), ("1962", "1962")]),
        ("Exports have slowed in recent months.", [("recent months", "PXM")]),
        ("The plant has lost money for years.", [("years", "PXY")]),
        ("Prices rose over the years.", [("the years", "PXY")]),
        ("She blamed current market conditions.", [("current", "PRESENT_REF")]),
        ("It is a church of the 19th century.", [("the 19th century", "18")]),
        ("The offer expires at noon Friday.", [("noon Friday", "1989-10-27T12:00")]),
        ("Shares are payable Dec. 7 to holders of record.", [("Dec. 7", "1989-12-07")]),
        ("Trading is to resume Tuesday in Paris.", [("Tuesday", "1989-11-07")]),
        ("The envoy could arrive as soon as Monday.", [("Monday", "1989-11-06")]),
        ("Trading resumed Tuesday in Paris.", [("Tuesday", "1989-10-31")]),
    ],
)
def test_timeml_forms_of_news(text, expected):
    from factlint.timex import tag

    assert [(t.text, t.value) for t in tag(text, _REF18)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Lee, 61 years old, retired.",  # an age is no duration
        "Its 2000 employees were told.",  # a count before a plural noun is no year
        "The years of plenty are over.",  # a vague unit only after for/within/over/in
    ],
)
def test_timeml_forms_not_dates(text):
    from factlint.timex import tag

    assert tag(text, _REF18) == []


def test_periods_and_fiscal_years_are_never_checked():
    """What the text reports on ("the latest quarter"), a fiscal year and a reference word carry a
    value but no interval: no rule compares them with a curated date."""
    for text in ("Net fell in the latest quarter.", "In fiscal 1991 it earned $3 million.", "the current system",
                 "Sales rose in recent months."):
        (expr,) = find_dates(Prose.of(text))
        assert resolve(expr, _REF18).interval is None


def test_a_year_earlier_keeps_its_year_interval():
    """The discourse changes only the TIMEX value of "a year earlier"; what the rules see stays the year."""
    from factlint.normalize.dates import resolve_text

    exprs = find_dates(Prose.of("Third-quarter net rose from a year ago."))
    by_text = resolve_text(exprs, _REF18)
    assert by_text[1].value == "1988-Q3"
    assert by_text[1].interval == resolve(exprs[1], _REF18).interval


def test_date_words_table_is_the_grammar_s():
    """A form of `date_words.txt` is one line there: each reference word is found, with its value."""
    from factlint.extract.dates import DATE_WORDS, REF_WORDS

    for phrase, value in DATE_WORDS["ref"]:
        found = find_dates(Prose.of(f"Talks resume {phrase}."))  # (after a past form "soon" is refused: "was soon released")
        assert [(d.text.lower(), d.value) for d in found] == [(phrase, value)]
    assert REF_WORDS["current"] == "PRESENT_REF"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(
    _pieces,
    st.sampled_from([w for rows in __import__("factlint.extract.dates", fromlist=["DATE_WORDS"]).DATE_WORDS.values() for w, _ in rows]),
    st.sampled_from([" ", "the ", " quarter", " period", " year", "fiscal ", "noon ", "Friday", "1990", " a year ago",
                     "-earlier", "19th century", "this year's ", "for ", "over ", "nineteen ", "ninety-six", "oh five",
                     "two thousand", " and one", "the year ", "a couple of", " more", "year's end", "year-end", "that ",
                     "following ", "Thanksgiving", "New Year's Day", "last ", " ended", "1,000", "5%", "3rd", "19th",
                     " century", " half", "80s", "1.5", "12:30", "0800", " GMT", "7 ", "30th", " Aug.", " of "]),
    st.text(max_size=5),
), max_size=25).map("".join))
def test_prefilter_keeps_every_candidate_of_the_table_words(text):
    """The prefilter generated from `date_words.txt` never loses an expression the full grammar finds."""
    _assert_prefilter_loses_nothing(text)


# -- issue 18, round 3: the year a text reports on, periods named before, spoken years, holidays,
# counts with "more", intention cues (our own sentences; the reference date is Thursday 1989-11-02)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Sales for the full year rose 4%.", [("the full year", "1989")]),
        ("For the year, volume was flat.", [("the year", "1989")]),
        ("Net income for the year ended June 30 fell.", [("the year", "P1Y"), ("June 30", "1989-06-30")]),
        ("The sale should close by year-end.", [("year-end", "1989")]),
        ("Costs are to be cut by the end of the year.", [("the end of the year", "1989")]),
        ("Profit fell sharply at the end of last year.", [("the end of last year", "1988")]),
        ("He left in June 1985 and came back later that year.", [("June 1985", "1985-06"), ("that year", "1985")]),
        ("The plant opened in 1984; the following year it closed.", [("1984", "1984"), ("the following year", "1985")]),
        ("Third-quarter net fell, and results for that quarter included a charge.", [("Third-quarter", "1989-Q3"), ("that quarter", "1989-Q3")]),
        ("Prices peaked in nineteen eighty-seven.", [("nineteen eighty-seven", "1987")]),
        ("It was a hard winter. March nineteen eighty-eight was worse.", [("March nineteen eighty-eight", "1988-03")]),
        ("Their plans reach to the year two thousand and beyond.", [("the year two thousand", "2000")]),
        ("The talks broke off in July last year.", [("July last year", "1988-07")]),
        ("The ship sank last Christmas.", [("last Christmas", "1988-12-25")]),
        ("The stores will open on Labor Day.", [("Labor Day", "1990-09-03")]),
        ("The loan runs for a couple of years.", [("a couple of years", "P2Y")]),
        ("The troops will stay for at least two more weeks.", [("at least two more weeks", "P2W")]),
        ("The company agreed to buy the unit in February.", [("February", "1990-02")]),
        ("The reduced dividend is payable Jan. 2.", [("Jan. 2", "1990-01-02")]),
        ("Mr. Lee will succeed Daniel P. Davison Feb. 1.", [("Feb. 1", "1990-02-01")]),
        ("A bomb went off next to the embassy Friday.", [("Friday", "1989-10-27")]),
        ("The would-be buyer met the board Friday.", [("Friday", "1989-10-27")]),  # a compound, not the modal
        ('"We will grow," Mr. Lee said Friday.', [("Friday", "1989-10-27")]),
    ],
)
def test_timeml_forms_of_news_round_3(text, expected):
    from factlint.timex import tag

    assert [(t.text, t.value) for t in tag(text, _REF18)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The year was hard for the chain.",  # "the year" reports on a year only after a preposition
        "Nineteen people were hurt.",  # a count, no spoken year
        "He bought nineteen ninety-year-old stamps.",  # a count before an age
        "They sold two thousand copies.",  # "two thousand" is a year only where one is expected
        "She stood next to him.",  # no cue and no date
    ],
)
def test_timeml_forms_not_dates_round_3(text):
    from factlint.timex import tag

    assert tag(text, _REF18) == []


@pytest.mark.parametrize(
    "rule,year,day",
    [
        ("11-4THU", 1999, date(1999, 11, 25)),  # Thanksgiving
        ("11-1MON+1", 1998, date(1998, 11, 3)),  # Election Day
        ("05-LMON", 1999, date(1999, 5, 31)),  # Memorial Day
        ("EASTER", 2000, date(2000, 4, 23)),
        ("EASTER", 2024, date(2024, 3, 31)),
        ("EASTER-2", 2024, date(2024, 3, 29)),  # Good Friday
        ("12-25", 2023, date(2023, 12, 25)),
    ],
)
def test_holiday_rules(rule, year, day):
    from factlint.normalize.dates import holiday_date

    assert holiday_date(rule, year) == day


def test_every_holiday_of_the_table_is_found_and_placed():
    from factlint.extract.dates import HOLIDAYS
    from factlint.timex import tag

    for name in HOLIDAYS:
        written = " ".join(w[:1].upper() + w[1:] for w in name.split())
        (t,) = tag(f"They met on {written}.", _REF18)
        assert t.text == written and t.value[:4] in ("1988", "1989") and t.interval is not None


@pytest.mark.parametrize(
    "text,expected",
    [
        # a quantity "a year" is a rate: a SET, not a duration
        ("The fund pays $1.50 a year to its holders.", [("a year", "P1Y", "SET")]),
        ("The airline runs four flights a week to Lima.", [("a week", "P1W", "SET")]),
        ("Hundreds of cars a day cross the bridge.", [("a day", "P1D", "SET")]),
        ("The rebels were beaten within a week.", [("a week", "P1W", "DURATION")]),
        ("It takes a year to build one.", [("a year", "P1Y", "DURATION")]),
        # "the week" a text reports on, after "for" or with a possessive
        ("For the week, the index rose 2%.", [("the week", "1989-WXX", "DATE")]),
        ("Thursday was the week's busiest session.", [("Thursday", "1989-11-02", "DATE"), ("the week", "1989-WXX", "DATE")]),
        # a present tense of scheduling points the date ahead; a past tense back
        ("The two ministers meet Monday in Geneva.", [("Monday", "1989-11-06", "DATE")]),
        ("The two ministers met Monday in Geneva.", [("Monday", "1989-10-30", "DATE")]),
        ("The family will fight on when the case is heard in March.", [("March", "1990-03", "DATE")]),
        ("The new session opens Tuesday.", [("Tuesday", "1989-11-07", "DATE")]),
        ("Trading was halted as the Bourse resumes Friday.", [("Friday", "1989-11-03", "DATE")]),
        # "adjusted quarterly": a frequency still
        ("The reserve will be adjusted quarterly.", [("quarterly", "P1Q", "SET")]),
    ],
)
def test_timeml_forms_of_news_round_4(text, expected):
    from factlint.timex import tag

    assert [(t.text, t.value, t.type) for t in tag(text, _REF18)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The board raised its quarterly dividend.",  # a frequency word describing a noun
        "Its quarterly results disappointed analysts.",
        "They met in the week before the vote.",  # "the week" only after "for" or before "'s"
        "He spent the rest of the week in Paris.",
    ],
)
def test_timeml_forms_not_dates_round_4(text):
    from factlint.timex import tag

    assert tag(text, _REF18) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # a clock hour without minutes, with the day or date after it
        ("He was shot at 10 p.m. Wednesday, police said.", [("10 p.m. Wednesday", "1989-11-01T22:00", "TIME")]),
        ("The offer expires at 5 p.m. EST Nov. 9.", [("5 p.m. EST Nov. 9", "1989-11-09T17:00", "TIME")]),
        ("CBS first reported last night that the tomb was empty.", [("last night", "1989-11-01TNI", "TIME")]),
        ("By mid afternoon, the shares were up.", [("mid afternoon", "1989-11-02TAF", "TIME")]),
        # "the past decade" is a span up to the writing; "the last decade" the calendar decade before
        ("Attacks had become routine over the past decade.", [("past decade", "P10Y", "DURATION")]),
        ("Wages lost ground in the last decade.", [("last decade", "197", "DATE")]),  # the 1970s, written in 1989
        ("Prices rose through the nineties.", [("the nineties", "199", "DATE")]),
        # counted from another event: the span itself (TimeML: a DURATION)
        ("A few days later, the company announced a loss.", [("A few days later", "PXD", "DURATION")]),
        ("The banks must wait 30 days before closing the purchase.", [("30 days before", "P30D", "DURATION")]),
        # vague spans ahead, like "recent years"
        ("Rates may fall in coming weeks.", [("coming weeks", "PXW", "DURATION")]),
        ("The index lost 300 points in minutes.", [("minutes", "PTXM", "DURATION")]),
        # every such month or day: a SET
        ("Orangemen march each July through the town.", [("each July", "XXXX-07", "SET")]),
        ("The third flight departs each Thursday.", [("each Thursday", "XXXX-WXX-4", "SET")]),
        # the financial period a year before the quarter reported on
        ("Net rose in the third quarter. It earned $3 million in the 1988 quarter.",
         [("the third quarter", "1989-Q3", "DATE"), ("the 1988 quarter", "1988-Q3", "DATE")]),
        ("Net rose in the third quarter from the corresponding period last year.",
         [("the third quarter", "1989-Q3", "DATE"), ("the corresponding period last year", "1988-Q3", "DATE")]),
        # after "for the nine months", "a year earlier" is the year, not the quarter
        ("Net rose in the third quarter. For the nine months, net was $5 million, up from $4 million a year earlier.",
         [("the third quarter", "1989-Q3", "DATE"), ("nine months", "P9M", "DURATION"), ("a year earlier", "1988", "DATE")]),
        # a month that begins within 60 days is the coming one, unless the clause it opens is past
        ("Dealers placed orders for November transactions.", [("November", "1989-11", "DATE")]),
        ("In December, the company changed its fiscal year.", [("December", "1988-12", "DATE")]),
        # a date that opens its clause takes the tense of the verb after it
        ("On Tuesday, the league plans to hold a news conference.", [("Tuesday", "1989-11-07", "DATE")]),
        ("On Tuesday, the league planned to hold a news conference.", [("Tuesday", "1989-10-31", "DATE")]),
        # a month before the noun it dates; the day or month the text tells of
        ("It is trying to sell itself under a June agreement.", [("June", "1989-06", "DATE")]),
        ("Talks began on Oct. 13. The next morning, they failed.", [("Oct. 13", "1989-10-13", "DATE"), ("The next morning", "1989-10-14", "DATE")]),
        ("The hearing will be held the week of March 6.", [("the week of March 6", "1990-W10", "DATE")]),
        ("Islam will one day be the second religion.", [("one day", "FUTURE_REF", "DATE")]),
        ("Kosovo is worried about the future.", [("the future", "FUTURE_REF", "DATE")]),
    ],
)
def test_timeml_forms_of_news_round_5(text, expected):
    from factlint.timex import tag

    assert [(t.text, t.value, t.type) for t in tag(text, _REF18)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Iraq imports about three-quarters of its food.",  # a share, not a span of quarters
        "It accounts for more than a quarter of the market.",
        "He was soon released from the hospital.",  # "soon" ahead of a past event, not of the writing
        "He was killed soon after being captured.",
        'Baker said on ABC News\' "This Week" that the talks failed.',  # a title
        "She married his father when he was in his 30s.",  # an age
        "Janos Martonyi and Jan Kavan signed.",  # a name
    ],
)
def test_timeml_forms_not_dates_round_5(text):
    from factlint.timex import tag

    assert tag(text, _REF18) == []


def test_a_month_before_its_noun_is_a_timex_but_no_date_the_checks_read():
    """"The May report said the visit was on July 27": May dates the report, not the visit."""
    from factlint.extract.dates import find_dates
    from factlint.timex import tag

    text = "The May report said the visit was on July 27."
    assert [t.text for t in tag(text, _REF18)] == ["May", "July 27"]
    assert [d.text for d in find_dates(Prose.of(text))] == ["July 27"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a plan seen from the past ("had been due to"): the date is read as news reads it, not ahead
        ("The bid had been due to lapse Friday evening.", [("Friday evening", "1989-10-27TEV", "TIME")]),
        ("The ballot had been scheduled for Tuesday.", [("Tuesday", "1989-10-31", "DATE")]),
        ("The bid is due to lapse Friday evening.", [("Friday evening", "1989-11-03TEV", "TIME")]),
        # "next" after a past form tells what came after, not what lies ahead
        ("The minister arrived next in Lagos, a port still rebuilding after the Aug. 7 storm.",
         [("Aug. 7", "1989-08-07", "DATE")]),
        ("The minister travels to Lagos next, for the Aug. 7 summit.", [("Aug. 7", "1990-08-07", "DATE")]),
        # not after a present "-eed" verb or a passive's participle
        ("The talks proceed next in Geneva, before the Aug. 7 summit.", [("Aug. 7", "1990-08-07", "DATE")]),
        ("The team is seeded next, ahead of the Aug. 7 draw.", [("Aug. 7", "1990-08-07", "DATE")]),
        # a half of a decade or a century is no half of a year
        ("Housing starts stayed flat through the last half of the '70s.", [("the last half of the '70s", "197", "DATE")]),
        ("Rents climbed in the first half of the 1960s.", [("the first half of the 1960s", "196", "DATE")]),
        ("Canals were dug in the second half of the 18th century.", [("the second half of the 18th century", "17", "DATE")]),
        ("Rents climbed in the first half of 1960.", [("the first half of 1960", "1960-H1", "DATE")]),
        # noon, midday, midnight after a preposition: of the day the text is written
        ("The suspect will face a magistrate at midday, his lawyer said.", [("midday", "1989-11-02T12:00", "TIME")]),
        # a quarter before the one reported on, named in passing, is no new report
        ("Acme Corp. said third-quarter profit rose 12%. After a weak second quarter, orders picked up. "
         "Sales in the latest period were $5 million, against $4 million a year earlier.",
         [("third-quarter", "1989-Q3", "DATE"), ("second quarter", "1989-Q2", "DATE"),
          ("the latest period", "1989-Q3", "DATE"), ("a year earlier", "1988-Q3", "DATE")]),
        # the first quarter a report names, begun and not ahead, is the (fiscal) one it reports on
        ("Acme Corp. reported lower fourth-quarter earnings. It earned $5 million, against $6 million a year earlier.",
         [("fourth-quarter", "1989-Q4", "DATE"), ("a year earlier", "1988-Q4", "DATE")]),
        # the same day: the day the text named last
        ("The strike began on Oct. 13. The mill closed on the same day.",
         [("Oct. 13", "1989-10-13", "DATE"), ("the same day", "1989-10-13", "DATE")]),
        ("Shares slid Friday. That same day, the bank cut its rate.",
         [("Friday", "1989-10-27", "DATE"), ("That same day", "1989-10-27", "DATE")]),
        # a week of a month: the ISO week that holds its first (last...) Thursday
        ("Orders picked up in the last week of September.", [("the last week of September", "1989-W39", "DATE")]),
        ("The fair opens in the first week of June 1990.", [("the first week of June 1990", "1990-W23", "DATE")]),
        # a holiday's week
        ("Shops stayed open late in Thanksgiving week.", [("Thanksgiving week", "1989-W47", "DATE")]),
    ],
)
def test_timeml_forms_of_news_round_6(text, expected):
    from factlint.timex import tag

    assert [(t.text, t.value, t.type) for t in tag(text, _REF18)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "They served a midday meal to the crews.",  # noon words before a noun: no time of day
        "The noon deadline passed quietly.",
        "She sat next to the envoy.",
        "He left on the same day as the envoy.",  # the day of another event, not one the text named
        "The couriers offer same-day delivery.",
        "She spent the last week of her holiday in Oslo.",  # an ordinal week, not the week before the writing
    ],
)
def test_timeml_forms_not_dates_round_6(text):
    from factlint.timex import tag

    assert tag(text, _REF18) == []


def test_a_half_of_a_decade_is_the_decade_s_interval():
    """"the first half of the 1990s" is checked as the decade, never as the first half of the
    year of the writing."""
    from factlint.timex import tag

    (t,) = tag("Rents climbed in the first half of the 1990s.", _REF18)
    assert (t.interval.first.isoformat(), t.interval.last.isoformat(), t.mod) == ("1990-01-01", "1999-12-31", "START")


@pytest.mark.parametrize(
    "text,values",
    [
        ("He left the meeting around 11:45 a.m. on Friday.", [("11:45 a.m.", "2016-06-10T11:45"), ("Friday", "2016-06-10")]),
        ("They met at noon on June 7.", [("noon", "2016-06-07T12:00"), ("June 7", "2016-06-07")]),
        ("He left at 11:45 a.m. Friday.", [("11:45 a.m. Friday", "2016-06-10T11:45")]),
        # a time that is not on the day after it keeps the day of the writing
        ("He left at 11:45 a.m., and on Friday he returned.", [("11:45 a.m.", "2016-06-11T11:45"), ("Friday", "2016-06-10")]),
        ("He left at 11:45 a.m. yesterday, not on Friday.", [("11:45 a.m. yesterday", "2016-06-10T11:45"), ("Friday", "2016-06-10")]),
    ],
)
def test_a_time_on_a_day_takes_that_day(text, values):
    ref = date(2016, 6, 11)
    assert [(e.text, resolve(e, ref).value) for e in find_dates(Prose.of(text))] == values


@pytest.mark.parametrize(
    "text,found",
    [
        # a weekday that ends a name dates nothing: "Super Tuesday" moves from year to year
        ("Fifteen states voted on Super Tuesday, on March 1.", [("March 1", "2023-03-01")]),
        ("Stocks fell on Black Monday.", []),
        ("Super-Tuesday states voted.", []),
        # a holiday by its rule
        ("Shoppers lined up on Black Friday.", [("Black Friday", "2022-11-25")]),
        ("Stores opened on Cyber Monday.", [("Cyber Monday", "2022-11-28")]),
        ("He fasted on Ash Wednesday.", [("Ash Wednesday", "2023-02-22")]),
        # a weekday alone is still one
        ("The board met on Tuesday.", [("Tuesday", "2023-08-29")]),
    ],
)
def test_a_weekday_that_ends_a_name_is_no_date(text, found):
    assert [(e.text, resolve(e, REF).value) for e in find_dates(Prose.of(text))] == found


def test_the_builder_unpacks_the_groups_it_names_in_their_order():
    """`_build` reads a match's named groups from one `itemgetter` call: its unpacking must list
    `_BUILD_NAMES` in their order (a swap would read one group as another)."""
    import inspect
    import re as std_re

    from factlint.extract.dates import _BUILD_NAMES, _build

    unpacked = std_re.search(r"\(\s*((?:g_\w+,\s*)+)\) = _BUILD_GROUPS", inspect.getsource(_build))
    assert unpacked is not None
    assert tuple(std_re.findall(r"g_(\w+)", unpacked.group(1))) == _BUILD_NAMES
    assert not std_re.search(r"\bg\[", inspect.getsource(_build))  # every group is read from the unpacking


@pytest.mark.parametrize(
    "text,future",
    [
        # a participle used as an adjective sets no tense: the clause's "will" does
        ("On Friday, the Saudi-led coalition will meet in Riyadh.", True),
        ("On Friday, the spent fuel will be moved.", True),
        ("On Friday, the newly built school will open.", True),
        ("On Friday, a tax-funded plan will start.", True),
        # a finite past form does, before the "will" of another clause
        ("On Friday, the family moved to the coast and will stay there.", False),
        ("On Friday, the Senate narrowly passed the bill and will vote again.", False),
        ("On Friday, voters re-elected the mayor and will meet again.", False),
    ],
)
def test_a_participle_before_a_noun_sets_no_tense(text, future):
    (expr,) = find_dates(Prose.of(text))
    assert expr.future is future
