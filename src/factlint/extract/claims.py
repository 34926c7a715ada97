"""Claims and figures: the curated claims' wordings in one pass, and numbers with their units.

`ClaimScanner` finds every claim's `supports` and `contradicts` patterns (phrases through one
trie-shaped pattern; raw regexes each compiled once, run with a time limit). `find_figures` reads
numbers written in digits or words ("two", "2", "1.5 million", "a dozen", "two dozen"), with a
hedge before them ("about", "more than", "at least") and their unit: a currency before them ("US$",
"€"), a sign ("%") or the words after them ("per cent", "decades"), each read through the units
table (`vocab.units`, `data/units.txt`) into its canonical unit and how many of it one is.
`parse_unit` reads a claim's unit the same way, so that a figure is compared in the claim's unit.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import compress
from operator import itemgetter

import regex

from ..records import dataclass
from .events import RegexTimeout
from ..prose import Prose
from ..vocab import number_words, tagged, units
from .phrases import PhraseMatcher, Scan
from ..patterns import lazy_re


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


_TABLE = units()
_SCALES = dict(_TABLE.scales)  # "million" -> 1e6
# numbers written as words ("three", "a dozen"; None: "dozens of") and hedges ("about" -> about,
# "more than" -> above), from the data tables
_WORD_NUMBERS = number_words()
_TENS = frozenset(w for w, n in _WORD_NUMBERS.items() if n is not None and n >= 20 and n % 10 == 0 and " " not in w)
_ONES = tuple(w for w, n in _WORD_NUMBERS.items() if n is not None and n < 10 and " " not in w)
HEDGES = {words: direction for words, (direction,) in tagged("hedges.txt")}  # one direction each


def _alternatives(spellings) -> str:
    """A regex alternation of the spellings, longest first, a space matching any white space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(spellings), key=lambda w: (-len(w), w)))


# a unit's sign written right after the number ("2.62%"), from the units table
_SIGNS = {s: v for s, v in _TABLE.after.items() if not any(c.isalpha() for c in s)}
_HEDGE = _alternatives(HEDGES)
_NUMBER = (
    # (a scale word may be glued to the digits: "7.2bn", "140bn")
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?P<scale>" + _alternatives(_SCALES) + r"))?"
    # (a number of tens may take a one: "forty-two"; "dozens of" has no value to compare)
    r"|(?P<word>(?:" + _alternatives(_TENS) + r")(?:[- ](?:" + _alternatives(_ONES) + r")\b)?"
    r"|" + _alternatives(w for w, n in _WORD_NUMBERS.items() if n is not None and w not in _TENS)
    + r")(?:\s+(?P<wscale>" + _alternatives(_SCALES) + r"))?"
)
_FIGURE = lazy_re(
    r"(?<![\w.,-])(?:(?P<hedge>" + _HEDGE + r")\s+)?(?:" + _NUMBER + r")(?![\w.,]\d)(?!\w)"
    r"(?P<sign>\s?(?:" + _alternatives(_SIGNS) + r"))?",
)
# a currency written before the number ("US$ 19.7 billion", "about $5"), and a hedge before it
_LEAD = lazy_re(
    r"(?:(?<![\w])(?i:(?P<hedge>" + _HEDGE + r"))\s+)?(?<![\w$])(?P<cur>" + _alternatives(_TABLE.before) + r")[ \t]?\Z"
)
_LEAD_ENDS = frozenset(s[-1] for s in _TABLE.before)
# units written after the number, as words ("per cent" -> ("per", "cent")), longest first
_UNIT_WORDS = {tuple(Scan.of(s).words): v for s, v in _TABLE.after.items() if any(c.isalpha() for c in s)}
_UNIT_SPAN = max(map(len, _UNIT_WORDS))
_BEFORE_WORDS, _AFTER_WORDS, _FOLLOWING_WORDS = 10, 12, 5  # the words a template may hold before and after a figure


_UNIT_FIRST = frozenset(k[0] for k in _UNIT_WORDS)  # the words a unit begins with


def read_unit(ws) -> tuple[str, float, int] | None:
    """The unit the words `ws` begin with: (canonical name, how many of it one is, words read)."""
    if not ws or ws[0] not in _UNIT_FIRST:
        return None  # (most words after a number begin no unit)
    for n in range(min(_UNIT_SPAN, len(ws)), 0, -1):
        hit = _UNIT_WORDS.get(tuple(ws[:n]))
        if hit is not None:
            return hit[0], hit[1], n
    return None


@dataclass(frozen=True)
class Unit:
    """A unit as figures are compared in it: its canonical name in the units table (None when the
    table does not know it: "entities"), how many canonical units one of it is ("million dollars":
    1e6 dollars; "decades": 10 years), its words with the canonical name first ("dollars in loans"),
    and its head noun, the last of them."""

    canonical: str | None
    factor: float
    words: tuple[str, ...]
    head: str


@lru_cache(maxsize=4096)
def parse_unit(text: str) -> Unit:
    """A claim's unit read as a figure's is: scale words first multiply ("million people"), the
    table's spellings become their canonical name ("per cent" and "%": percent; "US$": dollars)."""
    stripped = text.strip()
    ws = Scan.of(text).words
    factor = 1.0
    while ws and ws[0] in _SCALES:
        factor *= _SCALES[ws[0]]
        ws = ws[1:]
    sign = _SIGNS.get(stripped) or _TABLE.before.get(stripped)
    hit = (*sign, len(ws)) if sign else read_unit(ws)
    if hit is None:
        return Unit(None, factor, tuple(ws), ws[-1] if ws else "")
    canonical, f, n = hit
    ws = [canonical, *ws[n:]]
    return Unit(canonical, factor * f, tuple(ws), ws[-1])


@dataclass(frozen=True)
class Figure:
    """A number of a text with its hedge and unit. `start`/`end` are the number's (its hedge and
    scale word included, as the figure pattern reads it); `lead` is where the figure's words begin,
    a currency written before the number and its hedge included ("about US$ 5 billion").
    `following` holds the words after the number up to punctuation (four at most), `after` up to
    twelve and `before` the ten before `lead`, folded; in `following` and `after` the unit comes
    first, by its canonical name ("2.62%", "2.62 per cent": "percent"; "US$ 5": "dollars")."""

    start: int
    end: int
    value: float
    hedge: str | None  # about, below, above, at-least, at-most
    following: str
    unit: str | None = None  # canonical, from the units table
    factor: float = 1.0  # how many `unit`s one of `value` is: two decades are 2 x 10 years
    lead: int = -1
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


def value_in(fig: Figure, unit: Unit) -> float:
    """The figure's value in `unit` (a claim's): "two decades" in years is 20, "US$ 1.5 million" in
    million dollars is 1.5. A figure in another unit is not converted (and is never tied to it)."""
    if fig.unit is not None and fig.unit != unit.canonical:
        return fig.value
    return fig.value * fig.factor / unit.factor


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
    return v * _SCALES[" ".join(scale.lower().split())] if scale else v


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


def _share_after(scan: Scan, m) -> bool:
    """Whether the number `m` matched is written in a unit the units table flags `share` ("47%",
    "47 percent")."""
    if m.group("sign"):
        return _SIGNS[m.group("sign").strip()][0] in _TABLE.shares
    j = bisect_left(scan.starts, m.end())
    hit = read_unit(scan.words[j : j + _UNIT_SPAN])
    return hit is not None and hit[0] in _TABLE.shares


@lru_cache(maxsize=4096)  # a wording is read for its templates and its claim's subject
def figures_of(text: str) -> tuple[Figure, ...]:
    """The figures of a short text (a curated wording), as `find_figures` reads them in prose."""
    return tuple(find_figures(Prose.of(text)))


def _words_after(scan: Scan, end: int, unit: tuple[str, float] | None):
    """The words after the number that ends at `end`, with its unit first by its canonical name (the
    unit written before the number or as a sign, `unit`, else the one the words begin with): up to
    punctuation (`Figure.following`) and twelve (`Figure.after`); the unit, and how many of it one is."""
    j = bisect_left(scan.starts, end)
    ws = scan.words[j : j + _AFTER_WORDS + _UNIT_SPAN]
    gap = scan.folded[end : scan.starts[j]] if j < len(scan.starts) else ""  # what precedes the first word
    if unit is None and (hit := read_unit(ws)) is not None:
        canonical, factor, n = hit
        unit, ws, j = (canonical, factor), ws[n:], j + n
        gap = scan.between[j] if j < len(scan.between) else ""
    # the words up to punctuation: after white space (and dashes, folded to spaces) only
    k = 0
    while k < min(len(ws), _FOLLOWING_WORDS) and not (gap if k == 0 else scan.between[j + k]).strip():
        k += 1
    if unit is None:
        return tuple(ws[:k]), tuple(ws[:_AFTER_WORDS]), None, 1.0
    return (unit[0], *ws[:k]), (unit[0], *ws[: _AFTER_WORDS - 1]), unit[0], unit[1]


def find_figures(prose: Prose) -> list[Figure]:
    """Figures of a text. The pattern is tried only at the words a figure can begin with (all of
    them: a test holds it to a scan of every position)."""
    scan = prose.scan
    text = prose.text
    folded, scan_words, starts = scan.folded, scan.words, scan.starts
    vocab = tuple(scan.vocab)
    # the text's words that can begin a figure: a first word, or one that begins with a digit
    # (picked without a Python step per word)
    begins = (scan.vocab & _FIRST_WORDS).union(compress(vocab, map(str.isdecimal, map(itemgetter(0), vocab))))
    out = []
    last_end = 0
    for k in compress(range(len(scan_words)), map(begins.__contains__, scan_words)):
        if starts[k] < last_end:
            continue
        m = _FIGURE.match(folded, starts[k])
        if m is None:
            continue
        if starts[k] > 1 and text[starts[k] - 1] in "-‐‑" and text[starts[k] - 2].isalnum():
            last_end = m.end()
            continue  # a model number: "A380-800", "F-16", "Covid-19"
        if (not m.group("hedge") and not text[starts[k]].islower() and _named_number(text, starts[k])
                and not _share_after(scan, m)):
            last_end = m.end()
            continue  # part of a name: "Trent 900 engines", "the FTSE 100", "Chapter 11", "May 5"
            # (a number in lower-case words after a name counts: "gave Harbour House three stars";
            # in capitals it is the name's: "Apollo Thirteen", "the Big Five"; a share of a whole
            # is no name's: "Rivera led Baker 47 percent to 39 percent")
        last_end = m.end()
        value = _value(m)
        if value is None:
            continue
        hedge_words = m.group("hedge")
        lead, unit = m.start(), None
        if m.group("sign"):  # "2.62%" is "2.62 percent"
            unit = _SIGNS[m.group("sign").strip()]
        elif not hedge_words and (text[lead - 1 : lead] in _LEAD_ENDS or text[lead - 2 : lead - 1] in _LEAD_ENDS):
            c = _LEAD.search(text, max(0, lead - 40), lead)
            if c is not None:  # "$16.6 billion in loans", "US$ 85 billion", "about €5"
                unit = _TABLE.before[" ".join(c.group("cur").split())]
                lead, hedge_words = c.start(), c.group("hedge")
        hedge = HEDGES.get(" ".join(hedge_words.lower().split())) if hedge_words else None
        following, after, canonical, factor = _words_after(scan, m.end(), unit)
        i = bisect_left(starts, lead)
        before = tuple(scan_words[max(0, i - _BEFORE_WORDS) : i])
        out.append(Figure(m.start(), m.end(), value, hedge, " ".join(following), canonical, factor, lead, before, after))
    return out
