"""Direct quotes: find them in prose, and say who speaks them.

`find_quotes(prose)` pairs quote marks paragraph by paragraph:

- curly marks say which way they face (“ opens, ” closes); a straight " opens after white space or
  an opening bracket and closes otherwise, so a mixed pair (“ ... ") closes as written;
- a paragraph that opens a quote and does not close it continues into the next paragraph that
  opens again (the multi-paragraph convention); any other unclosed mark is reported, not guessed;
- single marks (‘ ’ and ') count only as quotes where they cannot be apostrophes: an opener after
  white space or a bracket, a closer before white space or punctuation, never between two letters
  (aren’t, Russia’s) and never an elided year (’80s). Inside a double quote they are a nested quote.

`attribution.attribute(prose, quotes, speakers)` then gives each quote a speaker.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

from ..prose import Prose
from ..patterns import lazy_re
from ..records import dataclass
from ..vocab import speech_verbs, tagged, tagged_words

OPENING_DOUBLE = "“„«"
CLOSING_DOUBLE = "”»"


@dataclass(frozen=True)
class Segment:
    """One paragraph's part of a quote: the span inside the marks."""

    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    """A direct quote: the span from the opening to the closing mark, and its inner segments.

    A multi-paragraph quote has one segment per paragraph. `nested` is True for a single-quoted
    quote inside a double-quoted one; `single` for a top-level single-quoted quote (headlines).
    """

    start: int
    end: int
    segments: tuple[Segment, ...]
    nested: bool = False
    single: bool = False

    def content(self, text: str) -> str:
        return " ".join(text[s.start : s.end] for s in self.segments)


@dataclass(frozen=True)
class Unbalanced:
    """A quote mark with no partner in its paragraph."""

    offset: int
    mark: str


def _is_opening_straight(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if before.isspace() or before in "([{—–-:/":
        return not after.isspace()
    return False


# a double mark: curly, guillemet, straight, or two apostrophes ('' as one outlet sets quotes; a
# third apostrophe is a single mark inside: ''' closes a nested quote and the double one together);
# two backticks open a quote that two apostrophes close (``...'', as TeX and tokenized text write it)
_DOUBLE_MARK = lazy_re("[“„«”»\"]|'''?|``")
_DOUBLE_MARK_ALONE = lazy_re("[“„«”»\"]")  # three times faster, for a text with neither '' nor ``
_DOUBLE_CHARS = "“„«”»\""  # the characters `_DOUBLE_MARK_ALONE` finds


def _offsets(text: str, chars: str) -> list[int]:
    """The offsets of each of `chars` in `text`, in order. One `str.find` per mark: a pattern of
    one character class tries every position of the text (ten times slower over prose, whose
    quote marks are a few dozen in thousands of characters)."""
    out: list[int] = []
    add, find = out.append, text.find
    present = 0  # how many of `chars` occur: the offsets of one alone are in order already
    for ch in chars:
        i = find(ch)
        present += i != -1
        while i != -1:
            add(i)
            i = find(ch, i + 1)
    if present > 1:
        out.sort()
    return out


def _double_marks(
    text: str, start: int, end: int, pattern: re.Pattern = _DOUBLE_MARK, found: list[int] | None = None
) -> list[tuple[int, str, int]]:
    """(offset, 'open'|'close', width) for each double mark in [start, end). In a paragraph that
    has curly or straight double marks, two apostrophes or backticks are a quote nested in them (or
    inches: 12''), not marks of their own. `found`: the offsets in [start, end) of the marks of
    `_DOUBLE_MARK_ALONE` (one character each), when the caller has them (`_offsets`)."""
    marks = []
    apostrophes_nest = pattern is _DOUBLE_MARK and _DOUBLE_MARK_ALONE.search(text, start, end) is not None
    straight = 0  # straight double marks read so far in this paragraph
    if found is None:
        spans = [m.span() for m in pattern.finditer(text, start, end)]
    else:
        spans = [(i, i + 1) for i in found]
    for i, m_end in spans:
        ch = text[i]
        width = m_end - i
        if ch in "'`" and (apostrophes_nest or (ch == "'" and i > 0 and text[i - 1].isdigit())):
            continue
        if ch == "`":
            marks.append((i, "open", 2))
            continue
        if width == 3:  # ''': the double mark is the outer pair of the three
            if _is_opening_straight(text, i, 3):
                marks.append((i, "open", 2))
            else:
                marks.append((i + 1, "close", 2))
            continue
        if ch in OPENING_DOUBLE:
            marks.append((i, "open", 1))
        elif ch in CLOSING_DOUBLE:
            marks.append((i, "close", 1))
        elif ch == '"' and _spaced(text, i, start, end):
            # a straight mark with white space on both sides, as tokenized text sets them
            # ('as " the biggest leap ... iPhone. "'): the side it faces says nothing, so it takes
            # its turn among the paragraph's straight marks, the first one opening
            marks.append((i, "open" if straight % 2 == 0 else "close", width))
            straight += 1
        else:
            marks.append((i, "open" if _is_opening_straight(text, i, width) else "close", width))
            straight += ch == '"'
    return marks


def _spaced(text: str, i: int, start: int, end: int) -> bool:
    """Whether the mark at `i` has white space (or the paragraph's edge) on both sides."""
    return (i == start or text[i - 1].isspace()) and (i + 1 >= end or text[i + 1].isspace())


def find_quotes(prose: Prose) -> tuple[list[Quote], list[Unbalanced]]:
    """Every double-quoted and single-quoted quote of a text, in order, and the unbalanced marks."""
    text = prose.text
    quotes: list[Quote] = []
    problems: list[Unbalanced] = []
    carry: tuple[int, list[Segment]] | None = None  # an open multi-paragraph quote
    paragraphs = prose.paragraphs
    pattern = _DOUBLE_MARK if "''" in text or "``" in text else _DOUBLE_MARK_ALONE
    # the marks of a text with neither '' nor ``: found at once, then handed to their paragraphs
    offsets = _offsets(text, _DOUBLE_CHARS) if pattern is _DOUBLE_MARK_ALONE else None
    here: list[int] | None = None
    k = 0  # the first of `offsets` not yet handed to a paragraph
    for p_start, p_end in paragraphs:
        if offsets is not None:
            j = bisect.bisect_left(offsets, p_end, k)
            if j == k and carry is None:
                continue  # no mark and no quote open: nothing to pair here
            here, k = offsets[k:j], j
        if carry is not None and text[p_start:p_end].strip() == "":
            continue  # a blank line between the paragraphs of a quote
        marks = _double_marks(text, p_start, p_end, pattern, here)
        if carry is not None:
            if marks and marks[0][1] == "open" and text[p_start:marks[0][0]].strip() == "":
                # the quote goes on: this paragraph reopens it
                q_start, segs = carry
                carry = None
                first, _, first_w = marks.pop(0)
                close = next((k for k, (_, kind, _) in enumerate(marks) if kind == "close"), None)
                if close is None:
                    segs.append(Segment(first + first_w, _trim_end(text, first + first_w, p_end)))
                    carry = (q_start, segs)
                    continue
                off, _, w = marks[close]
                segs.append(Segment(first + first_w, off))
                quotes.append(Quote(q_start, off + w, tuple(segs)))
                marks = marks[close + 1 :]
            else:
                problems.append(Unbalanced(carry[0], _mark_at(text, carry[0])))
                carry = None
        open_at: tuple[int, int] | None = None
        for off, kind, w in marks:
            if kind == "open":
                if open_at is not None:
                    problems.append(Unbalanced(open_at[0], _mark_at(text, open_at[0])))
                open_at = (off, w)
            elif open_at is not None:
                quotes.append(Quote(open_at[0], off + w, (Segment(open_at[0] + open_at[1], off),)))
                open_at = None
            else:
                problems.append(Unbalanced(off, _mark_at(text, off)))
        if open_at is not None:
            seg_end = _trim_end(text, open_at[0] + open_at[1], p_end)
            carry = (open_at[0], [Segment(open_at[0] + open_at[1], seg_end)])
    if carry is not None:
        problems.append(Unbalanced(carry[0], _mark_at(text, carry[0])))
    quotes.extend(_single_quotes(text, quotes, paragraphs))
    quotes.sort(key=lambda q: (q.start, -q.end))
    return quotes, problems


def _mark_at(text: str, i: int) -> str:
    return text[i : i + 2] if text.startswith(("''", "``"), i) else text[i]


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# An opening single mark: at the start of a line or after white space, a bracket, a double mark or
# a dash, before a letter. The mark comes first in the pattern and the character before it is looked
# behind at from there, so the engine skips straight to the marks instead of trying every position;
# the text's first character is a line start of its own.
_SINGLE_OPEN = lazy_re(r"[‘'](?<=[\s(\[“\"—–-][‘'])(?=[^\W\d_])")
_SINGLE_OPEN_AT_START = lazy_re(r"[‘'](?=[^\W\d_])")


def _single_openers(text: str) -> list[int]:
    # tried only where a single mark stands (`_offsets`; the look-behind reads the text before
    # it): a search tries every position, and most texts have no straight or opening single mark
    match = _SINGLE_OPEN.match
    out = [i for i in _offsets(text, "‘'") if match(text, i)]
    if _SINGLE_OPEN_AT_START.match(text):
        out.insert(0, 0)
    return out


def _single_quotes(text: str, doubles: list[Quote], paragraphs) -> list[Quote]:
    """Single-quoted quotes: nested in a double quote, or alone in a line (headline style)."""
    openers = _single_openers(text)
    if not openers:
        return []
    out = []
    # The double quotes' segments by start, with the furthest end reached by any segment starting at
    # or before each one: "some segment holds i" is one bisection, not a scan of every segment (a
    # line of 20,000 quotes would otherwise be quadratic).
    inside = sorted((s.start, s.end) for q in doubles for s in q.segments)
    seg_starts = [a for a, _ in inside]
    reach = list(accumulate((b for _, b in inside), max))
    par_starts = [a for a, _ in paragraphs]
    for i in openers:
        p_end = paragraphs[bisect.bisect_right(par_starts, i) - 1][1]  # the paragraph holding i
        j = _single_close(text, i + 1, min(p_end, i + 200))
        if j is None:
            continue
        k = bisect.bisect_right(seg_starts, i) - 1
        furthest = reach[k] if k >= 0 else -1  # the furthest end of a segment starting at or before i
        nested = j < furthest
        if not nested and i < furthest:
            continue
        out.append(Quote(i, j + 1, (Segment(i + 1, j),), nested=nested, single=not nested))
    # drop overlaps (a later opener inside an earlier single quote)
    kept: list[Quote] = []
    for q in out:
        if kept and q.start < kept[-1].end:
            continue
        kept.append(q)
    return kept


def _single_close(text: str, start: int, end: int) -> int | None:
    for j in range(start, end):
        ch = text[j]
        if ch in "’'":
            before = text[j - 1] if j > 0 else " "
            after = text[j + 1] if j + 1 < len(text) else " "
            if before.isalpha() and after.isalpha():
                continue  # aren’t, Russia’s
            if before == "s" and after == " " and text[j + 2 : j + 3].islower():
                continue  # a plural possessive: countries’ leaders
            if not before.isspace() and (after.isspace() or after in ".,;:!?)]”\"" or j + 1 == len(text)):
                return j
        elif ch in "\"“”\n":
            return None
    return None


# ------------------------------------------------------------------------------------------------
# What kind of quote

def _term_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words of `data/quote_terms.txt` as the two patterns `is_term` reads on the lower-cased
    60 characters before a quote: what stands right before a term (or "what X calls"), and a
    labelling verb with its object (up to four words) and "as"."""
    rows = tagged("quote_terms.txt")

    def alt(tag: str) -> str:
        phrases = sorted((w for w, t in rows if tag in t), key=lambda p: (-len(p), p))
        return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)

    article = r"\s*(?:an?\s+|the\s+)?\Z"
    before = r"(?<![\w-])(?:" + alt("before") + r"|what\s+\w+\s+(?:calls?|called|describes?|described)(?:\s+as)?)" + article
    label = r"(?<![\w-])(?:" + alt("label") + r")\s+(?:[\w'’.-]+\s+){0,4}?(?:as\s+)?(?:an?\s+|the\s+)?\Z"
    return lazy_re(before), lazy_re(label)


_TERM_BEFORE, _TERM_LABEL = _term_patterns()
_LABEL_MOST = 3  # the words of a quote a labelling verb may name its object by ("called him a “moderate”")
_DETERMINERS = tagged_words("function_words.txt", "determiner")


def _more_words(text: str, q: Quote, most: int) -> bool:
    """Whether the quote has more than `most` words (split on white space, as `q.content(text)` is):
    each segment split no further than `most` + 1 words, so a long quote is not split whole."""
    n = 0
    for s in q.segments:
        n += len(text[s.start : s.end].split(None, most))
        if n > most:
            return True
    return False


def is_term(text: str, q: Quote) -> bool:
    """Whether a quote is a term, a name or a title ("referring to it as a “special military
    operation”", "called him a “moderate”"; `data/quote_terms.txt`)."""
    before = text[max(0, q.start - 60) : q.start].lower()
    if _TERM_BEFORE.search(before):
        return True
    if _more_words(text, q, _LABEL_MOST):
        return False
    label = _TERM_LABEL.search(before)
    if label is None:
        return False
    # the object is what the verb names, not a clause of its own: no speech verb between, unless
    # a determiner makes it a noun ("condemned the attack and said “never again”", but "called
    # the claims “nonsense”"), nor "for" after a call ("calls for “fair pay now”": a demand)
    between = before[label.start() : label.end()].split()
    if between[1:2] in (["for"], ["as"]):
        return False  # a demand, or the speaker's own words: "what Jobs described as “a nominal charge”"
    says, determiners = speech_verbs().forms, _DETERMINERS
    return not any(w in says and between[i - 1] not in determiners for i, w in enumerate(between) if i > 0)


def _any_within(spans, start: int, end: int) -> bool:
    """Whether one of the spans (sorted, each starting with its start and end) lies inside
    [start, end): the first one that does is enough, so a long sentence with a cue in every clause
    is not listed cue by cue for each of its quotes."""
    i = bisect.bisect_left(spans, (start,))
    while i < len(spans) and spans[i][0] < end:
        if spans[i][1] <= end:
            return True
        i += 1
    return False


def speech_cue(prose: Prose, start: int, end: int, q: Quote) -> bool:
    """Whether the text in [start, end) around a quote (outside its marks) reports speech."""
    cues = prose.cues
    return _any_within(cues, start, q.start) or _any_within(cues, q.end, end)
