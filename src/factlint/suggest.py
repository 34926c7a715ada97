"""`factlint suggest`: a facts.yaml drafted from the articles, by the extractors `check` uses.

The draft is made in passes over the documents, each a run of the one analysis (`analysis.analyse`):

1. without facts: the people named with a known first name ("John Kirby", as the attribution sieves
   read people nobody curated), the dates of the text with the words of their clause before them
   (an event's mention: "made its maiden flight" for "... made its maiden flight on April 27"), the
   figures with their nouns (a claim: "50,000 people"), the quotes;
2. with the people drafted: each quote's speaker (the attribution sieves, now naming draft people)
   and the titles written around each person's name (`titles_near`, roles the title tables know);
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

import calendar
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import field, replace

from .analysis import Analysis
from .compiled import CompiledFacts
from .document import Document
from .engine import Linter
from .errors import FactsError
from .extract.attribution import SpeakerIndex, read_people
from .extract.claims import find_figures
from .extract.quotes import find_quotes
from .extract.titles import name_words, titles_near, vocabulary as title_vocabulary
from .facts.model import Facts
from .model import Severity
from .normalize.quotes import words
from .prose import Prose
from .records import dataclass
from .reference import reference_of
from .rules import RULES
from .vocab import common_words, honorifics, role_words, speech_verbs, table, words as vocab_words

# A quote shorter than this (in words) is a fragment or a scare quote: not drafted.
MIN_QUOTE_WORDS = 4
# An event's mention: at most this many words of the date's clause, at least this many content words.
MENTION_WORDS = 5
MIN_MENTION_CONTENT = 2
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
    value: float
    unit: str
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


def _speaker_runs(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalised words (one to four) standing as the speaker of a speech verb ("Airbus
    said", "said Tony Clement", "Tony Clement, the minister, said" is left to the first-name reader),
    or ending in a word of `data/organization_words.txt` anywhere; (start, end, kind)."""
    says = speech_verbs().forms
    org_words = vocab_words("organization_words.txt")
    roles = role_words()
    hon = honorifics()
    common = common_words()
    out = []
    for m in _RUN.finditer(text):
        run = m.group()
        parts = run.split()
        ends_org = parts[-1].lower().rstrip(".") in org_words
        while parts and not ends_org and (parts[0].lower().rstrip(".") in roles or parts[0].lower().rstrip(".") in hon):
            parts.pop(0)
        if not parts or len(parts) > 4:
            continue
        start = m.end() - len(" ".join(parts))
        lead = text[max(0, start - 3) : start]
        sentence_start = start == 0 or bool(re.search(r"(?:[.!?\n\"“”']\s*|``\s*)\Z", text[max(0, start - 4) : start]))
        after = re.match(r"\s*(?:,\s*)?(\w+)", text[m.end() : m.end() + 30])
        before = re.search(r"(\w+),?\s*\Z", text[max(0, start - 30) : start])
        last = parts[-1].lower().rstrip(".")
        is_org = last in org_words and len(parts) >= 2
        spoken = (after is not None and after.group(1).lower() in says) or (
            before is not None and before.group(1).lower() in says and not lead.endswith(","))
        if not (is_org or spoken):
            continue
        if parts[0] in ("The", "A", "An") and sentence_start:
            parts = parts[1:]
            start = m.end() - len(" ".join(parts))
            if not parts:
                continue
        if len(parts) == 1 and (parts[0].lower() in common or sentence_start) and not is_org:
            continue  # "He said", "The minister said": a common word, not a name
        if parts[0].lower() in common and sentence_start and len(parts) == 1:
            continue
        kind = "organization" if is_org or len(parts) == 1 else "person"
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


_CALENDAR = frozenset(w.lower() for w in (*calendar.month_name[1:], *calendar.day_name))


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
        if len(name) < 2:
            return
        person = by_name.get(name)
        if person is None:
            person = by_name[name] = DraftPerson(_slug(name, taken), name, kind=kind)
        _add_seen(person.seen, _seen(doc, shown, start))

    for doc, shown in docs:
        prose = _prose(doc)
        quotes, _ = find_quotes(prose)
        inside = [(q.start, q.end) for q in quotes if not q.nested]
        others = [m for m in read_people(prose, empty, quotes) if not m.ids and m.how == "other"]
        for m in others:
            name = doc.text[m.start : m.end]
            if name.split()[0].lower().rstrip(".") in hon or len(name.split()) < 2:
                continue  # "Mr. Smith": a surname, not a full name
            add(doc, shown, m.start, name, "person")
        for start, end in titled_people(prose, inside):
            if not any(m.start < end and start < m.end for m in others):
                add(doc, shown, start, doc.text[start:end], "person")
        for start, end, kind in _speaker_runs(doc.text):
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
    people = sorted(by_name.values(), key=lambda p: p.name)
    surnames: dict[str, list[DraftPerson]] = {}
    for p in people:
        if p.kind == "person":
            surnames.setdefault(p.name.split()[-1], []).append(p)
    names = {p.name for p in people}
    for surname, ps in surnames.items():
        if len(ps) == 1 and len(surname) >= 3 and surname not in names and surname[:1].isupper():
            ps[0].aliases.append(surname)
    return people


_CLAUSE_BREAK = re.compile(r"[,;:()\"“”«»\[\]—–]|''|``|\s-\s")
_LINK_WORDS = frozenset("on in at of during from between around by the a an since after before until early late mid".split())
_FUNCTION = frozenset(
    "a an the and or but of to in on at by for with from as is was were are be been has had have it its this that "
    "these those their his her he she they we i you said says".split()
)


def mention_before(text: str, lo: int, start: int) -> tuple[int, int] | None:
    """The mention of the event a date dates: the last words of the date's clause before it (after
    the last comma or other break), the link words ("on", "in the") before the date left out, at
    most MENTION_WORDS words of which MIN_MENTION_CONTENT are content words; None when too few."""
    breaks = list(_CLAUSE_BREAK.finditer(text, lo, start))
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


def draft_events(analyses: Sequence[tuple[Analysis, str]], taken: set[str] | None = None) -> list[DraftEvent]:
    """An event for each date of a day, month or year written after words of its clause that can
    mention it; the same mention (folded) dated the same in several articles is one event, dated
    differently it is kept with the other dates noted (the check then finds the conflict)."""
    by_mention: dict[str, DraftEvent] = {}
    taken = set() if taken is None else taken
    for a, shown in analyses:
        doc, text = a.document, a.document.text
        for r in a.dates:
            if r.timex_type != "DATE" or r.interval is None or r.unresolved or r.impossible:
                continue
            value = _date_value(r.interval)
            sentence = a.sentences.containing(r.expr.start)
            if value is None or sentence is None:
                continue
            lo = max([sentence[0]] + [d.expr.end for d in a.dates if sentence[0] <= d.expr.end <= r.expr.start])
            span = mention_before(text, lo, r.expr.start)
            if span is None:
                continue
            mention = " ".join(text[span[0] : span[1]].split())
            key = " ".join(words(mention))
            seen = _seen(doc, shown, span[0])
            event = by_mention.get(key)
            if event is None:
                what = _clip(text[sentence[0] : sentence[1]])
                by_mention[key] = DraftEvent(_slug(mention, taken), what, value, mention, [seen])
            elif event.date == value:
                _add_seen(event.seen, seen)
            else:
                event.other_dates.append((value, seen))
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


_TAIL = {n: re.compile(r"(?:\s*[\w%$'’-]+){1," + str(n) + "}") for n in (1, 3)}


def draft_claims(analyses: Sequence[tuple[Analysis, str]], taken: set[str] | None = None) -> list[DraftClaim]:
    """A claim for each figure with a unit or a noun after it (not part of a date): its sentence
    the statement, the words from three before the figure to its noun the wording."""
    out: dict[str, DraftClaim] = {}
    taken = set() if taken is None else taken
    for a, shown in analyses:
        doc, text = a.document, a.document.text
        prose = _prose(doc)
        dated = [(r.expr.start, r.expr.end) for r in a.dates]
        inside = [(v.quote.start, v.quote.end) for v in a.quotes]
        for fig in find_figures(prose):
            if any(s < fig.end and fig.start < e for s, e in dated):
                continue
            noun = fig.unit or next(iter(fig.following.split()), "")
            if not noun or not noun.isalpha() or noun in _FUNCTION or fig.factor != 1.0:
                continue
            sentence = a.sentences.containing(fig.start)
            if sentence is None:
                continue
            if any(s <= fig.start < e for s, e in inside):
                continue  # a speaker's words are the quote's, not a claim of the article
            lead = fig.lead if fig.lead >= 0 else fig.start
            before = list(re.finditer(r"[\w'’$-]+", text[sentence[0] : lead]))[-3:]
            begin = sentence[0] + before[0].start() if before else lead
            first = fig.following.split()[:1]
            most = 3 if not fig.unit and first and "-" in text[fig.end : fig.end + 40].split(maxsplit=1)[0] else 1
            tail = _TAIL[most].match(text, fig.end, sentence[1])
            tail_words = tail.group().split() if tail else []
            while tail_words and tail_words[-1].lower() in _FUNCTION:
                tail_words.pop()
            if not tail_words and not fig.unit:
                continue
            end = fig.end if not tail_words else fig.end + (tail.group().index(tail_words[-1]) + len(tail_words[-1]) if tail else 0)
            unit = fig.unit or " ".join(tail_words)
            wording = " ".join(text[begin:end].split())
            if _CLAUSE_BREAK.search(wording) or len(wording.split()) < 3:
                continue
            key = " ".join(words(wording))
            seen = _seen(doc, shown, begin)
            if key in out:
                _add_seen(out[key].seen, seen)
                continue
            value = fig.value
            out[key] = DraftClaim(_slug(wording, taken), _clip(text[sentence[0] : sentence[1]], 200), wording,
                                  value, unit, [seen])
    return list(out.values())


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def draft_quotes(analyses: Sequence[tuple[Analysis, str]], taken: set[str] | None = None) -> list[DraftQuote]:
    """Each quote of MIN_QUOTE_WORDS words or more with a drafted speaker; a quote whose words lie
    inside another of the same speaker's is that one (its wording kept as a variant)."""
    found: list[tuple[str, str, list[str], Seen]] = []
    for a, shown in analyses:
        for v in a.quotes:
            q = v.quote
            if q.nested or v.term or v.title or not v.attribution.speaker:
                continue
            text = " ".join(q.content(a.document.text).split()).rstrip(",;: ")
            ws = words(text)
            if len(ws) < MIN_QUOTE_WORDS or "..." in text or "…" in text or "[" in text:
                continue
            found.append((v.attribution.speaker, text, ws, _seen(a.document, shown, q.start)))
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
    value = int(c.value) if c.value == int(c.value) else c.value
    return [_seen_comment(c.seen, "  "), f"  - id: {c.id}", f"    statement: {_q(c.statement)}",
            f"    supports: [{_q(c.wording)}]", f"    figure: {{value: {value}, unit: {_q(c.unit)}}}"]


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
    return "\n".join(out) + "\n"


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
    bare = _analyses(docs, None, day_first)
    draft.events = draft_events(bare, taken)
    draft.claims = draft_claims(bare, taken)
    people_only = _load(render(Draft(people=draft.people)), facts_path)
    with_people = _analyses(docs, people_only, day_first)
    draft_titles(with_people, draft.people)
    draft.quotes = draft_quotes(with_people, taken)
    for e in [e for e in draft.events if e.other_dates]:
        draft.events.remove(e)
        dates = "; ".join(f"{d} in {s}" for d, s in e.other_dates)
        draft.conflicts.append(("event", event_lines(e), f"{_q(e.mention)} is dated {e.date} in {e.seen[0]} but {dates}"))
    _settle(draft, docs, facts_path, story, day_first)
    return draft, render(draft, story)


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
            doc = replace(doc, reference_date=found, reference_origin=origin if found else "none")
            for f in linter.lint(doc):
                if f.severity >= Severity.ERROR and f.fact is not None and f.fact.fact_id not in why:
                    line = doc.position(f.span.start)[0]
                    why[f.fact.fact_id] = f"{shown}:{line}: {f.code} {' '.join(f.message.split())}"
        if not why:
            return
        _take_out(draft, why)


def _take_out(draft: Draft, why: dict[str, str]) -> None:
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


__all__ = ["Draft", "mention_before", "render", "suggest"]
