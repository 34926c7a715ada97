"""Split prose into sentences without breaking at abbreviations, initials or inside quotes.

A boundary is a sentence mark (. ! ?) with any closing quote or bracket after it, then white space
and a capital, digit or opening quote, unless the word before the mark is a known abbreviation
(Aug., Gen., U.S.) or a single initial (N. Korea). A blank line always ends a sentence, and so
does a line break after a line that looks finished (a headline, a dateline, a paragraph).
"""

from __future__ import annotations

import bisect

from ..patterns import lazy_re
from ..vocab import words

ABBREVIATIONS = words("abbreviations.txt")  # whose period ends no sentence: "Mr.", "Jan.", "U.S."
_CANDIDATE = lazy_re(r"[.!?]+[\"'”’»)\]]*(?=\s)|\n")
_OPENERS = "\"'“‘«(["
_RUN = lazy_re(r"[\w.]*")
_LETTER = lazy_re(r"[^\W\d_]")
_INITIALISM = lazy_re(r"(?:[^\W\d_]\.)+[^\W\d_]")


def _word_before(text: str, lo: int, pos: int) -> str | None:
    """The word right before `pos` (not before `lo`): from its first letter on, the letters, digits
    and periods that run up to `pos`, as `[^\\W\\d_][\\w.]*\\Z` finds it in text[lo:pos]; the run is
    read backwards, so the window is not tried position by position."""
    m = _RUN.match(text[lo:pos][::-1])
    assert m is not None  # "[\w.]*" always matches
    run = m.end()
    if not run:
        return None
    word = text[pos - run : pos]
    letter = _LETTER.search(word)
    return word[letter.start() :] if letter else None


def _starts_sentence(text: str, i: int) -> bool:
    """Whether the text after white space at `i` can begin a sentence."""
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    if i < n and text[i] in _OPENERS:
        i += 1
    return i < n and (text[i].isupper() or text[i].isdigit())


# The candidates `_CANDIDATE` finds, the same matches written to start with one character class, so
# the engine skips to the next mark or line break instead of trying the pattern at every character
# (a quarter of the work): a line break, or a run of marks with its closing quotes before white space.
_BREAK = lazy_re(r"[\n.!?](?:(?<=\n)|[.!?]*[\"'”’»)\]]*(?=\s))")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, white space trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BREAK.finditer(text):
        pos, end = m.span()
        mark = text[pos]
        if mark == "\n":
            if pos == start:
                start = end  # right after a boundary (a paragraph's last sentence): nothing to end
                continue
            if _wrapped(text, pos):
                continue  # a wrapped line inside a paragraph
        elif text[end : end + 1] != "\n":
            # (a mark that ends its line ends its sentence: the line break after it would, as a line
            # ending in a mark or a closing quote is never a wrapped one)
            if not _starts_sentence(text, end):
                continue
            if mark == ".":
                w = _word_before(text, max(0, pos - 40), pos)
                if w:
                    word = w.lower().strip(".")
                    if word in ABBREVIATIONS or len(word) == 1 or _INITIALISM.fullmatch(word):
                        continue
        _add(spans, text, start, end)
        start = end
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list, text: str, start: int, end: int) -> None:
    """The span [start, end) without the white space around it, unless that is all it holds."""
    part = text[start:end]
    kept = part.strip()
    if kept:
        start += len(part) - len(part.lstrip())
        spans.append((start, start + len(kept)))


class SentenceIndex:
    """The sentence around any offset: the text split once (`sentence_spans`), the first time a
    sentence is asked for, and each offset looked up by bisection over the sentences' starts.

    Every analysis reads every sentence (claim coverage scores them all), so splitting the whole
    text at once costs no more than splitting it a paragraph at a time, and a lookup is then one
    bisection.
    """

    __slots__ = ("text", "_all", "_starts")

    def __init__(self, text: str):
        self.text = text
        self._all: list[tuple[int, int]] | None = None  # every sentence, on first use
        self._starts: list[int] | None = None  # their starts, for bisection

    def all(self) -> list[tuple[int, int]]:
        """(start, end) of every sentence, in order (split once)."""
        if self._all is None:
            self._split()
        return self._all  # type: ignore[return-value]

    def _split(self) -> list[int]:
        spans = self._all = sentence_spans(self.text)
        starts = self._starts = [s for s, _ in spans]
        return starts

    def containing(self, pos: int) -> tuple[int, int] | None:
        """(start, end) of the sentence holding offset `pos`, or None between sentences."""
        starts = self._starts
        if starts is None:
            starts = self._split()
        k = bisect.bisect_right(starts, pos) - 1  # the last sentence starting at or before pos
        if k >= 0:
            span = self._all[k]  # type: ignore[index]
            if pos < span[1]:
                return span
        return None


def _wrapped(text: str, newline: int) -> bool:
    """Whether the line break at `newline` only wraps a paragraph (see `sentence_spans`)."""
    nxt = newline + 1
    if nxt < len(text) and text[nxt] in " \t\r\n":
        return False
    before = text[max(0, newline - 2) : newline].rstrip(" \t\r")
    return bool(before) and (before[-1] in ",;:-" or before[-1].islower()) and text[nxt : nxt + 1].islower()
