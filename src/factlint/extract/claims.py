"""Claims and figures: the curated claims' wordings in one pass, and numbers with their units.

`ClaimScanner` finds every claim's `supports` and `contradicts` patterns (phrases through one
trie-shaped pattern; raw regexes each compiled once, run with a time limit). `find_figures` reads
numbers written in digits or words ("two", "2", "1.5 million", "a dozen"), with a hedge before them
("about", "more than", "at least"), followed within two words by a noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress

import regex

from .events import RegexTimeout
from ..prose import Prose
from .phrases import PhraseMatcher, fold


@dataclass(frozen=True)
class ClaimMention:
    start: int
    end: int
    claim_id: str
    stance: str  # supports or contradicts


class ClaimScanner:
    def __init__(self, claims, regex_timeout: float = 1.0):
        phrases = []
        self._regexes = []
        for c in claims:
            for stance, patterns in (("supports", c.supports), ("contradicts", c.contradicts)):
                for p in patterns:
                    if p.is_regex:
                        self._regexes.append((c.id, stance, p.text, regex.compile(p.text, regex.IGNORECASE)))
                    else:
                        phrases.append((p.text, (c.id, stance)))
        self._phrases = PhraseMatcher(phrases)
        self._timeout = regex_timeout

    def find(self, prose: Prose) -> list[ClaimMention]:
        text = prose.text
        out = [ClaimMention(h.start, h.end, cid, stance) for h in self._phrases.find(prose.scan) for cid, stance in h.payloads]
        for cid, stance, source, pattern in self._regexes:
            try:
                out.extend(ClaimMention(m.start(), m.end(), cid, stance) for m in pattern.finditer(text, timeout=self._timeout) if m.end() > m.start())
            except TimeoutError:
                raise RegexTimeout(cid, source) from None
        out.sort(key=lambda m: (m.start, m.end, m.claim_id))
        return out


_UNITS = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozens of": None,
}
_TENS = frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split())
HEDGES = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
    "nearly": "below", "almost": "below", "just under": "below", "fewer than": "below", "less than": "below",
    "under": "below", "more than": "above", "over": "above", "at least": "at-least", "up to": "at-most",
    "as many as": "at-most", "at most": "at-most",
}
_NUMBER = (
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s+(?P<scale>dozen|hundred|thousand|million|billion|trillion))?"
    r"|(?P<word>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|a\s+dozen)(?:\s+(?P<wscale>hundred|thousand|million|billion))?"
)
_FIGURE = re.compile(
    r"(?<![\w.,-])(?:(?P<hedge>about|around|roughly|approximately|some|nearly|almost|just\s+under|fewer\s+than|less\s+than"
    r"|under|more\s+than|over|at\s+least|up\s+to|as\s+many\s+as|at\s+most)\s+)?(?:" + _NUMBER + r")(?![\w.,]\d)(?!\w)"
    r"(?P<percent>\s?%)?(?=(?P<rest>(?:[\s-]+[\w-]+){0,4}))",
)


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    value: float
    hedge: str | None  # about, below, above, at-least, at-most
    following: str  # the words after the number, folded


def _value(m: re.Match) -> float | None:
    if m.group("digits"):
        v = float(m.group("digits").replace(",", ""))
        scale = m.group("scale")
    else:
        w = " ".join(m.group("word").lower().replace("-", " ").split())
        if w.split(" ", 1)[0] in _TENS and " " in w:
            tens, ones = w.split(" ", 1)
            t, o = _WORD_NUMBERS[tens], _WORD_NUMBERS[ones]
            assert t is not None and o is not None  # only "dozens of" has no value, and the pattern has no such word
            v = float(t + o)
        else:
            n = _WORD_NUMBERS[w]
            assert n is not None  # as above
            v = float(n)
        scale = m.group("wscale")
    return v * _UNITS[scale.lower()] if scale else v


# The words a figure can begin with: a hedge's first word, a number word, the "a" of "a dozen". A
# figure begins at the start of a word (the look-behind allows nothing of a word before it), and a
# word that begins one is one of these or starts with a digit.
_FIRST_WORDS = frozenset(
    [h.split()[0] for h in HEDGES] + [w.split()[0] for w in _WORD_NUMBERS]
)


def _named_number(text: str, start: int) -> bool:
    """Whether the number at `start` follows a capitalised word inside its sentence ("Trent 900",
    "FTSE 100", "Boeing 737"): a name's number, not a count."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == start or i == 0 or not text[i - 1].isalnum():
        return False
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'’."):
        j -= 1
    word = text[j:i]
    if not word[:1].isupper():
        return False
    k = j
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k > 0 and text[k - 1] not in ".!?\n\"“”:;(" and not (text[k - 1] == "'" and text[k - 2 : k - 1] == "'")


def figures_of(text: str) -> list[Figure]:
    """The figures of a short text (a curated wording), as `find_figures` reads them in prose."""
    return find_figures(Prose.of(text))


def find_figures(prose: Prose) -> list[Figure]:
    """Figures of a text. The pattern is tried only at the words a figure can begin with (all of
    them: a test holds it to a scan of every position)."""
    scan = prose.scan
    text = prose.text
    folded, words, starts = scan.folded, scan.words, scan.starts
    begins = (scan.vocab & _FIRST_WORDS) | {w for w in scan.vocab if w[0].isdecimal()}
    out = []
    last_end = 0
    for k in compress(range(len(words)), map(begins.__contains__, words)):
        if starts[k] < last_end:
            continue
        m = _FIGURE.match(folded, starts[k])
        if m is None:
            continue
        if starts[k] > 1 and text[starts[k] - 1] in "-‐‑" and text[starts[k] - 2].isalnum():
            last_end = m.end()
            continue  # a model number: "A380-800", "F-16", "Covid-19"
        if not m.group("hedge") and _named_number(text, starts[k]):
            last_end = m.end()
            continue  # part of a name: "Trent 900 engines", "the FTSE 100", "Chapter 11", "May 5"
        last_end = m.end()
        value = _value(m)
        if value is None:
            continue
        hedge = HEDGES.get(" ".join(m.group("hedge").lower().split())) if m.group("hedge") else None
        following = fold(m.group("rest").replace("-", " "))
        if m.group("percent"):  # "2.62%" is "2.62 percent"
            following = ("percent " + following).strip()
        elif text[max(0, m.start() - 1) : m.start()] == "$" or text[max(0, m.start() - 2) : m.start()] == "$ ":
            following = ("dollars " + following).strip()  # "$16.6 billion in loans", "US$ 85 billion"
        out.append(Figure(m.start(), m.end(), value, hedge, following))
    return out
