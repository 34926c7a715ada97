"""Count FL301 (misspelled name) findings on real news text, where nearly every one is false.

The articles are PolNeAR's training split (840 articles from seven outlets, read from
../shared/data; nothing of it is copied here). Its speakers become the curated people, as
bench/score_attribution.py builds them: one facts file per article with that article's speakers
(the usual case: a story's facts name a few dozen people), and one facts file with every speaker of
the corpus (about 3,000 people: a stress test, where any capitalised word near any of them may be
taken for a misspelling), and one facts file of 120 well-known organizations (bench/data/
organizations.txt: companies, agencies, parties, newspapers), whose one-word names are checked
like surnames. The articles were published as written, so an FL301 is a false alarm
unless the article misspelled the name itself ("Giulini" for Giuliani): `--errors N` prints the
findings to read. Prints FL301 per 100 articles in each setting.

    python bench/score_names.py [--errors N] [--data PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import score_attribution as sa  # noqa: E402

import yaml  # noqa: E402

from factlint.document import read_document  # noqa: E402


def organizations() -> sa.FactSet:
    """A facts file of well-known organizations (bench/data/organizations.txt), each its own entry."""
    names = [ln.strip() for ln in (HERE / "data" / "organizations.txt").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    entries = [{"id": sa.slug(n), "kind": "organization", "name": n} for n in names]
    text = yaml.safe_dump({"version": 1, "people": entries}, allow_unicode=True, sort_keys=False)
    return sa.FactSet(sa.compile_facts(text), {}, [], len(entries), 0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=sa.DEFAULT_DATA)
    ap.add_argument("--errors", type=int, default=0, help="print up to N findings of each setting")
    args = ap.parse_args()
    started = time.perf_counter()
    articles = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    golds, names = sa.read_gold(articles)
    by_article: dict[int, dict] = defaultdict(dict)
    for i, g in enumerate(golds):
        by_article[g.article][i] = g
    merged = sa.build_facts(dict(enumerate(golds)), names)
    print(f"PolNeAR train: {len(articles)} articles")
    print(f"{'setting':44} {'FL301':>6} {'per 100 articles':>16}")
    orgs = organizations()
    settings = ("a facts file per article (its speakers)", f"one facts file ({merged.n_people:,} people)",
                f"one facts file ({orgs.n_people} organizations)")
    for setting in settings:
        found = []
        for ai, a in enumerate(articles):
            if setting.startswith("a facts"):
                people = {n for n in (sa.clean(p["name"]) for p in a["people"]) if n in names}
                fs = sa.build_facts(by_article[ai], people)
            else:
                fs = orgs if setting.endswith("organizations)") else merged
            findings, _ = fs.compiled.run(read_document("article.txt", a["text"], fmt="text"))
            for f in findings:
                if f.code == "FL301":
                    context = " ".join(a["text"][max(0, f.span.start - 50) : f.span.end + 30].split())
                    found.append((ai, context, f.message.split(" (")[0]))
        print(f"{setting:44} {len(found):6d} {100 * len(found) / len(articles):16.2f}")
        for ai, context, message in found[: args.errors]:
            print(f"    article {ai}: ...{context}...\n        {message}")
    print(f"\ntime: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
