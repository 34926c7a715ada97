"""How often an article's reference date, inferred from its text alone, is its publication date.

When nothing states an article's date (no `--reference-date`, no `sources:` entry, no front matter,
metadata or dateline), factlint infers one from the text (`reference.infer_reference`, the last
link of the chain) or leaves relative dates unresolved. A wrong guess is worse than none: every
"on Tuesday" and "last week" is then read against the wrong day. This scorer infers the date of
each of PolNeAR's training articles (840 articles from seven outlets, with their publication
dates; read from ../shared/data, nothing of it copied here), as read from plain text with no facts,
and counts how many inferences fall within a day of the publication date (an article may be dated
the evening before it is filed), how many are wrong, and how many infer nothing. Precision is
right / (right + wrong).

    python bench/score_reference.py [--data PATH] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from factlint.document import read_document  # noqa: E402
from factlint.reference import infer_reference  # noqa: E402

DEFAULT_DATA = HERE.parent.parent / "shared" / "data" / "polnear-train-quotes.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", type=int, default=0, help="print up to N wrong inferences")
    args = ap.parse_args()
    if not args.data.exists():
        print(f"{args.data}: not found (PolNeAR's training split, see ../shared/data/README.md)", file=sys.stderr)
        return 2
    counts: Counter[str] = Counter()
    by_origin: Counter[tuple[str, str]] = Counter()
    wrong = []
    for line in args.data.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        article = json.loads(line)
        published = date.fromisoformat(article["date"])
        doc = read_document(article["id"] + ".txt", article["text"].encode("utf-8"))
        inferred, origin = infer_reference(doc.text)
        if inferred is None:
            counts["none"] += 1
            continue
        verdict = "right" if abs((inferred - published).days) <= 1 else "wrong"
        counts[verdict] += 1
        how = "the latest date of the text" if "latest date" in origin else origin.split(" and ")[-1]
        by_origin[(how, verdict)] += 1
        if verdict == "wrong":
            wrong.append((article["id"], published, inferred, origin))
    total = sum(counts.values())
    inferred_n = counts["right"] + counts["wrong"]
    print(f"PolNeAR train: {total} articles, plain text, no facts")
    print(f"  right (within a day of publication) {counts['right']:4}")
    print(f"  wrong                               {counts['wrong']:4}")
    print(f"  nothing inferred                    {counts['none']:4}")
    precision = counts["right"] / inferred_n if inferred_n else 0.0
    print(f"precision of an inferred date: {counts['right']}/{inferred_n} = {precision:.2f}")
    for (how, verdict), n in sorted(by_origin.items()):
        print(f"  from {how}: {verdict} {n}")
    for article_id, published, inferred, origin in wrong[: args.errors]:
        print(f"{article_id}: published {published}, inferred {inferred} ({origin})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
