"""Event mentions and the pairing of date expressions with them.

`EventScanner` finds the curated `mentions:` of every event in one pass (phrases through one
trie-shaped pattern; raw `regex:` mentions each compiled once). `pair_dates` then gives each date
expression at most one event mention, with rules written for precision, since a wrong pairing is
a false alarm:

1. Only a mention in the same sentence qualifies, and no other date may stand between the two.
2. The date must be close: directly after the mention ("visit to Pyongyang on July 27", "trip last
   month"), or before it within a short reach ("on July 27, Shoigu's visit..."), or fronted at the
   start of the sentence with a comma ("Last December, the White House had claimed ...") which
   dates the first mention of its sentence.
3. A mention governed by since/after/following/before/until ("Since that visit, they exchanged
   letters in August") only takes a date written right after it ("after Shoigu's visit last month").
4. When the two nearest mentions belong to different events and are about as near, the date is
   left unpaired.
5. A mention written the same way for several events ("the speech") dates none of them, unless
   its clause (no ";", ":", parenthesis or quote mark between) also names one of those events,
   and only one, in words of its own.
6. A date that states a schedule given up or a forecast is not the date of an event and is paired
   with none: "the delivery, originally due later this year, will be delayed until October 2007";
   "the first commercial flight is expected to take off in mid-2006". The words are data
   (`data/date_modality.txt`); they reach a date within its phrase (after the last comma and the
   last word opening another clause, `data/clause_openers.txt`), or from the start of its clause
   when they stand alone there before a comma ("Originally, the visit was planned for ...");
   "originally", "initially" give a schedule up only beside a schedule word ("originally due",
   not "originally introduced in 1986"). Firm plans stay paired ("will", "is scheduled for").
7. A date that a word opening another clause (a relative pronoun, a conjunction:
   `data/date_clauses.txt`) sets apart from a mention near it is that clause's: "returned to work
   on Friday after union leaders signed the agreement" does not date the signing by Friday, "a
   1998 memo that was released on Monday" does not date the memo by Monday, unless that clause
   says the event itself happened then ("the visit, which took place on July 27"). "And" opens a
   clause only before a verb of its own: "called them Tuesday night and attended the summit on
   Wednesday" dates the summit by Wednesday only; "the summit and the talks on Friday" joins names.
8. A year written before the noun it dates ("the 1998 memo", "its 1990 invasion") dates that noun
   only: it pairs with a mention that begins right after it, never with another mention near it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache

import regex

from ..facts.model import Event, Facts
from ..interval import Interval
from ..records import dataclass
from ..vocab import tagged, words
from .dates import CALENDAR, CONTEXTS, MONTHS, DateExpr, _alt, words_pattern
from ..prose import SAY_WORDS, Prose
from .phrases import PhraseMatcher, Scan, fold
from .sentences import SentenceIndex
from ..patterns import lazy_re, lazy_regex

MAX_AFTER_GAP = 40  # characters between a mention's end and a date after it
MAX_BEFORE_GAP = 25  # characters between a date's end and a mention after it
AMBIGUITY_MARGIN = 12
LOOSE = 10  # scores from here up are proximity guesses, not syntactic links

_WORD_CHAR = lazy_re(r"\w")


def _backwards(phrases) -> str:
    """`_alt(phrases)` for a text read backwards: each phrase's words in reverse order, each word
    spelt backwards."""
    return _alt(" ".join(w[::-1] for w in reversed(p.split())) for p in phrases)


class _EndsWith:
    """Whether a window of the text ends with one of `phrases`, then white space, then optionally
    one of `dets` and white space: what `\\b(?:phrases)\\s+(?:(?:dets)\\s+)?\\Z` searched in
    text[lo:end] finds, read backwards from `end` in one anchored match instead of an attempt at
    every character of the window. The window is reversed; the word boundary before the phrase is
    `(?!\\w)` after it, and a word character just before `lo` (which the boundary at `lo` sees) is
    kept as "_", a word character no phrase has."""

    def __init__(self, phrases, dets):
        for p in (*phrases, *dets):  # a phrase must start with a word character, hold no "_"
            if "_" in p or not p or _WORD_CHAR.match(p) is None:
                raise ValueError(f"not a phrase of words: {p!r}")
        self._pattern = lazy_re(r"\s+(?:" + _backwards(dets) + r"\s+)?" + _backwards(phrases) + r"(?!\w)")

    def window(self, text: str, lo: int, end: int) -> str:
        """text[lo:end] reversed, as `at` reads it (one copy for several `_EndsWith`)."""
        back = text[lo:end][::-1]
        return back + "_" if lo and _WORD_CHAR.match(text, lo - 1) else back

    def at(self, back: str) -> bool:
        return self._pattern.match(back) is not None


# a mention right after "after", "since", ... ("after the summit"): governed, dated only by a date
# directly after it; right after "recalled", "spoke about", ...: a topic
_GOVERNED = _EndsWith(CONTEXTS["governs"], CONTEXTS["governed-det"])
_TOPIC = _EndsWith(CONTEXTS["topic"], CONTEXTS["governed-det"])
# a date linked right after a noun phrase of its own ("the last of the primaries in June"): that
# noun's date, not a mention's after it ("... and on to the Philadelphia convention")
def _noun_before_pattern() -> regex.Pattern:
    """A determiner, one to three words that are no verb (no past form of `date_clauses.txt`, no
    word in -ed, no auxiliary), and a linking preposition, right before a date."""
    verbs = [w for w, t in tagged("date_clauses.txt") if "past" in t] + list(words("auxiliaries.txt"))
    word = r"(?!(?:" + words_pattern(verbs) + r"|[a-z]+ed\b))[a-z][\w'’-]*"
    return lazy_regex(
        r"\b" + _alt(CONTEXTS["determiner"]) + r"\s+(?:" + word + r"\s+){1,3}(?:" + _alt(CONTEXTS["link-after"]) + r")\s+\Z"
    )


_NOUN_BEFORE = _noun_before_pattern()
_LINK_AFTER = lazy_regex(r"\A[\s,]*(?:" + _alt(CONTEXTS["link-after"]) + r"\s+)?(?:(?i:the)\s+)?\Z")
# "On July 27, ...", "Late Sunday, ...", "Early on Monday, ..." (a modifier of the calendar's: the
# date is still the weekday)
_MODIFIER = r"(?:(?i:" + "|".join(re.escape(w) for w, _ in CALENDAR["modifier"]) + r")(?:\s+|-))"
_FRONTED = lazy_regex(r"[\s\"“‘']*" + _MODIFIER + r"?(?:" + _alt(CONTEXTS["fronted"]) + r"\s+)?" + _MODIFIER + r"?\Z")
_HARD_BREAK = lazy_regex(r"[;:()\"“”]")
# a short label in parentheses after a name, a party and a state ("met with Gov. Ann Rivera (R) on
# Thursday", "(D-Vt.)"): no break between a mention and the date after it
_LABEL = lazy_re(r"[ \t]*\([A-Z][A-Za-z.]{0,5}(?:[-–][A-Z][A-Za-z.]{0,8})?\)")
# an attribution after a comma, a name and a verb of saying that the date follows ("..., Sen. Ann
# Lee said on Thursday"): the date is the saying's, not the mention's before the comma ("The summit
# concluded on Thursday", "The plan was announced on Monday" stay the event's)
_SAID_BEFORE = lazy_regex(
    r",[^,;]*?\b[A-Z][\w.'’-]*(?:\s*\([^()]{1,12}\))?(?:\s+[a-z]+)?\s+" + words_pattern(sorted(SAY_WORDS)) + r"(?:\s+(?i:on))?\s*\Z"
)


def _clause_patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """The words of `data/date_clauses.txt` that open another clause, the conjunctions that do so
    only before a verb of their own (within `_COORDINATED_REACH` words: "and attended", "and the
    drivers returned"; a finite verb is a past form of the table, an auxiliary of
    `auxiliaries.txt` or a word in -ed), and the verbs by which such a clause says the mention's
    event happened."""
    rows = tagged("date_clauses.txt")
    finite = [w for w, t in rows if "past" in t] + list(words("auxiliaries.txt"))
    coordinated = (
        words_pattern([w for w, t in rows if "coordinator" in t])
        + r"(?=(?:\s+[\w'’-]+){0,%d}?\s+(?:" % _COORDINATED_REACH + words_pattern(finite) + r"|[a-z]{2,}ed\b))"
    )
    return (
        lazy_regex(words_pattern([w for w, t in rows if "opener" in t])),
        lazy_regex(coordinated),
        lazy_regex(words_pattern([w for w, t in rows if "occurrence" in t])),
    )


_COORDINATED_REACH = 3  # words between "and" and the verb of the clause it opens ("and the drivers returned")
_OPENER, _COORDINATED, _OCCURRENCE = _clause_patterns()
_FRONTING_REACH = 4  # words before the conjunction of a fronted clause ("Just four days after ...")


# A dateline that opens a sentence ("WASHINGTON (AP) — ", "MANCHESTER, N.H. - "): a place in capitals
_DATELINE_LEAD = r"(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,3}(?:\s*\([A-Za-z. ]+\))?\s*[-—–]+\s*)?"


def _fronted_pattern() -> regex.Pattern:
    """From a sentence's start to a mention: a clause put before the main one ("After the union
    signed the deal in ...", "Just four days after ..."), not yet closed by a comma or another
    mark; before the conjunction only words of `fronts-lead`, numbers and units of time."""
    rows = tagged("date_clauses.txt")
    units = [w for w, _ in CALENDAR["unit"]]
    counts = [w for tag in ("ones", "teens", "tens", "count-word") for w, _ in CALENDAR[tag]]
    lead = [w for w, t in rows if "fronts-lead" in t] + units + [u + "s" for u in units] + counts
    return lazy_regex(
        _DATELINE_LEAD + r"[\s\"“‘'(]*(?:(?:[0-9][0-9,.]*|" + words_pattern(lead) + r")[\s-]+){0,%d}" % _FRONTING_REACH
        + words_pattern([w for w, t in rows if "fronts" in t])
        + r"[^,;:]*\Z"
    )


_IN_FRONTED_CLAUSE = _fronted_pattern()
_CLOSING_COMMA = lazy_regex(r",\s")  # a comma of the sentence, not of a number ("1,200")
_COMMA_AFTER = lazy_regex(r"\s*,")


def _after_fronted_clause(text: str, m: EventMention, d: DateExpr, s_start: int) -> bool:
    """Whether mention `m` is in a clause put before the main one and date `d`, after it, in the
    main clause: a comma closes the clause between them, the words after the last comma before
    the date are more than its preposition ("the drivers on Friday", not "officials said, on
    Friday"), and no comma follows the date ("... in Leeds, England, on Tuesday, the drivers
    returned": the date closes the fronted clause)."""
    gap = text[m.end : d.start]
    closing = list(_CLOSING_COMMA.finditer(gap))
    if not closing or len(gap[closing[-1].end() :].split()) < 2 or _COMMA_AFTER.match(text, d.end):
        return False
    return _IN_FRONTED_CLAUSE.match(text, s_start, m.start) is not None


def _other_clause(text: str, lo: int, hi: int, date_after: bool) -> bool:
    """Whether a word opening another clause stands in `text[lo:hi]`, the gap between a mention
    and a date (after it when `date_after`), and that clause does not say the mention's event
    happened ("which took place"). A conjunction that opens a clause only before its verb ("and")
    does when that verb stands in the gap, or, for a date before the mention, at the mention's
    start ("returned on Friday and signed the deal": Friday is the return's)."""
    last = None
    for m in _OPENER.finditer(text, lo, hi):
        if not date_after or _DATE_PREPOSITION.match(text, m.end(), hi) is None:  # not the date's "until [the]"
            last = m
    verb_end = hi if date_after else min(len(text), hi + 40)
    for m in _COORDINATED.finditer(text, lo, verb_end):
        if m.start() >= hi:
            break
        if last is None or m.start() > last.start():
            last = m
    if last is None:
        return False
    # the clause the date stands in says the mention's event happened: "the visit, which took place
    # on July 27" (a date before the mention stands outside the clause the word opens)
    return not date_after or _OCCURRENCE.search(text, last.end(), hi) is None


_DATE_PREPOSITION = lazy_regex(r"(?:\s+(?i:the))?\s*\Z")


@cache
def _modality_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """The modality words and the clause openers as patterns, compiled on first use: only a date
    with a modality word shortly before it is read closely."""
    return lazy_regex(words_pattern(_MODAL_KINDS)), lazy_regex(words_pattern(words("clause_openers.txt")))


_MODAL_KINDS = {w: t for w, t in tagged("date_modality.txt")}
# The same words found on a text's scan, in one pass: only a date with one of them shortly before
# it is read closely (`modality`).
_MODAL_WORDS = PhraseMatcher((w, True) for w, tags in _MODAL_KINDS.items() if tags != {"schedule"})
MODAL_REACH = 200  # characters before a date that `modality` reads at most
_CLAUSE_END = lazy_regex(r"[.!?;:](?:\s|\Z)|\n")
_PHRASE_END = lazy_regex(r"[,()\[\]\"“”—–]")


@dataclass(frozen=True)
class EventMention:
    start: int
    end: int
    event_id: str
    governed: bool  # object of since/after/following...: dates only when directly after
    date_index: int | None = None  # the event's date (of several, `dates:`) the mention speaks of
    others: tuple[str, ...] = ()  # other events written the same way here ("the speech"): shared
    topic: bool = False  # what is talked about ("recalled the summit"): no date outside it dates it

    @property
    def event_ids(self) -> tuple[str, ...]:
        return (self.event_id, *self.others)


@dataclass(frozen=True)
class DateCue:
    """A cue word of one of an event's dates (`dates: [{cue: ...}]`) found in the text."""

    start: int
    end: int
    event_id: str
    date_index: int


class RegexTimeout(Exception):
    """A user regex ran past its time limit; carries the fact id."""

    def __init__(self, fact_id: str, pattern: str):
        self.fact_id = fact_id
        self.pattern = pattern
        super().__init__(f"regex of fact {fact_id} ran past its time limit: {pattern!r}")


# What a raw mention carries until the overlaps are settled: (event id, date index, near words).
_Payload = tuple[str, "int | None", tuple[str, ...]]


class EventScanner:
    """Compiled once per facts file; `find(prose)` lists event mentions in order, `cues(prose)` the
    cue words of events with several dates. Each kind is one pass over the text, whatever the
    number of events."""

    def __init__(self, facts: Facts, regex_timeout: float = 1.0):
        phrases: list[tuple[str, _Payload]] = []
        self._regexes: list[tuple[_Payload, str, regex.Pattern]] = []
        near_words: set[str] = set()
        cues: list[tuple[str, tuple[str, int]]] = []
        for ev in facts.events:
            for p, index in ev.all_mentions:
                payload = (ev.id, index, tuple(fold(w) for w in p.near))
                near_words.update(payload[2])
                if p.is_regex:
                    self._regexes.append((payload, p.text, regex.compile(p.text, regex.IGNORECASE)))
                else:
                    phrases.append((p.text, payload))
            for index, d in enumerate(ev.dates):
                cues.extend((c, (ev.id, index)) for c in d.cues)
        self._phrases = PhraseMatcher(phrases)
        self._near = PhraseMatcher((w, w) for w in near_words) if near_words else None
        self._cues = PhraseMatcher(cues) if cues else None
        self._timeout = regex_timeout

    @property
    def has_cues(self) -> bool:
        return self._cues is not None

    def cues(self, prose: Prose) -> list[DateCue]:
        """Where the cue words of the events' dates appear, in order."""
        if self._cues is None:
            return []
        return [DateCue(h.start, h.end, eid, index) for h in self._cues.find(prose.scan) for eid, index in h.payloads]

    def find(self, prose: Prose) -> list[EventMention]:
        text = prose.text
        raw: list[tuple[int, int, _Payload]] = []
        for hit in self._phrases.find(prose.scan):
            for payload in hit.payloads:
                raw.append((hit.start, hit.end, payload))
        for payload, source, pattern in self._regexes:
            try:
                for m in pattern.finditer(text, timeout=self._timeout):
                    if m.end() > m.start():
                        raw.append((m.start(), m.end(), payload))
            except TimeoutError:
                raise RegexTimeout(payload[0], source) from None
        if self._near is not None and any(r[2][2] for r in raw):
            raw = self._near_enough(prose, raw)
        raw.sort(key=lambda r: (r[0], -(r[1] - r[0]), r[2][0], -1 if r[2][1] is None else r[2][1]))
        out: list[EventMention] = []
        last_end = -1
        for start, end, (event_id, index, _) in raw:
            if out and (start, end) == (out[-1].start, out[-1].end):
                prev = out[-1]
                if event_id == prev.event_id:  # one event, two of its dates: the mention decides neither
                    if index != prev.date_index:
                        out[-1] = replace(prev, date_index=None)
                elif event_id not in prev.others:  # written the same way for another event: shared
                    out[-1] = replace(prev, others=(*prev.others, event_id))
                continue
            if start < last_end:
                continue  # overlaps a longer or earlier mention
            back = _GOVERNED.window(text, max(0, start - 40), start)  # the 40 characters before it
            governed, topic = _GOVERNED.at(back), _TOPIC.at(back)
            out.append(EventMention(start, end, event_id, governed, index, topic=topic))
            last_end = end
        return out

    def _near_enough(self, prose: Prose, raw: list[tuple[int, int, _Payload]]) -> list[tuple[int, int, _Payload]]:
        """The mentions whose `near` words (if any) stand in their sentence."""
        assert self._near is not None
        sentences = prose.sentences
        near_in: dict[tuple[int, int] | None, set[str]] = {}
        for h in self._near.find(prose.scan):
            near_in.setdefault(sentences.containing(h.start), set()).update(h.payloads)
        return [r for r in raw if not r[2][2] or near_in.get(sentences.containing(r[0]), set()).intersection(r[2][2])]


_UNDATING_FORMS = frozenset(("ref_word", "duration", "set", "vague"))


def pair_dates(
    text: str,
    sentences: SentenceIndex,
    dates: list[DateExpr],
    mentions: list[EventMention],
    scan: Scan | None = None,
    intervals: list[Interval | None] | None = None,
) -> dict[int, EventMention]:
    """Map the index of each pairable date in `dates` to the event mention it dates; `scan` is
    the text's `Scan` (made here when not given).

    Dates and mentions are sorted and each is visited a bounded number of times: linear in the
    size of the text, whatever the number of events.
    """
    pairs: dict[int, EventMention] = {}
    if not mentions or not dates:
        return pairs
    modal_ends: list[int] | None = None  # ends of the words of date_modality.txt, found when first needed
    modal_starts: list[int] = []

    def near_modal_word(start: int, s_start: int) -> bool:
        nonlocal modal_ends, modal_starts
        if modal_ends is None:
            hits = _MODAL_WORDS.find(scan if scan is not None else Scan.of(text))
            modal_ends, modal_starts = [h.end for h in hits], [h.start for h in hits]
        k = bisect.bisect_right(modal_ends, max(s_start, start - MODAL_REACH))
        return k < len(modal_starts) and modal_starts[k] < start

    mention_starts = [m.start for m in mentions]
    date_starts = [d.start for d in dates]
    # a mention with a date written inside it ("decided last year against running"), or right
    # before its noun ("the May 28 meeting"), is dated by that date: a date outside it dates it too
    # only within that one ("the 2018 summit ... on June 13"; `intervals`: the dates' resolved
    # intervals, when known). A reference word or a span inside a mention ("recently announced",
    # "the current quarter", "for two years") dates nothing.
    dated: dict[int, list] = {}
    for m in mentions:
        i = bisect.bisect_left(date_starts, m.start)
        # a date written right before the mention's noun is its own too ("the mayor's May 28 meeting
        # ... was scheduled two weeks ago": the meeting is on May 28)
        before = dates[i - 1] if i else None
        if before is not None and before.attributive and before.end <= m.start and not text[before.end : m.start].strip():
            dated.setdefault(id(m), []).append(intervals[i - 1] if intervals is not None else None)
        while i < len(dates) and dates[i].end <= m.end:
            if dates[i].form not in _UNDATING_FORMS:
                dated.setdefault(id(m), []).append(intervals[i] if intervals is not None else None)
            i += 1
    for di, d in enumerate(dates):
        sentence = sentences.containing(d.start)
        if sentence is None:
            continue
        s_start, s_end = sentence
        lo = bisect.bisect_left(mention_starts, s_start)
        # a mention may begin before the sentence only if it overlaps it; look one back
        if lo > 0 and mentions[lo - 1].end > s_start:
            lo -= 1
        hi = bisect.bisect_left(mention_starts, s_end)
        prev_date = dates[di - 1] if di > 0 else None
        next_date = dates[di + 1] if di + 1 < len(dates) else None
        first_after = next((k for k in range(lo, hi) if mentions[k].start >= d.end), None)
        candidates = []
        for k in range(lo, hi):
            inner = dated.get(id(mentions[k]))
            if inner is not None and not (mentions[k].start <= d.start and d.end <= mentions[k].end):
                here = intervals[di] if intervals is not None else None
                if here is None or not any(iv is not None and here.overlaps(iv) for iv in inner):
                    continue
            score = _reach(text, d, mentions[k], prev_date, next_date, k == first_after, s_start)
            if score is not None:
                candidates.append((score, mentions[k]))
        if not candidates:
            continue
        candidates.sort(key=lambda c: (c[0], c[1].start))
        best_score, best = candidates[0]
        rivals = [
            m for score, m in candidates[1:]
            if best_score >= LOOSE and m.event_id != best.event_id and score - best_score < AMBIGUITY_MARGIN
        ]
        if rivals or (near_modal_word(d.start, s_start) and modality(text, d.start, s_start) is not None):
            continue
        if best.others:  # written the same way for several events: the sentence must say which
            named = {
                m.event_id for m in mentions[lo:hi]
                if not m.others and m.event_id in best.event_ids
                and not _HARD_BREAK.search(text, min(m.end, best.end), max(m.start, best.start))
            }
            if len(named) != 1:
                continue
            best = replace(best, event_id=named.pop(), others=(), date_index=None)
        pairs[di] = best
    return pairs


def choose_dates(
    sentences: SentenceIndex,
    dates: list[DateExpr],
    pairs: dict[int, EventMention],
    events_by_id: dict[str, Event],
    scanner: "EventScanner | None",
    prose: Prose,
) -> dict[int, tuple[int, ...]]:
    """For each paired date of an event with several dates (`dates:`), which of them it may be:
    the one named nearest to it in its sentence, with no other date between them, by a cue word
    or by the mention it is paired with when that mention belongs to one date ("published online
    on Saturday and in print on Sunday"; "went online on Saturday, and the print edition ...");
    else all of them. The cue words are found in one pass, and only when such a date is paired."""
    todo = {di: m for di, m in pairs.items() if events_by_id[m.event_id].dates}
    if not todo:
        return {}
    cues = scanner.cues(prose) if scanner is not None and scanner.has_cues else []
    date_starts = [d.start for d in dates]
    out: dict[int, tuple[int, ...]] = {}
    for di, m in todo.items():
        event = events_by_id[m.event_id]
        d = dates[di]
        sentence = sentences.containing(d.start)
        named = [c for c in cues if c.event_id == event.id]
        if m.date_index is not None:
            named.append(DateCue(m.start, m.end, m.event_id, m.date_index))
        best: dict[int, int] = {}  # date index -> distance of its nearest cue
        for c in named:
            if sentence is None or not (sentence[0] <= c.start < sentence[1]):
                continue
            lo, hi = (c.end, d.start) if c.end <= d.start else (d.end, c.start)
            if lo > hi:  # the date is written inside it
                best[c.date_index] = 0
                continue
            between = bisect.bisect_left(date_starts, hi) - bisect.bisect_left(date_starts, lo)
            if between:  # another date stands between them
                continue
            best[c.date_index] = min(best.get(c.date_index, hi - lo), hi - lo)
        if best:
            nearest = min(best.values())
            out[di] = tuple(sorted(i for i, gap in best.items() if gap == nearest))
        else:
            out[di] = tuple(range(len(event.dates)))
    return out


def modality(text: str, start: int, s_start: int = 0) -> str | None:
    """"superseded" or "forecast" when words of `data/date_modality.txt` make the date at `start`
    a schedule given up or a forecast (see rule 6 above), else None."""
    clause_start = max(s_start, start - MODAL_REACH)
    ends = list(_CLAUSE_END.finditer(text, clause_start, start))
    if ends:
        clause_start = ends[-1].end()
    phrases = list(_PHRASE_END.finditer(text, clause_start, start))
    phrase_start = phrases[-1].end() if phrases else clause_start
    modal, opener = _modality_patterns()
    openers = list(opener.finditer(text, phrase_start, start))
    if openers:
        phrase_start = openers[-1].end()
    found = [_MODAL_KINDS[_key(m)] for m in modal.finditer(text, phrase_start, start) if _is_cue(m)]
    if phrases and not opener.search(text, phrases[0].end(), start):
        # a word alone before the clause's first comma reaches the clause: "Originally, ..."
        head = modal.fullmatch(text[clause_start : phrases[0].start()].strip(" \t\"“‘'"))
        if head is not None and _is_cue(head):
            found.append(_MODAL_KINDS[_key(head)])
    schedule = any("schedule" in tags for tags in found)
    for tags in found:
        if "with-schedule" in tags and not schedule:
            continue  # "originally introduced in 1986": no schedule was given up
        for kind in ("superseded", "forecast"):
            if kind in tags:
                return kind
    return None


def _key(m: regex.Match) -> str:
    return " ".join(m.group().lower().replace("’", "'").split())


def _is_cue(m: regex.Match) -> bool:
    """A word of the table, not a month of the same spelling ("May") nor part of a name (a
    capitalised word after the first: "at First Boston")."""
    ws = m.group().split()
    if ws[0][:1].isupper() and ws[0].lower() in MONTHS:
        return False
    return not any(w[:1].isupper() for w in ws[1:])


def _reach(
    text: str,
    d: DateExpr,
    m: EventMention,
    prev_date: DateExpr | None,
    next_date: DateExpr | None,
    first_after: bool,
    s_start: int,
) -> int | None:
    """How far date `d` is from mention `m` (smaller is nearer), or None when it cannot date it."""
    if d.start < m.end and m.start < d.end:
        return 0  # the date is written inside the mention
    if m.topic:
        return None  # "On Monday, the mayor recalled the summit": the recalling's date, not the summit's
    if d.attributive and not (m.start >= d.end and not text[d.end : m.start].strip()):
        return None  # "the 1998 memo" dates the memo, the mention it stands before, and nothing else
    if d.start >= m.end:
        if prev_date is not None and prev_date.start >= m.end:
            return None  # another date stands between them
        gap = text[m.end : d.start]
        if "," in gap and _SAID_BEFORE.search(gap):
            return None  # "..., Sen. Ann Lee said on Thursday": the saying's date
        if "(" in gap:
            gap = _LABEL.sub("", gap)  # "met with Gov. Ann Rivera (R) on Thursday"
        if "," in gap and _after_fronted_clause(text, m, d, s_start):
            return None  # the mention is in a clause put before the main one, which a comma closes
        if _LINK_AFTER.match(gap) and not (m.governed and "," in gap):
            return len(gap)  # (not after the comma that closes "Since the strike, on Monday, ...")
        if m.governed or len(gap) > MAX_AFTER_GAP or _HARD_BREAK.search(gap) or _other_clause(text, m.end, d.start, True):
            return None
        return len(gap) + LOOSE
    if next_date is not None and next_date.end <= m.start:
        return None  # another date stands between them
    if _NOUN_BEFORE.search(text, max(s_start, d.start - 50), d.start):
        return None  # the date of a noun phrase of its own: "the primaries in June and ... the convention"
    gap = text[d.end : m.start]
    if m.governed:
        return None
    if _FRONTED.match(text, s_start, d.start) and gap.lstrip().startswith(","):
        return 0 if first_after else None  # a fronted date dates the first mention of its sentence
    if "," in gap:
        return None  # a date inside the sentence that a comma closes ends a phrase of its own: "the
        # development, begun two years ago, has been pushed back" does not date the pushing back
    if len(gap) > MAX_BEFORE_GAP or _HARD_BREAK.search(gap) or _other_clause(text, d.end, m.start, False):
        return None
    return len(gap) + LOOSE
