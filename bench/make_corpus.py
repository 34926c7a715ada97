"""Generate a corpus of news articles from the seeds, for benchmarks.

Each article is assembled from the seeds' paragraphs (shuffled, with a few dates and names varied,
as drafts of one story vary), about 4 KB, so that 1,000 articles are about 4 MB. Deterministic for a
given --seed.

    python bench/make_corpus.py --count 1000 --out bench/out/corpus
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = [
    ("on July 27", ["on July 27", "on July 27", "on July 26", "on July 28"]),
    ("Last December", ["Last December", "In December 2022", "Last November"]),
    ("in Feb. 2022", ["in Feb. 2022", "in February 2022", "on Feb. 24, 2022"]),
    ("On Wednesday", ["On Wednesday", "On Wednesday, Aug. 30", "On Aug. 30"]),
    ("Kim Jong-un", ["Kim Jong-un", "Kim Jong Un"]),
]


def paragraphs() -> list[str]:
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(line) > 80:
                out.append(line)
    return out


def make(count: int, out: Path, seed: int = 7, size: int = 4000) -> list[Path]:
    rng = random.Random(seed)
    paras = paragraphs()
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        body: list[str] = []
        while sum(len(p) + 1 for p in body) < size:
            p = rng.choice(paras)
            for old, choices in VARIANTS:
                if old in p:
                    p = p.replace(old, rng.choice(choices))
            body.append(p)
        headline = f"Draft {i}: Russia and North Korea arms talks"
        dateline = f"Posted on : 2023-0{rng.choice([8, 9])}-{rng.choice(['30', '01', '31'])} 10:00 KST"
        if dateline.endswith(("09-30 10:00 KST", "09-31 10:00 KST")):
            dateline = "Posted on : 2023-08-31 10:00 KST"
        path = out / f"article_{i:05d}.txt"
        path.write_text("\n".join([headline, dateline, *body]) + "\n", encoding="utf-8")
        files.append(path)
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "corpus")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    files = make(args.count, args.out, args.seed)
    total = sum(f.stat().st_size for f in files)
    print(f"wrote {len(files)} articles, {total / 1e6:.2f} MB, to {args.out}")


if __name__ == "__main__":
    main()
