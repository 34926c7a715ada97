"""Every rule: identity, documentation, and its should-flag / should-pass examples."""

from __future__ import annotations

import re
from datetime import date

import pytest

from factlint.reference import read_article
from factlint.engine import Linter
from factlint.facts import parse_facts
from factlint.model import Severity
from factlint.rules import ALL_RULES, RULES_BY_CODE
from factlint.selection import OPT_IN, Selection
from factlint.rules.examples import EXAMPLE_FACTS

LINTER = Linter.of(parse_facts(EXAMPLE_FACTS))


def story_findings_of(rule, example):
    """What a story-level rule (FL501) reports on its example, a story: the articles between lines
    `---`, each linted as `factlint check` lints a file of the run, then the story stage."""
    from factlint import story
    from factlint.rules.sources import ARTICLE_BREAK
    from factlint.runner import lint_file

    ref = date.fromisoformat(example.reference_date) if example.reference_date else None
    alone = Selection(select=(rule.code,))
    reports = [
        lint_file(f"article-{i}.md", LINTER, alone, reference_date=ref, data=text.encode("utf-8"), display_path=f"article-{i}.md")
        for i, text in enumerate(example.text.split(ARTICLE_BREAK), 1)
    ]
    assert len(reports) >= 2 and all(r.error is None for r in reports)
    return [f for r in story.apply(reports, alone) for f in r.findings if f.code == rule.code]


def findings_of(rule, example):
    """What `rule` reports on its example when it runs alone (another rule's finding may cover it
    when both run: one mistake, one finding). A story-level rule's example is a story of articles
    (`story_findings_of`): the examples mechanism is per document, the story stage is not."""
    if rule.story_level:
        return story_findings_of(rule, example)
    ref = date.fromisoformat(example.reference_date) if example.reference_date else None
    doc = read_article("example.md", example.text, reference_date=ref, reference_origin="example")
    # (a suppression is judged by the rules it names, so FL001 and FL002 run beside every rule)
    alone = Selection(extend_select=("FL403",)) if rule.code.startswith("FL00") else Selection(select=(rule.code,))
    kept = alone.decide(doc, LINTER.lint(doc)).kept
    return [f for f in kept if f.code == rule.code]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_identity_and_doc(rule):
    assert rule.code.startswith("FL") and len(rule.code) == 5
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name), "names are kebab-case"
    assert isinstance(rule.severity, Severity)
    assert rule.verdict in ("contradiction", "unsupported", "info")
    assert (rule.code in OPT_IN) is (not rule.default_enabled)
    # the page holds the rule's own words, each under its heading, in order
    doc = rule.doc()
    assert doc.startswith(f"{rule.code} {rule.name} (default severity: {rule.severity})\n\n{rule.summary}\n")
    at = 0
    for heading, body in (("What it does", rule.what_it_does), ("Why it matters", rule.why_it_matters), ("Example", rule.example)):
        assert len(body.split()) >= 3, f"{rule.code}: {heading!r} says nothing"
        at = doc.index(f"## {heading}\n{body.strip()}\n", at)
    assert rule.flags and rule.passes, f"{rule.code} needs should-flag and should-pass examples"


def test_registry_codes_are_unique_and_ordered():
    codes = [r.code for r in ALL_RULES]
    assert len(codes) == len(set(codes)) == len(RULES_BY_CODE)
    assert codes == sorted(codes)


CASES = [(r, "flag", e) for r in ALL_RULES for e in r.flags] + [(r, "pass", e) for r in ALL_RULES for e in r.passes]


@pytest.mark.parametrize("rule,kind,example", CASES, ids=lambda x: x.code if hasattr(x, "code") else (x if isinstance(x, str) else x.text[:40]))
def test_rule_examples(rule, kind, example):
    found = findings_of(rule, example)
    if kind == "flag":
        assert len(found) == example.count, [f.message for f in found]
        for f in found:
            assert f.severity == rule.severity and f.name == rule.name
            assert f.matched and f.start.line >= 1
    else:
        assert found == [], [f.message for f in found]


def test_fl101_message_names_both_sides_and_the_fact_line():
    (f,) = findings_of(RULES_BY_CODE["FL101"], RULES_BY_CODE["FL101"].flags[0])
    assert f.expected == "2023-07-27" and f.found == "2023-07-21"
    assert f.fact.fact_id == "shoigu-visit" and f.fact.line == 5
    assert "expected 27 July 2023 (facts.yaml:5, fact shoigu-visit), found 21 July 2023 ('July 21')" in f.message
