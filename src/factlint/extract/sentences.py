"""Split prose into sentences without breaking at abbreviations, initials or inside quotes.

A boundary is a sentence mark (. ! ?) with any closing quote or bracket after it, then white space
and a capital, digit or opening quote, unless the word before the mark is a known abbreviation
(Aug., Gen., U.S.) or a single initial (N. Korea). A blank line always ends a sentence, and so
does a line break after a line that looks finished (a headline, a dateline, a paragraph).
"""

from __future__ import annotations

import regex

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt cmdr adm maj rep sen gov pres amb rev hon jr sr st mt
    ft no nos vs etc inc co corp ltd bros dept univ assn approx est jan feb mar apr jun jul aug
    sep sept oct nov dec mon tue tues wed thu thurs fri sat sun fig al e.g i.e u.s u.n u.k e.u
    d.c a.m p.m""".split()
)
_CANDIDATE = regex.compile(r"[.!?]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[\p{Lu}\p{N}])|\n[ \t]*\n|\n")
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)\Z")
_INITIALISM = regex.compile(r"(?:\p{L}\.)+\p{L}")
_LINE_END_OPEN = regex.compile(r"[,;:\p{Ll}-][ \t]*\Z")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, white space trimmed, in order."""
    spans = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        mark = m.group()
        if mark.startswith("\n"):
            if mark.count("\n") == 1:
                before = text[start : m.start()]
                after = text[m.end() : m.end() + 1]
                if _LINE_END_OPEN.search(before) and after[:1].islower():
                    continue  # a wrapped line inside a paragraph
        elif mark[0] == ".":
            w = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if w:
                word = w.group(1).lower().strip(".")
                if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or _INITIALISM.fullmatch(word):
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
