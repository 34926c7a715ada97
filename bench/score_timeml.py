"""Score factlint's date engine on TimeML corpora (TBAQ, MEANTIME English), the TempEval-3 way.

Each document is read with its creation time (`dct`) as the reference date; in MEANTIME only what
lies before `annotated_end` is scored (TBAQ annotates whole texts). A found expression matches a gold
one when their spans overlap (relaxed) or are equal (strict); its value (type) counts when the value
(type) strings are equal; F1 = 2 x correct / (found + gold). Per type, a match counts under the gold
type it matched and the found expressions of that type are its denominator. Documents without a
creation time are skipped.

    python bench/score_timeml.py                       # both corpora
    python bench/score_timeml.py --data ../shared/data/tbaq-timex.jsonl
    python bench/score_timeml.py --misses 5            # misses by class, up to 5 examples each

HeidelTime 2.2.1 on the same data and scoring (the data's README) is printed beside: TBAQ value F1
77.59 all types, 79.03 DATE; MEANTIME 78.99, 80.93.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from factlint.timex import tag  # noqa: E402

DATA_DIR = ROOT.parent / "shared" / "data"
CORPORA = {
    "tbaq-timex.jsonl": "TBAQ",
    "meantime-en-timex.jsonl": "MEANTIME English",
}
# HeidelTime 2.2.1: (value F1 all types, value F1 DATE, relaxed F1, strict F1)
HEIDELTIME = {
    "TBAQ": (77.59, 79.03, 92.40, 84.06),
    "MEANTIME English": (78.99, 80.93, 90.11, 84.27),
}
TYPES = ("ALL", "DATE", "TIME", "DURATION", "SET")


def parse_dct(text: str) -> date:
    """A creation time as YYYY-MM-DD (one record of MEANTIME writes DD-MM-YYYY)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        day, month, year = (int(x) for x in text.split("-"))
        return date(year, month, day)


def f1(correct: int, found: int, gold: int) -> float:
    return 200.0 * correct / (found + gold) if found + gold else 0.0


def read_docs(path: Path) -> list[dict]:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [d for d in docs if d.get("dct")]


@dataclass
class Tally:
    """Counts of one corpus (or one part of it), by TIMEX type."""

    found: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    relaxed: Counter = field(default_factory=Counter)
    strict: Counter = field(default_factory=Counter)
    values: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)

    def add(self, other: "Tally") -> None:
        for name in ("found", "gold", "relaxed", "strict", "values", "types"):
            getattr(self, name).update(getattr(other, name))

    def scores(self, key: str) -> tuple[float, float, float, float]:
        found = self.found["ALL"] if key == "ALL" else self.found[key]
        gold = self.gold[key]
        return tuple(f1(c[key], found, gold) for c in (self.relaxed, self.strict, self.values, self.types))  # type: ignore[return-value]


@dataclass(frozen=True)
class Miss:
    kind: str  # missed, extra, value, type
    cls: str
    doc: str
    line: str


def match(found: list, gold: list[dict]) -> list[tuple[object, int | None]]:
    """Each found expression with the gold one it matches: the same span, else the one it
    overlaps most (each gold expression matched once)."""
    used: set[int] = set()
    out = []
    for x in found:
        overlapping = [
            (min(x.end, g["end"]) - max(x.start, g["start"]), (g["start"], g["end"]) == (x.start, x.end), i)
            for i, g in enumerate(gold)
            if i not in used and x.start < g["end"] and g["start"] < x.end
        ]
        m = max(overlapping, key=lambda o: (o[1], o[0]))[2] if overlapping else None
        if m is not None:
            used.add(m)
        out.append((x, m))
    return out


# A rough class of an expression by its words, for reading the misses by mechanism.
_CLASSES = (
    ("holiday", r"\b(?:christmas|thanksgiving|easter|new year'?s|hanukkah|ramadan|independence day|labor day|memorial day|halloween|valentine)"),
    ("part of day", r"\b(?:morning|afternoon|evening|night|tonight|noon|midnight|dawn)\b"),
    ("time of day", r"[0-9]:[0-9]{2}|\b(?:a\.m\.|p\.m\.)"),
    ("quarter/half", r"\b(?:quarter|half|q[1-4])\b"),
    ("fiscal", r"\bfiscal\b"),
    ("year range", r"\b[0-9]{4}\s*[-–/]\s*[0-9]{2,4}\b"),
    ("decade/century", r"[0-9]0'?s\b|\b(?:decade|century|centuries)\b"),
    ("weekday", r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"),
    ("month day", r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+[0-9]{1,2}\b"),
    ("month", r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|aug|sept?|oct|nov|dec)\b"),
    ("season", r"\b(?:spring|summer|fall|autumn|winter)\b"),
    ("bare year", r"^(?:the\s+)?(?:early\s+|mid-?|late\s+)?(?:1[5-9]|20)[0-9]{2}$"),
    ("year modifier", r"\b(?:1[5-9]|20)[0-9]{2}\b"),
    ("ago/relative", r"\b(?:ago|earlier|later|last|next|this|past|previous|coming)\b"),
    ("deictic", r"\b(?:today|yesterday|tomorrow|now)\b"),
    ("reference word", r"\b(?:current|currently|recent|recently|future|present|past|former|previously|once|soon|time being|nowadays|then)\b"),
    ("vague duration", r"^(?:the\s+)?(?:years|months|weeks|days|decades|hours|minutes|year|month|week|day|quarter)$"),
    ("duration", r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b"),
)
_CLASS_RES = tuple((name, re.compile(p, re.I)) for name, p in _CLASSES)


def classify(text: str) -> str:
    t = " ".join(text.split())
    for name, pattern in _CLASS_RES:
        if pattern.search(t):
            return name
    return "other"


def context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def score_doc(d: dict, tally: Tally, misses: list[Miss] | None) -> float:
    """Add one document's counts to `tally` (and its misses to `misses`); the seconds tagging took."""
    ref = parse_dct(d["dct"])
    end = d.get("annotated_end", len(d["text"]))
    text = d["text"]
    t0 = time.perf_counter()
    found = [x for x in tag(text, ref) if x.start < end]
    seconds = time.perf_counter() - t0
    gold = [g for g in d["timexes"] if g["start"] < end]
    for g in gold:
        tally.gold[g["type"]] += 1
        tally.gold["ALL"] += 1
    for x in found:
        tally.found[x.type] += 1
        tally.found["ALL"] += 1
    matched = set()
    doc = f"{d['id'][:30]} dct={d['dct']}"
    for x, m in match(found, gold):
        if m is None:
            if misses is not None:
                misses.append(Miss("extra", classify(x.text), doc, f"{context(text, x.start, x.end)} -> {x.value} ({x.type})"))
            continue
        matched.add(m)
        g = gold[m]
        for key in ("ALL", g["type"]):
            tally.relaxed[key] += 1
            tally.strict[key] += (x.start, x.end) == (g["start"], g["end"])
            tally.values[key] += x.value == g["value"]
            tally.types[key] += x.type == g["type"]
        if misses is not None and x.value != g["value"]:
            kind = "value" if x.type == g["type"] else "type"
            misses.append(Miss(kind, classify(g["text"]), doc,
                               f"{context(text, x.start, x.end)} -> {x.value} ({x.type}); gold {g['text']!r} = {g['value']} ({g['type']})"))
    if misses is not None:
        for i, g in enumerate(gold):
            if i not in matched:
                misses.append(Miss("missed", classify(g["text"]), doc,
                                   f"{context(text, g['start'], g['end'])} = {g['value']} ({g['type']})"))
    return seconds


def print_table(title: str, tally: Tally, heideltime: tuple[float, ...] | None) -> None:
    if title:
        print(title)
    print(f"{'type':9} {'gold':>5} {'found':>5} {'relaxed F1':>11} {'strict F1':>10} {'value F1':>9} {'type F1':>8}"
          + ("  HeidelTime value F1" if heideltime else ""))
    for key in TYPES:
        relaxed, strict, value, type_ = tally.scores(key)
        beside = ""
        if heideltime and key in ("ALL", "DATE"):
            beside = f"  {heideltime[0 if key == 'ALL' else 1]:.2f}"
        print(f"{key:9} {tally.gold[key]:5d} {tally.found[key]:5d} {relaxed:11.2f} {strict:10.2f} {value:9.2f} {type_:8.2f}{beside}")


def score_corpus(path: Path, n_misses: int | None) -> tuple[str, Tally]:
    name = CORPORA.get(path.name, path.stem)
    docs = read_docs(path)
    tally = Tally()
    parts: dict[str, Tally] = defaultdict(Tally)
    misses: list[Miss] | None = [] if n_misses is not None else None
    seconds = 0.0
    for d in docs:
        part = Tally()
        seconds += score_doc(d, part, misses)
        tally.add(part)
        if d.get("corpus"):
            parts[d["corpus"]].add(part)
    print(f"{name}: {len(docs)} documents with a creation time, {tally.gold['ALL']} gold expressions, "
          f"{tally.found['ALL']} found")
    ht = HEIDELTIME.get(name)
    print_table("", tally, ht)
    if ht:
        print(f"HeidelTime 2.2.1, same data and scoring: value F1 {ht[0]:.2f} (DATE {ht[1]:.2f}), "
              f"relaxed {ht[2]:.2f}, strict {ht[3]:.2f}")
    for part_name, part in sorted(parts.items()):
        r, s, v, t = part.scores("ALL")
        _, _, vd, _ = part.scores("DATE")
        print(f"  {part_name}: {part.gold['ALL']} gold, {part.found['ALL']} found; relaxed {r:.2f}, strict {s:.2f}, "
              f"value {v:.2f} (DATE {vd:.2f}), type {t:.2f}")
    n_chars = sum(len(d["text"]) for d in docs)
    if seconds:
        print(f"speed: {len(docs) / seconds:.0f} documents/s, {n_chars / seconds / 1e6:.2f} MB/s (whole texts tagged)")
    if misses is not None:
        print_misses(misses, n_misses or 0)
    print()
    return name, tally


def print_misses(misses: list[Miss], n: int) -> None:
    groups: dict[tuple[str, str], list[Miss]] = defaultdict(list)
    for miss in misses:
        groups[(miss.kind, miss.cls)].append(miss)
    print(f"misses by class ({len(misses)}: missed = gold not found, extra = found not gold, value/type = wrong value/type):")
    for (kind, cls), group in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"  {kind:6} {cls:16} {len(group):4d}")
    if n:
        for (kind, cls), group in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"-- {kind} / {cls} ({len(group)})")
            for miss in group[:n]:
                print(f"   {miss.doc}: {miss.line}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, action="append",
                    help="a TimeML JSONL file (repeatable); default: TBAQ and MEANTIME English from ../shared/data")
    ap.add_argument("--misses", type=int, nargs="?", const=3, default=None, metavar="N",
                    help="list the misses grouped by class, with up to N examples each (default 3)")
    ap.add_argument("--errors", type=int, default=None, help=argparse.SUPPRESS)  # the old score_meantime option
    args = ap.parse_args(argv)
    n_misses = args.misses if args.misses is not None else args.errors
    paths = args.data or [DATA_DIR / name for name in CORPORA]
    for path in paths:
        if not path.exists():
            sys.exit(f"no such data file: {path}")
        score_corpus(path, n_misses)
    print("targets (issue 18): TBAQ value F1 >= 82.6 all types, >= 84 DATE; MEANTIME no lower than 83.82 / 85.53")


if __name__ == "__main__":
    main()
