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
BY_ID = {c.id: c for c in FACTS.claims}


def fl402(text: str) -> list[str]:
    doc = read_document("a.txt", text + "\n")
    return [f.message.split(" (")[0] + " " + f.message.rsplit("found ", 1)[-1] for f in LINTER.lint(doc) if f.code == "FL402"]


def found_402(linter: Linter, text: str) -> list[str]:
    """The figures FL402 reports in a one-line text, as written."""
    doc = read_document("a.txt", text + "\n")
    return [f.message.rsplit("found ", 1)[-1] for f in linter.lint(doc) if f.code == "FL402"]


def values(text: str) -> list[float]:
    return [f.value for f in find_figures(Prose.of(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The plane has four Rolls-Royce Trent 900 engines.", [4]),  # 900 names the engine
        ("The guide gave Harbour House three stars.", [3]),  # a number in words after a name is a count
        ("The Apollo Thirteen crew and the Big Five leaders met.", []),  # in capitals, the name's
        ("The A380-800 can fly 8,000 nautical miles.", [8000]),  # 800 names the model
        ("The FTSE 100 lost 118.40 points.", [118.4]),
        ("It lent US$ 19.7 billion, and more.", [19.7e9]),  # the scale before a comma
        ("The Dow was down 2.62% at noon.", [2.62]),
        ("About 300 people came; 12 left.", [300, 12]),
        # a share of a whole after a name is a figure, not the name's number
        ("Rivera led Baker 47 percent to 39 percent.", [47, 39]),
        ("Rivera led Baker 47% to 39%.", [47, 39]),
        ("The Nasdaq 100 rose 2 percent.", [2]),
    ],
)
def test_which_numbers_are_figures(text, expected):
    assert values(text) == expected


def test_a_percent_sign_is_the_unit_percent():
    (fig,) = find_figures(Prose.of("The Dax was 1.75% lower."))
    assert fig.following.split()[:2] == ["percent", "lower"]


def _templates(claim_id):
    return [(t.prefix, t.suffix, t.strong) for t in claim_templates(BY_ID[claim_id])]


def test_a_template_is_the_wording_cut_at_the_number_that_states_the_value():
    # the whole wording, around the number whose value is the claim's ("two", not "900")
    assert _templates("engines") == [((), ("of", "the", "trent", "900", "engines", "were", "replaced"), True)]
    # ... and a unit of two words or more that are no measure, alone (open: it needs the subject)
    assert _templates("missiles") == [
        (("launched",), ("short", "range", "ballistic", "missiles"), True),
        ((), ("short", "range", "ballistic", "missiles"), True),
    ]
    assert claim_templates(BY_ID["missiles"])[1].open
    assert _templates("dax-fall") == [(("the", "dax", "was"), ("percent", "lower"), True)]
    # the currency and the hedge are the figure's, the unit comes first by its canonical name
    assert _templates("loan-request") == [(("asked", "for"), ("dollars", "in", "loans"), True)]
    # another amount of the wording stays a word of it: "1.13 trillion rubles (US$ N)"
    assert _templates("credit") == [(("1", "13", "trillion", "rubles"), ("dollars",), True)]
    # "a N percent share" says too little to be known without the claim's subject
    assert _templates("maker-stake") == [(("a",), ("percent", "share"), False)]


@pytest.mark.parametrize(
    "text",
    [
        # should flag: the claim's wording with its number changed
        "The North launched three short-range ballistic missiles.",
        "The union will own 50 percent of the company, and a 20 percent share goes to the maker.",
        "It asked for $17 billion in loans.",
        "The North fired three short-range ballistic missiles.",  # the unit and the subject, another verb
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
        "The South fired three short-range ballistic missiles.",  # the unit, but another subject
        "Three short-range ballistic missiles stood in the parade.",  # the unit with no subject
    ],
)
def test_passes(text):
    assert fl402(text) == [], text


def test_same_value_forgives_float_rounding_only():
    assert same_value(16.6 * 1e9, 16_600_000_000) and not same_value(16.6, 16.7)


# --------------------------------------------------------------------------- units and their spellings

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from factlint.extract.claims import parse_unit, value_in  # noqa: E402
from factlint.vocab import units  # noqa: E402


def figure(text: str):
    (fig,) = find_figures(Prose.of(text))
    return fig


@pytest.mark.parametrize(
    "text, value, unit, factor",
    [
        ("fell 5% on the day", 5, "percent", 1),
        ("fell 5 per cent on the day", 5, "percent", 1),
        ("fell 5 pct on the day", 5, "percent", 1),
        ("fell 5 percentage points", 5, "percentage-points", 1),  # points of a percentage are no points
        ("fell 118 points", 118, "points", 1),
        ("lent US$ 19.7 billion to banks", 19.7e9, "dollars", 1),
        ("lent $19.7 billion to banks", 19.7e9, "dollars", 1),
        ("lent 19.7 billion US dollars to banks", 19.7e9, "dollars", 1),
        ("lent 700 billion USD to banks", 700e9, "dollars", 1),
        ("lent €5 million to banks", 5e6, "euros", 1),
        ("lent C$ 4 billion to banks", 4e9, "canadian-dollars", 1),  # no rate between currencies
        ("put 500 billion roubles in", 500e9, "rubles", 1),
        ("for two decades now", 2, "years", 10),
        ("two dozen drones", 24, None, 1),
        ("fell 1,356 points", 1356, "points", 1),
    ],
)
def test_a_figure_reads_its_unit_through_the_units_table(text, value, unit, factor):
    fig = figure(text)
    assert same_value(fig.value, value) and fig.unit == unit and fig.factor == factor


def test_a_currency_before_the_number_is_the_figure_s_with_its_hedge():
    text = "It lent about US$ 5 billion to banks."
    fig = figure(text)
    assert text[fig.lead : fig.end] == "about US$ 5 billion" and text[fig.start : fig.end] == "5 billion"
    assert fig.hedge == "about" and fig.unit == "dollars" and fig.before == ("it", "lent")
    assert fig.after[:3] == ("dollars", "to", "banks") and fig.following == "dollars to banks"


@pytest.mark.parametrize(
    "unit, canonical, factor, ws, head",
    [
        ("dollars in government loans", "dollars", 1, ("dollars", "in", "government", "loans"), "loans"),
        ("dollar loan", "dollars", 1, ("dollars", "loan"), "loan"),
        ("%", "percent", 1, ("percent",), "percent"),
        ("per cent", "percent", 1, ("percent",), "percent"),
        ("million dollars", "dollars", 1e6, ("dollars",), "dollars"),
        ("km", "metres", 1000, ("metres",), "metres"),
        ("decades", "years", 10, ("years",), "years"),
        ("short-range ballistic missiles", None, 1, ("short", "range", "ballistic", "missiles"), "missiles"),
    ],
)
def test_a_claim_s_unit_is_read_the_way_a_figure_s_is(unit, canonical, factor, ws, head):
    u = parse_unit(unit)
    assert (u.canonical, u.factor, u.words, u.head) == (canonical, factor, ws, head)


def test_a_figure_is_compared_in_the_claim_s_unit():
    assert value_in(figure("for almost two decades now"), parse_unit("years")) == 20
    assert value_in(figure("lent US$ 1.5 million to it"), parse_unit("million dollars")) == 1.5
    assert value_in(figure("ran 5 km today"), parse_unit("metres")) == 5000


def test_the_units_table_has_every_spelling_once_and_known_kinds():
    table = units()
    assert table.after["per cent"] == table.after["%"] == table.after["pct"] == ("percent", 1.0)
    assert table.after["points"][0] != table.after["percentage points"][0]
    assert table.after["decades"] == ("years", 10.0) and table.scales["billion"] == 1e9
    assert table.before["US$"] == table.before["$"] == ("dollars", 1.0)


_SPELLINGS = sorted(s for s in units().after if any(c.isalpha() for c in s))


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(_SPELLINGS), st.sampled_from(["", "about ", "nearly "]))
def test_property_every_unit_spelling_is_read_as_its_canonical_unit(n, spelling, hedge):
    text = f"They said {hedge}{n:,} {spelling} on Monday."
    fig = figure(text)
    canonical, factor = units().after[spelling]
    assert fig.value == n and fig.unit == canonical and fig.factor == factor
    assert fig.following.split()[0] == canonical and fig.after[0] == canonical
    assert 0 <= fig.lead <= fig.start < fig.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from(sorted(units().before)), st.sampled_from(["", " "]))
def test_property_every_currency_before_a_number_is_read(n, sign, space):
    space = " " if sign[-1].isalpha() or sign[-1] == "." else space  # a code is a word of its own: "AUD 5"
    text = f"It lent ({sign}{space}{n} million) more."
    fig = figure(text)
    assert fig.value == n * 1e6 and fig.unit == units().before[sign][0]
    assert text[fig.lead : fig.start].strip() == sign and fig.before == ("it", "lent")


# --------------------------------------------------------------------------- ties and findings

FACTS2 = parse_facts(
    """
version: 1
people:
  - id: gm
    kind: organization
    name: General Motors
    aliases: [GM]
claims:
  - id: plants
    statement: GM's plan would close five plants
    supports: ["close five plants"]
    figure: {value: 5, unit: plants}
  - id: tenure
    statement: Kim led the party for 17 years
    supports: ["led the party for almost two decades"]
    figure: {value: 17, unit: years}
  - id: victims
    statement: rescuers found 25 flood victims
    supports: ["25 flood victims"]
    figure: {value: 25, unit: flood victims}
  - id: index-fall
    statement: On 2008-10-09 the FTSE fell 118.40 points
    supports: ["the FTSE fell 118.40 points"]
    figure: {value: 118.40, unit: points}
  - id: index-value
    statement: On 2008-09-17 the Dow Jones stood at 10769.00 points
    supports: ["currently has a value of 10769.00 points"]
    figure: {value: 10769.00, unit: points}
  - id: index-value-later
    statement: On 2008-09-20 the Dow Jones stood at 11350.58 points
    supports: ["currently has a value of 11350.58 points"]
    figure: {value: 11350.58, unit: points}
  - id: loans
    statement: GM and Chrysler received $17.4 billion in government loans
    supports: ["US$ 17.4 billion government loans"]
    figure: {value: 17400000000, unit: dollars in government loans}
  - id: bailout
    statement: the bailout is worth $700 billion
    supports: ["$700 billion bailout package earmarked for Wall Street"]
    figure: {value: 700000000000, unit: dollars}
  - id: seats
    statement: the A380 carries 555 passengers in three classes
    supports: ["555 passengers in a three-class configuration"]
    figure: {value: 555, unit: passengers}
  - id: chrysler-dealers
    statement: Chrysler wanted to eliminate 789 dealerships
    supports: ["eliminate 789"]
    figure: {value: 789, unit: dealerships}
  - id: gm-dealers
    statement: GM planned to close 1,100 dealerships
    supports: ["close 1,100 dealerships"]
    figure: {value: 1100, unit: dealerships}
  - id: srbm
    statement: North Korea launched two short-range ballistic missiles on 2023-08-30
    supports: ["launched two short-range ballistic missiles"]
    contradicts: [{regex: "launched (?:a|one|three) short-range ballistic missiles?"}]
    figure: {value: 2, unit: short-range ballistic missiles}
"""
)
LINTER2 = Linter.of(FACTS2)


def findings2(text: str, reference: str | None = "2008-10-10") -> list[tuple[str, str, str]]:
    from datetime import date

    from factlint.reference import read_article

    from factlint.selection import Selection

    doc = read_article("a.txt", text + "\n", reference_date=date.fromisoformat(reference) if reference else None, reference_origin="test")
    reported = Selection().decide(doc, LINTER2.lint(doc)).kept  # as reported: one mistake, one finding
    return [(f.code, f.fact.fact_id if f.fact else "", f.found or "") for f in reported if f.code in ("FL401", "FL402")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a short wording is known after the claim's subject, by any of its curated names or initials
        ("GM will close seven plants.", [("FL402", "plants", "7")]),
        ("General Motors will close seven plants.", [("FL402", "plants", "7")]),
        ("U.S. automaker GM plans to close 2200 dealerships.", [("FL402", "gm-dealers", "2200")]),
        # a wording that ends at its number takes the claim's unit after it
        ("U.S. automaker Chrysler wants to eliminate 1578 dealerships.", [("FL402", "chrysler-dealers", "1578")]),
        # a figure in another unit of the same kind is compared in the claim's unit
        ("Kim led the party for almost one decade.", [("FL402", "tenure", "10")]),
        ("Kim led the party for 25 years.", [("FL402", "tenure", "25")]),
        # the number and its unit alone are a template (item: "25 flood victims")
        ("Police said 15 flood victims were found.", [("FL402", "victims", "15")]),
        # a currency written another way is the same unit
        ("Since December GM and Chrysler have received US$ 34.80 billion government loans.", [("FL402", "loans", "34800000000")]),
        ("A portion of the $1400 billion bailout package earmarked for Wall Street.", [("FL402", "bailout", "1400000000000")]),
        ("The FTSE fell 200 points.", [("FL402", "index-fall", "200")]),
        # one wording of two claims: the figure states neither, and the claim named is the one whose
        # statement the paragraph speaks of
        ("On Wednesday the Dow Jones currently has a value of 21538.00 points.", [("FL402", "index-value", "21538")]),
        # one mistake, one finding: the contradicts pattern holds the wrong number FL402 reports
        ("North Korea launched three short-range ballistic missiles.", [("FL402", "srbm", "3")]),
        ("North Korea launched one short-range ballistic missile.", [("FL402", "srbm", "1")]),
        ("North Korea launched a short-range ballistic missile.", [("FL401", "srbm", "launched a short-range ballistic missile")]),
        ("The A380 carries 600 passengers in a three-class configuration.", [("FL402", "seats", "600")]),
    ],
)
def test_figures_tied_to_claims_flag(text, expected):
    assert findings2(text, "2023-09-01" if "North Korea" in text else "2008-09-17" if "Dow" in text else "2008-10-10") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chrysler will close seven plants.",  # a short wording without the claim's subject: another maker's plan
        "GM will close 789 dealerships.",  # another claim's value in the same unit: not a wrong figure of this one
        "Kim led the party for almost two decades.",  # 17 years is almost two decades: compared in years
        "Kim led the party for 17 years.",
        "The FTSE fell 2 percentage points.",  # percentage points are no points
        "On Monday the FTSE fell 200 points.",  # another day than the claim's statement gives
        "The Boeing 747 carries 416 passengers in a three-class configuration.",  # an open wording needs its subject
        "Rescuers found 25 flood victims.",
        "It asked for €17 billion in government loans.",  # another currency: no rate, no comparison
        "North Korea launched two short-range ballistic missiles.",
        "The A380 carries 555 passengers in a three-class configuration.",
    ],
)
def test_figures_tied_to_claims_pass(text):
    assert findings2(text) == [], text


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**5))
def test_property_a_strong_wording_with_any_other_number_is_flagged(n):
    found = findings2(f"North Korea launched {n} short-range ballistic missiles.", "2023-09-01")
    assert found == ([] if n == 2 else [("FL402", "srbm", str(n))])


def test_ties_do_not_depend_on_the_number_of_claims():
    # the templates are found by the figure's words: a claim whose words are not there is never tried
    index = LINTER2.compiled.figures
    assert set(index.by_key) >= {"plant", "short", "dealership"}
    assert all(t.key == k for k, pairs in index.by_key.items() for _, t in pairs)


@pytest.mark.parametrize(
    "statement, value, forms",
    [
        ("On 2008-10-09 the Dow Jones fell 678 points", 678, [("dow", "jones")]),  # "On" only begins it
        ("At 14:58 UTC on the day of the US plan the Dow Jones stood at 11350.58 points", 11350.58, [("us",), ("dow", "jones")]),
        ("The central banks' swap lines total US$180 billion", 180e9, []),  # "US" of "US$180" is the figure's
        ("GM's restructuring plan would close five plants", 5, [("gm",)]),
        ("GM planned to close 1,100 of its 6,246 U.S. dealerships", 1100, [("gm",)]),  # only names before the number
        ("Before the suspension on 2008-09-17 the RTS fell 6.39 percent", 6.39, [("rts",)]),
        ("Sales fell 45% in March 2009", 45, [("sales",)]),  # a capitalised first word may be taken: it then ties less
    ],
)
def test_a_claim_s_subject_is_the_names_its_statement_gives_before_its_number(statement, value, forms):
    from factlint.compiled import claim_subject

    assert list(claim_subject(statement, value).forms) == forms


@pytest.mark.parametrize(
    "sentence, found",
    [
        ("The United States government would hold more.", True),  # initials: U.S.
        ("The US government would hold more.", True),
        ("U.S. officials said so.", True),
        ("The us government", False),  # a word in lower case is no name
        ("The United Kingdom would hold more.", False),
    ],
)
def test_a_subject_is_found_by_its_initials_too(sentence, found):
    from factlint.compiled import claim_subject

    subject = claim_subject("the U.S. government would hold a 60% stake", 60)
    assert subject.before(sentence, 0, len(sentence)) is found


def test_big_numbers_read_as_a_reader_writes_them():
    from datetime import date

    from factlint.reference import read_article

    text = "Since December GM and Chrysler have received US$ 34.80 billion government loans.\n"
    doc = read_article("a.txt", text, reference_date=date(2008, 10, 10), reference_origin="test")
    (f,) = [f for f in LINTER2.lint(doc) if f.code == "FL402"]
    assert "found 34.8 billion" in f.message and "34800000000" not in f.message
    assert f.found == "34800000000"  # the value itself, for machines


@pytest.mark.parametrize(
    "text, value",
    [
        ("a deal worth US$ 7.2 bn to Boeing", 7.2e9),
        ("a deal worth US$ 7.2bn to Boeing", 7.2e9),  # glued to the digits
        ("aid of 5 mn euros", 5e6),
        ("a 3 tn economy", 3e12),
    ],
)
def test_scale_abbreviations(text, value):
    from factlint.extract.claims import find_figures

    (f,) = find_figures(Prose.of(text))
    assert f.value == value


def test_a_word_glued_to_digits_is_no_scale_unless_it_is_one():
    from factlint.extract.claims import find_figures

    assert find_figures(Prose.of("the 5millionth visitor")) == []


_WORDS = ["the", "United", "States", "U.S.", "GM", "Dow", "Jones", "said", "of", "fell", "Apple's", "and", "In", "x"]


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30),
       st.lists(st.sampled_from([" ", " ", ". ", ", ", "'s "]), min_size=30, max_size=30),
       st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5), st.integers(0, 30))
def test_a_sentence_read_once_names_what_its_beginning_names(words, gaps, statement, cut):
    """A claim's subject found in a sentence's words before a figure, read once for the whole
    sentence (`SentenceNames`), is the one found in the words before the figure read alone."""
    from factlint.compiled import SentenceNames, claim_subject

    text = "".join(w + g for w, g in zip(words, gaps))
    subject = claim_subject(" ".join(statement) + " 5 tankers", 5)
    ends = [m.end() for m in __import__("re").finditer(r"\S+", text)]
    end = ends[min(cut, len(ends) - 1)]
    whole = SentenceNames.of(text, 0, len(text))
    assert subject.written_in(whole, end) == subject.written_in(SentenceNames.of(text, 0, end), end)


def test_a_run_of_capitals_cut_by_the_end_is_read_up_to_it():
    from factlint.compiled import SentenceNames, claim_subject

    text = "Shares of the United States Dow Jones index fell"
    end = text.index(" Dow")
    subject = claim_subject("U.S. exports fell 5 percent", 5)  # known by its initials, "us"
    assert subject.written_in(SentenceNames.of(text, 0, len(text)), end)
    assert not subject.written_in(SentenceNames.of(text, 0, len(text)), text.index(" States"))


FACTS3 = parse_facts(
    """
version: 1
people:
  - id: rivera
    name: Ann Rivera
  - id: baker
    name: Tom Baker
  - id: acme
    kind: organization
    name: Acme Corp
  - id: may
    name: Theresa May
  - id: kim
    name: Kim Jong Un
  - id: young
    name: Peter Young
  - id: obrien
    name: Pat O'Brien
claims:
  - id: rivera-needs
    statement: Rivera needs to win 70 percent of the remaining delegates
    supports: ["win 70 percent of the remaining delegates"]
    figure: {value: 70, unit: percent}
  - id: obrien-needs
    statement: O'Brien needs to carry 70 percent of the remaining counties
    supports: ["carry 70 percent of the remaining counties"]
    figure: {value: 70, unit: percent}
"""
)
LINTER3 = Linter.of(FACTS3)


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Rivera would need to win 60 percent of the remaining delegates.", True),
        ("He would need to win 60 percent of the remaining delegates.", True),  # no one named: the wording ties
        ("Baker said Rivera would need to win 60 percent of the remaining delegates.", True),
        ("An Acme Corp poll says she would need to win 60 percent of the remaining delegates.", True),  # no person
        # a word that only looks like a curated person's surname: a month, a short word, a sentence's first word
        ("By May she would need to win 60 percent of the remaining delegates.", True),
        ("At the UN she said she would need to win 60 percent of the remaining delegates.", True),
        ("Young voters said she would need to win 60 percent of the remaining delegates.", True),
        # the subject written with a curly apostrophe is the subject
        ("Tom Baker said O’Brien would need to carry 60 percent of the remaining counties.", True),
        # another curated person is named before the figure, and not the one the claim is about
        ("Even if Tom Baker split the delegates, he would need to win 60 percent of the remaining delegates.", False),
        ("Tom Baker spoke. Even if Baker split the delegates, he would need to win 60 percent of the remaining delegates.",
         False),
    ],
)
def test_a_claim_s_wording_with_another_person_s_figure_ties_to_nothing(text, flagged):
    doc = read_document("a.txt", text + "\n")
    assert bool([f for f in LINTER3.lint(doc) if f.code == "FL402"]) == flagged


SOURCED = Linter.of(parse_facts(
    """
version: 1
people:
  - id: rivera
    name: Ann Rivera
  - id: baker
    name: Tom Baker
  - id: acme
    kind: organization
    name: Acme Corp
claims:
  - id: rivera-count
    statement: The Acme Corp count gives Rivera 469 pledged votes
    supports: ["469 pledged votes"]
    figure: {value: 469, unit: pledged votes}
"""
))


@pytest.mark.parametrize(
    "text, flagged",
    [
        # the claim's statement names a source beside its person: the source named before a figure
        # does not make it the person's when another curated person is named and the claim's is not
        ("Acme Corp says Tom Baker has 1,061, including 38 pledged votes.", False),
        ("Acme Corp says Rivera has 1,061, including 38 pledged votes.", True),
        ("Rivera has 38 pledged votes, Acme Corp says.", True),
        ("Tom Baker said Rivera has 38 pledged votes.", True),
    ],
)
def test_a_source_in_a_claim_s_statement_is_not_its_person(text, flagged):
    doc = read_document("a.txt", text + "\n")
    assert bool([f for f in SOURCED.lint(doc) if f.code == "FL402"]) == flagged


REPORTED = Linter.of(parse_facts(
    """
version: 1
people:
  - id: doe
    name: Jane Doe
  - id: baker
    name: Tom Baker
  - id: acme
    kind: organization
    name: Acme Corp
claims:
  - id: acme-cut
    statement: According to Jane Doe, Acme Corp cut 500 jobs
    supports: ["cut 500 jobs"]
    figure: {value: 500, unit: jobs}
"""
))


@pytest.mark.parametrize(
    "text, flagged",
    [
        # a claim about an organization that a person reports: the organization written after another
        # person keeps the figure the claim's
        ("Tom Baker said Acme Corp cut 700 jobs.", True),
        # another person's figure, the organization not written after them
        ("Acme Corp says Tom Baker cut 700 jobs.", False),
        ("Acme Corp, Tom Baker's firm, cut 700 jobs.", False),
        # a person set aside in commas as the source is no subject
        ("Acme Corp, Tom Baker said, cut 700 jobs.", True),
        ("Acme Corp, said Tom Baker, cut 700 jobs.", True),
    ],
)
def test_a_claim_s_subject_written_after_another_person_keeps_the_figure(text, flagged):
    doc = read_document("a.txt", text + "\n")
    assert bool([f for f in REPORTED.lint(doc) if f.code == "FL402"]) == flagged


FACTS4 = parse_facts(
    """
version: 1
claims:
  - id: lead
    statement: Rivera won with about 35 percent (34 percent with 76 percent of the vote counted)
    supports: ["Rivera was leading with 34 percent"]
    figure: {value: 35, unit: percent, tolerance: 1}
  - id: missiles
    statement: The North launched two short-range ballistic missiles
    supports: ["launched two short-range ballistic missiles"]
    figure: {value: 2, unit: short-range ballistic missiles}
"""
)
LINTER4 = Linter.of(FACTS4)


@pytest.mark.parametrize(
    "text, found",
    [
        # another figure of the claim's unit beside the one worded as the claim: another quantity
        ("With 76 percent of the vote counted, Rivera was leading with 34 percent.", []),
        ("With 76 percent of the vote counted, Rivera was leading with 30 percent.", ["30"]),
        # the claim's own noun as unit: a figure beside the claim's value is another quantity
        ("The North launched two short-range ballistic missiles and three cruise missiles.", []),
    ],
)
def test_a_figure_beside_the_one_worded_as_the_claim_is_another_quantity(text, found):
    assert found_402(LINTER4, text) == found


FACTS5 = parse_facts(
    """
version: 1
claims:
  - id: turnout
    statement: 367,491 people voted in the harbour referendum
    supports: ["people voted in the harbour referendum"]
    figure: {value: 367491, unit: people}
"""
)


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Exactly 367,491 people voted in the harbour referendum.", False),
        ("In all, 367,000 people voted in the harbour referendum.", False),  # rounded to thousands
        ("In all, 368,000 people voted in the harbour referendum.", True),  # rounded, and still another number
        ("In all, 367,400 people voted in the harbour referendum.", True),  # written to the hundred: read as written
        ("In all, 370,000 people voted in the harbour referendum.", True),  # two significant digits: read as written
    ],
)
def test_a_figure_rounded_to_thousands_agrees_with_the_value_it_rounds(text, flagged):
    doc = read_document("a.txt", text + "\n")
    assert bool([f for f in Linter.of(FACTS5).lint(doc) if f.code == "FL402"]) == flagged


FACTS6 = parse_facts(
    """
version: 1
claims:
  - id: lead
    statement: Rivera was leading with 30 percent
    supports: ["Rivera was leading with 30 percent"]
    figure: {value: 30, unit: percent}
"""
)


@pytest.mark.parametrize(
    "text, found",
    [
        # a number whose unit is left to be read from before it states the claim's value beside it
        ("Rivera was leading with 30 percent, or 35 among likely voters.", []),
        ("Rivera was leading with 30 percent on Monday and 35 on Tuesday.", []),
        # a count of its own ("four states") states no percentage: the wrong figure beside it is read
        ("In the first four states, Rivera was leading with 34 percent.", ["34"]),
    ],
)
def test_a_number_without_its_unit_beside_the_claim_s_value(text, found):
    assert found_402(Linter.of(FACTS6), text) == found


def _unit_words() -> list[str]:
    from factlint.extract.claims import _UNIT_WORDS

    return sorted({w for key in _UNIT_WORDS for w in key})


@given(st.lists(st.sampled_from(_unit_words() + ["the", "x", "2", "of"]), max_size=5))
def test_a_unit_is_the_longest_the_words_begin_with(ws):
    """`read_unit` (which looks no further when the first word begins no unit) reads the longest
    unit of the table the words begin with, as trying every length does."""
    from factlint.extract.claims import _UNIT_SPAN, _UNIT_WORDS, read_unit

    tried = [(*_UNIT_WORDS[tuple(ws[:n])], n) for n in range(min(_UNIT_SPAN, len(ws)), 0, -1) if tuple(ws[:n]) in _UNIT_WORDS]
    assert read_unit(ws) == (tried[0] if tried else None)


FACTS7 = parse_facts(
    """
version: 1
people:
  - id: rivera
    name: Ann Rivera
  - id: baker
    name: Tom Baker
claims:
  - id: poll
    statement: Rivera leads Baker 47 percent to 41 percent in the harbour poll
    supports: ["Rivera leads Baker 47 percent to 41 percent"]
    figure: {value: 47, unit: percent}
"""
)


@pytest.mark.parametrize(
    "text, found",
    [
        # the claim's value stated after a name, beside another share: the other is another quantity
        ("Rivera led Baker 47 percent to 39 percent in the harbour poll.", []),
        ("Rivera leads Baker 47 percent to 41 percent.", []),
        # the claim's wording with another value is still read
        ("Rivera leads Baker 45 percent to 41 percent.", ["45"]),
    ],
)
def test_a_share_after_a_name_is_a_figure_of_its_own(text, found):
    assert found_402(Linter.of(FACTS7), text) == found


FACTS8 = parse_facts(
    """
version: 1
claims:
  - id: older
    statement: 74 percent of voters in the 2016 harbour referendum were 45 or older
    supports: ["74 percent of voters were 45 or older"]
    figure: {value: 74, unit: percent}
"""
)


@pytest.mark.parametrize(
    "text, found",
    [
        # the claim's wording, in a sentence dated another year than the claim's: another vote's figure
        ("In the 2012 referendum, just 61 percent of voters were 45 or older.", []),
        # the claim's year, a date within it, or no date: the claim's figure
        ("In 2016, 61 percent of voters were 45 or older.", ["61"]),
        ("In March 2016, 61 percent of voters were 45 or older.", ["61"]),
        ("Just 61 percent of voters were 45 or older.", ["61"]),
        # a month of another year before the figure
        ("In March 2012, just 61 percent of voters were 45 or older.", []),
        # a year after the figure dates something else
        ("Just 61 percent of voters were 45 or older, the most since 1975.", ["61"]),
        ("Just 61 percent of voters were 45 or older, the 2019 study found.", ["61"]),
    ],
)
def test_a_figure_of_another_year_than_the_claim_s_is_another_quantity(text, found):
    assert found_402(Linter.of(FACTS8), text) == found


FACTS9 = parse_facts(
    """
version: 1
claims:
  - id: cuts
    statement: The port will cut 700 jobs, down to 300 by the end of 2030
    supports: ["the port will cut 700 jobs"]
    figure: {value: 700, unit: jobs}
"""
)


@pytest.mark.parametrize(
    "text, found",
    [
        # a day is compared with the statement's days only: a year it gives dates something else
        ("On May 15, 2026, the port will cut 800 jobs, it said.", ["800"]),
        # a year with its years
        ("In 2019, the port will cut 800 jobs, it said.", []),
    ],
)
def test_a_figure_s_dates_are_compared_at_the_claim_s_granularities(text, found):
    assert found_402(Linter.of(FACTS9), text) == found


TOLL = Linter.of(parse_facts(
    """
version: 1
claims:
  - id: toll
    statement: The Harbourton blast killed 247 people, as counted on 2026-08-20
    supports: ["killing 247 people"]
    figure: {value: 247, unit: people}
"""
))


@pytest.mark.parametrize(
    "written, found",
    [
        # an article written before the claim's date gives an earlier count, not the claim's
        ("2026-08-08", []),
        # written on or after it, the figure is the claim's
        ("2026-08-20", ["40"]),
        ("2026-09-01", ["40"]),
        # no date known: read as before
        (None, ["40"]),
    ],
)
def test_an_article_written_before_the_claim_s_date_states_an_earlier_figure(written, found):
    from datetime import date

    from factlint.reference import read_article

    text = "Reports said a blast damaged the harbour office in Harbourton, killing 40 people.\n"
    doc = read_article("a.txt", text, reference_date=date.fromisoformat(written) if written else None, reference_origin="test")
    assert [f.message.rsplit("found ", 1)[-1] for f in TOLL.lint(doc) if f.code == "FL402"] == found


def test_a_year_in_the_claim_s_statement_is_no_day_its_count_is_of():
    from datetime import date

    from factlint.reference import read_article

    linter = Linter.of(parse_facts(
        """
version: 1
claims:
  - id: closures
    statement: Harbourton Port will close 1,100 of its berths, down to 300 by the end of 2030
    supports: ["Harbourton Port will close 1,100 berths"]
    figure: {value: 1100, unit: berths}
"""
    ))
    doc = read_article("a.txt", "Harbourton Port will close 2,200 berths, it said.\n", reference_date=date(2026, 5, 15), reference_origin="test")
    assert [f.message.rsplit("found ", 1)[-1] for f in linter.lint(doc) if f.code == "FL402"] == ["2200"]


OTHERS = Linter.of(parse_facts(
    """
version: 1
people:
  - id: tomas
    name: Tomas Ruiz
    aliases: [Tomas]
claims:
  - id: deaths
    statement: Tomas's mother and 10 other people died when their boat sank
    supports: ["mother and 10 other people"]
    figure: {value: 10, unit: other people}
"""
))


@pytest.mark.parametrize(
    "text, found",
    [
        # "other" says nothing of what is counted: "N other people" after the claim's subject is anyone's count
        ("Visas were approved for Tomas's father, his wife and three other people.", []),
        # the claim's wording with another number is still read
        ("Tomas's mother and 12 other people died at sea.", ["12"]),
    ],
)
def test_other_is_no_word_a_unit_is_known_by(text, found):
    assert found_402(OTHERS, text) == found
