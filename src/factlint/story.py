"""The story stage: the articles of one run compared with each other where no fact decides (FL501).

Two steps, so that `--jobs` changes nothing:

1. `summarize(analysis, compiled, path)`, in whichever process analysed the article: what FL501
   compares, as plain picklable data (`Summary`): each quote with its speaker (a curated person, or
   someone the article names whom nobody curated, read as `factlint suggest` drafts people), each
   uncurated person's full name, each figure with its subject and unit. Whatever a curated fact
   decides is left out here (a quote that matches or misquotes a curated quote, a curated name or a
   near miss of one, a figure tied to a claim).
2. `disagreements(summaries)`: pure over the summaries (no clock, no globals, no order but the
   paths'): the readings that disagree, each minority reading a `Diagnostic` (in source offsets)
   with the other articles' readings as related locations. `apply` turns them into findings of the
   articles' reports through the one decision point (`Selection.decide`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from .analysis import Analysis
from .compiled import CompiledFacts, noun_stem
from .engine import to_finding
from .extract.attribution import SpeakerIndex, attribute, read_people
from .extract.claims import find_figures
from .extract.names import damerau
from .facts.model import Person
from .model import Related, Span
from .normalize.quotes import QuoteIndex, words
from .prose import Prose
from .report import FileReport
from .rules import STORY_RULES
from .rules.base import Diagnostic
from .selection import Selection
from .suggest import draft_people
from .vocab import first_name_genders, honorifics

RULE = STORY_RULES[0]

# a near miss between two articles' quotes: the kinds of FL201 that say the words differ
_DIFFER = frozenset({"near", "negation"})
_AGREE = frozenset({"exact", "minor", "contains"})
_FUNCTION = frozenset(
    "a an the and or but of to in on at by for with from as is was were are be been has had have it its this that "
    "these those their his her he she they we i you said says about over than more less some between".split()
)
SUBJECT_WORDS = 3  # words before a figure that say what it counts


@dataclass(frozen=True)
class Place:
    """Where a reading is: its article, source span, line and column."""

    path: str
    start: int
    end: int
    line: int
    col: int


@dataclass(frozen=True)
class QuoteReading:
    speaker: str  # the speaker's name as the article's people read it
    text: str
    place: Place


@dataclass(frozen=True)
class NameReading:
    name: str  # a full name, as written
    place: Place


@dataclass(frozen=True)
class FigureReading:
    subject: tuple[str, ...]  # the folded words before the figure
    unit: str  # the unit or the noun after it, singular
    value: float
    tolerance: float  # half a unit of its last written digit (rounding)
    written: str
    noun: str  # the unit or noun as it follows the figure ("trucks")
    dates: tuple[str, ...]  # the days its sentence names (ISO), sorted
    place: Place


@dataclass(frozen=True)
class Summary:
    """What FL501 compares in one article (picklable)."""

    path: str
    reference: str | None = None  # the article's date (ISO): figures are compared within one day's news
    quotes: tuple[QuoteReading, ...] = ()
    names: tuple[NameReading, ...] = ()
    figures: tuple[FigureReading, ...] = ()


# -- step 1: one article --------------------------------------------------------------------------


@dataclass(frozen=True)
class _People:
    people: tuple[Person, ...]


def _place(analysis: Analysis, path: str, start: int, end: int) -> Place:
    doc = analysis.document
    s = doc.source_offset(start)
    e = max(s, doc.source_offset(end, end=True))
    line, col = doc.position(s)
    return Place(path, s, e, line, col)


def summarize(analysis: Analysis, compiled: CompiledFacts, path: str) -> Summary:
    """What FL501 compares in the analysed article `path` (its name as the report gives it)."""
    doc = analysis.document
    text = doc.text
    prose = Prose.of(text, wrapped=doc.format == "markdown")
    curated = {p.id: p for p in analysis.facts.people} if analysis.facts else {}
    taken_names = {n.lower() for p in curated.values() for n in (*p.names, *p.not_names)}
    # the article's own people, read as `factlint suggest` drafts them, beside the curated ones
    drafted = [p for p in draft_people([(doc, path)]) if p.name.lower() not in taken_names]
    own = tuple(Person(f"~{p.id}", p.name, 0, p.kind, tuple(a for a in p.aliases if a.lower() not in taken_names))
                for p in drafted)
    names_of = {p.id: p.name for p in (*curated.values(), *own)}
    quotes = []
    views = [v for v in analysis.quotes]
    speakers = attribute(prose, [v.quote for v in views], SpeakerIndex.build(_People((*curated.values(), *own))))
    for v, a in zip(views, speakers, strict=True):
        q = v.quote
        if q.nested or v.term or v.title or any(ms for _, ms in v.segments):
            continue  # a curated quote decides (FL201, FL202)
        speaker = v.attribution.speaker or a.speaker
        if not speaker or not (a.confident or a.via in ("pronoun", "continuation") or v.attribution.confident):
            continue
        content = " ".join(q.content(text).split())
        if len(words(content)) < 4:
            continue
        quotes.append(QuoteReading(names_of.get(speaker, speaker), content, _place(analysis, path, q.start, q.end)))
    # uncurated people's full names (a curated name, or a near miss of one, is FL301's)
    found_quotes = [v.quote for v in views]
    curated_spans = [(n.start, n.end) for n in analysis.names]
    hon = honorifics()
    names = []
    for m in read_people(prose, SpeakerIndex.build(_People(tuple(curated.values()))), found_quotes):
        if m.ids or m.how != "other" or any(s < m.end and m.start < e for s, e in curated_spans):
            continue
        end = m.end - len(_POSSESSIVE.search(text, m.start, m.end).group())  # type: ignore[union-attr]
        name = " ".join(text[m.start : end].split())
        parts = name.split()
        if len(parts) < 2 or parts[0].lower().rstrip(".") in hon or not all(_NAME_WORD.fullmatch(w) for w in parts):
            continue
        names.append(NameReading(name, _place(analysis, path, m.start, end)))
    reference = doc.reference_date.isoformat() if doc.reference_date else None
    return Summary(path, reference, tuple(quotes), tuple(names), tuple(_figures(analysis, prose, path)))


_POSSESSIVE = re.compile(r"(?:['’]s?)?\Z")
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*|[A-Z]\.")
_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _tolerance(written: str, value: float) -> float | None:
    """Half a unit of the last digit written ("1.3 billion": 0.05 billion; "50,000": 5,000), in the
    figure's unit (`value` is the whole figure's); 0 when no digits are written ("two": exact)."""
    m = _DIGITS.search(written)
    if m is None:
        return 0.0
    digits = m.group().replace(",", "")
    number = float(digits)
    if not number:
        return 0.0
    scale = value / number  # "billion", "million": how many units one written unit is
    if m.group(1):
        return 0.5 * 10 ** -len(m.group(1)) * scale
    zeros = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10**zeros * scale if zeros else 0.0


def _figures(analysis: Analysis, prose: Prose, path: str) -> list[FigureReading]:
    text = analysis.document.text
    dated = [(r.expr.start, r.expr.end) for r in analysis.dates]
    quoted = [(v.quote.start, v.quote.end) for v in analysis.quotes if not v.quote.nested]
    tied = {(f.start, f.end) for f, _ in analysis.claim_figures}
    claimed = {analysis.sentences.containing(m.start) for m in analysis.claim_mentions}
    days: dict[tuple[int, int] | None, set[str]] = defaultdict(set)
    for r in analysis.dates:
        if r.interval is not None:
            days[analysis.sentences.containing(r.expr.start)].add(f"{r.interval.first}/{r.interval.last}")
    out = []
    for fig in find_figures(prose):
        if fig.hedge or (fig.start, fig.end) in tied or any(s < fig.end and fig.start < e for s, e in dated):
            continue
        if any(s <= fig.start < e for s, e in quoted):
            continue  # a speaker's words
        sentence = analysis.sentences.containing(fig.start)
        if sentence is None or sentence in claimed:
            continue  # a curated claim speaks of this sentence (FL402)
        noun = fig.unit or next(iter(fig.following.split()), "")
        if not noun.isalpha() or noun in _FUNCTION:
            continue
        subject = tuple(fig.before[-SUBJECT_WORDS:])
        content = [w for w in subject if w not in _FUNCTION]
        if len(subject) < SUBJECT_WORDS or len(content) < 2 or not all(w.isalpha() for w in content):
            continue  # "in value by", "between 210 and": no subject of its own
        written = text[fig.start : fig.end]
        value = fig.value * fig.factor
        tolerance = _tolerance(written, value)
        if tolerance is None:
            continue
        out.append(FigureReading(subject, noun_stem(noun), value, tolerance, " ".join(written.split()), noun,
                                 tuple(sorted(days.get(sentence, ()))), _place(analysis, path, fig.start, fig.end)))
    return out


# -- step 2: the story ----------------------------------------------------------------------------

R = TypeVar("R", "QuoteReading", "NameReading", "FigureReading")


@dataclass(frozen=True)
class Disagreement:
    """One minority reading: the diagnostic for its article."""

    path: str
    diagnostic: Diagnostic


def _related(places: Iterable[tuple[Place, str]]) -> tuple[Related, ...]:
    seen = sorted({(p.path, p.line, p.col, what) for p, what in places})
    return tuple(Related(path, line, col, what) for path, line, col, what in seen)


def _diag(place: Place, message: str, found: str, expected: str, others: Iterable[tuple[Place, str]]) -> Disagreement:
    return Disagreement(place.path, Diagnostic(Span(place.start, place.end), message, expected=expected, found=found,
                                               related=_related(others)))


def _articles(n: int, verb: str = "") -> str:
    """"1 other article says", "2 other articles say"."""
    if not verb:
        return f"{n} other article{'' if n == 1 else 's'}"
    return f"{n} other article says" if n == 1 else f"{n} other articles {verb}"


def _side(readings: Sequence[R], agree: Callable[[R, R], bool], differ: Callable[[R, R], bool]) -> list[tuple[R, list[R], list[R]]]:
    """For each reading: the readings of other articles that agree with it and those that differ
    (when any does): (reading, agreeing, differing)."""
    out = []
    for r in readings:
        others = [o for o in readings if o.place.path != r.place.path]
        differing = [o for o in others if differ(r, o)]
        if differing:
            out.append((r, [o for o in others if agree(r, o)], differing))
    return out


def _minority(r: R, agreeing: list[R], differing: list[R]) -> bool:
    """Whether the reading is the minority (or one side of a tie): fewer articles say it its way
    than the other way, or as many."""
    mine = {r.place.path} | {o.place.path for o in agreeing}
    theirs = {o.place.path for o in differing} - mine
    return bool(theirs) and len(mine) <= len(theirs)


def _quote_disagreements(summaries: Sequence[Summary]) -> list[Disagreement]:
    by_speaker: dict[str, list[QuoteReading]] = defaultdict(list)
    for s in summaries:
        for q in s.quotes:
            by_speaker[q.speaker].append(q)
    out = []
    for speaker in sorted(by_speaker):
        readings = by_speaker[speaker]
        if len({q.place.path for q in readings}) < 2:
            continue
        kinds: dict[tuple[int, int], set[str]] = defaultdict(set)
        details: dict[tuple[int, int], tuple[str, str]] = {}
        pos = {id(q): i for i, q in enumerate(readings)}
        indexes: dict[str, QuoteIndex] = {}  # an article's: the other articles' quotes of the speaker
        for i, q in enumerate(readings):
            index = indexes.get(q.place.path)
            if index is None:
                index = indexes[q.place.path] = QuoteIndex(
                    [_Q(f"q{j}", o.text) for j, o in enumerate(readings) if o.place.path != q.place.path])
            for m in index.compare(q.text):
                j = int(m.quote_id[1:])
                kinds[i, j].add(m.kind)
                if m.kind in _DIFFER and m.found:
                    details[i, j] = (m.found, m.expected)
        agree_pairs = {k for k, v in kinds.items() if v & _AGREE}
        agree_pairs |= {(j, i) for i, j in agree_pairs}

        def agree(a: QuoteReading, b: QuoteReading) -> bool:
            return (pos[id(a)], pos[id(b)]) in agree_pairs

        def differ(a: QuoteReading, b: QuoteReading) -> bool:
            k = (pos[id(a)], pos[id(b)])
            return not agree(a, b) and bool((kinds.get(k, set()) | kinds.get(k[::-1], set())) & _DIFFER)

        for r, agreeing, differing in _side(readings, agree, differ):
            if not _minority(r, agreeing, differing):
                continue
            i = pos[id(r)]
            j = pos[id(differing[0])]
            if (i, j) in details:
                found, expected = details[i, j]
            else:
                expected, found = details.get((j, i), ("", ""))
            n = len({o.place.path for o in differing})
            diff = f": found '{found}', {_articles(n, 'say')} '{expected}'" if found else f"; {_articles(n)} word it otherwise"
            out.append(_diag(r.place, f"the articles quote {speaker} differently{diff} (no curated quote decides)",
                             found or r.text, expected or differing[0].text,
                             [(o.place, f"“{o.text}”") for o in differing]))
    return out


@dataclass(frozen=True)
class _Q:
    id: str
    text: str


def _name_disagreements(summaries: Sequence[Summary]) -> list[Disagreement]:
    seen: dict[str, list[NameReading]] = defaultdict(list)
    for s in summaries:
        for n in s.names:
            seen[n.name].append(n)
    firsts = first_name_genders()
    out = []
    spellings = sorted(seen)
    for a in spellings:
        in_a = {n.place.path for n in seen[a]}
        if len(in_a) != 1:
            continue  # the minority is one article
        for b in spellings:
            if a == b:
                continue
            in_b = {n.place.path for n in seen[b]}
            if len(in_b) < 2 or in_a & in_b:
                continue  # a majority of two articles, and no article writing both (two people)
            wa, wb = a.split(), b.split()
            if len(wa) != len(wb):
                continue
            diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
            if len(diff) != 1:
                continue
            x, y = diff[0]
            if not (x[:1].isupper() and y[:1].isupper()) or (x.lower() in firsts and y.lower() in firsts):
                continue
            most = 1 if min(len(x), len(y)) < 6 else 2
            if not 1 <= damerau(x.lower(), y.lower(), most) <= most:
                continue
            for r in seen[a]:
                out.append(_diag(r.place, f"'{a}' is spelled '{b}' by {_articles(len(in_b))} (no curated name decides)",
                                 a, b, [(o.place, f"'{b}'") for o in seen[b]]))
    return out


def _figure_disagreements(summaries: Sequence[Summary]) -> list[Disagreement]:
    groups: dict[tuple, list[FigureReading]] = defaultdict(list)
    for s in summaries:
        for f in s.figures:  # the same subject in the news of one day (figures change: markets, tallies)
            groups[f.subject, f.unit, f.dates, s.reference or ""].append(f)
    out = []
    for key in sorted(groups):
        readings = groups[key]
        if len({f.place.path for f in readings}) < 2:
            continue

        def agree(a: FigureReading, b: FigureReading) -> bool:
            return abs(a.value - b.value) <= max(a.tolerance, b.tolerance) + 1e-9 * max(abs(a.value), abs(b.value), 1)

        # one article giving two values for one subject: the subject is not one thing
        if any(not agree(a, b) for a in readings for b in readings if a.place.path == b.place.path):
            continue
        for r, agreeing, differing in _side(readings, agree, lambda a, b: not agree(a, b)):
            if not _minority(r, agreeing, differing):
                continue
            other = differing[0]
            n = len({o.place.path for o in differing})
            subject = " ".join(key[0])
            out.append(_diag(r.place, f"the articles give different figures for '{subject} ... {r.noun}': found "
                                      f"'{r.written}', {_articles(n, 'say')} '{other.written}' (no curated claim decides)",
                             f"{r.written} {r.noun}", f"{other.written} {other.noun}",
                             [(o.place, f"'{o.written}'") for o in differing]))
    return out


def disagreements(summaries: Sequence[Summary]) -> list[Disagreement]:
    """Every minority reading of the articles summarized (quotes, names, figures), in a fixed
    order whatever the order of `summaries`."""
    ordered = sorted(summaries, key=lambda s: s.path)
    found = _quote_disagreements(ordered) + _name_disagreements(ordered) + _figure_disagreements(ordered)
    return sorted(found, key=lambda d: (d.path, d.diagnostic.span.start, d.diagnostic.message))


def apply(reports: Sequence[FileReport], selection: Selection) -> list[FileReport]:
    """The reports with FL501's findings added to the articles they are about, each article's
    findings decided again, once, with them (`Selection.decide`)."""
    summaries = [r.story for r in reports if r.story is not None]
    if len(summaries) < 2:
        return list(reports)
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in disagreements(summaries):
        by_path[d.path].append(d.diagnostic)
    out = []
    for r in reports:
        found = by_path.get(r.path)
        if not found or r.document is None:
            out.append(r)
            continue
        doc = r.document
        extra = [to_finding(doc, RULE, d, in_source=True) for d in found]
        decision = selection.decide(doc, list(r.candidates) + extra)
        out.append(replace(r, findings=decision.kept, suppressed=decision.suppressed, baselined=decision.baselined))
    return out


__all__ = ["Disagreement", "FigureReading", "NameReading", "QuoteReading", "Summary", "apply", "disagreements", "summarize"]
