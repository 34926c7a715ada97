"""What a text says about the facts: one document's analysis, built once and read by every rule.

`analyse(doc, compiled)` reads the document's text view once (`Prose`), runs every extractor on it
(dates, event mentions, quotes and their speakers, names, titles, claim wordings, figures), ties
what belongs together (a date to the event it dates, a figure to the claim it states, a quote to
the curated quotes it matches) and judges each sentence's check-worthiness and coverage. Rules
read the `Analysis`; they never extract anything themselves.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Mapping, Sequence
from dataclasses import field, replace
from datetime import date, timedelta
from typing import Literal

from .compiled import COMPARED_GRANULARITIES, CompiledFacts, FigureClaim, SentenceNames, Template, noun_stem, same_value, stems
from .document import Document
from .extract.checkworthy import CheckworthyModel, SentenceCoverage, score_sentences
from .extract.claims import ClaimMention, Figure, find_figures, value_in
from .extract.dates import find_dates
from .extract.events import EventMention, choose_dates, pair_dates
from .extract.names import NameMention
from .extract.attribution import Attribution, SpeakerIndex, attribute
from .extract.quotes import Quote, Segment, Unbalanced, find_quotes, is_term, speech_cue
from .extract.sentences import SentenceIndex
from .extract.titles import (
    NO_CURATED, NO_SPANS, CuratedTitles, Spans, TitleMention, could_have_title, name_words, titles_near,
)
from .facts.model import Claim, Event, Facts, Person
from .interval import Interval
from .memo import Memo, Table
from .model import FactRef
from .normalize.dates import Resolved, resolve
from .normalize.quotes import Match, QuoteIndex, count_words, words
from .prose import Prose
from .records import dataclass
from .views import TextViews
from .vocab import speech_verbs, tagged_words

# How a comparison with a curated quote can go wrong: each is a misquote (FL201).
MISQUOTE_KINDS = frozenset({"near", "negation", "reordered", "quilted"})

QuoteVerdict = Literal["nested", "term", "misquote", "matches", "matches-minor", "contains", "title", "no-match"]


@dataclass(frozen=True)
class QuoteView:
    """A quote with its speaker, and each segment's comparison with the curated quotes."""

    quote: Quote
    attribution: Attribution
    segments: tuple[tuple[Segment, tuple[Match, ...]], ...]
    word_counts: dict[Segment, int]
    term: bool
    title: bool
    speech_cue: bool  # its sentence reports speech ("said", "according to"), whoever the speaker

    @property
    def verdict(self) -> QuoteVerdict:
        """One word for the quote: nested, term, misquote, matches, matches-minor, contains (a whole
        curated quote and more words around it), title, no-match."""
        kinds = {m.kind for _, ms in self.segments for m in ms}
        if self.quote.nested:
            return "nested"
        if self.term:
            return "term"
        if kinds & MISQUOTE_KINDS:
            return "misquote"
        if "exact" in kinds:
            return "matches"
        if "minor" in kinds:
            return "matches-minor"
        if "contains" in kinds:
            return "contains"
        if self.title:
            return "title"
        return "no-match"


@dataclass(frozen=True)
class QuoteCounts:
    """Per article: quotes found (quotes within quotes left out), attributed, abstained."""

    total: int = 0
    attributed: int = 0
    abstained: int = 0


@dataclass(frozen=True)
class Analysis:
    """Everything the rules read about one document."""

    document: Document
    facts: Facts | None
    facts_display: str
    events_by_id: dict[str, Event]
    sentences: SentenceIndex
    dates: list[Resolved]
    event_mentions: list[EventMention]
    date_events: dict[int, EventMention]
    quotes: list[QuoteView]
    unbalanced: list[Unbalanced]
    quote_index: QuoteIndex
    names: list[NameMention]
    claim_mentions: list[ClaimMention]
    claims_by_id: dict[str, Claim]
    claim_figures: list[tuple[Figure, Claim]]
    claim_sentences: list[SentenceCoverage]
    titles: list[TitleMention]
    # For a paired date of an event with several dates (`dates:`), the indexes of those it may be
    # (one when its mention or a cue word near it decides, else all).
    date_choices: dict[int, tuple[int, ...]] = field(default_factory=dict)
    # the score from which a sentence is check-worthy (`fl403-min-score`; None: the model's threshold)
    claim_min_score: float | None = None
    # the facts' people by id (`CompiledFacts.people_by_id`; empty: `person` reads `facts`)
    people_by_id: dict[str, Person] = field(default_factory=dict, repr=False)

    def person(self, person_id: str) -> Person | None:
        """The curated person of that id (`Facts.person`), looked up in the run's index."""
        if self.people_by_id:
            return self.people_by_id.get(person_id)
        return self.facts.person(person_id) if self.facts is not None else None

    @property
    def min_score(self) -> float:
        return CheckworthyModel.load().threshold if self.claim_min_score is None else self.claim_min_score

    def worthy_sentences(self) -> list[SentenceCoverage]:
        """The check-worthy sentences: those whose score reaches `min_score`."""
        least = self.min_score
        return [s for s in self.claim_sentences if s.score >= least]

    def claim_coverage(self) -> tuple[int, int]:
        """(covered, check-worthy) sentences of the article."""
        worthy = self.worthy_sentences()
        return sum(1 for s in worthy if s.covered), len(worthy)

    def quote_counts(self) -> QuoteCounts:
        spoken = [v for v in self.quotes if not v.quote.nested]
        attributed = sum(1 for v in spoken if v.attribution.speaker)
        return QuoteCounts(len(spoken), attributed, len(spoken) - attributed)

    def facts_mentioned(self) -> frozenset[str]:
        """Ids of the curated facts the article speaks of: people named, events mentioned, curated
        quotes quoted (rightly or not), claims whose wording or figure appears."""
        ids = {n.person_id for n in self.names}
        ids.update(m.event_id for m in self.event_mentions)
        ids.update(m.quote_id for v in self.quotes for _, ms in v.segments for m in ms)
        ids.update(m.claim_id for m in self.claim_mentions)
        ids.update(c.id for _, c in self.claim_figures)
        return frozenset(ids)

    def fact_ref(self, event: Event) -> FactRef:
        return FactRef(event.id, "event", self.facts_display, event.date_line)

    def person_ref(self, person: Person) -> FactRef:
        return FactRef(person.id, "person", self.facts_display, person.line)


def analyse(
    doc: Document, compiled: CompiledFacts, *, day_first: bool = False, memo: Memo | None = None,
    claim_min_score: float | None = None, views: TextViews | None = None,
) -> Analysis:
    """The analysis of one document against the compiled facts; `memo` is the run's (see `Memo`);
    `claim_min_score` the score from which a sentence is check-worthy (None: the model's); `views`
    the document's text views, when its reference date's inference has read them (`views`)."""
    memo = memo if memo is not None else Memo()
    text = doc.text
    wrapped = doc.format == "markdown"
    prose = views.prose(text, wrapped=wrapped) if views is not None else Prose.of(text, wrapped=wrapped)
    sentences = prose.sentences
    exprs = views.dates(prose, day_first=day_first) if views is not None else find_dates(prose, day_first=day_first)
    dates = [resolve(e, doc.reference_date) for e in exprs]
    mentions = compiled.events.find(prose) if compiled.events else []
    pairs = pair_dates(text, sentences, [r.expr for r in dates], mentions, prose.scan, [r.interval for r in dates])
    choices = choose_dates(sentences, [r.expr for r in dates], pairs, compiled.events_by_id, compiled.events, prose)
    names = compiled.names.find(prose, memo)
    misspelled = frozenset((m.start, m.person_id) for m in names if m.near_miss)
    quotes, unbalanced = quote_views(
        prose, compiled.speakers, compiled.quotes, memo.quote_readings, doc.reference_date, misspelled,
    )
    claim_mentions = compiled.claims.find(prose)
    figures = find_figures(prose)
    written = doc.reference_date + timedelta(days=doc.reference_after) if doc.reference_date else None
    claim_figures = tie_figures(prose, compiled, figures, claim_mentions, dates, written)
    coverage = sentence_coverage(prose, dates, mentions, quotes, claim_mentions, figures, claim_figures, names)
    quoted = [(v.quote.start, v.quote.end) for v in quotes if not v.quote.nested]
    titles = find_titles(prose, names, compiled.facts, dates, compiled.titles, quoted, compiled.people_by_id)
    return Analysis(
        doc, compiled.facts, compiled.display, compiled.events_by_id, sentences, dates, mentions, pairs,
        quotes, unbalanced, compiled.quotes, names, claim_mentions, compiled.claims_by_id, claim_figures,
        coverage, titles, choices, claim_min_score, compiled.people_by_id,
    )


def find_titles(
    prose: Prose,
    names: list[NameMention],
    facts: Facts | None,
    dates: list[Resolved],
    curated: CuratedTitles = NO_CURATED,
    quoted: Sequence[tuple[int, int]] = (),
    people: Mapping[str, Person] | None = None,
) -> list[TitleMention]:
    """The titles written around the names of curated people who have titles (`titles_near`):
    each inside its name's sentence, never across another person's name, with the dates its
    sentence gives (a title is stale only if held neither on the article's date nor then). Names
    inside direct quotes (`quoted` spans) are left out: a speaker's words are not the article's
    titles ("President Bernie Sanders!"). `people`: the facts' people by id, when the run has
    indexed them (`CompiledFacts.people_by_id`), else read from `facts`."""
    if facts is None or not names:
        return []
    if people is None:
        people = {p.id: p for p in facts.people}
    inside = Spans(quoted) if quoted else NO_SPANS
    text, sentences = prose.text, prose.sentences
    titled = [
        n for n in names
        if not n.near_miss and people[n.person_id].titles and could_have_title(text, n.start, n.end)
        and not inside.touches(n.start, n.end)
    ]
    if not titled:
        return []
    others = Spans([(n.start, n.end) for n in names if people[n.person_id].kind == "person"])
    found: list[tuple[tuple[int, int] | None, list[TitleMention]]] = []
    for n in titled:
        sentence = sentences.containing(n.start)
        mentions = titles_near(
            text, n.start, n.end, n.person_id, sentence=sentence, others=others,
            own=name_words(people[n.person_id].names), curated=curated,
        )
        if mentions:
            found.append((sentence, mentions))
    if not found:
        return []
    when: dict[tuple[int, int] | None, list[tuple[int, Interval]]] = {}
    for r in dates:
        if r.interval is not None:
            when.setdefault(sentences.containing(r.expr.start), []).append((r.expr.start, r.interval))
    # the dates of a title's sentence; of a title set in its holder's time ("under President X"),
    # only those before it, which set the sentence ("On Monday, during ..."), not a later clause's
    return [
        replace(m, when=tuple(iv for at, iv in when[s] if not m.era or at < m.start)) if s is not None and s in when else m
        for s, ms in found for m in ms
    ]


_SMALL_WORDS = tagged_words("function_words.txt", "title-case-small")


def _looks_like_title(content: str) -> bool:
    """Title Case without sentence punctuation: the name of a work, not speech ("Fox & Friends" and
    "60 Minutes" too: a word without a letter is no word of a sentence's case)."""
    ws = content.strip().rstrip(".,").split()
    if not 2 <= len(ws) <= 10 or any(w[-1:] in ".,!?;:" for w in ws[:-1]):  # "Yes, 100%" is speech
        return False
    return (all(w[:1].isupper() or w.lower() in _SMALL_WORDS or not any(map(str.isalpha, w)) for w in ws)
            and (ws[0][:1].isupper() or ws[0].isdigit()) and any(w[:1].isupper() for w in ws))


def quote_views(
    prose: Prose, speakers: SpeakerIndex, quote_index: QuoteIndex, readings: Table | None = None,
    reference: date | None = None, misspelled: Collection[tuple[int, str]] = (),
) -> tuple[list[QuoteView], list[Unbalanced]]:
    """Every quote of a text with its speaker and its comparison with the curated quotes;
    `readings` remembers comparisons for the run; `reference`: the article's date; `misspelled`:
    (start, person id) of the misspelled name words found (a speaker named with one is that person)."""
    found, unbalanced = find_quotes(prose)
    if not found:
        return [], unbalanced
    text, sentences = prose.text, prose.sentences
    views = []
    for q, a in zip(found, attribute(prose, found, speakers, reference, misspelled), strict=True):
        segments: list[tuple[Segment, tuple[Match, ...]]] = []
        counts: dict[Segment, int] = {}
        for seg in q.segments:
            printed = text[seg.start : seg.end]
            if q.nested:  # a quote within a quote is not compared
                segments.append((seg, ()))
                counts[seg] = count_words(printed)
            else:
                matches, counts[seg] = quote_index.reading(printed, readings)
                segments.append((seg, matches))
        content = q.content(text)
        sentence = sentences.containing(q.start) or (q.start, q.end)
        cue = speech_cue(prose, min(sentence[0], q.start), max(sentence[1], q.end), q)
        views.append(QuoteView(q, a, tuple(segments), counts, is_term(text, q), _looks_like_title(content), cue))
    return views, unbalanced


def tie_figures(
    prose: Prose,
    compiled: CompiledFacts,
    figures: list[Figure],
    claim_mentions: list[ClaimMention],
    dates: list[Resolved] | tuple[()] = (),
    written: date | None = None,
) -> list[tuple[Figure, Claim]]:
    """Figures that state a claim's number: written the way one of the claim's wordings is, with the
    number changed ("launched three short-range ballistic missiles" for "launched two ..."; a weak
    or open template, such as "close N plants", only after the claim's subject in the figure's
    sentence), or with the claim's unit in a sentence that holds one of the claim's wordings.

    When several claims could take a figure, the one whose value it states (in its unit) takes it;
    otherwise the longest template match, and a unit match shared by several claims ties to none.
    Tied to nothing: a figure that states another claim's value in the same unit; a figure beside
    one that states the claim's value in its sentence ("fell 118.40 points, to below the 5000 mark
    at 4907.20": the fall is another quantity); a figure whose sentence names days (`dates`) none
    of which is a day the claim's statement gives, or months or years before it none of which falls
    in a date the statement gives ("On Monday the Dow Jones fell 300 points" for a claim "On
    2008-10-09 the Dow Jones fell 678 points"; "In the 2012 vote, 61 percent ..." for a claim of
    2016: `_dated_otherwise`); a figure with no date of its own in an article `written` (the last
    day it can have been written) before every day the claim's statement gives (a toll reported on
    the day of an attack, for a claim of the toll as counted a week later; a year is no day a count
    is of: "to 3,605 by the end of 2010"); a figure whose sentence names, before it, a curated
    person other than the person the claim is about, and not that one ("Baker would need to win 60
    percent of the remaining delegates" for a claim about Rivera's delegates), unless that person
    is set aside in commas as a source ("Acme Corp, Tom Baker said, cut 700 jobs": `_aside`).
    Templates and claims are looked up by the figure's words: the work per figure does not grow
    with the number of claims."""
    text, sentences = prose.text, prose.sentences
    index = compiled.figures
    if not index.claims:
        return []
    out = []
    claimed: dict[tuple[int, int], set[str]] = {}
    for m in claim_mentions:
        s = sentences.containing(m.start)
        if s is not None:
            claimed.setdefault(s, set()).add(m.claim_id)
    dated: dict[tuple[int, int] | None, list[tuple[Interval, int]]] = {}  # each sentence's dates, and where
    for r in dates:
        if r.interval is not None and r.timex_type in ("DATE", "TIME") and r.interval.granularity in COMPARED_GRANULARITIES:
            dated.setdefault(sentences.containing(r.expr.start), []).append((r.interval, r.expr.start))
    sentence_names: dict[tuple[int, int], SentenceNames] = {}

    def another_s(fig: Figure, sentence: tuple[int, int], fc: FigureClaim) -> bool:
        """Whether the figure's sentence names, capitalised before it, curated persons (by a name or
        its last word: `FigureIndex.persons`) and none the claim is about (other names of the claim's
        statement, such as a source's, do not make the figure the claim's person's)."""
        named = names_of(sentence)
        capitals = tuple(w.replace("’", "'") for w in named.capitals[: bisect_right(named.ends, fig.lead)])
        found: set[str] = set()
        after = 0  # the first word after the last other person named
        aside = 0  # the first word after a name set aside as a source
        for i, w in enumerate(capitals):
            for n in (3, 2, 1) if w and i >= aside else ():
                form = capitals[i : i + n]
                if len(form) == n and all(form) and form in index.persons:
                    persons = index.persons[form]
                    if persons & fc.subject.people:
                        return False  # the claim's own person is named
                    if _aside(named.tokens, i, n):
                        aside = i + n  # a source set aside in commas is no subject: "Acme Corp,
                        break  # Tom Baker said, cut 700 jobs"
                    if n > 1 or i > 0:  # (a word alone is no name where any word is capitalised)
                        found |= persons
                        after = max(after, i + n)
        # another person named, and not the claim's; unless the claim's subject is written after
        # them ("Tom Baker said Acme Corp cut 700 jobs" for a claim of Acme Corp's a person reports)
        return bool(found) and not fc.subject.written_in(named, fig.lead, after)

    def names_of(sentence: tuple[int, int]) -> SentenceNames:
        """A sentence's words as claim subjects read them, read once for all its figures."""
        got = sentence_names.get(sentence)
        if got is None:
            got = sentence_names[sentence] = SentenceNames.of(text, *sentence)
        return got

    in_sentence: dict[tuple[int, int] | None, list[Figure]] = {}
    located = [(fig, sentences.containing(fig.start)) for fig in figures]
    for fig, sentence in located:
        in_sentence.setdefault(sentence, []).append(fig)
    templated: list[dict[str, tuple[int, FigureClaim]]] = []  # each figure's claims by wording
    for fig, sentence in located:
        following: list[str] | None = None  # the words after the figure, split when a template asks
        by_template: dict[str, tuple[int, FigureClaim]] = {}  # claim id: (longest wording fitted, claim)
        for key in dict.fromkeys(stems(fig.after[:1] + fig.before[-1:])):
            for fc, t in index.by_key.get(key, ()):
                if following is None:
                    following = fig.following.split()
                if not _fits(fig, following, fc, t):
                    continue
                needs_subject = not t.strong or (t.open and fc.subject.forms)
                if needs_subject and not (sentence and fc.subject.written_in(names_of(sentence), fig.lead)):
                    continue
                if sentence is not None and fc.subject.people and another_s(fig, sentence, fc):
                    continue  # another person's figure, written the claim's way
                size = len(t.prefix) + len(t.suffix)
                if fc.claim.id not in by_template or by_template[fc.claim.id][0] < size:
                    by_template[fc.claim.id] = (size, fc)
        templated.append(by_template)
    worded: dict[tuple[int, int] | None, set[str]] = {}  # each sentence's claims a figure is worded for
    for (fig, sentence), by_template in zip(located, templated, strict=True):
        worded.setdefault(sentence, set()).update(by_template)
    for (fig, sentence), by_template in zip(located, templated, strict=True):
        ids = claimed.get(sentence, ()) if sentence is not None else ()
        if not by_template and not ids:
            continue  # no wording fitted and no claim in its sentence: no candidate, nothing to tie
        by_unit: dict[str, FigureClaim] = {}
        if ids:
            for w in fig.following.split()[:3]:
                for fc in index.by_head.get(noun_stem(w), ()):
                    if fc.claim.id in ids and _same_unit(fig, fc):
                        by_unit.setdefault(fc.claim.id, fc)
        candidates = [fc for _, fc in by_template.values()] + [fc for i, fc in by_unit.items() if i not in by_template]
        stated = [fc for fc in candidates if same_value(value_in(fig, fc.unit), fc.value)]
        if stated:
            out.append((fig, stated[0].claim))
            continue
        if by_template:
            best = max(size for size, _ in by_template.values())
            ranked = [(size, fc) for size, fc in by_template.values() if size == best]
            if len(ranked) > 1:  # one wording for several claims: the figure states none of them, and
                # the claim named is the one whose statement shares most words with its paragraph
                context = set(words(text[slice(*_paragraph(prose, fig.start))]))
                ranked.sort(key=lambda x: -len(x[1].context & context))
            fc = ranked[0][1]
        elif len(by_unit) == 1 and not by_unit.keys() & worded.get(sentence, set()):
            # by its unit alone, a figure takes a claim no other figure of its sentence is worded
            # for ("With 76 percent of the vote counted, X was leading with 34 percent": 34 is it)
            (fc,) = by_unit.values()
        else:
            continue
        if index.states_another(fig, fc):
            continue
        if fc.dates and sentence in dated and _dated_otherwise(dated[sentence], fc.dates, fig.start):
            continue  # another day's, month's or year's figure
        if sentence not in dated and written is not None and _counted_later(fc.dates, written):
            continue  # written before the day the claim's count is of: an earlier count
        # a figure beside one that states the claim's value is another quantity; a count without
        # the claim's measure ("the first four states ... 14% of the delegates" for 4%) states none
        siblings = [g for g in in_sentence.get(sentence, ()) if g is not fig
                    and (fc.unit.canonical is None or g.unit == fc.unit.canonical
                         or g.unit is None and not _noun_after(g))]
        if any(same_value(value_in(g, fc.unit), fc.value) for g in siblings):
            continue
        out.append((fig, fc.claim))
    return out


def _aside(tokens: Sequence[tuple[str, bool, str]], i: int, n: int) -> bool:
    """Whether the name of words `tokens[i:i+n]` stands in an attribution set aside by commas
    mid-sentence (", Tom Baker said," or ", said Tom Baker,"): a source, not the sentence's subject."""
    forms = speech_verbs().forms
    k = i + n
    if i > 0 and tokens[i - 1][2].strip() == "," and k < len(tokens) and not tokens[k - 1][2].strip():
        return tokens[k][0].lower() in forms and tokens[k][2].strip().startswith(",")
    if i > 1 and tokens[i - 2][2].strip() == "," and not tokens[i - 1][2].strip() and tokens[i - 1][0].lower() in forms:
        return k < len(tokens) and tokens[k - 1][2].strip().startswith(",")
    return False


def _counted_later(claimed: tuple[Interval, ...], written: date) -> bool:
    """Whether the claim's statement gives days (`claimed`), all of them after `written`."""
    days = [c for c in claimed if c.granularity == "day"]
    return bool(days) and all(written < c.first for c in days)


def _dated_otherwise(stated: list[tuple[Interval, int]], claimed: tuple[Interval, ...], start: int) -> bool:
    """Whether a figure's sentence is dated otherwise than its claim's statement (`claimed`): the
    sentence's days (`stated`: dates and where each starts) are none of the statement's days; or the
    months and years it writes before the figure (at `start`) fall in none of the statement's dates
    ("In the 2012 vote, 61 percent ..." for a claim of 2016; not "61 percent ..., the most since
    1975"). A day of the sentence is not held to a statement's month or year, which may be another
    thing's ("GM announced Friday it will close 1,100 dealerships ... by the end of 2010")."""
    days = [d for d, _ in stated if d.granularity == "day"]
    claimed_days = [c for c in claimed if c.granularity == "day"]
    if days and claimed_days and not any(d.overlaps(c) for d in days for c in claimed_days):
        return True
    periods = [d for d, at in stated if d.granularity != "day" and at < start]
    return bool(periods) and not any(d.overlaps(c) for d in periods for c in claimed)


def _paragraph(prose: Prose, offset: int) -> tuple[int, int]:
    paragraphs = prose.paragraphs
    i = bisect_right(paragraphs, (offset, len(prose.text) + 1)) - 1
    return paragraphs[i] if i >= 0 and paragraphs[i][0] <= offset <= paragraphs[i][1] else (offset, offset)


def _noun_after(fig: Figure) -> bool:
    """Whether a word that is no function word follows a figure: a count of its own ("four
    states"), not a number whose unit is left to be read from before it ("30 percent, or 35
    among likely voters")."""
    nxt = fig.following.split()[:1]
    return bool(nxt) and nxt[0] not in tagged_words("function_words.txt", "no-topic")


def _same_unit(fig: Figure, fc: FigureClaim) -> bool:
    """The figure's unit is not another than the claim's (percent is no "points")."""
    return fig.unit is None or fc.unit.canonical is None or fig.unit == fc.unit.canonical


def _fits(fig: Figure, following: list[str], fc: FigureClaim, t: Template) -> bool:
    """Whether the figure is written the way the template is, its number aside; after a template
    that ends at its number, the figure has no unit, or the claim's."""
    prefix, suffix = t.stems
    n = len(prefix)
    if n and (len(fig.before) < n or stems(fig.before[-n:]) != prefix):
        return False
    if stems(fig.after[: len(suffix)]) != suffix or not _same_unit(fig, fc):
        return False
    if t.suffix:
        return True
    return not following or any(_same_noun(w, fc.unit.head) for w in following[:3]) or fig.unit == fc.unit.canonical


def _same_noun(word: str, head: str) -> bool:
    """'missile' and 'missiles', 'entity' and 'entities' are one noun."""
    return word == head or noun_stem(word) == noun_stem(head)


def sentence_coverage(
    prose: Prose,
    dates: list[Resolved],
    event_mentions: list[EventMention],
    quotes: list[QuoteView],
    claim_mentions: list[ClaimMention],
    figures: list[Figure],
    claim_figures: list[tuple[Figure, Claim]],
    names: list[NameMention],
    model: CheckworthyModel | None = None,
) -> list[SentenceCoverage]:
    """Each sentence's check-worthiness (its score from `data/checkworthy.txt`: figures, dates,
    quotes, speech cues, titled people and the words of the table) and whether a curated fact
    covers it (SPEC §5, FL403): every sentence of the text, in order (`score_sentences`)."""
    text, sentences = prose.text, prose.sentences
    model = model or CheckworthyModel.load()
    titled = []
    for n in names:
        # the last word of the 40 characters before the name (lower case changes no white space)
        before = text[max(0, n.start - 40) : n.start].rsplit(None, 1)
        if before and before[-1].lower().strip(",") in model.title_words:
            titled.append(n.start)
    spoken, covers = [], []
    for v in quotes:
        if not v.quote.nested and not v.term:
            spoken.append(v.quote.start)
            if any(m.kind in ("exact", "minor") for _, ms in v.segments for m in ms):
                covers.append(v.quote.start)
    covers.extend(m.start for m in event_mentions)
    covers.extend(m.start for m in claim_mentions)
    covers.extend(f.start for f, _ in claim_figures)
    return score_sentences(
        text, sentences.all(), prose.paragraphs, prose.scan, figures=figures, dates=dates, quotes=spoken,
        cues=prose.cues, titled=titled, covers=covers, model=model,
    )


__all__ = [
    "MISQUOTE_KINDS", "Analysis", "QuoteCounts", "QuoteView", "SentenceCoverage", "analyse", "find_titles", "quote_views",
    "sentence_coverage", "tie_figures",
]
