"""Score factlint's date engine on MEANTIME (English) or TBAQ: span and TIMEX3 value F1, the TempEval-3 way.

Each article is read with its document creation time as the reference date; only what lies
before its `annotated_end` is scored. A found expression matches a gold one when their spans
overlap (relaxed) or are equal (strict); its value counts when the value strings are equal;
value F1 = 2 x correct values / (found + gold). Articles without a creation time are skipped.

    python bench/score_meantime.py [--data ../shared/data/meantime-en-timex.jsonl] [--errors N]
    python bench/score_meantime.py --data ../shared/data/tbaq-timex.jsonl   # whole texts annotated

For comparison (the data's README): HeidelTime 2.2.1 scores value F1 78.99 over all types
(DATE 80.93), relaxed span F1 90.11, strict 84.27.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from factlint.timex import tag  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "meantime-en-timex.jsonl"


def parse_dct(text: str) -> date:
    """A creation time as YYYY-MM-DD (one record of the data writes DD-MM-YYYY)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        day, month, year = (int(x) for x in text.split("-"))
        return date(year, month, day)


def f1(correct: int, found: int, gold: int) -> float:
    return 200.0 * correct / (found + gold) if found + gold else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", type=int, default=0, help="print up to N misses and wrong values")
    args = ap.parse_args()
    docs = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [d for d in docs if d.get("dct")]

    found_n = defaultdict(int)
    gold_n = defaultdict(int)
    relaxed = defaultdict(int)
    strict = defaultdict(int)
    values = defaultdict(int)
    errors = []
    seconds = 0.0
    for d in docs:
        ref = parse_dct(d["dct"])
        end = d.get("annotated_end", len(d["text"]))  # TBAQ annotates whole texts
        t0 = time.perf_counter()
        found = [x for x in tag(d["text"], ref) if x.start < end]
        seconds += time.perf_counter() - t0
        gold = [g for g in d["timexes"] if g["start"] < end]
        used = set()
        for g in gold:
            gold_n[g["type"]] += 1
            gold_n["ALL"] += 1
        for x in found:
            found_n[x.type] += 1
            found_n["ALL"] += 1
        for x in found:
            # the overlapping gold expression with the same span, else the one it overlaps most
            overlapping = [
                (min(x.end, g["end"]) - max(x.start, g["start"]), (g["start"], g["end"]) == (x.start, x.end), i)
                for i, g in enumerate(gold)
                if i not in used and x.start < g["end"] and g["start"] < x.end
            ]
            match = max(overlapping, key=lambda o: (o[1], o[0]))[2] if overlapping else None
            if match is None:
                if args.errors:
                    errors.append(f"extra  {d['id'][:40]}: {x.text!r} -> {x.value}")
                continue
            used.add(match)
            g = gold[match]
            for key in ("ALL", g["type"]):
                relaxed[key] += 1
                if (x.start, x.end) == (g["start"], g["end"]):
                    strict[key] += 1
                if x.value == g["value"]:
                    values[key] += 1
            if x.value != g["value"] and args.errors:
                errors.append(f"value  {d['id'][:40]}: {x.text!r} -> {x.value}, gold {g['text']!r} = {g['value']}")
        if args.errors:
            for i, g in enumerate(gold):
                if i not in used:
                    errors.append(f"missed {d['id'][:40]}: {g['text']!r} = {g['value']} ({g['type']})")

    print(f"MEANTIME English: {len(docs)} articles with a creation time, {gold_n['ALL']} gold expressions, "
          f"{found_n['ALL']} found")
    print(f"{'type':9} {'gold':>5} {'found':>5} {'relaxed F1':>11} {'strict F1':>10} {'value F1':>9}")
    for key in ("ALL", "DATE", "TIME", "DURATION", "SET"):
        fo, go = found_n[key], gold_n[key]
        # per type, a found expression counts under the gold type it matched
        print(f"{key:9} {go:5d} {fo:5d} {f1(relaxed[key], found_n['ALL'] if key == 'ALL' else fo, go):11.2f} "
              f"{f1(strict[key], found_n['ALL'] if key == 'ALL' else fo, go):10.2f} "
              f"{f1(values[key], found_n['ALL'] if key == 'ALL' else fo, go):9.2f}")
    print("HeidelTime 2.2.1, same data and scoring: value F1 78.99 (DATE 80.93), relaxed 90.11, strict 84.27")
    n_chars = sum(len(d["text"]) for d in docs)
    print(f"speed: {len(docs) / seconds:.0f} articles/s, {n_chars / seconds / 1e6:.2f} MB/s (whole texts tagged)")
    for line in errors[: args.errors]:
        print(line)


if __name__ == "__main__":
    main()
