"""Score factlint's FL403 (unsupported-claim) as a check-worthiness ranker on CLEF-2019 CheckThat! Task 1.

Each debate of the training set is checked as one plain-text article: the sentence text only, one
paragraph per line, an empty facts file (`version: 1`), the debate's date as the reference date
(`20182601_trump_world` swaps day and month in its name), FL403 selected (it is opt-in). A sentence
is listed when an FL403 finding starts on its line.

    python bench/score_checkworthy.py [--data ../shared/data/checkthat2019-train] [--errors N]
                                      [--per-debate] [--folds K] [--seed S]

The lab's measures rank every sentence of a debate: average precision (AP; MAP is its mean over
the debates), P@10, P@20 and R-Precision, each per debate and averaged, as the lab's scorer does.
P@k of a debate shorter than k counts the missing ranks as misses (the lab's scorer stops there).
Ties keep text order, as the lab's scorer does with a prediction file written in text order.
factlint's ranking puts the listed sentences first (by a finding's score when findings carry one,
else in text order), then the rest. At the decision (listed or not), pooled over all sentences:
precision, recall, F1 and the share listed. Baselines: text order, random order (100 shuffles).

`cross_validate(debates, fit, folds)` scores held-out debates with a scorer fitted on the others
(`fit(train_debates) -> scorer`); FL403 has nothing to fit, so `fit_rule` returns the rule itself.

For comparison (the data's README, factlint 0.1.0): P 0.061, R 0.477, F1 0.109, 20.9% listed;
MAP 0.1467 (text order 0.1065, random order 0.0653).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# --- factlint adapter: the only place that touches factlint; repoint it here when modules move ---
from factlint import Selection, lint_text, parse_facts  # noqa: E402
from factlint.engine import Linter  # noqa: E402
from factlint.prose import SAY_VERBS  # noqa: E402
from factlint.reference import read_article  # noqa: E402

EMPTY_FACTS = parse_facts("version: 1\n")
WITH_FL403 = Selection(extend_select=("FL403",))
SPEECH_CUE = re.compile(r"\b(?:" + "|".join(SAY_VERBS.split()) + r"|according\s+to)\b", re.IGNORECASE)


def finding_score(finding) -> float:
    """How check-worthy an FL403 finding is, when it says so (none does yet: text order)."""
    return float(getattr(finding, "score", None) or 0.0)


def fl403_lines(text: str, reference: date) -> dict[int, float]:
    """1-based line -> score, for each line on which an FL403 finding starts."""
    out: dict[int, float] = {}
    for f in lint_text(text, EMPTY_FACTS, reference_date=reference, selection=WITH_FL403):
        if f.code == "FL403":
            out[f.start.line] = max(out.get(f.start.line, float("-inf")), finding_score(f))
    return out


def worthy_sentences(text: str, reference: date) -> list[tuple[int, int, tuple[str, ...]]]:
    """(first line, last line, reasons) of each check-worthy sentence (Analysis.claim_sentences)."""
    doc = read_article("<debate>", text, fmt="text", reference_date=reference, reference_origin="argument")
    analysis = Linter.of(EMPTY_FACTS).analyse(doc)
    return [
        (doc.position(s.start)[0], doc.position(max(s.start, s.end - 1))[0], s.worthy)
        for s in analysis.claim_sentences
        if s.worthy
    ]
# --- end of adapter ---

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "checkthat2019-train"
SHUFFLES = 100
KS = (10, 20)


@dataclass
class Debate:
    name: str
    day: date
    speakers: list[str]
    texts: list[str]  # row i is line i + 1 of the article
    labels: list[int]
    listed: dict[int, float] = field(default_factory=dict)  # row -> FL403 score

    @property
    def article(self) -> str:
        return "\n".join(self.texts)


Keys = list[tuple[bool, float]]  # per sentence: (listed at the decision, score); higher ranks first
Scorer = Callable[[Debate], Keys]
Fit = Callable[[list[Debate]], Scorer]


def debate_date(stem: str) -> date:
    """The date in a debate's name, YYYYMMDD (one name writes YYYYDDMM)."""
    y, a, b = int(stem[:4]), int(stem[4:6]), int(stem[6:8])
    return date(y, a, b) if a <= 12 else date(y, b, a)


def load(data: Path) -> list[Debate]:
    debates = []
    for path in sorted(data.glob("*.tsv")):
        rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if [int(r[0]) for r in rows] != list(range(1, len(rows) + 1)):
            raise SystemExit(f"{path.name}: line numbers do not count up from 1")
        debates.append(Debate(path.stem, debate_date(path.stem), [r[1] for r in rows], [r[2] for r in rows],
                              [int(r[3]) for r in rows]))
    return debates


def run_fl403(debates: list[Debate]) -> float:
    t0 = time.perf_counter()
    for d in debates:
        d.listed = {line - 1: s for line, s in fl403_lines(d.article, d.day).items()}
    return time.perf_counter() - t0


# --- scorers: a debate -> (listed, score) per sentence ---

def fl403(d: Debate) -> Keys:
    return [(i in d.listed, d.listed.get(i, 0.0)) for i in range(len(d.texts))]


def text_order(d: Debate) -> Keys:
    return [(False, 0.0)] * len(d.texts)


def shuffled(rng: random.Random) -> Scorer:
    return lambda d: [(False, rng.random()) for _ in d.texts]


def fit_rule(train: list[Debate]) -> Scorer:
    """FL403 learns nothing from the training debates: the rule as it is."""
    return fl403


# --- the lab's measures ---

def measures(labels: list[int], keys: Keys) -> dict[str, float]:
    """AP, P@k and R-Precision of one debate ranked by `keys` (stable: ties keep text order)."""
    order = sorted(range(len(labels)), key=lambda i: keys[i], reverse=True)
    hits = [labels[i] for i in order]
    relevant = sum(labels)
    found, ap = 0, 0.0
    for rank, h in enumerate(hits, 1):
        if h:
            found += 1
            ap += found / rank
    out = {"AP": ap / relevant if relevant else 0.0}
    for k in KS:
        out[f"P@{k}"] = sum(hits[:k]) / k
    out["R-Prec"] = sum(hits[:relevant]) / relevant if relevant else 0.0
    return out


@dataclass
class Result:
    per_debate: list[dict[str, float]] = field(default_factory=list)
    tp: int = 0
    fp: int = 0
    fn: int = 0
    n: int = 0

    def add(self, d: Debate, keys: Keys) -> None:
        self.per_debate.append(measures(d.labels, keys))
        for (listed, _), gold in zip(keys, d.labels, strict=True):
            self.tp += listed and gold
            self.fp += listed and not gold
            self.fn += gold and not listed
        self.n += len(keys)

    def mean(self, name: str) -> float:
        return sum(m[name] for m in self.per_debate) / len(self.per_debate)

    def decision(self) -> tuple[float, float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0, (self.tp + self.fp) / self.n


def evaluate(debates: list[Debate], scorer: Scorer) -> Result:
    res = Result()
    for d in debates:
        res.add(d, scorer(d))
    return res


def cross_validate(debates: list[Debate], fit: Fit, folds: int = 0) -> Result:
    """Held-out measures: the debates dealt into `folds` folds in name order (0: leave one debate
    out); each fold is scored by what `fit` learned from the other folds."""
    k = len(debates) if folds <= 0 else min(folds, len(debates))
    res = Result()
    for f in range(k):
        scorer = fit([d for i, d in enumerate(debates) if i % k != f])
        for d in debates[f::k]:
            res.add(d, scorer(d))
    return res


# --- error classes: the first that fits, in this order ---

MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december"
DATED = re.compile(rf"\d|\b(?:{MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
MOMENT = re.compile(r"\b(?:today|tonight|now|yesterday|tomorrow|this (?:year|week|month|morning|evening|time))\b",
                    re.I)
NUMBER_WORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|"
                         r"trillion)\b", re.I)
DIGIT = re.compile(r"\d")
QUESTION = re.compile(r"\?\W*$")
GREETING = re.compile(r"\b(?:thank|thanks|welcome|applause|laughter|good (?:evening|morning|night)|"
                      r"ladies and gentlemen|god bless|excuse me|next question|let me (?:ask|turn|go))\b", re.I)
SHORT = re.compile(r"^(?!.*\d)\W*(?:\w+\W+){0,4}\w*\W*$")
OWN_HISTORY = re.compile(r"\b(?:I|my|me|we|our)\b.*\b(?:(?:19|20)\d\d|years? (?:ago|old)|when I was)\b", re.I)

# (class, test of a listed sentence that is not check-worthy: its text, its FL403 reasons, and whether
# its speaker has no check-worthy sentence anywhere in the set: moderators, questioners, the audience)
FALSE_POSITIVE_CLASSES: list[tuple[str, Callable[[str, tuple[str, ...], bool], bool]]] = [
    ("speaker never checked in the set (moderator, questioner, audience)", lambda t, r, unchecked: unchecked),
    ("a question (a moderator's, or rhetorical)", lambda t, r, u: bool(QUESTION.search(t))),
    ("greeting, thanks or procedure", lambda t, r, u: bool(GREETING.search(t))),
    ("a short reply (five words or fewer, no digits)", lambda t, r, u: bool(SHORT.match(t))),
    ("'United States' read as the speech verb 'states'", lambda t, r, u: "attribution" in r
        and "United States" in t and not SPEECH_CUE.search(t.replace("United States", ""))),
    ("'tonight/today/now' and other dates of the moment", lambda t, r, u: "date" in r
        and bool(MOMENT.search(t)) and not DATED.search(t)),
    ("'one/two' as a pronoun or in a phrase (no digits)", lambda t, r, u: "figure" in r and not DIGIT.search(t)
        and {w.lower() for w in NUMBER_WORD.findall(t)} <= {"one", "two"}),
    ("numbers or dates of the speaker's own history", lambda t, r, u: bool(OWN_HISTORY.search(t))),
    ("a speech verb alone: say/said/called/asked in talk", lambda t, r, u: set(r) == {"attribution"}),
]
OTHER_REASONS = ("figure", "date", "quote", "attribution")  # an unclassed one, by the first of its reasons here
MISS_CLASSES = [
    ("a number the figure grammar does not read (60%, $5, 'a million', '... 15.')", re.compile(
        r"\d|\b(?:a|one) (?:hundred|thousand|million|billion|trillion)\b", re.I)),
    ("votes, records and positions taken", re.compile(
        r"\b(?:vot(?:e|ed|es|ing)|(?-i:bill)|signed|sponsor\w*|supported|opposed|endorsed|against|approved|"
        r"promised)\b", re.I)),
    ("superlatives and firsts", re.compile(
        r"\b(?:most|least|ever|biggest|largest|highest|lowest|worst|best|greatest|fastest|strongest|first|"
        r"only|never|record)\b", re.I)),
    ("comparisons and trends", re.compile(
        r"\b(?:more|less|fewer|\w+er than|worse|increas\w*|decreas\w*|rising|rose|fell|falling|grow\w*|grew|"
        r"doubl\w*|tripl\w*|cut\w*|rais\w*|lower\w*|lost|gain\w*|drop\w*|(?:are|is|went|gone) (?:up|down))\b",
        re.I)),
    ("vague amounts and quantifiers", re.compile(
        r"\b(?:millions|billions|trillions|thousands|hundreds|many|lots?|tremendous|massive|huge|all|every\w*|"
        r"nobody|nothing|no one|none)\b", re.I)),
    ("causal claims and consequences", re.compile(
        r"\b(?:because|caus\w*|led to|lead to|result\w*|due to|creat\w*|destroy\w*|kill\w*|will)\b", re.I)),
    ("other assertions", None),
]


def false_positive_class(text: str, reasons: tuple[str, ...], unchecked: bool) -> str:
    for name, fits in FALSE_POSITIVE_CLASSES:
        if fits(text, reasons, unchecked):
            return name
    return "other, listed for a " + next((r for r in OTHER_REASONS if r in reasons), "reason")


def miss_class(d: Debate, i: int, wrapped: bool) -> str:
    if wrapped:
        return "its check-worthy sentence starts on the line before"
    return next(name for name, test in MISS_CLASSES if test is None or test.search(d.texts[i]))


def error_report(debates: list[Debate], n: int, seed: int) -> None:
    checked = {d.speakers[i] for d in debates for i, g in enumerate(d.labels) if g}
    fps: dict[str, list[str]] = {}
    misses: dict[str, list[str]] = {}
    by_reason: Counter = Counter()
    for d in debates:
        worthy = worthy_sentences(d.article, d.day)
        reasons = {first - 1: r for first, _, r in worthy}
        wrapped = {line - 1 for first, last, _ in worthy for line in range(first + 1, last + 1)}
        for i, gold in enumerate(d.labels):
            if i in d.listed:
                for r in reasons.get(i, ()):
                    by_reason[r, gold] += 1
                if not gold:
                    cls = false_positive_class(d.texts[i], reasons.get(i, ()), d.speakers[i] not in checked)
                    fps.setdefault(cls, []).append(f"{d.name} {i + 1} {d.speakers[i]}: {d.texts[i][:110]}")
            elif gold:
                misses.setdefault(miss_class(d, i, i in wrapped), []).append(
                    f"{d.name} {i + 1} {d.speakers[i]}: {d.texts[i][:110]}")
    base = sum(sum(d.labels) for d in debates) / sum(len(d.labels) for d in debates)
    print(f"\nlisted sentences by FL403 reason (a sentence may have several; base rate {base:.4f})")
    print(f"{'reason':16} {'listed':>6} {'gold':>6} {'precision':>9} {'lift':>5}")
    for r in sorted({r for r, _ in by_reason}, key=lambda r: -(by_reason[r, 0] + by_reason[r, 1])):
        listed, tp = by_reason[r, 0] + by_reason[r, 1], by_reason[r, 1]
        print(f"{r:16} {listed:6d} {tp:6d} {tp / listed:9.3f} {tp / listed / base:5.2f}")
    rng = random.Random(seed)
    for title, groups in (("false positives", fps), ("misses", misses)):
        print(f"\n{title}: {sum(map(len, groups.values()))}, by class (first class that fits)")
        for cls, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(items):5d}  {cls}")
        # examples dealt round the classes, largest first, until N are shown
        pools = [(cls, rng.sample(items, len(items)))
                 for cls, items in sorted(groups.items(), key=lambda kv: -len(kv[1]))]
        picked = [(cls, pool[k]) for k in range(n) for cls, pool in pools if k < len(pool)][:n]
        for cls, line in sorted(picked, key=lambda x: [c for c, _ in pools].index(x[0])):
            print(f"    [{cls[:36]}] {line}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of the training debates (*.tsv)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N false positives and N misses, classed")
    ap.add_argument("--per-debate", action="store_true", help="a row per debate")
    ap.add_argument("--folds", type=int, default=0, help="cross-validation folds by debate (0: leave one out)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the random-order baseline and of --errors")
    args = ap.parse_args()
    t0 = time.perf_counter()
    debates = load(args.data)
    if not debates:
        raise SystemExit(f"no *.tsv debates in {args.data}")
    seconds = run_fl403(debates)

    n = sum(len(d.labels) for d in debates)
    pos = sum(sum(d.labels) for d in debates)
    print(f"CheckThat! 2019 Task 1, training: {len(debates)} debates, {n} sentences, "
          f"{pos} check-worthy ({100 * pos / n:.2f}%)")
    rule = evaluate(debates, fl403)
    text = evaluate(debates, text_order)
    rng = random.Random(args.seed)
    shuffles = [evaluate(debates, shuffled(rng)) for _ in range(SHUFFLES)]
    names = ["AP", *(f"P@{k}" for k in KS), "R-Prec"]
    print(f"{'ranking':40} {'MAP':>6} " + " ".join(f"{m:>6}" for m in names[1:]))
    for label, mean in (
        ("factlint FL403: listed first, then rest", rule.mean),
        ("text order", text.mean),
        (f"random order (mean of {SHUFFLES} shuffles)", lambda m: sum(s.mean(m) for s in shuffles) / SHUFFLES),
    ):
        print(f"{label:40} " + " ".join(f"{mean(m):6.4f}" for m in names))
    p, r, f1, share = rule.decision()
    print(f"decision (listed by FL403), pooled: P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  "
          f"listed {rule.tp + rule.fp}/{n} ({100 * share:.1f}%), {rule.tp} of them check-worthy")

    cv = cross_validate(debates, fit_rule, args.folds)
    folds = f"{args.folds} folds" if args.folds > 0 else f"leave one debate out, {len(debates)} folds"
    p, r, _, _ = cv.decision()
    print(f"cross-validation by debate ({folds}), held out: MAP {cv.mean('AP'):.4f}  P@10 {cv.mean('P@10'):.4f}  "
          f"P {p:.3f}  R {r:.3f}")
    print("data's README (factlint 0.1.0): P 0.061, R 0.477, F1 0.109, 20.9% listed; "
          "MAP 0.1467, text order 0.1065, random 0.0653")

    if args.per_debate:
        print(f"\n{'debate':28} {'lines':>5} {'gold':>6} {'listed':>6} {'hits':>4} "
              f"{'AP':>6} {'AP text':>7} {'P@10':>5} {'R-Prec':>6}")
        for d, m, t in zip(debates, rule.per_debate, text.per_debate, strict=True):
            hits = sum(d.labels[i] for i in d.listed)
            print(f"{d.name:28} {len(d.labels):5d} {sum(d.labels):6d} {len(d.listed):6d} {hits:4d} "
                  f"{m['AP']:6.4f} {t['AP']:7.4f} {m['P@10']:5.2f} {m['R-Prec']:6.4f}")
    if args.errors:
        error_report(debates, args.errors, args.seed)
    print(f"\ntime: {time.perf_counter() - t0:.1f} s ({seconds:.1f} s in factlint, "
          f"{n / seconds:.0f} sentences/s)")


if __name__ == "__main__":
    main()
