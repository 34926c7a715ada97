"""Names: every curated name in one pass, and near misses of them.

`NameIndex` is built once per facts file. `find` scans the text once with a trie-shaped pattern of
every name, alias and `not:` name (folded: case, hyphens, apostrophes), then looks at the remaining
capitalized words for near misses: a word within a small edit distance of a curated name word
(Shoygu / Shoigu, Thomas-Greenfeld / Thomas-Greenfield) that is no known name of anyone. Candidates
come from a deletion index (the SymSpell idea), so the cost does not grow with the number of people.

A near miss counts only where it reads as that person's name: next to another word of the same
name ("Sergey Shoygu", "Kim Jong-xn") or right after one of the person's curated titles
("Chancellor Mirkle"), one edit, or two for a word of six letters or more; alone, a word long
enough that a look-alike is unlikely (8 letters and more, 2 edits; 6 and 7 letters, 1 edit); words
of five letters or fewer are never guessed at alone. A one-word organization of six letters or
more ("Airbus") is checked like a surname; a longer organization's name word by word.

A capitalised word in another run of capitalised words is someone else's name ("Bucknell
University"), and so is that word everywhere else in the text ("Jeremy Boreing ... Boreing said");
a modifier ("Chicago-based") makes no run, and after an organization's word, words of the language
are a part of it ("Boexng Commercial Airplanes"). A word of the language is never a misspelling
alone ("Former" / "Farmer"), except one edit away where only a name stands: a speaker's slot
("said Clements."), and for an organization mid-sentence a possessive, a role, an auxiliary verb,
a model number or "and" with another curated name after it ("Boxing's", "Boxing spokesman",
"Boxing has", "Boxing 787", "Boxing and Airbus").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cache

from ..memo import Memo
from ..prose import Prose
from ..records import dataclass
from ..vocab import common_words, honorifics, role_words, speech_verbs, table, title_roles, title_status
from ..vocab import tagged_words
from ..vocab import words as words_table
from .phrases import PhraseMatcher, fold
from ..patterns import lazy_re

# The capital first, then the look-behind: the engine can skip to capitals instead of trying the
# look-behind at every character (twice as fast); the same words as (?<![\w'’-])[A-Z]...
_CAPITALIZED = lazy_re(r"[A-Z](?<![\w'’-][A-Z])[\w]*(?:[-’'][\w]+)*")


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    person_id: str
    canonical: str  # the curated spelling this text stands for
    near_miss: bool  # True: a misspelling of `canonical`


def damerau(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, or limit + 1 when it is larger than `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2 = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _ending_only(a: str, b: str) -> bool:
    """Whether two words are forms of one word: after a common beginning of three letters or more,
    what is left of each is nothing or an ending of `word_endings.txt` ("Motor" / "Motors",
    "Minister" / "Ministry"), where a misspelling leaves something else ("Motoxs" / "Motors")."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    if n < 3:
        return False
    endings = _endings()
    return all(tail == "" or tail in endings for tail in (a[n:], b[n:]))


@cache
def _endings() -> frozenset[str]:
    return frozenset(table("word_endings.txt"))


@cache
def _variant_pieces() -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in (line.split() for line in table("spelling_variants.txt")))


def _spelling_variant(a: str, b: str) -> bool:
    """Whether two folded words are one word in British and American spelling ("defence" /
    "defense", "labour" / "labor")."""
    for left, right in _variant_pieces():
        a, b = a.replace(left, right), b.replace(left, right)
    return a == b


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


_WORD_AT = lazy_re(r"[^\W\d_]+")


def _speaker_slot(text: str, start: int, end: int) -> bool:
    """Whether the word at [start, end) stands where a speaker's name does: right after a speech
    verb and closing its clause ("said Clements." / "said Clements, who"), or right before a speech
    verb ("Clements said")."""
    verbs = speech_verbs().forms
    before = _LAST_WORD.search(text, max(0, start - 24), start)
    if before is not None and before.group(1).lower() in verbs and text[end : end + 1] in (".", ",", ";"):
        return True
    after = _WORD_AT.search(text, end, end + 24)
    return after is not None and text[end : after.start()] == " " and after.group().lower() in verbs


_LAST_WORD = lazy_re(r"([^\W\d_]+) $")
_STATUS_BEFORE_ROLE = frozenset({"rank", "same", "past", "future"})


@cache
def _role_heads() -> frozenset[str]:
    """The role forms of title_roles.txt that are one word ("spokesman", "president", "ceo")."""
    return frozenset(form for term in title_roles() for form in term.forms if " " not in form)


_NEXT_TOKEN = lazy_re(r" ([\w-]+)")
_YEAR = lazy_re(r"1[5-9]\d\d|2[01]\d\d|\d{1,2}(?:st|nd|rd|th)?")  # a year, or a day ("Spring 2010", "June 5")


_OPENERS = tagged_words("function_words.txt", "opener")  # "But", "So": capitalised, no names
# honorifics written as abbreviations ("Sen.", "Mr."), whose period ends no sentence ("sir." does)
_HONORIFIC_ABBREVIATIONS = frozenset(honorifics()) & words_table("abbreviations.txt")
_VERY_COMMON = 4.5  # the Zipf frequency from which a word opening a sentence is a word, even before a surname
_JOINED_AFTER = lazy_re(r"(?:,? (?:and|or|&) )")
_JOINED_BEFORE = lazy_re(r"(?: (?:and|or|&) )$")


def _after_the(text: str, pos: int) -> bool:
    """Whether the word at `pos` follows "the" ("the Clintons")."""
    return text[max(0, pos - 4) : pos].lower() == "the "


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether the word at `pos` opens a sentence, a line or a quotation (not after an abbreviated
    honorific's period: "Sen. Lindsey Walker"; "Thank you, sir." ends its sentence)."""
    i = pos
    while i > 0 and text[i - 1] in " \t\"'“‘(":
        i -= 1
    if i == 0:
        return True
    if text[i - 1] == "." and i < pos:
        j = i - 1
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        if j < i - 1 and text[j:i - 1].lower() in _HONORIFIC_ABBREVIATIONS and (j == 0 or not text[j - 1].isalnum()):
            return False
    return text[i - 1] in ".!?\n:;—"


def allowed_edits(word: str) -> int:
    """Edits accepted for a name word standing alone."""
    n = len(word)
    return 0 if n <= 5 else 1 if n <= 7 else 2


def edits_beside(word: str) -> int:
    """Edits accepted for a name word beside another word of the name or a curated title."""
    return 1 if len(word) <= 5 else 2


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


_LETTERS = lazy_re(r"[^\W\d_]+")
_LETTERS_ONLY = lazy_re(r"[\W\d_]+")
_NOT_PROSE = frozenset("/@#_.:\\=")


def _recased(text: str, start: int, end: int, canonical: str) -> str | None:
    """The found name with the curated capitals, when it differs from them only in case: a
    full name of two words or more ("sergei shoigu", "Kim jong Un") written in running prose.
    Single words are left alone ("lee", "may" are words too), as are names in capitals (headlines)
    and names inside a web address, handle, hashtag or file name."""
    found = text[start:end]
    if found.isupper() or found == canonical:
        return None
    words, curated = _LETTERS.findall(found), _LETTERS.findall(canonical)
    if len(words) < 2 or len(words) != len(curated) or any(w.lower() != c.lower() for w, c in zip(words, curated)):
        return None
    particles = words_table("name_particles.txt")
    if all(w == c or w.lower() in particles for w, c in zip(words, curated)):
        return None  # the same, or only a particle in other capitals ("de Blasio", "al Qaeda")
    if any(w[0].isupper() and c[0].islower() for w, c in zip(words, curated)):
        return None  # more capitals than the curated spelling ("Van", "De"): a style, not an error
    lo, hi = start, end
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    token = text[lo:start] + text[end:hi]
    if any(ch in _NOT_PROSE for ch in token.rstrip(".,;:!?)]}\"'’”")):
        return None
    pieces = iter(curated)
    return _LETTERS.sub(lambda m: next(pieces), found)


class NameIndex:
    """Curated names (with aliases and `not:` names) and the words they are made of."""

    def __init__(self, people):
        entries = []
        self._words: dict = {}  # folded word -> (person id, canonical word) pairs
        self._known: set[str] = set()  # every folded word of every name, alias and not-name
        self._surnames: set[str] = set()
        self._joined: set[str] = set()  # every name and name word in letters only ("walmart", "obrien")
        self._persons = frozenset(p.id for p in people if p.kind == "person")
        titles: dict[str, set[str]] = {}  # person id -> the folded last words of the curated titles
        for p in people:
            for t in p.titles:
                last = self._split(t.text)[-1:]
                if last:
                    titles.setdefault(p.id, set()).add(fold(last[0]))
            for name in p.names:
                entries.append((name, ("name", p.id, name)))
                parts = self._split(name)
                if p.kind != "person":
                    # an organization's name of two or more capitalised words ("Singapore Airlines")
                    # is checked word by word, and a word only beside another word of that name
                    # ("Singapore Airxines"); a one-word name of six letters or more ("Airbus") like
                    # a surname; shorter and lower-case names are matched as written
                    capitalised = [w for w in parts if w[:1].isupper()]
                    if len(capitalised) >= 2 or len(parts) == 1 and capitalised and len(fold(parts[0])) >= 6:
                        for w in capitalised:
                            self._words.setdefault(fold(w), set()).add((p.id, w))
                        if len(parts) == 1:
                            self._surnames.add(fold(parts[0]))
                    continue
                for w in parts:
                    self._words.setdefault(fold(w), set()).add((p.id, w))
                self._surnames.add(fold(parts[-1]))
            for other in p.not_names:
                entries.append((other, ("not", p.id, other)))
            for name in (*p.names, *p.not_names):
                self._known.update(fold(w) for w in self._split(name))
                self._joined.update(_LETTERS_ONLY.sub("", fold(w)) for w in (name, *self._split(name)))
        self._titles = {pid: frozenset(ws) for pid, ws in titles.items()}
        # (person id, a name word, the word after it) for every pair of words in that order in one
        # of the person's names: "Port Washington" is no "Washington Post" misspelled
        order: set[tuple[str, str, str]] = set()
        for p in people:
            for name in p.names:
                ws = [fold(w) for w in self._split(name)]
                order.update((p.id, a, b) for i, a in enumerate(ws) for b in ws[i + 1 :])
        self._order = frozenset(order)
        self._phrases = PhraseMatcher(entries)
        # how each set of payloads a match gives reads (`_reading`), filled as texts are read: the
        # same names recur, and a hit gives the same payloads object every time
        self._readings: dict = {}
        # Kept compact, as loading a cached index is part of every run's start-up: one string where
        # a deletion comes from one name word (nearly always), a sorted tuple otherwise; the owners
        # of each name word as a sorted tuple (sorted: the same choice on every run).
        deletes: dict = {}
        shared: set[str] = set()
        for w in self._words:
            for d in _deletes(w, edits_beside(w)):
                found = deletes.get(d)
                if found is None:
                    deletes[d] = w
                elif found != w:
                    deletes[d] = (found, w) if found.__class__ is str else (*found, w)
                    shared.add(d)
        for d in shared:
            deletes[d] = tuple(sorted(set(deletes[d])))
        self._deletes: dict[str, str | tuple[str, ...]] = deletes
        self._words = {w: tuple(sorted(owners)) for w, owners in self._words.items()}

    @staticmethod
    def _split(name: str) -> list[str]:
        return [w.strip(".,;:") for w in re.split(r"\s+", name) if w.strip(".,;:")]

    def find(self, prose: Prose, memo: Memo | None = None) -> list[NameMention]:
        """Curated names as written and near misses of them, in order; `memo` is the run's (what
        was judged of a word is remembered there for the next article)."""
        text = prose.text
        out: list[NameMention] = []
        covered: list[tuple[int, int]] = []
        readings = self._readings
        for hit in self._phrases.find(prose.scan):
            covered.append((hit.start, hit.end))
            reading = readings.get(hit.payloads, _UNREAD)
            if reading is _UNREAD:
                reading = readings[hit.payloads] = _reading(hit.payloads)
            if reading is None:
                continue  # only a `not:` name (someone else, never guessed at), or several people's
            pid, spellings, lowered = reading
            found = text[hit.start : hit.end]
            if found in spellings:
                canonical = found
            else:  # the spelling written in other capitals ("Kim Jong-un", not "Kim Jong Un"), else the first
                low = found.lower()
                canonical = next((c for c, c_low in zip(spellings, lowered) if c_low == low), spellings[0])
            # (a name written as curated, nearly every one, needs no look at its capitals)
            written = _recased(text, hit.start, hit.end, canonical) if found != canonical and pid in self._persons else None
            if written is not None:  # "john Kirby": the name in the wrong capitals
                out.append(NameMention(hit.start, hit.end, pid, written, True))
            else:
                out.append(NameMention(hit.start, hit.end, pid, canonical, False))
        if self._deletes:
            out.extend(_NearMisses(self, memo or Memo()).find(text, covered))
        out.sort(key=lambda m: (m.start, m.end))
        return out


_UNREAD = object()  # payloads not read yet


def _reading(payloads: tuple) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """What a name match's payloads ((kind, person id, spelling), ...) say: None for only `not:`
    names or the names of several people; else (person id, its curated spellings found there, the
    same in lower case)."""
    ids = dict.fromkeys(pid for kind, pid, _ in payloads if kind == "name")
    if len(ids) != 1:
        return None
    (pid,) = ids
    spellings = tuple(c for kind, p, c in payloads if kind == "name" and p == pid)
    return pid, spellings, tuple(c.lower() for c in spellings)


class _NearMisses:
    """The near-miss check of one text: the index's name words, and the run's memo of verdicts."""

    __slots__ = ("index", "folds", "closest", "suspects")

    def __init__(self, index: NameIndex, memo: Memo):
        self.index = index
        self.folds = memo.name_folds
        self.closest = memo.name_closest
        self.suspects = memo.name_suspects

    def find(self, text: str, covered: list[tuple[int, int]]) -> list[NameMention]:
        # Each distinct capitalized word is judged once (and remembered across texts); most texts
        # have no suspect at all, and then no position is looked at.
        suspects = self.suspects
        capitalized = set(_CAPITALIZED.findall(text))
        fresh = {w: self._suspect(w) for w in capitalized.difference(suspects)}  # words not judged before
        if not any(fresh.values()) and not any(map(suspects.get, capitalized)):
            return []
        judged = {w: fresh[w] if w in fresh else suspects[w] for w in capitalized}
        out = []
        spans = sorted(covered)
        ends = [e for _, e in spans]
        words = list(_CAPITALIZED.finditer(text))
        surnames = self.index._surnames
        others: set[str] = set()  # suspect words seen in another name
        for n, m in enumerate(words):
            suspect = judged[m.group()]
            if suspect is None:
                continue
            k = bisect_right(ends, m.start())  # the first known name ending after this word starts
            if k < len(spans) and spans[k][0] < m.end():
                continue  # part of a known name
            word, dist, cand, owners = suspect
            if len(owners) == 1:
                pid, canonical_word = owners[0]
                beside = self._beside_own_name(text, words, n, pid, cand) or self._after_title(text, m.start(), pid)
            else:
                # a word of several names ("Reserve": the Federal Reserve, the Gold Reserve Act):
                # the name whose other word stands beside it ("Federal Rxserve"), else no one
                near = [(p, c) for p, c in owners if self._beside_own_name(text, words, n, p, cand)]
                if len(near) != 1:
                    continue
                (pid, canonical_word), beside = near[0], True
            # beside another word of the same name or after the person's title, one edit is enough
            # evidence (two in a longer word); alone, only a surname long enough that a look-alike
            # is unlikely (judged first: it needs no table)
            limit = edits_beside(cand) if beside else (allowed_edits(cand) if cand in surnames else 0)
            if dist > limit or dist == 0:
                continue
            key = self._fold(word)
            if key in (cand + "s", cand + "es") and _after_the(text, m.start()):
                continue  # a family ("the Clintons", "the Weiners' marriage"), not "Clements"
            organization = pid not in self.index._persons
            if (
                self._common(m.group(), word)
                and (not beside or _starts_sentence(text, m.start()) and not self._first_name_of(text, words, n, pid, cand))
                and not (
                    dist == 1
                    and (_speaker_slot(text, m.start(), m.end()) or organization and self._used_as_name(text, m, spans))
                )
            ):
                continue  # a word of the language ("Former", "London", "Christian"; "Like Allen, ..."),
                # unless, one edit away, it is where a speaker stands ("said Clements.") or, for an
                # organization, where only a name can stand mid-sentence ("Boxing's plant", "Boxing
                # and Airbus"); two edits from a name, a word is the word ("Engineering and Medicine noted")
            if not beside and self._in_another_name(text, words, n, organization):
                others.add(word)
                continue  # "Fareed Zakaria", "Bucknell University", "La Guardia": someone or something else
            out.append(NameMention(m.start(), m.start() + len(word), pid, canonical_word, True))
        # a word that is part of another name somewhere in the text is that name's word everywhere
        # in it: "Boreing said" after "Jeremy Boreing", "Bucknell" after "Bucknell University"
        return [m for m in out if text[m.start : m.end] not in others] if others else out

    def _suspect(self, written: str) -> tuple[str, int, str, tuple[tuple[str, str], ...]] | None:
        """A capitalized word as written, when it is no known name word but near a curated name
        word: (the word without its possessive, distance, the name word folded, its owners as
        (person id, the name word as curated) pairs, one per person)."""
        word = written[:-2] if written.endswith(("’s", "'s")) else written
        key = self._fold(word)
        verdict = None
        index = self.index
        if key not in index._known and len(key) >= 4 and _LETTERS_ONLY.sub("", key) not in index._joined:
            best = self._closest(key)
            if best is not None:
                dist, cand = best
                owners: dict[str, str] = {}
                # (more edits than even a word beside its own name may have: no one's)
                if dist <= edits_beside(cand) and _unaccented(key) != _unaccented(cand):  # else the same letters ("Supre" / "Supré")
                    persons = index._persons
                    for pid, canonical_word in index._words[cand]:
                        if pid not in persons and (
                            _ending_only(key, cand)  # "Minister" / "Ministry", "Russia" / "Russian"
                            or _spelling_variant(key, cand)  # "Defence" / "Defense"
                            or key in (cand + "s", cand + "es")  # a plural
                            or cand in (key + "s", key + "es")  # one of a group ("Puerto Rican")
                        ):
                            continue  # another form of an organization's word
                        owners.setdefault(pid, canonical_word)
                if owners:
                    verdict = (word, dist, cand, tuple(owners.items()))
        return self.suspects.remember(written, verdict)

    def _common(self, written: str, word: str) -> bool:
        """Whether a word (as written, or without its possessive) is a word of the language."""
        common = common_words()
        return word.lower() in common or written.lower().replace("’", "'") in common

    def _fold(self, word: str) -> str:
        key = self.folds.get(word)
        if key is None:
            key = self.folds.remember(word, fold(word))
        return key

    def _closest(self, key: str) -> tuple[int, str] | None:
        """The nearest curated name word to `key` and its distance (remembered: words recur)."""
        if key in self.closest:
            return self.closest[key]
        best = None
        deletes = self.index._deletes
        for d in _deletes(key, edits_beside(key)):
            found = deletes.get(d)
            if found is None:
                continue
            for cand in (found,) if isinstance(found, str) else found:
                dist = damerau(key, cand, 2)
                if dist <= 2 and (best is None or (dist, cand) < best):
                    best = (dist, cand)
        return self.closest.remember(key, best)

    def _after_title(self, text: str, start: int, pid: str) -> bool:
        """Whether the word right before `start` ends one of the person's curated titles
        ("Chancellor Mirkle", "spokesman Jon Kirbi")."""
        titles = self.index._titles.get(pid)
        if not titles:
            return False
        end = start
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        if end == start:
            return False
        lo = end
        while lo > 0 and (text[lo - 1].isalpha() or text[lo - 1] in "-.'’"):
            lo -= 1
        return fold(text[lo:end].strip(".")) in titles

    def _beside_own_name(self, text: str, words, n: int, pid: str, cand: str) -> bool:
        """Whether a neighbour of `words[n]` is another word of the person's name, on the side it
        stands on in the name ("Federal Rxserve"; "Port Washington" is no "Washington Post")."""
        order = self.index._order
        for j in (n - 1, n + 1):
            if 0 <= j < len(words):
                gap = text[min(words[j].end(), words[n].end()) : max(words[j].start(), words[n].start())]
                key = self._fold(words[j].group())
                # (an initial is no evidence: "Plan B." is no "Alan B. Krueger")
                if gap.strip() == "" and len(key) >= 2 and ((pid, key, cand) if j < n else (pid, cand, key)) in order:
                    return True
        return False

    def _first_name_of(self, text: str, words, n: int, pid: str, cand: str) -> bool:
        """Whether `words[n]`, opening a sentence, is read as a name: written, a space between,
        before the next word of the person's name ("Lindsay Walker" for Lindsey Walker, "Hilary
        Walker" for Hillary Walker), and not among the very common words of the language (Zipf 4.5
        and up: "Like Baker, ...", "Will Walker ...") nor an opener or auxiliary."""
        word = words[n].group().lower()
        if word in common_words(_VERY_COMMON) or word in _OPENERS or word in words_table("auxiliaries.txt"):
            return False
        if n + 1 >= len(words) or text[words[n].end() : words[n + 1].start()] not in (" ", "\u00a0"):
            return False
        return (pid, cand, self._fold(words[n + 1].group())) in self.index._order

    def _used_as_name(self, text: str, m, spans: list[tuple[int, int]]) -> bool:
        """Whether a capitalised word of the language stands mid-sentence where only a name can:
        a possessive ("delayed by Boxing's suppliers"), before a role ("Boxing spokesman Ann
        Cole"), an auxiliary verb ("Boxing has announced") or a model number ("60 Boxing 787s"),
        or joined by "and"/"or" to a curated name ("between Boxing and Aeroflot")."""
        if _starts_sentence(text, m.start()):
            return False
        if m.group().endswith(("’s", "'s")):
            return True
        words = _WORD_AT.findall(text, m.end(), m.end() + 40)[:3]
        status = title_status()
        while words and words[0].lower() in status and status[words[0].lower()] & _STATUS_BEFORE_ROLE:
            words.pop(0)
        if words and words[0].lower() in _role_heads():
            return True  # before a role ("Boxing vice president", "Boxing Executive Vice President")
        nxt = _NEXT_TOKEN.match(text, m.end())
        if nxt is not None:
            token = nxt.group(1)
            if token.lower() in words_table("auxiliaries.txt"):
                return True  # a subject ("Boxing has announced", "Boxing will begin")
            if any(c.isdigit() for c in token) and not _YEAR.fullmatch(token):
                return True  # a maker before its model ("Boxing 787", "Nokxa N95"), not a year ("Spring 2010")
        after = _JOINED_AFTER.match(text, m.end())
        if after is not None and any(s == after.end() for s, _ in spans):
            return True
        before = _JOINED_BEFORE.search(text, max(0, m.start() - 6), m.start())
        return before is not None and any(e == before.start() for _, e in spans)

    def _in_another_name(self, text: str, words, n: int, organization: bool = False) -> bool:
        """Whether the capitalised word `words[n]` stands in a run of capitalised words that is
        another name: a neighbour with only a space between that is no title or honorific ("Mr.",
        "President"), no modifier ("Chicago-based"), before it no common word opening the sentence
        ("Yesterday Shoigu") and, after an organization's word, not only words of the language up
        to the run's end or a role ("Boexng Commercial Airplanes": a part of the organization)."""
        roles, titles, particles = role_words(), honorifics(), words_table("name_particles.txt")
        common = common_words()
        for j in (n - 1, n + 1):
            if not 0 <= j < len(words):
                continue
            a, b = (words[j], words[n]) if j < n else (words[n], words[j])
            if text[a.end() : b.start()] not in (" ", "\u00a0"):
                continue
            w = words[j].group()
            if any(c.isdigit() for c in w) or a.group().endswith(("’s", "'s")):
                continue  # a model ("Airbus A380") or a possessive ("Shoigu's North Korea trip")
            low = w.lower().rstrip(".")
            if low in roles or low in titles:
                continue
            tail = low.rsplit("-", 1)[-1]
            if tail != low and len(tail) >= 3 and w.rsplit("-", 1)[-1].islower() and tail in common:
                continue  # a modifier ("Chicago-based", "Saudi-led"), no part of a name
            if j < n and _starts_sentence(text, words[j].start()) and low in common and low not in particles:
                continue
            if j > n and organization and self._part_of(text, words, n, (roles, titles), common):
                continue
            return True
        return False

    @staticmethod
    def _part_of(text: str, words, n: int, stops, common) -> bool:
        """Whether the capitalised words after an organization's word `words[n]`, up to the end of
        their run or a role, are all words of the language ("Bxeing Commercial Airplanes CEO")."""
        k = n + 1
        while k < len(words) and text[words[k - 1].end() : words[k].start()] in (" ", "\u00a0"):
            low = words[k].group().lower().rstrip(".")
            if any(low in stop for stop in stops):
                break
            if low not in common:
                return False
            k += 1
        return True
