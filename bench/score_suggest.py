"""How much of the curated facts `factlint suggest` recovers from the articles alone.

For each story (the seeds with the repository's facts.yaml, and each folder of tests/stories), the
articles are drafted into facts by `factlint suggest` (as the command does it) and the draft is
compared with the curated facts.yaml, which it never sees:

- a curated person is recovered when a drafted person has one of its names (folded);
- a curated quote when a drafted quote holds its words or its words hold the drafted quote's (at
  least four words in common, in order), or 80% of them match in order;
- a curated event when a drafted event's date overlaps its date and the drafted mention shares a
  content word with the event's `what` or mentions;
- a curated claim when a drafted claim's figure has its value and the drafted wording shares a
  content word with the claim's wordings or statement.

Prints recall per kind and story, and the share of drafted entries that match a curated one
("precision": the rest are facts nobody curated, not necessarily wrong ones); with --check, that
checking the articles against their draft gives no error.

    python bench/score_suggest.py [--story NAME ...] [--check]
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from factlint import load_facts  # noqa: E402
from factlint.facts.loader import parse_facts  # noqa: E402
from factlint.facts.spec import parse_partial_date  # noqa: E402
from factlint.normalize.quotes import words  # noqa: E402
from factlint.runner import discover, load_article  # noqa: E402
from factlint.suggest import suggest  # noqa: E402

STOP = frozenset(
    "a an the and or but of to in on at by for with from as is was were are be been has had have it its this that "
    "these those their his her he she they we i you said says will would its first new".split()
)


def content(text: str) -> set[str]:
    return {w for w in words(text) if w not in STOP and not w.isdigit() and len(w) > 2}


def quote_match(a: list[str], b: list[str]) -> bool:
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    longest = max((blk.size for blk in m.get_matching_blocks()), default=0)
    if longest >= min(len(a), len(b)) and longest >= 4:
        return True
    return m.ratio() >= 0.8


def interval(text: str):
    r = parse_partial_date(text)
    return None if isinstance(r, str) else (r[0], r[1])


def score(name: str, folder: Path, facts_path: Path) -> dict[str, tuple[int, int, int, int]]:
    files, _ = discover([str(folder)])
    docs = [(load_article(f, None), f) for f in files]
    draft, text = suggest(docs, pattern=lambda p: str(Path(p).resolve().relative_to(folder.resolve())),
                          facts_path=str(folder / "facts.draft.yaml"))
    parse_facts(text, "draft.yaml")  # it loads
    facts = load_facts(facts_path)
    out = {}
    # people
    dn = [{" ".join(words(n)) for n in (p.name, *p.aliases)} for p in draft.people]
    full = [{" ".join(words(p.name))} for p in draft.people]
    cur = [{" ".join(words(n)) for n in p.names} for p in facts.people]
    out["people"] = (sum(1 for c in cur if any(c & d for d in full)), len(cur),
                     sum(1 for d in full if any(c & d for c in cur)), len(full))
    # quotes
    dq = [words(q.text) for q in draft.quotes]
    cq = [words(q.text) for q in facts.quotes]
    out["quotes"] = (sum(1 for c in cq if any(quote_match(c, d) for d in dq)), len(cq),
                     sum(1 for d in dq if any(quote_match(c, d) for c in cq)), len(dq))
    # events

    def ev_match(e, d) -> bool:
        di = interval(d.date)
        if di is None or not (di[0] <= e.date.interval.last and e.date.interval.first <= di[1]):
            return False
        curated = content(e.what) | {w for m in e.all_mentions for w in content(m[0].text)}
        return bool(content(d.mention) & curated)

    out["events"] = (sum(1 for e in facts.events if any(ev_match(e, d) for d in draft.events)), len(facts.events),
                     sum(1 for d in draft.events if any(ev_match(e, d) for e in facts.events)), len(draft.events))

    def cl_match(c, d) -> bool:
        if c.figure is None or abs(c.figure.value - d.value) > max(c.figure.tolerance, 1e-9):
            return False
        curated = content(c.statement) | {w for p in c.supports for w in content(p.text)} | content(c.figure.unit)
        return bool(content(d.wording) & curated)

    out["claims"] = (sum(1 for c in facts.claims if any(cl_match(c, d) for d in draft.claims)), len(facts.claims),
                     sum(1 for d in draft.claims if any(cl_match(c, d) for c in facts.claims)), len(draft.claims))
    out["conflicts"] = (len(draft.conflicts), 0, 0, 0)
    return out


def stories() -> list[tuple[str, Path, Path]]:
    out = [("seeds", ROOT / "seeds", ROOT / "facts.yaml")]
    for folder in sorted((ROOT / "tests" / "stories").iterdir()):
        if (folder / "facts.yaml").exists():
            out.append((folder.name, folder, folder / "facts.yaml"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--story", action="append", default=[])
    args = ap.parse_args(argv)
    kinds = ("people", "quotes", "events", "claims")
    totals = {k: [0, 0, 0, 0] for k in kinds}
    print(f"{'story':18}" + "".join(f"{k:>22}" for k in kinds) + "  conflicts")
    for name, folder, facts in stories():
        if args.story and name not in args.story:
            continue
        s = score(name, folder, facts)
        cells = []
        for k in kinds:
            rec, n, good, drafted = s[k]
            for i, v in enumerate(s[k]):
                totals[k][i] += v
            cells.append(f"{rec:>3}/{n:<3} ({good}/{drafted} match)".rjust(22))
        print(f"{name:18}" + "".join(cells) + f"  {s['conflicts'][0]:>9}")
    print()
    for k in kinds:
        rec, n, good, drafted = totals[k]
        print(f"{k:8} recall {rec}/{n} = {rec / n if n else 0:.2f}; drafted entries matching a curated one "
              f"{good}/{drafted} = {good / drafted if drafted else 0:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
