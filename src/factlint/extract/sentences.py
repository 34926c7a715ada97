"""Split prose into sentences without breaking at abbreviations, initials or inside quotes.

A boundary is a sentence mark (. ! ?) with any closing quote or bracket after it, then white space
and a capital, digit or opening quote, unless the word before the mark is a known abbreviation
(Aug., Gen., U.S.) or a single initial (N. Korea). A blank line always ends a sentence, and so
does a line break after a line that looks finished (a headline, a dateline, a paragraph).
"""

from __future__ import annotations

import bisect
from ..patterns import lazy_re

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt cmdr adm maj rep sen gov pres amb rev hon jr sr st mt
    ft no nos vs etc inc co corp ltd bros dept univ assn approx est jan feb mar apr jun jul aug
    sep sept oct nov dec mon tue tues wed thu thurs fri sat sun fig al e.g i.e u.s u.n u.k e.u
    d.c a.m p.m""".split()
)
_NEWLINE = lazy_re(r"\n")
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


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, white space trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        pos = m.start()
        if text[pos] == "\n":
            if _wrapped(text, pos):
                continue  # a wrapped line inside a paragraph
        else:
            if not _starts_sentence(text, m.end()):
                continue
            if text[pos] == ".":
                w = _word_before(text, max(0, pos - 40), pos)
                if w:
                    word = w.lower().strip(".")
                    if word in ABBREVIATIONS or len(word) == 1 or _INITIALISM.fullmatch(word):
                        continue
        _add(spans, text, start, m.end())
        start = m.end()
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list, text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


class SentenceIndex:
    """The sentence around any offset, splitting only the paragraphs that are asked about.

    A sentence never crosses a line break that ends a paragraph, so each paragraph (its lines joined
    where one is wrapped into the next) is split on its own, once, the first time an offset in it is
    looked up. Gives the same sentences as `sentence_spans` over the whole text.
    """

    def __init__(self, text: str):
        self.text = text
        self._blocks: dict[int, list[tuple[int, int]]] = {}
        self._starts: list[int] | None = None  # paragraph starts, found on first use
        self._all: list[tuple[int, int]] | None = None  # every sentence, when asked for

    def _paragraph_starts(self) -> list[int]:
        text = self.text
        self._starts = [0] + [m.end() for m in _NEWLINE.finditer(text) if not _wrapped(text, m.start())]
        return self._starts

    def all(self) -> list[tuple[int, int]]:
        """(start, end) of every sentence, in order, once: the paragraphs `containing` has split
        already as they are, the others split now (all of them in one pass when none was)."""
        if self._all is None:
            if not self._blocks:
                self._all = sentence_spans(self.text)
            else:
                starts = self._starts if self._starts is not None else self._paragraph_starts()
                out: list[tuple[int, int]] = []
                blocks, text = self._blocks, self.text
                for i, start in enumerate(starts):
                    spans = blocks.get(start)
                    if spans is None:
                        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
                        spans = [(s + start, e + start) for s, e in sentence_spans(text[start:end])]
                        blocks[start] = spans
                    out.extend(spans)
                self._all = out
        return self._all

    def containing(self, pos: int) -> tuple[int, int] | None:
        """(start, end) of the sentence holding offset `pos`, or None between sentences."""
        starts = self._starts if self._starts is not None else self._paragraph_starts()
        i = bisect.bisect_right(starts, pos) - 1
        start = starts[i]
        spans = self._blocks.get(start)
        if spans is None:
            end = starts[i + 1] - 1 if i + 1 < len(starts) else len(self.text)
            spans = [(s + start, e + start) for s, e in sentence_spans(self.text[start:end])]
            self._blocks[start] = spans
        k = bisect.bisect_right(spans, (pos, len(self.text) + 1)) - 1  # the last sentence starting at or before pos
        if k >= 0 and spans[k][0] <= pos < spans[k][1]:
            return spans[k]
        return None


def _wrapped(text: str, newline: int) -> bool:
    """Whether the line break at `newline` only wraps a paragraph (see `sentence_spans`)."""
    nxt = newline + 1
    if nxt < len(text) and text[nxt] in " \t\r\n":
        return False
    before = text[max(0, newline - 2) : newline].rstrip(" \t\r")
    return bool(before) and (before[-1] in ",;:-" or before[-1].islower()) and text[nxt : nxt + 1].islower()
