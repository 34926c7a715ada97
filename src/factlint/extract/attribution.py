"""Who speaks a quote: ordered sieves, each precise, abstaining when none applies.

`attribute(prose, quotes, speakers)` first reads the people of the text once (`read_people`):

- curated names, aliases and titles, matched with their capital letters (a lower-case common word
  is never a name: "young voters" is not Ms. Young), a one-word name only where it is not part of a
  longer proper name ("the White House", "Clinton Foundation");
- a curated surname ("Clinton") stands for the person of that surname named in full most recently
  before it ("Hillary Clinton ... Clinton said"); a first name or a middle initial before it picks
  the person ("Donald J. Trump"); another capitalised word that is neither a title nor an honorific
  makes it someone else ("Bill Clinton" is not Hillary Clinton);
- people who are not curated but are named with a known first name ("John Smith") or an honorific
  ("Mr. Smith") are read too, as nobody's: they compete for "he" and "she", and are never credited;
- the gender of each mention, from an honorific before it (Mr., Ms.) or a first name.

Then each quote goes through the sieves in order; the first that finds a speaker wins:

1. after the quote: "...," Kirby said / said Rep. Ann Marsh / Kirby, the spokesman, said / he
   added / "...?" Adams asked / "..." — Kirby;
2. just before it: Kirby said: "..." / Kirby told reporters, "..." / According to Kirby, "..." /
   a paragraph opening "Kirby:";
3. the clause before a partial quote: Kirby said the talks were "actively advancing" (the
   speaker is the verb's subject, never a name after the verb: in `She says Walker stands for
   "the old way"` she speaks);
4. the sentence just before, ending in a speech verb ("Kirby told AFP.");
5. continuation: a second quote in the paragraph, or a quote alone in its paragraph right after
   the previous speaker's quote, when no other person is named in between.

A pronoun ("he said") goes to the person the previous quote was credited to, when nobody else of
that gender is named since; otherwise to the nearest earlier person of matching gender who is not
an object ("an email to Smith"), not inside quotation marks, not only a possessive, and not the
subject of what another is reported to say ("Reed said Baker has kept in touch": Reed). The subject
of the clause being a written thing ("the ad says", "the letter reads") makes the quote a quoted
document, not speech.

Every attribution says which sieve found it and whether it is `confident`: a name or title next to
the speech verb, or a pronoun with exactly one candidate. Only a confident attribution may accuse
a text of misattributing a quote (FL202).
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Collection
from datetime import date

from dataclasses import field
from functools import cache
from operator import itemgetter
from typing import NamedTuple

from ..prose import Prose
from ..records import dataclass
from ..vocab import first_name_genders, honorifics, role_words, speech_verbs, tagged, tagged_words, words
from .phrases import PhraseMatcher, Scan, fold
from .quotes import Quote
from ..patterns import kept_re, lazy_re, lazy_regex

_PRONOUNS = {"he": ("person", "m"), "she": ("person", "f"), "they": ("group", None)}
# The function words the reader tells apart from names, by their uses (data/function_words.txt)
_COORDINATORS = tagged_words("function_words.txt", "coordinator")  # "Smith and Jones"
_OPENERS = tagged_words("function_words.txt", "opener")  # capitalised, not names: "But Clinton said"
_DASHES = "—―–-"
_QUOTE_CHARS = "\"“”„«»"
_SENTENCE_END = lazy_re(r"[.!?]")
_WORD = lazy_re(r"[^\W\d_][\w'’.-]*")
_CAPITALISED = lazy_re(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*")
# a person not curated: a known first name, an optional initial or middle name, a capitalised word
_OTHER_PERSON = lazy_re(
    r"(?P<first>[A-Z][a-z]+)(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+)?\s+(?P<last>[A-Z][\w'’-]*[a-z])\b"
    r"|(?P<hon>[A-Z][a-z]{1,6})\.?\s+(?P<hlast>[A-Z][\w'’-]*[a-z])\b"
)


@cache
def _other_starts() -> frozenset[str]:
    """The words an uncurated person's name can start with: a known first name, or an honorific that
    gives a gender (Mr., Mrs., Ms., Miss, Sir...)."""
    return frozenset(first_name_genders()) | {h for h, g in honorifics().items() if g}


@dataclass(frozen=True)
class Attribution:
    """Who a quote is attributed to: a person id, or None with the reason it abstained.

    `rule` is the sieve that decided (after, before, colon, dash, sentence, continuation, document
    or abstain); `cue_at` where the words that name the speaker start; `via` how the speaker was named: name, title, pronoun (one person of its gender
    read before it), pronoun-guess (several: the nearest was taken), continuation, or other (the
    text names someone who is not curated); `confident` whether that is enough to call the quote
    misattributed.
    """

    speaker: str | None
    rule: str
    cue: str = ""
    via: str = ""
    confident: bool = False
    cue_at: int = -1  # where the cue starts in the text (-1: no cue)


class Mention(NamedTuple):
    """A person in the text: a curated one (`ids`, one or several candidates) or another (`ids`
    empty), how it was named, its gender when known, and whether it is only a possessive. (A
    NamedTuple: immutable, and made thousands of times an article.)"""

    start: int
    end: int
    ids: tuple[str, ...]
    how: str  # name, surname, title, other
    gender: str | None = None
    possessive: bool = False


@dataclass(frozen=True)
class SpeakerIndex:
    """Names, aliases, surnames and titles of the curated people, for finding speakers in a text."""

    matcher: PhraseMatcher  # phrase -> (how, person id, written with a capital)
    kinds: dict[str, str]
    genders: dict[str, str | None]
    first_names: dict[str, str] = field(default_factory=dict)  # person id -> first name, lower case
    surnames: dict[str, str] = field(default_factory=dict)  # person id -> surname, lower case
    # a curated title, folded -> person id -> the (from, until) windows it is held in (None: open)
    title_windows: dict[str, dict[str, list[tuple[date | None, date | None]]]] = field(default_factory=dict)
    # how each set of payloads reads (`_reading`), filled as texts are read: the same names recur
    readings: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, facts) -> "SpeakerIndex":
        entries = []
        kinds: dict[str, str] = {}
        genders: dict[str, str | None] = {}
        firsts: dict[str, str] = {}
        lasts: dict[str, str] = {}
        windows: dict[str, dict[str, list[tuple[date | None, date | None]]]] = {}
        table = first_name_genders()
        hon = honorifics()
        for p in facts.people if facts else ():
            kinds[p.id] = p.kind
            own = {n.lower() for n in p.names}
            for name in p.names:
                capital = name[:1].isupper()
                entries.append((name, ("name", p.id, capital)))
            for t in p.titles:
                entries.append((t.text, ("title", p.id, False)))
                windows.setdefault(fold(t.text), {}).setdefault(p.id, []).append((t.valid_from, t.valid_until))
            if p.kind != "person":
                continue
            parts = [w for w in p.name.replace(",", " ").split() if w.lower().rstrip(".") not in hon]
            while len(parts) > 1 and parts[-1].lower().rstrip(".") in words("name_suffixes.txt"):
                parts.pop()
            if len(parts) >= 2:
                first = parts[0].lower()
                firsts[p.id] = first
                genders[p.id] = table.get(first)
                last = parts[-1]
                lasts[p.id] = last.lower()
                # a surname of three letters or more ("Un" of "Kim Jong Un" would be every "UN")
                if last.lower() not in own and last[:1].isupper() and len(last.strip(".")) >= 3:
                    entries.append((last, ("surname", p.id, True)))
        return cls(PhraseMatcher(entries), kinds, genders, firsts, lasts, windows)

    def holding(self, title: str, ids: tuple[str, ...], day: date | None) -> tuple[str, ...]:
        """The people of `ids` whose curated `title` is held on `day` (all of them when `day` is
        None or the title gives no dates)."""
        if day is None:
            return ids
        windows = self.title_windows.get(fold(title), {})
        return tuple(pid for pid in ids if pid not in windows or any(
            (lo is None or lo <= day) and (hi is None or day <= hi) for lo, hi in windows[pid]))


# ------------------------------------------------------------------------------------------------
# People in the text


_POSSESSIVE = ("'s", "’s")


def _is_possessive(text: str, end: int) -> bool:
    """Whether the name ending at `end` is a possessive: "Kirby's", "Harris'", "Sanders’"."""
    if text.startswith(_POSSESSIVE, end):
        return not text[end + 2 : end + 3].isalnum()
    return text[end - 1 : end] == "s" and text[end : end + 1] in "'’" and not text[end + 1 : end + 2].isalnum()


def _reading(speakers: SpeakerIndex, payloads: tuple) -> tuple[tuple[str, ...], str, bool, tuple[str, ...]]:
    """(ids, how, needs capitals, surnamed) for a phrase's payloads: the highest level wins (a name
    over a surname over a title); `surnamed`: for a name, the other people it is the surname of
    ("Sanders", one's alias, the surname of another)."""
    for how in ("name", "surname", "title"):
        chosen = [(pid, cap) for level, pid, cap in payloads if level == how]
        if chosen:
            break
    ids = tuple(dict.fromkeys(pid for pid, _ in chosen))
    needs_caps = any(cap and speakers.kinds.get(pid) == "person" for pid, cap in chosen)
    surnamed = tuple(dict.fromkeys(pid for level, pid, _ in payloads if level == "surname" and pid not in ids)) if how == "name" else ()
    return ids, how, needs_caps, surnamed


def _curated_mentions(speakers: SpeakerIndex, scan: Scan, text: str, surnamed: dict[int, tuple[str, ...]]) -> list[Mention]:
    """The curated names, surnames and titles of the text, the capitals of a name as curated;
    `surnamed` gets, by start, the other people a name is the surname of."""
    out = []
    readings = speakers.readings
    for start, end, payloads in speakers.matcher.find(scan):
        r = readings.get(payloads)
        if r is None:
            r = readings[payloads] = _reading(speakers, payloads)
        ids, how, needs_caps, also = r
        if also:
            surnamed[start] = also
        if needs_caps:
            last_word = text.rfind(" ", start, end) + 1 or start
            if not text[start].isupper() or not (text[max(last_word, start)].isupper()):
                continue  # "young voters", "a little late": a common word, not a name
            if end - start <= 4 and text[start:end].isupper():
                continue  # an acronym ("UN", "FED"), not a short name written in capitals
        out.append(Mention(start, end, ids, how, None, _is_possessive(text, end)))
    return out


# the word before an offset (read backwards, from the offset: no scan of the text before it) and
# the word after one, each across spaces and tabs only; words keep their periods ("Mr.", "U.S."),
# apostrophes and hyphens
_PREVIOUS_WORD = lazy_regex(r"(?r)((?:[^\W_]|[.'’-])*)[ \t\u00a0]*")
_NEXT_WORD = lazy_regex(r"[ \t\u00a0]+((?:[^\W_]|['’-])*)")


# The same words read character by character while the characters are ASCII (or ’ or a no-break
# space), the patterns asked only when a character of another script ends the walk (whether it is
# a letter, `[^\W_]`, is theirs to say): a pattern call costs several times a short walk.
_SPACES = " \t\u00a0"
_WORD_BEFORE_CHARS = frozenset(string.ascii_letters + string.digits + ".'’-")
_WORD_AFTER_CHARS = _WORD_BEFORE_CHARS - {"."}


def _word_before(text: str, pos: int) -> tuple[int, str]:
    """(start, word) of the word ending before `pos` across white space only ("" if none)."""
    pos = min(pos, len(text))
    i = pos
    while i > 0 and text[i - 1] in _SPACES:
        i -= 1
    j = i
    while j > 0 and text[j - 1] in _WORD_BEFORE_CHARS:
        j -= 1
    if j > 0 and not text[j - 1].isascii():
        m = _PREVIOUS_WORD.match(text, 0, pos)
        assert m is not None  # the pattern matches the empty string
        return m.start(1), m.group(1)
    return j, text[j:i]


def _word_after(text: str, pos: int) -> str:
    """The word starting after white space at `pos` ("" when none, or when no space comes first)."""
    n = len(text)
    i = pos
    while i < n and text[i] in _SPACES:
        i += 1
    if i == pos:
        return ""
    j = i
    while j < n and text[j] in _WORD_AFTER_CHARS:
        j += 1
    if j < n and not text[j].isascii():
        m = _NEXT_WORD.match(text, pos)
        return m.group(1) if m else ""
    return text[i:j]


def read_people(
    prose: Prose, speakers: SpeakerIndex, quotes: list[Quote], where: list[tuple[int, int]] | None = None,
    misspelled: Collection[tuple[int, str]] = (),
) -> list[Mention]:
    """Every person named in the text outside quotation marks, in order (see the module); with
    `where` (sorted, disjoint spans), only those inside the spans, the full names before them still
    read for the surnames that follow. `misspelled`: (start, person id) of the words the names
    reader took for a misspelling of a curated person's name ("Lindsay" of Lindsey Walker): before
    that person's surname, such a word names them, not someone else."""
    text = prose.text
    spans = where if where is not None else [(0, len(text))]
    at = 0  # the first span that can hold the next mention (mentions come in order)

    def wanted(pos: int) -> bool:
        nonlocal at
        while at < len(spans) and spans[at][1] <= pos:
            at += 1
        return at < len(spans) and spans[at][0] <= pos
    hon = honorifics()
    roles = role_words()
    firsts_table = first_name_genders()
    says = speech_verbs().forms
    inside = sorted((q.start, q.end) for q in quotes if not q.nested)

    def quoted(pos: int) -> bool:
        i = bisect.bisect_right(inside, (pos, len(text) + 1)) - 1
        return i >= 0 and inside[i][0] <= pos < inside[i][1]

    out: list[Mention] = []
    last_full: dict[str, int] = {}
    also_surname: dict[int, tuple[str, ...]] = {}
    curated = _curated_mentions(speakers, prose.scan, text, also_surname)
    others: list[Mention] = []
    surnamed: dict[str, list[int]] = {}  # surname -> where people not curated were named with it
    # people not curated, named with a known first name or an honorific
    taken = sorted((m.start, m.end) for m in curated)
    scan = prose.scan
    known = scan.vocab & _other_starts()
    last_end = -1
    for k in scan.where(known) if known else ():
        at_k = scan.starts[k]
        if at_k < last_end or not wanted(at_k):
            continue  # "Paul" inside "John Paul Smith"; or far from any quote
        i = bisect.bisect_right(taken, (at_k, 1 << 62)) - 1
        if i >= 0 and taken[i][1] > at_k:
            continue  # inside a curated person's name ("John Kirby")
        pm = _OTHER_PERSON.match(text, at_k)
        if pm is None:
            continue
        last_end = pm.end()
        first = (pm.group("first") or "").lower()
        if pm.group("first") and first not in firsts_table:
            continue
        if pm.group("hon") and not hon.get(pm.group("hon").lower()):
            continue  # only an honorific that gives a gender names someone: "Mr. Smith"
        i = bisect.bisect_right(taken, (pm.end(), pm.end())) - 1
        if i >= 0 and taken[i][1] > pm.start():
            continue  # a curated person's name
        if quoted(pm.start()):
            continue
        gender = firsts_table.get(first) if first else hon.get(pm.group("hon").lower())
        possessive = _is_possessive(text, pm.end())
        others.append(Mention(pm.start(), pm.end(), (), "other", gender, possessive))
        surnamed.setdefault(_last_word(pm.group()).lower(), []).append(pm.start())
    def introduce(pid: str, start: int, full: bool) -> None:
        """A name at `start` introduces its surname; a full name (`full`) with the other of a couple
        named before it ("Omar and Leila Haddad"), that one's too, named there."""
        last_full[pid] = start
        if full:
            couple = _couple(text, start, pid, speakers)
            if couple is not None:
                c_start, c_end, other = couple
                last_full[other] = start
                out.append(Mention(c_start, c_end, (other,), "name", speakers.genders.get(other)))

    at = 0
    for m in _outside(curated, inside):  # not inside quotation marks
        start, ids, how, gender = m.start, m.ids, m.how, None
        written = text[m.start : m.end]
        one_word = " " not in written and "-" not in written
        if not wanted(m.start):
            if how == "name" and len(ids) == 1 and not one_word and written[0].isupper():
                introduce(ids[0], start, True)  # a full name far from any quote still introduces a surname
            continue
        if how == "name" and not one_word and len(ids) == 1 and speakers.genders.get(ids[0]) and written[0].isupper():
            # a full name of a person whose gender is known: only a suffix can make it someone else
            if not m.possessive and _word_after(text, m.end).lower().rstrip(".") in words("name_suffixes.txt"):
                out.append(Mention(m.start, m.end, (), "other", None, m.possessive))
                continue
            introduce(ids[0], start, True)
            out.append(Mention(start, m.end, ids, how, speakers.genders[ids[0]], m.possessive))
            continue
        if how in ("name", "surname") and ids and written[0].isupper():
            nxt = _word_after(text, m.end)
            if m.possessive:
                nxt = ""
            if nxt[:1].isupper() and nxt.lower() not in says and (one_word or nxt.lower().rstrip(".") in words("name_suffixes.txt")):
                # part of a longer proper name: "White House", "Clinton Foundation", "Trump Jr."
                if nxt.lower().rstrip(".") in words("name_suffixes.txt"):
                    out.append(Mention(m.start, m.end, (), "other", None, m.possessive))
                continue
            b_start, before = _word_before(text, m.start)
            if one_word and before.lower() == "the":
                continue  # "the Guardian", "the Trump": a paper, a family, not a person
            initial = None
            if len(before) == 2 and before[1] == "." and before[0].isupper():  # "Donald J. Trump": past the initial
                initial = before
                b_start, before = _word_before(text, b_start)
            key = before.lower().rstrip(".")
            if key in hon:
                gender = hon[key]
            if before[:1].isupper() and key not in hon and key not in roles and one_word:
                lead = text[max(0, b_start - 8) : b_start].rstrip(" \t")
                at_sentence_start = not lead or lead[-1] in ".!?\n\"“”"
                matching = [pid for pid in ids if speakers.first_names.get(pid) == key or (b_start, pid) in misspelled]
                if matching:
                    ids, how, start = tuple(matching), "name", b_start
                elif not (at_sentence_start and key in _OPENERS) and not initial:
                    out.append(Mention(b_start, m.end, (), "other", firsts_table.get(key), m.possessive))
                    continue
        also = also_surname.get(m.start, ())
        if how == "name" and one_word and also and not any(pid in last_full for pid in ids):
            # one person's alias and another's surname: the one this text named in full ("Felicia
            # Sanders ... Sanders said", where "Sanders" is curated as Bernie Sanders's alias)
            named = sorted((last_full[pid], pid) for pid in also if pid in last_full)
            if len(named) > 1 and named[-2][0] > start - _WINDOW_CHARS:
                out.append(Mention(start, m.end, (), "other", gender, m.possessive))
                continue  # two of them named not long ago: either
            if named:
                ids = (named[-1][1],)
        if how == "surname" or (how == "name" and len(ids) > 1):
            if gender:
                fitting = tuple(pid for pid in ids if speakers.genders.get(pid) in (gender, None))
                ids = fitting or ids
            if len(ids) > 1:
                recent = sorted((last_full[pid], pid) for pid in ids if pid in last_full)
                if len(recent) > 1 and recent[-2][0] > start - _WINDOW_CHARS:
                    ids = ()  # two people of that surname named not long ago: "Scott said" is either
                elif recent:
                    ids = (recent[-1][1],)
                if not ids:
                    out.append(Mention(start, m.end, (), "other", gender, m.possessive))
                    continue
        if one_word and how in ("name", "surname") and len(ids) == 1 and _competitor(
            surnamed.get(written.lower(), ()), last_full.get(ids[0], start - _WINDOW_CHARS), start
        ):
            # someone else of that surname named since ("Mike Johnson ... Boris Johnson ... Johnson said")
            out.append(Mention(start, m.end, (), "other", gender, m.possessive))
            continue
        if how == "surname" and not any(pid in last_full for pid in ids) and (key := key_before(text, start)) not in hon \
                and key not in roles:
            # a surname nobody was introduced by: a place ("Avignon, France"), a thing, someone else
            out.append(Mention(start, m.end, (), "other", gender, m.possessive))
            continue
        if how == "name" and len(ids) == 1:
            introduce(ids[0], start, not one_word)
        if gender is None and len(ids) == 1:
            gender = speakers.genders.get(ids[0])
        out.append(Mention(start, m.end, ids, how, gender, m.possessive))
    out.extend(others)
    out.sort(key=_START_END)
    return out


_START_END = itemgetter(0, 1)  # a mention's (start, end)


def _couple(text: str, start: int, pid: str, speakers: SpeakerIndex) -> tuple[int, int, str] | None:
    """The other curated person of a couple named with one surname before the full name at `start`
    ("Omar and Leila Haddad": Omar Haddad), as (start, end, person id): the word before a
    coordinator ("and", "&": `function_words.txt`) is the first name of another curated person of
    that surname."""
    surname = speakers.surnames.get(pid)
    if surname is None:
        return None
    a_start, a = _word_before(text, start)
    if a.lower() not in _COORDINATORS:
        return None
    f_start, first = _word_before(text, a_start)
    if not first[:1].isupper():
        return None
    key = first.lower()
    for other, name in speakers.first_names.items():
        if name == key and other != pid and speakers.surnames.get(other) == surname:
            return f_start, f_start + len(first), other
    return None


def _last_word(name: str) -> str:
    return name.rsplit(None, 1)[-1]


def _competitor(positions, since: int, before: int) -> bool:
    """Whether someone not curated was named with the surname in (since, before)."""
    i = bisect.bisect_right(positions, since)
    return i < len(positions) and positions[i] < before


def key_before(text: str, pos: int) -> str:
    """The word before `pos`, lower case, without its period."""
    return _word_before(text, pos)[1].lower().rstrip(".")


# ------------------------------------------------------------------------------------------------
# The sieves


@dataclass
class _Doc:
    """What the sieves read about one document (built once per `attribute` call)."""

    prose: Prose
    speakers: SpeakerIndex
    people: list[Mention]
    starts: list[int]  # the people's starts, for bisect
    verbs: list[tuple[int, int]]  # speech verbs outside quotation marks
    inside: list[tuple[int, int]]  # quote spans
    credited: list[tuple[int, str, str | None]] = field(default_factory=list)  # (offset, person, gender) of confident attributions
    # the last quote credited through a pronoun: (offset, pronoun, person, via, confident)
    last_pronoun: tuple[int, str, str, str, bool] | None = None
    reference: date | None = None  # the article's date: a title alone names who holds it then
    p_starts: list[int] = field(default_factory=list)  # the paragraphs' starts, for bisect
    windows: dict[int, int] = field(default_factory=dict)  # paragraph index -> `_window_start`
    nonblank: list[int] | None = None  # indices of the paragraphs that hold text, found on first use

    def __post_init__(self) -> None:
        self.p_starts = [p[0] for p in self.prose.paragraphs]

    @property
    def text(self) -> str:
        return self.prose.text

    def mentions_between(self, lo: int, hi: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, lo)
        out = []
        while i < len(self.people) and self.people[i].start < hi:
            if self.people[i].end <= hi:
                out.append(self.people[i])
            i += 1
        return out

    def mention_ending_at(self, pos: int, lo: int) -> Mention | None:
        """The person whose mention ends at `pos` (or just before an abbreviation's period there)."""
        m = self._ending_at(pos, lo)
        if m is None and pos > lo and self.text[pos - 1] == ".":
            m = self._ending_at(pos - 1, lo)
        return m

    def _ending_at(self, pos: int, lo: int) -> Mention | None:
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0 and self.people[i].start >= lo:
            m = self.people[i]
            if m.end == pos:
                return m
            if m.end < pos:
                return None
            i -= 1
        return None

    def first_verb(self, lo: int, hi: int, end: int) -> tuple[int, int] | None:
        """The first speech verb starting in [lo, hi) and ending by `end`, without listing the
        others (as `verbs_between` would)."""
        verbs = self.verbs
        i = bisect.bisect_left(verbs, (lo,))
        while i < len(verbs) and verbs[i][0] < hi:
            if verbs[i][1] <= end:
                return verbs[i]
            i += 1
        return None

    def verbs_between(self, lo: int, hi: int) -> list[tuple[int, int]]:
        i = bisect.bisect_left(self.verbs, (lo,))
        out = []
        while i < len(self.verbs) and self.verbs[i][0] < hi:
            if self.verbs[i][1] <= hi:
                out.append(self.verbs[i])
            i += 1
        return out


class _Who(NamedTuple):
    """What a sieve read as the speaker: a mention, a pronoun, a written thing, or nothing. (A
    NamedTuple, as `Mention`: immutable, and made several times for each quote.)"""

    mention: Mention | None = None
    pronoun: str = ""
    at: int = 0
    document: bool = False
    reason: str = ""


def _strip_end(text: str, lo: int, pos: int) -> int:
    while pos > lo and text[pos - 1] in " \t\n\r\u00a0":
        pos -= 1
    return pos


def _adverbial(word: str) -> bool:
    w = word.lower()
    return w in words("speech_adverbs.txt") or (word[:1].islower() and w.endswith("ly") and len(w) > 4)


def _subject_of(d: _Doc, v_start: int, lo: int) -> _Who:
    """The subject of the speech verb at `v_start`, read leftwards no further than `lo`: a person
    right before it ("Kirby said"), past adverbs ("Kirby also said"), a parenthesis ("Cruz
    (R-Texas) said") or an apposition ("Kirby, the spokesman, said"; "a spokeswoman, Anna White,
    said"); a pronoun; or a written thing ("the ad says")."""
    text = d.text
    pos = _strip_end(text, lo, v_start)
    # skip adverbs and auxiliaries: "also", "has repeatedly", "later"
    for _ in range(3):
        w_start, w = _word_before(text, pos)
        if w and w_start >= lo and _adverbial(w):
            pos = _strip_end(text, lo, w_start)
        else:
            break
    if pos > lo and text[pos - 1] == ")":
        open_at = text.rfind("(", lo, pos)
        if open_at == -1 or pos - open_at > 40:
            return _Who(reason="the speaker is not a curated person")
        pos = _strip_end(text, lo, open_at)
    if pos > lo and text[pos - 1] == ",":
        comma = pos - 1
        end = _strip_end(text, lo, comma)
        m = d.mention_ending_at(end, lo)
        earlier = text.rfind(",", lo, end)
        if earlier != -1 and end - earlier <= 100 and not any(c in text[earlier:end] for c in _QUOTE_CHARS):
            inner_start = earlier + 1
            while inner_start < end and text[inner_start] == " ":
                inner_start += 1
            if m is not None and not _only_title_words(text, inner_start, m.start):
                m = None
            if m is None:
                # "Kirby, the spokesman, said": the name before the apposition
                m = d.mention_ending_at(_strip_end(text, lo, earlier), lo)
                if m is None:
                    return _Who(reason="the speaker is not a curated person")
        elif m is None:
            return _Who(reason="the speaker is not a curated person")
        return _check_subject(d, m, lo)
    m = d.mention_ending_at(pos, lo)
    if m is not None:
        return _check_subject(d, m, lo)
    place = _OF_PLACE.search(text[max(lo, pos - 60) : pos])
    if place:  # "former Gov. Jeb Bush of Florida said"
        m = d.mention_ending_at(pos - len(place.group()), lo)
        if m is not None:
            return _check_subject(d, m, lo)
    w_start, w = _word_before(text, pos)
    if w_start >= lo and w.lower() in ("and", "but", "to", "then"):
        # "Clinton shook her head and said", "went on to say": the sentence's subject
        return _sentence_subject(d, lo, w_start)
    if w_start >= lo and w.lower() in _PRONOUNS:
        return _Who(pronoun=w.lower(), at=w_start)
    if w_start >= lo and w.lower() in words("documents.txt"):
        return _Who(document=True, reason=w.lower())
    return _Who(reason="the speaker is not a curated person")


_APPOSITIVE = lazy_re(r",\s+[A-Z]")  # ", Emmanuel Macron"
_SENTENCE_ENDS_SOON = lazy_re(r"(?:\s+[\w’'-]+){0,3}\s*[.]")  # "Trump said."
_THAT = lazy_re(r"\s+that\b")
_NEXT_QUOTE_OPENS = lazy_re(r"[^.!?\"“”]{0,60}?[,:]\s*[\"“]")  # 'writes back, "...'
_IN_A_THING = lazy_re(r"\s+in\s+(\w+)\s+(\w+)")  # "wrote in the report"
_ANOTHER_SUBJECT = lazy_re(r"\b(?:he|she|they|it|[A-Z][a-z]+s)\b")
_OF_PLACE = lazy_re(r"\s+of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\Z")  # "... of Florida"
_SHORT_TAIL = lazy_re(r"(?:[\w’'-]+\s+){0,2}[\w’'-]*\s*[.:]")  # "told AFP."


def _only_title_words(text: str, lo: int, hi: int) -> bool:
    """Whether [lo, hi) holds only words of a title: role words, honorifics, abbreviations."""
    roles, hon = role_words(), honorifics()
    for w in _WORD.findall(text, lo, hi):
        k = w.lower().rstrip(".")
        if k not in roles and k not in hon and not (w[:1].isupper() and len(w) <= 4 and w.endswith(".")):
            return False
    return True


_NOT_IN_A_TITLE = tagged_words("function_words.txt", "not-in-title")


def _title_phrase(text: str, lo: int, hi: int, most: int = 6) -> bool:
    """Whether [lo, hi) can be the title before a name: a few words ("Agriculture Secretary",
    "Florida's", "Pentagon spokesman Navy Capt.", "17-year-old") with no clause in them."""
    ws = _WORD.findall(text, lo, hi)
    if len(ws) > most or any(c in text[lo:hi] for c in ",;:!?()\"“”"):
        return False
    return not any(w.lower().rstrip(".") in _NOT_IN_A_TITLE for w in ws)


def _sentence_subject(d: _Doc, lo: int, hi: int) -> _Who:
    """The subject of the sentence in [lo, hi): its first person, named at its start (after an
    opening phrase ending in a comma, and title words), or a pronoun there; no other person may be
    named before `hi`, outside possessives and objects."""
    text = d.text
    sentence = d.prose.sentences.containing(hi) or (lo, hi)
    start = max(lo, sentence[0])
    people = [m for m in d.mentions_between(start, hi) if not m.possessive and not _is_object(text, m, start)]
    # a title in apposition after a name describes that name, rightly or not ("Kirby, director of
    # the Center ..., told AFP"): the name is the subject, the title no second person
    people = [m for i, m in enumerate(people) if not (
        i and m.how == "title" and people[i - 1].how != "title" and text[people[i - 1].end : m.start].strip() == ","
    )]
    head_end = people[0].start if people else hi
    head = text[start:head_end]
    if "," in head:  # "On Thursday, Rep. Hakeem Jeffries ..."
        opening = head[: head.rindex(",") + 1]
        head_start = start + len(opening)
    else:
        head_start = start
    if people:
        m = people[0]
        if len({x.ids or (x.start,) for x in people}) != 1:
            return _Who(reason="several names")
        if _title_phrase(text, head_start, m.start):
            return _check_subject(d, m, start)
        return _Who(reason="the speaker is not a curated person")
    w_start, w = _word_before(text, _first_word_end(text, head_start, hi))
    if w.lower() in _PRONOUNS and w_start >= head_start:
        return _Who(pronoun=w.lower(), at=w_start)
    return _Who(reason="the speaker is not a curated person")


def _first_word_end(text: str, lo: int, hi: int) -> int:
    m = _WORD.search(text, lo, hi)
    return m.end() if m else lo


def _check_subject(d: _Doc, m: Mention, lo: int) -> _Who:
    """A subject that is coordinated ("Kirby and Blinken said"), someone's possessive or an object
    ("a spokesman for Joe Biden said") is no one speaker."""
    if m.possessive:
        return _Who(reason="a possessive, not the speaker")
    text = d.text
    if _is_object(text, m, lo):
        return _Who(reason="the person named is not the speaker")
    pos = _strip_end(text, lo, m.start)
    w_start, w = _word_before(text, pos)
    if w.lower() in _COORDINATORS and w_start >= lo:
        return _Who(reason="several names")
    if pos > lo and text[pos - 1] == ",":
        other = d.mention_ending_at(_strip_end(text, lo, pos - 1), lo)
        if other is not None:
            if other.ids == m.ids and m.ids and not other.possessive:
                return _Who(mention=other)  # "Kim Yo-jong, sister of ...,": the name and its title
            if m.how == "title" and other.how != "title" and not other.possessive:
                # "Kirby, director of the Center ..., told AFP": the title, right or wrong, is in
                # apposition to the name; the name says who speaks
                return _Who(mention=other)
            return _Who(reason="several names")
    return _Who(mention=m)


def _name_after_verb(d: _Doc, v_end: int, hi: int) -> _Who:
    """The speaker named after an inverted verb: '..., said Rep. Ann Marsh' or 'said Clinton's
    spokesman, Brian Fallon'. Only title words may come between; a possessive names the speaker's
    principal, not the speaker."""
    text = d.text
    for m in d.mentions_between(v_end, hi):
        if m.start - v_end > 80:
            break
        between = text[v_end : m.start]
        if any(c in between for c in _QUOTE_CHARS + ";:!?"):
            break
        if m.possessive:
            continue
        if m.how != "title" and _another_name_follows(d, m, hi):
            continue  # "said Clinton campaign manager Robby Mook": Clinton qualifies the speaker
        if "," in between:
            # "said another Twitter user, Johanna Bayer": a title, a comma, the name
            head, _, rest = between.partition(",")
            if rest.strip() or "," in head or not _title_phrase(text, v_end, v_end + len(head), 8):
                break
        elif not _title_phrase(text, v_end, m.start):
            break
        # the word after the mention, past the period of an abbreviated title ("Gov. Terry Branstad")
        nxt = _word_after(text, m.end + (m.how == "title" and text.startswith(".", m.end)))
        if nxt[:1].isupper():
            if m.how == "title":
                continue  # "said White House spokesperson John Kirby": the name follows its title
            break
        appositive = _APPOSITIVE.match(text, m.end, m.end + 3) is not None
        if m.how == "title" and (nxt.lower() == "of" or appositive):
            continue  # "said the president of France", "said the president, Emmanuel Macron"
        if nxt.lower() in _COORDINATORS or (appositive and _another_name_follows(d, m, hi, punctuation=",")):
            return _Who(reason="several names")  # "said Joe Biden and his wife", "said Biden, Harris and Pelosi"
        if nxt and nxt[:1].islower() and nxt.lower() not in _AFTER_A_NAME:
            break  # "said the crowd at the Trump rally": the name qualifies something else
        return _check_subject(d, m, v_end)
    return _Who(reason="the speaker is not a curated person")


# words that may follow a speaker's name after an inverted verb: '"...," said Kirby, who ...'
_AFTER_A_NAME = tagged_words("function_words.txt", "after-name")


def _another_name_follows(d: _Doc, m: Mention, hi: int, punctuation: str = "") -> bool:
    """Whether another person is named within a few lower-case words after `m`, with no
    punctuation between (but `punctuation`)."""
    for other in d.mentions_between(m.end, min(hi, m.end + 40)):
        gap = d.text[m.end : other.start]
        return not any(c in gap for c in ",.;:!?()\"“”" if c not in punctuation) and len(gap.split()) <= 3
    return False


def _resolve(d: _Doc, who: _Who) -> tuple[str | None, str, bool, str]:
    """(person, via, confident, cue) for what a sieve found. A title alone is confident only when
    it says more than a role ("the president" is many people; "U.S. Trade Representative" one),
    and is no one when a modifier makes it someone else's ("the former spokesman")."""
    if who.mention is not None:
        m = who.mention
        written = d.text[m.start : m.end]
        if not m.ids:
            return None, "other", False, "someone not curated"
        if len(m.ids) > 1:
            return None, "name", False, "several people of that name"
        if _kin_before(d.text, m.start):
            return None, "other", False, "a relative of the person of that name"
        if m.how == "title" and not d.speakers.holding(written, m.ids, d.reference):
            return None, "other", False, "a title no curated person holds at the article's date"
        if m.how == "title":
            if _word_before(d.text, m.start)[1].lower().rstrip(".") in words("title_modifiers.txt") or any(
                w.lower() in words("title_modifiers.txt") for w in _WORD.findall(written)
            ):
                return None, "other", False, "a title that is someone else's"
            specific = [w for w in _WORD.findall(written) if w.lower() not in _DETERMINERS]
            return m.ids[0], "title", len(specific) >= 2, written
        return m.ids[0], "name", True, written
    if who.pronoun:
        return _pronoun(d, who.pronoun, who.at)
    return None, "", False, who.reason


_KIN = tagged_words("function_words.txt", "kin")


def _kin_before(text: str, pos: int) -> bool:
    """Whether "the younger", "the elder" stands right before a name, or before its honorific
    ("the younger Mr. Trump"; `function_words.txt`, kin)."""
    w_start, w = _word_before(text, pos)
    if w.lower().rstrip(".") in honorifics() or w in honorifics():
        w_start, w = _word_before(text, w_start)
    return w.lower() in _KIN and _word_before(text, w_start)[1].lower() == "the"


def _pronoun(d: _Doc, pronoun: str, at: int) -> tuple[str | None, str, bool, str]:
    """'he' or 'she': the previous quote's speaker when nobody else of that gender is named since,
    else the nearest earlier person of that gender who is not an object; 'they': a group."""
    kind, gender = _PRONOUNS[pronoun]
    text = d.text
    window = max(_window_start(d, at), at - _WINDOW_CHARS)
    fits = []
    for m in d.mentions_between(window, at):
        if kind == "person":
            if m.ids and any(d.speakers.kinds.get(pid, "person") != "person" for pid in m.ids):
                continue
            if m.how == "title" and not m.ids:
                continue
            g = m.gender
            if g is not None and gender is not None and g != gender:
                continue
        else:
            if not m.ids or not all(d.speakers.kinds.get(pid, "person") in ("group", "organization") for pid in m.ids):
                continue
        fits.append(m)
    people = {m.ids if m.ids else ("?", m.start) for m in fits}

    def sure(since: int) -> bool:
        # one candidate, a person, and no one the reader may have missed named since: a capitalised
        # word inside a sentence that is no curated name ("Zelensky greeted him"), or a role
        # ("the Ukrainian president", "his opponent")
        return kind == "person" and len(people) <= 1 and not _someone_unread(d, since, at)

    # the same pronoun as the previous quote's, and no one it could mean named since: the same one
    # ('"A," they said. ... "B," they said.')
    if d.last_pronoun is not None:
        offset, word, pid, via, was_confident = d.last_pronoun
        if word == pronoun and offset >= at - _WINDOW_CHARS and not any(m.start > offset and m.ids != (pid,) for m in fits):
            return pid, via, was_confident, pronoun
    # the previous confident attribution, if nobody of that gender was named since
    for offset, pid, g in reversed(d.credited):
        if offset < window:
            break
        if kind == "person" and g is not None and gender is not None and g != gender:
            continue
        is_person = d.speakers.kinds.get(pid, "person") == "person"
        later = [m for m in fits if m.start > offset and m.ids != (pid,)]
        if not later and is_person == (kind == "person"):
            return pid, "pronoun", len(people - {(pid,)}) == 0 and sure(offset), pronoun  # the speaker goes on
        break
    for m in reversed(fits):
        if m.possessive or _is_object(text, m, window) or _reported(d, m, fits) or _subordinate(d, m, fits, window, pronoun):
            continue
        if not m.ids:
            return None, "pronoun", False, f"{pronoun!r} is someone not curated"
        if len(m.ids) > 1:
            return None, "pronoun", False, f"{pronoun!r} could be several people"
        return m.ids[0], "pronoun" if len(people) == 1 else "pronoun-guess", sure(m.end), pronoun
    named = [m for m in fits if not m.possessive]
    if len(people) == 1 and named and named[-1].ids and len(named[-1].ids) == 1:
        # no subject fits, but one person of that gender is named: "Lopez met Walker. ... he said"
        return named[-1].ids[0], "pronoun", False, pronoun
    return None, "pronoun", False, f"no earlier speaker for {pronoun!r}"


def _reported(d: _Doc, m: Mention, fits: list[Mention]) -> bool:
    """Whether `m` opens what another person of `fits` is reported to say, in one sentence ("Reed
    said Baker has kept in touch ..."): Baker is what Reed said, not who speaks next."""
    text = d.text
    verbs = d.verbs_between(max(0, m.start - 40), m.start)
    if verbs:
        v_start, v_end = verbs[-1]
        if text[v_end : m.start].strip().lower() in ("", "that") and _REPORTED_GOES_ON.match(text, m.end):
            if any(s.ids != m.ids and not s.possessive and _SUBJECT_GAP.fullmatch(text, s.end, v_start) for s in fits):
                return True
    return _inside_reported(d, m, fits)


def _subordinate(d: _Doc, m: Mention, fits: list[Mention], lo: int, pronoun: str) -> bool:
    """Whether `m` is the subject of a clause that depends on another (right after a word tagged
    `subordinator` in `function_words.txt`, past a title: "even though Sen. Baker won", "that Baker
    needs", "when Baker asked"), in a sentence that names a person of `fits` before it who is no
    object and speaks in no such clause ("Reed brushed off the worry even though Baker won. '...,'
    he said": Reed goes on), or where `pronoun` itself speaks in the main clause."""
    text = d.text
    if not _after_subordinator(text, m, lo):
        return False
    sentence = d.prose.sentences.containing(m.start)
    if sentence is None:
        return False
    if any(
        s.start >= sentence[0] and s.end <= m.start and s.ids != m.ids and not s.possessive
        and not _is_object(text, s, sentence[0]) and not _after_subordinator(text, s, sentence[0])
        for s in fits
    ):
        return True
    # or the pronoun being resolved speaks in the main clause, outside quotation marks ("He said on
    # Thursday that Baker needs ...")
    for p in _pronoun_pattern(pronoun).finditer(text, sentence[0], m.start):
        if _inside(d.inside, p.start()):
            continue
        w_start, w = _word_before(text, p.start())
        if w_start < sentence[0] or w.lower() not in _SUBORDINATORS:
            return True
    return False


@cache
def _pronoun_pattern(word: str) -> re.Pattern[str]:
    """`word` as a whole word, in lower case or capitalised (a pronoun opening its sentence)."""
    return re.compile(r"\b(?:" + re.escape(word) + "|" + re.escape(word.capitalize()) + r")\b")


_SUBORDINATORS = tagged_words("function_words.txt", "subordinator")


def _after_subordinator(text: str, m: Mention, lo: int) -> bool:
    """Whether the word before `m` (past the capitalised words of a title before the name) opens a
    dependent clause (`_SUBORDINATORS`)."""
    pos = m.start
    for _ in range(6):
        w_start, w = _word_before(text, pos)
        if not w or w_start < lo:
            return False
        if w[:1].isupper() or w.lower().rstrip(".") in honorifics():
            pos = w_start  # a title word: "Sen.", "Secretary"
            continue
        return w.lower() in _SUBORDINATORS
    return False


def _inside_reported(d: _Doc, m: Mention, fits: list[Mention]) -> bool:
    """Whether `m` stands further inside what another person of `fits` is said to say, in one
    sentence, and speaks no verb of its own ("Reed said the mayor should act as Baker did": Baker
    is what Reed said; "Reed said so, and Baker agreed": Baker speaks)."""
    text = d.text
    sentence = d.prose.sentences.containing(m.start)
    if sentence is None:
        return False
    own = d.verbs_between(m.end, min(len(text), m.end + 30))
    if own and _SUBJECT_GAP.fullmatch(text, m.end, own[0][0]):
        return False  # "Baker agreed", "Baker also said": a speaker of its own
    for v_start, _ in d.verbs_between(sentence[0], m.start):
        if any(s.ids != m.ids and not s.possessive and s.end <= v_start and _SUBJECT_GAP.fullmatch(text, s.end, v_start)
               for s in fits):
            return True
    return False


# what stands between a subject and its speech verb ("Reed said", "Reed also said", "Reed has told"),
# and what follows the subject of a reported clause ("Baker has kept", "Baker would"): a word in
# lower case, not punctuation
_SUBJECT_GAP = lazy_re(r"(?:\s+[a-z]+){0,2}\s+")
_REPORTED_GOES_ON = lazy_re(r"\s+[a-z]")


_DETERMINERS = tagged_words("function_words.txt", "determiner")


def _someone_unread(d: _Doc, lo: int, hi: int) -> bool:
    """Whether [lo, hi) may name a person the reader did not read: a capitalised word inside a
    sentence outside any name read, or a role word ("the president", "his opponent")."""
    text = d.text
    read = [(m.start, m.end) for m in d.mentions_between(lo, hi)]
    roles = role_words()
    k = 0
    for w in _WORD.finditer(text, lo, hi):
        while k < len(read) and read[k][1] <= w.start():
            k += 1
        if (k < len(read) and read[k][0] <= w.start()) or _inside(d.inside, w.start()):
            continue
        word = w.group()
        if word.lower().rstrip(".") in roles and not word[:1].isupper():
            one_back = _word_before(text, w.start())
            two_back = _word_before(text, one_back[0])[1] if one_back[1] else ""
            if one_back[1].lower() in _DETERMINERS or two_back.lower() in _DETERMINERS:
                return True  # "the Ukrainian president", "his opponent", "a senior adviser"
        if word[:1].isupper() and word.lower() not in _PRONOUNS and word.lower() not in _OPENERS:
            return True  # inside a sentence or opening one ("Zelensky greeted him"): maybe someone
    return False


def _is_object(text: str, m: Mention, lo: int) -> bool:
    """Whether a person is named as an object: after a preposition or a verb that takes one ("an
    email to Smith", "a spokesman for Joe Biden", "she thanked Walker"), looking past the title
    written before the name ("with Secretary of State John Kerry", "an aide to Sen. Ann Marsh"),
    whose own "of" ("Secretary of State") is not a preposition of the sentence."""
    pos = m.start
    markers = words("object_markers.txt")
    for _ in range(8):
        w_start, w = _word_before(text, pos)
        k = w.lower().rstrip(".")
        if not w or w_start < lo:
            return False
        if w[:1].isupper() or k in honorifics():
            pos = w_start  # a title word: "Secretary", "State", "Sen."
            continue
        if k in ("of", "the", "for") and _word_before(text, w_start)[1][:1].isupper():
            pos = w_start  # inside a title: "Secretary of State", "Speaker of the House"
            continue
        if k in tagged_words("function_words.txt", "before-object"):
            pos = w_start  # an adverb before the object: "targeting just Trump"
            continue
        return k in markers
    return False


_WINDOW_CHARS = 3000  # how far back "he" and "she" look, however long the paragraphs


def _window_start(d: _Doc, at: int) -> int:
    """The start of the paragraph three paragraphs before the one holding `at` (blank ones aside)."""
    i = max(0, bisect.bisect_right(d.p_starts, at) - 1)
    found = d.windows.get(i)
    if found is None:
        found = d.windows[i] = _three_back(d, i)
    return found


def _three_back(d: _Doc, i: int) -> int:
    """The start of the third non-blank paragraph before paragraph `i` (or of the first one)."""
    if d.nonblank is None:
        text = d.text
        d.nonblank = [k for k, (s, e) in enumerate(d.prose.paragraphs) if not text[s:e].isspace() and s < e]
    n = bisect.bisect_left(d.nonblank, i)  # non-blank paragraphs before i
    return d.prose.paragraphs[d.nonblank[n - 3] if n >= 3 else 0][0]


def _paragraph(d: _Doc, pos: int) -> tuple[int, int]:
    return d.prose.paragraphs[max(0, bisect.bisect_right(d.p_starts, pos) - 1)]


def _clean_gap(text: str, lo: int, hi: int) -> bool:
    """No sentence end and no quote mark in [lo, hi), periods of abbreviations and initials aside."""
    gap = text[lo:hi]
    if any(c in gap for c in _QUOTE_CHARS):
        return False
    for m in _SENTENCE_END.finditer(gap):
        i = lo + m.start()
        if text[i] != ".":
            return False
        w_start, w = _word_before(text, i + 1)
        k = w.lower().rstrip(".")
        if not (k in honorifics() or len(k) == 1 or "." in k or k in ("u.s", "d.c", "jr", "sr", "st")):
            return False
    return True


def _after(d: _Doc, q: Quote, p_start: int, p_end: int) -> tuple[_Who, str] | None:
    """Sieve 1: the attribution after the quote."""
    text = d.text
    hi = min(p_end, q.end + 200)
    i = q.end
    while i < hi and text[i] in " \t,":
        i += 1
    if i < hi and text[i] in _DASHES:  # '"..." — Kirby'
        j = i + 1
        while j < hi and text[j] in " \t":
            j += 1
        for m in d.mentions_between(j, hi):
            if m.start == j and not m.possessive:
                rest = text[m.end : hi].lstrip(" \t")
                if not rest or rest[0] in ",.;(\r\n":
                    return _check_subject(d, m, j), "dash"
            break
        return None
    v = d.first_verb(i, min(hi, i + 101), hi)  # the first verb within 100 characters of the quote
    if v is None:
        return None
    # the quote's last character (its closing punctuation), without copying the quote
    last = q.segments[-1].end
    while last > q.segments[-1].start and text[last - 1].isspace():
        last -= 1
    inner = text[max(q.segments[-1].start, last - 1) : last]
    ended = inner.endswith((".", "!", "?")) or text[q.end : q.end + 1] in ".!?"
    if not _clean_gap(text, i, v[0]):
        return None
    objects = speech_verbs().objects
    verb = text[v[0] : v[1]].lower()
    if v[0] == i:  # '"...," said Kirby'
        if ended and inner.endswith("."):
            return None  # '"... ." Said ...' opens a new sentence
        if verb in objects:
            return None
        return _name_after_verb(d, v[1], hi), "after"
    if ended and inner.endswith(".") and not text[q.end : q.end + 1] in "," and not _ends_after_verb(text, v[1], hi):
        # '"We won." Trump said later that ...' is a new sentence about what Trump said;
        # '"We won." Trump said.' is not
        return None
    if ended and _opens_next_quote(text, v[1], hi):
        return None  # '"Why now?" Mills writes back, "You look cute."': the verb is the next quote's
    who = _subject_of(d, v[0], i)
    if who.pronoun and text[i:who.at].strip():
        return None  # '"...," as he promised': not an attribution
    if who.mention is not None and not _title_phrase(text, i, who.mention.start):
        return None  # '"...," and then Trump said': the clause is about something else
    return who, "after"


def _ends_after_verb(text: str, lo: int, hi: int) -> bool:
    """Whether the sentence ends within two words after a verb ("Trump said." / "she added on Monday.")."""
    return _SENTENCE_ENDS_SOON.match(text, lo, hi) is not None and not _THAT.match(text, lo, hi)


def _opens_next_quote(text: str, lo: int, hi: int) -> bool:
    """Whether the clause from `lo` ends in a comma or colon before an opening quote mark."""
    return _NEXT_QUOTE_OPENS.match(text, lo, hi) is not None


def _before(d: _Doc, q: Quote, p_start: int, p_end: int) -> tuple[_Who, str] | None:
    """Sieves 2 and 3: the clause before the quote, in its sentence."""
    text = d.text
    sentence = d.prose.sentences.containing(q.start) or d.prose.sentences.containing(max(p_start, q.start - 1))
    s_start = max(p_start, sentence[0]) if sentence else p_start
    lo = max(s_start, q.start - 300)
    k = bisect.bisect_left(d.inside, (q.start,)) - 1  # the quote before this one
    if k >= 0 and lo <= d.inside[k][1] <= q.start:
        lo = d.inside[k][1]
    head = text[lo : q.start]
    if not head.strip():
        return None
    # "Kirby:" opening the paragraph
    stripped = head.rstrip(" \t")
    if stripped.endswith(":") and lo == p_start:
        end = _strip_end(text, lo, lo + len(stripped) - 1)
        m = d.mention_ending_at(end, lo)
        if m is not None and _only_title_words(text, lo, m.start):
            return _check_subject(d, m, lo), "colon"
    # "according to Kirby, "
    low = head.lower()
    k = low.rfind("according to ")
    if k != -1:
        tail = head[k + len("according to ") :].rstrip()
        if tail.endswith(",") and "," not in tail[:-1]:
            start = lo + k + len("according to ")
            m = d.mention_ending_at(_strip_end(text, start, start + len(tail) - 1), start)
            if m is not None:
                return _check_subject(d, m, start), "before"
            return _Who(reason="according to someone not curated"), "before"
    # a verb inside a parenthesis closed before the quote speaks of something else:
    # 'the maxim (what Wilson once testified) would be true that "..."'
    verbs = [v for v in d.verbs_between(lo, q.start) if not _in_closed_parenthesis(text, lo, v, q.start)]
    if not verbs:
        return None
    v = verbs[-1]
    between = text[v[1] : q.start]
    n_words = len(between.split())
    short = n_words <= 3 and not any(c in between for c in ".!?")
    word = text[v[0] : v[1]].lower()
    if word.endswith("ing"):  # "..., saying "...": the subject of the clause it hangs on
        own = d.mention_ending_at(_strip_end(text, lo, v[0]), lo)
        if own is not None:  # "Biden recalled Trump saying "..."": Trump's words
            return _check_subject(d, own, lo), "sentence"
        earlier = [u for u in d.verbs_between(lo, v[0]) if not text[u[0] : u[1]].lower().endswith("ing")]
        if earlier:
            return _subject_of(d, earlier[-1][0], lo), "sentence"
        return _sentence_subject(d, lo, v[0]), "sentence"
    if not short and head.rstrip().endswith(":") and any(
        not m.possessive for m in d.mentions_between(v[1], q.start)
    ):
        return _Who(reason="another clause introduces the quote"), "sentence"  # "..., Rubio fired back:"
    if any(m.possessive and _word_after(text, m.end + (2 if text[m.end : m.end + 2] in _POSSESSIVE else 1)).lower()
           in words("speech_nouns.txt") for m in d.mentions_between(v[1], q.start)):
        # "he said that Clinton's call to "make America whole again" ...": the possessor's words
        # (but not in "called Shoigu's visit "shameful"")
        return _Who(reason="the words of someone named in the clause"), "sentence"
    who = _subject_of(d, v[0], lo)
    if who.mention is None and not who.pronoun and _inverted_opening(text, lo, v):
        who = _name_after_verb(d, v[1], q.start)  # 'Said Comey, "..."': the verb opens its sentence
    if who.mention is None and not who.pronoun and not who.document and not short:
        # "The memo was obtained by X, who wrote in the report": the written thing
        written = _IN_A_THING.match(between)
        if written and written.group(1).lower() in _DETERMINERS and written.group(2).lower() in words("documents.txt"):
            return _Who(document=True, reason="written"), "sentence"
    return who, "before" if short else "sentence"


def _inverted_opening(text: str, lo: int, v: tuple[int, int]) -> bool:
    """Whether the speech verb `v` opens its sentence in a past or present form that takes no
    object ('Said Comey, "..."', 'Says Lopez: "..."'), not an imperative ('Tell Lopez: "..."') or a
    verb whose following name is its object ('Urged Walker ...')."""
    word = text[v[0] : v[1]]
    return (word[:1].isupper() and word.lower().endswith(("s", "d")) and word.lower() not in speech_verbs().objects
            and not text[lo : v[0]].strip(" \t\"“‘'"))


def _in_closed_parenthesis(text: str, lo: int, v: tuple[int, int], hi: int) -> bool:
    opened = text.rfind("(", lo, v[0])
    return opened != -1 and text.rfind(")", opened, v[0]) == -1 and text.find(")", v[1], hi) != -1


def _told_before(d: _Doc, q: Quote, p_start: int, p_end: int) -> tuple[_Who, str] | None:
    """Sieve 4: a quote opening its sentence after one that ends in a speech verb ("Kirby told AFP.")."""
    text = d.text
    sentence = d.prose.sentences.containing(q.start)
    s_start = max(p_start, sentence[0]) if sentence else p_start
    if text[s_start : q.start].strip() or s_start <= p_start:
        return None
    prev = d.prose.sentences.containing(s_start - 2)
    prev_start = max(p_start, prev[0]) if prev else p_start
    sentence_text = text[prev_start:s_start]
    if any(c in sentence_text for c in _QUOTE_CHARS):
        return None
    verbs = d.verbs_between(prev_start, s_start)
    if not verbs:
        return None
    v = verbs[-1]
    tail = text[v[1] : s_start].strip()
    if not _SHORT_TAIL.fullmatch(tail):
        return None  # the sentence goes on after the verb: "Kirby told AFP on Monday that ..."
    who = _subject_of(d, v[0], prev_start)
    return who, "before"


def attribute(
    prose: Prose, quotes: list[Quote], speakers: SpeakerIndex, reference: date | None = None,
    misspelled: Collection[tuple[int, str]] = (),
) -> list[Attribution]:
    """A speaker (or an abstention) for each quote, by the sieves of this module, in order;
    `reference`: the article's date (a title alone names only who holds it then); `misspelled`:
    the misspelled name words the names reader found (`read_people`)."""
    text = prose.text
    inside = sorted((q.start, q.end) for q in quotes if not q.nested)
    verbs = _outside(prose.verbs, inside)
    d = _Doc(prose, speakers, [], [], verbs, inside, reference=reference)
    # the people the sieves can reach: from three paragraphs before each quote to its paragraph's end
    where: list[tuple[int, int]] = []
    for q in quotes:
        span = (_window_start(d, q.start), _paragraph(d, q.end - 1)[1] + 1)
        if where and span[0] <= where[-1][1]:
            where[-1] = (where[-1][0], max(where[-1][1], span[1]))
        else:
            where.append(span)
    d.people = read_people(prose, speakers, quotes, where, misspelled) if text else []
    d.starts = [m.start for m in d.people]
    out: list[Attribution] = []
    previous: tuple[Quote, Attribution] | None = None
    for q in quotes:
        if q.nested:
            out.append(Attribution(None, "abstain", "a quote within a quote"))
            continue
        a = _attribute_one(d, q, previous)
        if a.speaker and a.confident:
            d.credited.append((q.start, a.speaker, speakers.genders.get(a.speaker)))
        if a.speaker and a.via.startswith("pronoun"):
            d.last_pronoun = (q.start, a.cue.lower(), a.speaker, a.via, a.confident)
        out.append(a)
        previous = (q, a)
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _outside(items, spans: list[tuple[int, int]]) -> list:
    """The items (sorted, each starting with its start) whose start is not `_inside` the spans:
    one walk along both, the span before each item found where the previous item's left off."""
    out = []
    j, n = -1, len(spans)
    for item in items:
        pos = item[0]
        while j + 1 < n and spans[j + 1][0] <= pos:
            j += 1
        if j < 0 or pos >= spans[j][1]:
            out.append(item)
    return out


def _nothing_but_attribution(d: _Doc, lo: int, hi: int) -> bool:
    """Whether [lo, hi), between two quotes, holds at most the first one's attribution: '"A," Kirby
    said. "B."', '"A," said Merrick B. Garland, who spoke first. "B."', but not '"A," Kirby said.
    Then came the heckling: "B."'."""
    text = d.text
    last = hi
    while last > lo and text[last - 1].isspace():
        last -= 1
    if last <= lo:
        return True
    if text[last - 1] == ":":
        return False  # a clause of its own introduces the next quote
    first = d.prose.sentences.containing(lo - 1) or d.prose.sentences.containing(lo)
    return first is not None and first[1] >= last - 1 or len(text[lo:last].split()) <= 12 and not _SENTENCE_END.search(
        text, lo, last - 1
    )


def _new_subject(d: _Doc, who: _Who, hi: int) -> bool:
    """Whether someone else (a person or a pronoun) is named between the speaker and the quote."""
    lo = who.mention.end if who.mention is not None else who.at + 2
    if any(not m.possessive for m in d.mentions_between(lo, hi)):
        return True
    return _ANOTHER_SUBJECT.search(d.text, lo, hi) is not None


def _relayed(d: _Doc, q: Quote, p_end: int) -> bool:
    """Whether the clause after the quote says the speaker was quoting someone else ('"...," Biden
    said, quoting Trump'; a verb tagged `name` only with a name or a possessive after it in its
    clause: 'citing Tom Walker', 'citing a letter from Walker', 'citing the leader's speech', not
    'citing low growth')."""
    text = d.text
    hi = min(p_end, q.end + 120)
    for m in _relay_pattern().finditer(text, q.end, hi):
        if _SENTENCE_END.search(text, q.end, m.start()) is not None:
            return False
        if m.group().lower() not in _named_relays():
            return True
        clause = _CLAUSE_END.split(text[m.end() : hi], 1)[0]
        if any(w[:1].isupper() or w.endswith(("'s", "’s")) for w in clause.split()):
            return True
    return False


_CLAUSE_END = lazy_re(r"[.;:!?]")


@cache
def _named_relays() -> frozenset[str]:
    """The relay verbs that relay only with a name or a possessive after them."""
    return frozenset(w for w, tags in tagged("relay_verbs.txt") if "name" in tags)


@cache
def _relay_pattern() -> re.Pattern:
    return kept_re(r"\b(?:" + "|".join(sorted(w for w, _ in tagged("relay_verbs.txt"))) + r")\b", re.IGNORECASE)


def _attribute_one(d: _Doc, q: Quote, previous: tuple[Quote, Attribution] | None) -> Attribution:
    text = d.text
    p_start, p_end = _paragraph(d, q.start)
    p_end = max(p_end, _paragraph(d, q.end - 1)[1])
    for sieve in (_after, _before, _told_before):
        found = sieve(d, q, p_start, p_end)
        if found is None:
            continue
        who, rule = found
        if who.document:
            return Attribution(None, "document", who.reason)
        pid, via, confident, cue = _resolve(d, who)
        if pid:
            if rule == "sentence" and confident and _new_subject(d, who, q.start):
                confident = False  # "Biden said Republicans call the plan "dead on arrival"": whose words?
            if _relayed(d, q, p_end):
                return Attribution(None, "abstain", "the speaker quotes someone else", "other")
            at = who.mention.start if who.mention is not None else who.at
            return Attribution(pid, rule, cue, via, confident, at)
        # a speech clause names someone who is not one person of the facts: nothing further looks
        return Attribution(None, "abstain", cue or "the speaker is not a curated person", via)
    if previous is not None and not q.single:  # a headline's 'single quotes' continue no one
        prev_q, prev_a = previous
        if prev_a.speaker:
            same_paragraph = prev_q.end > p_start
            alone = text[p_start : q.start].strip() == "" and text[q.end : p_end].strip() == ""
            prev_par = _paragraph(d, prev_q.start)
            adjacent = not same_paragraph and text[prev_par[1] : p_start].count("\n") <= 2
            others = [m for m in d.mentions_between(prev_q.end, q.start) if m.ids != (prev_a.speaker,)]
            if not others and (same_paragraph or (alone and adjacent)) and _nothing_but_attribution(d, prev_q.end, q.start):
                return Attribution(prev_a.speaker, "continuation", "", "continuation", False)
    return Attribution(None, "abstain", "no attribution found")


__all__ = ["Attribution", "Mention", "SpeakerIndex", "attribute", "read_people"]
