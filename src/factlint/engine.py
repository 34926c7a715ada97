"""Document x facts -> findings: analyse once, run every rule, locate what they report.

The `Linter` compiles the facts once (event scanner, lookup tables) and then lints any number of
documents; `Analysis` holds one document's mentions, computed once and shared by all rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import Document
from .extract.dates import find_dates
from .extract.events import EventMention, EventScanner, pair_dates
from .extract.quotes import (
    Attribution,
    Quote,
    Segment,
    SpeakerIndex,
    Unbalanced,
    attribute,
    find_quotes,
    is_term,
    speech_cue,
)
from .extract.sentences import SentenceIndex
from .facts.model import Event, Facts
from .model import FactRef, Finding, Position, Span
from .normalize.dates import Resolved, resolve
from .normalize.quotes import Match, QuoteIndex, words
from .rules import RULES
from .rules.base import Diagnostic, Rule


@dataclass(frozen=True)
class QuoteView:
    """A quote with its speaker, and each segment's comparison with the curated quotes."""

    quote: Quote
    attribution: Attribution
    segments: tuple[tuple[Segment, tuple[Match, ...]], ...]
    word_counts: dict
    term: bool
    title: bool
    speech_cue: bool  # its sentence reports speech ("said", "according to"), whoever the speaker


@dataclass(frozen=True)
class QuoteCounts:
    """Per article: quotes found (quotes within quotes left out), attributed, abstained."""

    total: int = 0
    attributed: int = 0
    abstained: int = 0


_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())


def _looks_like_title(content: str) -> bool:
    """Title Case without sentence punctuation: the name of a work, not speech."""
    ws = content.strip().rstrip(".,").split()
    if not 2 <= len(ws) <= 10 or any(w[-1:] in ".!?;:" for w in ws[:-1]):
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in ws) and ws[0][:1].isupper()


@dataclass(frozen=True)
class Analysis:
    """Everything the rules read about one document."""

    document: Document
    facts: Facts | None
    facts_display: str
    events_by_id: dict[str, Event]
    sentences: SentenceIndex
    dates: list[Resolved]
    event_mentions: list[EventMention]
    date_events: dict[int, EventMention]
    quotes: list[QuoteView]
    unbalanced: list[Unbalanced]
    quote_index: QuoteIndex

    def quote_counts(self) -> QuoteCounts:
        spoken = [v for v in self.quotes if not v.quote.nested]
        attributed = sum(1 for v in spoken if v.attribution.speaker)
        return QuoteCounts(len(spoken), attributed, len(spoken) - attributed)

    def fact_ref(self, event: Event) -> FactRef:
        return FactRef(event.id, "event", self.facts_display, event.date_line)


class Linter:
    """Lints documents against one facts file with one set of rules."""

    def __init__(
        self,
        facts: Facts | None,
        *,
        facts_display: str | None = None,
        rules: tuple[Rule, ...] = RULES,
        day_first: bool = False,
        regex_timeout: float = 1.0,
    ):
        self.facts = facts
        self.facts_display = facts_display or (facts.path if facts else "facts.yaml")
        self.rules = rules
        self.day_first = day_first
        self._events = EventScanner(facts, regex_timeout) if facts else None
        self._events_by_id = {e.id: e for e in facts.events} if facts else {}
        self._speakers = SpeakerIndex.build(facts)
        self.quote_index = QuoteIndex(facts.quotes if facts else ())

    def analyse(self, doc: Document) -> Analysis:
        text = doc.text
        sentences = SentenceIndex(text)
        dates = [resolve(e, doc.reference_date) for e in find_dates(text, day_first=self.day_first)]
        mentions = self._events.find(text) if self._events else []
        pairs = pair_dates(text, sentences, [r.expr for r in dates], mentions)
        quotes, unbalanced = self.quote_views(text, sentences)
        return Analysis(
            doc, self.facts, self.facts_display, self._events_by_id, sentences, dates, mentions, pairs,
            quotes, unbalanced, self.quote_index,
        )

    def quote_views(self, text: str, sentences: SentenceIndex) -> tuple[list[QuoteView], list[Unbalanced]]:
        """Every quote of a text with its speaker and its comparison with the curated quotes."""
        found, unbalanced = find_quotes(text)
        views = []
        for q, a in zip(found, attribute(text, found, self._speakers, sentences), strict=True):
            segments = []
            counts = {}
            for seg in q.segments:
                printed = text[seg.start : seg.end]
                segments.append((seg, tuple(self.quote_index.compare(printed)) if not q.nested else ()))
                counts[seg] = len(words(printed))
            content = q.content(text)
            sentence = sentences.containing(q.start) or (q.start, q.end)
            cue = bool(speech_cue(text, min(sentence[0], q.start), max(sentence[1], q.end), q))
            views.append(QuoteView(q, a, tuple(segments), counts, is_term(text, q), _looks_like_title(content), cue))
        return views, unbalanced

    def lint(self, doc: Document) -> list[Finding]:
        """Every finding of every rule, before selection; sorted by position."""
        return self.run(doc)[0]

    def run(self, doc: Document) -> tuple[list[Finding], Analysis]:
        """The findings (before selection) and the analysis they came from."""
        analysis = self.analyse(doc)
        findings = [to_finding(doc, rule, d) for rule in self.rules for d in rule.check(analysis)]
        findings.sort(key=Finding.sort_key)
        return findings, analysis


def to_finding(doc: Document, rule: Rule, d: Diagnostic) -> Finding:
    start = doc.source_offset(d.span.start)
    end = max(start, doc.source_offset(d.span.end, end=True))
    fix = d.fix
    if fix is not None and doc.source_map is not None:
        fix = type(fix)(Span(doc.source_offset(fix.span.start), doc.source_offset(fix.span.end, end=True)), fix.replacement, fix.safe)
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
    )
