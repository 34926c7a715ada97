"""Benchmark `factlint check` with the seeds' facts: one article, whole process, and throughput.

Prints, for this machine:
  - one article, whole process (what a pre-commit run feels): median of N runs of `factlint check FILE`;
  - `factlint check CORPUS/` whole process over 1,000 generated articles: articles/s and MB/s, with
    --jobs 1 and with one process per core (the speed-up);
  - the engine in-process (facts compiled once, no start-up): articles/s and MB/s, and the date
    engine alone (extraction + normalization, from the text view the linter makes once an article
    for every extractor): articles/s and expressions/s, and the same with making the view.

    python bench/bench_check.py [--count 1000] [--runs 15]

Targets (SPEC §7): one article <= 120 ms; >= 1,000 articles/s per core; date engine >= 2,000
articles/s per core.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from make_corpus import make  # noqa: E402


def factlint_cmd() -> list[str]:
    exe = shutil.which("factlint")
    return [exe] if exe else [sys.executable, "-m", "factlint"]


def whole_process(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run(factlint_cmd() + args, cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - t)
        if p.returncode not in (0, 1):
            raise SystemExit(f"factlint failed: {p.stderr.decode()}")
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()

    # Measure what an installed factlint feels like: with its bytecode compiled (pip does this on
    # install; an editable install under PYTHONDONTWRITEBYTECODE=1 would recompile every run).
    import compileall

    compileall.compile_dir(str(ROOT / "src" / "factlint"), quiet=1)

    corpus = HERE / "out" / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    files = make(args.count, corpus)
    mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"corpus: {len(files)} articles, {mb:.2f} MB ({mb * 1e3 / len(files):.1f} KB each)")

    one = whole_process(["check", "seeds/001_01b98fe4deb5da6f.txt", "-q"], args.runs)
    print(f"one article, whole process: {one * 1000:.0f} ms (median of {args.runs}; target <= 120 ms)")
    nothing = whole_process(["--version"], args.runs)
    print(f"  of which start-up (factlint --version): {nothing * 1000:.0f} ms")

    t = whole_process(["check", str(corpus.relative_to(ROOT)), "-q", "--exit-zero", "--jobs", "1"], 3)
    print(f"check {len(files)} articles, whole process: {t:.2f} s = {len(files) / t:.0f} articles/s, {mb / t:.2f} MB/s "
          f"(target >= 1,000 articles/s per core)")
    import os

    cores = os.cpu_count() or 1
    for jobs in sorted({2, cores}):
        tj = whole_process(["check", str(corpus.relative_to(ROOT)), "-q", "--exit-zero", "--jobs", str(jobs)], 3)
        print(f"  with --jobs {jobs} ({cores} cores here): {tj:.2f} s = {len(files) / tj:.0f} articles/s, "
              f"speed-up {t / tj:.2f}x over --jobs 1")

    sys.path.insert(0, str(ROOT / "src"))
    from factlint.document import read_document
    from factlint.engine import Linter
    from factlint.extract.dates import find_dates
    from factlint.facts import load_facts
    from factlint.normalize.dates import resolve
    from factlint.prose import Prose

    linter = Linter.of(load_facts(ROOT / "facts.yaml"))
    texts = [f.read_bytes() for f in files]
    t0 = time.perf_counter()
    for i, data in enumerate(texts):
        linter.lint(read_document(f"a{i}.txt", data))
    dt = time.perf_counter() - t0
    print(f"engine in-process: {len(texts) / dt:.0f} articles/s, {mb / dt:.2f} MB/s")

    decoded = [d.decode("utf-8") for d in texts]
    ref = date(2023, 9, 1)
    t0 = time.perf_counter()
    views = [Prose.of(text) for text in decoded]  # the text view every extractor reads, made once an article
    dv = time.perf_counter() - t0
    t0 = time.perf_counter()
    n = 0
    for view in views:
        for e in find_dates(view):
            resolve(e, ref)
            n += 1
    dt = time.perf_counter() - t0
    print(f"date engine alone (extraction + normalization from the text view): {len(decoded) / dt:.0f} articles/s, "
          f"{n / dt:.0f} expressions/s ({n} expressions; target >= 2,000 articles/s per core)")
    print(f"  with making the text view (words, sentences, speech verbs; shared by every extractor): "
          f"{len(decoded) / (dt + dv):.0f} articles/s ({dv * 1e3 / len(decoded):.2f} ms an article for the view)")


if __name__ == "__main__":
    main()
