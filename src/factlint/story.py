"""The story stage: the articles of one run compared with each other where no fact decides (FL501).

Two steps, so that `--jobs` changes nothing:

1. `summarize(analysis, compiled, path)`, in whichever process analysed the article: what FL501
   compares, as plain picklable data (`Summary`): each quote with its speaker (a curated person, or
   someone the article names whom nobody curated, read as `factlint suggest` drafts people), each
   uncurated person's full name, each figure with its subject and unit, each uncurated event's
   date, each uncurated person's title, and each sentence with its numbers, months, weekdays and
   times set apart (`SentenceReading`: what aligns copies of one text, whatever their dates and
   subjects say). Whatever a curated fact decides is left out here (a quote that matches or
   misquotes a curated quote, a curated name or a near miss of one, a figure tied to a claim, a
   date paired with a curated event).
2. `disagreements(summaries)`: pure over the summaries (no clock, no globals, no order but the
   paths'): the readings that disagree, each minority reading a `Diagnostic` (in source offsets)
   with the other articles' readings as related locations. `apply` turns them into findings of the
   articles' reports through the one decision point (`Selection.decide`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cache
from itertools import accumulate
from datetime import date
from typing import TypeVar

from .analysis import Analysis
from .compiled import CompiledFacts, noun_stem
from .engine import to_finding
from .extract.attribution import SpeakerIndex, attribute, read_people
from .extract.claims import HEDGES, Figure, find_figures
from .extract.dates import MONTHS, WEEKDAYS
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
from .suggest import MENTION_WORDS, MIN_MENTION_CONTENT, draft_people, mention_before, titled_people
from .vocab import common_words, first_name_genders, honorifics, number_words, speech_verbs, tagged, tagged_words

RULE = STORY_RULES[0]

# where a clause ends: what says where a figure's subject or an event's mention stops (the pattern
# `factlint suggest` reads mentions with; kept here so that the two can change apart)
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:()\"“”«»\[\]—–]|''|``|\s-\s")  # (not the comma of "1,250")

# a near miss between two articles' quotes: the kinds of FL201 that say the words differ
_DIFFER = frozenset({"near", "negation"})
_AGREE = frozenset({"exact", "minor", "contains"})
_FUNCTION = tagged_words("function_words.txt", "no-content")
_HEDGE_WORDS = frozenset(w for hedge in HEDGES for w in hedge.split())  # "about", "more than"
UNATTRIBUTED_WORDS = 8  # a quote credited to nobody is compared by its words when it has this many
SUBJECT_WORDS = 4  # content words of its clause before a figure that say what it counts
APPROXIMATE = 0.1  # "about 1,100": within this share of its value
# a hedged figure is compared only with figures hedged the same way: a bound from below or above
_BOUNDS = {"about": "about", "above": "lower", "at-least": "lower", "below": "upper", "at-most": "upper"}
TITLE_DAYS = 7  # titles of one person are compared between articles at most this many days apart
BRACKET_DAYS = 366  # ... or between articles before and after that agree, at most this many days apart


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
    dates: tuple[str, ...]  # the days (ISO) and times of day ("T16:08UTC") its sentence names, sorted
    place: Place
    names: tuple[str, ...] = ()  # the names of its clause after it, part of its subject ("in Paris"), sorted


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
class Slot:
    """A number, month, weekday or time of day in a sentence: what copies of the sentence may
    write otherwise."""

    kind: str  # "#" a number (digits or a number word), "m" a month, "d" a weekday, "t" a time of day
    value: float  # the number; the month (1-12), the weekday (0-6), the minutes of the day
    tolerance: float  # rounding: half a unit of the number's last written digit (0 in a date)
    dated: bool  # part of a date: a date's difference (else a figure's)
    decided: bool  # a curated fact speaks of it (a claim's figure, a curated event's date, a curated quote)
    shown: str  # the date or figure it is part of, as written ("Wednesday, Aug. 27", "US$ 14 billion")
    place: Place  # of what is shown


@dataclass(frozen=True)
class Word:
    """A word of a sentence that copies of it may write otherwise: one in a speaker's words, or one
    of a name (capitalised, or no common word)."""

    index: int  # its place in the sentence's key
    written: str
    quoted: bool  # in a speaker's words (not a curated quote's)
    place: Place


@dataclass(frozen=True)
class SentenceReading:
    """A sentence with its numbers, months, weekdays and times left out (`key`, folded words with a
    mark for each) and those as written (`slots`): copies of one text share the key, or all of it
    but a word."""

    key: tuple[str, ...]
    content: int  # its content words (no grammar words, no slots)
    opening: str  # its first words as written, to name it
    slots: tuple[Slot, ...]
    place: Place
    words: tuple[Word, ...] = ()
    capitals: tuple[int, ...] = ()  # the places in `key` of its words written with a capital (names)


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
    sentences: tuple[SentenceReading, ...] = ()  # sentences with a number, month, weekday or time in them
    passages: tuple[str, ...] = ()  # the keys of its sentences of SHARED_CONTENT content words, joined, sorted


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
    figures = find_figures(prose)
    return Summary(path, reference, tuple(quotes), tuple(names), tuple(_figures(analysis, figures, path)),
                   tuple(_events(analysis, path, quoted)), tuple(_titles(analysis, path, named + alone, quoted)),
                   tuple(_lone_words(analysis, path, named, curated_spans)),
                   *_sentences(analysis, figures, path))


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


def _rounding(a: float, a_tolerance: float, a_written: str, b: float, b_tolerance: float, b_written: str) -> bool:
    """Whether two figures agree within rounding: "1.27" is "1.3" and "1.75" is "1.8" (less than
    half a unit of the less precise one's last digit; a decimal's half rounded away from zero),
    "500" is no "1000" (nor "1,500" "1,000")."""
    diff, scale = abs(a - b), 1e-9 * max(abs(a), abs(b), 1)
    if diff <= scale:
        return True
    rounded, precise, tolerance, written = (a, b, a_tolerance, a_written) if a_tolerance >= b_tolerance else (
        b, a, b_tolerance, b_written)
    if diff < tolerance - scale:
        return True
    decimals = _DIGITS.search(written)
    return bool(decimals and decimals.group(1)) and diff <= tolerance + scale and abs(rounded) > abs(precise)


def _subject(folded: Sequence[str]) -> tuple[str, ...]:
    """The last SUBJECT_WORDS content words (no grammar words, hedges or numbers)."""
    return tuple(w for w in folded if w not in _FUNCTION and w not in _HEDGE_WORDS
                 and not w.replace(".", "").replace(",", "").isdigit())[-SUBJECT_WORDS:]


def _figures(analysis: Analysis, figures: Sequence[Figure], path: str) -> list[FigureReading]:
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
        if r.expr.hour is not None:  # a time of day: the figure of that hour (markets move)
            days[analysis.sentences.containing(r.expr.start)].add(f"T{r.expr.hour:02d}:{r.expr.minute or 0:02d}{r.expr.zone or ''}")
    says = speech_verbs().forms
    in_quote, in_date = _span_at(quoted), _span_at(dated)
    date_starts = sorted(s for s, _ in dated)
    out = []
    for fig in figures:
        if (fig.start, fig.end) in tied or in_date(fig.start) is not None or (
                bisect_left(date_starts, fig.start) < bisect_left(date_starts, fig.end)):
            continue  # a date; a curated claim's figure (FL402)
        if in_quote(fig.start) is not None:
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
        # the names of its clause after it belong to its subject: "25 degrees in Paris", "in Lyon"
        stop = _CLAUSE_BREAK.search(text, fig.end, sentence[1])
        names = tuple(sorted({m.group() for m in _CAPITALISED.finditer(text, fig.end, stop.start() if stop else sentence[1])
                              if not _slot(m.group(), m.group())}))
        out.append(FigureReading(subject, noun_stem(noun), value, tolerance, _BOUNDS.get(fig.hedge or "", ""),
                                 " ".join(written.split()), noun,
                                 tuple(sorted(days.get(sentence, ()))), _place(analysis, path, fig.start, fig.end), names))
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


def _lone_words(analysis: Analysis, path: str, named: Sequence[tuple[int, int, str]],
                curated: Sequence[tuple[int, int]]) -> list[NameReading]:
    """Capitalised words of five letters or more standing alone (not in a full name read or a
    curated name; in a speaker's words too: "Shoygu's visit was more than a photo op") that are
    neither common words nor first names: where a surname is written alone."""
    text = analysis.document.text
    common = common_words()
    firsts = first_name_genders()
    taken = _span_at([*((s, e) for s, e, _ in named), *curated])
    out = []
    for m in _CAPITALISED.finditer(text):
        w = m.group()
        if len(w) < 5 or w.lower() in common or w.lower() in firsts:
            continue
        s, e = m.start(), m.end()
        if taken(s) is not None:
            continue
        out.append(NameReading(w, _place(analysis, path, s, e)))
    return out


_TOKEN = re.compile(r"\w+(?:[.,:'’]\w+)*")
_TIME_TOKEN = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?")
_NUMBER_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_ORDINAL_TOKEN = re.compile(r"(\d+)(?:st|nd|rd|th)")
# the words copies of a sentence may write a number, a month or a weekday in (the tables of the
# figure and date readers; weekdays written in full only)
_NUMBER_WORDS = {w: float(n) for w, n in number_words().items() if n is not None and " " not in w}
_MONTH_WORDS = {m: float(n) for m, n in MONTHS.items()}
_WEEKDAY_WORDS = {d: float(n) for d, n in WEEKDAYS.items() if d.endswith("day")}
SHARED_CONTENT = 4  # content words of a sentence two articles of one day share, to compare its figures
COPY_CONTENT = 2  # ... and of one that copies of one text share (the copies' other sentences align it)
FUZZY_CONTENT = 6  # content words of a sentence two articles of one day write all but a word of alike, to compare it
FUZZY_MAX_WORDS = 200  # a sentence longer than this is aligned only when written alike, never a word apart
COPY_SENTENCES = 3  # sentences of SHARED_CONTENT words two articles share that make them copies of one text
# (half of the shorter's too)


def _slot(token: str, written: str) -> tuple[str, float, float] | None:
    """(kind, value, tolerance) of a token that copies of a sentence may write otherwise, or None
    for a word. Months and weekdays are read only capitalised ("May", not "may")."""
    if token[0].isdigit():
        if m := _TIME_TOKEN.fullmatch(token):
            return "t", float(int(m.group(1)) * 60 + int(m.group(2))), 0.0
        if _NUMBER_TOKEN.fullmatch(token):
            value = float(token.replace(",", ""))
            return "#", value, _tolerance(token, value) or 0.0
        if m := _ORDINAL_TOKEN.fullmatch(token):
            return "#", float(m.group(1)), 0.0
        return None
    low = token.lower()
    if low in _NUMBER_WORDS:
        return "#", _NUMBER_WORDS[low], 0.0
    if written[:1].isupper():
        if low in _MONTH_WORDS:
            return "m", _MONTH_WORDS[low], 0.0
        if low in _WEEKDAY_WORDS:
            return "d", _WEEKDAY_WORDS[low], 0.0
    return None


def _span_at(spans: Iterable[tuple[int, int]]) -> Callable[[int], tuple[int, int] | None]:
    """A lookup of the span holding an offset (the first of the latest-starting ones that begin at
    or before it), by bisection: a long text's words cost no scan of all its spans each."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    reach = list(accumulate((b for _, b in ordered), max, initial=-1))[1:]  # the furthest end so far

    def at(pos: int) -> tuple[int, int] | None:
        k = bisect_right(starts, pos)
        if k == 0 or reach[k - 1] <= pos:
            return None
        for j in range(k - 1, -1, -1):  # spans rarely overlap: the latest holding it is near
            a, b = ordered[j]
            if a <= pos < b:
                return a, b
            if reach[j] <= pos:
                return None
        return None

    return at


def _sentences(analysis: Analysis, figures: Sequence[Figure], path: str) -> tuple[tuple[SentenceReading, ...], tuple[str, ...]]:
    """Each sentence with a number, month, weekday or time in it, as `SentenceReading`s: its words
    folded with a mark for each of those, which are kept as written with the date or figure they
    are part of; and the keys of all its sentences of SHARED_CONTENT content words or more (what
    tells copies of one text)."""
    text = analysis.document.text
    dated = [(r.expr.start, r.expr.end) for r in analysis.dates if r.timex_type != "DURATION"]
    counted = [(f.lead if f.lead >= 0 else f.start, f.end) for f in figures]
    counted += [(r.expr.start, r.expr.end) for r in analysis.dates if r.timex_type == "DURATION"]
    # what a curated fact decides: a claim's figure, a curated event's date, a curated quote's words,
    # a sentence a curated claim speaks of
    decided = [(f.start, f.end) for f, _ in analysis.claim_figures]
    decided += [(analysis.dates[i].expr.start, analysis.dates[i].expr.end) for i in analysis.date_events]
    decided += [(v.quote.start, v.quote.end) for v in analysis.quotes if v.term or v.title or any(ms for _, ms in v.segments)]
    claimed = {analysis.sentences.containing(m.start) for m in analysis.claim_mentions}
    quoted = [(v.quote.start, v.quote.end) for v in analysis.quotes if not v.quote.nested]
    in_quote, in_decided, in_date, in_figure = (_span_at(x) for x in (quoted, decided, dated, counted))
    common = common_words()
    out, passages = [], set()
    for sentence in analysis.sentences.all():
        key: list[str] = []
        slots: list[Slot] = []
        said: list[Word] = []
        capitals: list[int] = []
        content = 0
        for m in _TOKEN.finditer(text, *sentence):
            token = m.group()
            slot = _slot(token, token)
            if slot is None:
                low = token.lower()
                at = m.start()
                inside = in_quote(at) is not None and in_decided(at) is None
                run = at  # the start of the word it is part of ("Yo-jong": "Yo")
                while run > sentence[0] and (text[run - 1].isalnum() or text[run - 1] in "-'’"):
                    run -= 1
                if len(low) >= 3 and (inside or (low.isalpha() and (low not in common or text[run].isupper()))):
                    said.append(Word(len(key), token, inside, _place(analysis, path, at, m.end())))
                if token[0].isupper():
                    capitals.append(len(key))
                key.append(low)
                content += low not in _FUNCTION and len(low) > 1 and not low[0].isdigit()
                continue
            kind, value, tolerance = slot
            key.append("\0" + kind)
            at, to = m.start(), m.end()
            date = in_date(at)
            if date is not None and date[1] < to:
                date = None  # not "1807" of "1807.99"
            whole = date or in_figure(at) or (at, to)
            if date is not None or (kind == "#" and tolerance and 1800 <= value <= 2100 and token.isdigit()):
                tolerance = 0.0  # a year, a day: exact
            slots.append(Slot(kind, value, tolerance, date is not None or kind in "md",
                              in_decided(at) is not None, " ".join(text[whole[0] : whole[1]].split()),
                              _place(analysis, path, *whole)))
        if content >= SHARED_CONTENT:
            passages.add(" ".join(key))
        if (slots or said) and content >= COPY_CONTENT and sentence not in claimed:
            opening = " ".join(text[sentence[0] : sentence[1]].split()[:8])
            out.append(SentenceReading(tuple(key), content, opening, tuple(slots), _place(analysis, path, *sentence),
                                       tuple(said), tuple(capitals)))
    return tuple(out), tuple(sorted(passages))


# -- step 2: the story ----------------------------------------------------------------------------

R = TypeVar("R", "QuoteReading", "NameReading", "FigureReading", "EventReading", "TitleReading", "SentenceReading")


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
        # each article's quotes of the speaker, indexed apart: a quote is compared with each other
        # article's on its own, so that words it shares exactly with one article do not hide how it
        # differs from another's (`compare` reports near misses only when nothing matches exactly)
        indexes: dict[str, QuoteIndex] = {}
        paths = sorted({q.place.path for q in readings})
        for path in paths:
            indexes[path] = QuoteIndex([_Q(f"q{j}", _spelled(o.text)) for j, o in enumerate(readings) if o.place.path == path])
        for i, q in enumerate(readings):
            matches = [m for path in paths if path != q.place.path for m in indexes[path].compare(_spelled(q.text))]
            for m in matches:
                j = int(m.quote_id[1:])
                if m.kind == "near" and m.found and _spelling_only(m.found, m.expected):
                    kinds[i, j].add("minor")  # "harbour", "harbor": an outlet's spelling
                    continue
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


# British spellings and their American forms, at the ends of words or within them
_SPELLINGS = [(re.compile(p), r) for p, r in (
    (r"(?<=\w{3})our(?=s?$|ed$|ing$|ite|able|er)", "or"), (r"(?<=\w\w[bcdfghkmnpstvz])re(?=s?$|d$)", "er"),
    (r"(?<=\w{4})is(?=e[sd]?$|ing$|ation)", "iz"), (r"(?<=\w{3})ys(?=e[sd]?$|ing$)", "yz"), (r"(?<=\w{3})ence(?=s?$)", "ense"), (r"ogue(?=s?$)", "og"), (r"(?<=[aeiou])ll(?=e[dr]|ing)", "l"),
    (r"ae", "e"), (r"oe(?=[a-z])", "e"), (r"mme$", "m"), (r"ement$", "ment"))]


def _american(word: str) -> str:
    for pattern, replacement in _SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


def _spelling_only(found: str, expected: str) -> bool:
    """Whether two wordings differ only by British and American spellings ("the harbour will",
    "the harbor will"; "organised", "organized"; "programme", "program")."""
    a, b = found.lower().split(), expected.lower().split()
    return len(a) == len(b) and a != b and all(x == y or _american(x) == _american(y) for x, y in zip(a, b, strict=True))


_SMALL_NUMBER = re.compile(r"(?<![\w.,])(?:1\d|20|\d)(?![\w]|[.,]\d)")
_SPELLED = {str(int(v)): w for w, v in _NUMBER_WORDS.items() if v <= 20}


def _spelled(quote: str) -> str:
    """A quote with its numbers up to twenty spelled out: an outlet's style writes "2" where
    another's writes "two", in quotes too."""
    return _SMALL_NUMBER.sub(lambda m: _SPELLED[m.group()], quote)


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
    """Figures of the same subject, unit and bound (and the same days and times named beside them)
    that differ beyond rounding, in the news of one day (figures change: markets, tallies): two
    articles of the same known date, or copies of one text (dated or not)."""
    groups: dict[tuple, list[FigureReading]] = defaultdict(list)
    for s in summaries:
        for f in s.figures:
            groups[f.subject, f.names, f.unit, f.bound, f.dates].append(f)
    reference = {s.path: s.reference for s in summaries}
    copies = _copies(summaries)

    def one_day(a: FigureReading, b: FigureReading) -> bool:
        ra, rb = reference[a.place.path], reference[b.place.path]
        return (ra is not None and ra == rb) or copies(a.place.path, b.place.path)

    def agree(a: FigureReading, b: FigureReading) -> bool:
        return _rounding(a.value, a.tolerance, a.written, b.value, b.tolerance, b.written)

    out = []
    for key in sorted(groups):
        readings = groups[key]
        if len({f.place.path for f in readings}) < 2:
            continue
        # one article giving two values for one subject: the subject is not one thing
        if any(not agree(a, b) for a in readings for b in readings if a.place.path == b.place.path):
            continue
        for r, agreeing, differing in _side(readings, lambda a, b: one_day(a, b) and agree(a, b),
                                            lambda a, b: one_day(a, b) and not agree(a, b)):
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
        flagged = set()
        for r, agreeing, differing in _side(titles, lambda a, b: near(a, b) and alike(a, b),
                                            lambda a, b: near(a, b) and not alike(a, b)):
            if not _minority(r, agreeing, differing):
                continue
            flagged.add(id(r))
            other = differing[0]
            n = len({o.place.path for o in differing})
            out.append(_diag(r.place, f"the articles give {person} different titles: found '{r.title}', "
                                      f"{_articles(n, 'say')} '{other.title}' (no curated person decides)",
                             r.title, other.title, [(o.place, f"'{o.title}'") for o in differing]))
        out += _bracketed_titles(person, [t for t in titles if id(t) not in flagged], titles, day, alike)
    return out


def _bracketed_titles(person: str, candidates: Sequence[TitleReading], titles: Sequence[TitleReading],
                      day: dict[int, str | None], alike: Callable[[TitleReading, TitleReading], bool]) -> list[Disagreement]:
    """A title of another role than the one articles before it and after it agree on, all within
    BRACKET_DAYS: a role held before and after is held between ("Apple CEO" in January and in
    June, "Apple Analyst" in March), whatever the weeks apart. The reading must be the minority of
    the articles of that span."""
    known = {id(t): d for t in titles if (d := day[id(t)]) is not None}
    out = []
    for r in candidates:
        if id(r) not in known:
            continue
        d = known[id(r)]
        others = [t for t in titles if t.place.path != r.place.path and id(t) in known]
        before = [t for t in others if known[id(t)] < d and not alike(r, t)]
        after = [t for t in others if known[id(t)] > d and not alike(r, t)]
        pairs = [(b, a) for b in before for a in after
                 if alike(b, a) and (_days_apart(known[id(b)], known[id(a)]) or 0) <= BRACKET_DAYS]
        if not pairs:
            continue
        first = min(known[id(b)] for b, _ in pairs)
        last = max(known[id(a)] for _, a in pairs)
        span = [t for t in others if first <= known[id(t)] <= last]
        differing = [t for t in span if not alike(r, t)]
        if not _minority(r, [t for t in span if alike(r, t)], differing):
            continue
        b, a = pairs[0]
        n = len({o.place.path for o in differing})
        out.append(_diag(r.place, f"the articles give {person} different titles: found '{r.title}', {_articles(n, 'say')} "
                                  f"'{b.title}' before and after it (no curated person decides)",
                         r.title, b.title, [(o.place, f"'{o.title}'") for o in differing]))
    return out


def _slots_agree(a: Slot, b: Slot) -> bool:
    if a.decided or b.decided:
        return True  # a curated fact's: never compared here
    if a.kind != "#":
        return a.value == b.value
    return _rounding(a.value, a.tolerance, a.shown, b.value, b.tolerance, b.shown)


def _copies(summaries: Sequence[Summary]) -> Callable[[str, str], bool]:
    """Whether two articles (by path) are copies of one text: they share COPY_SENTENCES sentences
    of SHARED_CONTENT content words (numbers, months, weekdays and times aside), and half the
    shorter text's at least (not a site's boilerplate paragraph or two)."""
    writers: dict[str, list[str]] = defaultdict(list)  # a long sentence's key -> the articles writing it
    for s in summaries:
        for passage in s.passages:
            writers[passage].append(s.path)
    shared: Counter = Counter()  # (path, path) -> the long sentences they share
    for paths in writers.values():
        paths.sort()
        shared.update((a, b) for i, a in enumerate(paths) for b in paths[i + 1 :])
    long = {s.path: len(s.passages) for s in summaries}

    def copies(a: str, b: str) -> bool:
        n = shared[min(a, b), max(a, b)]
        return n >= COPY_SENTENCES and 2 * n >= min(long[a], long[b])

    return copies


def _sentence_disagreements(summaries: Sequence[Summary]) -> list[Disagreement]:
    """One sentence shared by articles that gives one number or date otherwise in one article,
    everything else in it alike: a figure or a date a copy changed; and, between copies of one
    text, one word otherwise, in a speaker's words (a misquote) or a name (a misspelling). A
    sentence is shared when the articles write the same words around its numbers, months,
    weekdays and times, or all of them but one word: between copies any word, between other
    articles a word written without a capital (a rewrite: "the index fell", "the index dropped";
    not a name: "in Paris", "in Lyon" is another subject) in sentences of FUZZY_CONTENT content
    words. Compared between articles of one day's news in sentences of SHARED_CONTENT content
    words or more, and between copies of one text (articles sharing COPY_SENTENCES such sentences,
    half the shorter's, whatever their day: a copy may lack its date) in any; never between
    articles of different known days, nor a time of day (an update's), nor where a curated fact
    speaks."""
    readings: list[SentenceReading] = []
    for s in summaries:
        written = Counter(r.key for r in s.sentences)
        readings += [r for r in s.sentences if written[r.key] == 1]  # a sentence written twice is not aligned
    reference = {s.path: s.reference for s in summaries}
    copies = _copies(summaries)

    def comparable(a: SentenceReading, b: SentenceReading, least: int = SHARED_CONTENT) -> bool:
        ra, rb = reference[a.place.path], reference[b.place.path]
        if ra is not None and rb is not None and ra != rb:
            return False  # another day's news: a figure may have changed
        if copies(a.place.path, b.place.path):
            return True
        return ra is not None and ra == rb and min(a.content, b.content) >= least

    # the pairs of readings aligned: the same key (edit -1), or all of it but the word at `edit`
    pairs: dict[tuple[int, int], int] = {}
    by_key: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, r in enumerate(readings):
        by_key[r.key].append(i)
    exact: set[tuple[int, str]] = set()  # (reading, other article) with a sentence of the same key
    for group in by_key.values():
        for a in group:
            for b in group:
                if readings[a].place.path != readings[b].place.path:
                    exact.add((a, readings[b].place.path))
                    if a < b and comparable(readings[a], readings[b]):
                        pairs[a, b] = -1
    variants: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for i, r in enumerate(readings):
        if len(r.key) > FUZZY_MAX_WORDS:
            continue  # (each variant copies the sentence: a paragraph without periods would cost its square)
        for k, w in enumerate(r.key):
            if not w.startswith("\0"):
                variants[r.key[:k] + ("\0*",) + r.key[k + 1 :]].append((i, k))
    fuzzy: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)  # (reading, article) -> its partners
    for near in variants.values():
        for a, k in near:
            for b, _ in near:
                ra, rb = readings[a], readings[b]
                if ra.place.path != rb.place.path and ra.key != rb.key and (a, rb.place.path) not in exact:
                    fuzzy[a, rb.place.path].append((b, k))
    for (a, _), partners in fuzzy.items():
        if len(partners) != 1:
            continue  # two sentences of the other article a word away: neither is aligned
        b, k = partners[0]
        ra, rb = readings[a], readings[b]
        if a > b or len(fuzzy[b, ra.place.path]) != 1:
            continue
        if comparable(ra, rb, FUZZY_CONTENT) and (
                copies(ra.place.path, rb.place.path) or (k not in ra.capitals and k not in rb.capitals)):
            pairs[a, b] = k  # between other articles, never a name changed: another subject ("Paris", "Lyon")
    pos = {id(r): i for i, r in enumerate(readings)}

    def edit(a: SentenceReading, b: SentenceReading) -> int | None:
        x, y = pos[id(a)], pos[id(b)]
        return pairs.get((min(x, y), max(x, y)))

    # the readings aligned, directly or through others
    parent = list(range(len(readings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        parent[root(a)] = root(b)
    components: dict[int, list[SentenceReading]] = defaultdict(list)
    for i, r in enumerate(readings):
        components[root(i)].append(r)
    out = []
    for members in sorted(components.values(), key=lambda m: (m[0].place.path, m[0].place.start)):
        if len({r.place.path for r in members}) < 2:
            continue
        out += _slot_differences(members, edit)
        out += _word_differences(members, edit, lambda a, b: copies(a.place.path, b.place.path))
    return out


def _slot_differences(members: Sequence[SentenceReading],
                      edit: Callable[[SentenceReading, SentenceReading], int | None]) -> list[Disagreement]:
    """The numbers and dates aligned readings of one sentence give otherwise (one slot, the rest alike)."""
    out = []
    kinds = [k[1:] for k in members[0].key if k.startswith("\0")]
    for i, kind in enumerate(kinds):
        if kind == "t":
            continue  # a time of day: another update of the news

        def alike(a: SentenceReading, b: SentenceReading) -> bool:
            return edit(a, b) is not None and all(_slots_agree(x, y) for x, y in zip(a.slots, b.slots, strict=True))

        def differ(a: SentenceReading, b: SentenceReading, i: int = i) -> bool:
            return edit(a, b) is not None and not _slots_agree(a.slots[i], b.slots[i]) and all(
                _slots_agree(x, y) for j, (x, y) in enumerate(zip(a.slots, b.slots, strict=True)) if j != i)

        for r, agreeing, differing in _side(members, alike, differ):
            if not _minority(r, agreeing, differing):
                continue
            mine, other = r.slots[i], differing[0].slots[i]
            n = len({o.place.path for o in differing})
            what, decides = ("date it differently", "event") if mine.dated or other.dated else (
                "give different figures", "claim")
            out.append(_diag(mine.place, f"the articles {what} in a sentence they share ('{r.opening} ...'): found "
                                         f"'{mine.shown}', {_articles(n, 'say')} '{other.shown}' (no curated {decides} decides)",
                             mine.shown, other.shown, [(o.slots[i].place, f"'{o.slots[i].shown}'") for o in differing]))
    return out


def _word_differences(members: Sequence[SentenceReading], edit: Callable[[SentenceReading, SentenceReading], int | None],
                      copies: Callable[[SentenceReading, SentenceReading], bool]) -> list[Disagreement]:
    """The word one copy of a sentence writes otherwise, the rest alike: in a speaker's words in
    both (a misquote, unless a spelling: "programme", "program"), or a name written one or two
    letters otherwise, one of the two no common word (a misspelling: "Shoigu", "Shoygu"; "Jong",
    "Joxg")."""
    common = common_words()
    words = {id(r): {w.index: w for w in r.words} for r in members}

    def changed(a: SentenceReading, b: SentenceReading, k: int) -> str | None:
        wa, wb = words[id(a)].get(k), words[id(b)].get(k)
        if wa is None or wb is None or not copies(a, b):
            return None
        x, y = wa.written.lower(), wb.written.lower()
        if _american(x) == _american(y):
            return None  # "harbour", "harbor": an outlet's spelling
        near = 1 <= damerau(x, y, 2) <= 2
        if wa.quoted and wb.quoted:
            return "quote"
        if not wa.quoted and not wb.quoted and near and (x not in common or y not in common) and min(len(x), len(y)) >= 4:
            return "name"
        return None

    out = []
    for k in sorted({e for a in members for b in members if (e := edit(a, b)) is not None and e >= 0}):

        def alike(a: SentenceReading, b: SentenceReading) -> bool:
            return edit(a, b) == -1

        def differ(a: SentenceReading, b: SentenceReading, k: int = k) -> bool:
            return edit(a, b) == k and changed(a, b, k) is not None

        for r, agreeing, differing in _side(members, alike, differ):
            if not _minority(r, agreeing, differing):
                continue
            other = differing[0]
            mine, theirs = words[id(r)][k], words[id(other)][k]
            n = len({o.place.path for o in differing})
            if changed(r, other, k) == "quote":
                message = (f"the articles quote a speaker differently in a sentence they share ('{r.opening} ...'): "
                           f"found '{mine.written}', {_articles(n, 'say')} '{theirs.written}' (no curated quote decides)")
            else:
                message = (f"'{mine.written}' is spelled '{theirs.written}' by {_articles(n)} in a sentence they share "
                           f"(no curated name decides)")
            out.append(_diag(mine.place, message, mine.written, theirs.written,
                             [(words[id(o)][k].place, f"'{words[id(o)][k].written}'") for o in differing]))
    return out


def disagreements(summaries: Sequence[Summary]) -> list[Disagreement]:
    """Every minority reading of the articles summarized (quotes, names, figures), in a fixed
    order whatever the order of `summaries`."""
    ordered = sorted(summaries, key=lambda s: s.path)
    found = (_quote_disagreements(ordered) + _name_disagreements(ordered) + _figure_disagreements(ordered)
             + _event_disagreements(ordered) + _title_disagreements(ordered))
    # a shared sentence's number or date that another reading already speaks of is said once, by it
    spoken: dict[str, list[Span]] = defaultdict(list)
    for d in found:
        spoken[d.path].append(d.diagnostic.span)
    found += [d for d in _sentence_disagreements(ordered)
              if not any(x.start < d.diagnostic.span.end and d.diagnostic.span.start < x.end for x in spoken[d.path])]
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
