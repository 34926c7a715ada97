"""Figures and the claims they state: which number of a text is a count, and which claim it is tied to.

The sentences and facts are written for these tests.
"""

from __future__ import annotations

import pytest

from factlint.compiled import claim_templates, same_value
from factlint.document import read_document
from factlint.engine import Linter
from factlint.extract.claims import find_figures
from factlint.facts import parse_facts
from factlint.prose import Prose

FACTS = parse_facts(
    """
version: 1
claims:
  - id: engines
    statement: Two of the plane's Trent 900 engines were replaced
    supports: ["two of the Trent 900 engines were replaced"]
    figure: {value: 2, unit: engines}
  - id: index-close
    statement: The index closed at 4907.20, down 118.40 points
    supports: ["below the 5000 mark at 4907.20"]
    figure: {value: 4907.20, unit: points}
  - id: union-stake
    statement: The union holds 55 percent of the new company
    supports: ["the union will own 55 percent"]
    figure: {value: 55, unit: percent}
  - id: maker-stake
    statement: The maker holds 20 percent of the new company
    supports: ["a 20 percent share"]
    figure: {value: 20, unit: percent}
  - id: dax-fall
    statement: The Dax was 1.75% lower on the day
    supports: ["the Dax was 1.75% lower"]
    figure: {value: 1.75, unit: percent}
  - id: loan-request
    statement: The company asked for $16.6 billion in loans
    supports: ["asked for $16.6 billion in loans"]
    figure: {value: 16600000000, unit: dollars}
  - id: credit
    statement: The bank offered 1.13 trillion rubles (US$44.6 billion)
    supports: ["1.13 trillion rubles (US$ 44.6 billion)"]
    figure: {value: 44600000000, unit: dollars}
  - id: missiles
    statement: The North launched two short-range ballistic missiles
    supports: ["launched two short-range ballistic missiles"]
    figure: {value: 2, unit: short-range ballistic missiles}
"""
)
LINTER = Linter.of(FACTS)


def fl402(text: str) -> list[str]:
    doc = read_document("a.txt", text + "\n")
    return [f.message.split(" (")[0] + " " + f.message.rsplit("found ", 1)[-1] for f in LINTER.lint(doc) if f.code == "FL402"]


def values(text: str) -> list[float]:
    return [f.value for f in find_figures(Prose.of(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The plane has four Rolls-Royce Trent 900 engines.", [4]),  # 900 names the engine
        ("The A380-800 can fly 8,000 nautical miles.", [8000]),  # 800 names the model
        ("The FTSE 100 lost 118.40 points.", [118.4]),
        ("It lent US$ 19.7 billion, and more.", [19.7e9]),  # the scale before a comma
        ("The Dow was down 2.62% at noon.", [2.62]),
        ("About 300 people came; 12 left.", [300, 12]),
    ],
)
def test_which_numbers_are_figures(text, expected):
    assert values(text) == expected


def test_a_percent_sign_is_the_unit_percent():
    (fig,) = find_figures(Prose.of("The Dax was 1.75% lower."))
    assert fig.following.split()[:2] == ["percent", "lower"]


def test_a_template_is_cut_at_the_number_that_states_the_value():
    by_id = {c.id: c for c in FACTS.claims}
    templates, head = claim_templates(by_id["engines"])
    assert head == "engines" and templates == ()  # "two of the": no unit after the value, no template
    templates, _ = claim_templates(by_id["missiles"])
    assert templates == ((("launched",), ("short", "range", "ballistic", "missiles")),)
    templates, _ = claim_templates(by_id["dax-fall"])
    assert templates == ((("dax", "was"), ("percent", "lower")),)


@pytest.mark.parametrize(
    "text",
    [
        # should flag: the claim's wording with its number changed
        "The North launched three short-range ballistic missiles.",
        "The union will own 50 percent of the company, and a 20 percent share goes to the maker.",
        "It asked for $17 billion in loans.",
    ],
)
def test_flags(text):
    assert fl402(text), text


@pytest.mark.parametrize(
    "text",
    [
        # should pass
        "Two of the Trent 900 engines were replaced.",  # 900 is the engine's name
        "The index fell 118.40 points, to below the 5000 mark at 4907.20.",  # the fall is another quantity
        "The union will own 55 percent, the government eight percent and the maker a 20 percent share.",
        "On Friday the Dax was 5.06% higher.",  # another day's move, not the claim's wording
        "It asked for $16.6 billion in loans.",  # 16.6e9 read as 16600000000.000002 is the same
        "The minister added 500 billion rubles (US$ 19.7 billion) more.",  # another amount in two units
    ],
)
def test_passes(text):
    assert fl402(text) == [], text


def test_same_value_forgives_float_rounding_only():
    assert same_value(16.6 * 1e9, 16_600_000_000) and not same_value(16.6, 16.7)
