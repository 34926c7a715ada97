"""Check-worthiness: a score for each sentence from features declared as data.

`CheckworthyModel.load()` reads `data/checkworthy.txt` once: each feature's evidence (for or
against), weight, words or signal, and meaning, with the model's bias and threshold. A sentence's
score is `1 / (1 + exp(-(bias + the weights of its features)))`, strictly between 0 and 1; a
feature against a sentence has a weight <= 0, so it never raises the score.

`score_sentences` reads every sentence of a text once: the words features through one phrase
matcher over the text's scan, the signals from what the extractors already found (figures,
dates, quotes, speech cues, titled people) and from the text's paragraphs (speaker labels,
live-blog timestamps). Speaker labels ("TRUMP:", "MODERATOR:" at the start of a paragraph) are
read as such: the label is no word of the sentence, a paragraph without one continues the last
speaker's turn, and a moderator's sentences (a label of `[moderator-labels]`, or a speaker whose
sentences are questions often enough) carry the `moderator` feature.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

from ..vocab import blocks
from .phrases import PhraseMatcher, Scan, fold

TABLE = "checkworthy.txt"
EVIDENCE = ("for", "against")
# the signals the code computes; a `signal` feature of the table must be one of them
SIGNALS = frozenset(
    "beside-figure figure year figure-word amount attribution quote date titled-person proper-name long question short "
    "moderator moderator-question stage-direction timestamp".split()
)
SHORT_WORDS, LONG_WORDS = 5, 15  # a sentence of at most / at least this many words


@dataclass(frozen=True)
class Feature:
    name: str
    evidence: str  # for | against
    kind: str  # words | signal
    weight: float
    meaning: str
    words: tuple[str, ...] = ()
    prior: float | None = None  # the hand-set weight a fit is drawn towards


@dataclass(frozen=True)
class CheckworthyModel:
    """The features and weights of `checkworthy.txt` (see its header), with the phrase matcher of
    its words features built once."""

    bias: float
    threshold: float
    features: tuple[Feature, ...]
    moderator_labels: frozenset[str]
    not_speakers: frozenset[str]
    moment_words: frozenset[str]
    moderator_question_share: float = 0.12
    moderator_min_questions: int = 2
    vetoes: frozenset[str] = frozenset()  # signals that make the score 0 (a moderator's question)
    # learned words (folded) and their weights, for or against; a sentence adds those of its distinct words
    lexicon: Mapping[str, float] = field(default_factory=dict, hash=False)
    # a sentence's logit gains `context` times the best logit of the sentences of the same speaker
    # within `context_window` of it (its own when it has none)
    context: float = 0.0
    context_window: int = 2
    # the phrases of the words features: those of several words through one matcher, and the one-word
    # ones as a word -> feature names table (a sentence's words are intersected with it)
    matcher: PhraseMatcher = field(default=None, compare=False, repr=False)  # type: ignore[assignment]
    single: Mapping[str, tuple[str, ...]] = field(default=None, compare=False, repr=False)  # type: ignore[arg-type]

    def __post_init__(self) -> None:
        for f in self.features:
            if f.evidence not in EVIDENCE:
                raise ValueError(f"{TABLE}: [{f.name}]: evidence must be for or against, found {f.evidence!r}")
            if (f.weight < 0) if f.evidence == "for" else (f.weight > 0):
                raise ValueError(f"{TABLE}: [{f.name}]: a weight of evidence {f.evidence} cannot be {f.weight}")
            if f.kind == "signal" and f.name not in SIGNALS:
                raise ValueError(f"{TABLE}: [{f.name}]: no such signal; expected one of {', '.join(sorted(SIGNALS))}")
            if f.kind not in ("words", "signal") or (f.kind == "words") != bool(f.words):
                raise ValueError(f"{TABLE}: [{f.name}]: a words feature has words, a signal none")
        if not 0.0 <= self.context < 1.0 or self.context_window < 0:
            raise ValueError(f"{TABLE}: context must lie in [0, 1) and context-window be >= 0")
        if not self.vetoes <= SIGNALS:
            raise ValueError(f"{TABLE}: veto: no such signal: {', '.join(sorted(self.vetoes - SIGNALS))}")
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(f"{TABLE}: threshold must lie between 0 and 1, found {self.threshold}")
        if self.matcher is None or self.single is None:
            phrases, single = [], {}
            for f in self.features:
                for w in f.words if f.kind == "words" else ():
                    ws = Scan.of(w).words
                    if len(ws) == 1:
                        single.setdefault(ws[0], []).append(f.name)
                    else:
                        phrases.append((w, f.name))
            object.__setattr__(self, "matcher", PhraseMatcher(phrases))
            object.__setattr__(self, "single", MappingProxyType({w: tuple(dict.fromkeys(ns)) for w, ns in single.items()}))
        object.__setattr__(self, "_single_words", frozenset(self.single) | frozenset(self.lexicon))
        object.__setattr__(self, "_against", frozenset(f.name for f in self.features if f.evidence == "against"))
        object.__setattr__(self, "_order", {f.name: k for k, f in enumerate(self.features)})
        object.__setattr__(self, "_weight", {f.name: f.weight for f in self.features})

    @property
    def weights(self) -> Mapping[str, float]:
        return MappingProxyType({f.name: f.weight for f in self.features})

    def with_weights(self, bias: float, weights: Mapping[str, float], threshold: float | None = None,
                     lexicon: Mapping[str, float] | None = None, context: float | None = None) -> "CheckworthyModel":
        """The same features with other weights (a fit's), lexicon and context; the matcher is shared."""
        features = tuple(
            Feature(f.name, f.evidence, f.kind, float(weights.get(f.name, f.weight)), f.meaning, f.words, f.prior)
            for f in self.features
        )
        return CheckworthyModel(
            bias, self.threshold if threshold is None else threshold, features, self.moderator_labels,
            self.not_speakers, self.moment_words, self.moderator_question_share, self.moderator_min_questions,
            self.vetoes, MappingProxyType(dict(self.lexicon if lexicon is None else lexicon)),
            self.context if context is None else context, self.context_window, self.matcher, self.single,
        )

    def lexical(self, words: Iterable[str]) -> float:
        """The sum of the lexicon's weights of the distinct `words` (folded), in sorted order."""
        lex = self.lexicon
        return sum(lex[w] for w in sorted(set(words).intersection(lex)))

    def in_context(self, logits: Sequence[float | None], speakers: Sequence[object]) -> list[float]:
        """The scores of a text's sentences, in order, from their logits (None: vetoed, score 0) and
        speakers: each logit gains `context` times the best logit of the sentences of the same
        speaker within `context_window` (not vetoed; the sentence's own when there is none)."""
        a, k, n = self.context, self.context_window, len(logits)
        out = []
        for i, z in enumerate(logits):
            if z is None:
                out.append(0.0)
                continue
            if a:
                near = [y for j in range(max(0, i - k), min(n, i + k + 1))
                        if j != i and (y := logits[j]) is not None and speakers[j] == speakers[i]]
                z += a * (max(near) if near else z)
            out.append(_sigmoid(z))
        return out

    def logit(self, present: Iterable[str]) -> float:
        """The bias and the weights of the features present, added in the table's order (the same
        features give the same sum, to the last bit, whatever order they come in)."""
        order, weight = self._order, self._weight  # type: ignore[attr-defined]
        return self.bias + sum(weight[n] for n in sorted({n for n in present if n in order}, key=order.__getitem__))

    def score(self, present: Iterable[str], words: Iterable[str] = ()) -> float:
        """The score of a sentence alone (no context) with the features `present` (names; unknown
        ones weigh nothing) and the folded `words`: 0 when one of them is a veto."""
        present = set(present)
        if present & self.vetoes:
            return 0.0
        return _sigmoid(self.logit(present) + self.lexical(words))

    @classmethod
    @cache
    def load(cls) -> "CheckworthyModel":
        """The model of the package's `checkworthy.txt`, read once."""
        return cls.parse(blocks(TABLE))

    @classmethod
    def parse(cls, table: Sequence[tuple[str, Sequence[tuple[str, str]]]]) -> "CheckworthyModel":
        settings: dict[str, str] = {}
        lists: dict[str, frozenset[str]] = {}
        lexicon: dict[str, float] = {}
        features = []
        for name, pairs in table:
            values: dict[str, str] = {}
            words: list[str] = []
            for key, value in pairs:
                if key == "words":
                    words.extend(w.strip() for w in value.split(",") if w.strip())
                elif key in values:
                    raise ValueError(f"{TABLE}: [{name}]: {key} given twice")
                else:
                    values[key] = value
            if name == "model":
                settings = values
            elif name in ("moderator-labels", "not-speakers", "moment-words"):
                lists[name] = frozenset(fold(w) for w in words)
            elif name == "lexicon":
                for item in words:
                    w, _, weight = item.rpartition(" ")
                    if not w or w != fold(w) or " " in w or w in lexicon:
                        raise ValueError(f"{TABLE}: [lexicon]: expected 'word weight' of one folded word, found {item!r}")
                    lexicon[w] = float(weight)
            else:
                missing = {"evidence", "kind", "weight", "meaning"} - values.keys()
                if missing:
                    raise ValueError(f"{TABLE}: [{name}]: missing {', '.join(sorted(missing))}")
                prior = float(values["prior"]) if "prior" in values else None
                features.append(Feature(name, values["evidence"], values["kind"], float(values["weight"]),
                                        values["meaning"], tuple(words), prior))
        return cls(
            float(settings["bias"]), float(settings["threshold"]), tuple(features),
            lists.get("moderator-labels", frozenset()), lists.get("not-speakers", frozenset()),
            lists.get("moment-words", frozenset()),
            float(settings.get("moderator-question-share", 0.12)), int(settings.get("moderator-min-questions", 2)),
            frozenset(v.strip() for v in settings.get("veto", "").split(",") if v.strip()),
            MappingProxyType(lexicon), float(settings.get("context", 0.0)), int(settings.get("context-window", 2)),
        )


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


@dataclass(frozen=True)
class SpeakerLabel:
    """A speaker label opening a paragraph: "TRUMP: ..." (`start`, `end`: the label and the colon
    and spaces after it)."""

    start: int
    end: int
    speaker: str


@dataclass(frozen=True)
class SentenceCoverage:
    """A sentence (after its speaker label), the features for its check-worthiness it has
    (`worthy`; `features` holds those against it too, in the table's order), its check-worthiness
    score, whether a curated fact covers it, and its speaker (None when the text has no speaker
    labels)."""

    start: int
    end: int
    worthy: tuple[str, ...]
    covered: bool
    score: float = 0.0
    features: tuple[str, ...] = ()
    speaker: str | None = None


# A label: capital letters (and spaces, periods, apostrophes, hyphens, a parenthesis) before a colon
# at the start of a paragraph, or a role word in any case ("Moderator:", "Q:").
_LABEL = re.compile(
    r"[ \t]*(?P<name>[A-Z][A-Z.'’ \-]{0,38}[A-Z.]|[A-Z]|(?i:moderator|question|questioner|audience))"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*:[ \t]+(?=\S)"
)
# A live blog's entry stamp: a clock time opening a paragraph ("10:32 a.m.", "14.05 GMT -").
_TIMESTAMP = re.compile(
    r"[ \t]*(?:\[)?\d{1,2}[:.]\d{2}(?:[ \t]*(?:[ap]\.?[ \t]?m\.?|AM|PM|ET|EDT|EST|CT|CDT|PT|PDT|GMT|BST|UTC|CET|CEST))?"
    r"(?:\])?(?=[ \t]*[:|\-–—]|[ \t]+[A-Z\"“])"
)
# A capitalised word inside a sentence: after a lower-case word, a figure or a comma.
_PROPER = re.compile(r"(?<=[a-z0-9,;%)] )[A-Z][a-z]+")
_DIGIT = re.compile(r"\d")
_FIGURES = frozenset({"figure", "amount"})
_CLOSERS = "\"'”’»)] \t"
_STAGE = re.compile(r"\W*[(\[][^()\[\]]*[)\]][\W]*")


def speaker_labels(text: str, paragraphs: Sequence[tuple[int, int]], model: CheckworthyModel) -> tuple[SpeakerLabel, ...]:
    """The speaker labels that open paragraphs ("TRUMP: ..."), read at the start of each paragraph
    that has a colon within its first 60 characters."""
    out = []
    colon = text.find(":")
    if colon < 0:
        return ()
    starts = [p for p, _ in paragraphs]
    seen = -1
    while colon >= 0:
        k = bisect_right(starts, colon) - 1
        start, end = paragraphs[k] if k >= 0 else (0, 0)
        colon = text.find(":", max(colon + 1, end))  # the next paragraph's colon
        if k <= seen or start >= end or not (text[start].isupper() or text[start] in " \t"):
            continue
        seen = k
        m = _LABEL.match(text, start, end)
        if m is None:
            continue
        name = " ".join(m.group("name").split()).rstrip(".")
        if fold(name) in model.not_speakers or not name:
            continue
        out.append(SpeakerLabel(start, m.end(), name.upper()))
    return tuple(out)


def score_sentences(
    text: str,
    sentences: Sequence[tuple[int, int]],
    paragraphs: Sequence[tuple[int, int]],
    scan,
    *,
    figures: Iterable = (),
    dates: Iterable = (),
    quotes: Iterable[int] = (),
    cues: Iterable[tuple[int, int]] = (),
    titled: Iterable[int] = (),
    covers: Iterable[int] = (),
    model: CheckworthyModel | None = None,
) -> list[SentenceCoverage]:
    """The score of each sentence of `text` (`sentences`: every sentence's
    (start, end), in order; `paragraphs` likewise; `scan` the text's `phrases.Scan`), from the
    figures (`claims.Figure`), dates (`normalize.dates.Resolved`), quote starts, speech cues and
    titled names' starts found in it; a sentence holding one of the offsets `covers` is covered.
    Pure: the same text and findings give the same scores."""
    model = model or CheckworthyModel.load()
    labels = speaker_labels(text, paragraphs, model)
    # a sentence that begins with a label begins after it
    label_at = {lab.start: lab for lab in labels}
    spans = []
    for s, e in sentences:
        lab = label_at.get(s)
        if lab is not None:
            s = min(lab.end, e)
        spans.append((s, e))
    starts = [s for s, _ in spans]
    found: list[set[str]] = [set() for _ in spans]

    def at(offset: int) -> int:
        """The sentence holding `offset`, or -1."""
        i = bisect_right(starts, offset) - 1
        return i if i >= 0 and offset < spans[i][1] else -1

    def add(offset: int, name: str) -> None:
        i = at(offset)
        if i >= 0:
            found[i].add(name)

    stamps = [(p, m.end()) for p, e in paragraphs if p < e and text[p] in " \t[0123456789"
              and (m := _TIMESTAMP.match(text, p, e)) is not None]
    for _, stamp_end in stamps:
        add(stamp_end - 1, "timestamp")
    stamp_ends = {p: e for p, e in stamps}

    for hit in model.matcher.find(scan):
        i = at(hit.start)
        if i >= 0:
            found[i].update(hit.payloads)
    for f in figures:
        i = at(f.start)
        if i < 0:
            continue
        span = text[f.start : f.end]
        if len(span) == 4 and span.isdigit() and span[:2] in ("19", "20") and f.unit is None:
            found[i].add("year")
        elif _DIGIT.search(span):
            found[i].add("figure")
        elif f.value != 1 or f.unit is not None:
            found[i].add("figure-word")
        if f.unit is not None or f.value >= 1e6:
            found[i].add("amount")
    stamp_starts = sorted(stamp_ends)
    for r in dates:
        if r.timex_type not in ("DATE", "TIME") or r.value.endswith("_REF"):
            continue
        if " ".join(text[r.expr.start : r.expr.end].lower().split()) in model.moment_words:
            continue  # "tonight", "today": the moment of speaking, no claim's date
        k = bisect_right(stamp_starts, r.expr.start) - 1
        if k >= 0 and r.expr.start < stamp_ends[stamp_starts[k]]:
            continue  # a live blog's stamp
        add(r.expr.start, "date")
    for q in quotes:
        add(q, "quote")
    for c, _ in cues:
        add(c, "attribution")
    for t in titled:
        add(t, "titled-person")
    covered = set()
    for o in covers:
        i = at(o)
        if i >= 0:
            covered.add(i)

    # the words, questions, stage directions and speakers of each sentence
    word_starts, words = scan.starts, scan.words
    single = model.single
    one_word = model._single_words  # type: ignore[attr-defined]
    label_starts = [lab.start for lab in labels]
    speakers: list[str | None] = [None] * len(spans)
    questions: dict[str, int] = {}
    said: dict[str, int] = {}
    lexicon = model.lexicon
    lexical = [0.0] * len(spans)
    proper = _PROPER.search
    i1 = 0
    for i, (s, e) in enumerate(spans):
        here = found[i]
        i0 = bisect_left(word_starts, s, i1)
        i1 = bisect_left(word_starts, e, i0)
        n = i1 - i0
        ws = one_word.intersection(words[i0:i1])
        if ws:
            learned = []
            for w in ws:
                if w in single:
                    here.update(single[w])
                if w in lexicon:
                    learned.append(w)
            if learned:
                # in sorted order, as `model.lexical` adds them
                lexical[i] = sum(lexicon[w] for w in sorted(learned))
        if proper(text, s, e):
            here.add("proper-name")
        if n <= SHORT_WORDS:
            here.add("short")
        elif n >= LONG_WORDS:
            here.add("long")
        question = text[e - 1] == "?" or (text[e - 1] in _CLOSERS and text[s:e].rstrip(_CLOSERS)[-1:] == "?")
        if question:
            here.add("question")
        if text[s : s + 1] in ("(", "[") and _STAGE.fullmatch(text, s, e):
            here.add("stage-direction")
        if labels:
            k = bisect_right(label_starts, s) - 1
            who = labels[k].speaker if k >= 0 else None
            speakers[i] = who
            if who is not None:
                said[who] = said.get(who, 0) + 1
                questions[who] = questions.get(who, 0) + question
    moderators = {
        who for who, n in said.items()
        if fold(who) in model.moderator_labels
        or (questions[who] >= model.moderator_min_questions and questions[who] >= model.moderator_question_share * n)
    }
    has_figure = [bool(found[i] & _FIGURES) for i in range(len(spans))]
    for i in range(len(spans)):
        if (i and has_figure[i - 1] and speakers[i - 1] == speakers[i]) or (
            i + 1 < len(spans) and has_figure[i + 1] and speakers[i + 1] == speakers[i]
        ):
            found[i].add("beside-figure")
    order, weight, vetoes, bias = model._order, model._weight, model.vetoes, model.bias  # type: ignore[attr-defined]
    against = model._against  # type: ignore[attr-defined]
    logits: list[float | None] = []
    kept: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for i in range(len(spans)):
        here = found[i]
        if moderators and speakers[i] in moderators:
            here.add("moderator")
            if "question" in here:
                here.add("moderator-question")
        vetoed = tuple(sorted(here & vetoes)) if vetoes else ()
        names = tuple(sorted(here.difference(vetoed), key=order.__getitem__))
        # as `model.score` adds them: the weights in the table's order, then the lexicon's
        logits.append(None if vetoed else bias + sum(weight[n] for n in names) + lexical[i])
        kept.append((names, vetoed))
    scores = model.in_context(logits, speakers)
    out = []
    for i, (names, vetoed) in enumerate(kept):
        s, e = spans[i]
        worthy = names if against.isdisjoint(names) else tuple(n for n in names if n not in against)
        out.append(SentenceCoverage(s, e, worthy, i in covered, scores[i], names + vetoed, speakers[i]))
    return out


__all__ = ["CheckworthyModel", "Feature", "SentenceCoverage", "SpeakerLabel", "score_sentences", "speaker_labels"]
