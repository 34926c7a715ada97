"""Benchmark quote checking with 10 and with 5,000 curated quotes.

The articles are the generated corpus (bench/make_corpus.py); the curated quotes are the seeds'
own plus generated ones (sentences recombined from the seeds' words), so that the index has to
narrow thousands of plausible candidates. Prints quotes/s for each size; the target is the 5,000
case within 2x of the 10 case.

    python bench/bench_quotes.py [--count 300]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from make_corpus import make  # noqa: E402

from factlint.document import read_document  # noqa: E402
from factlint.analysis import quote_views  # noqa: E402
from factlint.compiled import CompiledFacts  # noqa: E402
from factlint.facts import load_facts  # noqa: E402
from factlint.memo import Memo  # noqa: E402
from factlint.prose import Prose  # noqa: E402
from factlint.facts.model import Quote  # noqa: E402


def synthetic_quotes(n: int, vocabulary: list[str], seed: int = 3) -> list[Quote]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        length = rng.randint(8, 30)
        text = " ".join(rng.choice(vocabulary) for _ in range(length)).capitalize() + "."
        out.append(Quote(id=f"gen-{i}", speakers=("kirby",), text=text, line=1))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=300, help="articles")
    args = ap.parse_args()
    files = make(args.count, HERE / "out" / "corpus-quotes")
    texts = [read_document(f.name, f.read_bytes()) for f in files]
    facts = load_facts(ROOT / "facts.yaml")
    vocabulary = sorted({w for q in facts.quotes for w in q.text.lower().split()})
    results = {}
    for size in (10, 5000):
        quotes = tuple(facts.quotes[: min(size, len(facts.quotes))]) + tuple(synthetic_quotes(max(0, size - len(facts.quotes)), vocabulary))
        compiled = CompiledFacts.build(dataclasses.replace(facts, quotes=quotes))
        readings = Memo().quote_readings
        n = 0
        t0 = time.perf_counter()
        views = []
        for doc in texts:
            found = quote_views(Prose.of(doc.text), compiled.speakers, compiled.quotes, readings)[0]
            views.extend((doc.text, v) for v in found)
            n += len(found)
        dt = time.perf_counter() - t0
        # the comparison alone, every quote compared afresh (a run remembers the quotes it has
        # compared, and the generated corpus repeats the seeds' quotes)
        printed = [text[s.start : s.end] for text, v in views if not v.quote.nested for s, _ in v.segments]
        t0 = time.perf_counter()
        for p in printed:
            compiled.quotes.compare(p)
        dc = time.perf_counter() - t0
        results[size] = (n / dt, len(printed) / dc)
        print(f"{size:>5} curated quotes: {n} quotes in {dt:.2f} s = {n / dt:,.0f} quotes/s; "
              f"compared afresh: {len(printed) / dc:,.0f} quotes/s")
    print(f"5,000 vs 10: {results[10][0] / results[5000][0]:.2f}x slower, compared afresh "
          f"{results[10][1] / results[5000][1]:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
