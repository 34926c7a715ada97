"""Where one article's time goes: each stage of `analysis.analyse`, the rules and the decision, timed
separately over the generated corpus (in-process, facts compiled once).

    python bench/bench_stages.py [--facts facts.yaml] [--count 300]

Prints milliseconds per article for each stage, largest first. Each pass starts from a freshly
built linter (what one run remembers, such as quotes already compared, starts empty). The stages are the ones
`analysis.analyse` runs, in its order, called as it calls them; keep this list in step with it. The text's
sentences are split on first use (`SentenceIndex`): the split is timed as a stage of its own ("sentences"),
not in whichever stage first asks for a sentence.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from make_corpus import make  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", default=str(ROOT / "facts.yaml"))
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3, help="passes over the corpus; each stage's best pass is shown")
    args = ap.parse_args()

    from factlint import analysis as A
    from factlint.compiled import CompiledFacts
    from factlint.document import read_document
    from factlint.engine import to_finding
    from factlint.extract.dates import find_dates
    from factlint.extract.claims import find_figures
    from factlint.extract.events import choose_dates, pair_dates
    from factlint.memo import Memo
    from factlint.prose import Prose
    from factlint.facts import load_facts
    from factlint.normalize.dates import resolve
    from factlint.rules import RULES
    from factlint.selection import Selection

    facts = load_facts(args.facts)
    selection = Selection()
    rules = tuple(r for r in RULES if selection.enabled(r.code))  # what `factlint check` runs by default
    built = pickle.dumps(CompiledFacts.build(facts))  # each pass starts from this, with nothing remembered
    files = make(args.count, HERE / "out" / "corpus-stages")
    datas = [f.read_bytes() for f in files]
    best: dict[str, float] = {}
    spent: dict[str, float] = defaultdict(float)

    def timed(name, fn, *a):
        t = time.perf_counter()
        r = fn(*a)
        spent[name] += time.perf_counter() - t
        return r

    def one_pass() -> None:
        compiled = pickle.loads(built)
        memo = Memo()
        for i, data in enumerate(datas):
            doc = timed("read document", read_document, f"a{i}.txt", data)
            text = doc.text
            prose = timed("text view", Prose.of, text)
            sentences = prose.sentences
            timed("sentences", sentences.all)
            dates = timed("dates", lambda: [resolve(e, doc.reference_date) for e in find_dates(prose)])
            mentions = timed("event mentions", compiled.events.find, prose)
            exprs = [r.expr for r in dates]
            pairs = timed("date pairing", pair_dates, text, sentences, exprs, mentions, prose.scan)
            choices = timed("date choices", choose_dates, sentences, exprs, pairs, compiled.events_by_id, compiled.events, prose)
            quotes, unbalanced = timed("quotes", A.quote_views, prose, compiled.speakers, compiled.quotes, memo.quote_readings)
            names = timed("names", compiled.names.find, prose, memo)
            claims = timed("claims", compiled.claims.find, prose)
            figures = timed("figures", find_figures, prose)
            tied = timed("figure ties", A.tie_figures, prose, compiled, figures, claims, dates)
            coverage = timed("coverage", A.sentence_coverage, prose, dates, mentions, quotes, claims, figures, tied, names)
            quoted = [(v.quote.start, v.quote.end) for v in quotes if not v.quote.nested]
            titles = timed("titles", A.find_titles, prose, names, facts, dates, compiled.titles, quoted, compiled.people_by_id)
            analysis = A.Analysis(
                doc, facts, "facts.yaml", compiled.events_by_id, sentences, dates, mentions, pairs, quotes, unbalanced,
                compiled.quotes, names, claims, compiled.claims_by_id, tied, coverage, titles, choices,
                people_by_id=compiled.people_by_id,
            )
            found = timed("rules", lambda: sorted((to_finding(doc, r, d) for r in rules for d in r.check(analysis)), key=lambda f: f.sort_key()))
            timed("decision", selection.decide, doc, found)

    for _ in range(args.rounds):
        spent.clear()
        one_pass()
        for name, seconds in spent.items():
            best[name] = min(best.get(name, seconds), seconds)
    n = len(datas)
    for name, seconds in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"{name:15} {seconds / n * 1000:6.3f} ms")
    print(f"{'per article':15} {sum(best.values()) / n * 1000:6.3f} ms ({len(facts.people)} people, "
          f"{len(facts.events)} events, {len(facts.quotes)} quotes, {len(facts.claims)} claims; best of {args.rounds} passes)")


if __name__ == "__main__":
    main()
