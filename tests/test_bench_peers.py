"""The pure parts of bench/bench_peers.py: the prh dictionaries, the 10,000-facts file, the summaries.

No peer is installed or run here and nothing is timed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from factlint.facts import load_facts

from .conftest import bench_module

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    yield from bench_module("bench_peers")


@pytest.fixture(scope="module")
def seeds_text():
    return (ROOT / "facts.yaml").read_text(encoding="utf-8")


def js_regex_ok(pattern: str) -> bool:
    """What JavaScript's 'u' flag allows that Python's re does not check: an escape only before a
    syntax character."""
    return all(c in "^$\\.*+?()[]{}|/" for c in re.findall(r"\\(.)", pattern))


@pytest.mark.parametrize("size", [10, 1000])
def test_prh_dictionary_is_prh_yaml_with_the_entries_asked(bench, seeds_text, size):
    names = bench.seed_names(seeds_text)
    data = yaml.safe_load(bench.prh_dictionary(bench.dictionary_entries(names, size)))
    assert data["version"] == 1
    rules = data["rules"]
    assert len(rules) == size
    assert len({r["expected"] for r in rules}) == size
    assert [r["expected"] for r in rules[:10]] == names[:10]  # the seeds' people first
    for rule in rules:
        assert set(rule) == {"expected", "patterns"}
        assert rule["patterns"] and all(isinstance(p, str) for p in rule["patterns"])
        for pattern in rule["patterns"]:
            if pattern.startswith("/"):
                assert pattern.endswith("/") and js_regex_ok(pattern[1:-1])
                literal = re.sub(r"\\(.)", r"\1", pattern[1:-1])
                assert re.fullmatch(pattern[1:-1], literal)
            else:
                assert re.fullmatch(r"[A-Za-z0-9 ]+", pattern)
                literal = pattern
            assert literal != rule["expected"]  # a misspelling, not the name itself


def test_prh_dictionary_is_deterministic(bench, seeds_text):
    names = bench.seed_names(seeds_text)
    assert bench.prh_dictionary(bench.dictionary_entries(names, 1000)) == bench.prh_dictionary(bench.dictionary_entries(names, 1000))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("John Kirby", ["John Kriby", "John Krby"]),
        ("Kim Yo-jong", ["Kim Yo-jnog", "Kim Yo-jng"]),  # the longest run of letters, never the hyphen
        ("Kim Il", []),  # no word long enough to misspell by rule
    ],
)
def test_typos(bench, name, expected):
    assert bench.typos(name) == expected


@pytest.mark.parametrize(
    ("text", "pattern"),
    [("John Kriby", "John Kriby"), ("Kim Yo-jnog", "/Kim Yo-jnog/"), ("Russia's (old) ministry", "/Russia's \\(old\\) ministry/")],
)
def test_prh_pattern_escapes_only_syntax_characters(bench, text, pattern):
    assert bench.prh_pattern(text) == pattern


def test_facts_file_holds_10000_facts_and_loads(bench, seeds_text, tmp_path):
    path = tmp_path / "facts-10000.yaml"
    path.write_text(bench.facts_with(seeds_text, 10_000), encoding="utf-8")
    facts = load_facts(path)
    seeds = load_facts(ROOT / "facts.yaml")
    kinds = ("people", "events", "quotes", "claims")
    assert sum(len(getattr(facts, k)) for k in kinds) == 10_000
    assert sum(len(getattr(seeds, k)) for k in kinds) == 53
    for kind in kinds:  # the seeds' facts are all there, as they were
        ids = {f.id for f in getattr(facts, kind)}
        assert {f.id for f in getattr(seeds, kind)} <= ids
        assert len(getattr(facts, kind)) > len(getattr(seeds, kind))
    people = {p.id for p in facts.people}
    assert all(set(q.speakers) <= people for q in facts.quotes)


def test_facts_file_small_totals(bench, seeds_text):
    data = yaml.safe_load(bench.facts_with(seeds_text, 60))
    assert sum(len(data[k]) for k in ("people", "events", "quotes", "claims")) == 60
    with pytest.raises(ValueError):
        bench.facts_with(seeds_text, 10)


def test_summaries(bench):
    assert bench.ratios([2.0, 3.0, 1.0], [4.0, 3.0, 2.0]) == [0.5, 1.0, 0.5]
    with pytest.raises(ValueError):
        bench.ratios([1.0], [1.0, 2.0])
    s = bench.spread([0.5, 1.0, 0.5, 2.0])
    assert (s.median, s.low, s.high, s.n) == (0.75, 0.5, 2.0, 4)
    assert s.show() == "0.75 (0.50-2.00 over 4)"
    assert bench.per_article(corpus=10.2, one=0.21, articles=1000) == pytest.approx(0.01)
    with pytest.raises(ValueError):
        bench.per_article(1.0, 1.0, 1)
    assert bench.verdict(0.6, 0.6) == "PASS" and bench.verdict(0.61, 0.6) == "MISS"
    assert bench.verdict(1000, 1000, at_least=True) == "PASS" and bench.verdict(999, 1000, at_least=True) == "MISS"


def test_missing_peers_are_named_not_raised(bench, tmp_path):
    peers = bench.Peers(tmp_path / "empty")
    missing = peers.missing()
    assert set(missing) == {"proselint", "textlint"}
    assert "proselint" in missing["proselint"]
