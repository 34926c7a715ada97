"""Vocabulary tables: the words the extractors read by, kept as data files in `factlint/data/`.

Each table is a plain text file (comment lines start with "#"), read once on first use:

- `speech_verbs.txt`: the speech verbs, every form news prose uses ("said", "tweeted", "adding"),
  and which of them take the following name as their object ("told Kirby");
- `honorifics.txt`: abbreviated titles before a name ("Mr.", "Sen.", "Gov."), with the gender
  they give when they give one;
- `roles.txt`: words of a title written before a name ("former Secretary of State"), so that a
  capitalised word before a surname is known to be a title and not another person's first name;
- `first_names.txt`: given names read as one gender in English-language news, for "he" and "she";
- `object_markers.txt`: words after which a name is an object ("an email to Smith"), never the
  antecedent of "he" or "she";
- `speech_adverbs.txt`: words between a speaker and the verb ("Kirby also said", "Priebus later
  Thursday told");
- `name_suffixes.txt`: words after a name that make it another person's ("Trump Jr.");
- `documents.txt`: written things that "say" words in quotation marks ("the ad says");
- `title_modifiers.txt`: words that make a title someone else's ("the former spokesman");
- `relay_verbs.txt`: words saying a speaker repeats someone else's words ("..., quoting Trump");
- `speech_nouns.txt`: what someone said, after a possessive ("Trump's pledge", "Clinton's call");
- `word_endings.txt`: endings that make two words forms of one word ("Motor" / "Motors");
- `spelling_variants.txt`: British and American spellings of one word ("Defence" / "Defense");
- `auxiliaries.txt`: auxiliary verbs, which after a capitalised word show it is a subject ("Boxing
  has announced": a name there, though "boxing" is a word of the language);
- `units.txt`: the units figures are written and compared in, with their spellings ("%", "per
  cent", "pct"; "$", "US$", "dollars"), how many canonical units each is ("decades" are 10 years),
  and the scale words ("million").
- `future_cues.txt`: words before a date that point it ahead of the reference date ("will meet on
  Sept. 5");
- `date_bounds.txt`: words that make a date the end of a state ("closed until Friday");
- `date_words.txt`: the date grammar's reference words ("now", "current"), vague units ("for
  years"), determiners of the period a text reports on ("the latest quarter", "year-ago") or named
  before ("that year", "the following year"), the edges of a period ("the end of"), the year's end
  ("by year-end"), holidays by their rule ("thanksgiving | 11-4THU") and the words after which a
  bare year is a date ("its 1990 invasion");
- `calendar_words.txt`: the calendar's words the date grammar reads by (month and weekday names
  and their abbreviations, seasons, parts of the day, frequency words, ordinals, halves and weeks
  of a period, modifiers, units, prepositions before a bare year, days named from the reference
  date, clock words, decade words, qualifiers and bounds of a duration), each with its value;
  the grammar's alternatives, its prefilter and the values are generated from it;
- `date_modality.txt`: words that make a date a schedule given up or a forecast ("originally due
  later this year", "is expected to take off in mid-2006"), not the date of an event;
- `clause_openers.txt`: words that open a clause of their own ("that", "when"), where the reach of
  the words of `date_modality.txt` ends;
- `function_words.txt`: the function words the attribution reader tells apart from names, titles
  and speakers, each with its uses (opens a sentence, joins two names...);
- `number_words.txt`: numbers written as words, with their values ("three", "a dozen");
- `quote_terms.txt`: words before a quote that make it a term, a label or a title, not speech
  ("so-called", "the book", "called him a “moderate”");
- `quote_forms.txt`: written forms of the same spoken words ("We're" / "We are", "can't" /
  "cannot", "United States" / "US"), read as one when quotes are compared;
- `hedges.txt`: words before a figure that say where the true value lies ("about", "more than");
- `abbreviations.txt`: abbreviations whose period ends no sentence ("Mr.", "Jan.", "U.S.");
- `title_roles.txt`: the roles a title names, by domain (government, legislatures, courts, the
  military, business, campaigns, candidacies, newsrooms), each with its forms ("chief executive", "CEO");
- `departments.txt`: the departments a title names, by facet (government offices, chambers,
  parties, armed services, courts), each with its synonyms ("Pentagon", "Defense Department");
- `title_status.txt`: the words of a title that say when its role is held ("former", "incoming")
  or make it another role ("deputy"), and the grammar words a title is read by.
- `outlet_keys.txt`, `organization_words.txt` and `organization_descriptors.txt`: where
  `factlint suggest` reads an article's outlet in its metadata, the words that end an
  organization's name ("Singapore Airlines"), and the nouns written before one ("rival Microsoft");
- `checkworthy.txt`: the features of a sentence's check-worthiness (FL403, claim coverage), each
  with its evidence (for or against), weight, words or signal and meaning, and the model's bias
  and threshold (`blocks`).

A user or a test can read a table with `table(name)`; nothing here is changed at run time.

One table is not ours: `common_words()` is wordfreq's list of the English words that occur once in
a million words or more (read from its data file on first use, without importing the package,
which costs ten times more).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from itertools import groupby
from operator import itemgetter
from types import MappingProxyType

from .records import dataclass

# The package's data folder: the tables are installed beside the code (package data), so a path
# from this module finds them; `importlib.resources` would cost a one-article run 5% to import.
_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def _lines(name: str) -> list[str]:
    with open(os.path.join(_DATA, name), encoding="utf-8") as fh:
        text = fh.read()
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@cache
def table(name: str) -> tuple[str, ...]:
    """The entries of a data table, one per non-comment line."""
    return tuple(_lines(name))


@dataclass(frozen=True)
class SpeechVerbs:
    """Every form of every speech verb, the forms whose following name is their object, and the
    forms that mark a sentence as reporting speech."""

    forms: frozenset[str]
    objects: frozenset[str]
    cues: frozenset[str]


@cache
def speech_verbs() -> SpeechVerbs:
    forms: set[str] = set()
    objects: set[str] = set()
    cues: set[str] = set()
    for line in table("speech_verbs.txt"):
        words, _, tag = line.partition("|")
        ws = words.lower().split()
        forms.update(ws)
        if "object" in tag.split():
            objects.update(ws)
        if "cue" in tag.split():
            cues.update(ws)
    return SpeechVerbs(frozenset(forms), frozenset(objects), frozenset(cues))


@cache
def honorifics() -> Mapping[str, str | None]:
    """Honorific (lower case, no period) -> "f", "m" or None (read-only: it is shared)."""
    out: dict[str, str | None] = {}
    for line in table("honorifics.txt"):
        word, *gender = line.lower().split()
        out[word] = gender[0] if gender else None
    return MappingProxyType(out)


@cache
def role_words() -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in table("roles.txt"))


@cache
def words(name: str) -> frozenset[str]:
    """A one-word-a-line table as a set of lower-case words."""
    return frozenset(w.lower() for w in table(name))


@cache
def common_words(min_zipf: float = 3.0) -> frozenset[str]:
    """English words common in text, lower case (wordfreq's small English list: Zipf 3 and up);
    `min_zipf` keeps only those at least that common (Zipf 4.5: once in 30,000 words or more)."""
    return frozenset(w for zipf, bucket in _zipf_buckets() if zipf >= min_zipf - 1e-9 for w in bucket)


@cache
def _zipf_buckets() -> tuple[tuple[float, tuple[str, ...]], ...]:
    """wordfreq's small English list, as (Zipf frequency, its words) pairs, most frequent first."""
    import gzip
    import importlib.util
    import os

    import msgpack  # type: ignore[import-untyped]  # a dependency of wordfreq

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("factlint needs the wordfreq package (pip install wordfreq)")
    path = os.path.join(next(iter(spec.submodule_search_locations)), "data", "small_en.msgpack.gz")
    with gzip.open(path) as f:
        packed = msgpack.unpackb(f.read(), raw=False)
    if isinstance(packed, list) and packed and packed[0] == {"format": "cB", "version": 1}:
        # bucket i holds the words of frequency 10^(-i/100): Zipf 9 - i/100
        return tuple((9 - i / 100, tuple(bucket)) for i, bucket in enumerate(packed[1:]) if bucket)
    import math

    from wordfreq import get_frequency_dict  # another layout: through the package's own reader

    pairs = sorted(((round(math.log10(f) + 9, 2), w) for w, f in get_frequency_dict("en", wordlist="small").items() if f > 0), reverse=True)
    return tuple((z, tuple(w for _, w in group)) for z, group in groupby(pairs, key=itemgetter(0)))


@cache
def tagged(name: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """A table of "words | tags" lines as (lower-case words with single spaces, tags) pairs, in
    the table's order; a line without "|" has no tags."""
    out = []
    for line in table(name):
        words, _, tags = line.partition("|")
        out.append((" ".join(words.lower().split()), frozenset(tags.split())))
    return tuple(out)


@cache
def tagged_words(name: str, tag: str) -> frozenset[str]:
    """The words of a "word | tags" table (`tagged`) that carry `tag`."""
    return frozenset(words for words, tags in tagged(name) if tag in tags)


@dataclass(frozen=True)
class QuoteForms:
    """`quote_forms.txt`: the written forms of the same spoken words. `endings` maps a
    contraction's ending ("'re") to its word ("are");
    `negation` is what "n't" is read as and `stems` a stem before it ("ca") as its word ("can");
    `abbreviations` an abbreviation with periods, lower case ("u.s."), to its word ("us");
    `phrases` a form of lower-case words ("cannot", "united states") to its words, with `openers`
    the first words of `phrases`, `longest` its longest form, in words, and `tails` the last word
    of a form of several words read as one ("states" of "united states") to that word."""

    endings: Mapping[str, str]
    negation: str
    stems: Mapping[str, str]
    abbreviations: Mapping[str, str]
    phrases: Mapping[tuple[str, ...], tuple[str, ...]]
    openers: frozenset[str]
    longest: int
    tails: Mapping[str, str]


@cache
def quote_forms() -> QuoteForms:
    endings: dict[str, str] = {}
    stems: dict[str, str] = {}
    abbreviations: dict[str, str] = {}
    phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
    negation = "n't"
    for line in table("quote_forms.txt"):
        form, bar, meaning = (part.strip() for part in line.partition("|"))
        said = tuple(meaning.lower().split())
        if not bar or not form or not said:
            raise ValueError(f"quote_forms.txt: not 'form | words': {line!r}")
        low = form.lower()
        if low == "n't":
            negation = said[0]
        elif low.startswith("'"):
            endings[low] = said[0]
        elif low.endswith("'"):
            stems[low[:-1]] = said[0]
        elif "." in low:
            abbreviations[low] = said[0]
        else:
            phrases[tuple(low.split())] = said
    tails = {key[-1]: said[0] for key, said in phrases.items() if len(key) > 1 and len(said) == 1}
    return QuoteForms(
        MappingProxyType(endings), negation,
        MappingProxyType(stems), MappingProxyType(abbreviations), MappingProxyType(phrases),
        frozenset(key[0] for key in phrases), max((len(key) for key in phrases), default=1),
        MappingProxyType(tails),
    )


@cache
def number_words() -> Mapping[str, int | None]:
    """Numbers written as words and their values ("three" -> 3, "a dozen" -> 12; "dozens of" ->
    None: a count with no value to compare), from `number_words.txt` (read-only: it is shared)."""
    out: dict[str, int | None] = {}
    for line in table("number_words.txt"):
        words, value = line.rsplit(None, 1)
        out[" ".join(words.lower().split())] = None if value == "-" else int(value)
    return MappingProxyType(out)


@cache
def first_name_genders() -> Mapping[str, str]:
    """Given name (lower case) -> "f" or "m" (read-only: it is shared)."""
    out: dict[str, str] = {}
    for line in table("first_names.txt"):
        name, gender = line.lower().split()
        out[name] = gender
    return MappingProxyType(out)


@dataclass(frozen=True)
class Units:
    """The units table (`units.txt`): scale words, currencies written before a number and units
    written after it, each spelling with its canonical unit and how many of that unit it is."""

    scales: Mapping[str, float]  # "million" -> 1e6
    before: Mapping[str, tuple[str, float]]  # "US$" -> ("dollars", 1.0), as written
    after: Mapping[str, tuple[str, float]]  # "per cent" -> ("percent", 1.0), lower case; "%" too
    shares: frozenset[str] = frozenset()  # canonical units flagged `share`: "percent"


@cache
def units() -> Units:
    scales: dict[str, float] = {}
    before: dict[str, tuple[str, float]] = {}
    after: dict[str, tuple[str, float]] = {}
    shares: set[str] = set()
    for line in table("units.txt"):
        head, _, spellings = line.partition("|")
        kind, canonical, factor, *flags = head.split()
        if flags not in ([], ["share"]):
            raise ValueError(f"units.txt: unknown flags {flags!r} in {line!r}")
        if flags and kind != "unit":
            raise ValueError(f"units.txt: the flag 'share' is for unit lines only, not {kind!r}: {line!r}")
        if flags:
            shares.add(canonical)
        for spelling in (s.strip() for s in spellings.split(",")):
            if not spelling:
                continue
            if kind == "scale":
                scales[spelling.lower()] = float(factor)
            elif kind == "before":
                before[spelling] = (canonical, float(factor))
            elif kind == "unit":
                after[" ".join(spelling.lower().split())] = (canonical, float(factor))
            else:
                raise ValueError(f"units.txt: unknown kind {kind!r} in {line!r}")
    return Units(MappingProxyType(scales), MappingProxyType(before), MappingProxyType(after), frozenset(shares))


@dataclass(frozen=True)
class TitleTerm:
    """One line of title_roles.txt or departments.txt: its domain or facet, the role or department
    it names, and the forms that name it, as written in the table (first form first)."""

    group: str
    name: str
    forms: tuple[str, ...]
    also: tuple[str, ...] = ()  # roles a holder of this one holds too (title_roles.txt, 4th column)


def _terms(name: str) -> tuple[TitleTerm, ...]:
    out = []
    for line in table(name):
        group, term, forms, *also = (part.strip() for part in line.split("|"))
        words = tuple(f.strip().lower() for f in forms.split(",") if f.strip())
        out.append(TitleTerm(group, term, words, tuple(a.strip() for a in "".join(also).split(",") if a.strip())))
    return tuple(out)


@cache
def title_roles() -> tuple[TitleTerm, ...]:
    """The roles of title_roles.txt: group is the domain ("*": any), name the role ("*": any of
    its domain)."""
    return _terms("title_roles.txt")


@cache
def departments() -> tuple[TitleTerm, ...]:
    """The departments of departments.txt: group is the facet, name the department ("-": none)."""
    return _terms("departments.txt")


@cache
def title_status() -> Mapping[str, frozenset[str]]:
    """Word of title_status.txt (lower case) -> its kinds: past, future, rank, same, article,
    indefinite, preposition, infinitive, conjunction, stop, relation or term (read-only: it is shared)."""
    out: dict[str, frozenset[str]] = {}
    for line in table("title_status.txt"):
        kind, _, ws = line.partition("|")
        for w in ws.split(","):
            if w.strip():
                out[w.strip().lower()] = out.get(w.strip().lower(), frozenset()) | {kind.strip()}
    return MappingProxyType(out)


@cache
def blocks(name: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """A table of "[name]" blocks of "key: value" lines, as (name, ((key, value), ...)) in the
    table's order; a key may repeat (`words:` lines)."""
    out: list[tuple[str, list[tuple[str, str]]]] = []
    for line in table(name):
        if line.startswith("[") and line.endswith("]"):
            out.append((line[1:-1].strip(), []))
            continue
        key, sep, value = line.partition(":")
        if not sep or not out:
            raise ValueError(f"{name}: expected '[name]' or 'key: value', found {line!r}")
        out[-1][1].append((key.strip(), value.strip()))
    return tuple((n, tuple(kv)) for n, kv in out)


__all__ = [
    "SpeechVerbs", "blocks", "TitleTerm", "Units", "common_words", "departments", "first_name_genders", "honorifics", "number_words", "role_words",
    "speech_verbs", "table", "tagged", "tagged_words", "title_roles", "title_status", "units", "words",
]
