"""Benchmark the name scan with 10, 1,000 and 10,000 curated people, and `factlint check` with
10,000 facts (people, events and quotes).

The people are generated (syllable names, each with an alias), the articles are the generated
corpus. Prints MB/s of the name scan for each size (target: 10,000 people cost at most 2x per MB of
10 people) and articles/s of `factlint check` with 10,000 facts (target: >= 500 articles/s).

    python bench/bench_names.py [--count 300] [--runs 5]

Whole-process timings are the median of --runs runs (this kind of machine varies by +-25% from one
second to the next), with the best run beside it.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from make_corpus import make  # noqa: E402

SYLLABLES = "ka ri mo sa lu ve don tra bel mi gor ash pen tul var ne zo fi han qui len bor cas dro".split()


def name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def facts_yaml(people: int, events: int = 0, quotes: int = 0, seed: int = 5) -> str:
    """The seeds' facts.yaml (sources and people) plus generated people, events and quotes."""
    rng = random.Random(seed)
    seeds = (ROOT / "facts.yaml").read_text(encoding="utf-8")
    lines = [seeds.split("\nevents:")[0].rstrip()]
    seen = set()
    for i in range(people):
        full = name(rng)
        while full in seen:
            full = name(rng)
        seen.add(full)
        lines.append(f"  - {{id: gen-person-{i}, name: {full}, aliases: [{full.split()[1]}], titles: [Deputy Minister]}}")
    if events:
        lines.append("events:")
        for i in range(events):
            lines.append(f"  - {{id: gen-event-{i}, what: event {i}, date: 2020-01-01, mentions: [{name(rng).lower()} summit]}}")
    if quotes:
        lines.append("quotes:")
        for i in range(quotes):
            words = " ".join(rng.choice(SYLLABLES) for _ in range(12))
            lines.append(f"  - {{id: gen-quote-{i}, speaker: kirby, text: '{words}'}}")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=300, help="articles")
    ap.add_argument("--runs", type=int, default=5, help="whole-process runs per figure")
    args = ap.parse_args()
    out = HERE / "out"
    files = make(args.count, out / "corpus-names")
    texts = [f.read_text(encoding="utf-8") for f in files]
    mb = sum(len(t.encode()) for t in texts) / 1e6

    from factlint.extract.names import NameIndex
    from factlint.facts import parse_facts
    from factlint.memo import Memo
    from factlint.prose import Prose

    rates = {}
    for size in (10, 1000, 10000):
        facts = parse_facts(facts_yaml(size), "bench.yaml")
        t0 = time.perf_counter()
        index = NameIndex(facts.people)
        build = time.perf_counter() - t0
        memo = Memo()  # what a run remembers, as `factlint check` keeps it
        t0 = time.perf_counter()
        for text in texts:
            index.find(Prose.of(text), memo)
        dt = time.perf_counter() - t0
        rates[size] = mb / dt
        print(f"{size:>6} generated people: name scan {mb / dt:.2f} MB/s ({len(texts) / dt:,.0f} articles/s; index built in {build * 1000:.0f} ms)")
    print(f"10,000 vs 10 people: {rates[10] / rates[10000]:.2f}x the cost per MB (target <= 2x)")

    big = out / "facts-10000.yaml"
    big.write_text(facts_yaml(4000, events=3000, quotes=3000), encoding="utf-8")
    corpus = out / "corpus"
    files = make(1000, corpus)  # SPEC §7's corpus: 1,000 generated articles
    exe = shutil.which("factlint")
    base = ([exe] if exe else [sys.executable, "-m", "factlint"]) + ["check", "--facts", str(big), "-q", "--exit-zero"]
    cache = out / "facts-cache"
    if cache.exists():
        shutil.rmtree(cache)

    import compileall
    import statistics

    compileall.compile_dir(str(ROOT / "src" / "factlint"), quiet=1)  # as installed: bytecode compiled

    def timed(extra: list[str], paths: list[str]) -> tuple[float, float]:
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            p = subprocess.run(base + extra + paths, capture_output=True)
            if p.returncode != 0:
                raise SystemExit(p.stderr.decode())
            times.append(time.perf_counter() - t0)
        return statistics.median(times), min(times)

    one = [str(ROOT / "seeds" / "001_01b98fe4deb5da6f.txt")]
    print(f"factlint check with 10,000 facts (4,000 people, 3,000 events, 3,000 quotes + the seeds'), whole process, "
          f"median (best) of {args.runs} runs:")
    plain = timed([], one)
    first = timed(["--cache-dir", str(cache)], one)  # the first of these runs writes the cache
    warm = timed(["--cache-dir", str(cache)], one)
    print(f"  one article: {plain[0] * 1000:.0f} ({plain[1] * 1000:.0f}) ms; with --cache-dir {warm[0] * 1000:.0f} "
          f"({warm[1] * 1000:.0f}) ms (the run that writes it: {first[0] * 1000:.0f} ms)")
    configs = (  # --jobs 1 named: left out, a run of 1,000 files would choose one process per core
        ("", ["--jobs", "1"]),
        (" --jobs 2", ["--jobs", "2"]),
        (" --cache-dir", ["--cache-dir", str(cache), "--jobs", "1"]),
        (" --cache-dir --jobs 2", ["--cache-dir", str(cache), "--jobs", "2"]),
    )
    for label, extra in configs:
        med, best = timed(extra, [str(corpus)])
        print(f"  {len(files)} articles{label}: {len(files) / med:,.0f} ({len(files) / best:,.0f}) articles/s "
              f"({med:.2f} s; target >= 500 articles/s)")


if __name__ == "__main__":
    main()
