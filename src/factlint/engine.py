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
from .extract.claims import ClaimMention, ClaimScanner, Figure, find_figures
from .extract.names import NameIndex, NameMention
from .extract.phrases import Scan
from .extract.quotes import speech_words
from .extract.sentences import SentenceIndex
from .extract.titles import TitleMention, titles_near
from .facts.model import Claim, Event, Facts
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
class SentenceCoverage:
    """A sentence, what makes it check-worthy, and whether a curated fact covers it."""

    start: int
    end: int
    worthy: tuple[str, ...]
    covered: bool


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
    names: list[NameMention]
    claim_mentions: list[ClaimMention]
    claims_by_id: dict[str, Claim]
    claim_figures: list[tuple[Figure, Claim]]
    claim_sentences: list[SentenceCoverage]
    titles: list[TitleMention]

    def claim_coverage(self) -> tuple[int, int]:
        """(covered, check-worthy) sentences of the article."""
        worthy = [s for s in self.claim_sentences if s.worthy]
        return sum(1 for s in worthy if s.covered), len(worthy)

    def quote_counts(self) -> QuoteCounts:
        spoken = [v for v in self.quotes if not v.quote.nested]
        attributed = sum(1 for v in spoken if v.attribution.speaker)
        return QuoteCounts(len(spoken), attributed, len(spoken) - attributed)

    def facts_mentioned(self) -> frozenset[str]:
        """Ids of the curated facts the article speaks of: people named, events mentioned, curated
        quotes quoted (rightly or not), claims whose wording or figure appears."""
        ids = {n.person_id for n in self.names}
        ids.update(m.event_id for m in self.event_mentions)
        ids.update(m.quote_id for v in self.quotes for _, ms in v.segments for m in ms)
        ids.update(m.claim_id for m in self.claim_mentions)
        ids.update(c.id for _, c in self.claim_figures)
        return frozenset(ids)

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
        self._names = NameIndex(facts.people if facts else ())
        claims = facts.claims if facts else ()
        self._claims = ClaimScanner(claims, regex_timeout)
        self._claims_by_id = {c.id: c for c in claims}
        self._figure_claims = [(c, *claim_templates(c)) for c in claims if c.figure is not None]

    def analyse(self, doc: Document) -> Analysis:
        text = doc.text
        sentences = SentenceIndex(text)
        folded = Scan.of(text)
        dates = [resolve(e, doc.reference_date) for e in find_dates(text, day_first=self.day_first, scan=folded)]
        mentions = self._events.find(text, folded) if self._events else []
        pairs = pair_dates(text, sentences, [r.expr for r in dates], mentions)
        cues = speech_words(folded, text=text)  # speech verbs and "according to", found once
        quotes, unbalanced = self.quote_views(text, sentences, folded, cues)
        names = self._names.find(text, folded)
        claim_mentions = self._claims.find(text, folded)
        figures = find_figures(text, folded)
        claim_figures = self._tie_figures(text, sentences, figures, claim_mentions)
        coverage = _coverage(
            text, cues, sentences, dates, mentions, quotes, claim_mentions, figures, claim_figures, names
        )
        titles = [t for n in names if not n.near_miss for t in titles_near(text, n.start, n.end, n.person_id)]
        return Analysis(
            doc, self.facts, self.facts_display, self._events_by_id, sentences, dates, mentions, pairs,
            quotes, unbalanced, self.quote_index, names, claim_mentions, self._claims_by_id, claim_figures,
            coverage, titles,
        )

    def _tie_figures(
        self, text: str, sentences: SentenceIndex, figures: list[Figure], claim_mentions: list[ClaimMention]
    ) -> list[tuple[Figure, Claim]]:
        """Figures that state a claim's number: written the way the claim's wording is, with the
        number changed ("launched three short-range ballistic missiles" for "launched two ..."), or
        with the claim's unit in a sentence that holds one of the claim's wordings."""
        out = []
        claimed = {}
        for m in claim_mentions:
            s = sentences.containing(m.start)
            if s is not None:
                claimed.setdefault(s, set()).add(m.claim_id)
        for fig in figures:
            following = fig.following.split()
            before = words(text[max(0, fig.start - 60) : fig.start])
            for claim, templates, head in self._figure_claims:
                tied = any(
                    before[-len(prefix):] == prefix and following[: len(suffix)] == suffix
                    for prefix, suffix in templates
                    if prefix and len(before) >= len(prefix)
                )
                if not tied and any(_same_noun(w, head) for w in following[:3]):
                    s = sentences.containing(fig.start)
                    tied = s is not None and claim.id in claimed.get(s, ())
                if tied:
                    out.append((fig, claim))
                    break
        return out

    def quote_views(
        self, text: str, sentences: SentenceIndex, folded: Scan | None = None, cues: list[tuple[int, int]] | None = None
    ) -> tuple[list[QuoteView], list[Unbalanced]]:
        """Every quote of a text with its speaker and its comparison with the curated quotes;
        `cues` are the text's `speech_words` when the caller has them."""
        found, unbalanced = find_quotes(text)
        if not found:
            return [], unbalanced
        scan = folded if folded is not None else Scan.of(text)
        cues = cues if cues is not None else speech_words(scan, text=text)
        says = [c for c in cues if not scan.folded.startswith("according", c[0])]
        views = []
        for q, a in zip(found, attribute(text, found, self._speakers, sentences, scan, says), strict=True):
            segments = []
            counts = {}
            for seg in q.segments:
                printed = text[seg.start : seg.end]
                if q.nested:  # a quote within a quote is not compared
                    segments.append((seg, ()))
                    counts[seg] = len(words(printed))
                else:
                    matches, counts[seg] = self.quote_index.reading(printed)
                    segments.append((seg, matches))
            content = q.content(text)
            sentence = sentences.containing(q.start) or (q.start, q.end)
            cue = speech_cue(text, min(sentence[0], q.start), max(sentence[1], q.end), q, cues)
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


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())
_HEDGE_WORDS = frozenset("at least most more than about nearly almost over up to some around".split())


def claim_templates(claim: Claim) -> tuple[list[tuple[list[str], list[str]]], str]:
    """A figure claim's wordings split around their number, (words before, words after), with the
    hedge left out of the words before; and the unit's head noun."""
    unit_words = words(claim.figure.unit)
    templates = []
    for p in claim.supports:
        if p.is_regex:
            continue
        ws = words(p.text)
        at = next((i for i, w in enumerate(ws) if w.isdigit() or w in _NUMBER_WORDS), None)
        if at is None:
            continue
        prefix = ws[:at]
        while prefix and prefix[-1] in _HEDGE_WORDS:
            prefix = prefix[:-1]
        templates.append((prefix[-2:], ws[at + 1 : at + 1 + len(unit_words)]))
    return templates, (unit_words[-1] if unit_words else "")


def _same_noun(word: str, head: str) -> bool:
    """'missile' and 'missiles', 'entity' and 'entities' are one noun."""
    def stem(w: str) -> str:
        for suffix in ("ies", "es", "s"):
            if w.endswith(suffix) and len(w) > len(suffix) + 2:
                return w[: -len(suffix)] + ("y" if suffix == "ies" else "")
        return w

    return stem(word) == stem(head)


_ROLE_WORDS = frozenset(
    "minister secretary ambassador spokesperson spokesman spokeswoman president leader director chief general "
    "correspondent representative envoy chairman chairwoman governor senator prime chancellor commander".split()
)


def _coverage(text, cues, sentences, dates, event_mentions, quotes, claim_mentions, figures, claim_figures, names):
    """Each sentence's check-worthiness and whether a curated fact covers it (SPEC §5, FL403)."""
    marks = []  # (offset, reason) of what makes a sentence check-worthy
    covers = []  # offsets of what a curated fact backs
    for r in dates:
        if r.timex_type in ("DATE", "TIME") and not r.value.endswith("_REF"):
            marks.append((r.expr.start, "date"))
    for v in quotes:
        if not v.quote.nested and not v.term:
            marks.append((v.quote.start, "quote"))
            if any(m.kind in ("exact", "minor") for _, ms in v.segments for m in ms):
                covers.append(v.quote.start)
    for fig in figures:
        marks.append((fig.start, "figure"))
    for n in names:
        before = text[max(0, n.start - 40) : n.start].lower().split()
        if before and before[-1].strip(",") in _ROLE_WORDS:
            marks.append((n.start, "titled person"))
    marks.extend((start, "attribution") for start, _ in cues)
    covers.extend(m.start for m in event_mentions)
    covers.extend(m.start for m in claim_mentions)
    covers.extend(f.start for f, _ in claim_figures)
    by_sentence: dict[tuple[int, int], list] = {}
    for offset, reason in marks:
        s = sentences.containing(offset)
        if s is not None:
            by_sentence.setdefault(s, []).append(reason)
    covered = {sentences.containing(o) for o in covers}
    out = []
    for (start, end), reasons in sorted(by_sentence.items()):
        out.append(SentenceCoverage(start, end, tuple(dict.fromkeys(reasons)), (start, end) in covered))
    return out


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
