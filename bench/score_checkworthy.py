"""Score factlint's FL403 (unsupported-claim) as a check-worthiness ranker on CLEF-2019 CheckThat! Task 1.

Each debate of the training set is checked as one plain-text article: the sentence text only, one
paragraph per line, an empty facts file (`version: 1`), the debate's date as the reference date
(`20182601_trump_world` swaps day and month in its name), FL403 selected (it is opt-in). A sentence
is listed when an FL403 finding starts on its line.

    python bench/score_checkworthy.py [--data ../shared/data/checkthat2019-train] [--errors N] [--ranked N]
                                      [--per-debate] [--folds K] [--seed S] [--mode text|transcript|both]
                                      [--l2 X] [--max-share X] [--threshold-by share|f1] [--jobs N]
                                      [--word-prior X] [--prior-count N] [--write-weights]

The lab's measures rank every sentence of a debate: average precision (AP; MAP is its mean over
the debates), P@10, P@20 and R-Precision, each per debate and averaged, as the lab's scorer does.
P@k of a debate shorter than k counts the missing ranks as misses (the lab's scorer stops there).
Ties keep text order, as the lab's scorer does with a prediction file written in text order.
factlint's ranking puts the listed sentences first (by a finding's score when findings carry one,
else in text order), then the rest. At the decision (listed or not), pooled over all sentences:
precision, recall, F1 and the share listed. Baselines: text order, random order (100 shuffles).

Each debate is read two ways: as its sentences only (the data README's protocol) and as a
transcript, a speaker label ("HOLT: ") opening each line where the speaker changes.

`cross_validate(debates, fit, folds)` scores held-out debates with a scorer fitted on the others
(`fit(train_debates) -> scorer`): `Fitter` fits the weights of `data/checkworthy.txt`'s features
(a logistic regression in pure Python: cyclic coordinate descent, a Newton step per weight, with
glmnet's active set; L2 penalty `--l2`, each weight held to its evidence's sign; a lexicon of
common words as `checkworthy.tokens` reads them (contractions spelled out), each weight drawn to 0
by `--l2-words`, from the words in at least `--min-count` training sentences; with `--word-prior X`
each word's weight is drawn to X times its log-odds on the training debates (`word_log_odds`,
`--prior-count` sentences at the base rate added to each word's count) instead of to 0; the
context's weight of the best mean AP among a few) and the threshold (the one that lists at most
`--max-share` of the training lines), both on the other debates only. `--write-weights` fits on
every debate (read as transcripts) and writes the bias, threshold and weights into the table with
the command line that produced them. The folds are fitted in `--jobs` processes (the same figures
whatever the number). The measures targeted (issue 19) are printed with the figures, and two
readings of "precision >= 0.15 at recall >= 0.5": each fold's threshold placed at recall 0.5 on its
training debates (what it gives on the held-out one), and the best precision at recall >= 0.5 of a
fit scored on the debates it was fitted on (what the features can separate at best, no held-out).

Measured on the training folds and not kept (leave one debate out, transcripts; the default's best
precision at recall >= 0.5 is 0.112, MAP 0.2518): turn features (a speaker's turn of one sentence,
a turn's first sentence, a turn of 12 sentences or more: 0.107-0.113, MAP 0.242-0.244); the
features of the neighbouring sentences as features of their own ("near-quantity", ...: 0.105-0.112);
sentence length in more bins (0.110-0.112); a monologue feature (the text's main speaker holds at
least 90% of its sentences: 0.109); a larger context weight (0.5-0.8: 0.109-0.100); the
weights refitted with the context's term as an offset (0.110); opinion and promise words not held
against an attributed statement (0.110); a weaker or larger lexicon (--l2-words 50/100,
--min-count 10: 0.110-0.114); the words' log-odds as one feature fitted on log-odds taken from the
other training debates (0.114). `--word-prior 0.15` raises the best precision at recall >= 0.5 to
0.126 and the precision at the threshold to 0.141 (4 and 5 folds: 0.111 -> 0.129, 0.109 -> 0.129)
but lowers MAP to 0.2423 (4 and 5 folds: 0.2509 -> 0.2524, 0.2453 -> 0.2423): it is not the
default. Even fitted and scored on every debate (no held-out) the default fit's best precision at
recall >= 0.5 is 0.132 (with `--word-prior 0.15` 0.208 in-sample, 0.126 held out): no threshold of
these features reaches 0.15 on debates they were not fitted on.

New evidence measured next and not kept (transcripts; each a signal of its own with prior 0.3, or
-0.3 against, fitted with the others; "in" the best precision at recall >= 0.5 fitted and scored on
every debate, "held" leave one debate out). Without the lexicon (--l2-words 0; the default's in
0.127, held 0.105, MAP 0.2504): a percentage (in 0.126, held 0.109, MAP 0.2505); a sum of money
(0.127, 0.109, 0.2483); a scale ("3 million", "a thousand": 0.127, 0.105, weight 0); a count with a
noun ("4,000 jobs": weight 0); a compared figure ("from 8 to 12", "more than 40", "3 times": 0.126,
0.113, 0.2495); an acronym in capitals ("NAFTA": 0.121, 0.111, 0.2514, P@10 0.311); a run of
capitalised words inside the sentence (0.127, 0.108, 0.2497); another speaker of the text named
(their label's surname, or a first name written before it in the text: 0.127, 0.110, 0.2505); a past
form after "he", "she", "they" or "you" ("she voted": 0.128, 0.112, 0.2514); after "I" or "we"
(weight 0); two or more words of the moderator's last question (weight 0); a figure with a measured
word, or with a comparison, change or superlative (weight 0). All of them: in 0.129, held 0.116, MAP
0.2476. With the lexicon (the default's in 0.132, held 0.112, MAP 0.2521; 4 folds 0.111 / 0.2508, 5
folds 0.109 / 0.2449): all of them, in 0.142, held 0.107, MAP 0.2511; the seven with a weight
(percentage, money, compared figure, acronym, capitalised run, another speaker named, past form
after he/she/they/you): in 0.142, held 0.108 (4 folds 0.118, 5 folds 0.115), MAP 0.2511 (4 folds
0.2420, 5 folds 0.2446); a sentence broken off (it ends in a dash or an ellipsis, against, weight
-0.39): in 0.132, held 0.113 (4 folds 0.112, 5 folds 0.118), MAP 0.2521 (4 folds 0.2509, 5 folds
0.2447), within the folds' noise, and its refit moves a page's posting stamp in one seed over the
threshold: not kept; beside the past form after he/she/they/you, the acronym or both, held
0.106-0.112, MAP 0.2458-0.2468. A sentence that shares most of its content words with another
sentence of the same text (a repeated talking point; Jaccard >= 0.35) is checked no more often than
any (2.7%, against 3.1% of the speakers' sentences). Without the lexicon, the scores shifted by each
debate's own (known) log-odds of a check-worthy sentence, a ceiling of any evidence about a whole
text (its length, its kind), reach only 0.147 in-sample (from 0.127); shifted by its length (the log
of its sentences) they fall to 0.115-0.123.

For comparison (the data's README, factlint 0.1.0): P 0.061, R 0.477, F1 0.109, 20.9% listed;
MAP 0.1467 (text order 0.1065, random order 0.0653).
"""

from __future__ import annotations

import argparse
import math
import os
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
from factlint.extract.checkworthy import CheckworthyModel, tokens  # noqa: E402
from factlint.extract.phrases import scan_form  # noqa: E402
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
    """(first line, last line, reasons) of each check-worthy sentence (Analysis.worthy_sentences)."""
    doc = read_article("<debate>", text, fmt="text", reference_date=reference, reference_origin="argument")
    analysis = Linter.of(EMPTY_FACTS).analyse(doc)
    return [
        (doc.position(s.start)[0], doc.position(max(s.start, s.end - 1))[0], s.worthy)
        for s in analysis.worthy_sentences()
    ]


def sentence_features(text: str, reference: date) -> list[Sentence]:
    """Each sentence of the text, in order: (0-based line it starts on, its check-worthiness
    features, its distinct words of letters only as the lexicon reads them (`tokens`: "didn't" is
    did, not), its speaker)."""
    doc = read_article("<debate>", text, fmt="text", reference_date=reference, reference_origin="argument")
    folded = scan_form(text)
    return [(doc.position(s.start)[0] - 1, s.features,
             tuple(sorted({w for w in tokens(folded, s.start, s.end) if w.isalpha()})), s.speaker)
            for s in Linter.of(EMPTY_FACTS).analyse(doc).claim_sentences]


def word_cases(text: str) -> tuple[list[str], list[str]]:
    """The words (`tokens`) of a line written in lower case, and those capitalised after its first word."""
    lower, capital = [], []
    for k, m in enumerate(re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text)):
        raw = m.group()
        for w in tokens(scan_form(raw)):
            if raw.islower():
                lower.append(w)
            elif k and raw[0].isupper():
                capital.append(w)
    return lower, capital


MODEL = CheckworthyModel.load()
TABLE_PATH = ROOT / "src" / "factlint" / "data" / "checkworthy.txt"
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
    sentences: list[Sentence] = field(default_factory=list)  # every sentence, in order
    # a word's occurrences in lower case, and capitalised inside a line (a name's), for the lexicon's words
    lower: Counter = field(default_factory=Counter)
    capital: Counter = field(default_factory=Counter)

    @property
    def article(self) -> str:
        return "\n".join(self.texts)

    @property
    def transcript(self) -> str:
        """The debate as a transcript: a speaker label ("HOLT: ") where the speaker changes."""
        rows = []
        for i, (who, text) in enumerate(zip(self.speakers, self.texts, strict=True)):
            rows.append(text if i and self.speakers[i - 1] == who else f"{who}: {text}")
        return "\n".join(rows)


Sentence = tuple[int, tuple[str, ...], tuple[str, ...], "str | None"]  # line, features, words, speaker
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


def run_fl403(debates: list[Debate], speakers: bool = False) -> float:
    """FL403 on each debate (as a transcript with speaker labels with `speakers`), and each
    line's sentences' features for the fits."""
    t0 = time.perf_counter()
    for d in debates:
        text = d.transcript if speakers else d.article
        d.listed = {line - 1: s for line, s in fl403_lines(text, d.day).items()}
    seconds = time.perf_counter() - t0
    for d in debates:
        d.sentences = sentence_features(d.transcript if speakers else d.article, d.day)
        d.lower, d.capital = Counter(), Counter()
        for t in d.texts:
            lower, capital = word_cases(t)
            d.lower.update(lower)
            d.capital.update(capital)
    return seconds


# --- scorers: a debate -> (listed, score) per sentence ---

def fl403(d: Debate) -> Keys:
    return [(i in d.listed, d.listed.get(i, 0.0)) for i in range(len(d.texts))]


def text_order(d: Debate) -> Keys:
    return [(False, 0.0)] * len(d.texts)


def shuffled(rng: random.Random) -> Scorer:
    return lambda d: [(False, rng.random()) for _ in d.texts]


def fit_rule(train: list[Debate]) -> Scorer:
    """The rule as it is, with the weights of its data table (fitted on all the debates: in-sample)."""
    return fl403


# --- the fit: logistic regression over the table's features, in pure Python ---

def sentence_logits(d: Debate, model: CheckworthyModel) -> list[float | None]:
    """Each sentence's logit under `model`, alone (None: vetoed)."""
    vetoes = model.vetoes
    return [None if vetoes.intersection(feats) else model.logit(feats, words) for _, feats, words, _ in d.sentences]


def line_scores(d: Debate, model: CheckworthyModel, logits: list[float | None] | None = None) -> list[float]:
    """Each line's score under `model`, as FL403 scores the debate's sentences (each in the context of
    its speaker's sentences around it): its best sentence's (a line of no sentence: the bias alone).
    `logits`: the sentences' own (`sentence_logits`), when known."""
    if logits is None:
        logits = sentence_logits(d, model)
    out = [model.score(())] * len(d.texts)
    seen = [False] * len(d.texts)
    for (line, _, _, _), s in zip(d.sentences, model.in_context(logits, [x[3] for x in d.sentences]), strict=True):
        out[line] = max(out[line], s) if seen[line] else s
        seen[line] = True
    return out


def lexicon_words(train: list[Debate], min_count: int) -> set[str]:
    """The words the lexicon may learn: single common words (of letters, two or more), in at least
    `min_count` sentences of the training debates, in lower case at least as often as capitalised
    inside a line (a name is no common word)."""
    df: Counter = Counter(w for d in train for _, _, words, _ in d.sentences for w in words)
    lower = sum((d.lower for d in train), Counter())
    capital = sum((d.capital for d in train), Counter())
    return {w for w, c in df.items() if c >= min_count and len(w) > 1 and lower[w] >= max(1, capital[w])}


def fit_weights(samples: Counter, model: CheckworthyModel, l2: float = 10.0, l2_words: float = 200.0,
                sweeps: int = 60, tol: float = 1e-4, word_prior: dict[str, float] | None = None,
                ) -> tuple[float, dict[str, float], dict[str, float]]:
    """Bias, feature weights and word weights of a logistic regression over binary features, by
    cyclic coordinate descent (a Newton step on one weight at a time, sweeps over the weights that
    still move between sweeps over all of them, until no step exceeds `tol`; `samples`: (features,
    words, label) -> count). An L2 penalty `l2` on each feature weight's distance from its prior
    (the table's hand-set weight), `l2_words` on each word's weight (drawn to 0, or to its
    `word_prior` when given one), none on the bias; each feature weight held to its evidence's
    sign, a word's weight free."""
    word_prior = word_prior or {}
    names = [f.name for f in model.features]
    vocab = sorted({w for (_, words, _) in samples for w in words})
    index = {n: k + 1 for k, n in enumerate(names)}  # 0 is the bias
    index.update({"w:" + w: len(names) + 1 + k for k, w in enumerate(vocab)})
    n = len(index) + 1
    sign = [0] + [1 if f.evidence == "for" else -1 for f in model.features] + [0] * len(vocab)
    prior = [0.0] + [f.prior if f.prior is not None else 0.0 for f in model.features] + [
        word_prior.get(v, 0.0) for v in vocab]
    penalty = [0.0] + [l2] * len(names) + [l2_words] * len(vocab)
    keys: list[list[int]] = []
    count: list[float] = []
    pos: list[float] = []
    for (feats, words, label), c in samples.items():
        keys.append([0, *sorted({index[f] for f in feats if f in index} | {index["w:" + w] for w in words})])
        count.append(c)
        pos.append(c * label)
    rows: list[list[int]] = [[] for _ in range(n)]
    for r, key in enumerate(keys):
        for j in key:
            rows[j].append(r)
    w = prior[:]
    w[0] = math.log(max(1.0, sum(pos)) / sum(count))
    z = [sum(w[j] for j in key) for key in keys]
    exp = math.exp

    def sweep(coordinates) -> tuple[float, list[int]]:
        """One Newton step on each coordinate in turn; the largest step and the coordinates that moved."""
        change, moved = 0.0, []
        for j in coordinates:
            rj = rows[j]
            g, h = penalty[j] * (w[j] - prior[j]), penalty[j]
            for r in rj:
                zr = z[r]
                p = 1.0 / (1.0 + exp(-zr)) if zr > -30 else 0.0
                g += count[r] * p - pos[r]
                h += count[r] * p * (1.0 - p)
            new = w[j] - g / h if h > 1e-12 else w[j]
            if sign[j] and new * sign[j] < 0:
                new = 0.0
            step = new - w[j]
            if step:
                w[j] = new
                for r in rj:
                    z[r] += step
                change = max(change, abs(step))
                if abs(step) > tol:
                    moved.append(j)
        return change, moved

    # glmnet's active set: sweep every coordinate, then only those that moved until they settle,
    # then every coordinate again, until a sweep over all of them moves none by more than `tol`
    everything = [j for j in range(n) if rows[j]]
    for _ in range(sweeps):
        change, active = sweep(everything)
        if change < tol:
            break
        for _ in range(sweeps):
            change, active = sweep(active)
            if change < tol:
                break
    return (w[0], {name: w[index[name]] for name in names},
            {v: w[index["w:" + v]] for v in vocab})


def choose_threshold(debates: list[Debate], model: CheckworthyModel, max_share: float, by: str = "f1") -> float:
    """The threshold of best F1 on `debates` among those that list at most `max_share` of the lines
    (`by="share"`: the lowest of them, which lists the most)."""
    pairs = sorted(((s, g) for d in debates for s, g in zip(line_scores(d, model), d.labels, strict=True)),
                   reverse=True)
    positives = sum(g for _, g in pairs)
    best, best_f1, tp = pairs[0][0], -1.0, 0
    for k, (s, g) in enumerate(pairs, 1):
        tp += g
        if k / len(pairs) > max_share:
            break
        if k < len(pairs) and pairs[k][0] == s:
            continue  # a threshold lists every line of its score
        p, r = tp / k, tp / positives
        f1 = 2 * p * r / (p + r) if by == "f1" and p + r else float(k)
        if f1 > best_f1:
            best, best_f1 = s, f1
    return best


def word_log_odds(train: list[Debate], vocab: set[str], pseudo: float) -> dict[str, float]:
    """Each word of `vocab`: the log-odds of a check-worthy sentence among the training sentences
    that hold it, less the log-odds of the base rate, with `pseudo` sentences at the base rate
    added to each word's count (a rare word's is drawn to 0); sentences vetoed or a moderator's
    are left out (they are decided, or never checked)."""
    held: Counter = Counter()
    worthy: Counter = Counter()
    n = positives = 0
    for d in train:
        for line, feats, words, _ in d.sentences:
            if MODEL.vetoes.intersection(feats) or "moderator" in feats:
                continue
            label = d.labels[line]
            n += 1
            positives += label
            for w in vocab.intersection(words):
                held[w] += 1
                worthy[w] += label
    base = positives / n
    return {w: math.log((worthy[w] + pseudo * base) / (held[w] - worthy[w] + pseudo * (1 - base)))
            - math.log(base / (1 - base)) for w in sorted(held)}


def threshold_at_recall(debates: list[Debate], model: CheckworthyModel, recall: float) -> float:
    """The highest threshold at which `model` lists at least `recall` of the check-worthy lines of
    `debates` (pooled)."""
    pairs = sorted(((s, g) for d in debates for s, g in zip(line_scores(d, model), d.labels, strict=True)),
                   reverse=True)
    positives = sum(g for _, g in pairs)
    tp = 0
    for k, (s, g) in enumerate(pairs, 1):
        tp += g
        if (k == len(pairs) or pairs[k][0] != s) and tp >= recall * positives:
            return s
    return pairs[-1][0]


def samples_of(debates: list[Debate], vocab: set[str]) -> Counter:
    """(features, words of `vocab`, label) -> count over the debates' sentences (a sentence's label:
    its line's)."""
    out: Counter = Counter()
    for d in debates:
        for line, feats, words, _ in d.sentences:
            if not MODEL.vetoes.intersection(feats):  # a vetoed sentence is decided: nothing to fit
                out[tuple(sorted(feats)), tuple(w for w in words if w in vocab), d.labels[line]] += 1
    return out


CONTEXTS = (0.0, 0.1, 0.2, 0.3, 0.4)


@dataclass
class Fitter:
    l2: float = 10.0
    max_share: float = 0.09
    by: str = "share"
    l2_words: float = 200.0
    min_count: int = 20
    word_prior: float = 0.0  # each word's weight is drawn to this times its `word_log_odds` (0: to 0)
    prior_count: float = 10.0  # the pseudo-count of `word_log_odds`
    full: bool = False
    contexts: tuple[float, ...] = CONTEXTS
    fitted: list[CheckworthyModel] = field(default_factory=list)

    def model(self, train: list[Debate]) -> CheckworthyModel:
        """The weights, the lexicon, the context's weight (of the best mean AP on `train`) and the
        threshold, all fitted on `train` only."""
        vocab = lexicon_words(train, self.min_count) if self.l2_words > 0 else set()
        prior = ({w: self.word_prior * x for w, x in word_log_odds(train, vocab, self.prior_count).items()}
                 if self.word_prior and vocab else None)
        bias, weights, lexicon = fit_weights(samples_of(train, vocab), MODEL, self.l2, self.l2_words,
                                             word_prior=prior)
        lexicon = {w: round(x, 3) for w, x in lexicon.items() if abs(round(x, 3)) >= 0.005}
        model = MODEL.with_weights(bias, weights, lexicon=lexicon)
        logits = [sentence_logits(d, model) for d in train]  # the context leaves them as they are
        best = max(self.contexts, key=lambda a: (mean_ap(train, MODEL.with_weights(bias, weights, lexicon=lexicon,
                                                                                   context=a), logits), -a))
        model = MODEL.with_weights(bias, weights, lexicon=lexicon, context=best)
        return MODEL.with_weights(bias, weights, choose_threshold(train, model, self.max_share, self.by),
                                  lexicon, best)

    def __call__(self, train: list[Debate]) -> Scorer:
        return self.adopt(self.model(train))

    def adopt(self, model: CheckworthyModel) -> Scorer:
        """The scorer of a fold's `model`, kept in `fitted`."""
        self.fitted.append(model)
        return self.scorer(model)

    def scorer(self, model: CheckworthyModel, full: bool | None = None) -> Scorer:
        every = self.full if full is None else full

        def scorer(d: Debate) -> Keys:
            # as FL403 ranks: the listed lines by score, then the rest in text order (`full`: all by score)
            return [(s >= model.threshold, s if every or s >= model.threshold else 0.0)
                    for s in line_scores(d, model)]

        return scorer


def mean_ap(debates: list[Debate], model: CheckworthyModel, logits: list | None = None) -> float:
    return sum(measures(d.labels, [(False, s) for s in line_scores(d, model, logits[k] if logits else None)])["AP"]
               for k, d in enumerate(debates)) / len(debates)


def full_ranking(d: Debate) -> Keys:
    """Every line ranked by the shipped model's score (listed: at its threshold)."""
    return [(s >= MODEL.threshold, s) for s in line_scores(d, MODEL)]


def precision_at_recall(debates: list[Debate], keys: list[Keys], recall: float) -> tuple[float, float]:
    """The best precision (pooled over the debates' lines, ranked by score) at a recall of at least
    `recall`, and the share of lines listed there."""
    pairs = sorted(((k[1], g) for d, ks in zip(debates, keys, strict=True) for k, g in zip(ks, d.labels, strict=True)),
                   key=lambda x: -x[0])
    positives = sum(g for _, g in pairs)
    tp, best, share = 0, 0.0, 1.0
    for k, (s, g) in enumerate(pairs, 1):
        tp += g
        if k < len(pairs) and pairs[k][0] == s:
            continue
        if tp / positives >= recall and tp / k > best:
            best, share = tp / k, k / len(pairs)
    return best, share


def write_weights(model: CheckworthyModel, command: str, note: str) -> None:
    """Write the fitted bias, threshold, context and weights into the data table, its [lexicon] block
    (the table's last) anew, and the command that fitted them."""
    text = TABLE_PATH.read_text(encoding="utf-8")
    text = re.sub(r"^# fitted: .*$", lambda m: f"# fitted: {command} ({note})", text, count=1, flags=re.M)
    values: dict[tuple[str | None, str], float] = {("model", "bias"): model.bias, ("model", "threshold"): model.threshold,
              ("model", "context"): model.context, **{(f.name, "weight"): f.weight for f in model.features}}
    out, block = [], None
    for line in text.splitlines():
        if line.startswith("[") and line.endswith("]"):
            block = line[1:-1]
            if block == "lexicon":
                break
        key = line.split(":", 1)[0]
        if (block, key) in values:
            line = f"{key}: {round(values[block, key], 3) + 0.0:g}"
        out.append(line)
    out.append("[lexicon]")
    items = [f"{w} {x + 0.0:g}" for w, x in sorted(model.lexicon.items(), key=lambda kv: (-kv[1], kv[0]))]
    out.extend("words: " + ", ".join(items[k : k + 10]) for k in range(0, len(items), 10))
    TABLE_PATH.write_text("\n".join(out) + "\n", encoding="utf-8")


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


_FOLDS: tuple = ()  # (fitter, debates, folds) for the worker processes of `cross_validate`


def _fit_fold(f: int) -> tuple:
    fitter, debates, k = _FOLDS
    m = fitter.model([d for i, d in enumerate(debates) if i % k != f])
    return m.bias, dict(m.weights), m.threshold, dict(m.lexicon), m.context


def cross_validate(debates: list[Debate], fit: Fit, folds: int = 0, jobs: int = 1) -> Result:
    """Held-out measures: the debates dealt into `folds` folds in name order (0: leave one debate
    out); each fold is scored by what `fit` learned from the other folds. A `Fitter` fits the folds
    in `jobs` processes (the same models, in the same order, whatever `jobs`)."""
    global _FOLDS
    k = len(debates) if folds <= 0 else min(folds, len(debates))
    if jobs > 1 and isinstance(fit, Fitter):
        import multiprocessing

        _FOLDS = (fit, debates, k)
        try:
            with multiprocessing.get_context("fork").Pool(min(jobs, k)) as pool:
                params = pool.map(_fit_fold, range(k), chunksize=1)
        finally:
            _FOLDS = ()
        scorers = [fit.adopt(MODEL.with_weights(b, w, t, lex, c)) for b, w, t, lex, c in params]
    else:
        scorers = [fit([d for i, d in enumerate(debates) if i % k != f]) for f in range(k)]
    res = Result()
    for f in range(k):
        for d in debates[f::k]:
            res.add(d, scorers[f](d))
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


TARGETS = "targets (cross-validated): MAP >= 0.25, P@10 >= 0.3, precision >= 0.15 at recall >= 0.5, <= 10% listed"
NAMES = ["AP", *(f"P@{k}" for k in KS), "R-Prec"]


def table_row(label: str, res: Result, extra: str = "") -> str:
    return f"{label:46} " + " ".join(f"{res.mean(m):6.4f}" for m in NAMES) + extra


def decision_line(res: Result, n: int) -> str:
    p, r, f1, share = res.decision()
    return (f"P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  listed {res.tp + res.fp}/{n} ({100 * share:.1f}%), "
            f"{res.tp} of them check-worthy")


def make_fitter(args) -> Fitter:
    return Fitter(args.l2, args.max_share, args.threshold_by, args.l2_words, args.min_count,
                  args.word_prior, args.prior_count,
                  contexts=CONTEXTS if args.context is None else (args.context,))


def report(debates: list[Debate], args, mode: str, base: float) -> tuple[Result, Fitter]:
    """The measures of FL403 on the debates as read in `mode`, in-sample and cross-validated."""
    n = sum(len(d.labels) for d in debates)
    print(f"\n== {mode} ==")
    print(f"{'ranking':46} {'MAP':>6} " + " ".join(f"{m:>6}" for m in NAMES[1:]))
    rule = evaluate(debates, fl403)
    print(table_row("FL403 as shipped: listed by score, then rest", rule))
    print(table_row("the shipped model's score, every line", evaluate(debates, full_ranking)))
    folds = f"{args.folds} folds" if args.folds > 0 else f"leave one debate out, {len(debates)} folds"
    fitter = make_fitter(args)
    cv = cross_validate(debates, fitter, args.folds, args.jobs)
    k = len(fitter.fitted)  # fold f was fitted f-th and holds debates f, f + k, ...
    full = Result()
    for f, model in enumerate(fitter.fitted):
        for d in debates[f::k]:
            full.add(d, fitter.scorer(model, full=True)(d))
    print(table_row("cross-validated: listed by score, then rest", cv))
    print(table_row("cross-validated: every line by score", full))
    print(f"decision, in-sample (threshold {MODEL.threshold:.3f}), pooled: {decision_line(rule, n)}")
    print(f"decision, cross-validated (each fold's threshold), pooled: {decision_line(cv, n)}")
    contexts = Counter(m.context for m in fitter.fitted)
    sizes = sorted(len(m.lexicon) for m in fitter.fitted)
    print(f"folds' fits: context {', '.join(f'{a:g} x{c}' for a, c in sorted(contexts.items()))}; "
          f"lexicon of {sizes[0]}..{sizes[-1]} words")
    held = [[(False, s) for s in line_scores(d, fitter.fitted[i % k])] for i, d in enumerate(debates)]
    best, share = precision_at_recall(debates, held, 0.5)
    p, _, _, _ = cv.decision()
    print(f"cross-validated ({folds}): best precision at recall >= 0.5: {best:.3f} ({100 * share:.1f}% listed); "
          f"precision at the threshold {p:.3f} = {p / base:.1f}x the base rate {base:.4f}")
    # the reading of the target: a default threshold placed (on the training folds) at recall 0.5
    at_recall = Result()
    for f, model in enumerate(fitter.fitted):
        t = threshold_at_recall([d for i, d in enumerate(debates) if i % k != f], model, 0.5)
        for d in debates[f::k]:
            at_recall.add(d, [(s >= t, s) for s in line_scores(d, model)])
    print(f"cross-validated, each fold's threshold placed at recall 0.5 on its training debates: "
          f"{decision_line(at_recall, n)}")
    whole = fitter.model(debates)
    best_in, share_in = precision_at_recall(debates, [[(False, s) for s in line_scores(d, whole)] for d in debates], 0.5)
    print(f"in-sample (fitted and scored on every debate, no held-out): best precision at recall >= 0.5: "
          f"{best_in:.3f} ({100 * share_in:.1f}% listed)")
    if args.ranked:
        ranked_errors(debates, held, args.ranked)
    return cv, fitter


def ranked_errors(debates: list[Debate], held: list[Keys], n: int) -> None:
    """The `n` lines not check-worthy that score highest and the `n` check-worthy ones that score
    lowest, by the cross-validated score (each debate's by the fold that did not see it), with the
    features of their sentences."""
    rows = []
    for d, keys in zip(debates, held, strict=True):
        feats: dict[int, set[str]] = {}
        for line, fs, _, _ in d.sentences:
            feats.setdefault(line, set()).update(fs)
        rows += [(s, g, d, i, ",".join(sorted(feats.get(i, ())))) for i, ((_, s), g) in enumerate(zip(keys, d.labels))]
    rows.sort(key=lambda r: -r[0])
    for title, picked in (("highest-scored lines not check-worthy", [r for r in rows if not r[1]][:n]),
                          ("lowest-scored check-worthy lines", [r for r in rows if r[1]][-n:])):
        print(f"\n{title} (cross-validated score, debate, line, speaker: text [features])")
        for s, _, d, i, fs in picked:
            print(f"  {s:.3f} {d.name} {i + 1} {d.speakers[i]}: {d.texts[i][:100]} [{fs}]")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of the training debates (*.tsv)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N false positives and N misses, classed")
    ap.add_argument("--ranked", type=int, default=0, metavar="N",
                    help="print the N highest-scored lines not check-worthy and the N lowest-scored check-worthy "
                         "ones, cross-validated")
    ap.add_argument("--per-debate", action="store_true", help="a row per debate")
    ap.add_argument("--folds", type=int, default=0, help="cross-validation folds by debate (0: leave one out)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the random-order baseline and of --errors")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="processes that fit the cross-validation's folds (default: one per core; same figures)")
    ap.add_argument("--l2", type=float, default=10.0, help="L2 penalty of the fit (on the summed log loss)")
    ap.add_argument("--l2-words", type=float, default=200.0,
                    help="L2 penalty of the lexicon's word weights (0: no lexicon)")
    ap.add_argument("--min-count", type=int, default=20,
                    help="a word the lexicon may learn is in at least this many training sentences")
    ap.add_argument("--word-prior", type=float, default=0.0, metavar="X",
                    help="draw each lexicon word's weight to X times its log-odds on the training debates "
                         "(word_log_odds), not to 0 (default 0: to 0)")
    ap.add_argument("--prior-count", type=float, default=10.0,
                    help="the pseudo-count of the words' log-odds for --word-prior (a rare word's is drawn to 0)")
    ap.add_argument("--context", type=float, default=None,
                    help="the weight of the best neighbouring sentence's logit (default: fitted, one of "
                         + ", ".join(f"{a:g}" for a in CONTEXTS) + ")")
    ap.add_argument("--max-share", type=float, default=0.09,
                    help="the threshold is the one of best F1 that lists at most this share of the lines")
    ap.add_argument("--threshold-by", choices=("f1", "share"), default="share",
                    help="the threshold of best F1 within --max-share, or the one that lists --max-share")
    ap.add_argument("--mode", choices=("transcript", "text", "both"), default="both",
                    help="read each debate as a transcript with speaker labels, as its sentences only, or both")
    ap.add_argument("--write-weights", action="store_true",
                    help="fit on every debate (read as a transcript) and write the weights into checkworthy.txt")
    args = ap.parse_args()
    t0 = time.perf_counter()
    debates = load(args.data)
    if not debates:
        raise SystemExit(f"no *.tsv debates in {args.data}")

    n = sum(len(d.labels) for d in debates)
    pos = sum(sum(d.labels) for d in debates)
    base = pos / n
    print(f"CheckThat! 2019 Task 1, training: {len(debates)} debates, {n} sentences, "
          f"{pos} check-worthy ({100 * base:.2f}%)")
    if args.write_weights:
        run_fl403(debates, speakers=True)
        model = make_fitter(args).model(debates)
        command = "python bench/score_checkworthy.py --write-weights" + (
            f" --l2 {args.l2:g}" if args.l2 != 10.0 else "") + (
            f" --l2-words {args.l2_words:g}" if args.l2_words != 200.0 else "") + (
            f" --min-count {args.min_count}" if args.min_count != 20 else "") + (
            f" --word-prior {args.word_prior:g}" if args.word_prior else "") + (
            f" --prior-count {args.prior_count:g}" if args.word_prior and args.prior_count != 10.0 else "") + (
            f" --context {args.context:g}" if args.context is not None else "") + (
            f" --max-share {args.max_share:g}" if args.max_share != 0.09 else "") + (
            f" --threshold-by {args.threshold_by}" if args.threshold_by != "share" else "")
        write_weights(model, command, f"{len(debates)} training debates read as transcripts, {n} sentences, "
                                      f"{pos} check-worthy")
        print(f"wrote {TABLE_PATH.relative_to(ROOT)}: bias {model.bias:.3f}, threshold {model.threshold:.3f}")
        for f in model.features:
            print(f"  {f.name:16} {f.weight:7.3f}")
        return

    text = evaluate(debates, text_order)
    rng = random.Random(args.seed)
    shuffles = [evaluate(debates, shuffled(rng)) for _ in range(SHUFFLES)]
    print(f"{'baseline':46} {'MAP':>6} " + " ".join(f"{m:>6}" for m in NAMES[1:]))
    print(table_row("text order", text))
    print(f"{f'random order (mean of {SHUFFLES} shuffles)':46} "
          + " ".join(f"{sum(s.mean(m) for s in shuffles) / SHUFFLES:6.4f}" for m in NAMES))
    print("data's README (factlint 0.1.0): P 0.061, R 0.477, F1 0.109, 20.9% listed; "
          "MAP 0.1467, text order 0.1065, random 0.0653")
    print("before this change (2dd4e1d): MAP 0.1510, P@10 0.1579, P 0.063, R 0.470, 20.1% listed")
    print("round 2 (968485f), transcript, cross-validated: MAP 0.2371 (every line 0.2445), P@10 0.300, "
          "P 0.131 / R 0.436 at 9.0% listed, best precision at recall >= 0.5: 0.107")
    print("round 3 (94fbe70), transcript, cross-validated: MAP 0.2324 (every line 0.2426), P@10 0.274, "
          "P 0.132 / R 0.436 at 8.8% listed, best precision at recall >= 0.5: 0.107")
    print("round 4 (word classes: plan, specifics, rhetoric, conversational; --l2-words 200), transcript, "
          "cross-validated: MAP 0.2518 (every line 0.2682), P@10 0.300, P 0.133 / R 0.443 at 8.9% listed, "
          "best precision at recall >= 0.5: 0.112")
    print("round 5 (--word-prior 0.15, not the default), transcript, cross-validated: MAP 0.2423 (every line "
          "0.2597), P@10 0.321, P 0.141 / R 0.448 at 8.5% listed, best precision at recall >= 0.5: 0.126")
    print(TARGETS)

    seconds = 0.0
    modes = ["text", "transcript"] if args.mode == "both" else [args.mode]
    for mode in modes:
        seconds += run_fl403(debates, speakers=mode == "transcript")
        label = ("transcript: a speaker label where the speaker changes" if mode == "transcript"
                 else "text: the sentences only, one a line (the README's protocol)")
        rule_cv, fitter = report(debates, args, label, base)
        if args.per_debate:
            rule = evaluate(debates, fl403)
            print(f"\n{'debate':28} {'lines':>5} {'gold':>6} {'listed':>6} {'hits':>4} "
                  f"{'AP':>6} {'AP text':>7} {'AP cv':>6} {'P@10':>5} {'R-Prec':>6}")
            for d, m, t, c in zip(debates, rule.per_debate, text.per_debate, rule_cv.per_debate, strict=True):
                hits = sum(d.labels[i] for i in d.listed)
                print(f"{d.name:28} {len(d.labels):5d} {sum(d.labels):6d} {len(d.listed):6d} {hits:4d} "
                      f"{m['AP']:6.4f} {t['AP']:7.4f} {c['AP']:6.4f} {m['P@10']:5.2f} {m['R-Prec']:6.4f}")
        if args.errors:
            error_report(debates, args.errors, args.seed)
    print(f"\ntime: {time.perf_counter() - t0:.1f} s ({seconds:.1f} s in factlint FL403, "
          f"{len(modes) * n / seconds:.0f} sentences/s)")


if __name__ == "__main__":
    main()
