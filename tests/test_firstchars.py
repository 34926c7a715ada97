"""Alternatives guarded by the characters they can begin with (factlint.firstchars): the guarded
pattern matches what the pattern matches, at the same places, with the same groups."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract.dates import GRAMMAR
from factlint.firstchars import first_characters, guard, guard_alternatives


def test_the_first_characters_of_literals_classes_and_optional_parts():
    assert regex.fullmatch(guard(first_characters("abc")), "") is None
    lookahead = regex.compile(guard(first_characters(r"(?:x\s+)?[0-9]+|(?i:may)")))
    assert [ch for ch in "x5mMa y" if lookahead.match(ch)] == ["x", "5", "m", "M"]
    # a look-around takes no text: the first characters are those after it
    assert regex.compile(guard(first_characters(r"(?<=\bin\s+)(?=[A-Z])June"))).match("J")
    assert not regex.compile(guard(first_characters(r"(?<=\bin\s+)(?=[A-Z])June"))).match("j")


def test_what_the_reading_does_not_know_or_an_empty_match_gets_no_guard():
    assert first_characters(r"a?") is None  # can match an empty string
    assert first_characters(r".x") is None  # any character
    assert first_characters(r"\p{Lu}x") is None  # a class only `regex` reads
    assert first_characters(r"(?P<a>x)|(?P<a>y)") is not None  # a name given twice is read as plain groups
    assert guard(None) == ""


def test_a_negated_class_and_categories_are_kept_as_written():
    firsts = first_characters(r"[^a-z]x|\d|\w-")
    look = regex.compile(guard(firsts))
    assert look.match("A") and look.match("7") and look.match("é") and look.match("_")
    assert first_characters(r"[^a-z]x") is not None and not regex.compile(guard(first_characters(r"[^a-z]x"))).match("q")


def test_case_is_folded_by_the_engine_where_the_pattern_ignores_case():
    look = regex.compile(guard(first_characters(r"(?i:k)ey")))
    assert look.match("K") and look.match("k") and look.match("\u212a")  # the Kelvin sign folds to k, as in the pattern
    strict = regex.compile(guard(first_characters(r"Key")))
    assert strict.match("K") and not strict.match("k")


def test_only_the_top_alternations_are_guarded_and_look_arounds_left_alone():
    source = r"(?<![\w-])(?:ab|(?:c|d)e)f(?=x|y)"
    out = guard_alternatives(source)
    assert out.startswith(r"(?<![\w-])(?:(?=") and out.endswith("f(?=x|y)")
    assert out.count("(?=") == 3  # one per top alternative, and the look-ahead of the source
    assert guard_alternatives(r"a|b") == r"a|b"  # no group: nothing to guard


def test_verbose_comments_escapes_and_classes_do_not_split_alternatives():
    source = "(?:\n  a[|(]b   # a comment | with a bar (\n| \\|c\n)"
    out = guard_alternatives(source, re.VERBOSE)
    pattern = regex.compile(out, regex.VERBOSE)
    assert pattern.fullmatch("a|b") and pattern.fullmatch("a(b") and pattern.fullmatch("|c")
    assert out.count("(?=") == 2


_GRAMMAR, _GUARDED = regex.compile(GRAMMAR, regex.VERBOSE), regex.compile(guard_alternatives(GRAMMAR, regex.VERBOSE), regex.VERBOSE)


def test_the_date_grammar_is_guarded_and_reads_the_same():
    assert _GUARDED.pattern.count("(?=") > GRAMMAR.count("(?=") + 20
    text = ("On Wednesday, Aug. 30, 2023, at 10:30 a.m., and last month, in the 1990s, the third quarter, "
            "two years ago, every Monday, fiscal 1989, the year-earlier period and Thanksgiving Day.")
    assert [(m.span(), m.groups()) for m in _GUARDED.finditer(text)] == [(m.span(), m.groups()) for m in _GRAMMAR.finditer(text)]


_WORDS = st.sampled_from(["the", "last", "next", "this", "year", "years", "week", "two", "Jan.", "May", "march", "Monday",
                          "1990s", "2023", "5", "'82", "10:30", "a.m.", "ago", "of", "first", "quarter", "fiscal", "in",
                          "on", "recent", "months", "Christmas", "noon", "every", "K", "\u212a", "É", "3/4/2021", "-"])
_GAPS = st.sampled_from([" ", "  ", "\n", ", ", ".", "-", "’", ""])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, _GAPS, st.text(max_size=2)), max_size=16).map("".join))
def test_the_guarded_grammar_matches_as_the_grammar_does_everywhere(text):
    for pos in range(len(text) + 1):
        a, b = _GRAMMAR.match(text, pos), _GUARDED.match(text, pos)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (text, pos)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "(?i:", "(?:x)?"]), st.text("aAkK0_ -", min_size=1, max_size=3)), min_size=2, max_size=5),
       st.text("aAkK0_ -\u212ax", max_size=8))
def test_a_guarded_alternation_matches_as_the_alternation_does(alternatives, text):
    body = "|".join(pre + re.escape(lit) + (")" if pre == "(?i:" else "") for pre, lit in alternatives)
    source = "(?:" + body + ")"
    plain, guarded = regex.compile(source), regex.compile(guard_alternatives(source))
    for pos in range(len(text) + 1):
        a, b = plain.match(text, pos), guarded.match(text, pos)
        assert (a and a.span()) == (b and b.span()), (source, text, pos)


@pytest.mark.parametrize(
    "source,text,flags",
    [
        # what the reading does not follow is left unguarded, so it matches as before
        ("(?x: a b | c )", "ab", 0),  # a group that sets flags
        ("(?x)(?:\n ab\n| c\n)", "ab", 0),  # flags set inline for what follows
        ("(?:(?i)ab|q)", "AB", 0),
        ("(?:(?:abc){e<=1}|q)", "xbc", 0),  # a fuzzy count
        ("(?:[[:alpha:]]x|q)", "bx", 0),  # a POSIX class
        ("(?:ss|q)", "ß", regex.FULLCASE | regex.VERSION1),  # flags of `regex` alone
        ("(?:(?f:ss)|q)", "ß", 0),
        ("(?:\\(?P<x>y|z)", "P<x>y", 0),  # an escaped parenthesis is no named group
    ],
)
def test_what_the_reading_does_not_follow_is_matched_as_before(source, text, flags):
    plain, guarded = regex.compile(source, flags), regex.compile(guard_alternatives(source, flags), flags)
    a, b = plain.match(text), guarded.match(text)
    assert (a and a.span()) == (b and b.span())
