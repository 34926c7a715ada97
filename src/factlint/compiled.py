"""The compiled facts: every index the extractors look facts up in, built once per facts file.

`CompiledFacts.build(facts)` turns the facts model into tries, scanners and lookup tables. The
result is a value: nothing in it changes while articles are linted (what a run remembers lives in
its `Memo`), so it can be shared by worker processes and stored by `--cache-dir` as it is.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import field
from functools import cached_property, lru_cache

from .extract.claims import ClaimScanner, Figure, Unit, figures_of, parse_unit, value_in
from .extract.dates import MONTHS, WEEKDAYS, find_dates
from .extract.events import EventScanner
from .extract.names import NameIndex
from .extract.attribution import SpeakerIndex
from .extract.titles import CuratedTitles
from .facts.model import Claim, Event, Facts, Person
from .interval import Interval
from .normalize.dates import resolve
from .normalize.quotes import QuoteIndex, words
from .prose import Prose
from .records import dataclass
from .vocab import tagged_words, units
from .vocab import words as vocab_words
from .patterns import lazy_re

# Words that say nothing of what a wording is about: a template needs other words to be known by.
_FUNCTION_WORDS = tagged_words("function_words.txt", "no-topic")


@dataclass(frozen=True)
class Template:
    """A claim's wording with the number that states the claim's value taken out: the words before
    the number (its hedge and currency left out) and after it (its unit first, by the canonical
    name: "US$ 6 billion loan" is (), ("dollars", "loan")), folded. A `strong` template is known
    anywhere: it has the claim's unit right after the number and, before it, a word that is not a
    function word ("of", "would"), three words in all ("will own N percent", "sanctions on N
    entities"); or three words that are neither function words nor a measure of the units table
    ("percent", "dollars", "points": "shut down N of its dealerships"), or two with a name or another
    number among them ("the Dax was N% lower", "N billion rubles (US$ 19.7 billion)"); or it is the
    number and a unit of two such words ("25 flood victims"). A weak one has two words that are
    not function words ("close N plants", "fell N points", "a N% stake in the company") and is known
    only after the claim's subject in the figure's sentence. An `open` template, with no word before
    its number and no other number ("N passengers in a three-class configuration"), leaves open whose
    figure it is (the Boeing 747's?): it too needs the claim's subject, when the statement names one.
    """

    prefix: tuple[str, ...]
    suffix: tuple[str, ...]
    strong: bool
    open: bool = False  # nothing before the number and no other number: the subject is needed if known

    @property
    def key(self) -> str:
        """The word it is looked up by: its first after the number, else its last before it."""
        return noun_stem(self.suffix[0] if self.suffix else self.prefix[-1])

    @cached_property
    def stems(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Its words as compared, each noun in one form ("missile", "missiles")."""
        return stems(self.prefix), stems(self.suffix)


@dataclass(frozen=True)
class FigureClaim:
    """A claim with a figure, as figures are tied to it: its unit read as a figure's, its templates,
    its subject (the names its statement holds before its number: "Dow Jones"), the words of its
    statement, which tell apart two claims that one wording fits ("... at 16:08 UTC"), and the
    dates it gives, which tell the claim's day from another's."""

    claim: Claim
    unit: Unit
    templates: tuple[Template, ...]
    subject: Subject
    context: frozenset[str]  # the statement's words that are not function words, folded
    dates: tuple[Interval, ...]  # the days, months and years the statement gives ("On 2008-10-09 ...", "in 2016")

    @property
    def value(self) -> float:
        assert self.claim.figure is not None
        return self.claim.figure.value

    @property
    def unit_key(self) -> str:
        """The unit claims are grouped by: its canonical name, else the stem of its head noun."""
        return self.unit.canonical or noun_stem(self.unit.head)


@dataclass(frozen=True)
class FigureIndex:
    """The figure claims looked up by a figure's words: templates by their first word after the
    number (else their last before it), claims by the stem of their unit's head noun, and the
    values the claims state, in their canonical units, by unit (`FigureClaim.unit_key`)."""

    claims: tuple[FigureClaim, ...]
    by_key: Mapping[str, tuple[tuple[FigureClaim, Template], ...]]
    by_head: Mapping[str, tuple[FigureClaim, ...]]
    amounts: Mapping[str, frozenset[float]]
    # a curated person's name (lower-case words), and the last word of it: the persons (not
    # organizations) of that name ("rivera": Ann Rivera)
    persons: Mapping[tuple[str, ...], frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, claims, people=()) -> "FigureIndex":
        names: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
        persons: dict[tuple[str, ...], frozenset[str]] = {}  # a name's words: the curated persons of that name
        for person in people:  # a subject that is a curated name stands for all the names of its bearer
            forms = tuple(tuple(w.lower() for w, _, _ in name_tokens(n)) for n in person.names)
            for form in forms:
                names[form] = names.get(form, ()) + forms
            if person.kind == "person":  # by each name, and by its surname: "Rivera" of "Ann Rivera"
                for form in {*forms, *(_surname(f) for f in forms)} - {()}:
                    persons[_straight(form)] = persons.get(_straight(form), frozenset()) | {person.id}
        fcs = tuple(figure_claim(c, names, persons) for c in claims if c.figure is not None)
        by_key: dict[str, list] = {}
        by_head: dict[str, list] = {}
        amounts: dict[str, set[float]] = {}
        for fc in fcs:
            for t in fc.templates:
                by_key.setdefault(t.key, []).append((fc, t))
            if fc.unit.head:
                by_head.setdefault(noun_stem(fc.unit.head), []).append(fc)
            amounts.setdefault(fc.unit_key, set()).add(amount_key(fc.value * fc.unit.factor))
        return cls(
            fcs,
            {k: tuple(v) for k, v in by_key.items()},
            {k: tuple(v) for k, v in by_head.items()},
            {k: frozenset(v) for k, v in amounts.items()},
            persons,
        )

    def states_another(self, fig: Figure, fc: FigureClaim) -> bool:
        """Whether the figure states the value of another claim in `fc`'s unit ("close 789
        dealerships", the other maker's figure): it is no wrong figure of `fc`."""
        return amount_key(value_in(fig, fc.unit) * fc.unit.factor) in self.amounts.get(fc.unit_key, ())


@dataclass(frozen=True, eq=False)
class CompiledFacts:
    """A facts file's indexes (see the module). `display` is how reports name the facts file."""

    facts: Facts | None
    display: str
    regex_timeout: float
    events: EventScanner | None = field(repr=False)
    events_by_id: dict[str, Event] = field(repr=False)
    speakers: SpeakerIndex = field(repr=False)
    quotes: QuoteIndex = field(repr=False)
    names: NameIndex = field(repr=False)
    claims: ClaimScanner = field(repr=False)
    claims_by_id: dict[str, Claim] = field(repr=False)
    figures: FigureIndex = field(repr=False)
    titles: CuratedTitles = field(default=CuratedTitles(), repr=False)
    people_by_id: dict[str, Person] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, facts: Facts | None, *, display: str | None = None, regex_timeout: float = 1.0) -> "CompiledFacts":
        claims = facts.claims if facts else ()
        return cls(
            facts=facts,
            display=display or (facts.path if facts else "facts.yaml"),
            regex_timeout=regex_timeout,
            events=EventScanner(facts, regex_timeout) if facts else None,
            events_by_id={e.id: e for e in facts.events} if facts else {},
            speakers=SpeakerIndex.build(facts),
            quotes=QuoteIndex(facts.quotes if facts else ()),
            names=NameIndex(facts.people if facts else ()),
            claims=ClaimScanner(claims, regex_timeout),
            claims_by_id={c.id: c for c in claims},
            figures=FigureIndex.build(claims, facts.people if facts else ()),
            titles=CuratedTitles.build(facts.people if facts else ()),
            people_by_id={p.id: p for p in facts.people} if facts else {},
        )


def _surname(form: tuple[str, ...]) -> tuple[str, ...]:
    """The last word of a name of two words or more, as a name of its own ("rivera"), unless it
    is a suffix ("Jr."), a month or a weekday ("May"), or shorter than three letters ("Un")."""
    suffixes = vocab_words("name_suffixes.txt")
    words_ = [w for w in form if w.rstrip(".") not in suffixes]
    if len(words_) < 2:
        return ()
    last = words_[-1]
    if len(last.strip(".'’")) < 3 or last.rstrip(".") in MONTHS or last.rstrip(".") in WEEKDAYS:
        return ()
    return (last,)


def _straight(form: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words with one apostrophe ("o’brien" is "o'brien")."""
    return tuple(w.replace("’", "'") for w in form)


# the granularities at which a figure's sentence and its claim's statement are compared by their
# dates (`analysis.tie_figures`)
COMPARED_GRANULARITIES = ("day", "month", "year")


def figure_claim(
    claim: Claim,
    names: Mapping[tuple[str, ...], tuple[tuple[str, ...], ...]] | None = None,
    persons: Mapping[tuple[str, ...], frozenset[str]] | None = None,
) -> FigureClaim:
    """A figure claim as figures are tied to it; `names` maps a curated name's words (lower case) to
    the words of every name of its bearer, `persons` to the curated persons (not organizations) of
    that name."""
    assert claim.figure is not None
    context = frozenset(w for w in words(claim.statement) if w not in _FUNCTION_WORDS)
    dates = tuple(
        r.interval for r in (resolve(e, None) for e in find_dates(Prose.of(claim.statement)))
        if r.interval is not None and r.timex_type == "DATE" and r.interval.granularity in COMPARED_GRANULARITIES
    )
    subject = claim_subject(claim.statement, claim.figure.value, names, persons)
    return FigureClaim(claim, parse_unit(claim.figure.unit), claim_templates(claim), subject, context, dates)


def claim_templates(claim: Claim) -> tuple[Template, ...]:
    """A figure claim's wordings with the number that states the claim's value taken out (see
    `Template`), kept only where they are enough to know the wording by. The number is the one
    whose value, in the claim's unit, is the claim's ("two of the Trent 900 engines": "two"; "the
    lowest level in five years at 8,579.19": 8,579.19), else one in the claim's unit that the
    wording's hedge makes agree ("for almost two decades" for 17 years). Other numbers stay words
    of the template ("1.13 trillion rubles (US$ N)" is not "500 billion rubles (US$ N)"). A wording
    that ends at its number ("eliminate 789") also gives a template with the claim's unit after it,
    and a unit of two words or more that are no measure, a template of its own, open (it needs the
    claim's subject before it, when the statement names one): "N short-range ballistic missiles"."""
    assert claim.figure is not None
    f = claim.figure
    unit = parse_unit(f.unit)
    capitals = {w.lower() for w, _, _ in name_tokens(claim.statement) if w[:1].isupper()}
    out: list[Template] = []
    for p in claim.supports:
        if p.is_regex:
            continue
        figures = [g for g in figures_of(p.text) if g.unit is None or unit.canonical is None or g.unit == unit.canonical]
        slot = next((g for g in figures if same_value(value_in(g, unit), f.value)), None)
        if slot is None:
            slot = next(
                (g for g in figures if g.unit is not None and g.unit == unit.canonical
                 and consistent(value_in(g, unit), g.hedge, f.value, f.tolerance)),
                None,
            )
        if slot is None:
            continue
        # names: words capitalised in the wording (its first word only when the statement has it so too)
        named = {w.lower() for i, (w, _, _) in enumerate(name_tokens(p.text)) if w[:1].isupper() and (i or w.lower() in capitals)}
        # another number of the wording (not one joined to a word: "three-class")
        numbered = any(g.start != slot.start and p.text[g.end : g.end + 1] not in "-‐‑" for g in figures_of(p.text))
        # the unit right after the number and a word before it that is no function word: "will own N
        # percent", "sanctions on N entities", "asked for $N billion in loans"
        near = slot.before[-2:]
        framed = (
            slot.after[: len(unit.words)] == unit.words and len(near) + len(unit.words) >= 3
            and not all(w in _FUNCTION_WORDS for w in near)
        )
        for suffix in [slot.after] if slot.after else [(), unit.words]:
            meaningful = list(dict.fromkeys(w for w in slot.before + suffix if w not in _FUNCTION_WORDS))
            specific = [w for w in meaningful if w not in _MEASURES]
            bare = not slot.before and suffix == unit.words == slot.after  # the number and its unit: "25 flood victims"
            known = numbered or any(w in named or w[:1].isdecimal() for w in specific)
            if (framed and suffix) or len(specific) >= 3 or (len(specific) >= 2 and (known or bare)):
                out.append(Template(slot.before, suffix, True, not slot.before and not numbered))
            elif len(meaningful) >= 2:
                out.append(Template(slot.before, suffix, False))
    # the claim's unit alone, when it names a thing of two words or more ("N short-range ballistic
    # missiles"): with the claim's subject before it in the sentence, whatever the verb ("North Korea
    # fired three short-range ballistic missiles" for "... launched two short-range ballistic missiles")
    if len([w for w in unit.words if w not in _FUNCTION_WORDS and w not in _MEASURES]) >= 2:
        out.append(Template((), unit.words, True, True))
    return tuple(dict.fromkeys(out))


_MEASURES = frozenset(c for c, _ in (*units().after.values(), *units().before.values()))
_CURRENCY_STARTS = frozenset(c[0] for c in units().before if not c[0].isalpha())
_NAME_TOKEN = lazy_re(r"[^\W_]+(?:['’][^\W_]+)*")
_NOT_NAMES = _FUNCTION_WORDS | frozenset(MONTHS) | frozenset(WEEKDAYS)


def name_tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, bool, str]]:
    """The words of text[start:end] as (word without its possessive, possessive, the text between it
    and the next word)."""
    end = len(text) if end is None else end
    ms = list(_NAME_TOKEN.finditer(text, start, end))
    out = []
    for i, m in enumerate(ms):
        w = m.group()
        possessive = w[-2:] in ("'s", "’s")
        gap = text[m.end() : ms[i + 1].start()] if i + 1 < len(ms) else ""
        out.append((w[:-2] if possessive else w, possessive, gap))
    return out


@dataclass(frozen=True)
class Subject:
    """Who or what a claim is about: the names its statement holds before the claim's number, each
    as the words of every way to write it (lower case: the name, and every name of its bearer when
    it is a curated one), their initials ("U.S.", "United States": "us"; "GM": "gm"), and the
    curated persons among them."""

    forms: tuple[tuple[str, ...], ...] = ()
    initials: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()  # the curated persons (not organizations) it names

    def before(self, text: str, start: int, end: int) -> bool:
        """Whether one of the names is written, capitalised, in text[start:end]."""
        return self.written_in(SentenceNames.of(text, start, end), end)

    def written_in(self, names: "SentenceNames", end: int, first: int = 0) -> bool:
        """Whether one of the names is written, capitalised, in the words of `names` that end by
        `end` (the sentence read once, whatever the number of figures asked about in it); with
        `first`, only from that word on, and by a name itself (not its initials)."""
        if not self.forms:
            return False
        k = bisect_right(names.ends, end)  # the words before `end`
        ws, positions = names.capitals, names.positions
        for form in self.forms:
            n = len(form)
            for i in positions.get(form[0], ()):
                if i + n > k:
                    break
                if i >= first and tuple(ws[i : i + n]) == form:
                    return True
        if not self.initials or first:
            return False
        if any(names.first_run_end.get(i, k + 1) <= k for i in self.initials):
            return True
        cut = names.run_at(k)  # a run the end falls inside: its words before the end
        return cut is not None and _initial(cut) in self.initials


@dataclass(frozen=True)
class SentenceNames:
    """A stretch of text's words as `Subject` reads them, made once: the words (`name_tokens`) and
    where each ends, each capitalised word in lower case ("" for the others) with the places of
    each, and its runs of capitalised words (`_runs`) as (first word, end) with, for each initial,
    where the first run of it ends."""

    tokens: tuple[tuple[str, bool, str], ...]
    ends: tuple[int, ...]
    capitals: tuple[str, ...]
    positions: Mapping[str, tuple[int, ...]]
    runs: tuple[tuple[int, int], ...]
    first_run_end: Mapping[str, int]

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "SentenceNames":
        spans = list(_NAME_TOKEN.finditer(text, start, end))
        tokens = name_tokens(text, start, end)
        capitals = tuple(w.lower() if w[:1].isupper() else "" for w, _, _ in tokens)
        positions: dict[str, list[int]] = {}
        for i, w in enumerate(capitals):
            if w:
                positions.setdefault(w, []).append(i)
        runs = _run_spans(tokens)
        first: dict[str, int] = {}
        for a, b in runs:
            initial = _initial([w for w, _, _ in tokens[a:b]])
            if initial and initial not in first:
                first[initial] = b
        return cls(tuple(tokens), tuple(m.end() for m in spans), capitals,
                   {w: tuple(at) for w, at in positions.items()}, tuple(runs), first)

    def run_at(self, k: int) -> list[str] | None:
        """The words before word `k` of the run that goes on past it, if one does."""
        for a, b in self.runs:
            if a < k < b:
                return [w for w, _, _ in self.tokens[a:k]]
        return None


def _runs(tokens) -> list[list[str]]:
    """The runs of capitalised words, function words at a run's start left out ("The United
    States": United States), a possessive or punctuation other than a period ending one."""
    return [[w for w, _, _ in tokens[a:b]] for a, b in _run_spans(tokens)]


def _run_spans(tokens) -> list[tuple[int, int]]:
    """`_runs` as (first word, end) indexes into `tokens`."""
    out: list[tuple[int, int]] = []
    first = -1
    for i, (word, possessive, gap) in enumerate(tokens):
        if word[:1].isupper() and (first >= 0 or word.lower() not in _FUNCTION_WORDS):
            if first < 0:
                first = i
            if not possessive and gap in (" ", ".", ". "):
                continue
            out.append((first, i + 1))
            first = -1
            continue
        if first >= 0:
            out.append((first, i))
        first = -1
    if first >= 0:
        out.append((first, len(tokens)))
    return out


def _initial(run: list[str]) -> str:
    """A name's initials: "GM" (one word in capitals) is "gm", "U.S." and "United States" are "us"."""
    if len(run) == 1:
        return run[0].lower() if run[0].isupper() and len(run[0]) > 1 else ""
    return "".join(w[0] for w in run).lower()


def _initials(tokens) -> set[str]:
    return {i for run in _runs(tokens) if (i := _initial(run))}


def claim_subject(
    statement: str,
    value: float | None = None,
    names: Mapping[tuple[str, ...], tuple[tuple[str, ...], ...]] | None = None,
    persons: Mapping[tuple[str, ...], frozenset[str]] | None = None,
) -> Subject:
    """The names a claim's statement holds before the number that states `value` (all of them when
    it has none): capitalised words in a row ("At 14:58 UTC on the day of the US plan the Dow Jones
    stood at 11350.58 points": US, Dow Jones). A word capitalised only to begin the statement ("On",
    "Before") is none, nor a word of a figure ("16:08 UTC", "US$180"), nor a month or a weekday."""
    end = len(statement)
    if value is not None:
        end = next((f.lead for f in figures_of(statement) if same_value(f.value, value)), end)
    tokens = name_tokens(statement, 0, end)
    kept = []
    for i, (word, possessive, gap) in enumerate(tokens):
        after_number = i > 0 and tokens[i - 1][0][:1].isdecimal() and tokens[i - 1][2].strip() in ("", ":")
        if gap[:1] in _CURRENCY_STARTS or after_number or word.lower() in _NOT_NAMES:
            word = word.lower()  # read as no name
        kept.append((word, possessive, gap))
    forms: list[tuple[str, ...]] = []
    initials = set()
    people: set[str] = set()
    for run in _runs(kept):
        form = tuple(w.lower() for w in run)
        forms.extend((names or {}).get(form, ()) or (form,))
        initials.add(_initial(run))
        people.update((persons or {}).get(form, ()))
    return Subject(tuple(dict.fromkeys(forms)), frozenset(initials - {""}), frozenset(people))


def rounding(stated: float) -> float:
    """How far a figure written round may be from the value it rounds: half a unit of its last
    written digit, for a whole number of three significant digits or more rounded to thousands or
    beyond ("367,000 people" for 367,491; "16.6 billion" for 16.62 billion); 0 otherwise ("1,500"
    and "$17 billion" are read as written)."""
    if not math.isfinite(stated) or stated != int(stated) or not stated:
        return 0.0  # (a number of hundreds of digits reads as infinity)
    digits = str(abs(int(stated)))
    zeros = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10**zeros if zeros >= 3 and len(digits) - zeros >= 3 else 0.0


def consistent(stated: float, hedge: str | None, value: float, tolerance: float) -> bool:
    """Whether a figure stated with its hedge agrees with a claim's value, within its tolerance (or
    the figure's own rounding, `rounding`)."""
    if hedge in (None, "about"):
        tolerance = max(tolerance, rounding(stated))
    tolerance = tolerance + 1e-9 * max(abs(stated), abs(value), 1.0)  # float rounding is no difference
    if hedge is None:
        return abs(stated - value) <= tolerance
    if hedge == "about":
        return abs(stated - value) <= max(tolerance, 0.1 * stated)
    if hedge == "below":
        return value <= stated + tolerance
    if hedge == "above":
        return value >= stated - tolerance
    if hedge == "at-least":
        return value >= stated - tolerance
    return value <= stated + tolerance  # at-most


def same_value(a: float, b: float) -> bool:
    """Two figures are the same number (16.6 billion read as 16600000000.000002 is 16600000000)."""
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def amount_key(a: float) -> float:
    """An amount rounded so that the same number read two ways is one key."""
    return float(f"{a:.9g}")


def stems(ws: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(noun_stem, ws))


@lru_cache(maxsize=8192)  # the same few words follow figures article after article
def noun_stem(w: str) -> str:
    """A noun's singular, near enough to compare: 'missile' and 'missiles', 'entity' and 'entities',
    'class' and 'classes' are one noun."""
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("es") and w[-3] in "sxz" or w.endswith(("ches", "shes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


__all__ = [
    "COMPARED_GRANULARITIES", "CompiledFacts", "FigureClaim", "FigureIndex", "Template", "claim_subject", "claim_templates", "consistent",
    "Subject", "figure_claim", "noun_stem", "same_value", "stems",
]
