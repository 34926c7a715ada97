"""Time factlint beside its peers, proselint and textlint + prh, as ratios of whole-process CPU time.

Absolute times on this kind of machine drift by a quarter from one minute to the next; a ratio of two
programs run in turns does not. Each comparison runs its two commands in pairs, A then B, N times
(--pairs), after one warm-up run of each, and takes the CPU time (user + system) of each child
process from os.wait4. It prints the median of the pairs' ratios and their spread (lowest to
highest), the target and PASS or MISS:

  1. the corpus (1,000 generated articles) with the seeds' facts, `factlint check --jobs 1` against
     textlint + prh with a 10-entry dictionary (target <= 0.6), and factlint's articles/s per core
     (target >= 1,000); textlint + prh with 1,000 entries beside it, for information;
  2. the corpus, factlint against proselint (target <= 0.08);
  3. one article (the corpus's first), factlint against proselint (target <= 1.0), against
     `python -c pass` (for information), and factlint's own CPU time (target <= 120 ms);
  4. 10,000 facts (the seeds' 53 and 9,947 generated) against the seeds' 53, both with a warm
     --cache-dir: the per-article cost, (corpus run - one-article run) / (articles - 1), as a ratio
     (target <= 1.2), and the one-article run's extra CPU time, i.e. the start-up (target <= 0.1 s).

The peers live in a scratch folder (default bench/out/peers/, ignored by git): `--install` puts
proselint in a virtual environment there (pip) and textlint with textlint-rule-prh under it (npm
install --prefix). Without --install the benchmark uses what the folder has, says what is missing
and skips the comparisons that need it. The corpus, the prh dictionaries and the facts files are
written there too.

    python bench/bench_peers.py --install            # first time: installs the peers
    python bench/bench_peers.py [--pairs 5]          # then
    python bench/bench_peers.py --quick              # a smoke run: 100 articles, 2 pairs

--quick checks that everything runs; its figures are not the targets' (with 100 articles the
start-up outweighs the articles, and two pairs make no spread).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_names import SYLLABLES, name  # noqa: E402
from make_corpus import make  # noqa: E402

SEED_FACTS = ROOT / "facts.yaml"
PROSELINT = "proselint==0.16.0"  # pinned: a ratio against a peer is a ratio against one version of it
NPM_PACKAGES = ("textlint@15.8.0", "textlint-rule-prh@6.1.0")

TARGETS = {  # SPEC §7 and issue 16
    "textlint-prh-10": 0.6,
    "articles-per-core": 1000.0,
    "proselint-corpus": 0.08,
    "proselint-one": 1.0,
    "one-article-ms": 120.0,
    "per-article-10000": 1.2,
    "start-up-10000-s": 0.1,
}


# --- pure parts: dictionaries, facts, summaries ---------------------------------------------------


def typos(text: str) -> list[str]:
    """Two misspellings of a name, made by rule (deterministic): in its longest run of letters, the
    two middle letters swapped, and the second letter dropped. 'John Kirby' -> 'John Kriby', 'John Krby'."""
    runs = list(re.finditer(r"[A-Za-z]+", text))
    if not runs:
        return []
    word = max(runs, key=lambda m: len(m.group()))
    w = word.group()
    if len(w) < 4:
        return []
    m = len(w) // 2
    out: list[str] = []
    for variant in (w[: m - 1] + w[m] + w[m - 1] + w[m + 1 :], w[0] + w[2:]):
        candidate = text[: word.start()] + variant + text[word.end() :]
        if variant != w and candidate not in out:
            out.append(candidate)
    return out


_JS_SYNTAX = set("^$\\.*+?()[]{}|/")


def prh_pattern(text: str) -> str:
    """A prh pattern for a literal text. prh escapes every non-word character of a plain pattern
    ('-' becomes '\\-'), which JavaScript rejects under the 'u' flag prh compiles with, so a text with
    anything but letters, digits and spaces is written as a /regex/ with only the syntax characters
    escaped."""
    if re.fullmatch(r"[A-Za-z0-9 ]+", text):
        return text
    return "/" + "".join("\\" + c if c in _JS_SYNTAX else c for c in text) + "/"


def prh_dictionary(entries: list[tuple[str, list[str]]]) -> str:
    """prh's YAML (version 1): one rule per (expected spelling, misspellings). Strings are written as
    JSON, which YAML reads as double-quoted scalars."""
    lines = ["version: 1", "rules:"]
    for expected, wrong in entries:
        lines.append(f"  - expected: {json.dumps(expected)}")
        lines.append("    patterns:")
        lines.extend(f"      - {json.dumps(prh_pattern(w))}" for w in wrong)
    return "\n".join(lines) + "\n"


def seed_names(facts_text: str) -> list[str]:
    """The canonical names of the seeds' people, in the order of the file."""
    import yaml

    return [p["name"] for p in yaml.safe_load(facts_text).get("people") or []]


def dictionary_entries(seeds: list[str], count: int, seed: int = 11) -> list[tuple[str, list[str]]]:
    """`count` prh entries: the seeds' people first, then generated names, each with its typos."""
    rng = random.Random(seed)
    out: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    for full in seeds:
        if len(out) == count:
            break
        wrong = typos(full)
        if wrong and full not in seen:
            seen.add(full)
            out.append((full, wrong))
    while len(out) < count:
        full = name(rng)
        wrong = typos(full)
        if wrong and full not in seen:
            seen.add(full)
            out.append((full, wrong))
    return out


def facts_with(seeds_text: str, total: int = 10_000, seed: int = 5) -> str:
    """The seeds' facts.yaml, as written, with generated people, events, quotes and claims appended
    to its sections until it holds `total` facts (people, events, quotes and claims). The generated
    ones mention no one in the corpus: what they cost is the cost of having them."""
    import yaml

    data = yaml.safe_load(seeds_text)
    kinds = ("people", "events", "quotes", "claims")
    have = sum(len(data.get(k) or []) for k in kinds)
    extra = total - have
    if extra < 0:
        raise ValueError(f"the seeds already hold {have} facts, more than {total}")
    shares = {"people": 0.3, "events": 0.25, "quotes": 0.25}
    counts = {k: int(extra * s) for k, s in shares.items()}
    counts["claims"] = extra - sum(counts.values())

    rng = random.Random(seed)
    people = []
    seen = set(seed_names(seeds_text))
    for _ in range(counts["people"]):
        full = name(rng)
        while full in seen:
            full = name(rng)
        seen.add(full)
        people.append(full)
    units = ("tanks", "jets", "warships", "artillery shells", "satellites")

    def words(n: int) -> str:
        return " ".join(rng.choice(SYLLABLES) for _ in range(n))

    generated: dict[str, list[str]] = {
        "people": [
            f"  - {{id: gen-person-{i}, name: {full}, aliases: [{full.split()[1]}], titles: [Deputy Minister]}}"
            for i, full in enumerate(people)
        ],
        "events": [
            f"  - {{id: gen-event-{i}, what: event {i}, date: {2000 + i % 24}-{1 + i % 12:02d}-{1 + i % 28:02d}, "
            f"mentions: [{name(rng).lower()} summit]}}"
            for i in range(counts["events"])
        ],
        "quotes": [
            f"  - {{id: gen-quote-{i}, speaker: gen-person-{i % max(1, len(people))}, text: '{words(12)}'}}"
            for i in range(counts["quotes"])
        ],
        "claims": [
            f"  - {{id: gen-claim-{i}, statement: claim {i}, supports: ['{words(3)} pledged'], "
            f"figure: {{value: {2 + i % 97}, unit: {units[i % len(units)]}}}}}"
            for i in range(counts["claims"])
        ],
    }
    if not people:  # no generated speaker: the quotes go to the seeds' first person
        first = (data.get("people") or [{}])[0].get("id", "")
        generated["quotes"] = [q.replace("speaker: gen-person-0,", f"speaker: {first},") for q in generated["quotes"]]

    # Insert each kind's lines at the end of its section (before the next top-level key), so the
    # seeds' facts keep their lines; a section the seeds lack is added at the end.
    out: list[str] = []
    section = None
    for line in seeds_text.splitlines():
        top = re.match(r"([A-Za-z_]+):", line)
        if top:
            if section in generated:
                out.extend(generated.pop(section))
            section = top.group(1)
        out.append(line)
    if section in generated:
        out.extend(generated.pop(section))
    for kind, lines in generated.items():
        if lines:
            out.append(f"{kind}:")
            out.extend(lines)
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Spread:
    median: float
    low: float
    high: float
    n: int

    def show(self, digits: int = 2) -> str:
        return f"{self.median:.{digits}f} ({self.low:.{digits}f}-{self.high:.{digits}f} over {self.n})"


def spread(values: Sequence[float]) -> Spread:
    if not values:
        raise ValueError("no values")
    return Spread(statistics.median(values), min(values), max(values), len(values))


def ratios(a: Sequence[float], b: Sequence[float]) -> list[float]:
    """The ratio a/b of each pair."""
    if len(a) != len(b):
        raise ValueError(f"{len(a)} runs against {len(b)}: not pairs")
    return [x / y for x, y in zip(a, b)]


def per_article(corpus: float, one: float, articles: int) -> float:
    """CPU time per article beyond the first: the start-up and the first article cancel out."""
    if articles < 2:
        raise ValueError("need two articles or more")
    return (corpus - one) / (articles - 1)


def verdict(value: float, target: float, at_least: bool = False) -> str:
    ok = value >= target if at_least else value <= target
    return "PASS" if ok else "MISS"


# --- running and timing -----------------------------------------------------------------------


class BenchError(Exception):
    """A command failed or a tool is missing: printed as one message, never a traceback. `cmd` is
    the command that failed, if one did."""

    def __init__(self, message: str, cmd: list[str] | None = None):
        super().__init__(message)
        self.cmd = cmd


_CACHE_HOME: list[str] = []  # factlint's user cache folder for the runs: the scratch folder's own


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode written once and read after
    env["NO_COLOR"] = "1"
    if _CACHE_HOME:  # factlint keeps compiled patterns and facts in the user's cache folder: here, the scratch's
        env["XDG_CACHE_HOME"] = _CACHE_HOME[0]
    return env


def cpu_time(cmd: list[str], ok: tuple[int, ...] = (0, 1), cwd: Path = ROOT) -> float:
    """Run `cmd` (output to /dev/null) and return its CPU time, user + system, in seconds: the
    child's own and that of any children it waited for."""
    with tempfile.TemporaryFile() as err:
        try:
            p = subprocess.Popen(cmd, cwd=cwd, env=child_env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        except OSError as e:
            raise BenchError(f"cannot run {cmd[0]}: {e}", cmd) from None
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode not in ok:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-1500:].rstrip()
            raise BenchError(f"{' '.join(cmd[:3])} ... exited {p.returncode}:\n{tail}", cmd)
    return usage.ru_utime + usage.ru_stime


def paired(commands: Sequence[list[str]], pairs: int) -> list[list[float]]:
    """Each command's CPU times over `pairs` rounds, the commands in turn (A B A B ...), after one
    warm-up run of each (file caches, bytecode, a --cache-dir entry)."""
    for cmd in commands:
        cpu_time(cmd)
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(pairs):
        for i, cmd in enumerate(commands):
            times[i].append(cpu_time(cmd))
    return times


# --- the peers in the scratch folder ---------------------------------------------------------


@dataclass
class Peers:
    scratch: Path

    @property
    def proselint(self) -> Path:
        return self.scratch / "proselint-venv" / "bin" / "proselint"

    @property
    def textlint(self) -> Path:
        return self.scratch / "npm" / "node_modules" / ".bin" / "textlint"

    @property
    def prh_rule(self) -> Path:
        return self.scratch / "npm" / "node_modules" / "textlint-rule-prh"

    def missing(self) -> dict[str, str]:
        """What is missing, by peer, in words."""
        out = {}
        if not self.proselint.exists():
            out["proselint"] = f"proselint is not installed in {self.proselint.parent.parent}"
        if not shutil.which("node"):
            out["textlint"] = "node is not on PATH (textlint needs it)"
        elif not self.textlint.exists():
            out["textlint"] = f"textlint is not installed under {self.scratch / 'npm'}"
        elif not self.prh_rule.exists():
            out["textlint"] = f"textlint-rule-prh is not installed under {self.scratch / 'npm'}"
        return out

    def install(self) -> None:
        self.scratch.mkdir(parents=True, exist_ok=True)
        venv = self.scratch / "proselint-venv"
        steps = [
            ("proselint", [sys.executable, "-m", "venv", str(venv)]),
            ("proselint", [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", PROSELINT]),
        ]
        if shutil.which("npm"):
            steps.append(("textlint", ["npm", "install", "--prefix", str(self.scratch / "npm"), "--no-audit", "--no-fund", *NPM_PACKAGES]))
        else:
            print("install: npm is not on PATH; textlint left out")
        failed = set()
        for peer, cmd in steps:
            if peer in failed:
                continue
            print(f"install: {' '.join(cmd[-3:])}", flush=True)
            p = subprocess.run(cmd, env=child_env(), capture_output=True, text=True)
            if p.returncode != 0:
                failed.add(peer)
                print(f"install: {peer} failed (exit {p.returncode}):\n{(p.stderr or p.stdout)[-1500:]}")

    def versions(self) -> dict[str, str]:
        out = {}
        for peer, cmd in (("proselint", [str(self.proselint), "version"]), ("textlint", [str(self.textlint), "--version"])):
            try:
                p = subprocess.run(cmd, capture_output=True, text=True, env=child_env())
                out[peer] = p.stdout.strip().splitlines()[0] if p.returncode == 0 and p.stdout.strip() else "?"
            except OSError:
                out[peer] = "?"
        return out


def factlint_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "factlint"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "factlint"]


# --- the benchmark ----------------------------------------------------------------------------


def line(label: str, figure: str, value: float, key: str, unit: str = "") -> None:
    """One judged figure: label, figure, the target TARGETS[key] and PASS or MISS for `value`."""
    at_least = key == "articles-per-core"
    target = f"{'>=' if at_least else '<='} {TARGETS[key]:,g}{unit}"
    print(f"  {label:<54} {figure:<30} target {target:<10} {verdict(value, TARGETS[key], at_least)}")


def info(label: str, figure: str) -> None:
    print(f"  {label:<54} {figure}")


def compare(a: list[str], b: list[str], pairs: int) -> tuple[Spread, list[float], list[float]]:
    ta, tb = paired([a, b], pairs)
    return spread(ratios(ta, tb)), ta, tb


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--install", action="store_true",
                    help="install proselint (pip) and textlint + textlint-rule-prh (npm) into the scratch folder")
    ap.add_argument("--scratch", type=Path, default=HERE / "out" / "peers", help="the scratch folder (default: bench/out/peers)")
    ap.add_argument("--pairs", type=int, default=5, help="pairs of runs per comparison (default 5)")
    ap.add_argument("--count", type=int, default=1000, help="articles in the corpus (default 1,000)")
    ap.add_argument("--quick", action="store_true", help="a smoke run: 100 articles, 2 pairs")
    args = ap.parse_args(argv)
    if args.quick:
        args.pairs, args.count = min(args.pairs, 2), min(args.count, 100)
    if args.pairs < 1 or args.count < 2:
        ap.error("--pairs must be >= 1 and --count >= 2")
    try:
        run(args)
    except BenchError as e:
        print(f"bench_peers: {e}", file=sys.stderr)
        return 2
    return 0


def run(args: argparse.Namespace) -> None:
    scratch: Path = args.scratch.resolve()
    _CACHE_HOME[:] = [str(scratch / "user-cache")]
    peers = Peers(scratch)
    if args.install:
        peers.install()
    missing = peers.missing()
    for peer, why in missing.items():
        print(f"missing: {why} (run with --install); the comparisons with {peer} are skipped")

    # The inputs: corpus, dictionaries, facts.
    corpus = scratch / f"corpus-{args.count}"
    if corpus.exists():
        shutil.rmtree(corpus)
    files = make(args.count, corpus)
    one = files[0]
    mb = sum(f.stat().st_size for f in files) / 1e6
    seeds_text = SEED_FACTS.read_text(encoding="utf-8")
    rc: dict[int, Path] = {}
    for size in (10, 1000):
        dic = scratch / f"prh-{size}.yml"
        dic.write_text(prh_dictionary(dictionary_entries(seed_names(seeds_text), size)), encoding="utf-8")
        rc[size] = scratch / f"textlintrc-{size}.json"
        rc[size].write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(dic)]}}}), encoding="utf-8")
    big = scratch / "facts-10000.yaml"
    big.write_text(facts_with(seeds_text, 10_000), encoding="utf-8")
    cache = scratch / "facts-cache"
    if cache.exists():
        shutil.rmtree(cache)
    compileall.compile_dir(str(ROOT / "src" / "factlint"), quiet=1)

    fl = factlint_cmd() + ["check", "-q"]
    versions = peers.versions()
    print(f"factlint: {' '.join(factlint_cmd())} ({ROOT}); python {sys.version.split()[0]}; {os.cpu_count()} cores")
    if "proselint" not in missing:
        print(f"proselint: {versions['proselint']}")
    if "textlint" not in missing:
        print(f"textlint: {versions['textlint']} with textlint-rule-prh")
    print(f"corpus: {len(files)} articles, {mb:.2f} MB, in {corpus}; one article: {one.name}")
    print(f"CPU time (user + system) of each whole process, {args.pairs} pair(s) of runs taken in turns after a warm-up; "
          "ratio: median (lowest-highest) of the pairs' ratios")

    def with_peer(a: list[str], b: list[str]) -> tuple[Spread, list[float], list[float]] | None:
        """compare(), or None (said) when the peer's command fails: the other comparisons go on."""
        try:
            return compare(a, b, args.pairs)
        except BenchError as e:
            if e.cmd != b:  # factlint's own failure ends the run
                raise
            info("failed", str(e).replace("\n", "\n    "))
            return None

    n = len(files)
    seeds_fl = fl + ["--facts", str(SEED_FACTS)]
    corpus_fl = seeds_fl + ["--jobs", "1", str(corpus)]

    print(f"\n1. corpus ({n} articles) with the seeds' facts, factlint --jobs 1 vs textlint + prh")
    if "textlint" in missing:
        info("skipped", missing["textlint"])
        fl_corpus: list[float] = []
    else:
        tl = [str(peers.textlint), "--format", "compact"]
        got = with_peer(corpus_fl, tl + ["--config", str(rc[10]), str(corpus)])
        fl_corpus = []
        if got:
            r, fl_corpus, tb = got
            line("factlint / textlint+prh (10 entries)", r.show(), r.median, "textlint-prh-10")
            info("  CPU: factlint / textlint+prh(10), median", f"{statistics.median(fl_corpus):.2f} s / {statistics.median(tb):.2f} s")
            got = with_peer(corpus_fl, tl + ["--config", str(rc[1000]), str(corpus)])
        if got:
            r, _, tb = got
            info("factlint / textlint+prh (1,000 entries)", f"{r.show(3)} (for information; textlint {statistics.median(tb):.2f} s)")
    if not fl_corpus:
        fl_corpus = paired([corpus_fl], args.pairs)[0]
    rate = n / statistics.median(fl_corpus)
    line("factlint articles/s per core (corpus, --jobs 1)", f"{rate:,.0f} ({statistics.median(fl_corpus):.2f} s CPU)",
         rate, "articles-per-core")

    print(f"\n2. corpus ({n} articles), factlint --jobs 1 vs proselint")
    pl = [str(peers.proselint), "check", "--output-format", "compact"]
    got = None
    if "proselint" in missing:
        info("skipped", missing["proselint"])
    else:
        got = with_peer(corpus_fl, pl + [str(corpus)])
    if got:
        r, ta, tb = got
        line("factlint / proselint", r.show(3), r.median, "proselint-corpus")
        info("  CPU: factlint / proselint, median", f"{statistics.median(ta):.2f} s / {statistics.median(tb):.2f} s")

    print(f"\n3. one article ({one.name}), whole process")
    one_fl = seeds_fl + [str(one)]
    got = None
    if "proselint" in missing:
        info("factlint / proselint: skipped", missing["proselint"])
    else:
        got = with_peer(one_fl, pl + [str(one)])
    if got:
        r, ta, tb = got
        line("factlint / proselint", r.show(), r.median, "proselint-one")
        info("  CPU: factlint / proselint, median", f"{statistics.median(ta) * 1000:.0f} ms / {statistics.median(tb) * 1000:.0f} ms")
    r, ta, tb = compare(one_fl, [sys.executable, "-c", "pass"], args.pairs)
    info("factlint / python -c pass", f"{r.show()} (python -c pass: {statistics.median(tb) * 1000:.0f} ms)")
    ms = statistics.median(ta) * 1000
    line("factlint CPU, one article", f"{ms:.0f} ms ({min(ta) * 1000:.0f}-{max(ta) * 1000:.0f})", ms, "one-article-ms", " ms")

    print(f"\n4. 10,000 facts vs the seeds' 53, both with a warm --cache-dir (the warm-up runs write it);\n"
          f"   per article = (corpus run - one-article run) / {n - 1}, each pair's four runs taken in turns")
    cached = fl + ["--cache-dir", str(cache)]
    big_corpus, seed_corpus, big_one, seed_one = paired([
        cached + ["--facts", str(big), "--jobs", "1", str(corpus)],
        cached + ["--facts", str(SEED_FACTS), "--jobs", "1", str(corpus)],
        cached + ["--facts", str(big), str(one)],
        cached + ["--facts", str(SEED_FACTS), str(one)],
    ], args.pairs)
    big_per = [per_article(c, o, n) for c, o in zip(big_corpus, big_one)]
    seed_per = [per_article(c, o, n) for c, o in zip(seed_corpus, seed_one)]
    r = spread(ratios(big_per, seed_per))
    line("per-article CPU, 10,000 / 53 facts", r.show(), r.median, "per-article-10000")
    info("  CPU per article: 10,000 / 53 facts, median",
         f"{statistics.median(big_per) * 1000:.2f} ms / {statistics.median(seed_per) * 1000:.2f} ms")
    extra = spread([b - s for b, s in zip(big_one, seed_one)])
    line("start-up, 10,000 - 53 facts (one article)", f"{extra.show(3)} s", extra.median, "start-up-10000-s", " s")
    info("  CPU, one article: 10,000 / 53 facts, median",
         f"{statistics.median(big_one) * 1000:.0f} ms / {statistics.median(seed_one) * 1000:.0f} ms")


if __name__ == "__main__":
    sys.exit(main())
