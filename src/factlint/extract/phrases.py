"""Find many phrases in one pass over a text.

Phrases match after folding case, apostrophes and quote marks, dashes and white space, so
"Shoigu's visit" finds "Shoigu’s visit" and "Kim Jong Un" finds "Kim Jong-un". `PhraseMatcher`
keeps the phrases as a trie of their words and walks the text's words once: the cost per word is
one dictionary step whatever the number of phrases, and building it compiles nothing.

`_trie_regex` builds the same kind of trie as a regular expression (`(?:visit(?:ed|ing)?|trip)`),
for the small fixed word lists of the date grammar's prefilter.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from functools import cached_property
from itertools import accumulate, chain
from typing import Any, NamedTuple

from ..patterns import lazy_re
from ..records import dataclass

_APOSTROPHES = "'’‘ʼ`´′"
_DASHES = "-‐‑‒–—―"
_FOLD_TABLE = str.maketrans({**{c: "'" for c in _APOSTROPHES}, **{c: " " for c in _DASHES}})
# The scanned text is folded one character for one (so offsets hold): every dash and white-space
# character becomes a space and every apostrophe "'", so the pattern needs no character classes.
_SCAN_TABLE = str.maketrans(
    {**{c: "'" for c in _APOSTROPHES}, **{c: " " for c in _DASHES + "\t\n\r\f\v\u00a0\u2009\u202f"}}
)
_SPACES = lazy_re(r"\s+")
_SEP = " +"
_APOS = "'"


def fold(text: str) -> str:
    """The key phrases are compared by: lower case, one apostrophe, dashes as spaces, one space."""
    return _SPACES.sub(" ", text.translate(_FOLD_TABLE).lower()).strip()


# The same folding as a chain of replacements: each is one C loop, and most characters are absent
# from most texts; ten times faster than str.translate with a dictionary.
_SCAN_PAIRS = tuple((a, b) for a, b in ((chr(k), v) for k, v in _SCAN_TABLE.items()) if a != b)


def scan_form(text: str) -> str:
    """The text as the phrase patterns read it: lower case, dashes and white space as spaces, one
    apostrophe; one character for one, so offsets are the text's own. Compute it once per text."""
    lower = text.lower()
    if len(lower) != len(text):  # a character whose lower case is longer: fold one by one
        lower = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    for a, b in _SCAN_PAIRS:
        if a in lower:
            lower = lower.replace(a, b)
    return lower


def _trie_regex(keys: Iterable[str]) -> str:
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            atom = _SEP if ch == " " else _APOS if ch == "'" else re.escape(ch)
            branches.append(atom + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        return body

    return emit(trie)


class PhraseHit(NamedTuple):
    start: int
    end: int
    payloads: tuple


# `PhraseHit(start, end, payloads)` is a call of the named tuple's own `__new__`, a Python function
# that calls this: calling it directly makes the same hit without that frame.
_tuple_new = tuple.__new__


_SPLIT = lazy_re(r"([^\W_]+)")


@dataclass(frozen=True)
class Scan:
    """A text as phrases are matched in it: its folded form, its words, where each word starts and
    ends (in `folded`, and so in the text), what lies between word k-1 and word k (`between[0]` is
    what precedes the first word; `gaps` the same with the spaces removed: its punctuation), and
    `vocab`, the set of its words, so a matcher can tell in one set intersection which of its
    phrases can start anywhere (and `positions` where)."""

    folded: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    between: list[str]
    vocab: frozenset[str]

    @property
    def gaps(self) -> list[str]:
        return [_punctuation(g) for g in self.between]

    @cached_property
    def positions(self) -> dict[str, list[int]]:
        """Where each word of the text stands (its indexes in `words`, in order): made once, on
        first use, and read by every matcher (and `prose.speech_words`), which then looks only at
        the words it can start with instead of testing each word of the text."""
        out: dict[str, list[int]] = {}
        add = out.setdefault
        for k, word in enumerate(self.words):
            add(word, []).append(k)
        return out

    def where(self, wanted: frozenset[str] | set[str]) -> list[int]:
        """The indexes in `words`, in order, of the words that are among `wanted` (words of the
        text: a subset of `vocab`)."""
        positions = self.positions
        if len(wanted) == 1:
            (only,) = wanted
            return positions[only]
        return sorted(chain.from_iterable(map(positions.__getitem__, wanted)))

    @classmethod
    def of(cls, text: str) -> "Scan":
        folded = scan_form(text)
        parts = _parts(folded)  # gap, word, gap, word, ..., gap
        offsets = list(accumulate(map(len, parts)))
        words = parts[1::2]
        return cls(folded, words, offsets[0:-1:2], offsets[1::2], parts[0:-1:2], frozenset(words))


def _parts(folded: str) -> list[str]:
    """`_SPLIT.split(folded)`: gap, word, gap, word, ..., gap (a word: letters and digits, as
    `[^\\W_]+` reads them, which is what `str.isalnum` tells of each character), read a space-separated
    chunk at a time: a chunk that is one word ("said"), or one word and one mark ("said,"), is
    taken as it is; only the rest ("“we", "u.s.") goes through the pattern. The pattern costs
    several hundred instructions a character; most chunks of prose are plain words."""
    parts: list[str] = []
    add, more, split = parts.append, parts.extend, _SPLIT.split
    gap = ""  # the gap read so far, up to the next word
    for chunk in folded.split(" "):
        if chunk.isalnum():
            add(gap)
            add(chunk)
            gap = " "
        elif not chunk:
            gap += " "
        elif chunk[:-1].isalnum():  # a word and a mark after it (not a letter or digit: else the chunk were a word)
            add(gap)
            add(chunk[:-1])
            gap = chunk[-1] + " "
        else:
            sub = split(chunk)
            if len(sub) == 1:
                gap += chunk + " "
            else:
                add(gap + sub[0])
                more(sub[1:-1])
                gap = sub[-1] + " "
    add(gap[:-1])  # each chunk but the last is followed by its space
    return parts


def _punctuation(gap: str) -> str:
    return gap.replace(" ", "") if " " in gap else gap


class PhraseMatcher:
    """All occurrences of the given phrases, longest first at each position, without overlaps.

    Phrases are kept as a trie of their words. The words of the text that begin some phrase are
    found with one set intersection (the text's vocabulary with the trie's first words), their
    places read off the text's `Scan.positions` (a first word that begins only longer phrases, only
    where one of its next words follows it), and the trie is walked from those places only: the
    cost does not grow with the number of phrases, and building it compiles nothing. Between two
    words of a phrase the text may have any white space or dashes (folded to spaces), and exactly
    the phrase's own punctuation (the apostrophe of "Shoigu's", the periods of "U.S."), so a phrase
    never runs across other punctuation. A node maps the next word to the punctuation before it, so
    the punctuation is looked at only when the word continues some phrase.
    """

    def __init__(self, phrases: Iterable[tuple[str, Hashable]]):
        # A node is [payloads, next words]: the payloads of the phrases that end there (an ordered
        # set while building, as one title can belong to thousands; then a tuple, the same object
        # at every hit), or None; the next words, each mapping the punctuation before it to its
        # node, or None where no phrase goes on (a leaf costs the walk no lookup).
        first: dict[str, list[Any]] = {}  # the first word has no punctuation before it
        ending: list[list[Any]] = []
        count = 0
        for phrase, payload in phrases:
            parts = _SPLIT.split(scan_form(phrase))  # gap, word, gap, word, ..., gap
            if len(parts) < 3:
                continue  # no word at all
            node: list[Any] | None = first.get(parts[1])
            if node is None:
                node = first[parts[1]] = [None, None]
            for k in range(3, len(parts), 2):
                following: dict[str, dict[str, list[Any]]] | None = node[1]
                if following is None:
                    following = node[1] = {}
                by_gap = following.setdefault(parts[k], {})
                gap = _punctuation(parts[k - 1])
                node = by_gap.get(gap)
                if node is None:
                    node = by_gap[gap] = [None, None]
            payloads: dict[Hashable, None] | None = node[0]
            if payloads is None:
                payloads = node[0] = {}
                ending.append(node)
            if payload not in payloads:
                payloads[payload] = None
                count += 1
        for node in ending:
            node[0] = tuple(node[0])
        self._count = count
        self._first = first
        self._first_words = frozenset(first)

    def __len__(self) -> int:
        return self._count

    def find(self, scan: Scan) -> list[PhraseHit]:
        """Occurrences in the text `scan` was made of (`Scan.of(text)`), offsets into that text."""
        if not self._first:
            return []
        common = scan.vocab & self._first_words
        if not common:
            return []
        words, starts, ends, between = scan.words, scan.starts, scan.ends, scan.between
        hits = []
        n = len(words)
        first = self._first
        free = 0  # the first word not inside an earlier hit
        for i in self._candidates(scan, common):
            if i < free:
                continue
            payloads, following = first[words[i]]
            if following is None:  # only a one-word phrase starts here
                hits.append(_tuple_new(PhraseHit, (starts[i], ends[i], payloads)))
                free = i + 1
                continue
            last = i
            j = i + 1
            while j < n:
                by_gap = following.get(words[j])
                if by_gap is None:
                    break
                # the punctuation between two words must be the phrase's own (spaces aside)
                gap = between[j]
                node = by_gap.get("" if gap == " " else _punctuation(gap))
                if node is None:
                    break
                ends_here, following = node
                if ends_here is not None:
                    last, payloads = j, ends_here
                if following is None:
                    break
                j += 1
            if payloads is None:
                continue
            hits.append(_tuple_new(PhraseHit, (starts[i], ends[last], payloads)))
            free = last + 1
        return hits

    def _candidates(self, scan: Scan, common: frozenset[str]) -> list[int]:
        """Where a phrase may start, in order: each place of a first word in `common` (the text's
        words that begin phrases), but a first word that begins only longer phrases only where one
        of its next words follows it (found from the places of those words when they are fewer)."""
        positions, vocab, words, first = scan.positions, scan.vocab, scan.words, self._first
        runs = []
        for w in common:
            at = positions[w]
            ends_here, following = first[w]
            if ends_here is None:  # only longer phrases start with it
                if vocab.isdisjoint(following):  # (each reads the next words, the fewer)
                    continue  # none of its next words is in the text
                if len(at) > 2:  # ("the" of "the White House"): the places of its next words may be fewer
                    later = scan.where(vocab.intersection(following))
                    if len(later) < len(at):
                        at = [k - 1 for k in later if k and words[k - 1] == w]
            runs.append(at)
        if len(runs) == 1:
            return runs[0]
        return sorted(chain.from_iterable(runs))

