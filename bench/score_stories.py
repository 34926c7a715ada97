"""Count factlint's false alarms on real stories it was not written for.

Each story is a folder of articles with its own facts.yaml and a confirmed.yaml listing the
error-level findings a reader confirmed as real contradictions (see tests/stories/README.md); the
seeds are a story too (seeds/ with the repository's facts.yaml, nothing confirmed). Every story is
linted as `factlint check` would lint it, and each error-level finding that is not confirmed counts
as a false alarm. Prints, per story and in all: articles, error-level findings, confirmed ones found,
false alarms, and false alarms per 20 articles (the target is at most 1), and with --errors the
false alarms themselves.

    python bench/score_stories.py [--errors] [--story NAME ...]

Planted errors per kind (a curated date moved, a name misspelled, a title, figure, quote word or
speaker swapped) are the next part of this benchmark (not yet written).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from factlint import lint_paths, load_facts  # noqa: E402
from factlint.model import Severity  # noqa: E402

TARGET = 1.0  # false alarms per 20 articles


@dataclass(frozen=True)
class Story:
    name: str
    folder: Path
    facts: Path
    confirmed: frozenset[tuple[str, int, int, str]]  # (file name, line, column, code)


def stories() -> list[Story]:
    out = [Story("seeds", ROOT / "seeds", ROOT / "facts.yaml", frozenset())]
    for folder in sorted((ROOT / "tests" / "stories").iterdir()):
        if not (folder / "facts.yaml").exists():
            continue
        entries = yaml.safe_load((folder / "confirmed.yaml").read_text(encoding="utf-8")) or []
        confirmed = frozenset((e["file"], int(e["line"]), int(e["column"]), e["code"]) for e in entries)
        out.append(Story(folder.name, folder, folder / "facts.yaml", confirmed))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="print every false alarm")
    ap.add_argument("--story", action="append", help="only these stories (folder names; seeds for the seeds)")
    args = ap.parse_args()
    started = time.perf_counter()
    rows = []
    false_alarms = []
    for story in stories():
        if args.story and story.name not in args.story:
            continue
        articles = sorted(p for p in story.folder.iterdir() if p.suffix in (".txt", ".md", ".html") and p.name != "README.md")
        report = lint_paths([str(p) for p in articles], load_facts(story.facts))
        errors = found = 0
        for f in (f for r in report.files for f in r.findings if f.severity == Severity.ERROR):
            errors += 1
            key = (Path(f.path).name, f.start.line, f.start.col, f.code)
            if key in story.confirmed:
                found += 1
            else:
                false_alarms.append((story.name, f))
        rows.append((story.name, len(articles), errors, found, len(story.confirmed), errors - found))
    print(f"{'story':18} {'articles':>8} {'errors':>6} {'confirmed found':>15} {'false alarms':>12} {'per 20 articles':>15}")
    for name, n, errors, found, confirmed, false in rows:
        print(f"{name:18} {n:8d} {errors:6d} {f'{found}/{confirmed}':>15} {false:12d} {20 * false / n if n else 0:15.1f}")
    n = sum(r[1] for r in rows)
    false = sum(r[5] for r in rows)
    per20 = 20 * false / n if n else 0.0
    print(f"{'ALL':18} {n:8d} {sum(r[2] for r in rows):6d} {f'{sum(r[3] for r in rows)}/{sum(r[4] for r in rows)}':>15} "
          f"{false:12d} {per20:15.1f}")
    print(f"\ntarget: at most {TARGET:g} false alarm per 20 articles: {'met' if per20 <= TARGET else 'NOT MET'}")
    if args.errors:
        print("\nfalse alarms")
        for name, f in false_alarms:
            print(f"  {name}/{Path(f.path).name}:{f.start.line}:{f.start.col} {f.code} {f.message[:150]}")
    print(f"\ntime: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
