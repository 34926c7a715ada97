"""The pure parts of bench/score_checkworthy.py that choose the weights and the threshold: the
words' log-odds a fit may draw the lexicon to, the fit with those priors, and the threshold placed
at a recall.

No debate of any corpus is read here: the debates are made up, their words invented."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import bench_module


@pytest.fixture(scope="module")
def bench():
    yield from bench_module("score_checkworthy")


def debate(bench, rows):
    """A made-up debate: one sentence a line, each row (label, features, words, speaker)."""
    return bench.Debate(
        "made-up", date(2020, 1, 1), [r[3] for r in rows], [" ".join(r[2]) for r in rows], [r[0] for r in rows],
        sentences=[(i, tuple(sorted(r[1])), tuple(sorted(set(r[2]))), r[3]) for i, r in enumerate(rows)],
    )


def made_up(bench):
    """Twenty sentences: "zorble" only in the check-worthy ones, "quibbet" only in the others,
    "plinth" in both at the debate's rate, and a moderator's check-worthy line holding "quibbet"."""
    rows = [(1, ("figure",), ("zorble", "plinth"), "A")] * 4
    rows += [(0, (), ("quibbet", "plinth"), "A")] * 12 + [(0, (), ("flimmer",), "B")] * 3
    rows += [(1, ("moderator",), ("quibbet",), "M")]
    return debate(bench, rows)


def test_a_words_log_odds_say_which_side_its_sentences_fall_on(bench):
    d = made_up(bench)
    odds = bench.word_log_odds([d], {"zorble", "quibbet", "plinth", "flimmer", "absent"}, 2.0)
    assert odds["zorble"] > 0 > odds["quibbet"]
    assert odds["flimmer"] < 0
    assert "absent" not in odds  # a word no sentence holds has no odds


def test_a_moderators_sentence_is_no_evidence_for_a_word(bench):
    d = made_up(bench)
    with_moderator = bench.word_log_odds([d], {"quibbet"}, 2.0)["quibbet"]
    d.sentences = [s for s in d.sentences if "moderator" not in s[1]]
    assert bench.word_log_odds([d], {"quibbet"}, 2.0)["quibbet"] == pytest.approx(with_moderator)


@given(st.floats(0.5, 50.0), st.floats(1.0, 20.0))
@settings(max_examples=40, deadline=None)
def test_more_pseudo_sentences_draw_every_words_log_odds_towards_zero(bench, pseudo, more):
    d = made_up(bench)
    vocab = {"zorble", "quibbet", "plinth", "flimmer"}
    few, many = bench.word_log_odds([d], vocab, pseudo), bench.word_log_odds([d], vocab, pseudo + more)
    for w in vocab:
        assert abs(many[w]) <= abs(few[w]) + 1e-12
        assert math.copysign(1, many[w]) == math.copysign(1, few[w]) or abs(many[w]) < 1e-12


def test_a_word_weight_is_drawn_to_its_prior_not_to_zero(bench):
    d = made_up(bench)
    samples = bench.samples_of([d], {"plinth"})
    _, _, drawn_to_zero = bench.fit_weights(samples, bench.MODEL, l2_words=1e6)
    _, _, drawn_to_prior = bench.fit_weights(samples, bench.MODEL, l2_words=1e6, word_prior={"plinth": 0.7})
    assert drawn_to_zero["plinth"] == pytest.approx(0.0, abs=1e-3)
    assert drawn_to_prior["plinth"] == pytest.approx(0.7, abs=1e-3)


@given(st.lists(st.tuples(st.booleans(), st.sampled_from([(), ("figure",), ("question",), ("figure", "measured"),
                                                           ("short",), ("quantity", "long")])),
                min_size=2, max_size=40).filter(lambda rows: any(g for g, _ in rows)),
       st.sampled_from([0.25, 0.5, 0.75, 1.0]))
@settings(max_examples=60, deadline=None)
def test_the_threshold_at_a_recall_lists_at_least_that_recall_and_is_the_highest_that_does(bench, rows, recall):
    d = debate(bench, [(int(g), feats, ("plinth",), "A") for g, feats in rows])
    t = bench.threshold_at_recall([d], bench.MODEL, recall)
    scores = bench.line_scores(d, bench.MODEL)
    positives = sum(d.labels)
    found = Counter()
    for s, g in zip(scores, d.labels):
        found[s] += g
    assert sum(n for s, n in found.items() if s >= t) >= recall * positives
    higher = [s for s in found if s > t]
    if higher:  # the next distinct score above it lists too few
        nxt = min(higher)
        assert sum(n for s, n in found.items() if s >= nxt) < recall * positives
