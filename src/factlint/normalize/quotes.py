"""Quote fidelity: compare a quote as printed with the curated quotes, word by word.

Both sides are folded to words (case, curly vs straight marks, dashes, white space and all other
punctuation are left out). The printed quote is then read as fragments and brackets:

- an ellipsis (..., …, . . .) splits it into fragments that must appear in order within one
  curated quote; what an ellipsis leaves out must not hold a negation (not, never, no, n't...);
- a `[bracketed]` insertion may stand for nothing ("the DPRK [North Korea]") or for up to four
  words of the source ("[The DPRK] has said"), but may not stand in for a negation;
- a partial quote is a contiguous fragment; a one-to-three-word quote ("shameful") is one too;
- a difference only in articles and possessive determiners ("increase bilateral cooperation" for
  "increase their bilateral cooperation") is reported as a minor variant, not a misquote.

Candidates come from a word-bigram index (word unigrams for short quotes), so the cost of a
comparison does not grow with the number of curated quotes.
"""

from __future__ import annotations

import difflib
import heapq
import re
from collections import Counter, defaultdict
from itertools import chain
from dataclasses import dataclass
from typing import cast

from ..memo import Table

_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…")
_BRACKET = re.compile(r"\[([^\]]*)\]")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
NEGATIONS = frozenset("not no never nor none nothing nobody neither cannot without n't".split())
MINOR = frozenset("a an the their its his her our your my".split())
MAX_BRACKET_WORDS = 4
WILD = "\x00"  # a bracket in a token list
NEAR_MISS = 0.6  # share of the quote's words a near miss must keep
MIN_RUN = 3  # and at least this many of them in a row


def words(text: str) -> list[str]:
    """Folded words of `text`: lower case, one apostrophe, no punctuation."""
    out: list[str] = []
    for w in _WORD.findall(text.translate(_FOLD).lower()):
        if w.endswith("n't") and len(w) > 3:
            out.extend((w[:-3], "n't"))
        else:
            out.append(w)
    return out


def fragments(printed: str) -> list[list[str]]:
    """The printed quote as fragments (split at ellipses), brackets as WILD tokens."""
    out = []
    for part in _ELLIPSIS.split(printed):
        tokens: list[str] = []
        pos = 0
        for m in _BRACKET.finditer(part):
            tokens.extend(words(part[pos : m.start()]))
            tokens.append(WILD)
            pos = m.end()
        tokens.extend(words(part[pos:]))
        if any(t != WILD for t in tokens):
            out.append(tokens)
    return out


def _match_at(source: list[str], frag: list[str], i: int, j: int, lo: int, hi: int):
    """End of an earliest-ending match of frag[j:] at source[i:], or None; brackets are wildcards.

    Returns (end, skipped) where skipped lists the source words brackets stood in for.
    """
    if j == len(frag):
        return i, []
    if frag[j] == WILD:
        best = None
        for k in range(MAX_BRACKET_WORDS + 1):
            if i + k > hi:
                break
            r = _match_at(source, frag, i + k, j + 1, lo, hi)
            if r is not None and (best is None or r[0] < best[0]):
                best = (r[0], source[i : i + k] + r[1])
        return best
    if i < hi and source[i] == frag[j]:
        return _match_at(source, frag, i + 1, j + 1, lo, hi)
    return None


def find_fragment(source: list[str], frag: list[str], start: int):
    """(first, end, bracketed words) of the earliest-ending occurrence of `frag` at or after `start`."""
    best = None
    for i in range(start, len(source)):
        if frag[0] != WILD and source[i] != frag[0]:
            continue
        r = _match_at(source, frag, i, 0, start, len(source))
        if r is not None and (best is None or r[0] < best[1]):
            best = (i, r[0], r[1])
            if frag[0] != WILD:
                break
        if best is not None and frag[0] == WILD and i > best[1]:
            break
    return best


@dataclass(frozen=True)
class Match:
    """How a printed quote compares with one curated quote."""

    kind: str  # exact, minor, negation, reordered, quilted, near
    quote_id: str
    detail: str = ""  # the diff for near and minor, the dropped words for negation
    found: str = ""
    expected: str = ""
    score: float = 0.0  # for a near miss: the share of the printed words kept (two decimals, as shown)


def align(source: list[str], frags: list[list[str]]) -> tuple[bool, list[str]]:
    """Whether the fragments occur in order in `source`, and the words ellipses and brackets drop."""
    pos = 0
    dropped: list[str] = []
    for n, frag in enumerate(frags):
        hit = find_fragment(source, frag, pos)
        if hit is None:
            return False, []
        first, end, bracketed = hit
        if n > 0:
            dropped.extend(source[pos:first])
        dropped.extend(bracketed)
        pos = end
    return True, dropped


class QuoteIndex:
    """Curated quotes, folded and indexed by word bigrams and words, built once per facts file."""

    def __init__(self, quotes):
        self.quotes = {q.id: q for q in quotes}
        self.words = {q.id: words(q.text) for q in quotes}
        self._bigrams: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._unigrams: dict[str, set[str]] = defaultdict(set)
        for qid, ws in self.words.items():
            for w in ws:
                self._unigrams[w].add(qid)
            for a, b in zip(ws, ws[1:]):
                self._bigrams[(a, b)].add(qid)

    def reading(self, printed: str, memo: Table | None = None) -> tuple[tuple[Match, ...], int]:
        """`compare(printed)` and the number of words printed, remembered in the run's `memo` (the
        same quote comes back in article after article of one story)."""
        hit = memo.get(printed) if memo is not None else None
        if hit is None:
            hit = (tuple(self.compare(printed)), len(words(printed)))
            if memo is not None:
                memo.remember(printed, hit)
        return hit

    def candidates(self, frags: list[list[str]], limit: int = 8) -> list[str]:
        plain = [w for f in frags for w in f if w != WILD]
        if not plain:
            return []
        pairs = [(a, b) for f in frags for a, b in zip(f, f[1:]) if WILD not in (a, b)]
        votes: Counter = Counter()
        if pairs:  # counted in C: a common bigram can vote for thousands of quotes
            votes.update(chain.from_iterable(self._bigrams.get(p, ()) for p in pairs))
        if not votes:
            # short quotes, or no bigram in common: the curated quotes holding the rarest words
            rare = sorted(set(plain), key=lambda w: len(self._unigrams.get(w, ())))[:3]
            votes.update(chain.from_iterable(self._unigrams.get(w, ()) for w in rare))
        if len(votes) <= limit:
            return [qid for qid, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))]
        # the best `limit` of possibly thousands of voted quotes, without sorting them all
        return [qid for qid, _ in heapq.nsmallest(limit, votes.items(), key=lambda kv: (-kv[1], kv[0]))]

    def compare(self, printed: str) -> list[Match]:
        """The matches of a printed quote: exact or minor ones if any, else negation drops or near misses."""
        frags = fragments(printed)
        if not frags:
            return []
        found: list[Match] = []
        negations: list[Match] = []
        near: list[Match] = []
        cands = self.candidates(frags)
        for qid in cands:
            source = self.words[qid]
            ok, dropped = align(source, frags)
            if ok:
                neg = [w for w in dropped if w in NEGATIONS]
                if neg:
                    negations.append(Match("negation", qid, " ".join(neg)))
                else:
                    found.append(Match("exact", qid))
                continue
            minor_source = [w for w in source if w not in MINOR]
            minor_frags = [[w for w in f if w not in MINOR] for f in frags]
            minor_frags = [f for f in minor_frags if f]
            ok, dropped = align(minor_source, minor_frags) if minor_frags else (False, [])
            if ok and not any(w in NEGATIONS for w in dropped):
                found.append(Match("minor", qid, _diff_text(frags, source)))
        if found:
            return found
        if negations:
            return negations
        if len(frags) > 1:
            # every fragment is someone's words, but no one quote holds them in this order
            homes = []
            for frag in frags:
                home = next((qid for qid in self.candidates([frag]) if find_fragment(self.words[qid], frag, 0)), None)
                homes.append(home)
            if all(homes):
                found_homes = cast("list[str]", homes)  # all() held: no None among them
                kind = "reordered" if len(set(found_homes)) == 1 else "quilted"
                return [Match(kind, found_homes[0], ", ".join(dict.fromkeys(found_homes)))]
        plain = [w for f in frags for w in f if w != WILD]
        if len(plain) < 4:
            return []
        for qid in cands:
            m = _near(plain, self.words[qid], qid)
            if m is not None:
                near.append(m)
        near.sort(key=lambda m: -m.score)
        return near[:1]


def _diff_text(frags: list[list[str]], source: list[str]) -> str:
    plain = [w for f in frags for w in f if w != WILD]
    sm = difflib.SequenceMatcher(a=plain, b=source, autojunk=False)
    blocks = sm.get_matching_blocks()
    if not blocks or blocks[0].size == 0:
        return ""
    window = source[blocks[0].b : blocks[-2].b + blocks[-2].size] if len(blocks) > 1 else source
    parts = []
    sm = difflib.SequenceMatcher(a=plain, b=window, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            parts.append(f"{' '.join(plain[i1:i2]) or '(nothing)'} for {' '.join(window[j1:j2]) or '(nothing)'}")
    return "; ".join(parts)


def _near(plain: list[str], source: list[str], qid: str) -> Match | None:
    """A near miss: the best window of `source` keeps most of the quote's words, not all."""
    sm = difflib.SequenceMatcher(a=plain, b=source, autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if not blocks:
        return None
    b_start = blocks[0].b - blocks[0].a
    b_end = blocks[-1].b + blocks[-1].size + (len(plain) - blocks[-1].a - blocks[-1].size)
    window = source[max(0, b_start) : min(len(source), b_end)]
    sm = difflib.SequenceMatcher(a=plain, b=window, autojunk=False)
    matched = sm.get_matching_blocks()
    kept = sum(b.size for b in matched)
    share = kept / len(plain)
    if share < NEAR_MISS or share == 1.0 and len(window) == len(plain):
        return None
    if max(b.size for b in matched) < MIN_RUN:
        return None  # scattered common words, not a version of this quote
    found_parts, expected_parts = [], []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        # show each change with a word of context on each side, as an editor would read it
        lo_a, hi_a = max(0, i1 - 1), min(len(plain), i2 + 1)
        lo_b, hi_b = max(0, j1 - 1), min(len(window), j2 + 1)
        found_parts.append(" ".join(plain[lo_a:hi_a]))
        expected_parts.append(" ".join(window[lo_b:hi_b]))
    if not found_parts:
        return None
    score = round(share, 2)
    return Match("near", qid, f"{score:.2f} of the words kept", "; ".join(found_parts), "; ".join(expected_parts), score)
