"""Quote fidelity: compare a quote as printed with the curated quotes, word by word.

Both sides are folded to words (case, curly vs straight marks, dashes, white space and all other
punctuation are left out) and read through `data/quote_forms.txt`, so that two outlets' house
styles are the same words: "We're" is "we are", "can't" and "cannot" are "can not",
"U.S.", "US" and "United States" are "us"; the possessive of a word in -s is one word however it is
written ("the boss's", "the boss'"). The printed quote is then read as fragments and brackets:

- an ellipsis (..., …, . . .) splits it into fragments that must appear in order within one
  curated quote; what an ellipsis leaves out must not hold a negation (not, never, no, n't...);
- a `[bracketed]` insertion may stand for nothing ("the DPRK [North Korea]") or for up to four
  words of the source ("[The DPRK] has said"), but may not stand in for a negation; one that opens
  a fragment stands for as few words as it can (a subject added to a partial quote);
- the curated quote's own brackets are an editor's words: the printed quote may give them, leave
  them out or put a bracket of its own in their place;
- a partial quote is a contiguous fragment; a one-to-three-word quote ("shameful") is one too;
- a difference only in articles and possessive determiners ("increase bilateral cooperation" for
  "increase their bilateral cooperation") is reported as a minor variant, not a misquote.

A quote that matches no curated quote word for word may be a near miss (a misquote) of one. Each
fragment is aligned with the curated words around its longest run in common with them, and is a
near miss only when

- the aligned part (first kept word to last) spans most of the printed fragment (COVER): a short
  quote that shares a run ("lead to a trade war" against "we could end up in a trade war with
  China") is a different remark, not a version of this one;
- it keeps most of the words on both sides (DENSITY), at least three, a content word among them
  (or five words in all): "the end of the" against "the rest of the" is words anyone says;
- a difference lies inside the aligned part. One at an end of a partial quote is a different cut,
  not a misquote ("a trade war with Brazil"), unless it is a negation ("they will" printed "they
  will not"), both quotes end (or begin) there, or it stands beside a run of EDGE_RUN words;
- a run of one function word at an end of the alignment, between two differences or off by a
  different number of words, is chance and no anchor.

A near miss reports its score (share of printed words kept), the words kept, the longest run, the
number of differences and whether the one difference is one word for one word, so that a rule can
ask for far stronger evidence across speakers than within one. A printed quote that holds a
curated quote word for word and runs past its start or end ("The fees will rise, and nobody will
stop them" for "The fees will rise") is reported as `contains`: no misquote, but not unmatched.

Candidates come from a word-bigram index (word unigrams for short quotes), and the quotes holding
every printed word, so the cost of a comparison does not grow with the number of curated quotes.
"""

from __future__ import annotations

import difflib
import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache
from itertools import accumulate, chain
from typing import cast

from ..memo import Table
from ..patterns import kept_re, lazy_re
from ..records import dataclass
from ..vocab import QuoteForms, quote_forms, tagged_words

_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_ELLIPSIS = lazy_re(r"\.\s*\.\s*\.|…")
_BRACKET = lazy_re(r"\[([^\]]*)\]")
_WORD = lazy_re(r"[^\W_]+(?:'[^\W_]+)*")
NEGATIONS = tagged_words("function_words.txt", "negation")
MINOR = tagged_words("function_words.txt", "minor")
DEGREE = tagged_words("function_words.txt", "degree")


def _kept(ws: Sequence[str]) -> list[bool]:
    """Which words a minor edit must keep: all but the minor ones; a degree word is kept where it is
    no degree word ("so we voted": before a quote-function word, or last) or qualifies a negation
    within two words before it ("not very close")."""
    out = []
    for i, w in enumerate(ws):
        if w not in MINOR:
            out.append(True)
        elif w in DEGREE:
            nxt = ws[i + 1] if i + 1 < len(ws) else None
            out.append(nxt is None or nxt in FUNCTION or any(p in NEGATIONS for p in ws[max(0, i - 2) : i]))
        else:
            out.append(False)
    return out
MAX_BRACKET_WORDS = 4
WILD = "\x00"  # a bracket in a token list
COVER = 0.75  # share of the printed words a near miss's aligned part must span
DENSITY = 0.75  # share of the aligned part's words (printed or curated, the longer) kept
MAX_GAP = 4  # most words a difference inside a near miss may span on either side
EDGE_RUN = 5  # a changed end word is a misquote only beside this many kept words in a row
MIN_HOME = 3  # words each fragment of a reordered or quilted quote must have
MIN_WHOLE = 6  # the words of a curated quote a fragment holds whole to be no misquote of it
MAX_NEAR = 3  # near misses reported for one printed quote, the strongest first
MAX_ANCHORS = 6  # places of the longest run in common tried as the anchor of a near miss
SLACK = 2 * MAX_GAP  # curated words either side of the printed quote's projection looked at
FUNCTION = tagged_words("function_words.txt", "quote-function")


# a contraction that tokenized text sets apart ("we ' re", "I' m", "do n't"): one word again
_SPLIT_CONTRACTION = lazy_re(r"(?<=[^\W_]) ?' ?(?=(?:s|re|m|ve|ll|d|t)\b)")


@cache
def _abbreviation_pattern() -> re.Pattern[str] | None:
    """The abbreviations with periods of `data/quote_forms.txt`, lower case, whole, each also
    without its last period ("u.s" where a sentence's period took it)."""
    forms = sorted(quote_forms().abbreviations, key=len, reverse=True)
    if not forms:
        return None
    alternatives = [re.escape(f[:-1]) + r"\.?" if f.endswith(".") else re.escape(f) for f in forms]
    return kept_re(r"(?<![\w.])(?:" + "|".join(alternatives) + r")(?!\w|\.\w)")


def words(text: str, after_cut: bool = False) -> list[str]:
    """Folded words of `text`: lower case, one apostrophe, no punctuation, each written form of
    `data/quote_forms.txt` read as what it stands for: "We're" as "we are", "can't" and "cannot" as
    "can not", "U.S.", "US" and "United States" as "us". With `after_cut` (the text follows an
    ellipsis), a first word that ends a form of several words is read as the form ("... States" as
    "us")."""
    return _weighed(text, after_cut)[0]


def _weighed(text: str, after_cut: bool = False) -> tuple[list[str], list[int]]:
    """`words(text)` and, for each, how many printed words it stands for ("we're" is "we" 1 and
    "are" 0, "United States" is "us" 2): their sum is `count_words` of the text without brackets."""
    forms = quote_forms()
    folded = _folded(text, lambda m: _abbreviation(m.group(), forms))
    out: list[str] = []
    weights: list[int] = []
    endings = forms.endings
    for w in _WORD.findall(folded):
        if "'" in w:
            if w.endswith("n't"):  # "don't", and "n't" that tokenized text sets apart ("do n't")
                if len(w) > 3:
                    stem = w[:-3]
                    out.append(forms.stems.get(stem, stem))
                    weights.append(1)
                    out.append(forms.negation)
                    weights.append(0)
                else:
                    out.append(forms.negation)
                    weights.append(1)
                continue
            stem, _, ending = w.rpartition("'")
            said = endings.get("'" + ending)
            if said is not None and stem:
                out.extend((stem, said))
                weights.extend((1, 0))
                continue
            if ending == "s" and stem.endswith("s") and "'" not in stem:
                out.append(stem)  # "the boss's" as "the boss'" (whose apostrophe no word keeps)
                weights.append(1)
                continue
        out.append(w)
        weights.append(1)
    if not forms.openers.isdisjoint(out):
        out, weights = _phrase_forms(out, weights, forms)
    if after_cut and out and out[0] in forms.tails and _first_capitalised(text):
        out[0] = forms.tails[out[0]]
    return out, weights


def surface_pattern(tokens: list[str]) -> str:
    """A case-blind pattern for `tokens` (folded words, as `words` gives them) as the text may print
    them: a word and the next as a contraction or apart ("we are": "we're" or "we are"; "can not":
    "can't", "cannot" or "can not"), a word read from an abbreviation or a name in any of its forms
    ("us": "U.S.", "US", "United States"), a word in -s with or without "'s" (`words` reads "boss's"
    as "boss"), other words apart by anything but letters and digits."""
    forms = quote_forms()
    ending_of = {said: e for e, said in forms.endings.items()}
    stem_of: dict[str, list[str]] = {}
    for stem, said in forms.stems.items():
        stem_of.setdefault(said, []).append(stem)
    spelled: dict[str, list[str]] = {}
    for form, said in forms.abbreviations.items():
        spelled.setdefault(said, []).append(re.escape(form[:-1]) + r"\.?" if form.endswith(".") else re.escape(form))
    # (each word's forms an atomic group: "u.s." and the separator after it never share a period)
    for key, said_words in forms.phrases.items():
        if len(said_words) == 1:
            spelled.setdefault(said_words[0], []).append(r"[\W_]+".join(map(re.escape, key)))
    parts: list[str] = []
    i = 0
    while i < len(tokens):
        w = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and (nxt == forms.negation or nxt in ending_of):
            apart = _escape(w) + r"[\W_]+" + _escape(nxt)
            if nxt == forms.negation:
                joined = [_escape(x) + "n['’]t" for x in (w, *stem_of.get(w, ()))]
                joined += [re.escape(key[0]) for key, said in forms.phrases.items() if said == (w, nxt) and len(key) == 1]
            else:
                joined = [_escape(w) + "['’]" + re.escape(ending_of[nxt][1:])]
            parts.append("(?>" + "|".join([apart, *joined]) + ")")
            i += 2
            continue
        own = _escape(w) + ("(?:['’]s)?" if w.endswith("s") else "")  # "boss" may be printed "boss's"
        parts.append("(?>" + "|".join([own, *spelled.get(w, ())]) + ")")
        i += 1
    return r"[\W_]+".join(parts)


def _escape(word: str) -> str:
    """A folded word as a pattern for the text: its apostrophe straight or curly ("it's", "It’s")."""
    return "['’]".join(re.escape(part) for part in word.split("'"))


def _first_capitalised(text: str) -> bool:
    """Whether the first word of `text` is capitalised ("... States", a name cut; not "... states")."""
    m = _WORD.search(text)
    return m is not None and m.group()[:1].isupper()


def _abbreviation(written: str, forms: QuoteForms) -> str:
    return forms.abbreviations.get(written) or forms.abbreviations.get(written + ".", written)


def count_words(text: str) -> int:
    """How many words a printed quote gives the speaker: its words as printed ("We're" is one,
    "U.S." one), without the editor's `[bracketed]` words."""
    if "[" in text:
        text = _BRACKET.sub(" ", text)
    return len(_WORD.findall(_folded(text, "x")))


def _folded(text: str, abbreviation) -> str:
    """`text` in lower case with one apostrophe, a contraction that tokenized text sets apart one
    word again, and each abbreviation with periods replaced by `abbreviation` (a string or a
    function of the match, as `re.sub` takes)."""
    folded = text.translate(_FOLD).lower()
    if "' " in folded or " '" in folded:
        folded = _SPLIT_CONTRACTION.sub("'", folded)
    if "." in folded:
        pattern = _abbreviation_pattern()
        if pattern is not None:
            folded = pattern.sub(abbreviation, folded)
    return folded


def _phrase_forms(ws: list[str], weights: list[int], forms: QuoteForms) -> tuple[list[str], list[int]]:
    """`ws` with each run of words that `forms` lists as a form replaced by what it stands for
    (the longest form first at each place), and their weights: the printed words a form stood for
    go to its first word."""
    out: list[str] = []
    out_weights: list[int] = []
    i, n = 0, len(ws)
    while i < n:
        if ws[i] in forms.openers:
            for size in range(min(forms.longest, n - i), 0, -1):
                said = forms.phrases.get(tuple(ws[i : i + size]))
                if said is not None:
                    out.extend(said)
                    out_weights.extend([sum(weights[i : i + size]), *([0] * (len(said) - 1))])
                    i += size
                    break
            else:
                out.append(ws[i])
                out_weights.append(weights[i])
                i += 1
        else:
            out.append(ws[i])
            out_weights.append(weights[i])
            i += 1
    return out, out_weights


def fragments(printed: str) -> list[list[str]]:
    """The printed quote as fragments (split at ellipses), brackets as WILD tokens."""
    return [tokens for tokens, _ in _weighed_fragments(printed)]


def _weighed_fragments(printed: str) -> list[tuple[list[str], list[int]]]:
    """`fragments(printed)`, each with the printed words each of its words (not its brackets)
    stands for (`_weighed`)."""
    out = []
    for n, part in enumerate(_ELLIPSIS.split(printed)):
        tokens: list[str] = []
        weights: list[int] = []
        pos = 0
        for m in _BRACKET.finditer(part):
            ws, wts = _weighed(part[pos : m.start()], after_cut=n > 0 and pos == 0)
            tokens.extend(ws)
            weights.extend(wts)
            tokens.append(WILD)
            pos = m.end()
        ws, wts = _weighed(part[pos:], after_cut=n > 0 and pos == 0)
        tokens.extend(ws)
        weights.extend(wts)
        if any(t != WILD for t in tokens):
            out.append((tokens, weights))
    return out


def bracket_spans(text: str) -> dict[int, int]:
    """Where the curated quote's own `[bracketed]` words are, as start -> end in `words(text)`:
    an editor's words, not the speaker's."""
    spans, n, pos = {}, 0, 0
    for m in _BRACKET.finditer(text):
        n += len(words(text[pos : m.start()]))
        k = len(words(m.group(1)))
        if k:
            spans[n] = n + k
        n += k
        pos = m.end()
    return spans if n + len(words(text[pos:])) == len(words(text)) else {}


def _match_at(source: list[str], frag: list[str], i: int, j: int, lo: int, hi: int, skips: dict[int, int] | None = None):
    """End of an earliest-ending match of frag[j:] at source[i:], or None; brackets are wildcards.

    Returns (end, skipped) where skipped lists the source words brackets stood in for. A bracket of
    the curated quote (`skips`) may be printed, left out, or stand for a printed bracket.
    """
    if j == len(frag):
        return i, []
    best = None
    if skips and i in skips and skips[i] <= hi:
        # the editor's words of the curated quote: left out, or replaced by the printed bracket
        best = _match_at(source, frag, skips[i], j + (frag[j] == WILD), lo, hi, skips)
    if frag[j] == WILD:
        for k in range(MAX_BRACKET_WORDS + 1):
            if i + k > hi:
                break
            r = _match_at(source, frag, i + k, j + 1, lo, hi, skips)
            if r is not None and (best is None or r[0] < best[0]):
                best = (r[0], source[i : i + k] + r[1])
        return best
    if i < hi and source[i] == frag[j]:
        r = _match_at(source, frag, i + 1, j + 1, lo, hi, skips)
        if r is not None and (best is None or r[0] < best[0]):
            best = r
    return best


def find_fragment(source: list[str], frag: list[str], start: int, skips: dict[int, int] | None = None):
    """(first, end, bracketed words) of the earliest-ending occurrence of `frag` at or after `start`.

    A bracket that opens the fragment stands for as few words as it can (none): what comes before a
    partial quote is not in it, so it hides no negation ("[He] will sell" for "He will not sell"
    reads as the partial quote "will sell" with a subject added)."""
    best = None
    for i in range(start, len(source)):
        if frag[0] != WILD and source[i] != frag[0] and not (skips and i in skips):
            continue
        r = _match_at(source, frag, i, 0, start, len(source), skips)
        if r is not None and (best is None or r[0] < best[1] or frag[0] == WILD and r[0] == best[1]):
            best = (i, r[0], r[1])
            if frag[0] != WILD:
                break
        if best is not None and frag[0] == WILD and i > best[1]:
            break
    return best


@dataclass(frozen=True)
class Match:
    """How a printed quote compares with one curated quote.

    `kind` is exact, minor, negation, reordered, quilted or near (the misquotes: negation,
    reordered, quilted, near), or contains: the printed quote holds the curated quote word for word
    and runs past its start or end, which is no misquote (and no exact match either).

    For a near miss, `found` and `expected` are the differing words with a word of context, and the
    fields from `score` on measure the evidence (a rule can ask for more of it across speakers than
    within one, e.g. `aligned >= 8` for a quote not attributed to the curated speaker):
    `score` the share of printed words kept (two decimals, as shown in `detail`), `aligned` the
    words kept (found in the curated quote, in order), `run` the longest run of them, `edits` the
    differences (each a run of words changed, added or dropped), `single` whether the one
    difference is one word for one word ("rapidly" for "actively"). A contains match gives
    `aligned` and `run` too.
    """

    kind: str  # exact, minor, negation, reordered, quilted, near, contains
    quote_id: str
    detail: str = ""  # the diff for minor, the share kept for near, the dropped words for negation
    found: str = ""
    expected: str = ""
    score: float = 0.0  # near: the share of the printed words kept (two decimals, as shown)
    aligned: int = 0  # near, contains: printed words kept
    run: int = 0  # near, contains: the longest run of words kept
    edits: int = 0  # near: the differences
    single: bool = False  # near: the one difference is one word for one word


def align(source: list[str], frags: list[list[str]], skips: dict[int, int] | None = None) -> tuple[bool, list[str]]:
    """Whether the fragments occur in order in `source`, and the words ellipses and brackets drop."""
    pos = 0
    dropped: list[str] = []
    for n, frag in enumerate(frags):
        hit = find_fragment(source, frag, pos, skips)
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
        self.brackets = {q.id: spans for q in quotes if (spans := bracket_spans(q.text))}
        self.sizes = {q.id: count_words(q.text) for q in quotes}  # the words a speaker is quoted with
        self._bigrams: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._unigrams: dict[str, set[str]] = defaultdict(set)
        for qid, ws in self.words.items():
            for w in ws:
                self._unigrams[w].add(qid)
            for a, b in zip(ws, ws[1:]):
                self._bigrams[(a, b)].add(qid)

    def reading(self, printed: str, memo: Table | None = None) -> tuple[tuple[Match, ...], int]:
        """`compare(printed)` and the number of words it gives the speaker (`count_words`),
        remembered in the run's `memo` (the same quote comes back in article after article of one
        story)."""
        hit = memo.get(printed) if memo is not None else None
        if hit is None:
            hit = (tuple(self.compare(printed)), count_words(printed))
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

    def holders(self, frags: list[list[str]], limit: int = 32) -> list[str]:
        """The curated quotes that hold every printed word (the first `limit`, in id order)."""
        plain = {w for f in frags for w in f if w != WILD}
        sets = sorted((self._unigrams.get(w, set()) for w in plain), key=len)
        if not sets or not sets[0]:
            return []
        common = set(sets[0])
        for other in sets[1:]:
            common &= other
            if not common:
                return []
        return sorted(common)[:limit]

    def compare(self, printed: str) -> list[Match]:
        """The matches of a printed quote: exact or minor ones if any, else negation drops or near misses."""
        weighed = _weighed_fragments(printed)
        frags = [tokens for tokens, _ in weighed]
        weights = [wts for _, wts in weighed]  # each fragment's words but its brackets, as `_plain` reads them
        if not frags:
            return []
        found: list[Match] = []
        negations: list[Match] = []
        near: list[Match] = []
        cands = self.candidates(frags)
        # the curated quotes holding every printed word are the only ones it can match word for
        # word: they are compared too, so that a common opening ("we need") cannot crowd them out
        cands += [qid for qid in self.holders(frags) if qid not in cands]
        for qid in cands:
            source, skips = self.words[qid], self.brackets.get(qid)
            ok, dropped = align(source, frags, skips)
            if ok:
                neg = [w for w in dropped if w in NEGATIONS]
                if neg:
                    negations.append(Match("negation", qid, " ".join(neg)))
                else:
                    found.append(Match("exact", qid))
                continue
            kept_source = _kept(source)
            minor_source = [w for w, keep in zip(source, kept_source) if keep]
            minor_frags = [[w for w, keep in zip(f, _kept(f)) if keep] for f in frags]
            minor_frags = [f for f in minor_frags if f]
            if skips:  # the curated brackets, counted in the words left
                at = list(accumulate(kept_source, initial=0))
                skips = {at[a]: at[b] for a, b in skips.items() if at[b] > at[a]}
            ok, dropped = align(minor_source, minor_frags, skips) if minor_frags else (False, [])
            if ok and not any(w in NEGATIONS for w in dropped):
                found.append(Match("minor", qid, _diff_text(frags, source)))
        if found:
            return found
        if negations:
            return negations
        if len(frags) > 1 and all(sum(w != WILD for w in f) >= MIN_HOME for f in frags):
            # every fragment is someone's words, but no one quote holds them in this order (a
            # fragment of a word or two is anyone's words: "we need ... fast")
            homes = []
            for frag in frags:
                home = next(
                    (qid for qid in self.candidates([frag])
                     if find_fragment(self.words[qid], frag, 0, self.brackets.get(qid))),
                    None,
                )
                homes.append(home)
            if all(homes):
                found_homes = cast("list[str]", homes)  # all() held: no None among them
                kind = "reordered" if len(set(found_homes)) == 1 else "quilted"
                return [Match(kind, found_homes[0], ", ".join(dict.fromkeys(found_homes)))]
        if len(frags) > 1:
            # one fragment holds a whole curated quote, the others are words of the speaker's not
            # curated ("A full sentence curated. . . . And more said after it."): no misquote
            for i, frag in enumerate(frags):
                whole_of = next((qid for qid in self.candidates([frag]) if len(self.words[qid]) >= MIN_WHOLE
                                 and find_fragment(frag, self.words[qid], 0) is not None), None)
                if whole_of is None:
                    continue
                # ... and no other fragment is a near miss of a curated quote (a misquote beside it)
                others = [f for j, f in enumerate(frags) if j != i]
                if not any(
                    (m := _near([f], self.words[q], q, self.brackets.get(q), None)) is not None and m.kind == "near"
                    for f in others for q in self.candidates([f])
                ):
                    n = len(self.words[whole_of])
                    return [Match("contains", whole_of, f"{n} of the printed words are the curated quote's", aligned=n, run=n)]
        if count_words(printed) < 4:  # words as printed: "we're" is one
            return []
        for qid in cands:
            m = _near(frags, self.words[qid], qid, self.brackets.get(qid), weights)
            if m is not None:
                near.append(m)
        # the strongest first; the others stay, so that a rule can find the one its speaker said.
        # A curated quote held whole, with printed words of their own around it, is no misquote,
        # unless a near miss of another curated quote accounts for more of the printed words
        near.sort(key=lambda m: (-m.aligned, m.kind != "contains", -m.score, m.quote_id))
        if near and near[0].kind == "contains":
            return [m for m in near if m.kind == "contains"][:MAX_NEAR]
        return [m for m in near if m.kind == "near"][:MAX_NEAR]


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


Block = tuple[int, int, int]  # a run of words in common: (printed start, curated start, length)
Op = tuple[int, int, int, int]  # a difference: printed words [i1:i2] for curated words [j1:j2]


@dataclass(frozen=True)
class Alignment:
    """A printed fragment's words laid against a stretch of one curated quote.

    `blocks` are the runs of printed words found in the curated quote, in order; the aligned part
    of the printed words runs from the first kept word to the last. `holes` are the places of the
    printed brackets (a bracket before printed word i is a hole at i); `start` is where in the
    curated quote the fragment was looked for (after the fragments before an ellipsis)."""

    plain: tuple[str, ...]
    source: tuple[str, ...]
    blocks: tuple[Block, ...]
    holes: frozenset[int] = frozenset()
    start: int = 0

    @property
    def first(self) -> int:
        return self.blocks[0][0]

    @property
    def last(self) -> int:
        a, _, size = self.blocks[-1]
        return a + size

    @property
    def kept(self) -> int:
        return sum(size for _, _, size in self.blocks)

    @property
    def content(self) -> int:
        """Kept words that are not function words."""
        return sum(w not in FUNCTION for a, _, size in self.blocks for w in self.plain[a : a + size])

    @property
    def diffs(self) -> list[Op]:
        """The differences inside the aligned part. A printed bracket standing for up to four
        curated words that hold no negation is none."""
        out = []
        for (a1, b1, n1), (a2, b2, _) in zip(self.blocks, self.blocks[1:]):
            i1, j1 = a1 + n1, b1 + n1
            if i1 == a2 and (j1 == b2 or i1 in self.holes and b2 - j1 <= MAX_BRACKET_WORDS
                             and not NEGATIONS.intersection(self.source[j1:b2])):
                continue
            out.append((i1, a2, j1, b2))
        return out

    @property
    def changed(self) -> int:
        """Words the differences span, printed and curated."""
        return sum(i2 - i1 + j2 - j1 for i1, i2, j1, j2 in self.diffs)

    def edge(self, side: str) -> str:
        """What lies beyond the aligned part on one side: "" nothing, "cut" printed words past the
        curated quote's own start or end (a longer cut, which the curated text can neither confirm
        nor deny), "changed" printed words where the curated quote goes on with other words,
        "ends" as many printed as curated words up to where both quotes end. The words that open
        a fragment after an ellipsis are "changed" ones: the ellipsis may stand for what is there."""
        if side == "left":
            printed, curated = self.blocks[0][:2]
            if printed and self.start:
                return "changed"
        else:
            a, b, size = self.blocks[-1]
            printed, curated = len(self.plain) - a - size, len(self.source) - b - size
        return "" if not printed else "cut" if not curated else "ends" if printed == curated else "changed"


def _blocks(a: list[str], b: list[str], a0: int, b0: int, reverse: bool = False) -> list[Block]:
    """difflib's matching blocks of a against b, offset; reversed, a run nearer the end of both wins ties."""
    if not a or not b:
        return []
    if reverse:
        rb = _blocks(a[::-1], b[::-1], 0, 0)
        return [(a0 + len(a) - i - k, b0 + len(b) - j - k, k) for i, j, k in reversed(rb)]
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return [(a0 + i, b0 + j, k) for i, j, k in sm.get_matching_blocks() if k]


def align_near(plain: list[str], source: list[str], start: int = 0, holes: frozenset[int] = frozenset()) -> Alignment | None:
    """The printed words against the stretch of `source[start:]` around a longest run in common:
    the words before that run are aligned backwards from it, the words after it forwards, so a word
    that recurs ("this is ... this is") is taken where it is nearest.

    Of the run's places, the MAX_ANCHORS that keep the most printed words in place are tried (in a
    repetitive quote the run recurs, and its first places need not be the quote's); of their
    readings the one that keeps the most words wins, then the one with the fewest differences, then
    the one whose differences span the fewest words: a printed word read as standing for three
    curated words ("grain" for "harbour grain grain") where it can stand for one is a worse reading,
    not a looser quote."""
    sm = difflib.SequenceMatcher(a=plain, b=source, autojunk=False)
    k = sm.find_longest_match(0, len(plain), start, len(source)).size
    if k == 0:
        return None
    at: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j in range(start, len(source) - k + 1):
        at[tuple(source[j : j + k])].append(j)
    anchors = [(i, j) for i in range(len(plain) - k + 1) for j in at.get(tuple(plain[i : i + k]), ())]
    if len(anchors) > MAX_ANCHORS:
        # the places that keep the most printed words on their diagonal, in their first order
        kept = [_in_place(plain, source, start, i, j) for i, j in anchors]
        best = heapq.nsmallest(MAX_ANCHORS, range(len(anchors)), key=lambda x: -kept[x])
        anchors = [anchors[x] for x in sorted(best)]
    readings = [_align_at(plain, source, start, i, j, k, holes) for i, j in anchors]
    return max(readings, key=lambda al: (al.kept, -len(al.diffs), -al.changed))


def _in_place(plain: list[str], source: list[str], start: int, i: int, j: int) -> int:
    """Printed words that the curated words at the same offset from the anchor plain[i] = source[j] repeat."""
    d = j - i
    return sum(1 for t in range(max(0, start - d), min(len(plain), len(source) - d)) if plain[t] == source[t + d])


def _align_at(plain: list[str], source: list[str], start: int, i: int, j: int, k: int, holes: frozenset[int]) -> Alignment:
    """The alignment around the run plain[i:i+k] = source[j:j+k]."""
    n = len(plain)
    lo_b = max(start, j - i - SLACK)
    left = _blocks(plain[:i], source[lo_b:j], 0, lo_b, reverse=True)
    right = _blocks(plain[i + k :], source[j + k : j + k + (n - i - k) + SLACK], i + k, j + k)
    blocks = [*left, (i, j, k), *right]
    # the runs around the anchor that are near enough to be one stretch of the source
    lo = hi = len(left)
    while lo > 0 and _joins(blocks[lo - 1], blocks[lo]):
        lo -= 1
    while hi + 1 < len(blocks) and _joins(blocks[hi], blocks[hi + 1]):
        hi += 1
    blocks = blocks[lo : hi + 1]
    # An end run of one function word is chance, not an anchor, when it is off by a different
    # number of words ("for" in "a big political win for me" against "a big night for us") or
    # stands between two differences ("and" in "to protect privacy and equality" against "to
    # protect ourselves and our allies").
    while len(blocks) > 1 and _lone(plain, blocks[0]) and (
        _loose(blocks[0], blocks[1]) or blocks[0][0] and blocks[0][1] > start
    ):
        blocks.pop(0)
    while len(blocks) > 1 and _lone(plain, blocks[-1]) and (
        _loose(blocks[-2], blocks[-1]) or _end(blocks[-1]) < n and _end(blocks[-1], 1) < len(source)
    ):
        blocks.pop()
    return Alignment(tuple(plain), tuple(source), tuple(blocks), holes, start)


def _end(block: Block, side: int = 0) -> int:
    return block[side] + block[2]


def _lone(plain: list[str], block: Block) -> bool:
    """A run of one function word."""
    return block[2] == 1 and plain[block[0]] in FUNCTION


def _joins(x: Block, y: Block) -> bool:
    return y[0] - _end(x) <= MAX_GAP and y[1] - _end(x, 1) <= MAX_GAP


def _loose(x: Block, y: Block) -> bool:
    """Runs x and y (in this order) are apart by different numbers of words, two or more on one side."""
    p, q = y[0] - _end(x), y[1] - _end(x, 1)
    return p != q and max(p, q) >= 2


@dataclass(frozen=True)
class _Reading:
    """How one printed fragment reads against a stretch of a curated quote."""

    kept: int
    run: int
    ops: tuple[Op, ...]  # the differences, in the fragment's and the curated quote's words
    end: int  # where the fragment's stretch of the curated quote ends
    contains: bool = False  # the curated words, with printed words of their own past them
    blocks: tuple[Block, ...] = ()  # the runs kept (none: all the fragment's words, found whole)


def _read(plain: list[str], holes: frozenset[int], source: list[str], start: int) -> _Reading | None:
    """A printed fragment (4 words or more) as a near miss of `source[start:]`, or None.

    It is one when its aligned part spans most of the fragment (COVER), keeps most of its words
    and of the curated ones it spans (DENSITY), holds a content word (or five words in all) and a
    difference. A difference at an end of a partial quote is a different cut, not a misquote:
    it counts only when it is a negation ("they are" printed "they are not"), when both quotes end
    (or begin) there, or beside a run of EDGE_RUN words or more."""
    al = align_near(plain, source, start, holes)
    if al is None:
        return None
    n = len(plain)
    ops = al.diffs
    span = al.last - al.first
    for side in ("left", "right"):
        kind = al.edge(side)
        a, b, size = al.blocks[0] if side == "left" else al.blocks[-1]
        if kind == "cut":
            # printed words past the curated quote's own end: unverifiable, unless they negate it
            if plain[a - 1 if side == "left" else a + size] not in NEGATIONS:
                continue
        elif kind != "ends" and not (kind == "changed" and size >= EDGE_RUN):
            continue
        if side == "left":
            ops.insert(0, (0, a, max(start, b - a), b))
        else:
            ops.append((a + size, n, b + size, min(len(source), b + size + n - a - size)))
    run = max(size for _, _, size in al.blocks)
    edges = {al.edge("left"), al.edge("right")} - {""}
    whole = al.blocks[0][1] == 0 and _end(al.blocks[-1], 1) == len(source)
    if not ops and edges == {"cut"} and al.kept >= 4 and (span >= COVER * n or whole):
        # the curated words, all of them or most of the printed ones, and printed words past them
        return _Reading(al.kept, run, (), _end(al.blocks[-1], 1), contains=True, blocks=al.blocks)
    if not ops:
        return None  # the same words, cut differently
    if span < COVER * n:
        return None  # a run in common, not this quote: "lead to a trade war" for "end up in a trade war"
    curated_span = _end(al.blocks[-1], 1) - al.blocks[0][1]
    if al.kept < DENSITY * max(span, curated_span):
        return None  # as many words changed as kept
    if al.kept < 3 or not al.content and al.kept < 5:
        return None  # "the end of the" for "the rest of the": words anyone says
    return _Reading(al.kept, run, tuple(ops), _end(al.blocks[-1], 1), blocks=al.blocks)


def _plain(frag: list[str]) -> tuple[list[str], frozenset[int]]:
    """A fragment's words without its brackets, and the places of the brackets."""
    ws: list[str] = []
    holes = set()
    for t in frag:
        if t == WILD:
            holes.add(len(ws))
        else:
            ws.append(t)
    return ws, frozenset(holes)


def _hunks(ops):
    """The changes as shown: two changes one kept word apart are one, so that word is not shown
    twice as the context of both ("want Ted Cruz or Donald Trump as", not "...Trump; Trump as")."""
    out: list[tuple[int, int, int, int]] = []
    for i1, i2, j1, j2 in ops:
        if out and (i1 - out[-1][1] <= 1 or j1 - out[-1][3] <= 1):
            out[-1] = (out[-1][0], i2, out[-1][2], j2)
        else:
            out.append((i1, i2, j1, j2))
    return out


def _near(frags: list[list[str]], source: list[str], qid: str, skips: dict[int, int] | None = None,
          weights: list[list[int]] | None = None) -> Match | None:
    """A near miss of `source`: each fragment, in order, found word for word or read as a near
    miss (`_read`), one at least with a difference; or, for a quote of one fragment, a `contains`
    match: the curated words with printed words of their own past them. Its `aligned` counts the
    printed words kept as printed (`weights`, each fragment's: "we're" is one word though it is
    read as "we are")."""
    readings: list[tuple[list[str], _Reading]] = []
    pos = 0
    for frag in frags:
        ws, holes = _plain(frag)
        hit = find_fragment(source, frag, pos, skips)
        if hit is not None:
            readings.append((ws, _Reading(len(ws), len(ws), (), hit[1])))
        else:
            r = _read(ws, holes, source, pos) if len(ws) >= 4 else None
            if r is None or r.contains and len(frags) > 1:
                return None
            readings.append((ws, r))
        pos = readings[-1][1].end
    n = sum(len(ws) for ws, _ in readings)
    kept = sum(r.kept for _, r in readings)
    run = max(r.run for _, r in readings)
    aligned = kept if weights is None else sum(
        sum(w) if not r.blocks else sum(sum(w[a : a + size]) for a, _, size in r.blocks)
        for w, (_, r) in zip(weights, readings, strict=True))
    if len(readings) == 1 and readings[0][1].contains:
        return Match("contains", qid, f"{kept} of {n} printed words are the curated quote's", aligned=aligned, run=run)
    found_parts, expected_parts = [], []
    for ws, r in readings:
        for i1, i2, j1, j2 in _hunks(r.ops):
            # each change with a word of context on each side, as an editor would read it
            before, after = int(i1 > 0), int(i2 < len(ws))
            found_parts.append(" ".join(ws[i1 - before : i2 + after]))
            expected_parts.append(" ".join(source[j1 - before : j2 + after]))
    ops = [op for _, r in readings for op in r.ops]
    if not ops:
        return None
    score = round(kept / n, 2)
    single = len(ops) == 1 and ops[0][1] - ops[0][0] == 1 == ops[0][3] - ops[0][2]
    return Match(
        "near", qid, f"{score:.2f} of the words kept", "; ".join(found_parts), "; ".join(expected_parts), score,
        aligned=aligned, run=run, edits=len(ops), single=single,
    )
