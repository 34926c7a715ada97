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
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import regex

from ..facts.model import Facts
from .dates import DateExpr
from ..prose import Prose
from .phrases import PhraseMatcher
from .sentences import SentenceIndex

MAX_AFTER_GAP = 40  # characters between a mention's end and a date after it
MAX_BEFORE_GAP = 25  # characters between a date's end and a mention after it
AMBIGUITY_MARGIN = 12
LOOSE = 10  # scores from here up are proximity guesses, not syntactic links

_GOVERNED = re.compile(
    r"\b(?:since|after|following|before|until|prior\s+to|ahead\s+of)\s+(?:the\s+|that\s+|this\s+|his\s+|her\s+|its\s+)?\Z",
    re.IGNORECASE,
)
_LINK_AFTER = regex.compile(r"\A[\s,]*(?:(?i:on|in|of|during|at|from|between|around)\s+)?(?:(?i:the)\s+)?\Z")
_FRONTED = regex.compile(r"[\s\"“‘']*(?:(?i:on|in|during|since|by|earlier|later|back\s+in|as\s+of)\s+)?\Z")
_HARD_BREAK = regex.compile(r"[;:()\"“”]")


@dataclass(frozen=True)
class EventMention:
    start: int
    end: int
    event_id: str
    governed: bool  # object of since/after/following...: dates only when directly after


class RegexTimeout(Exception):
    """A user regex ran past its time limit; carries the fact id."""

    def __init__(self, fact_id: str, pattern: str):
        self.fact_id = fact_id
        self.pattern = pattern
        super().__init__(f"regex of fact {fact_id} ran past its time limit: {pattern!r}")


class EventScanner:
    """Compiled once per facts file; `find(prose)` lists event mentions in order."""

    def __init__(self, facts: Facts, regex_timeout: float = 1.0):
        phrases = []
        self._regexes = []
        for ev in facts.events:
            for p in ev.mentions:
                if p.is_regex:
                    self._regexes.append((ev.id, p.text, regex.compile(p.text, regex.IGNORECASE)))
                else:
                    phrases.append((p.text, ev.id))
        self._phrases = PhraseMatcher(phrases)
        self._timeout = regex_timeout

    def find(self, prose: Prose) -> list[EventMention]:
        text = prose.text
        raw: list[tuple[int, int, str]] = []
        for hit in self._phrases.find(prose.scan):
            for event_id in hit.payloads:
                raw.append((hit.start, hit.end, event_id))
        for event_id, source, pattern in self._regexes:
            try:
                for m in pattern.finditer(text, timeout=self._timeout):
                    if m.end() > m.start():
                        raw.append((m.start(), m.end(), event_id))
            except TimeoutError:
                raise RegexTimeout(event_id, source) from None
        raw.sort(key=lambda r: (r[0], -(r[1] - r[0]), r[2]))
        out: list[EventMention] = []
        last_end = -1
        for start, end, event_id in raw:
            if start < last_end:
                continue  # overlaps a longer or earlier mention
            governed = bool(_GOVERNED.search(text, max(0, start - 40), start))
            out.append(EventMention(start, end, event_id, governed))
            last_end = end
        return out


def pair_dates(
    text: str,
    sentences: SentenceIndex,
    dates: list[DateExpr],
    mentions: list[EventMention],
) -> dict[int, EventMention]:
    """Map the index of each pairable date in `dates` to the event mention it dates.

    Dates and mentions are sorted and each is visited a bounded number of times: linear in the
    size of the text, whatever the number of events.
    """
    pairs: dict[int, EventMention] = {}
    if not mentions or not dates:
        return pairs
    mention_starts = [m.start for m in mentions]
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
        if not rivals:
            pairs[di] = best
    return pairs


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
    if d.start >= m.end:
        if prev_date is not None and prev_date.start >= m.end:
            return None  # another date stands between them
        gap = text[m.end : d.start]
        if _LINK_AFTER.match(gap):
            return len(gap)
        if m.governed or len(gap) > MAX_AFTER_GAP or _HARD_BREAK.search(gap):
            return None
        return len(gap) + LOOSE
    if next_date is not None and next_date.end <= m.start:
        return None  # another date stands between them
    gap = text[d.end : m.start]
    if m.governed:
        return None
    if _FRONTED.match(text, s_start, d.start) and gap.lstrip().startswith(","):
        return 0 if first_after else None  # a fronted date dates the first mention of its sentence
    if len(gap) > MAX_BEFORE_GAP or _HARD_BREAK.search(gap):
        return None
    return len(gap) + LOOSE
