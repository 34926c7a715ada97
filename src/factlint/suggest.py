"""`factlint suggest`: a facts.yaml drafted from the articles, by the extractors `check` uses.

The draft is made in passes over the documents, each a run of the one analysis (`analysis.analyse`):

1. without facts: the people named with a known first name ("John Kirby", as the attribution sieves
   read people nobody curated) or a title, the speakers of speech verbs, the unnamed speakers as
   their clause describes them ("a top administration official said"), the organizations named
   alone (doing something, written after a noun that describes one, or beside another one), the
   dates (and times of a day) of the text with the words of their clause before them, or after a
   date that opens its clause (an event's mention: "made its maiden flight" for "... made its
   maiden flight on April 27"), each headline with the day its lead or dateline gives it
   (`headline_event`), the figures with their nouns (a claim: "50,000 people"; a model's number is
   none); an article that shows no date of its own is read again with the date `check` infers
   for it from the events drafted from the others;
2. with the people drafted: the quotes (`joined_quotes`: also those whose paragraphs are
   sentences) and each one's speaker (the attribution sieves, now naming draft people; where they
   abstain, the drafted person or described speaker its speech clause names, "he"/"she", "it" or
   "the company" for the organization named before, or the quote before it going on) and the titles written around each person's name (`titles_near`,
   roles the title tables know); then, read against the people, quotes and claims drafted, the
   check-worthy sentences none of them covers that another article restates, as claims without a
   figure (`draft_statements`: "North Korea supplied infantry rockets and missiles to Russia");
3. verification: the whole draft is rendered as YAML, loaded by the facts loader and every article
   is checked against it. A fact an article contradicts (an error finding tied to it) is where the
   articles disagree: it is taken out of the draft and written as a `# CONFLICT:` comment with the
   finding, taking no side; a quote of a person taken out goes with it. This repeats until the
   articles give no error tied to the draft, so the draft loads and checks clean by construction.

Entries seen in several articles are merged (a quote that is part of another of the same speaker
becomes one quote, the other wordings kept as comments; the same mention with the same date is one
event); each entry carries `# seen in: path:line, ...`. Nothing here reads the clock or prints.
"""

from __future__ import annotations

import difflib
import json
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import field, replace

from .analysis import Analysis
from .compiled import CompiledFacts, amount_key, noun_stem
from .document import Document
from .engine import Linter
from .errors import FactsError
from .analysis import _looks_like_title
from .extract.attribution import SpeakerIndex, attribute, read_people
from .extract.checkworthy import CheckworthyModel
from .extract.claims import HEDGES, find_figures
from .extract.dates import MONTHS, WEEKDAYS
from .extract.names import allowed_edits, damerau
from .extract.phrases import fold
from .extract.quotes import Quote, Segment, find_quotes, is_term
from .extract.titles import name_words, titles_near, vocabulary as title_vocabulary
from .facts.model import Facts
from .model import Severity
from .normalize.quotes import words
from .prose import Prose
from .records import dataclass
from .reference import infer_reference, reference_of, with_reference
from .rules import RULES
from .vocab import (common_words, first_name_genders, honorifics, number_words, role_words, speech_verbs, table, tagged_words,
                    words as vocab_words)

# A quote shorter than this (in words) is a scare quote: not drafted.
MIN_QUOTE_WORDS = 2
# An event's mention: at most this many words of the date's clause, at least this many content words.
MENTION_WORDS = 5
MIN_MENTION_CONTENT = 2
# A headline: at most this many words on the text's first line, ending no sentence.
HEADLINE_WORDS = 20
# How many times the draft is checked against its articles before giving up on a clean one.
MAX_ROUNDS = 6


@dataclass
class Seen:
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class DraftPerson:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    kind: str = "person"


@dataclass
class DraftQuote:
    id: str
    speaker: str
    text: str
    seen: list[Seen] = field(default_factory=list)
    variants: list[tuple[str, Seen]] = field(default_factory=list)


@dataclass
class DraftEvent:
    id: str
    what: str
    date: str
    mention: str
    seen: list[Seen] = field(default_factory=list)
    other_dates: list[tuple[str, Seen]] = field(default_factory=list)


@dataclass
class DraftClaim:
    id: str
    statement: str
    wording: str
    value: float | None = None  # None: a statement without a figure (`draft_statements`)
    unit: str = ""
    seen: list[Seen] = field(default_factory=list)


@dataclass
class DraftSource:
    pattern: str
    outlet: str | None
    published: str | None
    origin: str


@dataclass
class Draft:
    """What `suggest` drafted: the facts, and those taken out where the articles disagree."""

    sources: list[DraftSource] = field(default_factory=list)
    people: list[DraftPerson] = field(default_factory=list)
    events: list[DraftEvent] = field(default_factory=list)
    quotes: list[DraftQuote] = field(default_factory=list)
    claims: list[DraftClaim] = field(default_factory=list)
    # (kind, the entry as YAML lines, why): facts the articles disagree on, written as comments
    conflicts: list[tuple[str, list[str], str]] = field(default_factory=list)
    rounds: int = 0

    def counts(self) -> dict[str, int]:
        return {"people": len(self.people), "events": len(self.events), "quotes": len(self.quotes),
                "claims": len(self.claims), "sources": len(self.sources), "conflicts": len(self.conflicts)}


# -- reading the articles --------------------------------------------------------------------------


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-") or "fact"
    if base[0] == "-" or not base[0].isalnum():
        base = "f" + base
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    taken.add(out)
    return out


def _seen(doc: Document, shown: str, offset: int) -> Seen:
    return Seen(shown, doc.position(doc.source_offset(offset))[0])


def _prose(doc: Document) -> Prose:
    return Prose.of(doc.text, wrapped=doc.format == "markdown")


def _add_seen(seen: list[Seen], s: Seen) -> None:
    if not any(x.path == s.path and x.line == s.line for x in seen):
        seen.append(s)


_RUN = re.compile(r"(?<![\w'’.-])(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*|[A-Z]\.|[A-Z]{2,5}|[A-Z]&[A-Z])(?:[ \t](?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*|[A-Z]\.|Inc\.|Co\.|Corp\.|[A-Z]{2,5}|[A-Z]&[A-Z]))*")
_POSSESSIVE_END = re.compile(r"(?:['’]s?)\Z")


# where a sentence starts: after its end (and closing quotes), at a line's start, after an opening quote
_SENTENCE_START = re.compile(r"(?:[.!?][\"”’'`]*\s+|\n[ \t]*|(?:``|[“\"‘]|(?<=\s)')[ \t]*)\Z")


def _sentence_start(text: str, start: int) -> bool:
    """Whether `start` opens a sentence (or a paragraph, or a quote): not after a comma and a
    closing quote ('"...," Airbus announced')."""
    return start == 0 or _SENTENCE_START.search(text, max(0, start - 8), start) is not None


# a name's part of the shape of a hyphenated given name ("Yo-jong", "Seong-chang", "Jean-Pierre")
_HYPHENATED_NAME = re.compile(r"[A-Z][a-z]+-[A-Za-z][a-z]+")


def _proper_words(docs: Sequence[tuple[Document, str]]) -> frozenset[str]:
    """The words the articles write only as names: capitalised inside a sentence somewhere and never
    in lower case ("Airbus", "Apple": common words as English goes, each a name in these articles)."""
    capitalised: set[str] = set()
    lower: set[str] = set()
    for doc, _ in docs:
        text = doc.text
        for m in re.finditer(r"(?<![\w'’.&-])[A-Za-z][a-z]+(?![\w&-])", text):
            w = m.group()
            if w[0].islower():
                lower.add(w)
            elif not _sentence_start(text, m.start()):
                capitalised.add(w)
    return frozenset(w for w in capitalised if w.lower() not in lower)


def _proper_speaker(text: str, m: re.Match, word: str, proper: frozenset[str]) -> bool:
    """Whether a common word the articles write only as a name (`_proper_words`: "Airbus") is a
    speaker's name where it stands: the subject of a speech verb right after it ("Airbus
    announced"), as an organization names itself; not after an inverted verb, where a surname
    stands as often ('said Clements.': someone named in full before, or no one drafted), nor a
    first name ("Tom told"), the plural of another such word ("Americans say": a people, as
    "American" is written), a word after a lower-case word other than an article (a preposition's
    object: "Ambassador to France confirmed"), a calendar word or the start of a longer word
    ("AppleCare")."""
    if (word not in proper or word.lower() in _CALENDAR or word.lower() in first_name_genders()
            or text[m.end() : m.end() + 1].isalnum() or (word.endswith("s") and word[:-1] in proper)):
        return False
    before = re.search(r"([a-z]+)[ \t]+\Z", text[max(0, m.start() - 30) : m.start()])
    if before is not None and before.group(1) not in _DETERMINERS:
        return False  # "Chad's Ambassador to France confirmed", "a question on Facebook writing": no subject
    after = re.match(r"[ \t]+([a-z]+)", text[m.end() : m.end() + 30])
    return after is not None and after.group(1) in speech_verbs().forms


def _speaker_runs(text: str, proper: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Runs of capitalised words (one to four) standing as the speaker of a speech verb ("Airbus
    said", "said Tony Clement", "Tony Clement, the minister, said" is left to the first-name reader),
    or ending in a word of `data/organization_words.txt` anywhere; (start, end, kind)."""
    says = speech_verbs().forms
    org_words = vocab_words("organization_words.txt")
    roles = role_words()
    hon = honorifics()
    common = common_words()
    v = title_vocabulary()
    out = []
    for m in _RUN.finditer(text):
        run = m.group()
        parts = run.split()
        ends_org = parts[-1].lower().rstrip(".") in org_words
        while parts and not ends_org and (parts[0].lower().rstrip(".") in roles or parts[0].lower().rstrip(".") in hon
                                          or _title_word(parts[0], v)):
            parts.pop(0)
        if not parts or len(parts) > 4:
            continue
        if not ends_org and _title_word(parts[-1], v):
            continue  # "said Airbus President and Chief Executive Officer, Tom Enders": a title, no one
        start = m.end() - len(" ".join(parts))
        lead = text[max(0, start - 3) : start]
        sentence_start = _sentence_start(text, start)
        after = re.match(r"\s*(?:,\s*)?(\w+)", text[m.end() : m.end() + 30])
        before = re.search(r"(\w+),?\s*\Z", text[max(0, start - 30) : start])
        last = parts[-1].lower().rstrip(".")
        is_org = last in org_words and len(parts) >= 2
        spoken = (after is not None and after.group(1).lower() in says) or (
            before is not None and before.group(1).lower() in says and not lead.endswith(","))
        hyphenated = len(parts) >= 2 and any(_HYPHENATED_NAME.fullmatch(x) for x in parts[1:])
        if not spoken and hyphenated:
            # "Kim Yo-jong, sister of North Korean leader Kim Jong-un, said": a name of a
            # hyphenated given name's shape, an appositive, its speech verb
            apposed = re.match(r",\s+[a-z][^.;:!?\"“”`,]{0,80},\s*(\w+)", text[m.end() : m.end() + 100])
            spoken = apposed is not None and apposed.group(1).lower() in says
        if not (is_org or spoken):
            continue
        if parts[0] in ("The", "A", "An") and sentence_start:
            parts = parts[1:]
            start = m.end() - len(" ".join(parts))
            if not parts:
                continue
        if len(parts) == 1 and ((parts[0].lower() in common and not parts[0].isupper()
                                 and not (run == parts[0] and _proper_speaker(text, m, parts[0], proper)))
                                or sentence_start) and not is_org:
            continue  # "He said", "The minister said": a common word, not a name
        if parts[0].lower() in common and sentence_start and len(parts) == 1:
            continue
        kind = ("organization" if is_org or len(parts) == 1 or (parts[0].lower() not in first_name_genders() and not hyphenated)
                else "person")
        if kind == "person" and any(p.lower() in org_words or p.isupper() for p in parts):
            kind = "organization"
        out.append((start, start + len(" ".join(parts)), kind))
    return out


_NAME_PART = re.compile(r"(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*|(?:Mc|Mac|La|De|Di|Le|O['’])[A-Z][a-z]+|[A-Z]\.)\Z")


def titled_people(prose: Prose, quoted: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The names of people written with a title the title tables know ("automotive analyst Erich
    Merkle", "Finance Minister Alexei Kudrin", "Fritz Henderson, the current chief operating
    officer", "American president Obama"), whatever their first name: a run of one to three
    capitalised name-shaped words, title words before it left out, that `titles_near` finds a
    title around (before it, or after it and a comma); outside quotation marks. (start, end) each."""
    text = prose.text
    v = title_vocabulary()
    org_words = vocab_words("organization_words.txt")
    hon = honorifics()
    out = []
    for m in _RUN.finditer(text):
        parts = [(w.start() + m.start(), w.end() + m.start(), w.group()) for w in re.finditer(r"\S+", m.group())]
        while parts and (_title_word(parts[0][2], v) or parts[0][2].lower().rstrip(".") in hon):
            parts.pop(0)
        if not parts or len(parts) > 3 or parts[-1][2].endswith("."):
            continue
        if not all(_NAME_PART.match(w) for _, _, w in parts) or any(w.lower() in org_words for _, _, w in parts):
            continue
        if len(parts) == 1 and parts[0][2].lower() in _CALENDAR:
            continue  # "spokesman Monday": a day, no one
        start, end = parts[0][0], parts[-1][1]
        if any(s <= start < e for s, e in quoted):
            continue
        sentence = prose.sentences.containing(start)
        if titles_near(text, start, end, "?", sentence=sentence):
            out.append((start, end))
    return out


# the months and weekdays the date grammar reads (names and abbreviations, lower case): the
# project's own words, not the locale's (`calendar.month_name` follows LC_TIME)
_CALENDAR = frozenset((*MONTHS, *WEEKDAYS))


def _title_word(word: str, v) -> bool:
    folded = word.lower().replace("’", "'").removesuffix("'s").replace(".", "")
    return folded in v.words or folded in role_words()


def draft_people(docs: Sequence[tuple[Document, str]], taken: set[str] | None = None) -> list[DraftPerson]:
    """The people named in full with a known first name (outside quotation marks), or with a title
    the title tables know (`titled_people`), and the speakers and organizations named otherwise
    (`_speaker_runs`), one entry a name; the surname is an alias of a person when no other drafted
    person has it."""
    empty = SpeakerIndex.build(None)
    hon = honorifics()
    by_name: dict[str, DraftPerson] = {}
    taken = set() if taken is None else taken

    def add(doc: Document, shown: str, start: int, name: str, kind: str) -> None:
        name = _POSSESSIVE_END.sub("", " ".join(name.split())) if name.endswith(("'s", "’s", "'", "’")) else " ".join(name.split())
        parts = name.split()
        while len(parts) > 1 and parts[0].lower() in _FUNCTION | {"by"}:
            start += len(parts[0]) + 1
            parts.pop(0)  # "By Lee Bon-young": a byline's word, not the name's
        name = " ".join(parts)
        if len(name) < 2:
            return
        person = by_name.get(name)
        if person is None:
            person = by_name[name] = DraftPerson(_slug(name, taken), name, kind=kind)
        _add_seen(person.seen, _seen(doc, shown, start))

    proper = _proper_words(docs)
    for doc, shown in docs:
        prose = _prose(doc)
        quotes = joined_quotes(prose)
        inside = [(q.start, q.end) for q in quotes if not q.nested]
        others = [m for m in read_people(prose, empty, quotes) if not m.ids and m.how == "other"]
        named = []
        for m in others:
            name = doc.text[m.start : m.end]
            if name.split()[0].lower().rstrip(".") in hon or len(name.split()) < 2:
                continue  # "Mr. Smith": a surname, not a full name
            add(doc, shown, m.start, name, "person")
            named.append(m)
        for start, end in titled_people(prose, inside):
            if not any(m.start < end and start < m.end for m in named):  # "Mr. Lee Hsien Loong": the titled name
                add(doc, shown, start, doc.text[start:end], "person")
        for start, end, kind in _speaker_runs(doc.text, proper):
            if not any(s <= start < e for s, e in inside):
                add(doc, shown, start, doc.text[start:end], kind)
    # a one-word organization that is the last word of a person ("Clement said" after "Tony Clement")
    # or the first word of an organization's name ("Airbus" of "Airbus Industrie") is that one
    multi = [p for p in by_name.values() if " " in p.name]
    for p in list(by_name.values()):
        if " " not in p.name and any(p.name in (q.name.split()[-1], q.name.split()[0]) for q in multi):
            owner = next(q for q in multi if p.name in (q.name.split()[-1], q.name.split()[0]))
            if owner.kind == "person" and p.name == owner.name.split()[-1] or owner.kind != "person":
                for s in p.seen:
                    _add_seen(owner.seen, s)
                del by_name[p.name]
                _short_name(p.name, by_name)
    org_words = {w.removesuffix("s") for p in by_name.values() if p.kind != "person" and " " in p.name for w in p.name.split()}
    for p in [p for p in by_name.values() if p.kind == "person" and " " not in p.name and p.name.removesuffix("s") in org_words]:
        del by_name[p.name]  # "General Motor's chief executive": "Motor" is the company's word, not a name
    _abbreviations(docs, by_name)
    for name, seen in _lone_organizations(docs, by_name).items():
        # "Boeing" alone more often than "Boeing Commercial Airplanes" is an organization of its own;
        # less often, it is the longer name's
        longer = [p for p in by_name.values() if p.kind != "person" and p.name.split()[0] == name]
        if longer and len(seen) <= max(len(p.seen) for p in longer):
            _short_name(name, by_name)
            continue
        by_name[name] = DraftPerson(_slug(name, taken), name, seen=seen, kind="organization")
    for name, seen in _described_organizations(docs, by_name).items():
        if name not in by_name:
            by_name[name] = DraftPerson(_slug(name, taken), name, seen=seen, kind="organization")
    for name, seen in _coordinated_organizations(docs, by_name).items():
        by_name[name] = DraftPerson(_slug(name, taken), name, seen=seen, kind="organization")
    person_words = {w for p in by_name.values() if p.kind == "person" and " " in p.name for w in p.name.split()}
    for p in [p for p in by_name.values() if " " not in p.name and p.name not in person_words]:
        if any(0 < damerau(p.name.lower(), w.lower(), allowed_edits(w)) <= allowed_edits(w) for w in person_words):
            del by_name[p.name]  # "said Clements" after "Tony Clement": a misspelling `check` reports, no one else
    # "Kim Jong Un" and "Kim Jong-un": one name as names are matched (dashes as spaces, any case),
    # the name seen most often, the other its alias
    by_key: dict[tuple[str, str], list[DraftPerson]] = {}
    for p in by_name.values():
        by_key.setdefault((p.kind, fold(p.name)), []).append(p)
    for same in by_key.values():
        if len(same) < 2:
            continue
        same.sort(key=lambda p: (-len(p.seen), p.name))
        kept = same[0]
        for other in same[1:]:
            for alias in (other.name, *other.aliases):
                if alias not in kept.aliases and alias != kept.name:
                    kept.aliases.append(alias)
            for title in other.titles:
                if title not in kept.titles:
                    kept.titles.append(title)
            for s in other.seen:
                _add_seen(kept.seen, s)
            if len(other.id) < len(kept.id):  # the plain slug of the name, not "-2"
                kept.id = other.id
            del by_name[other.name]
    people = sorted(by_name.values(), key=lambda p: p.name)
    surnames: dict[str, list[DraftPerson]] = {}
    for p in people:
        if p.kind == "person":
            surnames.setdefault(_family_name(p.name, p.aliases), []).append(p)
    names = {p.name for p in people}
    for surname, ps in surnames.items():
        if len(ps) == 1 and len(surname) >= 3 and surname not in names and surname[:1].isupper():
            ps[0].aliases.append(surname)
    return people


# a given name romanized from Korean: two syllables joined by a hyphen, the second in lower case
# ("Jong-un", "Yo-jong"), written after the family name ("Kim Jong-un")
_HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{1,5}")  # (short syllables: not "Abdel-rahman")


def _family_name(name: str, aliases: Sequence[str] = ()) -> str:
    """The word of a person's name that an article uses alone for them: the last ("Thomas-Greenfield"
    of "Linda Thomas-Greenfield"), or the first when the name, or another spelling of it among
    `aliases`, ends in a hyphenated given name written after the family name ("Kim" of "Kim
    Jong-un" and of "Kim Jong Un", not "Jong-un")."""
    ws = name.split()
    if len(ws) >= 2 and any(len(n.split()) >= 2 and _HYPHENATED_GIVEN_NAME.fullmatch(n.split()[-1])
                            and n.split()[0] == ws[0] for n in (name, *aliases)):
        return ws[0]
    return ws[-1]


def _short_name(word: str, by_name: dict[str, DraftPerson]) -> None:
    """A one-word name taken as the first word of one drafted organization's name ("Apple" of "Apple
    Inc") is that organization's alias, so that its speakers and mentions are read as that one;
    when several drafted organizations' names open on it, of none."""
    longer = [p for p in by_name.values() if p.kind != "person" and " " in p.name and p.name.split()[0] == word]
    if len(longer) == 1 and word not in longer[0].aliases:
        longer[0].aliases.append(word)


_ABBREVIATION = re.compile(r"\(([A-Z][A-Z&]{1,6})\)")


def _abbreviations(docs: Sequence[tuple[Document, str]], by_name: dict[str, DraftPerson]) -> None:
    """An abbreviation written in brackets after a drafted name ("Singapore Airlines (SIA)") is an
    alias of that name; a drafted entry of the abbreviation alone becomes part of it."""
    for doc, _ in docs:
        text = doc.text
        for m in _ABBREVIATION.finditer(text):
            abbr = m.group(1)
            before = text[max(0, m.start() - 80) : m.start()].rstrip()
            owner = max((p for p in by_name.values() if " " in p.name and before.endswith(p.name)),
                        key=lambda p: len(p.name), default=None)
            if owner is None or abbr in owner.aliases or abbr[0] != owner.name[0]:
                continue
            owner.aliases.append(abbr)
            alone = by_name.pop(abbr, None)
            if alone is not None:
                for x in alone.seen:
                    _add_seen(owner.seen, x)


_LONE = re.compile(r"(?<![\w'’.&-])(?:[A-Z][a-z]+|[A-Z]{2,5}|[A-Z]{1,3}&[A-Z]{1,3})(?![\w&-]|\.\w)")
# what an organization does in a sentence: a possessive, or a verb after it ("Boeing has announced",
# "Aeroflot say", "Apple introduced")
_AGENT_AFTER = re.compile(r"(?:['’]s?\b|\s+(?:" + "|".join(sorted(tagged_words("function_words.txt", "agent-after")))
                          + r"|[a-z]+ed|[a-z]+s)\b)")
# where a place stands: "in Russia", "the Kremlin"
_PLACE_BEFORE = re.compile(r"(?:\b(?:" + "|".join(sorted(tagged_words("function_words.txt", "place-before"))) + r")\s+)\Z", re.I)
# the fewest times an organization named alone does something in the articles
MIN_AGENT = 2


def _lone_organizations(docs: Sequence[tuple[Document, str]], by_name: dict[str, DraftPerson]) -> dict[str, list[Seen]]:
    """Organizations named by one word alone ("Boeing", "Gizmodo", "AT&T"): a capitalised word, not
    at a sentence's start or in a longer capitalised name, that does something (`_AGENT_AFTER`: a
    possessive, a verb) at least MIN_AGENT times in the articles and stands where a place stands
    (after "in", "at", "to", "the" ...) at most a quarter as often; never a first name, a calendar
    word, a title or a word of a drafted name."""
    v = title_vocabulary()
    firsts = first_name_genders()
    taken = {w for p in by_name.values() if p.kind == "person" for n in (p.name, *p.aliases) for w in n.split()}
    agent: dict[str, list[Seen]] = {}
    place: dict[str, int] = {}
    for doc, shown in docs:
        text = doc.text
        prose = _prose(doc)
        inside = [(q.start, q.end) for q in joined_quotes(prose) if not q.nested]
        for m in _LONE.finditer(text):
            w = m.group()
            low = w.lower()
            if low in firsts or low in _CALENDAR or _title_word(w, v) or w in taken or low in _FUNCTION:
                continue
            if _sentence_start(text, m.start()) or any(s <= m.start() < e for s, e in inside):
                continue
            before, after = text[max(0, m.start() - 30) : m.start()], text[m.end() : m.end() + 30]
            if re.search(r"[A-Z][\w&.-]*\s\Z", before) or re.match(r"\s[A-Z]", after):
                continue  # part of a longer name: "Boeing Commercial Airplanes"
            if _PLACE_BEFORE.search(before):
                place[w] = place.get(w, 0) + 1
            elif _AGENT_AFTER.match(after):
                _add_seen(agent.setdefault(w, []), _seen(doc, shown, m.start()))
    return {w: seen for w, seen in agent.items() if len(seen) >= MIN_AGENT and place.get(w, 0) * 4 <= len(seen)}


_NAMEISH = r"(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}|[A-Z]{2,5}|[A-Z]{1,3}&[A-Z]{1,3})"
_COORDINATION = re.compile(rf"(?<![\w'’.&-])({_NAMEISH})(?:['’]s)?((?:,\s+{_NAMEISH}(?:['’]s)?)*),?\s+and\s+({_NAMEISH})(?![\w&-])")


def _described_organizations(docs: Sequence[tuple[Document, str]], by_name: dict[str, DraftPerson]) -> dict[str, list[Seen]]:
    """Names written right after a noun of `data/organization_descriptors.txt` ("the technology blog
    Gizmodo", "web giant Google's", "carriers, such as Verizon"): organizations, where they are not
    a person's name or words, a first name, a title or a calendar word."""
    nouns = vocab_words("organization_descriptors.txt")
    person_words = {w for p in by_name.values() if p.kind == "person" for n in (p.name, *p.aliases) for w in n.split()}
    firsts = first_name_genders()
    v = title_vocabulary()
    pattern = re.compile(rf"(?<![\w'’-])([a-z]+),?\s+(?:(?:like|such\s+as|including)\s+)?({_NAMEISH})(?:['’]s?)?(?![\w&-]|\s[A-Z])")
    out: dict[str, list[Seen]] = {}
    for doc, shown in docs:
        text = doc.text
        for m in pattern.finditer(text):
            if m.group(1) not in nouns:
                continue
            name, w = m.group(2), m.group(2).split()
            if (any(x in person_words for x in w) or w[0].lower() in firsts or w[0].lower() in _CALENDAR
                    or _title_word(w[0], v) or w[0].lower() in _FUNCTION or w[-1].lower() in nouns):
                continue  # ("our Company": a noun, no name)
            _add_seen(out.setdefault(name, []), _seen(doc, shown, m.start(2)))
    return out


def _coordinated_organizations(docs: Sequence[tuple[Document, str]], by_name: dict[str, DraftPerson]) -> dict[str, list[Seen]]:
    """Names coordinated with a drafted organization ("Apple and AT&T", "between Aeroflot and
    Chicago-based Boeing", "Boeing and Airbus aircraft"): organizations too, where they are not at a
    sentence's start, a person's name or words, a first name or a calendar word."""
    orgs = {p.name for p in by_name.values() if p.kind != "person"} | {a for p in by_name.values() if p.kind != "person" for a in p.aliases}
    person_words = {w for p in by_name.values() if p.kind == "person" for n in (p.name, *p.aliases) for w in n.split()}
    firsts_of_orgs = {n.split()[0] for n in orgs if " " in n and n.split()[-1].lower().rstrip(".") in vocab_words("organization_words.txt")}
    nouns = vocab_words("organization_descriptors.txt") | vocab_words("organization_words.txt")
    firsts = first_name_genders()
    v = title_vocabulary()
    out: dict[str, list[Seen]] = {}
    for doc, shown in docs:
        text = doc.text
        for m in _COORDINATION.finditer(text):
            members = [(m.start(1), m.group(1))]
            members += [(m.start(2) + x.start(1), x.group(1)) for x in re.finditer(rf",\s+({_NAMEISH})", m.group(2) or "")]
            members.append((m.start(3), m.group(3)))
            if not any(name in orgs or name in firsts_of_orgs for _, name in members):
                continue
            for at, name in members:
                w = name.split()
                if (name in orgs or name in by_name or name in firsts_of_orgs or any(x in person_words for x in w) or w[0].lower() in firsts
                        or w[0].lower() in _CALENDAR or _title_word(w[0], v) or w[0].lower() in _FUNCTION
                        or w[-1].lower() in nouns or _sentence_start(text, at)):
                    continue
                _add_seen(out.setdefault(name, []), _seen(doc, shown, at))
    return out


def draft_described(docs: Sequence[tuple[Document, str]], people: list[DraftPerson], taken: set[str]) -> list[DraftPerson]:
    """The unnamed speakers of the quotes, as the speech clause describes them ("a top
    administration official said", "said a Delhi auto parts supplier", "explained Barclays Capital
    economists"; `_description`), where the clause names no drafted person: one entry a description."""
    names = {n for p in people if p.kind == "person" for n in (p.name, *p.aliases)}
    out: dict[str, DraftPerson] = {}
    for doc, shown in docs:
        prose = _prose(doc)
        text = doc.text
        for q in joined_quotes(prose):
            if q.nested:
                continue
            for lo, hi, inverted in _speech_clauses(text, prose, q):
                lo, hi = _who_words(text, lo, hi, inverted)
                desc = _description(text, lo, hi)
                if desc is None or any(n in desc for n in names):
                    continue
                person = out.get(desc)
                if person is None:
                    head = desc.split()[-1].lower()
                    kind = ("organization" if head in vocab_words("organization_words.txt") else
                            "group" if head.endswith("s") and head.removesuffix("s") in title_vocabulary().words else "person")
                    person = out[desc] = DraftPerson(_slug(desc, taken), desc, kind=kind)
                _add_seen(person.seen, _seen(doc, shown, lo))
                break
    return list(out.values())


_WORD = re.compile(r"[\w'’&-]*\w")
_SENTENCE_END = re.compile(r"[.!][\"”’'`)\]]*\s*\Z")
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:()\"“”«»\[\]—–]|''|``|\s-\s")  # (not the comma of "1,250")
_LINK_WORDS = tagged_words("function_words.txt", "date-link")  # "on", "since", "early": what links a date to its event
_FUNCTION = tagged_words("function_words.txt", "draft-filler")


_ABBREVIATION_AFTER = re.compile(r"\([A-Z][A-Za-z&.]{0,8}\)")


def mention_before(text: str, lo: int, start: int, *, abbreviations: bool = False) -> tuple[int, int] | None:
    """The mention of the event a date dates: the last words of the date's clause before it (after
    the last comma or other break), the link words ("on", "in the") before the date left out, at
    most MENTION_WORDS words of which MIN_MENTION_CONTENT are content words; None when too few.
    With `abbreviations`, the brackets of an abbreviation are no break ("General Motors
    Corporation (GM) announced on Wednesday")."""
    brackets = {i for m in _ABBREVIATION_AFTER.finditer(text, lo, start) for i in (m.start(), m.end() - 1)} if abbreviations else set()
    breaks = [b for b in _CLAUSE_BREAK.finditer(text, lo, start) if b.start() not in brackets]
    clause_start = breaks[-1].end() if breaks else lo
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[\w'’&.-]*\w", text[clause_start:start])]
    tokens = [(s + clause_start, e + clause_start, w) for s, e, w in tokens]
    while tokens and tokens[-1][2].lower() in _LINK_WORDS:
        tokens.pop()
    if not tokens or any(c.isdigit() for c in tokens[-1][2]):
        return None
    tokens = tokens[-MENTION_WORDS:]
    while tokens and (tokens[0][2].lower() in _FUNCTION or any(c.isdigit() for c in tokens[0][2])):
        tokens.pop(0)
    if sum(1 for t in tokens if t[2].lower() not in _FUNCTION and not t[2].isdigit()) < MIN_MENTION_CONTENT:
        return None
    return tokens[0][0], tokens[-1][1]


def mention_after(text: str, lo: int, start: int, end: int, hi: int) -> tuple[int, int] | None:
    """The mention of the event a date dates, from the words after it, when those before it do not
    make one (`mention_before`): the first words of the clause after the date (up to the next
    break, a number or `hi`), function words at either end left out, at most MENTION_WORDS words of
    which MIN_MENTION_CONTENT are content words ("On July 2, Apple associated the issue with ...";
    "was delayed today after a superficial accident at ..."); where the date does not open its
    clause, a lower-case content word among them (a name alone is no event); None otherwise."""
    breaks = list(_CLAUSE_BREAK.finditer(text, lo, start))
    opening = text[breaks[-1].end() if breaks else lo : start]
    opens = not any(w.lower() not in _LINK_WORDS and w.lower() != "earlier" for w in re.findall(r"[\w'’-]+", opening))
    if text[end : end + 2] in ("'s", "’s") and not text[end + 2 : end + 3].isalnum():
        end += 2  # "this year's developers conference": the date's possessive, then what it dates
    at = end + len(text[end:hi]) - len(text[end:hi].lstrip(" \t,"))
    stop = _CLAUSE_BREAK.search(text, at, hi)
    tokens = []
    for m in re.finditer(r"[\w'’&.-]*\w", text[at : stop.start() if stop else hi]):
        if m.group().replace(",", "").replace(".", "").isdigit():
            break
        e = at + m.end()
        if "." in m.group() and text[e : e + 1] == ".":
            e += 1  # "U.S.": an abbreviation keeps its last period
        tokens.append((at + m.start(), e, text[at + m.start() : e]))
    while tokens and (tokens[0][2].lower() in _FUNCTION or tokens[0][2].lower() in _LINK_WORDS):
        tokens.pop(0)
    tokens = tokens[:MENTION_WORDS]
    while tokens and tokens[-1][2].lower() in _FUNCTION:
        tokens.pop()
    if sum(1 for t in tokens if t[2].lower() not in _FUNCTION) < MIN_MENTION_CONTENT:
        return None
    if not opens and (not tokens or text[end:tokens[0][0]].strip(" \t,") == "" and not tokens[0][2].islower()
                      or not any(t[2].islower() and t[2] not in _FUNCTION for t in tokens)):
        return None  # "delivered today to Singapore Airlines": a name is no event
    return tokens[0][0], tokens[-1][1]


def _date_value(interval) -> str | None:
    g = interval.granularity
    if interval.first == interval.last and g == "day":
        return interval.first.isoformat()
    if g == "month":
        return interval.first.isoformat()[:7]
    if g == "year":
        return str(interval.first.year)
    return None


def _clip(text: str, most: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 3].rstrip() + "..."


def headline_event(a: Analysis) -> tuple[int, int, str] | None:
    """The event an article's headline reports, with its day: the headline is the text's first
    paragraph when it is one line of HEADLINE_WORDS words at most that ends no sentence, in an
    article whose publication date it shows (a dateline or metadata, not one inferred); its mention
    the headline's words from its first lower-case content word, at most MENTION_WORDS of them, to
    a break or a number ("Boeing unveils new 787 Dreamliner": "unveils new"; a noun describing a
    name before it is the subject's, "U.S. automaker GM plans to close": "plans to close"); its day
    the day its lead (the first sentence after the headline and the dateline) dates, when it dates
    one (a month or a year is background: "begun two years ago"), else the publication date ("X has
    announced ...": the news of the day it is published). None otherwise (the lead dates several
    days)."""
    doc, text = a.document, a.document.text
    if doc.reference_date is None or doc.reference_origin in ("none", "") or "inferred" in doc.reference_origin:
        return None
    pars = _prose(doc).paragraphs
    first = next(((s, e) for s, e in pars if text[s:e].strip()), None)
    if first is None:
        return None
    s, e = first
    line = text[s:e].rstrip()
    if "\n" in line or not line or line[-1] in ".!?:" or len(line.split()) > HEADLINE_WORDS:
        return None
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, s, s + len(line))]
    describing = vocab_words("organization_descriptors.txt") | role_words()
    at = next((i for i, (_, _, w) in enumerate(tokens) if i > 0 and w.islower() and w not in _FUNCTION
               and w not in _LINK_WORDS and w not in describing), None)
    if at is None:
        return None
    mention: list[tuple[int, int, str]] = []
    for i in range(at, min(at + MENTION_WORDS, len(tokens))):
        w = tokens[i]
        if any(c.isdigit() for c in w[2]) or (mention and _CLAUSE_BREAK.search(text, mention[-1][1], w[0])):
            break
        mention.append(w)
    while mention and mention[-1][2].lower() in _FUNCTION:
        mention.pop()
    if sum(1 for t in mention if t[2].lower() not in _FUNCTION) < MIN_MENTION_CONTENT:
        return None
    # the lead: the first sentence of more than HEADLINE_WORDS / 3 words after the headline (not the dateline)
    lead = next(((ls, le) for ls, le in a.sentences.all() if ls >= e and len(text[ls:le].split()) > HEADLINE_WORDS // 3
                 and _SENTENCE_END.search(text, ls, le)), None)
    if lead is None:
        return None
    days = {v for r in a.dates if lead[0] <= r.expr.start < lead[1] and r.interval is not None and not r.unresolved
            and r.timex_type in ("DATE", "TIME") and (v := _date_value(r.interval)) is not None and len(v) == 10}
    if len(days) > 1:
        return None  # the lead dates several days: which is the headline's is not said
    return mention[0][0], mention[-1][1], next(iter(days)) if days else doc.reference_date.isoformat()


def draft_events(analyses: Sequence[tuple[Analysis, str]], taken: set[str] | None = None) -> list[DraftEvent]:
    """An event for each date of a day, month or year written after words of its clause that can
    mention it, and for each article's headline (`headline_event`); the same mention (folded) dated
    the same in several articles is one event, dated differently it is kept with the other dates
    noted (the check then finds the conflict)."""
    by_mention: dict[str, DraftEvent] = {}
    taken = set() if taken is None else taken

    def add(a: Analysis, shown: str, span: tuple[int, int], value: str, sentence: tuple[int, int]) -> None:
        text = a.document.text
        mention = " ".join(text[span[0] : span[1]].split())
        key = " ".join(words(mention))
        seen = _seen(a.document, shown, span[0])
        event = by_mention.get(key)
        if event is None:
            what = _clip(text[sentence[0] : sentence[1]])
            by_mention[key] = DraftEvent(_slug(mention, taken), what, value, mention, [seen])
        elif event.date == value:
            _add_seen(event.seen, seen)
        else:
            event.other_dates.append((value, seen))

    for a, shown in analyses:
        doc, text = a.document, a.document.text
        inside = [(q.start, q.end) for q in joined_quotes(_prose(doc)) if not q.nested]
        for r in a.dates:
            if r.timex_type not in ("DATE", "TIME") or r.interval is None or r.unresolved or r.impossible:
                continue
            if any(s <= r.expr.start < e for s, e in inside):
                continue  # "Today is a great day," he said: the speaker's day, not the article's event
            value = _date_value(r.interval)
            sentence = a.sentences.containing(r.expr.start)
            if value is None or sentence is None:
                continue
            lo = max([sentence[0]] + [d.expr.end for d in a.dates if sentence[0] <= d.expr.end <= r.expr.start])
            hi = min([sentence[1]] + [d.expr.start for d in a.dates if r.expr.end <= d.expr.start <= sentence[1]])
            span = mention_before(text, lo, r.expr.start, abbreviations=True) or mention_after(text, lo, r.expr.start, r.expr.end, hi)
            if span is None:
                continue
            add(a, shown, span, value, sentence)
        head = headline_event(a)
        if head is not None:
            line_end = text.find("\n", head[0])
            add(a, shown, head[:2], head[2], (text.rfind("\n", 0, head[0]) + 1, len(text) if line_end < 0 else line_end))
    events = list(by_mention.values())
    # "Minister Sergei Shoigu visited Pyongyang" and "Shoigu visited Pyongyang" of one date: one event,
    # its mention the shorter (which the longer holds)
    for e in sorted(events, key=lambda e: -len(e.mention)):
        key = " ".join(words(e.mention))
        shorter = next((o for o in events if o is not e and o.date == e.date and not o.other_dates
                        and (" " + key).endswith(" " + " ".join(words(o.mention)))), None)
        if shorter is not None and not e.other_dates:
            for s in e.seen:
                _add_seen(shorter.seen, s)
            events.remove(e)
    return events


_DEFINITE_BEFORE = re.compile(r"(?<![\w'’])(?:" + "|".join(sorted(tagged_words("function_words.txt", "definite"))) + r")\s+\Z", re.I)
# a word before a figure, a number with its separators one ("3,500")
_BEFORE_WORD = re.compile(r"[\w'’$-]+(?:[.,]\d+)*")
_TAIL = {n: re.compile(r"(?:\s*[\w%$'’-]+){1," + str(n) + "}") for n in (1, 3)}


# a number written right after a word with a capital letter in it, as a model's or an index's name is
# ("Boeing 787", "iPhone 4", "FTSE 100")
_NAMED_NUMBER = re.compile(r"(?<![\w'’])[\w&-]*[A-Z][\w&-]*[ \t]\Z")


def _model_numbers(analyses: Sequence[tuple[Analysis, str]]) -> frozenset[str]:
    """The plain numbers ("787", "4": digits alone) the articles write right after a word with a
    capital letter ("Boeing 787", "iPhone 4") somewhere: names of models wherever they stand ("the
    787 will"), not quantities."""
    out = set()
    for a, _ in analyses:
        text = a.document.text
        for m in re.finditer(r"(?<![\w'’])[\w&-]*[A-Z][\w&-]*[ \t](\d{1,4})(?![\w.,]\d|[\w%])", text):
            out.add(m.group(1))
    return frozenset(out)


def _figure_breaks(text: str, lo: int, hi: int) -> list[re.Match]:
    """The clause breaks of `text[lo:hi]`, a number's own commas ("3,500") none."""
    return [b for b in _CLAUSE_BREAK.finditer(text, lo, hi)
            if not (b.group() == "," and text[b.start() - 1 : b.start()].isdigit() and text[b.end() : b.end() + 1].isdigit())]


_OFFSET_WORDS = tagged_words("function_words.txt", "offset")
_PERIOD_BEFORE = tagged_words("function_words.txt", "period-before")
# the words a length of time may open on: a number's ("two", "a dozen") or a hedge's ("almost")
_NUMBER_OR_HEDGE = frozenset(w.split()[0] for w in (*number_words(), *HEDGES))


def _stated_length(text: str, r) -> bool:
    """Whether a date expression is a length of time an article states ("lasted four hours", "18
    months behind schedule", "three years after it was first due", "almost two and a half years"):
    a duration opening on a number or a hedge, with no determiner in it ("the next 30 days") nor an
    offset from the article's date after it ("two years ago"), not written as an adjective ("a
    12-hour flight", "a 4 year low") nor as the period something happens in ("fell 679 points in
    one day", "within 30 days"). Its figure is then a claim's, as any quantity's."""
    if r.timex_type != "DURATION":
        return False
    expr = text[r.expr.start : r.expr.end]
    ws = expr.lower().split()
    if not ws or "-" in expr or not (ws[0][0].isdigit() or ws[0] in _NUMBER_OR_HEDGE):
        return False
    if any(w in _OFFSET_WORDS or w in _DETERMINERS - {"a", "an"} for w in ws):
        return False
    prev = re.search(r"([A-Za-z]+)\s+\Z", text[max(0, r.expr.start - 20) : r.expr.start])
    if prev is not None and (prev.group(1).lower() in _DETERMINERS or prev.group(1).lower() in _PERIOD_BEFORE):
        return False  # "a 4 year low", "in just two hours"
    nxt = re.match(r"\s*([a-z]+)", text[r.expr.end : r.expr.end + 20])
    return nxt is None or nxt.group(1) not in _OFFSET_WORDS


def draft_claims(analyses: Sequence[tuple[Analysis, str]], taken: set[str] | None = None) -> list[DraftClaim]:
    """A claim for each figure with a unit or a noun after it (not part of a date): its sentence
    the statement, the words from three before the figure to its noun the wording."""
    out: dict[str, DraftClaim] = {}
    taken = set() if taken is None else taken
    names = _model_numbers(analyses)
    for a, shown in analyses:
        doc, text = a.document, a.document.text
        prose = _prose(doc)
        dated = [(r.expr.start, r.expr.end) for r in a.dates if not _stated_length(text, r)]
        # the quotes, those whose paragraphs are sentences too ("``We were about three words away.\n...,'' he said")
        inside = [(v.quote.start, v.quote.end) for v in a.quotes] + [(q.start, q.end) for q in joined_quotes(prose) if not q.nested]
        for fig in find_figures(prose):
            if any(s < fig.end and fig.start < e for s, e in dated):
                continue
            noun = fig.unit or next(iter(fig.following.split()), "")
            if not noun or not noun.replace("-", "").isalpha() or noun in _FUNCTION or fig.factor != 1.0:
                continue  # (a unit of several words is read with hyphens: "nautical-miles")
            sentence = a.sentences.containing(fig.start)
            if sentence is None:
                continue
            if any(s <= fig.start < e for s, e in inside):
                continue  # a speaker's words are the quote's, not a claim of the article
            if text[fig.start : fig.end].isalpha() and _DEFINITE_BEFORE.search(text, max(0, fig.start - 12), fig.start):
                continue  # "the two countries": things named before, no count stated
            if not fig.unit and text[fig.start : fig.end].isdigit() and (
                    text[fig.start : fig.end] in names or _NAMED_NUMBER.search(text, max(0, fig.start - 30), fig.start)):
                continue  # "the 787 Dreamliner", "iPhone 4", "FTSE 100": a name, not a quantity
            lead = fig.lead if fig.lead >= 0 else fig.start
            breaks = _figure_breaks(text, sentence[0], lead)
            clause = breaks[-1].end() if breaks else sentence[0]  # "To date, 149 confirmed orders": not "date"
            before = list(_BEFORE_WORD.finditer(text[clause:lead]))[-3:]
            begin = clause + before[0].start() if before else lead
            first = fig.following.split()[:1]
            most = 3 if not fig.unit and first and ("-" in text[fig.end : fig.end + 40].split(maxsplit=1)[0]
                                                                    or (not before and first[0].endswith(("ed", "ing")))) else 1
            if fig.unit and "-" in fig.unit and fig.unit.replace("-", " ") in " ".join(text[fig.end : fig.end + 60].lower().split()):
                most = 3  # a unit of words written out after the figure: "8,500 nautical miles"
            if not before and fig.unit and len(text[begin : fig.end].split()) < 2:
                # a one-word figure opening its clause, its unit after it ("18 months"): the words
                # after the unit say what it counts ("18 months behind schedule")
                most = 3
            tail = _TAIL[most].match(text, fig.end, sentence[1])
            tail_words = tail.group().split() if tail else []
            while tail_words and tail_words[-1].lower() in _FUNCTION:
                tail_words.pop()
            if not tail_words and not fig.unit:
                continue
            end = fig.end if not tail_words else fig.end + (tail.group().index(tail_words[-1]) + len(tail_words[-1]) if tail else 0)
            unit = fig.unit or " ".join(tail_words)
            wording = " ".join(text[begin:end].split())
            if _figure_breaks(text, begin, fig.start) or _figure_breaks(text, fig.end, end) or len(wording.split()) < 3:
                continue
            key = " ".join(words(wording))
            seen = _seen(doc, shown, begin)
            if key in out:
                _add_seen(out[key].seen, seen)
                continue
            value = amount_key(fig.value)  # "$16.6 billion" read as 16600000000.000002 is 16600000000
            out[key] = DraftClaim(_slug(wording, taken), _clip(text[sentence[0] : sentence[1]], 200), wording,
                                  value, unit, [seen])
    return list(out.values())


# A sentence that no drafted quote or claim covers (a drafted event says when, not what was done) is
# drafted as a claim of its own (a denial, a statement of fact) when another article restates it: a
# sentence of it shares at least
# MIN_RESTATED_WORDS content words written in lower case (by stem: names are what the story is about,
# not what a claim says of them), and is no copy of it (at most COPY_SHARE of its words in order).
MIN_RESTATED_WORDS = 4
COPY_SHARE = 0.8
# ... and when its check-worthiness (FL403's score) reaches this share of the score from which FL403
# lists a sentence (the model's threshold, `data/checkworthy.txt`): no boilerplate. A share, not a
# score, as every refit of the model moves its scores.
STATEMENT_SCORE_SHARE = 0.5
# A statement's `supports` wording: at most this many words of one clause, at least this many content words.
SUPPORT_WORDS = 5
MIN_SUPPORT_CONTENT = 2
_SUPPORT_FILLER = tagged_words("function_words.txt", "quote-function") | _FUNCTION
_VERB_ENDING = re.compile(r"(?<=\w{3})(?:ed|ing|e)\Z")


def _stem(word: str) -> str:
    """A word's stem, near enough to compare two wordings: "exchanged", "exchanges" and
    "exchange" are one."""
    return _VERB_ENDING.sub("", noun_stem(word.lower().replace("’", "'").removesuffix("'s")))


def _all_content(text: str, start: int, end: int) -> frozenset[str]:
    """The stems of the content words of `text[start:end]`, names too (as `_lower_content`, in any case)."""
    says = speech_verbs().forms
    return frozenset(_stem(w.lower()) for w in _WORD.findall(text, start, end)
                     if len(w) > 2 and w.lower() not in _SUPPORT_FILLER and w.lower() not in says
                     and not any(c.isdigit() for c in w))


def _lower_content(text: str, start: int, end: int) -> frozenset[str]:
    """The stems of the content words of `text[start:end]` written in lower case (no function word,
    speech verb or number)."""
    says = speech_verbs().forms
    return frozenset(_stem(w) for w in _WORD.findall(text, start, end)
                     if w.islower() and len(w) > 2 and w not in _SUPPORT_FILLER and w not in says
                     and not any(c.isdigit() for c in w))


def support_wording(text: str, start: int, end: int, shared: frozenset[str] = frozenset(),
                    dates: Sequence[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """The words of the sentence `text[start:end]` that say what it claims, as its `supports`
    wording: within one clause (no break between), at most SUPPORT_WORDS words opening on a lower-case
    content word (no function word, speech verb or number) and ending on a content word, with the
    most of the words `shared` (stems: those another article restates), then the most lower-case
    content words (a name counts half), the shorter and then the earlier on a tie, no word of the
    `dates` spans in it ("last year" says when, not what); None when no span has MIN_SUPPORT_CONTENT
    lower-case content words."""
    says = speech_verbs().forms
    cuts = [start, *(b.end() for b in _CLAUSE_BREAK.finditer(text, start, end)), end]
    best: tuple[float, float, int, int] | None = None
    span = None

    def content(w: str) -> bool:
        return w.lower() not in _SUPPORT_FILLER and not any(c.isdigit() for c in w)

    for lo, hi in zip(cuts, cuts[1:]):
        tokens = [(m.start() + lo, m.end() + lo, m.group()) for m in _WORD.finditer(text[lo:hi])]
        for i, (s0, _, first) in enumerate(tokens):
            if not first.islower() or not content(first) or first in says:
                continue
            for j in range(i, min(i + SUPPORT_WORDS, len(tokens))):
                if any(ds < tokens[j][1] and tokens[j][0] < de for ds, de in dates):
                    break
                if not content(tokens[j][2]):
                    continue
                inner = [w for _, _, w in tokens[i : j + 1] if content(w) and w.lower() not in says]
                lower = sum(1 for w in inner if w.islower())
                if lower < MIN_SUPPORT_CONTENT:
                    continue
                rank = (len({_stem(w) for w in inner if w.islower()} & shared),
                        sum(1.0 if w.islower() else 0.5 for w in inner), -(j - i), -s0)
                if best is None or rank > best:
                    best, span = rank, (s0, tokens[j][1])
    return span


def draft_statements(analyses: Sequence[tuple[Analysis, str]], taken: set[str] | None = None,
                     min_score: float | None = None) -> list[DraftClaim]:
    """A claim without a figure for each sentence that states what another article restates
    (MIN_RESTATED_WORDS), that no drafted fact covers (the analyses are read against the draft so
    far) and whose check-worthiness (FL403's score) is `min_score` or more (by default
    STATEMENT_SCORE_SHARE of the model's threshold): not a speaker's quote (a sentence holding one
    is the quote's), a question or a headline (no closing period). The
    sentence is its statement, `support_wording` (the restated words first) its `supports`; a
    sentence restating one drafted already is that claim, seen again."""
    taken = set() if taken is None else taken
    if min_score is None:
        min_score = STATEMENT_SCORE_SHARE * CheckworthyModel.load().threshold
    # every sentence of every article: its lower-case content stems, and an index from stem to sentences
    sentences: list[tuple[int, int, int, frozenset[str]]] = []
    index: dict[str, list[int]] = {}
    for k, (a, _) in enumerate(analyses):
        for s, e in a.sentences.all():
            stems_ = _lower_content(a.document.text, s, e)
            for w in stems_:
                index.setdefault(w, []).append(len(sentences))
            sentences.append((k, s, e, stems_))

    def restated(k: int, text: str, s: int, e: int, own: frozenset[str]) -> list[tuple[int, frozenset[str]]]:
        counts: dict[int, int] = {}
        for w in own:
            for n in index[w]:
                counts[n] = counts.get(n, 0) + 1
        out = []
        mine = words(text[s:e])
        for n, c in counts.items():
            other_k, os_, oe, other = sentences[n]
            if c < MIN_RESTATED_WORDS or other_k == k:
                continue
            theirs = words(analyses[other_k][0].document.text[os_:oe])
            if difflib.SequenceMatcher(None, mine, theirs, autojunk=False).ratio() > COPY_SHARE:
                continue  # a copy of the sentence: no second article's word for it
            out.append((n, own & other))
        return out

    # (claim, its sentence's stems, its article, its wording's stems)
    drafted: list[tuple[DraftClaim, frozenset[str], int, frozenset[str]]] = []
    for k, (a, shown) in enumerate(analyses):
        doc, text = a.document, a.document.text
        spoken = [(v.quote.start, v.quote.end) for v in a.quotes if not v.quote.nested and not v.term]
        spoken += [(q.start, q.end) for q in joined_quotes(_prose(doc)) if not q.nested and not is_term(text, q)]
        for sc in a.claim_sentences:
            if sc.covered or sc.score < min_score or not _SENTENCE_END.search(text, sc.start, sc.end):
                continue
            if any(qs < sc.end and sc.start < qe for qs, qe in spoken):
                continue
            own = _lower_content(text, sc.start, sc.end)
            again = restated(k, text, sc.start, sc.end, own)
            if not again:
                continue
            # the claim this sentence states again: one of another article's whose sentence shares
            # as many words and whose wording this sentence holds (two thirds of its content words)
            every = _all_content(text, sc.start, sc.end)
            home = next((c for c, stems_, ck, said in drafted if ck != k and len(stems_ & own) >= MIN_RESTATED_WORDS
                         and 3 * len(said & every) >= 2 * len(said)), None)
            shared = frozenset().union(*(sh for _, sh in again))
            span = support_wording(text, sc.start, sc.end, shared, [(r.expr.start, r.expr.end) for r in a.dates])
            if span is None:
                continue
            seen = _seen(doc, shown, span[0])
            if home is not None:
                _add_seen(home.seen, seen)
                continue
            wording = " ".join(text[span[0] : span[1]].split())
            claim = DraftClaim(_slug(wording, taken), _clip(text[sc.start : sc.end], 200), wording, seen=[seen])
            drafted.append((claim, own, k, _all_content(text, span[0], span[1])))
    return [c for c, _, _, _ in drafted]


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


# A quote opened in one paragraph and closed in a later one that does not reopen it spans at most
# this many paragraphs (text whose paragraphs are sentences: "``What we've seen ... could happen.\n
# But you need a catalyst,'' he said.").
MAX_QUOTE_PARAGRAPHS = 4


def _opens(text: str, off: int, mark: str, p_start: int) -> bool:
    """Whether an unpaired quote mark opens a quote: by its shape, or for a straight mark (or two
    apostrophes) by where it stands: after white space or the paragraph's start, before a word."""
    if mark in ("``", "“", "„", "«"):
        return True
    if mark in ("”", "»"):
        return False
    after = text[off + len(mark) : off + len(mark) + 1]
    return (off == p_start or text[off - 1].isspace() or text[off - 1] in "([{—–") and after != "" and not after.isspace()


def joined_quotes(prose: Prose) -> list[Quote]:
    """The quotes of `find_quotes`, and each quote whose opening mark is left open in one paragraph
    and closed, unpaired, in one of the next MAX_QUOTE_PARAGRAPHS - 1 paragraphs, with no other quote
    between (one segment a paragraph), in text order."""
    found, unbalanced = find_quotes(prose)
    if len(unbalanced) < 2:
        return found
    text, pars = prose.text, prose.paragraphs
    starts = [a for a, _ in pars]
    marks = sorted(unbalanced, key=lambda u: u.offset)
    spans = sorted((q.start, q.end) for q in found if not q.nested)
    out = list(found)
    for u, v in zip(marks, marks[1:]):
        i, j = bisect_right(starts, u.offset) - 1, bisect_right(starts, v.offset) - 1
        if not i < j < i + MAX_QUOTE_PARAGRAPHS:
            continue
        if not _opens(text, u.offset, u.mark, pars[i][0]) or _opens(text, v.offset, v.mark, pars[j][0]):
            continue
        if any(u.offset < a < v.offset for a, _ in spans):
            continue
        segs = []
        for k in range(i, j + 1):
            lo = u.offset + len(u.mark) if k == i else pars[k][0]
            hi = v.offset if k == j else pars[k][1]
            while lo < hi and text[lo].isspace():
                lo += 1
            while hi > lo and text[hi - 1].isspace():
                hi -= 1
            if lo < hi:
                segs.append(Segment(lo, hi))
        if segs:
            out.append(Quote(u.offset, v.offset + len(v.mark), tuple(segs)))
    out.sort(key=lambda q: (q.start, -q.end))
    return out


_DETERMINERS = tagged_words("function_words.txt", "article")
# words that end the words naming a speaker after a speech verb ('said Chris Weafer commenting on',
# 'said GM's vice president in a telephone conference')
_SPEAKER_CUT = tagged_words("function_words.txt", "speaker-cut")
# a quote's source after it: '"..." as stated on the Apple website', '"...", as reported by Reuters'
_AS_SAID = re.compile(r"[\s,]*as\s+(?P<verb>[a-z]+)\s+(?:by|on|in)\s+(?P<who>[^.;:!?\"“”`,]{1,80})")
_VERB_AFTER_QUOTE = re.compile(r"[\s,]*(?P<verb>[a-z]+)\s+(?P<who>[^.;:!?\"“”`]{1,120})")


def _who_words(text: str, lo: int, hi: int, inverted: bool) -> tuple[int, int]:
    """The words naming a speaker in text[lo:hi]: after an inverted verb up to a word of
    _SPEAKER_CUT or a lower-case word ending in -ing; before a verb, the last clause (after a comma
    that ends an appositive is kept: "Tony Clement, Canada's minister, said")."""
    if inverted:
        comma = re.search(r",\s+(?:(?:and|but|then)\s+(?:he|she|they|it|we|then)|who|which|adding|saying)\b", text[lo:hi])
        if comma:
            hi = lo + comma.start()  # 'explained Barclays Capital economists, and they predicted'
        ws = list(re.finditer(r"[\w'’.&-]+", text[lo:hi]))
        for k, m in enumerate(ws):
            w = m.group()
            nxt = ws[k + 1].group().lower() if k + 1 < len(ws) else ""
            if w.lower() in _SPEAKER_CUT or (w.endswith("ing") and w.islower() and (not nxt or nxt in _FUNCTION | _LINK_WORDS)):
                hi = lo + m.start()  # "commenting on": not "marketing vice president"
                break
    while hi > lo and text[hi - 1] in " \t,":
        hi -= 1
    if not inverted:
        aux = re.search(r"\s+(?:has|had|have|also|then|would|will|later|again)\Z", text[lo:hi])
        if aux:
            hi = lo + aux.start()  # "a United Auto Workers negotiator has said"
    while lo < hi and text[lo] in " \t,":
        lo += 1
    return lo, hi


def _description(text: str, lo: int, hi: int) -> str | None:
    """An unnamed speaker described in text[lo:hi]: "a top administration official", "a Delhi auto
    parts supplier" (an indefinite description: any noun), "GM's sales, service, and marketing vice
    president", "Barclays Capital economists" (a title the title tables know); without its article.
    None for a name, a pronoun, or anything else."""
    ws = text[lo:hi].split()
    k = next((i for i, w in enumerate(ws[:3]) if w.lower() in ("a", "an")), 0)
    if k and all(w[:1].isupper() or w.lower() in _FUNCTION for w in ws[:k][:1]) and all(w.islower() for w in ws[1:k]):
        ws = ws[k:]  # "Whereas a United Auto Workers negotiator has said"
    if not ws or len(ws) > 9:
        return None
    indefinite = ws[0].lower() in ("a", "an")
    if ws[0].lower() in _DETERMINERS:
        ws = ws[1:]
    if not ws:
        return None
    head = ws[-1].lower().strip(".,")
    if not head.isalpha() or not ws[-1][:1].islower() or head in _FUNCTION or head in _SPEAKER_CUT:
        return None
    v = title_vocabulary()
    titled = head in v.words or head.removesuffix("s") in v.words
    if not (titled or (indefinite and len(ws) >= 2)):
        return None
    if len(ws) == 1 and not indefinite:
        return None  # "the spokesman": someone named before, not a new speaker
    return " ".join(ws).rstrip(",")


def _speech_clauses(text: str, prose: Prose, q: Quote) -> list[tuple[int, int, bool]]:
    """Where a quote's speaker may be named, nearest first: after the quote (',' said X' or '," X
    said'), and before it in its sentence ('X said, "' / 'X said that "' / 'X said the plan was
    "'); (start, end, inverted) each."""
    says = speech_verbs().forms
    out = []
    pars = prose.paragraphs
    k = next((k for k, (s, e) in enumerate(pars) if s <= q.end - 1 < e), len(pars) - 1)
    after = q.end
    if not text[q.end : pars[k][1]].strip(" \t.,") and k + 1 < len(pars):
        after = pars[k + 1][0]  # '... collapse.''\nsaid Stephen Harper': a paragraph that is a sentence's end
    tail = text[after : pars[k + 1][1] if after != q.end else pars[k][1]]
    m = _VERB_AFTER_QUOTE.match(tail)
    source = _AS_SAID.match(tail)
    if m and m.group("verb") in says:
        out.append((after + m.start("who"), after + m.end("who"), True))
    elif source and source.group("verb") in says:
        out.append((after + source.start("who"), after + source.end("who"), True))  # '"..." as stated on the Apple website'
    elif after == q.end:
        verb = next((w for w in re.finditer(r"[a-z]+", tail[: min(len(tail), 100)]) if w.group() in says), None)
        if verb is not None and not re.search(r"[.;:!?\"“”`]", tail[: verb.start()]) and tail[: verb.start()].strip(" \t,"):
            out.append((after, after + verb.start(), False))  # '...," a top administration official said'
        elif text[q.end - 3 : q.end - 2] == "," or text[q.end : q.end + 1] == ",":
            m = re.match(r"[\s,]*([^,.;:!?\"“”`]{2,60})[,.]", tail)
            ws = m.group(1).split() if m else []
            if m and ws and all(w[:1].isupper() for w in ws[1:]) and any(w[:1].isupper() for w in ws):
                # '...,'' Jesse Toprak, an analyst for Edmunds.': a name alone after the quote (a
                # verb the tables miss before it: '...,'' enthused Scott Fancher.'), not a clause
                # ('" iPhone OS, " iOS 4 was first introduced by Apple')
                out.append((after + m.start(1), after + m.end(1), True))
    sentence = prose.sentences.containing(q.start) or (q.start, q.end)
    lo = max(sentence[0], next((s for s, e in prose.paragraphs if s <= q.start < e), 0))
    head = text[lo : q.start]
    by = re.search(r"\bby\s+([^,;:\"“”`]{1,60}?)\s+as\s*\Z", head)
    if by:  # "was praised by Jobs as "...""
        out.append((lo + by.start(1), lo + by.end(1), True))
    for v in re.finditer(r"[A-Za-z]+", head):
        if v.group() in says:
            breaks = list(re.finditer(r";|``|''|[\"“”]|,\s", head[: v.start()]))
            out.append((lo + breaks[-1].end() if breaks else lo, lo + v.start(), False))
            break
    return out


def _organization_referred(text: str, prose: Prose, said: str, lo: int, organizations: re.Pattern | None,
                           org_ids: dict[str, str]) -> str | None:
    """The drafted organization a speech clause's "it" or "the company" (a definite noun of
    `data/organization_descriptors.txt`) refers to: the one named last before it in its sentence
    ('In a statement on the Airbus website, the company said'), else the first one named in the
    sentence before (its subject: 'The US Treasury described the plan in a press release. It said
    ...'); None when neither names one. `organizations` finds the drafted organizations' names,
    `org_ids` gives each name's id."""
    ws = said.lower().split()
    if organizations is None or not (ws == ["it"] or (len(ws) == 2 and ws[0] == "the"
                                                      and ws[1] in vocab_words("organization_descriptors.txt"))):
        return None
    sentence = prose.sentences.containing(lo)
    if sentence is None:
        return None
    same = list(organizations.finditer(text, sentence[0], lo))
    if same:
        return org_ids[same[-1].group()]
    end = sentence[0]
    while end > 0 and text[end - 1].isspace():  # (not a copy of the text before it, per sentence)
        end -= 1
    previous = prose.sentences.containing(end - 1) if end > 0 else None
    if previous is None or previous == sentence:
        return None
    first = organizations.search(text, previous[0], previous[1])
    return org_ids[first.group()] if first else None


def _credit(text: str, prose: Prose, q: Quote, mentions, kinds: dict[str, str], described: dict[str, str],
            genders: dict[str, str | None], last: str | None, last_at: int, organizations: re.Pattern | None = None,
            org_ids: dict[str, str] | None = None) -> tuple[str | None, bool]:
    """Whom a quote the attribution sieves leave unattributed is credited to in a draft: the drafted
    person named in its speech clause (a person before an organization: "said Uralsib analyst Chris
    Weafer"; the subject before an appositive: "Scott Carson, president of Boeing Commercial
    Airplanes, said"), a described speaker drafted as such ("a top administration official said"),
    or for "he"/"she" the speaker credited last in the article (of that gender or of none known),
    else the nearest drafted person of that gender before; for "it" or "the company", the drafted
    organization it refers to (`_organization_referred`). With whether a speech clause names
    someone at all (then the quote continues no one's: '"...," said Clements')."""
    for lo, hi, inverted in _speech_clauses(text, prose, q):
        lo, hi = _who_words(text, lo, hi, inverted)
        org = _organization_referred(text, prose, text[lo:hi], lo, organizations, org_ids or {}) if lo < hi else None
        if org is not None:
            return org, True
        if lo >= hi or (text[lo:hi].split()[0].lower() in _FUNCTION - {"he", "she"} and len(text[lo:hi].split()) == 1):
            continue  # '..., and described': no one
        if text[lo:hi].split()[0].lower() in ("and", "but", "or", "then", "as", "while"):
            continue  # '..., and several times described': no subject of its own
        inside = [m for m in mentions if lo <= m.start and m.end <= hi and len(m.ids) == 1 and not m.possessive]
        persons = [m for m in inside if kinds.get(m.ids[0]) == "person"]
        if not persons and not inverted:
            # "Scott Carson, president and CEO of Boeing Commercial Airplanes said": the subject
            # named before the appositive, at the sentence's start
            sentence = prose.sentences.containing(lo) or (lo, hi)
            persons = [m for m in mentions if sentence[0] <= m.start < lo and len(m.ids) == 1 and kinds.get(m.ids[0]) == "person"
                       and not text[sentence[0] : m.start].strip(" \t\"“”`'") and text[m.end : m.end + 1] == ","]
        if persons or inside:
            return (persons or inside)[0].ids[0], True
        said = text[lo:hi]
        desc = _description(text, lo, hi)
        if desc is not None and desc in described:
            return described[desc], True
        named_org = organizations.search(text, lo, hi) if organizations is not None and inverted else None
        if named_org is not None and org_ids is not None:
            return org_ids[named_org.group()], True  # '"..." as stated on the Apple website

        pronoun = said.split()[-1].lower()
        if pronoun in ("he", "she") and (len(said.split()) == 1 or not inverted):
            want = "m" if pronoun == "he" else "f"
            if last is not None and kinds.get(last) == "person" and genders.get(last) in (want, None) and q.start - last_at < 2000:
                return last, True
            before = [m for m in mentions if m.end <= lo and len(m.ids) == 1 and kinds.get(m.ids[0]) == "person"
                      and genders.get(m.ids[0]) == want]
            return (before[-1].ids[0] if before else None), True
        return None, True
    return None, False


def draft_quotes(docs: Sequence[tuple[Document, str]], people: Facts, taken: set[str] | None = None) -> list[DraftQuote]:
    """Each quote (`joined_quotes`, not a term, a title or a quote within a quote) of
    MIN_QUOTE_WORDS words or more credited to a drafted person: by the attribution sieves, else by
    `_credit`, else as the continuation of the quote before it (alone in the next paragraph, or
    later in the same one, with nobody else named between); a quote whose words lie inside
    another of the same speaker's is that one (its wording kept as a variant)."""
    speakers = SpeakerIndex.build(people)
    kinds = {p.id: p.kind for p in people.people}
    described = {p.name: p.id for p in people.people if p.name[:1].islower() or p.name.split()[-1][:1].islower()}
    org_ids = {n: p.id for p in people.people if p.kind == "organization" and p.id not in described.values()
               for n in p.names}
    organizations = (re.compile(r"(?<![\w&-])(?:" + "|".join(re.escape(n) for n in sorted(org_ids, key=len, reverse=True))
                                + r")(?![\w&-])") if org_ids else None)
    found: list[tuple[str, str, list[str], Seen]] = []
    for doc, shown in docs:
        prose = _prose(doc)
        text = doc.text
        quotes = joined_quotes(prose)
        mentions = [m for m in read_people(prose, speakers, quotes) if m.ids]
        last: str | None = None
        last_q: Quote | None = None
        for q, att in zip(quotes, attribute(prose, quotes, speakers), strict=True):
            if q.nested:
                continue
            speaker, named = att.speaker, False
            if speaker is None:
                speaker, named = _credit(text, prose, q, mentions, kinds, described, speakers.genders, last,
                                         last_q.end if last_q else -1, organizations, org_ids)
            if (speaker is None and not named and last is not None and last_q is not None
                    and _continues(text, prose, last_q, q, mentions, last, kinds)):
                speaker = last
            if speaker is None:
                continue
            last, last_q = speaker, q
            content = " ".join(q.content(text).split())
            if is_term(text, q) or _looks_like_title(content):
                continue
            content = re.sub(r"\s*\[[^\[\]]*\]\s*", " ", content).strip().rstrip(",;: ")  # "[Vladimir] Putin": the editor's
            ws = words(content)
            if len(ws) < MIN_QUOTE_WORDS:
                continue
            found.append((speaker, content, ws, _seen(doc, shown, q.start)))
    found.sort(key=lambda x: -len(x[2]))
    out: list[tuple[DraftQuote, list[str]]] = []
    taken = set() if taken is None else taken
    for speaker, text, ws, seen in found:
        home = next((d for d, dws in out if d.speaker == speaker and _contains(dws, ws)), None)
        if home is None:
            out.append((DraftQuote(_slug(f"{speaker} {' '.join(ws[:4])}", taken), speaker, text, [seen]), ws))
        elif text == home.text:
            _add_seen(home.seen, seen)
        else:
            home.variants.append((text, seen))
    return [d for d, _ in out]


def _continues(text: str, prose: Prose, before: Quote, q: Quote, mentions, speaker: str, kinds: dict[str, str]) -> bool:
    """Whether `q` goes on from `before`: in the same paragraph or alone in the next one (nothing but
    a speech clause around it), with no other person named between."""
    pars = prose.paragraphs
    i = next((k for k, (s, e) in enumerate(pars) if s <= before.end - 1 < e), None)
    j = next((k for k, (s, e) in enumerate(pars) if s <= q.start < e), None)
    if i is None or j is None or j - i > 1:
        return False
    if any(before.end <= m.start < q.start and m.ids != (speaker,) and kinds.get(m.ids[0]) == "person" for m in mentions):
        return False  # someone else is named between (an organization may be: "Boeing vice president")
    if j == i + 1 and text[pars[j][0] : q.start].strip():
        return False
    return True


def draft_titles(analyses: Sequence[tuple[Analysis, str]], people: Sequence[DraftPerson]) -> None:
    """The titles written around each drafted person's name, as written (roles the title tables
    know), added to the person; names inside quotes left out."""
    by_id = {p.id: p for p in people}
    for a, shown in analyses:
        text = a.document.text
        inside = [(v.quote.start, v.quote.end) for v in a.quotes if not v.quote.nested]
        spans = [(n.start, n.end) for n in a.names]
        for n in a.names:
            p = by_id.get(n.person_id)
            if p is None or n.near_miss or any(s <= n.start < e for s, e in inside):
                continue
            for t in titles_near(text, n.start, n.end, n.person_id, sentence=a.sentences.containing(n.start),
                                 others=[s for s in spans if s != (n.start, n.end)], own=name_words((p.name, *p.aliases))):
                title = " ".join(t.text.split())
                if title and title not in p.titles and not t.former:
                    p.titles.append(title)


def draft_sources(docs: Sequence[tuple[Document, str]], pattern: Callable[[str], str]) -> list[DraftSource]:
    """Each article's publication date when the article shows it (front matter, metadata, a
    dateline; not one inferred), and its outlet from its metadata (`data/outlet_keys.txt`)."""
    keys = table("outlet_keys.txt")
    out = []
    for doc, shown in docs:
        meta = dict(doc.metadata)
        outlet = next((meta[k] for k in keys if meta.get(k)), None)
        origin = doc.reference_origin
        published = doc.reference_date.isoformat() if doc.reference_date and "inferred" not in origin else None
        if outlet or published:
            out.append(DraftSource(pattern(shown), outlet, published, origin))
    return out


# -- the YAML ------------------------------------------------------------------------------------------


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _seen_comment(seen: Sequence[Seen], indent: str) -> str:
    return f"{indent}# seen in: {', '.join(str(s) for s in seen[:8])}{' ...' if len(seen) > 8 else ''}"


def person_lines(p: DraftPerson) -> list[str]:
    out = [_seen_comment(p.seen, "  "), f"  - id: {p.id}"]
    if p.kind != "person":
        out.append(f"    kind: {p.kind}")
    out.append(f"    name: {_q(p.name)}")
    if p.aliases:
        out.append(f"    aliases: [{', '.join(_q(a) for a in p.aliases)}]")
    if p.titles:
        out.append("    titles:")
        out.extend(f"      - {_q(t)}" for t in p.titles)
    return out


def event_lines(e: DraftEvent) -> list[str]:
    out = [_seen_comment(e.seen, "  "), f"  - id: {e.id}", f"    what: {_q(e.what)}", f"    date: {_q(e.date)}",
           f"    mentions: [{_q(e.mention)}]"]
    out.extend(f"    # also dated {d} in {s}" for d, s in e.other_dates)
    return out


def quote_lines(q: DraftQuote) -> list[str]:
    out = [_seen_comment(q.seen, "  "), f"  - id: {q.id}", f"    speaker: {q.speaker}", f"    text: {_q(q.text)}"]
    out.extend(f"    # variant in {s}: {_q(t)}" for t, s in q.variants)
    return out


def claim_lines(c: DraftClaim) -> list[str]:
    out = [_seen_comment(c.seen, "  "), f"  - id: {c.id}", f"    statement: {_q(c.statement)}",
           f"    supports: [{_q(c.wording)}]"]
    if c.value is not None:
        value = int(c.value) if c.value == int(c.value) else c.value
        out.append(f"    figure: {{value: {value}, unit: {_q(c.unit)}}}")
    return out


def render(draft: Draft, story: str | None = None) -> str:
    """The draft as facts.yaml, with its comments."""
    out = [
        "# Drafted by `factlint suggest` from the articles: every entry says where it was seen.",
        "# Read it, correct it and keep what is true; entries under CONFLICT are where the articles",
        "# disagree, left out of the facts (no side taken).",
        "version: 1",
    ]
    if story:
        out.append(f"story: {_q(story)}")
    if draft.sources:
        out.append("sources:")
        for s in draft.sources:
            fields = [f"{k}: {_q(v)}" for k, v in (("outlet", s.outlet), ("published", s.published)) if v]
            out.append(f"  {_q(s.pattern)}: {{{', '.join(fields)}}}   # {s.origin}" if s.published else
                       f"  {_q(s.pattern)}: {{{', '.join(fields)}}}")
    sections: list[tuple[str, list[list[str]]]] = [
        ("people", [person_lines(p) for p in draft.people]), ("events", [event_lines(e) for e in draft.events]),
        ("quotes", [quote_lines(q) for q in draft.quotes]), ("claims", [claim_lines(c) for c in draft.claims]),
    ]
    for kind, entries in sections:
        if entries:
            out.append(f"{kind}:")
            for entry in entries:
                out.extend(entry)
    if draft.conflicts:
        out.append("")
        out.append("# CONFLICT: the articles disagree on these; no side is taken (add the right one above).")
        for kind, lines_, why in draft.conflicts:
            out.append(f"# CONFLICT ({kind}): {why}")
            out.extend("#" + line[1:] if line.startswith("  ") else "# " + line for line in lines_)
    # characters YAML does not allow in a stream (C1 controls of mis-decoded text, "\x83"), escaped:
    # inside a double-quoted scalar the escape stands for the character, in a comment for itself
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", "\n".join(out) + "\n")


_UNPRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\ufffe\uffff]")


# -- drafting and checking ---------------------------------------------------------------------------


def _load(text: str, path: str) -> Facts:
    from .facts.loader import parse_facts

    return parse_facts(text, path)


def _analyses(docs: Sequence[tuple[Document, str]], facts: Facts | None, day_first: bool) -> list[tuple[Analysis, str]]:
    linter = Linter(CompiledFacts.build(facts), day_first=day_first)
    return [(linter.analyse(doc), shown) for doc, shown in docs]


def suggest(
    docs: Sequence[tuple[Document, str]],
    *,
    pattern: Callable[[str], str] = lambda p: p,
    facts_path: str = "facts.draft.yaml",
    story: str | None = None,
    day_first: bool = False,
) -> tuple[Draft, str]:
    """The draft for the articles `docs` ((document, path as the draft names it) pairs) and its YAML;
    `pattern` turns an article's path into its `sources:` key (relative to the draft's folder)."""
    draft = Draft()
    draft.sources = draft_sources(docs, pattern)
    taken: set[str] = set()  # ids are unique across the kinds
    draft.people = draft_people(docs, taken)
    draft.people += draft_described(docs, draft.people, taken)
    bare = _analyses(docs, None, day_first)
    before = set(taken)
    draft.events = draft_events(bare, taken)
    dated = _dated_by_story(docs, draft.events, facts_path)
    if dated is not docs:  # articles without a date of their own, read against the others' events
        bare = _analyses(dated, None, day_first)
        taken.clear()
        taken.update(before)
        draft.events = draft_events(bare, taken)
    draft.claims = draft_claims(bare, taken)
    people_only = _load(render(Draft(people=draft.people)), facts_path)
    with_people = _analyses(docs, people_only, day_first)
    draft_titles(with_people, draft.people)
    draft.quotes = draft_quotes(docs, people_only, taken)
    # the statements no quote or claim drafted covers (an event's date says when, not what was done)
    so_far = _load(render(Draft(people=draft.people, quotes=draft.quotes, claims=draft.claims)), facts_path)
    draft.claims += draft_statements(_analyses(docs, so_far, day_first), taken)
    for e in [e for e in draft.events if e.other_dates]:
        draft.events.remove(e)
        dates = "; ".join(f"{d} in {s}" for d, s in e.other_dates)
        draft.conflicts.append(("event", event_lines(e), f"{_q(e.mention)} is dated {e.date} in {e.seen[0]} but {dates}"))
    _settle(draft, docs, facts_path, story, day_first)
    return draft, render(draft, story)


def _dated_by_story(docs: Sequence[tuple[Document, str]], events: Sequence[DraftEvent], facts_path: str) -> Sequence[tuple[Document, str]]:
    """The articles, those that show no date of their own (no dateline, metadata or date given) with
    the date `check` infers for them from the story's dates (`reference.infer_reference`: a weekday
    and a day, "Wednesday, Aug. 30", of a year the story's dates allow), the story being the events
    drafted from the other articles; `docs` itself when none gains a date."""
    if not events or all(doc.reference_date is not None for doc, _ in docs):
        return docs
    story = _load(render(Draft(events=[e for e in events if not e.other_dates])), facts_path)
    out, changed = [], False
    for doc, shown in docs:
        if doc.reference_date is None:
            found, origin = infer_reference(doc.text, story, None, facts_path)
            if found is not None:
                doc, changed = with_reference(doc, found, origin), True
        out.append((doc, shown))
    return out if changed else docs


def _settle(draft: Draft, docs: Sequence[tuple[Document, str]], facts_path: str, story: str | None, day_first: bool) -> None:
    """Check the articles against the draft; take out every fact an error finding is tied to (a
    conflict, with the finding), until none is left (or MAX_ROUNDS)."""
    for draft.rounds in range(1, MAX_ROUNDS + 1):
        try:
            facts = _load(render(draft, story), facts_path)
        except FactsError as exc:  # a bug of suggest (a test holds random articles to a valid draft): said, no traceback
            raise FactsError([replace(p, message=f"factlint suggest drafted this wrongly (a bug; please report it): {p.message}")
                              for p in exc.problems]) from None
        linter = Linter(CompiledFacts.build(facts, display=facts_path), rules=RULES, day_first=day_first)
        why: dict[str, str] = {}
        for doc, shown in docs:
            # read as `check` reads it against the draft: its date may come from the draft's sources:
            found, origin = reference_of(doc, doc.reference_date if doc.reference_origin == "--reference-date" else None,
                                         "--reference-date", facts, facts_path, file_path=doc.path)
            doc = with_reference(doc, found, origin)
            for f in linter.lint(doc):
                if f.severity >= Severity.ERROR and f.fact is not None and f.fact.fact_id not in why:
                    line = doc.position(f.span.start)[0]
                    why[f.fact.fact_id] = f"{shown}:{line}: {f.code} {' '.join(f.message.split())}"
        if not why:
            return
        _take_out(draft, why)


def _take_out(draft: Draft, why: dict[str, str]) -> None:
    for p in [p for p in draft.people if p.id in why and " FL302 " in why[p.id] and p.titles]:
        # the articles disagree on a title: the titles are left out, not the person
        draft.conflicts.append(("title", [f"  # {p.name}'s titles:", *(f"  - {_q(t)}" for t in p.titles)], why.pop(p.id)))
        p.titles = []
    gone_people = {p.id for p in draft.people if p.id in why}
    for p in [p for p in draft.people if p.id in why]:
        draft.people.remove(p)
        draft.conflicts.append(("person", person_lines(p), why[p.id]))
    for e in [e for e in draft.events if e.id in why]:
        draft.events.remove(e)
        draft.conflicts.append(("event", event_lines(e), why[e.id]))
    for q in [q for q in draft.quotes if q.id in why or q.speaker in gone_people]:
        draft.quotes.remove(q)
        draft.conflicts.append(("quote", quote_lines(q), why.get(q.id) or f"its speaker {q.speaker} is in conflict"))
    for c in [c for c in draft.claims if c.id in why]:
        draft.claims.remove(c)
        draft.conflicts.append(("claim", claim_lines(c), why[c.id]))


__all__ = ["Draft", "draft_statements", "headline_event", "mention_before", "render", "suggest", "support_wording"]
