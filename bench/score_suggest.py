"""How much of the curated facts `factlint suggest` recovers from the articles alone.

For each story (the seeds with the repository's facts.yaml, and each folder of tests/stories), the
articles are drafted into facts by `factlint suggest` (as the command does it) and the draft is
compared with the curated facts.yaml, which it never sees:

- a curated person is recovered when a drafted person has one of its names (folded);
- a curated quote when a drafted quote holds its words or its words hold the drafted quote's (at
  least four words in common, in order), or 80% of them match in order;
- a curated event when a drafted event's date overlaps its date and the drafted mention shares a
  content word with the event's `what` or mentions;
- a curated claim with a figure when a drafted claim's figure has its value and the drafted wording
  or unit shares a content word (not a number's word: "two") with the claim's wordings, statement
  or unit;
- a curated claim without a figure (a denial, a statement of fact) when a drafted claim without a
  figure has, in its sentence and wording together, every content word of one of the curated
  claim's `supports` wordings (of two content words or more: what `check` itself reads as stating
  the claim, compared by stem), or two thirds of the content words of its statement (at least
  three). A claim with a figure and one without never match: the one is checked by its value, the
  other by its words.

Content words are compared by their stems (no possessive, one inflection or -ment off: "Boeing's
announcement" and "Boeing announced" share both); --strict-words compares them as written.

Prints recall per kind and story, and the share of drafted entries that match a curated one
("precision": the rest are facts nobody curated, not necessarily wrong ones), and how many of the
quotes recovered are credited to their curated speaker; with --check, that checking the articles
against their draft (`factlint suggest` then `factlint check`, as a user runs them) gives no error
but where the draft says `# CONFLICT`; with --misses, what was not recovered and what matched
nothing.

It also prints the share of drafted entries that every place they say they were seen at (`# seen
in: file:line`) supports: that line of that article holds the person's name or an alias, a run of
four of the quote's words (all of a shorter one), the event's mention, the claim's wording (for a
claim without a figure restated in other words, two thirds of its content words); --misses lists
the others.

    python bench/score_suggest.py [--story NAME ...] [--check]
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from factlint import load_facts  # noqa: E402
from factlint.facts.loader import parse_facts  # noqa: E402
from factlint.facts.spec import parse_partial_date  # noqa: E402
from factlint.normalize.quotes import words  # noqa: E402
from factlint.runner import discover, load_article  # noqa: E402
from factlint.suggest import suggest  # noqa: E402
from factlint.vocab import number_words  # noqa: E402

STOP = frozenset(
    "a an the and or but of to in on at by for with from as is was were are be been has had have it its this that "
    "these those their his her he she they we i you said says will would its first new".split()
)
# the words of a number ("two", "forty"): a figure's value is compared as a value, its word is no
# content word two wordings share ("the two countries" and "two short-range missiles")
NUMBER_WORDS = frozenset(w for w in number_words() if " " not in w)

_SUFFIX = re.compile(r"(?:ments?|ings?|ies|ied|ed|es|s|y)\Z")
STRICT = False  # --strict-words: the words compared as written (before 2026-11: "Boeing's" is not "Boeing")


def stem(w: str) -> str:
    """A word without its possessive and one inflection or -ment ("Boeing's" -> "boeing",
    "announced" and "announcement" -> "announc", "deliveries" -> "deliver")."""
    w = re.sub(r"['’]s?\Z", "", w)
    base = _SUFFIX.sub("", w)
    base = base if len(base) >= 4 else w
    return base[:-1] if base.endswith("e") and len(base) > 4 else base


def content(text: str) -> set[str]:
    out = {w for w in words(text) if w not in STOP and not w.isdigit() and len(w) > 2}
    return out if STRICT else {stem(w) for w in out}


def quote_match(a: list[str], b: list[str]) -> bool:
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    longest = max((blk.size for blk in m.get_matching_blocks()), default=0)
    if longest >= min(len(a), len(b)) and longest >= 4:
        return True
    return m.ratio() >= 0.8


def interval(text: str):
    r = parse_partial_date(text)
    return None if isinstance(r, str) else (r[0], r[1])


def score(name: str, folder: Path, facts_path: Path, misses: list[str] | None = None) -> dict[str, tuple[int, int, int, int]]:
    files, _ = discover([str(folder)])
    docs = [(load_article(f, None), f) for f in files]
    draft, text = suggest(docs, pattern=lambda p: str(Path(p).resolve().relative_to(folder.resolve())),
                          facts_path=str(folder / "facts.draft.yaml"))
    parse_facts(text, "draft.yaml")  # it loads
    facts = load_facts(facts_path)
    out = {}
    # people
    full = [{" ".join(words(p.name))} for p in draft.people]
    cur = [{" ".join(words(n)) for n in p.names} for p in facts.people]
    out["people"] = (sum(1 for c in cur if any(c & d for d in full)), len(cur),
                     sum(1 for d in full if any(c & d for c in cur)), len(full))
    # quotes
    dq = [words(q.text) for q in draft.quotes]
    cq = [words(q.text) for q in facts.quotes]
    out["quotes"] = (sum(1 for c in cq if any(quote_match(c, d) for d in dq)), len(cq),
                     sum(1 for d in dq if any(quote_match(c, d) for c in cq)), len(dq))
    # of the curated quotes recovered, those a drafted quote of the same words credits to the
    # curated speaker (one of the speaker's names)
    drafted_names = {p.id: {" ".join(words(n)) for n in (p.name, *p.aliases)} for p in draft.people}
    curated_names = {p.id: {" ".join(words(n)) for n in p.names} for p in facts.people}
    right = [any(quote_match(c, d) and drafted_names.get(dqq.speaker, set()) & {n for s in q.speakers for n in curated_names.get(s, set())}
                 for d, dqq in zip(dq, draft.quotes)) for c, q in zip(cq, facts.quotes)]
    out["speakers"] = (sum(right), out["quotes"][0], 0, 0)
    if misses is not None:
        for c, q, ok in zip(cq, facts.quotes, right):
            if not ok and any(quote_match(c, d) for d in dq):
                who = [dqq.speaker for d, dqq in zip(dq, draft.quotes) if quote_match(c, d)]
                misses.append(f"  speaker {q.id}: curated {', '.join(q.speakers)}, drafted {', '.join(who)}")
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
        if (c.figure is None) != (d.value is None):
            return False  # a figure is checked by its value, a statement by its words: never one for the other
        if c.figure is None:
            said = content(d.statement) | content(d.wording)
            if any(len(ws) >= 2 and ws <= said for ws in (content(p.text) for p in c.supports if not p.is_regex)):
                return True
            stated = content(c.statement)
            return len(stated) >= 3 and len(stated & said) >= max(3, -(-2 * len(stated) // 3))
        if d.value is None or abs(c.figure.value - d.value) > max(c.figure.tolerance, 1e-9):
            return False
        curated = content(c.statement) | {w for p in c.supports for w in content(p.text)} | content(c.figure.unit)
        return bool((content(d.wording) | content(d.unit.replace("-", " "))) & curated - NUMBER_WORDS)

    out["claims"] = (sum(1 for c in facts.claims if any(cl_match(c, d) for d in draft.claims)), len(facts.claims),
                     sum(1 for d in draft.claims if any(cl_match(c, d) for c in facts.claims)), len(draft.claims))
    out["conflicts"] = (len(draft.conflicts), 0, 0, 0)
    bad = unsupported(draft, folder)
    n_entries = sum(1 for _ in entries(draft))
    out["supported"] = (n_entries - len(bad), n_entries, 0, 0)
    if misses is not None:
        misses.append(f"== {name}")
        # curated entries no drafted one matches, then drafted entries matching no curated one
        sides = [
            ("person", list(zip(cur, facts.people)), full, lambda c, d: bool(c & d),
             lambda p: f"{p.id}: {sorted(p.names)}"),
            ("quote", list(zip(cq, facts.quotes)), dq, quote_match,
             lambda q: f"{q.id} ({', '.join(q.speakers)}): {' '.join(q.text.split())}"),
            ("event", [(e, e) for e in facts.events], draft.events, ev_match,
             lambda e: f"{e.id} [{e.date.text if hasattr(e.date, 'text') else e.date}]: {e.what}"),
            ("claim", [(c, c) for c in facts.claims], draft.claims, cl_match,
             lambda c: f"{c.id} [{f'{c.figure.value} {c.figure.unit}' if c.figure else 'no figure'}]: {' '.join(c.statement.split())}"),
        ]
        for kind, curated, drafted, match, show in sides:
            misses.extend(f"  {kind:8}{show(entry)}" for key, entry in curated if not any(match(key, d) for d in drafted))
        drafted_sides = [
            ("+person", list(zip(full, draft.people)), cur, lambda d, c: bool(c & d), lambda p: f"{p.name} ({p.kind})"),
            ("+quote", list(zip(dq, draft.quotes)), cq, lambda d, c: quote_match(c, d), lambda q: f"{q.speaker}: {q.text}"),
            ("+event", [(d, d) for d in draft.events], facts.events, lambda d, e: ev_match(e, d), lambda d: f"{d.date} {d.mention!r}"),
            ("+claim", [(d, d) for d in draft.claims], facts.claims, lambda d, c: cl_match(c, d), lambda d: f"{d.value} {d.wording!r}"),
        ]
        for kind, drafted_items, curated_keys, match, show in drafted_sides:
            misses.extend(f"  {kind:8}{show(entry)}" for key, entry in drafted_items if not any(match(key, c) for c in curated_keys))
        misses.extend(f"  unsupported {what}" for what in bad)
    return out


def entries(draft):
    """Each drafted entry as (kind, label, the words that must stand where it was seen, its places,
    whether other places may restate it in other words: a claim without a figure)."""
    for p in draft.people:
        yield "person", p.name, [p.name, *p.aliases], p.seen, False
    for q in draft.quotes:
        yield "quote", q.text[:60], [q.text], q.seen, False
        for text, seen in q.variants:
            yield "quote variant", text[:60], [text], [seen], False
    for e in draft.events:
        yield "event", e.mention, [e.mention], e.seen, False
        for date, seen in e.other_dates:
            yield "event date", f"{e.mention} {date}", [e.mention], [seen], False
    for c in draft.claims:
        yield "claim", c.wording, [c.wording], c.seen, c.value is None


def _bare(ws: list[str]) -> list[str]:
    """Words without their possessive ("shoigu's" is "shoigu")."""
    return [w[:-2] if w.endswith("'s") else w for w in ws]


def unsupported(draft, folder: Path) -> list[str]:
    """The drafted entries that some place they say they were seen at (`# seen in: file:line`) does
    not support: a person's name or an alias, a quote's words (a run of four, or all of a shorter
    quote), an event's mention or a claim's wording, not on that line of that article (folded words)."""
    lines: dict[str, list[str]] = {}

    def line_words(path: str, n: int) -> list[str]:
        if path not in lines:
            f = next((c for c in (folder / path, ROOT / path, Path(path)) if c.is_file()), None)
            lines[path] = f.read_text(encoding="utf-8").splitlines() if f is not None else []
        src = lines[path]
        return _bare(words(src[n - 1])) if 1 <= n <= len(src) else []

    out = []
    for kind, label, wanted, places, restated in entries(draft):
        if not places:
            out.append(f"{kind} {label!r}: seen nowhere")
        for seen in places:
            have = line_words(seen.path, seen.line)
            ok = False
            for text in wanted:
                ws = _bare(words(text))
                need = min(4, len(ws)) if kind.startswith("quote") else len(ws)
                m = difflib.SequenceMatcher(None, ws, have, autojunk=False)
                if need and max((b.size for b in m.get_matching_blocks()), default=0) >= need:
                    ok = True
                    break
                if kind == "claim" and restated:  # restated in other words: most of its content words
                    wanted_words = {stem(w) for w in ws if w not in STOP}
                    ok = len(wanted_words & {stem(w) for w in have}) * 3 >= 2 * len(wanted_words) > 0
                    if ok:
                        break
            if not ok:
                out.append(f"{kind} {label!r}: not on {seen.path}:{seen.line}")
    return out


def check(folder: Path) -> tuple[int, list[str]]:
    """`factlint suggest` then `factlint check` of the story's articles (copied to a new folder, with
    no facts.yaml of theirs) against the draft, as a user runs them: the error-level findings, and
    those of them no `# CONFLICT` comment of the draft names (by file and line)."""
    with tempfile.TemporaryDirectory() as tmp:
        files, _ = discover([str(folder)])
        for f in files:
            shutil.copy(f, Path(tmp) / Path(f).name)
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        run = [sys.executable, "-m", "factlint"]
        subprocess.run([*run, "suggest", ".", "-o", "facts.draft.yaml"], cwd=tmp, env=env, check=True,
                       capture_output=True)
        out = subprocess.run([*run, "check", ".", "--facts", "facts.draft.yaml", "--format", "json", "--exit-zero", "-q"],
                             cwd=tmp, env=env, check=True, capture_output=True, text=True).stdout
        draft = (Path(tmp) / "facts.draft.yaml").read_text(encoding="utf-8")
    marked = set()
    block = False
    for line in draft.splitlines():
        if line.startswith("# CONFLICT ("):
            block = True
        elif not line.startswith("#"):
            block = False
        if block:
            marked.update((Path(f).name, int(n)) for f, n in re.findall(r"([^\s:,]+\.\w+):(\d+)", line))
    errors = [f for file in json.loads(out)["files"] for f in file["findings"] if f["severity"] == "error"]
    unmarked = [f"{f['path']}:{f['line']}: {f['code']} {f['message']}" for f in errors
                if (Path(f["path"]).name, f["line"]) not in marked]
    return len(errors), unmarked


def stories() -> list[tuple[str, Path, Path]]:
    out = [("seeds", ROOT / "seeds", ROOT / "facts.yaml")]
    for folder in sorted((ROOT / "tests" / "stories").iterdir()):
        if (folder / "facts.yaml").exists():
            out.append((folder.name, folder, folder / "facts.yaml"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--story", action="append", default=[])
    ap.add_argument("--check", action="store_true", help="check each story's articles against its draft: no error but the marked conflicts")
    ap.add_argument("--strict-words", action="store_true", help="compare content words as written, not by their stems")
    ap.add_argument("--misses", action="store_true", help="print the curated entries not recovered and the drafted ones matching none")
    args = ap.parse_args(argv)
    misses: list[str] | None = [] if args.misses else None
    global STRICT
    STRICT = args.strict_words
    failed = 0
    kinds = ("people", "quotes", "events", "claims")
    totals = {k: [0, 0, 0, 0] for k in kinds}
    speakers = [0, 0]
    supported = [0, 0]
    print(f"{'story':18}" + "".join(f"{k:>22}" for k in kinds) + "  conflicts")
    for name, folder, facts in stories():
        if args.story and name not in args.story:
            continue
        s = score(name, folder, facts, misses)
        speakers = [speakers[0] + s["speakers"][0], speakers[1] + s["speakers"][1]]
        supported = [supported[0] + s["supported"][0], supported[1] + s["supported"][1]]
        cells = []
        for k in kinds:
            rec, n, good, drafted = s[k]
            for i, v in enumerate(s[k]):
                totals[k][i] += v
            cells.append(f"{rec:>3}/{n:<3} ({good}/{drafted} match)".rjust(22))
        print(f"{name:18}" + "".join(cells) + f"  {s['conflicts'][0]:>9}")
        if args.check:
            n, unmarked = check(folder)
            print(f"{'':18}check against the draft: {n} errors, {len(unmarked)} not marked as a conflict")
            for u in unmarked:
                print(f"{'':20}{u}")
            failed += bool(unmarked)
    print()
    for k in kinds:
        rec, n, good, drafted = totals[k]
        print(f"{k:8} recall {rec}/{n} = {rec / n if n else 0:.2f}; drafted entries matching a curated one "
              f"{good}/{drafted} = {good / drafted if drafted else 0:.2f}")
    print(f"quotes recovered with the curated speaker {speakers[0]}/{speakers[1]} = {speakers[0] / speakers[1] if speakers[1] else 0:.2f}")
    print(f"drafted entries every place of whose '# seen in' holds their words {supported[0]}/{supported[1]}"
          f" = {supported[0] / supported[1] if supported[1] else 0:.2f}")
    if misses:
        print()
        print("\n".join(misses))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
