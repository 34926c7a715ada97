"""Dates are paired with the event mention they date, and with nothing when unsure."""

from __future__ import annotations

import pytest

from factlint.reference import read_article
from factlint.engine import Linter
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
