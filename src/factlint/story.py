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
from dataclasses import replace
from functools import cache
from datetime import date
from typing import TypeVar

from .analysis import Analysis
from .compiled import CompiledFacts, noun_stem
from .engine import to_finding
from .extract.attribution import SpeakerIndex, attribute, read_people
from .extract.claims import HEDGES, find_figures
from .extract.events import modality
from .extract.names import damerau
from .facts.model import Person
from .model import Related, Span
from .normalize.quotes import QuoteIndex, words
from .prose import Prose
from .records import dataclass
from .report import FileReport
from .rules import STORY_RULES
from .rules.base import Diagnostic
from .selection import Selection
from .extract.titles import name_words, role_of, same_role, titles_near
from .suggest import MENTION_WORDS, MIN_MENTION_CONTENT, _CLAUSE_BREAK, draft_people, mention_before, titled_people
from .vocab import common_words, first_name_genders, honorifics, speech_verbs, tagged

RULE = STORY_RULES[0]

# a near miss between two articles' quotes: the kinds of FL201 that say the words differ
_DIFFER = frozenset({"near", "negation"})
_AGREE = frozenset({"exact", "minor", "contains"})
_FUNCTION = frozenset(
    "a an the and or but of to in on at by for with from as is was were are be been has had have it its this that "
    "these those their his her he she they we i you said says about over than more less some between".split()
)
_HEDGE_WORDS = frozenset(w for hedge in HEDGES for w in hedge.split())  # "about", "more than"
UNATTRIBUTED_WORDS = 8  # a quote credited to nobody is compared by its words when it has this many
SUBJECT_WORDS = 4  # content words of its clause before a figure that say what it counts
APPROXIMATE = 0.1  # "about 1,100": within this share of its value
# a hedged figure is compared only with figures hedged the same way: a bound from below or above
_BOUNDS = {"about": "about", "above": "lower", "at-least": "lower", "below": "upper", "at-most": "upper"}
TITLE_DAYS = 7  # titles of one person are compared between articles at most this many days apart


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
    bound: str  # "" for a figure, "about", "lower" ("more than", "at least"), "upper" ("up to", "nearly")
    written: str
    noun: str  # the unit or noun as it follows the figure ("trucks")
    dates: tuple[str, ...]  # the days its sentence names (ISO), sorted
    place: Place


@dataclass(frozen=True)
class EventReading:
    key: tuple[str, ...]  # the folded content words of the words that mention the event, sorted
    mention: str  # as written
    first: str  # the date's interval (ISO days) and granularity
    last: str
    granularity: str
    written: str  # the date as written
    absolute: bool  # the date names its month or year itself ("July 27", not "on Tuesday")
    future: bool  # a plan or a forecast ("will fly on May 2")
    place: Place


@dataclass(frozen=True)
class TitleReading:
    person: str  # the person's full name as read (nobody curated it)
    title: str  # as written
    place: Place


@dataclass(frozen=True)
class Summary:
    """What FL501 compares in one article (picklable)."""

    path: str
    reference: str | None = None  # the article's date (ISO): figures are compared within one day's news
    quotes: tuple[QuoteReading, ...] = ()
    names: tuple[NameReading, ...] = ()
    figures: tuple[FigureReading, ...] = ()
    events: tuple[EventReading, ...] = ()
    titles: tuple[TitleReading, ...] = ()
    words: tuple[NameReading, ...] = ()  # capitalised name-shaped words standing alone (a surname)


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
        content = " ".join(q.content(text).split())
        n = len(words(content))
        if not speaker or not (a.confident or a.via in ("pronoun", "continuation") or v.attribution.confident):
            if n >= UNATTRIBUTED_WORDS:  # long enough to be known by its words alone
                quotes.append(QuoteReading("", content, _place(analysis, path, q.start, q.end)))
            continue
        if n < 4:
            continue
        quotes.append(QuoteReading(names_of.get(speaker, speaker), content, _place(analysis, path, q.start, q.end)))
    # uncurated people's full names (a curated name, or a near miss of one, is FL301's): named with a
    # known first name, or with a title
    found_quotes = [v.quote for v in views]
    quoted = [(q.start, q.end) for q in found_quotes if not q.nested]
    curated_spans = [(n.start, n.end) for n in analysis.names]
    hon = honorifics()
    spans = [(m.start, m.end) for m in read_people(prose, SpeakerIndex.build(_People(tuple(curated.values()))), found_quotes)
             if not m.ids and m.how == "other" and text[m.start : m.end].split()[0].lower().rstrip(".") not in hon]
    titled = titled_people(prose, quoted)
    spans += [(s, e) for s, e in titled if not any(a < e and s < b for a, b in spans)]
    names, named = [], []  # the readings, and their spans in the text view with the name
    for start, stop in sorted(spans):
        if any(s < stop and start < e for s, e in curated_spans):
            continue
        end = stop - len(_POSSESSIVE.search(text, start, stop).group())  # type: ignore[union-attr]
        name = " ".join(text[start:end].split())
        parts = name.split()
        if len(parts) < 2 or parts[0].lower().rstrip(".") in hon or not all(_NAME_WORD.fullmatch(w) for w in parts):
            continue
        names.append(NameReading(name, _place(analysis, path, start, end)))
        named.append((start, end, name))
    # one word with a title ("American president Obama"): a person for the titles, not a full name
    alone = [(s, e, text[s:e]) for s, e in titled if " " not in text[s:e] and not any(a < e and s < b for a, b in curated_spans)]
    reference = doc.reference_date.isoformat() if doc.reference_date else None
    return Summary(path, reference, tuple(quotes), tuple(names), tuple(_figures(analysis, prose, path)),
                   tuple(_events(analysis, path, quoted)), tuple(_titles(analysis, path, named + alone, quoted)),
                   tuple(_lone_words(analysis, path, named, curated_spans, quoted)))


_POSSESSIVE = re.compile(r"(?:['’]s?)?\Z")
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*|(?:Mc|Mac|La|De|Di|Le|O['’])[A-Z][a-z]+|[A-Z]\.")
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


def _subject(folded: Sequence[str]) -> tuple[str, ...]:
    """The last SUBJECT_WORDS content words (no grammar words, hedges or numbers)."""
    return tuple(w for w in folded if w not in _FUNCTION and w not in _HEDGE_WORDS
                 and not w.replace(".", "").replace(",", "").isdigit())[-SUBJECT_WORDS:]


def _figures(analysis: Analysis, prose: Prose, path: str) -> list[FigureReading]:
    """Each figure outside a speaker's words, a date and a curated claim's sentence, with a noun
    after it (its unit) and what it counts: the last SUBJECT_WORDS content words of its clause
    before it ("The Nasdaq index has fallen by | 3.16%": nasdaq index fallen), two at least. A
    figure in a duration ("18 months behind schedule") is a figure; one in a date is not."""
    text = analysis.document.text
    dated = [(r.expr.start, r.expr.end) for r in analysis.dates if r.timex_type != "DURATION"]
    quoted = [(v.quote.start, v.quote.end) for v in analysis.quotes if not v.quote.nested]
    tied = {(f.start, f.end) for f, _ in analysis.claim_figures}
    claimed = {analysis.sentences.containing(m.start) for m in analysis.claim_mentions}
    days: dict[tuple[int, int] | None, set[str]] = defaultdict(set)
    for r in analysis.dates:
        if r.interval is not None and r.timex_type == "DATE":
            days[analysis.sentences.containing(r.expr.start)].add(f"{r.interval.first}/{r.interval.last}")
    says = speech_verbs().forms
    out = []
    for fig in find_figures(prose):
        if (fig.start, fig.end) in tied or any(s < fig.end and fig.start < e for s, e in dated):
            continue  # a date; a curated claim's figure (FL402)
        if any(s <= fig.start < e for s, e in quoted):
            continue  # a speaker's words
        sentence = analysis.sentences.containing(fig.start)
        if sentence is None or sentence in claimed:
            continue  # a curated claim speaks of this sentence (FL402)
        noun = fig.unit or next(iter(fig.following.split()), "")
        if not noun.replace("-", "").isalnum() or noun.isdigit() or noun in _FUNCTION:
            continue
        lead = fig.lead if fig.lead >= 0 else fig.start
        breaks = list(_CLAUSE_BREAK.finditer(text, sentence[0], lead))
        clause = text[breaks[-1].end() if breaks else sentence[0] : lead]
        folded = words(clause)
        said = [i for i, w in enumerate(folded) if w in says]
        subject = _subject(folded[said[-1] + 1 :]) if said else ()  # "Police said | the storm sank two tankers"
        if len(subject) < 2:
            subject = _subject(folded)
        if len(subject) < 2:
            continue  # "in value by", "between 210 and": no subject of its own
        written = text[fig.start : fig.end]
        value = fig.value * fig.factor
        tolerance = _tolerance(written, value)
        if tolerance is None:
            continue
        if fig.hedge == "about":
            tolerance = max(tolerance, APPROXIMATE * abs(value))
        out.append(FigureReading(subject, noun_stem(noun), value, tolerance, _BOUNDS.get(fig.hedge or "", ""),
                                 " ".join(written.split()), noun,
                                 tuple(sorted(days.get(sentence, ()))), _place(analysis, path, fig.start, fig.end)))
    return out


_CLAUSE_OPENING = re.compile(r"\s*(?:(?:on|in|at|by|during|since|from|until|early|late|mid|last|this|a|an|the)\s+)?\Z", re.I)
_AFTER_DATE = re.compile(r"[ \t]*,?[ \t]*")


def _mention_after(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int] | None:
    """The words after a date that opens its sentence ("On Saturday, Boeing announced new orders"):
    the clause after it, at most MENTION_WORDS words, or None."""
    if not _CLAUSE_OPENING.match(text, sentence[0], start) or not _CLAUSE_OPENING.fullmatch(text[sentence[0] : start]):
        return None
    gap = _AFTER_DATE.match(text, end)
    at = gap.end() if gap else end
    stop = _CLAUSE_BREAK.search(text, at, sentence[1])
    tokens = list(re.finditer(r"[\w'’&.-]*\w", text[at : stop.start() if stop else sentence[1]]))[:MENTION_WORDS]
    while tokens and tokens[-1].group().lower() in _FUNCTION:
        tokens.pop()
    if len(tokens) < 2:
        return None
    return at + tokens[0].start(), at + tokens[-1].end()


@cache
def _future_cues() -> re.Pattern[str]:
    """The words of `data/future_cues.txt` that point a date ahead ("will", "scheduled"), as whole words."""
    cues = [w for w, tags in tagged("future_cues.txt") if "not" not in tags]
    return re.compile(r"(?<![\w'’])(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True))
                      + r")(?![\w'’])", re.I)


def event_key(mention: str) -> tuple[str, ...]:
    """What identifies an event by the words that mention it: their content words (no grammar
    words, speech verbs or numbers), singular and without possessives, sorted."""
    says = speech_verbs().forms
    out = set()
    for w in words(mention):
        w = w.removesuffix("'s").strip("'")
        if w and w not in _FUNCTION and w not in says and not any(c.isdigit() for c in w):
            out.add(noun_stem(w))
    return tuple(sorted(out))


def _events(analysis: Analysis, path: str, quoted: Sequence[tuple[int, int]]) -> list[EventReading]:
    """Each date of a day, month or year that no curated event is paired with, with the words that
    mention what it dates: the clause before it ("made its maiden flight | on April 27") or, when
    the date opens its sentence, the clause after it; dates in a speaker's words left out."""
    text = analysis.document.text
    out = []
    for i, r in enumerate(analysis.dates):
        e = r.expr
        if i in analysis.date_events or r.timex_type != "DATE" or r.interval is None or r.unresolved or r.impossible:
            continue  # a curated event decides (FL101), or no day to compare
        if r.interval.granularity not in ("day", "month", "year") or e.hour is not None:
            continue
        if any(s <= e.start < t for s, t in quoted):
            continue
        sentence = analysis.sentences.containing(e.start)
        if sentence is None:
            continue
        lo = max([sentence[0]] + [d.expr.end for d in analysis.dates if sentence[0] <= d.expr.end <= e.start])
        span = mention_before(text, lo, e.start) or _mention_after(text, sentence, e.start, e.end)
        if span is None:
            continue
        mention = " ".join(text[span[0] : span[1]].split())
        key = event_key(mention)
        if len(key) < MIN_MENTION_CONTENT:
            continue
        absolute = e.rel is None and (e.month is not None or e.year is not None)
        # a plan, a forecast or a schedule given up ("will reopen on June 1", "originally due in May")
        planned = e.future or modality(text, e.start, sentence[0]) is not None or bool(
            _future_cues().search(text, lo, e.start))
        out.append(EventReading(key, mention, r.interval.first.isoformat(), r.interval.last.isoformat(),
                                r.interval.granularity, " ".join(text[e.start : e.end].split()), absolute, planned,
                                _place(analysis, path, e.start, e.end)))
    return out


def _titles(analysis: Analysis, path: str, named: Sequence[tuple[int, int, str]],
            quoted: Sequence[tuple[int, int]]) -> list[TitleReading]:
    """The titles written around the full names of people nobody curated, and around their
    surnames standing alone after them ("Fritz Henderson ... Henderson, the chief executive,");
    past titles ("former") left out."""
    text = analysis.document.text
    where = list(named)  # (start, end, person) in the text view
    by_surname: dict[str, str] = {}
    for _, _, name in where:
        by_surname.setdefault(name.split()[-1], name)
    for m in _CAPITALISED.finditer(text):
        person = by_surname.get(m.group())
        if person and not any(s <= m.start() < e for s, e, _ in where):
            where.append((m.start(), m.end(), person))
    spans = [(s, e) for s, e, _ in where]
    out = []
    for start, end, person in sorted(where):
        if any(s <= start < e for s, e in quoted):
            continue
        for t in titles_near(text, start, end, person, sentence=analysis.sentences.containing(start),
                             others=[x for x in spans if x != (start, end)], own=name_words((person,))):
            if not t.former and role_of(t.text) is not None:
                out.append(TitleReading(person, " ".join(t.text.split()), _place(analysis, path, t.start, t.end)))
    return out


_CAPITALISED = re.compile(r"(?<![\w'’.-])[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*(?![\w-])")


def _lone_words(analysis: Analysis, path: str, named: Sequence[tuple[int, int, str]], curated: Sequence[tuple[int, int]],
                quoted: Sequence[tuple[int, int]]) -> list[NameReading]:
    """Capitalised words of five letters or more standing alone (not in a full name read, a curated
    name or a speaker's words) that are neither common words nor first names: where a surname is
    written alone."""
    text = analysis.document.text
    common = common_words()
    firsts = first_name_genders()
    full = [(s, e) for s, e, _ in named]
    out = []
    for m in _CAPITALISED.finditer(text):
        w = m.group()
        if len(w) < 5 or w.lower() in common or w.lower() in firsts:
            continue
        s, e = m.start(), m.end()
        if any(a <= s < b for a, b in (*full, *curated, *quoted)):
            continue
        out.append(NameReading(w, _place(analysis, path, s, e)))
    return out


# -- step 2: the story ----------------------------------------------------------------------------

R = TypeVar("R", "QuoteReading", "NameReading", "FigureReading", "EventReading", "TitleReading")


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
    """The same speaker's quotes compared across articles; a quote nobody is credited with (of
    UNATTRIBUTED_WORDS words at least) is compared with every speaker's, and with the other such
    quotes, by its words."""
    by_speaker: dict[str, list[QuoteReading]] = defaultdict(list)
    for s in summaries:
        for q in s.quotes:
            by_speaker[q.speaker].append(q)
    anonymous = by_speaker.pop("", [])
    placed: set[int] = set()  # the quotes nobody is credited with that some speaker's quote aligns with
    out = []
    for speaker in [*sorted(by_speaker), ""]:
        # a speaker's quotes with those credited to nobody (two of these are compared last, alone, when
        # no speaker's quote aligns with either)
        readings = by_speaker[speaker] + anonymous if speaker else [q for q in anonymous if id(q) not in placed]
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
        if speaker:  # two quotes credited to nobody are not this speaker's business
            for k in [k for k in kinds if not readings[k[0]].speaker and not readings[k[1]].speaker]:
                del kinds[k]
            placed.update(id(readings[x]) for k, v in kinds.items() if v & (_AGREE | _DIFFER) for x in k
                          if not readings[x].speaker)
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
            who = speaker or "a speaker"
            out.append(_diag(r.place, f"the articles quote {who} differently{diff} (no curated quote decides)",
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
    return out + _surname_disagreements(summaries, seen)


def _surname_disagreements(summaries: Sequence[Summary], full: dict[str, list[NameReading]]) -> list[Disagreement]:
    """A surname written alone ("Shoygu said") that one article alone writes, one or two edits
    from the surname of a full name at least two other articles write ("Sergei Shoigu"); never a
    word the article itself gives a first name of its own (another person), nor one a first name."""
    firsts = first_name_genders()
    surnames: dict[str, list[NameReading]] = defaultdict(list)  # surname -> the full names' readings
    for name, readings in full.items():
        surnames[name.split()[-1]].extend(readings)
    writers: dict[str, set[str]] = defaultdict(set)  # a word -> the articles writing it, alone or in a name
    for name, readings in full.items():
        for w in name.split():
            writers[w].update(r.place.path for r in readings)
    for s in summaries:
        for r in s.words:
            writers[r.name].add(r.place.path)
    out = []
    for s in summaries:
        for r in s.words:
            w = r.name
            if writers[w] != {s.path} or w in surnames or w.lower() in firsts:
                continue
            most = 1 if len(w) < 6 else 2
            for surname in sorted(surnames):
                theirs = {o.place.path for o in surnames[surname]} - {s.path}
                if len(theirs) < 2 or abs(len(surname) - len(w)) > most:
                    continue
                if 1 <= damerau(w.lower(), surname.lower(), most) <= most:
                    spelled = [o for o in surnames[surname] if o.place.path != s.path]
                    out.append(_diag(r.place, f"'{w}' is spelled '{surname}' by {_articles(len(theirs))} "
                                              f"(no curated name decides)", w, surname,
                                     [(o.place, f"'{o.name}'") for o in spelled]))
                    break
    return out


def _figure_disagreements(summaries: Sequence[Summary]) -> list[Disagreement]:
    groups: dict[tuple, list[FigureReading]] = defaultdict(list)
    for s in summaries:
        for f in s.figures:  # the same subject in the news of one day (figures change: markets, tallies)
            groups[f.subject, f.unit, f.bound, f.dates, s.reference or ""].append(f)
    out = []
    for key in sorted(groups):
        readings = groups[key]
        if len({f.place.path for f in readings}) < 2:
            continue

        def agree(a: FigureReading, b: FigureReading) -> bool:
            # within rounding: "1.27" is "1.3" (half a unit of its last digit), "500" is no "1000"
            diff, scale = abs(a.value - b.value), 1e-9 * max(abs(a.value), abs(b.value), 1)
            return diff <= scale or diff < max(a.tolerance, b.tolerance) - scale

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


def _days_apart(a: str | None, b: str | None) -> int | None:
    if a is None or b is None:
        return None
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def _event_disagreements(summaries: Sequence[Summary]) -> list[Disagreement]:
    """The same event (the same words mention it) dated on days that do not overlap. Compared
    within one day's news; across days only dates written out ("July 27", "in 2005"; not "on
    Tuesday", anchored on each article's own date) of what happened (not a plan, which may move),
    and only against two articles or more."""
    groups: dict[tuple[str, ...], list[tuple[EventReading, str | None]]] = defaultdict(list)
    for s in summaries:
        for e in s.events:
            groups[e.key].append((e, s.reference))
    out = []
    for key in sorted(groups):
        readings = groups[key]
        if len({e.place.path for e, _ in readings}) < 2:
            continue
        day = {id(e): ref for e, ref in readings}

        def agree(a: EventReading, b: EventReading) -> bool:
            return a.first <= b.last and b.first <= a.last

        # one article giving two dates that do not overlap: the words name more than one event
        if any(not agree(a, b) for a, _ in readings for b, _ in readings if a.place.path == b.place.path):
            continue

        def comparable(a: EventReading, b: EventReading) -> bool:
            same_day = day[id(a)] is not None and day[id(a)] == day[id(b)]
            return same_day or (a.absolute and b.absolute and not a.future and not b.future)

        events = [e for e, _ in readings]
        for r, agreeing, differing in _side(events, lambda a, b: agree(a, b) and comparable(a, b),
                                            lambda a, b: not agree(a, b) and comparable(a, b)):
            if not _minority(r, agreeing, differing):
                continue
            theirs = {o.place.path for o in differing}
            if len(theirs) < 2 and any(day[id(o)] != day[id(r)] for o in differing):
                continue  # across days: two articles or more against one
            other = differing[0]
            n = len(theirs)
            out.append(_diag(r.place, f"the articles date '{r.mention}' differently: found '{r.written}' ({_span(r)}), "
                                      f"{_articles(n, 'say')} '{other.written}' ({_span(other)}) (no curated event decides)",
                             _span(r), _span(other), [(o.place, f"'{o.written}' ({_span(o)})") for o in differing]))
    return out


def _span(e: EventReading) -> str:
    return e.first if e.first == e.last else f"{e.first}..{e.last}"


def _title_disagreements(summaries: Sequence[Summary]) -> list[Disagreement]:
    """One person given titles of different roles (or departments) by articles of the same week;
    a person with several titles of their own in one article holds several roles (none is
    compared)."""
    by_person: dict[str, list[tuple[TitleReading, str | None]]] = defaultdict(list)
    for s in summaries:
        for t in s.titles:
            by_person[t.person].append((t, s.reference))
    # an article of unknown date is of the run's time when the run's known dates lie within a week
    known = sorted(s.reference for s in summaries if s.reference)
    one_week = not known or (_days_apart(known[0], known[-1]) or 0) <= TITLE_DAYS
    out = []
    for person in sorted(by_person):
        readings = by_person[person]
        if len({t.place.path for t, _ in readings}) < 2:
            continue
        day = {id(t): ref for t, ref in readings}
        reading = {id(t): role_of(t.title) for t, _ in readings}

        def alike(a: TitleReading, b: TitleReading) -> bool:
            ra, rb = reading[id(a)], reading[id(b)]
            return ra is None or rb is None or same_role(ra, rb) or same_role(rb, ra)

        def near(a: TitleReading, b: TitleReading) -> bool:
            apart = _days_apart(day[id(a)], day[id(b)])
            return apart <= TITLE_DAYS if apart is not None else one_week

        titles = [t for t, _ in readings]
        for r, agreeing, differing in _side(titles, lambda a, b: near(a, b) and alike(a, b),
                                            lambda a, b: near(a, b) and not alike(a, b)):
            if not _minority(r, agreeing, differing):
                continue
            other = differing[0]
            n = len({o.place.path for o in differing})
            out.append(_diag(r.place, f"the articles give {person} different titles: found '{r.title}', "
                                      f"{_articles(n, 'say')} '{other.title}' (no curated person decides)",
                             r.title, other.title, [(o.place, f"'{o.title}'") for o in differing]))
    return out


def disagreements(summaries: Sequence[Summary]) -> list[Disagreement]:
    """Every minority reading of the articles summarized (quotes, names, figures), in a fixed
    order whatever the order of `summaries`."""
    ordered = sorted(summaries, key=lambda s: s.path)
    found = (_quote_disagreements(ordered) + _name_disagreements(ordered) + _figure_disagreements(ordered)
             + _event_disagreements(ordered) + _title_disagreements(ordered))
    once = {(d.path, d.diagnostic.span.start, d.diagnostic.span.end): d
            for d in sorted(found, key=lambda d: (d.path, d.diagnostic.span.start, d.diagnostic.message), reverse=True)}
    return sorted(once.values(), key=lambda d: (d.path, d.diagnostic.span.start, d.diagnostic.message))


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
