"""Find many phrases in one pass: a trie-shaped regular expression, compiled once.

Phrases match after folding case, apostrophes and quote marks, dashes and white space, so
"Shoigu's visit" finds "Shoigu’s visit" and "Kim Jong Un" finds "Kim Jong-un". The pattern is
built from a character trie of the folded phrases (`(?:visit(?:ed|ing)?|trip)`), which the regex
engine walks in time independent of the number of phrases, unlike a flat alternation.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

_APOSTROPHES = "'’‘ʼ`´′"
_DASHES = "-‐‑‒–—―"
_FOLD_TABLE = str.maketrans({**{c: "'" for c in _APOSTROPHES}, **{c: " " for c in _DASHES}})
# The scanned text is folded one character for one (so offsets hold): every dash and white-space
# character becomes a space and every apostrophe "'", so the pattern needs no character classes.
_SCAN_TABLE = str.maketrans(
    {**{c: "'" for c in _APOSTROPHES}, **{c: " " for c in _DASHES + "\t\n\r\f\v\u00a0\u2009\u202f"}}
)
_SPACES = re.compile(r"\s+")
_SEP = " +"
_APOS = "'"


def fold(text: str) -> str:
    """The key phrases are compared by: lower case, one apostrophe, dashes as spaces, one space."""
    return _SPACES.sub(" ", text.translate(_FOLD_TABLE).lower()).strip()


def scan_form(text: str) -> str:
    """The text as the phrase patterns read it: lower case, dashes and white space as spaces, one
    apostrophe; one character for one, so offsets are the text's own. Compute it once per text."""
    lower = text.lower()
    if len(lower) != len(text):  # a character whose lower case is longer: fold one by one
        lower = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lower.translate(_SCAN_TABLE)


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


@dataclass(frozen=True)
class PhraseHit:
    start: int
    end: int
    payloads: tuple


class PhraseMatcher:
    """All occurrences of the given phrases, longest first at each position, without overlaps."""

    def __init__(self, phrases: Iterable[tuple[str, Hashable]]):
        table: dict[str, list] = {}
        for phrase, payload in phrases:
            key = fold(phrase)
            if key and payload not in table.setdefault(key, []):
                table[key].append(payload)
        self._table = {k: tuple(v) for k, v in table.items()}
        self._pattern = self._folded = None
        self._seen: dict[str, tuple] = {}  # matched text -> payloads (the fold of a spelling is fixed)
        if self._table:
            body = r"(?<!\w)" + _trie_regex(self._table) + r"(?!\w)"
            # The standard library's engine runs a flat trie like this one several times faster than
            # `regex`; it scans the lower-cased, folded text.
            self._folded = re.compile(body)
            self._pattern = self._folded

    def __len__(self) -> int:
        return len(self._table)

    def find(self, text: str, folded: str | None = None) -> list[PhraseHit]:
        """Occurrences in `text`; `folded` is `scan_form(text)` when the caller already has it."""
        if self._pattern is None:
            return []
        matches = self._folded.finditer(folded if folded is not None else scan_form(text))
        hits = []
        cache = self._seen
        for m in matches:
            found = m.group()
            payloads = cache.get(found)
            if payloads is None:
                payloads = self._table.get(fold(found), ())
                if len(cache) < 100_000:
                    cache[found] = payloads
            if payloads:
                hits.append(PhraseHit(m.start(), m.end(), payloads))
        return hits
