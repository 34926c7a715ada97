"""Quote matching: when a printed quote is a near miss (a misquote) of a curated quote, and when it
is only a different cut of the same words or a phrase two speakers share.

A near miss aligns with a curated quote over most of the printed quote's own length and differs
inside the aligned part; a difference at an end of a partial quote is a different cut. The near
Match carries what a rule needs to ask for stronger evidence across speakers than within one:
score (share of the printed words kept), aligned (words kept), run (longest run kept), edits and
single (the one difference is one word for one word).
"""

from __future__ import annotations

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from factlint.engine import Linter
from factlint.document import read_document
from factlint.facts import parse_facts
from factlint.normalize.quotes import FUNCTION, Match, QuoteIndex, fragments, words

FACTS = parse_facts(
    """
version: 1
people:
  - id: okafor
    name: Grace Okafor
    aliases: [Okafor]
  - id: lindqvist
    name: Erik Lindqvist
    aliases: [Lindqvist]
  - id: moreau
    name: Claire Moreau
    aliases: [Moreau]
quotes:
  - id: q-tariffs
    speaker: okafor
    text: If the new tariffs stay in place we could end up in a trade war with our largest partner.
  - id: q-table
    speaker: lindqvist
    text: Every option for the harbour remains firmly on the table until the council votes.
  - id: q-farmers
    speaker: okafor
    text: Our farmers deserve a fair price for the grain they bring to market every autumn.
  - id: q-bridge
    speaker: lindqvist
    text: The old bridge will reopen in spring, and the ferry will keep running until then.
  - id: q-ready
    speaker: moreau
    text: I believe the coastal towns are ready for the storm season.
  - id: q-ministry
    speaker: moreau
    text: We warned [the transport ministry] that the timetable was unworkable.
  - id: q-never
    speaker: moreau
    text: They never answered our letters. They told us to wait for the audit.
  - id: q-short
    speaker: lindqvist
    text: The harbour fees will rise.
"""
)
INDEX = QuoteIndex(FACTS.quotes)
LINTER = Linter.of(FACTS)


def kinds(printed: str) -> list[tuple[str, str]]:
    return [(m.kind, m.quote_id) for m in INDEX.compare(printed)]


def near(printed: str) -> Match | None:
    return next((m for m in INDEX.compare(printed) if m.kind == "near"), None)


def codes(text: str) -> list[str]:
    return sorted(f.code for f in LINTER.lint(read_document("a.txt", text)) if f.code.startswith("FL2"))


# -- should pass: a different cut, or a phrase anyone says ----------------------------------------


def test_a_short_quote_sharing_a_run_is_not_a_near_miss():
    # "a trade war" is three of five printed words: the aligned part is not most of the quote
    assert near("lead to a trade war") is None
    assert near("start a trade war") is None


def test_an_idiom_shared_across_speakers_is_not_a_near_miss():
    assert near("taken off the table") is None
    assert near("it remains on the table for now") is None


def test_a_changed_end_word_beside_a_short_run_is_a_different_cut():
    # four words kept in a row, then the printed quote goes its own way where the curated one goes on
    assert near("a trade war with Brazil") is None
    assert near("the old bridge will collapse") is None


def test_printed_words_past_the_curated_quote_are_no_misquote():
    # the curated quote is all there, the printed one runs on: no near miss, but not unsupported either
    assert kinds("The harbour fees will rise, and nobody will stop them.") == [("contains", "q-short")]
    assert codes("“The harbour fees will rise, and nobody will stop them,” Lindqvist said.") == []


def test_a_leading_bracket_stands_for_as_few_words_as_it_can():
    # "[The auditors] told us to wait": the bracket is a subject added to a partial quote, it does
    # not stand in for "never answered our letters they" and so hides no negation
    assert kinds("[The auditors] told us to wait for the audit.") == [("exact", "q-never")]


def test_the_curated_quotes_own_brackets_are_an_editors_words():
    assert kinds("We warned [the transport ministry] that the timetable was unworkable.") == [("exact", "q-ministry")]
    assert kinds("We warned [officials] that the timetable was unworkable.") == [("exact", "q-ministry")]
    assert kinds("We warned that the timetable was unworkable.") == [("exact", "q-ministry")]


def test_a_fragment_of_a_word_or_two_is_not_quilted():
    # "the harbour" and "spring" are anyone's words: not fragments joined from different quotes
    assert all(k not in ("quilted", "reordered") for k, _ in kinds("The harbour ... spring"))


def _okafor(quote_id: str, text: str):
    """Facts of one person, Grace Okafor, and one quote of hers."""
    return parse_facts(
        "version: 1\npeople:\n  - id: okafor\n    name: Grace Okafor\nquotes:\n"
        f"  - id: {quote_id}\n    speaker: okafor\n    text: {text}\n"
    )


def test_contractions_are_their_words():
    assert words("can't won't don't") == ["can", "not", "will", "not", "do", "not"]
    assert words("cannot") == words("can not") == ["can", "not"]
    assert words("We're sure I'm right, they've said we'll go") == [
        "we", "are", "sure", "i", "am", "right", "they", "have", "said", "we", "will", "go"]
    assert words("We are sure I am right, they have said we will go") == words("We're sure I'm right, they've said we'll go")


def test_s_and_d_contractions_are_kept_as_written():
    # "'s" may be "is", "has" or a possessive, "'d" "would" or "had": no one reading is right
    assert words("it's Lindqvist's, he'd say") == ["it's", "lindqvist's", "he'd", "say"]


def test_an_abbreviation_with_or_without_periods_or_spelled_out_is_one_word():
    assert words("the U.S. and the US and the United States") == ["the", "us", "and", "the", "us", "and", "the", "us"]
    assert words("the UN said") == words("the United Nations said") == words("the U.N. said") == ["the", "un", "said"]
    assert words("the U.S.-led talks") == ["the", "us", "led", "talks"]
    assert words("flights to the U.S") == ["flights", "to", "the", "us"]  # a sentence's period took its last one
    assert words("the UN's vote") == words("the U.N.'s vote")


def test_capitals_change_nothing():
    # "US" and the pronoun "us" are one word: a shouted quote, or a word in capitals for
    # emphasis, reads as the same words
    assert words("LET US GO") == words("let us go") == ["let", "us", "go"]
    assert words("They told US to leave") == words("They told us to leave")
    assert words("WE WILL NEVER LEAVE THE US") == words("We will never leave the U.S.")
    assert words("USA") == ["usa"] and words("U.S.A. team") == ["u", "s", "a", "team"]  # only the table's forms
    assert words("'US forces' here") == ["us", "forces", "here"]


def test_only_a_cut_name_after_an_ellipsis_is_read_whole():
    assert words("States and others", after_cut=True) == ["us", "and", "others"]
    assert words("States and others") == ["states", "and", "others"]
    assert words("states and others", after_cut=True) == ["states", "and", "others"]  # a noun, no name
    facts = _okafor('q-nations', 'Leaders of many nations must act together on the climate.')
    assert [m.kind for m in QuoteIndex(facts.quotes).compare("... nations must act together on the climate")] == ["exact"]


def test_the_fix_pattern_neither_backtracks_without_end_nor_misses_a_curly_apostrophe():
    import re

    from factlint.normalize.quotes import surface_pattern

    # each word's forms are atomic: thirty "U.S." and a mismatch fail at once, not in 2**30 steps
    assert re.compile(surface_pattern(["us"] * 30 + ["x"]), re.I).search("U.S. " * 30 + "y") is None
    assert re.compile(surface_pattern(words("It's the U.S.")), re.I).fullmatch("It’s the U.S.")


def test_a_house_style_transcription_is_no_misquote():
    # the same words as another outlet prints them: contractions, initialisms with or without
    # periods, a name spelled out or abbreviated
    facts = _okafor('q-us', "We're not going to let the U.S. set the terms of this agreement for anyone.")
    index = QuoteIndex(facts.quotes)
    for printed in (
        "We are not going to let the US set the terms of this agreement for anyone.",
        "We're not going to let the United States set the terms of this agreement for anyone.",
        "We aren't going to let the U.S. set the terms of this agreement for anyone.",
    ):
        assert [m.kind for m in index.compare(printed)] == ["exact"], printed
    # an ellipsis may cut into the written-out name
    assert [m.kind for m in index.compare("We're not going to let the ... States set the terms")] == ["exact"]
    # an ellipsis, a bracket or capitals beside an abbreviation change nothing
    assert [m.kind for m in index.compare("We're not going to let the ... US set the terms")] == ["exact"]
    assert [m.kind for m in index.compare("We're not going to let [the] US set the terms")] == ["exact"]
    assert [m.kind for m in index.compare("WE'RE NOT GOING TO LET THE US SET THE TERMS")] == ["exact"]
    # a dropped negation stays one, however it was written
    ms = index.compare("We are going to let the US set the terms of this agreement for anyone.")
    assert ms and ms[0].kind == "near" and "not" in ms[0].expected


def test_a_fragment_holding_a_whole_curated_quote_beside_uncurated_words_is_no_misquote():
    facts = _okafor("q-harbour", "We will rebuild the harbour before the storm season.")
    index = QuoteIndex(facts.quotes)
    printed = "We will rebuild the harbour before the storm season. . . . And the town will pay for none of it."
    assert [m.kind for m in index.compare(printed)] == ["contains"]
    # a fragment that is only part of it, beside uncurated words, matches nothing
    assert index.compare("We will rebuild the harbour . . . and the town will pay for none of it.") == []
    # beside a near miss of another curated quote, it is no "contains" (the quote stays unmatched:
    # FL203 reads it)
    two = parse_facts(
        "version: 1\npeople:\n  - id: okafor\n    name: Grace Okafor\nquotes:\n"
        "  - id: q-harbour\n    speaker: okafor\n    text: We will rebuild the harbour before the storm season.\n"
        "  - id: q-cost\n    speaker: okafor\n    text: The state will cover the whole cost of the work on the harbour.\n"
    )
    ms = QuoteIndex(two.quotes).compare(
        "We will rebuild the harbour before the storm season . . . the state will not cover the whole cost of the work on the harbour."
    )
    assert "contains" not in [m.kind for m in ms]
    # a whole curated quote shorter than six words does not make the rest of a quote its speaker's
    short = _okafor("q-short", "The plan is sound.")
    assert [m.kind for m in QuoteIndex(short.quotes).compare("The plan is sound . . . and the town will pay for none of it.")] != ["contains"]


def test_the_possessive_of_a_word_in_s_is_one_word_however_it_is_written():
    facts = _okafor("q-boss", "They will make the harbour the boss's best asset for a decade.")
    index = QuoteIndex(facts.quotes)
    for printed in ("They will make the harbour the boss' best asset for a decade.",
                    "They will make the harbour the boss’s best asset for a decade."):
        assert [m.kind for m in index.compare(printed)] == ["exact"], printed
    # another word is still a misquote, and the diff finds its words in the text either way
    ms = index.compare("They will make the harbour the boss' worst asset for a decade.")
    assert ms and ms[0].kind == "near" and "worst" in ms[0].found.split() and "best" in ms[0].expected.split()
    import re

    from factlint.normalize.quotes import surface_pattern

    pattern = re.compile(surface_pattern(words(ms[0].found)), re.I)
    assert pattern.search("the boss' worst asset") and pattern.search("the Boss’s worst asset")
    assert words("the voter's choice") != words("the voters' choice")  # one voter or many


def test_a_speaker_is_credited_with_the_words_printed_outside_brackets():
    from factlint.normalize.quotes import count_words

    assert count_words("We're ready [for the vote] now") == 3
    assert count_words("I can't say") == 3
    assert count_words("[The council] will decide") == 2
    assert count_words("the U.S. and the US") == 5  # an abbreviation is one word, with periods or not


def test_bracketed_words_are_no_evidence_of_someone_elses_quote():
    # four printed words of Okafor's quote and an editor's bracket: too few of her words to say
    # the article credits her words to Lindqvist
    facts = parse_facts(
        """
version: 1
people:
  - id: okafor
    name: Grace Okafor
  - id: lindqvist
    name: Erik Lindqvist
quotes:
  - id: q-vote
    speaker: okafor
    text: I'll be voting for the harbour plan when the council meets in the spring.
"""
    )
    linter = Linter.of(facts)
    bracketed = '"I\'ll be voting [on the harbour plan in the spring]," Erik Lindqvist said.'
    doc = read_document("a.txt", "Harbour vote\n\n" + bracketed + "\n", fmt="text")
    assert [f.code for f in linter.lint(doc) if f.code == "FL202"] == []
    spoken = '"I\'ll be voting for the harbour plan when the council meets," Erik Lindqvist said.'
    doc = read_document("a.txt", "Harbour vote\n\n" + spoken + "\n", fmt="text")
    assert [f.code for f in linter.lint(doc) if f.code == "FL202"] == ["FL202"]


@given(st.lists(st.sampled_from(["we", "are", "not", "the", "us", "US", "U.S.", "can", "will", "go", "united", "states",
                                 "cannot", "we're", "can't", "they", "have", "they've", "boss's", "boss'", "Boss’s",
                                 "voter's"]), min_size=1, max_size=12))
def test_folding_the_written_forms_twice_changes_nothing_and_capitals_nothing(ws):
    once = words(" ".join(ws))
    assert words(" ".join(once)) == once
    assert words(" ".join(ws).upper()) == once


# -- should flag ------------------------------------------------------------------------------------


def test_one_changed_middle_word_in_a_five_word_quote_is_a_near_miss():
    m = near("farmers deserve a decent price")
    assert m is not None and m.quote_id == "q-farmers"
    assert (m.found, m.expected) == ("a decent price", "a fair price")
    assert m.single and m.edits == 1 and m.aligned == 4 and m.score == 0.8


def test_one_changed_word_in_a_four_word_quote_is_a_near_miss():
    m = near("deserve a decent price")
    assert m is not None and m.quote_id == "q-farmers" and m.single


def test_an_added_negation_is_a_near_miss():
    m = near("I believe the coastal towns are not ready for the storm season.")
    assert m is not None and m.quote_id == "q-ready"
    assert (m.found, m.expected) == ("are not ready", "are ready")
    assert not m.single and m.edits == 1


def test_a_negation_past_the_curated_quotes_end_is_a_near_miss():
    # the printed quote runs past the curated one's end, and what it adds negates it
    m = near("The harbour fees will rise not")
    assert m is not None and m.quote_id == "q-short"


def test_a_changed_end_word_beside_a_long_run_is_a_near_miss():
    m = near("we could end up in a trade war with our closest partner")
    assert m is not None and m.quote_id == "q-tariffs" and m.single


def test_a_changed_word_where_both_quotes_end_is_a_near_miss():
    m = near("The harbour fees will fall.")
    assert m is not None and m.quote_id == "q-short"
    assert (m.found, m.expected) == ("will fall", "will rise")


def test_a_fragment_after_an_ellipsis_is_read_on_its_own():
    m = near("Our farmers deserve a fair price ... they bring to town every autumn")
    assert m is not None and m.quote_id == "q-farmers"
    assert (m.found, m.expected) == ("to town every", "to market every")


def test_a_bracket_inside_a_near_miss_is_no_difference():
    m = near("[Grain growers] deserve a fair price for the grain they bring to market every spring")
    assert m is not None and m.edits == 1 and m.single


def test_a_near_miss_in_the_speakers_mouth_is_a_misquote():
    printed = "“Our farmers deserve a decent price for the grain they bring to market every autumn,”"
    assert codes(printed + " Okafor said.") == ["FL201"]


def test_a_match_without_the_new_fields_is_still_a_match():
    m = Match("exact", "q-short")
    assert (m.score, m.aligned, m.run, m.edits, m.single) == (0.0, 0, 0, 0, False)


def test_the_strongest_near_miss_comes_first():
    ms = INDEX.compare("Our farmers deserve a decent price for the grain they bring to market every autumn.")
    assert ms[0].kind == "near" and ms[0].quote_id == "q-farmers"
    assert [m.aligned for m in ms] == sorted((m.aligned for m in ms), reverse=True)


# -- properties -------------------------------------------------------------------------------------

VOCAB = [
    "harbour", "grain", "bridge", "ferry", "council", "budget", "storm", "coast", "market", "price",
    "the", "a", "of", "to", "and", "we", "they", "will", "is", "in",
]
FRESH = "zyzzogeton"  # in no curated quote
quote_words = st.lists(st.sampled_from(VOCAB), min_size=8, max_size=24)


class Drawn:
    """Stands in for `st.data()` in an @example: its draws are the given values, in order."""

    def __init__(self, *values):
        self.shown = values
        self.values = list(values)

    def draw(self, strategy, label=None):
        return self.values.pop(0)

    def __repr__(self):
        return f"Drawn({', '.join(map(repr, self.shown))})"


REPETITIVE = "harbour harbour grain grain harbour grain grain harbour harbour harbour".split()
# "coast" recurs so often that the first six places of the longest run in common are not the quote's
MONOTONOUS = ("coast " * 8 + "and and and " + "coast " * 5 + "and and coast").split()


def index_of(*texts: list[str]) -> QuoteIndex:
    facts = parse_facts(
        "version: 1\npeople:\n  - id: p\n    name: Pat Doe\nquotes:\n"
        + "".join(f"  - id: q{i}\n    speaker: p\n    text: {' '.join(t)}\n" for i, t in enumerate(texts))
    )
    return QuoteIndex(facts.quotes)


@settings(max_examples=300, deadline=None)
@given(quote_words, st.lists(quote_words, max_size=4), st.data())
def test_a_verbatim_slice_of_four_words_or_more_is_exact(source, others, data):
    index = index_of(source, *others)
    n = data.draw(st.integers(4, len(source)))
    i = data.draw(st.integers(0, len(source) - n))
    printed = " ".join(source[i : i + n])
    assert ("exact", "q0") in [(m.kind, m.quote_id) for m in index.compare(printed)]


@settings(max_examples=300, deadline=None)
@given(quote_words, st.data())
@example(REPETITIVE, Drawn(6, 4, 3))  # "harbour grain grain <FRESH> harbour harbour"
@example(REPETITIVE, Drawn(6, 4, 4))  # "harbour grain grain harbour <FRESH> harbour"
@example(MONOTONOUS, Drawn(6, 10, 2))  # "and coast <FRESH> coast coast coast"
@example(MONOTONOUS, Drawn(6, 9, 2))  # "and and <FRESH> coast coast coast"
def test_one_word_substituted_inside_a_slice_of_six_words_or_more_is_a_near_miss(source, data):
    index = index_of(source)
    n = data.draw(st.integers(6, len(source)))
    i = data.draw(st.integers(0, len(source) - n))
    k = data.draw(st.integers(1, n - 2))
    printed = source[i : i + n]
    printed[k] = FRESH
    ms = index.compare(" ".join(printed))
    assert [(m.kind, m.quote_id) for m in ms] == [("near", "q0")]
    assert ms[0].aligned == n - 1 and ms[0].edits == 1
    # one word for one word, unless repeated words let it read as one added word as well
    assert ms[0].single or len(set(source)) < len(source)


@settings(max_examples=300, deadline=None)
@given(st.permutations(VOCAB), st.data())
def test_one_word_substituted_inside_a_short_slice_is_a_near_miss_with_a_content_word_kept(source, data):
    # distinct words: the difference reads one way only, one word for one word
    index = index_of(source)
    n = data.draw(st.integers(4, 8))
    i = data.draw(st.integers(0, len(source) - n))
    k = data.draw(st.integers(1, n - 2))
    printed = source[i : i + n]
    printed[k] = FRESH
    kept = [w for w in printed if w != FRESH]
    ms = index.compare(" ".join(printed))
    if n >= 6 or any(w not in FUNCTION for w in kept):
        assert [(m.kind, m.quote_id, m.aligned, m.edits, m.single) for m in ms] == [("near", "q0", n - 1, 1, True)]
    else:  # "the X of the" for "the Y of the": words anyone says
        assert ms == []


@settings(max_examples=300, deadline=None)
@given(st.permutations(VOCAB), st.data())
def test_a_changed_end_word_of_a_short_partial_quote_is_a_different_cut(source, data):
    # distinct words; the printed quote keeps at most four in a row and the curated one goes on
    index = index_of(source)
    n = data.draw(st.integers(4, 5))
    i = data.draw(st.integers(1, len(source) - n - 1))
    printed = source[i : i + n]
    end = data.draw(st.sampled_from([0, n - 1]))
    printed[end] = FRESH
    assert [m.kind for m in index.compare(" ".join(printed))] == []


@settings(max_examples=200, deadline=None)
@given(quote_words, st.data())
def test_an_ellipsis_between_verbatim_fragments_is_exact(source, data):
    assume(len(source) >= 10)
    index = index_of(source)
    a = data.draw(st.integers(0, len(source) - 9))
    printed = " ".join(source[a : a + 4]) + " ... " + " ".join(source[a + 6 : a + 10])
    found = index.compare(printed)
    assert found and all(m.kind in ("exact", "negation") for m in found)


def test_fragments_keep_brackets_in_place():
    assert fragments("[They] will ... rise") == [["\x00", "will"], ["rise"]]


def test_a_misquote_with_a_contraction_keeps_its_suggested_fix():
    facts = _okafor('q-lagos', "We'll always stand with the people of Lagos and their families.")
    doc = read_document("a.txt", 'Lagos\n\n"We\'ll never stand with the people of Lagos and their families," Grace Okafor said.\n', fmt="text")
    [f] = [f for f in Linter.of(facts).lint(doc) if f.code == "FL201"]
    assert f.fix is not None and doc.text[f.fix.span.start : f.fix.span.end] == "never stand"
    assert f.fix.replacement == "always stand"


def test_a_near_miss_counts_the_words_kept_as_printed():
    # "we're" is one printed word though it is read as "we are": the evidence a rule weighs
    # (eight words kept across speakers) is not inflated by an outlet's contractions
    facts = _okafor("q-plan", "We are sure that we will not give up on the harbour plan this year.")
    index = QuoteIndex(facts.quotes)
    [contracted] = index.compare("We're sure that we'll never give up on the harbour plan this year.")
    [spelled] = index.compare("We are sure that we will never give up on the harbour plan this year.")
    assert (contracted.kind, contracted.aligned) == ("near", 12)
    assert (spelled.kind, spelled.aligned) == ("near", 14)


def test_two_changes_one_word_apart_are_shown_as_one():
    # "in force we; we would end" would show the kept "we" twice
    m = near("If the new tariffs stay in force we would end up in a trade war with our largest partner.")
    assert (m.found, m.expected, m.edits) == ("in force we would end", "in place we could end", 2)
    # two words apart: two changes, each with its own context
    m = near("Our farmers deserve a just price for the wheat they bring to market every autumn.")
    assert (m.found, m.expected) == ("a just price; the wheat they", "a fair price; the grain they")


@pytest.mark.parametrize(
    "printed, expected",
    [
        # a degree word added or dropped is a minor edit
        ("Every option for the harbour remains so firmly on the table until the council votes.", "minor"),
        ("Every option for the harbour remains very firmly on the table until the council votes.", "minor"),
        # a content word in its place is not
        ("Every option for the harbour remains utterly firmly on the table until the council votes.", "near"),
        # nor a demonstrative for a possessive, nor "so" as a conjunction, nor a degree word after a negation
        ("If the new tariffs stay in place we could end up in a trade war with this largest partner.", "near"),
        ("Our farmers deserve a fair price, so the grain they bring to market every autumn.", "near"),
        ("They never so answered our letters. They told us to wait for the audit.", "near"),
    ],
)
def test_a_degree_word_is_a_minor_edit(printed, expected):
    assert [m.kind for m in INDEX.compare(printed)][:1] == [expected]
