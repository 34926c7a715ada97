"""Run the rules: document x compiled facts -> analysis -> findings, each located in the source.

A `Linter` holds the compiled facts, the rules that run and the run's memo; `run(doc)` analyses
the document once (`analysis.analyse`) and turns every rule's diagnostics into findings through
one factory (`to_finding`), which the decision point uses too.
"""

from __future__ import annotations

from .analysis import Analysis, analyse
from .compiled import CompiledFacts
from .document import Document
from .facts.model import Facts
from .memo import Memo
from .model import Finding, Position, Span
from .rules import RULES
from .rules.base import Diagnostic, Rule
from .views import TextViews


class Linter:
    """Lints documents against one compiled facts file with one set of rules."""

    def __init__(
        self, compiled: CompiledFacts, *, rules: tuple[Rule, ...] = RULES, day_first: bool = False,
        claim_min_score: float | None = None,
    ):
        if not isinstance(compiled, CompiledFacts):
            raise TypeError(f"Linter expects CompiledFacts (use Linter.of(facts)), got {type(compiled).__name__}")
        self.compiled = compiled
        self.rules = rules
        self.day_first = day_first
        self.claim_min_score = claim_min_score  # fl403-min-score (None: the check-worthiness model's threshold)
        self.memo = Memo()

    @classmethod
    def of(
        cls,
        facts: Facts | None,
        *,
        facts_display: str | None = None,
        rules: tuple[Rule, ...] = RULES,
        day_first: bool = False,
        regex_timeout: float = 1.0,
        claim_min_score: float | None = None,
    ) -> "Linter":
        """A linter for a facts model (compiled here)."""
        compiled = CompiledFacts.build(facts, display=facts_display, regex_timeout=regex_timeout)
        return cls(compiled, rules=rules, day_first=day_first, claim_min_score=claim_min_score)

    @property
    def facts(self) -> Facts | None:
        return self.compiled.facts

    @property
    def facts_display(self) -> str:
        return self.compiled.display

    def analyse(self, doc: Document, *, views: TextViews | None = None) -> Analysis:
        """The document's analysis; `views`, its text views when the reference date's inference
        has read them already (see `views`)."""
        return analyse(
            doc, self.compiled, day_first=self.day_first, memo=self.memo, claim_min_score=self.claim_min_score, views=views,
        )

    def lint(self, doc: Document) -> list[Finding]:
        """Every finding of every rule, before selection; sorted by position."""
        return self.run(doc)[0]

    def run(self, doc: Document, *, views: TextViews | None = None) -> tuple[list[Finding], Analysis]:
        """The findings (before selection) and the analysis they came from (`views`: see `analyse`)."""
        analysis = self.analyse(doc, views=views)
        findings = [to_finding(doc, rule, d) for rule in self.rules for d in rule.check(analysis)]
        findings.sort(key=Finding.sort_key)
        return findings, analysis


def to_finding(doc: Document, rule: Rule | type[Rule], d: Diagnostic, *, in_source: bool = False) -> Finding:
    """The finding for a rule's diagnostic: its span (in prose offsets, or in source offsets with
    `in_source`) carried to the source, with line and column, what it matched and the rule's identity."""
    if in_source:
        start, end, fix = d.span.start, d.span.end, d.fix
    else:
        start = doc.source_offset(d.span.start)
        end = max(start, doc.source_offset(d.span.end, end=True))
        fix = d.fix
        if fix is not None and doc.source_map is not None:
            fix = type(fix)(Span(doc.source_offset(fix.span.start), doc.source_offset(fix.span.end, end=True)), fix.replacement, fix.safe)
    covers = d.covers
    if covers and not in_source:
        covers = tuple(
            (code, Span(doc.source_offset(s.start), max(doc.source_offset(s.start), doc.source_offset(s.end, end=True))))
            for code, s in covers
        )
    sl, sc = doc.position(start)
    el, ec = doc.position(end)
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=d.message,
        path=doc.path,
        span=Span(start, end),
        start=Position(sl, sc),
        end=Position(el, ec),
        matched=doc.source[start:end],
        expected=d.expected,
        found=d.found,
        fact=d.fact,
        fix=fix,
        notes=d.notes,
        covers=covers,
        score=d.score,
        related=d.related,
    )


__all__ = ["Linter", "to_finding"]
