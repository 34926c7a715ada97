"""Dates are paired with the event mention they date, and with nothing when unsure."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.reference import read_article
from factlint.engine import Linter
from factlint.extract.dates import CONTEXTS
from factlint.facts import parse_facts

FACTS = parse_facts(
    """
version: 1
events:
  - id: visit
    what: the visit
    date: 2023-07-27
    mentions: ["Shoigu's visit", "visit to Pyongyang", "Shoigu's trip"]
  - id: letters
    what: the letters
    date: {from: 2023-07-27, to: 2023-08-30}
    mentions: ["exchanged letters"]
  - id: claim
    what: the claim
    date: 2022-12
    mentions: ["the White House had claimed"]
  - id: deliveries
    what: the deliveries
    date: 2022
    mentions: ["provided rockets and missiles"]
"""
)
LINTER = Linter.of(FACTS)


def pairs(text: str, ref: str = "2023-09-01") -> list[tuple[str, str]]:
    from datetime import date

    doc = read_article("t.txt", text, reference_date=date.fromisoformat(ref), reference_origin="test")
    a = LINTER.analyse(doc)
    return [(a.dates[i].expr.text, m.event_id) for i, m in sorted(a.date_events.items())]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Shoigu's visit to Pyongyang on July 27 was intended to persuade.", [("July 27", "visit")]),
        ("After Shoigu's visit last month, letters followed.", [("last month", "visit")]),
        ("Since Shoigu's visit, Kim and Putin exchanged letters in August.", [("August", "letters")]),
        ("Following Shoigu's visit, the two leaders exchanged letters on Aug. 5.", [("Aug. 5", "letters")]),
        ("Last December, the White House had claimed that North Korea provided rockets and missiles.", [("Last December", "claim")]),
        ("On July 27, Shoigu's visit began.", [("July 27", "visit")]),
        # A date in another sentence is never paired.
        ("Shoigu's visit was shameful. On Wednesday, the UN met.", []),
        # Another date between them blocks the pairing.
        ("Shoigu's trip in July, reported on Aug. 3, was criticised.", [("July", "visit")]),
        # A date that a comma closes inside its sentence ends a phrase of its own ...
        ("The exchange, begun last month, exchanged letters of praise.", []),
        # ... unless it opens the sentence
        ("On July 27, Shoigu's visit began.", [("July 27", "visit")]),
        # Far apart in a long clause: no pairing.
        ("Shoigu's visit was, according to officials who spoke at length about many things, on Aug. 9.", []),
    ],
)
def test_pairing(text, expected):
    assert pairs(text) == expected


def test_nearest_mention_wins_and_a_linked_date_is_never_ambiguous():
    assert pairs("Shoigu's trip and the exchanged letters came in August.") == [("August", "letters")]
    assert pairs("Shoigu's visit on July 27 exchanged letters.") == [("July 27", "visit")]


def test_equally_near_mentions_of_different_events_leave_the_date_unpaired():
    assert pairs("Shoigu's trip, Aug. 3, exchanged letters.", ref="2023-09-01") == [("Aug. 3", "visit")]
    assert pairs("The exchanged letters then Aug. 3 then Shoigu's trip.") == []


# A schedule given up or a forecast is not the date of the event: paired with none. Firm plans and
# dates outside the words' reach stay paired.
@pytest.mark.parametrize(
    "text,expected",
    [
        ("Shoigu's visit, originally due later this year, was put off.", []),
        ("Originally, Shoigu's visit was planned for Aug. 9.", []),
        ("At first, Shoigu's trip had been scheduled for Aug. 9.", []),
        ("Shoigu's visit is expected to take place in mid-2024.", []),
        ("Shoigu's visit may take place as early as March.", []),
        ("Shoigu's trip could come in August, analysts said.", []),
        # a firm plan is checked
        ("Shoigu's visit will take place on Aug. 9.", [("Aug. 9", "visit")]),
        ("Shoigu's visit is scheduled for Aug. 9.", [("Aug. 9", "visit")]),
        # the word opens no clause the date is in
        ("It is expected that Kim will host Shoigu's visit when it begins on Aug. 9.", [("Aug. 9", "visit")]),
        ("Kim may hold talks, and Shoigu's visit began on July 27.", [("July 27", "visit")]),
        ("North Korea might sell shells to Russia, whose Shoigu's visit came in July.", [("July", "visit")]),
        # "May" the month is no "may"; "First Boston" is a name, not "at first"
        ("The May report said Shoigu's visit was on July 27.", [("July 27", "visit")]),
        ("Analysts at First Boston said Shoigu's visit was on July 27.", [("July 27", "visit")]),
        # "originally" gives up a schedule only with a schedule word
        ("Shoigu's visit was originally reported on July 27.", [("July 27", "visit")]),
        ("Shoigu's visit originally began on July 27.", [("July 27", "visit")]),
        ("Shoigu's trip, tentatively scheduled for Aug. 9, was put off.", []),
        ("Shoigu's trip was tentatively welcomed in July.", [("July", "visit")]),
        # "was to", "were to": a plan stated and given up
        ("Shoigu's visit was to take place in August, but will now come in October.", []),
    ],
)
def test_schedules_given_up_and_forecasts_are_not_paired(text, expected):
    assert pairs(text) == expected


SHARED = parse_facts(
    """
version: 1
events:
  - id: cairo-speech
    what: the speech in Cairo
    date: 2009-06-04
    mentions: ["the speech", "speech in Cairo"]
  - id: house-speech
    what: the speech to Congress
    date: 2009-02-24
    mentions: ["the speech", "address to Congress"]
  - id: gm-speech
    what: the speech on GM
    date: 2009-06-01
    mentions: [{phrase: "the remarks", near: [GM, General Motors]}]
  - id: other-remarks
    what: other remarks
    date: 2009-05-01
    mentions: [{phrase: "the remarks", near: Chrysler}]
"""
)


def shared_pairs(text: str) -> list[tuple[str, str]]:
    doc = read_article("t.txt", text, reference_date=date(2009, 6, 10), reference_origin="test")
    a = Linter.of(SHARED).analyse(doc)
    return [(a.dates[i].expr.text, m.event_id) for i, m in sorted(a.date_events.items())]


def test_a_mention_shared_by_two_events_dates_neither_unless_the_sentence_says_which():
    assert shared_pairs("The speech on June 2 was long.") == []
    assert shared_pairs("In his speech in Cairo, the speech on June 4 was long.") == [("June 4", "cairo-speech")]
    assert shared_pairs("The speech on Feb. 24, his first address to Congress, was long.") == [("Feb. 24", "house-speech")]
    # both named: the sentence does not say which; a name in another clause says nothing
    assert shared_pairs("His speech in Cairo echoed his address to Congress, and the speech on June 4 was long.") == []
    assert shared_pairs("His address to Congress was short; the speech on June 4 was long.") == []


def test_a_mention_may_need_a_word_nearby():
    assert shared_pairs("The remarks on June 1 were about GM.") == [("June 1", "gm-speech")]
    assert shared_pairs("The remarks on May 1 were about Chrysler.") == [("May 1", "other-remarks")]
    assert shared_pairs("The remarks on June 1 were brief.") == []


def test_a_mention_shared_by_two_events_is_reported_once_with_both():
    doc = read_article("t.txt", "The speech was long.", reference_date=date(2009, 6, 10), reference_origin="test")
    (m,) = Linter.of(SHARED).analyse(doc).event_mentions
    assert m.event_ids == ("cairo-speech", "house-speech")


# -- a date belongs to the event mention it modifies in its clause (issue 18, item 5) -------------

CLAUSE_FACTS = parse_facts(
    """
version: 1
events:
  - id: signing
    what: the signing of the pay deal
    date: 2024-03-14
    mentions: ["signed the pay deal"]
  - id: memo
    what: the writing of the memo
    date: 1998-05-01
    mentions: ["memo"]
  - id: summit
    what: the summit
    date: 2024-03-13
    mentions: ["the summit"]
people:
  - id: cheney
    name: Dick Cheney
    aliases: [Cheney]
    titles:
      - {title: Defense Secretary, from: 1989-03-21, until: 1993-01-20}
      - {title: Vice President, from: 2001-01-20, until: 2009-01-20}
"""
)
CLAUSE_LINTER = Linter.of(CLAUSE_FACTS)


def _run(text: str, ref: str = "2024-03-16"):
    doc = read_article("t.txt", text, reference_date=date.fromisoformat(ref), reference_origin="test")
    findings, a = CLAUSE_LINTER.run(doc)
    paired = [(a.dates[i].expr.text, m.event_id) for i, m in sorted(a.date_events.items())]
    return paired, sorted(f.code for f in findings if f.code in ("FL101", "FL102", "FL302"))


@pytest.mark.parametrize(
    "text,paired",
    [
        # the date of a clause a conjunction opens is that clause's
        ("Bus drivers went back on Friday after their union signed the pay deal on Thursday, March 14.",
         [("Thursday, March 14", "signing")]),
        ("Bus drivers went back on Friday after their union signed the pay deal.", []),
        ("Ferries sailed again on Friday because the union signed the pay deal.", []),
        # a relative clause's date is its verb's, not the noun's
        ("The inquiry quoted a 1998 memo that was released on Monday.", [("1998", "memo")]),
        ("Reporters read the memo, which they obtained on Monday.", []),
        ("Delegates praised the summit that ministers criticised on Friday.", []),
        # the date's own preposition opens no clause
        ("The envoys kept preparing the summit until Friday.", [("Friday", "summit")]),
        # a clause saying the event itself happened still dates it
        ("Leaders left the summit, which took place on Wednesday.", [("Wednesday", "summit")]),
        ("Leaders met at the summit on Wednesday, March 13.", [("Wednesday, March 13", "summit")]),
        ("On Wednesday the union signed the pay deal.", [("Wednesday", "signing")]),
        # a fronted date with a modifier of the calendar still dates the first mention after it
        ("Late Thursday, the union signed the pay deal.", [("Thursday", "signing")]),
        ("Early on Thursday, the union signed the pay deal.", [("Thursday", "signing")]),
        ("The union signed the pay deal on Thursday.", [("Thursday", "signing")]),
        # a short label in parentheses (a party, a state) right after a mention is no break between
        # it and its date
        ("Leaders met at the summit (EU) on Wednesday.", [("Wednesday", "summit")]),
        ("Leaders met at the summit (D-Vt.) on Wednesday.", [("Wednesday", "summit")]),
        ("Leaders met at the summit (which the union boycotted) on Wednesday.", []),
        # a label after a name before the date: no break either
        ("Leaders met at the summit with Gov. Ann Rivera (R) on Wednesday.", [("Wednesday", "summit")]),
        # a date right after an attribution's verb of saying is the saying's
        ("Delegates boycotted the summit, Sen. Ann Lee (D-Vt.) said on Thursday.", []),
        ("Delegates boycotted the summit, Sen. Ann Lee said on Thursday.", []),
        ("The summit failed, Lee (R-Ohio) said Thursday.", []),
        # the event's own verb is no attribution: "concluded", "announced" without a speaker
        ("The summit concluded on Wednesday.", [("Wednesday", "summit")]),
        ("The summit was announced on Wednesday.", [("Wednesday", "summit")]),
    ],
)
def test_a_date_dates_the_clause_it_stands_in(text, paired):
    assert _run(text)[0] == paired


@pytest.mark.parametrize(
    "text,paired",
    [
        # a day after a determiner and before a noun dates that noun, not the clause nor a mention near it
        ("The union signed the pay deal as a result of the March 2 strike.", []),
        ("Delegates recalled the summit at their Feb. 20 meeting.", []),
        ("The union signed the pay deal after the 2 March walkout at the depot.", []),
        # the noun it dates may be the mention right after it, which no other date then dates
        ("Officials cited the May 1 memo.", [("May 1", "memo")]),
        ("The mayor's May 1 memo was drafted two weeks ago.", [("May 1", "memo")]),
        # before a name, or without a determiner, the day dates the clause
        ("Officials cited the May 1 Harbour Board memo.", [("May 1", "memo")]),
        ("The union signed the pay deal on March 2 after the strike.", [("March 2", "signing")]),
        # "the 12th of March": the date's own "the", no determiner of a noun
        ("The union signed the pay deal on the 12th of March when the strike ended.", [("the 12th of March", "signing")]),
    ],
)
def test_a_day_before_its_noun_dates_that_noun_only(text, paired):
    assert _run(text)[0] == paired


@pytest.mark.parametrize(
    "text",
    [
        "The union signed the pay deal on Tuesday.",  # the signing was on Thursday
        "The union signed the pay deal on Friday, March 15.",
        "Leaders left the summit, which took place on Tuesday.",
        "Late Tuesday, the union signed the pay deal.",
    ],
)
def test_a_wrong_date_of_the_clause_s_own_event_is_still_flagged(text):
    assert "FL101" in _run(text)[1]


@pytest.mark.parametrize(
    "text",
    [
        "Bus drivers went back on Friday after their union signed the pay deal.",
        "Bus drivers went back on Friday after their union signed the pay deal on Thursday, March 14.",
        "The inquiry quoted a 1998 memo that was released on Monday.",
        "The committee will quote a memo that was released on Monday.",
        "Kirby said Friday that the summit had gone well.",
    ],
)
def test_a_date_of_another_clause_is_no_false_alarm(text):
    assert _run(text)[1] == []


@pytest.mark.parametrize(
    "text,paired",
    [
        # "and" before a verb of its own opens another clause: its date is that verb's
        ("Ministers called the envoys Tuesday night and attended the summit on Wednesday.", [("Wednesday", "summit")]),
        ("Ministers called the envoys Tuesday night and were due to attend the summit on Wednesday.", [("Wednesday", "summit")]),
        ("Ministers called the envoys Tuesday night and were scheduled to attend the summit on Wednesday.", [("Wednesday", "summit")]),
        ("Workers returned on Friday after the summit took place.", []),
        ("Ministers called the envoys on Tuesday and attended the summit.", []),
        ("Ministers attended the summit and called the envoys on Tuesday.", []),
        ("The union signed the pay deal and the drivers returned on Friday.", []),
        ("The drivers returned on Friday and signed the pay deal.", []),
        ("The union signed the pay deal on Thursday and the drivers returned on Friday.", [("Thursday", "signing")]),
        # "and" that joins two names opens nothing
        ("Leaders met at the summit and the talks on Wednesday.", [("Wednesday", "summit")]),
    ],
)
def test_and_before_a_verb_of_its_own_opens_another_clause(text, paired):
    assert _run(text)[0] == paired


@pytest.mark.parametrize(
    "text",
    [
        "Ministers called the envoys Tuesday night and will attend the summit on Wednesday.",
        "The union signed the pay deal and the drivers returned on Friday.",
        "Ministers attended the summit and called the envoys on Tuesday.",
    ],
)
def test_a_date_of_a_coordinated_clause_is_no_false_alarm(text):
    assert _run(text)[1] == []


def test_a_wrong_date_of_a_coordinated_clause_s_own_event_is_still_flagged():
    assert _run("Ministers called the envoys Tuesday night and attended the summit on Thursday.")[1] == ["FL101"]
    assert _run("The union signed the pay deal on Tuesday and celebrated.")[1] == ["FL101"]


@pytest.mark.parametrize(
    "text,codes",
    [
        ("The union signed the pay deal around 11:45 a.m. on Thursday.", []),  # the time is Thursday's
        ("The union signed the pay deal at noon on March 14.", []),
        ("The union signed the pay deal around 11:45 a.m. on Tuesday.", ["FL101"]),
        ("The union signed the pay deal at 11:45 a.m. Tuesday.", ["FL101"]),
        # the date's weekday is checked once, where it is written
        ("The union signed the pay deal at noon on Wednesday, March 14.", ["FL102"]),
        # "last" before the day: the time's day is last week's, read both ways in the writing's week
        ("The union signed the pay deal at 9 a.m. last Thursday.", []),
        ("The union signed the pay deal at 9 a.m. on last Thursday.", []),
    ],
)
def test_a_time_takes_the_day_it_is_on(text, codes):
    assert _run(text, "2024-03-22" if "last" in text else "2024-03-16")[1] == codes


@pytest.mark.parametrize(
    "text,reference,codes",
    [
        # written on the Tuesday after: "this Thursday" may be the one just past
        ("The union signed the pay deal this Thursday.", "2024-03-19", []),
        # unless the clause points ahead: then it is this week's
        ("Leaders met at the summit this Wednesday.", "2024-03-18", []),
        ("Leaders will meet at the summit this Wednesday.", "2024-03-18", ["FL101"]),
        # a week later neither this week's Thursday nor the one before is the signing's
        ("The union signed the pay deal this Thursday.", "2024-03-26", ["FL101"]),
    ],
)
def test_this_weekday_ahead_in_the_writing_s_week_is_read_both_ways(text, reference, codes):
    assert _run(text, reference)[1] == codes


@pytest.mark.parametrize(
    "text,paired",
    [
        # a mention inside a clause put before the main one: a date after its comma is the main clause's
        ("Four days after the union signed the pay deal in Leeds, the drivers on Friday returned to work.", []),
        ("When Mr. Smith signed the pay deal, drivers cheered on Friday.", []),
        # a date inside the fronted clause is its own
        ("After the union signed the pay deal on Thursday, the drivers returned.", [("Thursday", "signing")]),
        # a mention of the main clause after a fronted clause is still dated
        ("After the vote, the union signed the pay deal on Thursday.", [("Thursday", "signing")]),
        ("Just hours after the union signed the pay deal, the drivers on Friday returned.", []),
        ("LEEDS, England — Four days after the union signed the pay deal, the drivers on Friday returned.", []),
        # no conjunction at the sentence's start: the comma alone does not part them
        ("The union signed the pay deal in Leeds, the drivers said, on Thursday.", [("Thursday", "signing")]),
        ("The drivers went home after the union signed the pay deal, on Tuesday.", [("Tuesday", "signing")]),
        # commas inside the fronted clause (a place, an apposition, a number) leave its date its own
        ("After the union signed the pay deal in Leeds, England, on Tuesday, the drivers returned.",
         [("Tuesday", "signing")]),
        ("When the union signed the pay deal with the mayor, Ann Rivera, on Tuesday, the drivers cheered.",
         [("Tuesday", "signing")]),
        ("Since the union signed the pay deal worth 1,200 pounds on Tuesday, the drivers have returned.",
         [("Tuesday", "signing")]),
        # a date after a parenthetical, with no subject before it, is still the mention's
        ("After the vote the union signed the pay deal in Leeds, officials said, on Thursday.", [("Thursday", "signing")]),
        # a phrase that sets one event before or after another parts them as the conjunctions do
        ("Just ahead of the summit, the ministry on Sunday issued a caution.", []),
        ("The ministry said Friday in response to the summit that it would act.", []),
        ("The mayor resigned on Friday in the wake of the summit.", []),
        ("In the run-up to the summit, the ministry on Sunday issued a caution.", []),
        # the mention's own date is still its own
        ("Ahead of the summit on Sunday, the ministry issued a caution.", [("Sunday", "summit")]),
    ],
)
def test_a_date_after_a_fronted_clause_is_not_its_mention_s(text, paired):
    assert _run(text)[0] == paired


@pytest.mark.parametrize(
    "text,paired",
    [
        # what is talked about, answered or mourned is not what happens at the date near it
        ("On Monday, the mayor recalled the summit.", []),
        ("The mayor spoke about the summit on Monday.", []),
        ("The envoys kept talking about the summit until Friday.", []),  # the talking lasts until Friday
        # the same mention as what happens keeps its date
        ("On Monday, leaders met at the summit.", [("Monday", "summit")]),
        ("Leaders met at the summit on Monday.", [("Monday", "summit")]),
        # nor a date right after it
        ("The mayor recalled the summit in March.", []),
        # a noun that governs it keeps the date written right after it, and only that one
        ("Mourners met the victims of the summit on Wednesday in a hall.", [("Wednesday", "summit")]),
        ("On Monday, mourners met the victims of the summit.", []),
    ],
)
def test_a_mention_talked_about_takes_no_date_near_it(text, paired):
    assert _run(text)[0] == paired


@pytest.mark.parametrize(
    "text,paired",
    [
        # a date linked right after a noun phrase of its own is that noun's, not a later mention's
        ("The race goes through the last of the primaries in June and on to the summit.", []),
        ("The talks in March led to the summit.", []),
        # after a verb it is the clause's, and dates the mention after it
        ("The envoys met on Wednesday at the summit.", [("Wednesday", "summit")]),
        ("Leaders met in March at the summit.", [("March", "summit")]),
    ],
)
def test_a_date_of_a_noun_phrase_of_its_own_dates_no_later_mention(text, paired):
    assert _run(text)[0] == paired


def test_a_time_on_last_weekday_still_contradicts_when_neither_reading_fits():
    assert _run("The union signed the pay deal at 9 a.m. last Thursday.", "2024-03-29")[1] == ["FL101"]


def test_a_past_clause_after_a_future_cue_reads_its_date_in_the_past():
    from factlint.timex import tag

    ref = date(2024, 3, 16)  # a Saturday
    values = {t.text: t.value for t in tag("The panel will cite a memo that was released on Monday.", ref)}
    assert values["Monday"] == "2024-03-11"
    values = {t.text: t.value for t in tag("The panel will cite the memo on Monday.", ref)}
    assert values["Monday"] == "2024-03-18"
    values = {t.text: t.value for t in tag("They will meet after the deal is signed on Monday.", ref)}
    assert values["Monday"] == "2024-03-18"  # a participle after "is" sets no past


@pytest.mark.parametrize(
    "text,stale",
    [
        ("In 1990, Defense Secretary Dick Cheney sent troops to the Gulf.", False),
        ("Defense Secretary Dick Cheney sent troops to the Gulf in August 1990.", False),
        ("Back in 1991, Defense Secretary Dick Cheney spoke to reporters.", False),
        ("Vice President Dick Cheney spoke in the spring of 2003.", False),
        ("Defense Secretary Dick Cheney spoke on Monday.", True),  # an article of 2024
        ("The first-term Defense Secretary Dick Cheney spoke to reporters.", False),  # of a term past
        ("In 2005, Defense Secretary Dick Cheney spoke to reporters.", True),
        ("Vice President Dick Cheney said in 1990 that troops would go.", True),
    ],
)
def test_a_title_is_stale_against_the_date_its_sentence_talks_about(text, stale):
    assert ("FL302" in _run(text)[1]) == stale


def test_each_word_of_the_pairing_roles_is_read():
    """The words of `date_contexts.txt` that tie a date to a mention are each read: a fronted date
    dates the first mention after it; a mention governed by "after", "ahead of" takes no date
    before it (the summit was on Wednesday)."""
    from factlint.extract.dates import CONTEXTS

    for w in CONTEXTS["fronted"]:
        assert _run(f"{w.capitalize()} Wednesday, leaders met at the summit.")[0] == [("Wednesday", "summit")], w
    for w in CONTEXTS["link-after"]:  # a governed mention takes only a date linked right after it
        assert _run(f"Ministers left after the summit {w} Wednesday.")[0] == [("Wednesday", "summit")], w
    for w in CONTEXTS["governs"]:
        assert _run(f"On Tuesday, ministers met {w} the summit.") == ([], []), w
    for w in CONTEXTS["topic"]:  # what is talked about takes no date near it, before or after
        assert _run(f"On Monday, the mayor {w} the summit.") == ([], []), w
        assert _run(f"The mayor {w} the summit on Monday.") == ([], []), w
    for det in CONTEXTS["governed-det"]:  # "about" governs nothing: there the memo is dated (wrongly)
        assert _run(f"On Monday, reporters wrote after {det} memo.", "1998-05-20") == ([], []), det
        assert _run(f"On Monday, reporters wrote about {det} memo.", "1998-05-20") == ([("Monday", "memo")], ["FL101"]), det


@pytest.mark.parametrize(
    "text,ref,codes",
    [
        # "last Thursday" on a Friday: the day before, or the Thursday of the week before (the signing)
        ("The union signed the pay deal last Thursday.", "2024-03-22", []),
        ("The union will sign the pay deal next Thursday.", "2024-03-05", []),  # the coming one, or next week's
        # neither reading fits: a contradiction
        ("The union signed the pay deal last Thursday.", "2024-03-29", ["FL101"]),
        # a day of last week is last week's only: "last Wednesday" on a Monday
        ("The union signed the pay deal last Wednesday.", "2024-03-18", ["FL101"]),
    ],
)
def test_last_and_next_weekday_of_the_writing_s_week_are_read_both_ways(text, ref, codes):
    assert _run(text, ref)[1] == codes


@pytest.mark.parametrize(
    "text,codes",
    [
        # a date years from the event's names another time it took place: no contradiction
        ("The union signed the pay deal in 2019.", []),
        ("Leaders met at the summit on March 13, 2021.", []),
        # a year or a day off by less than a year is one
        ("The union signed the pay deal in 2023.", ["FL101"]),
        ("Leaders met at the summit on March 13, 2023.", ["FL101"]),
        ("Leaders met at the summit on Friday.", ["FL101"]),
    ],
)
def test_a_date_years_away_names_another_occurrence(text, codes):
    assert _run(text)[1] == codes


def test_a_mention_with_its_own_date_inside_takes_no_other():
    facts = parse_facts(
        """
version: 1
events:
  - id: vote
    what: the mayor's vote against the harbour plan
    date: 2023-10
    mentions: ["voted last year against the harbour plan", "voted against the harbour plan"]
"""
    )
    linter = Linter.of(facts)

    def run(text: str):
        doc = read_article("t.txt", text, reference_date=date(2024, 3, 16), reference_origin="test")
        findings, a = linter.run(doc)
        return [(a.dates[i].expr.text, m.event_id) for i, m in sorted(a.date_events.items())], [f.code for f in findings]

    # "Monday" is the debating's (a relative clause without its pronoun), not the vote's
    assert run("The mayor, who voted last year against the harbour plan the council spent Monday debating, left.") == (
        [("last year", "vote")], []
    )
    # a mention without a date of its own still takes the date after it
    assert run("The mayor voted against the harbour plan on Monday.") == ([("Monday", "vote")], ["FL101"])
    # and a date outside within the one inside still dates it: "the 2018 summit ... on June 13"
    assert run("The mayor voted last year against the harbour plan on Nov. 9, aides said.") == (
        [("last year", "vote"), ("Nov. 9", "vote")], ["FL101"]
    )


# What a mention's governing word or topic word is, read backwards (`events._EndsWith`), is what the
# forward pattern `\b(?:words)\s+(?:(?:dets)\s+)?\Z` searched in the window before the mention finds.
_CONTEXT_WORDS = st.tuples(
    st.sampled_from(sorted({*CONTEXTS["governs"], *CONTEXTS["topic"], *CONTEXTS["governed-det"]})), st.booleans()
).map(lambda t: t[0].upper() if t[1] else t[0])
_CONTEXT_PIECES = st.one_of(
    _CONTEXT_WORDS, st.sampled_from([" ", "  ", "\n", "\t", "-", "_", ",", "x", "re", "The ", "9", "é", "\u00a0"])
)
_SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", ""])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_CONTEXT_PIECES, max_size=4).map("".join),
    st.tuples(st.lists(_CONTEXT_PIECES, max_size=4).map("".join), _CONTEXT_WORDS, _SPACES, _CONTEXT_WORDS, _SPACES,
              st.booleans()).map(lambda t: "".join(t[:3]) + ("".join(t[3:5]) if t[5] else "")),
    st.integers(0, 60), st.integers(0, 60), st.booleans(),
)
def test_context_words_read_backwards_as_forwards(head, tail, a, b, at_join):
    """The window starts anywhere, often right after `head`'s last character (which the word
    boundary at the window's start sees) and then ends at the text's end."""
    import re

    from factlint.extract.dates import _alt
    from factlint.extract.events import _GOVERNED, _TOPIC

    text = head + tail
    if at_join:
        lo, end = len(head), len(text)
    else:
        end = min(max(a, b), len(text))
        lo = min(a, b, end)
    det = _alt(CONTEXTS["governed-det"])
    for role, ends_with in (("governs", _GOVERNED), ("topic", _TOPIC)):
        forward = re.compile(r"\b" + _alt(CONTEXTS[role]) + r"\s+(?:" + det + r"\s+)?\Z")
        assert ends_with.at(ends_with.window(text, lo, end)) == bool(forward.search(text, lo, end)), (role, text, lo, end)
