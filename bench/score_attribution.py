"""Score factlint's quote finding and speaker attribution on PolNeAR's training split.

The facts are built from the gold, in memory: one person per speaker (`speaker_name`) and per name of
the articles' `people` lists (a two-word name is an alias of the one longer name of the file with the
same first name and surname: "Hillary Clinton" of "Hillary Rodham Clinton") (two or more capitalised words, none of which the corpus writes in lower
case more often than capitalised, so not "Obama Says"; not a listed name with more words after it),
a surname alias where no other person of the same facts file has that surname, and each gold quote as
a curated quote of its speaker. A one-word speaker name ("Obama") is the person of the facts file
with that surname; when several have it ("Clinton"), any of them counts as right, as do the
candidates of a speaker the data calls ambiguous.

A found quote matches a gold quote when it overlaps one of its fragments (quotes within quotes left
out). Recall: gold quotes found; coverage: gold quotes found and attributed to someone; precision:
attributed quotes whose speaker is the gold one. FL201/FL202 findings on the unchanged articles are
false flags (per 100 articles). Settings: `article` (each article with a facts file of its own
people) and `merged` (one facts file holding every person and quote of the whole file, also with
--limit: the fair test).

Planted errors (fixed seed; gold quotes of six or more words with no FL201/FL202 on them in the
unchanged article), scored in the merged setting when it runs: a content word swapped for another
(FL201 expected), a negation added or removed (FL201), the speaker's name in the attribution replaced
by another person's (FL202); and two legitimate edits that must not be flagged: a middle run of words
replaced by "...", a pronoun replaced by a [bracketed] name. "recall|ok" counts only the quotes that
the unchanged article attributes to the right speaker.

    python bench/score_attribution.py [--data ../shared/data/polnear-train-quotes.jsonl] [--limit N]
        [--setting article|merged|both] [--errors N] [--planted | --no-planted] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import unicodedata
import zlib
from collections import Counter, defaultdict, namedtuple
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear-train-quotes.jsonl"

# --- adapter: the only section that uses factlint; repoint it when src/ moves --------------------
# parse_facts is the public API; lint_text would compile the facts again for every article and does
# not give the quotes and their speakers, so the Linter and the document reader are used directly.
from factlint import parse_facts  # noqa: E402
from factlint.document import read_document  # noqa: E402
from factlint.engine import Linter  # noqa: E402

FLAGS = ("FL201", "FL202")


@dataclass(frozen=True)
class Found:
    """A quote found: its span (marks included), its speaker's id or None, the rule (or abstain) and its cue."""

    start: int
    end: int
    speaker: str | None
    rule: str
    cue: str


Flag = namedtuple("Flag", "code start end message")  # a finding's code, span and message


def compile_facts(facts_yaml: str) -> Linter:
    """Facts from YAML text, compiled once for any number of articles."""
    return Linter.of(parse_facts(facts_yaml, "<gold facts>"))


def analyse(compiled: Linter, text: str) -> tuple[list[Found], list[Flag]]:
    """A plain-text article's quotes with their speakers, and its FL201/FL202 findings (offsets into text)."""
    doc = read_document("article.txt", text, fmt="text")
    findings, analysis = compiled.run(doc)
    at = doc.source_offset
    quotes = [
        Found(at(v.quote.start), at(v.quote.end, end=True), v.attribution.speaker, v.attribution.rule, v.attribution.cue)
        for v in analysis.quotes if not v.quote.nested
    ]
    return quotes, [Flag(f.code, f.span.start, f.span.end, f.message) for f in findings if f.code in FLAGS]
# --- end of adapter ---------------------------------------------------------------------------------


MARKS = "\"'“”‘’„«» \n\t\xa0"
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
STOP = frozenset("""about above after again against also because been before being below between both could does doing
down during each from further have having here into just more most much must once only other over same should some
such than that their them then there these they this those through under until very were what when where which while
will with would your yours yourself going know think said says""".split())
NEGATIONS = re.compile(r"\b(?:not|no|never|nor|none|nothing|nobody|neither|cannot|without)\b|n[’']t\b", re.I)
NEGATABLE = "is are was were will can could would should does did has have had".split()
ADD_NOT = re.compile(r"\b(?:%s)\b(?! not\b)(?![’'])" % "|".join(NEGATABLE))
CONTRACTED = {"ca": "can", "wo": "will"}
PRONOUNS = re.compile(r"(?<![\w’'\[])(?:[Hh]e|[Ss]he|[Hh]im|[Tt]hey|[Tt]hem|[Ww]e|[Uu]s|I|[Mm]e)(?![\w’'\]])")
WORD = re.compile(r"(?<![\w’'-])[A-Za-z]+(?![\w’'-])")


@dataclass
class Gold:
    article: int  # index into the articles
    qid: str
    start: int
    end: int
    fragments: list[tuple[int, int]]
    words: str  # the spoken words: marks stripped, fragments joined
    names: tuple[str, ...]  # the speaker's name, or an ambiguous speaker's candidates
    raw: dict


@dataclass
class Outcome:
    gold: Gold
    hit: Found | None  # the found quote that speaks for it
    correct: bool

    @property
    def speaker(self) -> str | None:
        return self.hit.speaker if self.hit else None


def clean(name: str) -> str:
    """A name with its spacing normalised, stray marks ("” Cruz"), a possessive and a final period dropped."""
    name = re.sub(r"^\W+|[’']s$", "", " ".join(name.split()))
    last = name.rsplit(" ", 1)[-1].rstrip(".,")
    return name.rstrip(".,") if len(last) > 2 and last.lower() not in SUFFIXES else name


def surname(name: str) -> str:
    """A name's last word before a generational suffix (Jr., III)."""
    words = name.split()
    while len(words) > 1 and words[-1].strip(".,").lower() in SUFFIXES:
        words.pop()
    return words[-1].strip(",")


def surname_key(name: str) -> str:
    """A surname as two spellings of it are one: case, apostrophes and accents folded."""
    return slug(name)


def slug(name: str) -> str:
    """A person id: names that differ only in accents or punctuation are one person."""
    ascii_ = unicodedata.normalize("NFKD", re.sub("['’`]", "", name)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-") or f"p{zlib.crc32(name.encode())}"


def inner(text: str, a: int, b: int) -> tuple[int, int]:
    """A fragment's span without its quote marks and the space around them."""
    while a < b and text[a] in MARKS:
        a += 1
    while b > a and text[b - 1] in MARKS:
        b -= 1
    return a, b


def read_gold(articles: list[dict]) -> tuple[list[Gold], set[str]]:
    """The gold quotes, and the people-list names fit for a facts file (see the module docstring)."""
    golds = []
    for i, a in enumerate(articles):
        for q in a["quotes"]:
            frags = [tuple(f) for f in q["fragments"]]
            words = " ".join(" ".join(a["text"][s:e] for s, e in (inner(a["text"], *f) for f in frags)).split())
            names = [q["speaker_name"]] if q["speaker_name"] else q.get("speaker_name_candidates") or []
            if words and names:
                golds.append(Gold(i, q["id"], q["start"], q["end"], frags, words, tuple(map(clean, names)), q))
    speakers = {g.names[0] for g in golds if g.raw["speaker_name"] and len(g.names[0].split()) > 1}
    case: Counter = Counter()  # a word's lower-case uses minus its capitalised ones
    for a in articles:
        for w in re.findall(r"[^\W\d_][\w’'-]*", a["text"]):
            case[w.lower()] += 1 if w[0].islower() else -1
    listed = {clean(p["name"]) for a in articles for p in a["people"]}
    ok = {n for n in listed if len(n.split()) > 1 and all(w[0].isupper() and case[w.lower()] <= 0 for w in n.split())}
    ok |= speakers
    names = {n for n in ok if n in speakers or not any(" ".join(n.split()[:k]) in ok for k in range(2, len(n.split())))}
    for g in golds:  # an ambiguous speaker's candidates, kept when fit for a facts file
        if not g.raw["speaker_name"]:
            g.names = tuple(n for n in g.names if n in names) or g.names
    return golds, names


@dataclass
class FactSet:
    compiled: Linter
    speakers: dict[int, frozenset[str]]  # gold index -> the speaker ids that count as right
    people: list[tuple[str, str]]  # (id, name) of the people with a full name, for the planted errors
    n_people: int
    n_aliases: int


def build_facts(golds: dict[int, Gold], names: set[str]) -> FactSet:
    """One facts file: these people (full names) and these gold quotes, with their speakers."""
    people: dict[str, list[str]] = defaultdict(list)  # id -> its spellings, the first one its name
    for n in sorted(names | {n for g in golds.values() for n in g.names if len(n.split()) > 1}):
        if n not in people[slug(n)]:
            people[slug(n)].append(n)
    # one person, several spellings: "Hillary Clinton" is "Hillary Rodham Clinton" when no one else
    # of the file is a Hillary ... Clinton ("George Bush" stays apart from two longer Bushes)
    longer: dict[tuple[str, str], list[str]] = defaultdict(list)
    for pid, spellings in people.items():
        ws = spellings[0].split()
        if len(ws) > 2:
            longer[(ws[0].lower(), surname(spellings[0]).lower())].append(pid)
    redirect: dict[str, str] = {}
    for pid, spellings in list(people.items()):
        ws = spellings[0].split()
        if len(ws) == 2 and len(longer.get((ws[0].lower(), ws[1].lower()), ())) == 1:
            target = longer[(ws[0].lower(), ws[1].lower())][0]
            people[target].extend(spellings)
            redirect[pid] = target
            del people[pid]
    by_surname: dict[str, set[str]] = defaultdict(set)  # O'Brien and O’Brien, Calderon and Calderón: one surname
    for pid, spellings in people.items():
        by_surname[surname_key(surname(spellings[0]))].add(pid)
    single: set[str] = set()

    def resolve(name: str) -> set[str]:
        if len(name.split()) > 1:
            return {redirect.get(slug(name), slug(name))}
        if surname_key(name) in by_surname:
            return by_surname[surname_key(name)]
        people[slug(name)][:] = [name]
        single.add(slug(name))
        return {slug(name)}

    speakers = {i: frozenset(pid for n in g.names for pid in resolve(n)) for i, g in golds.items()}
    entries, n_aliases = [], 0
    for pid, (name, *aliases) in people.items():
        s = surname(name)
        if pid not in single and len(by_surname[surname_key(s)]) == 1 and slug(s) not in single and len(s.rstrip(".")) > 1:
            aliases.append(s)
            n_aliases += 1
        entries.append({"id": pid, "name": name} | ({"aliases": aliases} if aliases else {}))
    quotes = [{"id": f"q{g.article}-{slug(g.qid)}", "speaker": sorted(speakers[i]), "text": g.words} for i, g in golds.items()]
    text = yaml.safe_dump({"version": 1, "people": entries, "quotes": quotes}, allow_unicode=True, sort_keys=False, width=10**6)
    full = [(pid, spellings[0]) for pid, spellings in people.items() if pid not in single]
    return FactSet(compile_facts(text), speakers, full, len(people), n_aliases)


def judge(i: int, g: Gold, quotes: list[Found], fs: FactSet) -> Outcome:
    """The first found quote over the gold one's fragments that has a speaker (else the first one)."""
    hits = list(dict.fromkeys(q for a, b in g.fragments for q in quotes if q.start < b and a < q.end))
    said = next((q for q in hits if q.speaker), hits[0] if hits else None)
    return Outcome(g, said, bool(said and said.speaker in fs.speakers[i]))


# --- planted errors: each edit returns (new text, offset of the edit, change of length) or None -------
Edit = tuple[str, int, int]


def _replace(text: str, start: int, end: int, new: str) -> Edit:
    return text[:start] + new + text[end:], start, len(new) - (end - start)


def _spans(text: str, g: Gold) -> list[tuple[int, int]]:
    return [inner(text, a, b) for a, b in g.fragments]


def word_swap(text: str, g: Gold, rng: random.Random, vocab: list[str], **_) -> Edit | None:
    cands = [
        m for a, b in _spans(text, g) for m in WORD.finditer(text, a, b)
        if len(m[0]) >= 4 and m[0].lower() not in STOP and not NEGATIONS.fullmatch(m[0])
    ]
    if not cands:
        return None
    m = rng.choice(cands)
    new = rng.choice([w for w in rng.sample(vocab, 2) if w != m[0].lower()])
    return _replace(text, m.start(), m.end(), new.capitalize() if m[0][0].isupper() else new)


def negation(text: str, g: Gold, rng: random.Random, **_) -> Edit | None:
    cands = []
    for a, b in _spans(text, g):
        cands += [(m, "") for m in re.compile(r"\b(?:not|never) ").finditer(text, a, b)]
        for m in re.compile(r"\b(\w+)n[’']t\b").finditer(text, a, b):
            base = CONTRACTED.get(m[1].lower(), m[1].lower())
            if base in NEGATABLE or base == "do":
                cands.append((m, base.capitalize() if m[1][0].isupper() else base))
        cands += [(m, m[0] + " not") for m in ADD_NOT.finditer(text, a, b)]
    if not cands:
        return None
    m, new = rng.choice(cands)
    return _replace(text, m.start(), m.end(), new)


def speaker_swap(text: str, g: Gold, rng: random.Random, pool: list[tuple[str, str]], ids: frozenset[str], **_) -> Edit | None:
    q = g.raw
    s, e = q.get("speaker_start"), q.get("speaker_end")
    if q["speaker_via"] != "name" or s is None or text[s:e] != q["speaker_text"]:
        return None  # only a name written in the attribution itself
    if any(s < b and a < e for a, b in g.fragments) or min(s - b if s >= b else a - e for a, b in g.fragments) > 200:
        return None
    surnames = {surname(n).lower() for n in g.names}
    others = [n for pid, n in rng.sample(pool, min(20, len(pool))) if pid not in ids and surname(n).lower() not in surnames]
    return _replace(text, s, e, others[0]) if others else None


def ellipsis(text: str, g: Gold, rng: random.Random, **_) -> Edit | None:
    cands = []
    for a, b in _spans(text, g):
        toks = list(re.finditer(r"\S+", text[a:b]))
        for i in range(2, len(toks) - 4):  # two words or more kept on each side
            run = toks[i : min(i + rng.randint(2, 4), len(toks) - 2)]
            if not NEGATIONS.search(" ".join(t[0] for t in run)):
                cands.append((a + run[0].start(), a + run[-1].end()))
    return _replace(text, *rng.choice(cands), "...") if cands else None


def bracketed(text: str, g: Gold, rng: random.Random, pool: list[tuple[str, str]], **_) -> Edit | None:
    cands = [m for a, b in _spans(text, g) for m in PRONOUNS.finditer(text, a, b)]
    if not cands or not pool:
        return None
    m = rng.choice(cands)
    name = g.names[0] if m[0].lower() in ("i", "me", "we", "us") else rng.choice(pool)[1]
    return _replace(text, m.start(), m.end(), f"[{name}]")


LEGIT_FLAGS: list[tuple[str, Flag, str]] = []  # the legitimate edits flagged: (kind, flag, context)
MISSED_PLANTS: list[tuple[str, str]] = []  # planted errors not flagged on a quote attributed right: (kind, context)

PLANTS = {  # kind -> (edit, the code that must report it; None: a legitimate edit, never flagged)
    "word swap": (word_swap, "FL201"),
    "negation": (negation, "FL201"),
    "speaker swap": (speaker_swap, "FL202"),
    "ellipsis (AP)": (ellipsis, None),
    "[bracketed] (AP)": (bracketed, None),
}


def plant(text: str, judged: list[tuple[int, Gold, Outcome]], flags: list[Flag], fs: FactSet,
          rng: random.Random, vocab: list[str], tally: dict[str, Counter]) -> None:
    """Each kind of planted error in turn on each eligible quote of an article, one at a time."""
    for i, g, outcome in judged:
        if len(g.words.split()) < 6 or any(f.start < g.end and g.start < f.end for f in flags):
            continue
        for kind, (edit, code) in PLANTS.items():
            made = edit(text, g, rng, vocab=vocab, pool=fs.people, ids=fs.speakers[i])
            if made is None:
                continue
            new, at, delta = made
            start, end = g.start + (delta if at < g.start else 0), g.end + (delta if at < g.end else 0)
            hits = [f for f in analyse(fs.compiled, new)[1] if f.start < end and start < f.end and code in (None, f.code)]
            if code is None and hits:
                LEGIT_FLAGS.append((kind, hits[0], new[max(0, start - 60) : end + 40]))
            elif code and not hits and outcome.correct:
                MISSED_PLANTS.append((kind, new[max(0, min(at, start) - 60) : end + 60]))
            tally[kind].update({"plants": 1, "flagged": bool(hits), "flags": len(hits), "ok plants": outcome.correct,
                                "ok flagged": outcome.correct and bool(hits)})


# --- the run ----------------------------------------------------------------------------------------
def pct(n: int, d: int) -> str:
    return f"{100.0 * n / d:.1f}" if d else "-"


def run_setting(setting: str, articles: list[dict], chosen: list[int], golds: list[Gold], names: set[str],
                planted: bool, seed: int, tally: dict[str, Counter],
                false_flags: list[tuple[int, Flag]] | None = None) -> tuple[dict[str, Counter], list[Outcome], str]:
    by_article: dict[int, dict[int, Gold]] = defaultdict(dict)
    for i, g in enumerate(golds):
        by_article[g.article][i] = g
    merged = build_facts(dict(enumerate(golds)), names) if setting == "merged" else None
    about = (f"one facts file, {merged.n_people:,} people ({merged.n_aliases:,} with a surname alias), {len(golds):,} quotes"
             if merged else "a facts file per article: its speakers and its people")
    rng = random.Random(seed)
    vocab = sorted({w.lower() for g in golds for w in WORD.findall(g.words)
                    if len(w) >= 4 and w.lower() not in STOP and not NEGATIONS.fullmatch(w)})
    counts: dict[str, Counter] = defaultdict(Counter)
    outcomes = []
    for ai in chosen:
        a = articles[ai]
        fs = merged or build_facts(by_article[ai], {n for n in (clean(p["name"]) for p in a["people"]) if n in names})
        quotes, flags = analyse(fs.compiled, a["text"])
        if false_flags is not None:
            false_flags.extend((ai, f) for f in flags)
        judged = [(i, g, judge(i, g, quotes, fs)) for i, g in by_article[ai].items()]
        for c in (counts["ALL"], counts[a["outlet"]]):
            c.update(f.code for f in flags)
            c["articles"] += 1
            for _, _, o in judged:
                c.update({"gold": 1, "found": o.hit is not None, "attributed": o.speaker is not None, "correct": o.correct})
        outcomes += [o for _, _, o in judged]
        if planted:
            plant(a["text"], judged, flags, fs, rng, vocab, tally)
    return counts, outcomes, about


def print_targets(totals: dict[str, Counter], tally: dict[str, Counter]) -> None:
    """The attribution issue's targets beside what this run measured."""
    rows = []

    def ratio(n: int, d: int) -> float | None:
        return 100.0 * n / d if d else None

    if "merged" in totals:
        c = totals["merged"]
        rows += [("merged precision", ratio(c["correct"], c["attributed"]), ">=", 97.0),
                 ("merged coverage", ratio(c["attributed"], c["gold"]), ">=", 85.0),
                 ("merged false FL201+FL202 per 100 articles", ratio(c["FL201"] + c["FL202"], c["articles"]), "<=", 1.0)]
    if "article" in totals:
        c = totals["article"]
        rows.append(("per-article precision", ratio(c["correct"], c["attributed"]), ">=", 99.0))
    for kind, goal in (("word swap", 97.0), ("negation", 97.0), ("speaker swap", 90.0)):
        t = tally.get(kind)
        if t:
            rows.append((f"{kind} recall (all plants)", ratio(t["flagged"], t["plants"]), ">=", goal))
            rows.append((f"{kind} recall|ok", ratio(t["ok flagged"], t["ok plants"]), ">=", goal))
    for kind in ("ellipsis (AP)", "[bracketed] (AP)"):
        t = tally.get(kind)
        if t:
            rows.append((f"{kind} flags", float(t["flags"]), "<=", 0.0))
    if not rows:
        return
    print("\ntargets")
    for name, value, op, goal in rows:
        met = value is not None and (value >= goal if op == ">=" else value <= goal)
        shown = "-" if value is None else f"{value:.1f}"
        print(f"  {name:58} {shown:>6}  target {op} {goal:g}  {'met' if met else 'NOT MET'}")


def print_flags(setting: str, articles: list[dict], flags: list[tuple[int, Flag]], n: int) -> None:
    """The FL201/FL202 findings on the unchanged articles: each one false."""
    print(f"\n{setting}: false flags on the unchanged articles ({len(flags)})")
    for ai, f in flags[:n]:
        a = articles[ai]
        context = " ".join(f"{a['text'][max(0, f.start - 80) : f.start]}⟦{a['text'][f.start : f.end]}⟧{a['text'][f.end : f.end + 60]}".split())
        print(f"  {a['outlet']:12} {f.code} {f.message[:160]}\n      {context}")


def print_errors(setting: str, articles: list[dict], outcomes: list[Outcome], n: int) -> None:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        if not o.correct:
            groups["not found" if not o.hit else "abstained" if o.speaker is None else "wrong speaker"].append(o)
    for cls in ("not found", "abstained", "wrong speaker"):
        print(f"\n{setting}: {cls} ({len(groups[cls])})")
        for o in groups[cls][:n]:
            a, q, g = articles[o.gold.article], o.gold.raw, o.gold
            got = f"got {o.speaker} ({o.hit.rule}, {o.hit.cue!r})" if o.speaker else f"({o.hit.cue})" if o.hit else f"(marks {q['marks']})"
            quote = a["text"][g.start : g.end]
            quote = quote if len(quote) <= 70 else quote[:34] + " … " + quote[-30:]
            context = " ".join(f"{a['text'][max(0, g.start - 70) : g.start]}⟦{quote}⟧{a['text'][g.end : g.end + 50]}".split())
            print(f"  {a['outlet']:12} gold {'/'.join(g.names)} (via {q['speaker_via']} {q['speaker_text']!r}) {got}: {context}")


def main() -> None:
    started = time.perf_counter()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0, help="score N articles spread over the file (default: all)")
    ap.add_argument("--setting", choices=("article", "merged", "both"), default="both")
    ap.add_argument("--errors", type=int, default=0, help="print up to N misses and wrong speakers of each class, and of the false flags")
    ap.add_argument("--planted", action=argparse.BooleanOptionalAction, default=True, help="score planted errors (default: on)")
    ap.add_argument("--seed", type=int, default=1, help="seed of the planted errors (default: 1)")
    args = ap.parse_args()
    articles = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    golds, names = read_gold(articles)
    step = max(1, len(articles) // args.limit) if args.limit else 1
    chosen = list(range(0, len(articles), step))[: args.limit or None]
    settings = ["article", "merged"] if args.setting == "both" else [args.setting]
    picked = set(chosen)
    print(f"PolNeAR train: {len(chosen)} of {len(articles)} articles, {sum(g.article in picked for g in golds):,} of "
          f"{len(golds):,} gold quotes ({sum(not g.raw['speaker_name'] for g in golds)} with an ambiguous speaker: "
          f"any of its candidates counts as right)\n")
    print(f"{'setting':8} {'outlet':13} {'articles':>8} {'gold':>5} {'recall':>7} {'coverage':>8} {'precision':>9} "
          f"{'FL201/100':>9} {'FL202/100':>9}")
    tally: dict[str, Counter] = defaultdict(Counter)
    results, notes = [], []
    totals: dict[str, Counter] = {}
    for setting in settings:
        t0 = time.perf_counter()
        planted = args.planted and setting == settings[-1]
        flags: list[tuple[int, Flag]] = []
        counts, outcomes, about = run_setting(setting, articles, chosen, golds, names, planted, args.seed, tally, flags)
        notes.append(f"{setting}: {about}; {time.perf_counter() - t0:.1f} s" + (", planted errors included" if planted else ""))
        for key in ["ALL", *sorted(k for k in counts if k != "ALL")]:
            c = counts[key]
            print(f"{setting:8} {key:13} {c['articles']:8d} {c['gold']:5d} {pct(c['found'], c['gold']):>7} "
                  f"{pct(c['attributed'], c['gold']):>8} {pct(c['correct'], c['attributed']):>9} "
                  f"{pct(c['FL201'], c['articles']):>9} {pct(c['FL202'], c['articles']):>9}")  # per 100 articles
        results.append((setting, outcomes, flags))
        totals[setting] = counts["ALL"]
    print("\n" + "\n".join(notes))
    if tally:
        print(f"\nplanted errors ({settings[-1]} setting, seed {args.seed})")
        print(f"{'kind':18} {'expects':7} {'plants':>6} {'flagged':>7} {'recall':>6} {'ok plants':>9} {'recall|ok':>9} {'flags':>5}")
        for kind, (_, code) in PLANTS.items():
            t = tally[kind]
            print(f"{kind:18} {code or 'nothing':7} {t['plants']:6d} {t['flagged']:7d} {pct(t['flagged'], t['plants']):>6} "
                  f"{t['ok plants']:9d} {pct(t['ok flagged'], t['ok plants']):>9} {t['flags']:5d}")
    print_targets(totals, tally)
    if args.errors and LEGIT_FLAGS:
        print(f"\nlegitimate edits flagged ({len(LEGIT_FLAGS)})")
        for kind, f, context in LEGIT_FLAGS[: args.errors]:
            print(f"  {kind}: {f.code} {f.message[:150]}\n      {' '.join(context.split())}")
    if args.errors and MISSED_PLANTS:
        print(f"\nplanted errors missed on quotes attributed right ({len(MISSED_PLANTS)})")
        for kind in PLANTS:
            for k, context in [m for m in MISSED_PLANTS if m[0] == kind][: args.errors]:
                print(f"  {k}: {' '.join(context.split())}")
    for setting, outcomes, flags in results if args.errors else ():
        print_errors(setting, articles, outcomes, args.errors)
        print_flags(setting, articles, flags, args.errors)
    print(f"\ntotal time: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
