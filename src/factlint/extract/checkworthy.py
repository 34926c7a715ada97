"""Check-worthiness: a score for each sentence from features declared as data.

`CheckworthyModel.load()` reads `data/checkworthy.txt` once: each feature's evidence (for or
against), weight, words or signal, and meaning, with the model's bias and threshold. A sentence's
score is `1 / (1 + exp(-(bias + the weights of its features)))`, strictly between 0 and 1; a
feature against a sentence has a weight <= 0, so it never raises the score.

`score_sentences` reads every sentence of a text once: the phrases of the words features through
one phrase matcher over the text's scan, the one-word features and the learned lexicon through one
dictionary look-up per distinct word of the sentence (its `tokens`: the scan's words, each
contraction read as its words, "didn't" as did, not), the signals from what the extractors already found (figures,
dates, quotes, speech cues, titled people) and from the text's paragraphs (speaker labels,
live-blog timestamps). Speaker labels ("TRUMP:", "MODERATOR:" at the start of a paragraph) are
read as such: the label is no word of the sentence, a paragraph without one continues the last
speaker's turn, and a moderator's sentences (a label of `[moderator-labels]`, or a speaker whose
sentences are questions often enough) carry the `moderator` feature.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import field
from functools import cache
from types import MappingProxyType

from ..patterns import lazy_re
from ..records import dataclass
from ..vocab import blocks
from .phrases import PhraseMatcher, fold

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
    # the role words that, last before a name, make it a titled person's ("the minister, Ann Lee")
    title_words: frozenset[str] = frozenset()
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
                    ts = tokens(fold(w))
                    if len(ts) == 1 and "'" not in w.strip("'"):  # one word, or a clitic alone ("'ll")
                        single.setdefault(ts[0], []).append(f.name)
                    else:
                        phrases.append((w, f.name))
            object.__setattr__(self, "matcher", PhraseMatcher(phrases))
            object.__setattr__(self, "single", MappingProxyType({w: tuple(dict.fromkeys(ns)) for w, ns in single.items()}))
        # the features, vetoes and weights of each set of features met so far (a run meets a few hundred)
        object.__setattr__(self, "_combos", {})  # frozenset of features -> `_combo`
        object.__setattr__(self, "_against", frozenset(f.name for f in self.features if f.evidence == "against"))
        object.__setattr__(self, "_order", {f.name: k for k, f in enumerate(self.features)})
        object.__setattr__(self, "_weight", {f.name: f.weight for f in self.features})
        # the one-word features and the lexicon in one table, word -> (feature names, learned weight
        # or None): a sentence's words are looked up once for both
        table: dict[str, tuple[tuple[str, ...], float | None]] = {w: (ns, None) for w, ns in self.single.items()}
        for w, x in self.lexicon.items():
            table[w] = (table.get(w, ((), None))[0], x)
        object.__setattr__(self, "_words", table)

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
            self.not_speakers, self.moment_words, self.title_words, self.moderator_question_share, self.moderator_min_questions,
            self.vetoes, MappingProxyType(dict(self.lexicon if lexicon is None else lexicon)),
            self.context if context is None else context, self.context_window, self.matcher, self.single,
        )

    def _combo(self, present: frozenset[str]) -> tuple:
        """For the features `present` of a sentence: those kept, in the table's order; those of them
        for it; the vetoes among them; all of them (kept, then vetoes); and the logit of those kept
        (`features_logit`)."""
        order, against = self._order, self._against  # type: ignore[attr-defined]
        vetoed = tuple(sorted(present & self.vetoes))
        names = tuple(sorted((n for n in present if n not in self.vetoes and n in order), key=order.__getitem__))
        return names, tuple(n for n in names if n not in against), vetoed, names + vetoed, self.features_logit(names)

    def features_logit(self, present: Iterable[str]) -> float:
        """The bias and the weights of the distinct features `present` (unknown names weigh nothing),
        added exactly (`math.fsum`: the order of the terms says nothing)."""
        weight = self._weight  # type: ignore[attr-defined]
        return math.fsum((self.bias, *(weight[n] for n in set(present) if n in weight)))

    def lexical(self, words: Iterable[str]) -> float:
        """The sum of the lexicon's weights of the distinct `words` (a sentence's `tokens`)."""
        lex = self.lexicon
        return math.fsum(map(lex.__getitem__, lex.keys() & set(words)))

    def in_context(self, logits: Sequence[float | None], speakers: Sequence[object]) -> list[float]:
        """The scores of a text's sentences, in order, from their logits (None: vetoed, score 0) and
        speakers: each logit gains `context` times the best logit of the sentences of the same
        speaker within `context_window` (not vetoed; the sentence's own when there is none)."""
        a, k, n = self.context, self.context_window, len(logits)
        if not a:
            return [0.0 if z is None else _sigmoid(z) for z in logits]
        low = -math.inf
        vals = [low if z is None else z for z in logits]
        who = list(speakers)
        one = len(set(who)) <= 1
        best = [low] * n
        for d in range(1, min(k, n - 1) + 1):  # the neighbours d sentences before and after, list by list
            pad = [low] * d
            before, after = pad + vals[: n - d], vals[d:] + pad
            if not one:  # a neighbour of another speaker counts for nothing
                before = [y if u == v else low for y, u, v in zip(before, [None] * d + who[: n - d], who)]
                after = [y if u == v else low for y, u, v in zip(after, who[d:] + [None] * d, who)]
            best = list(map(max, best, before, after))
        return [0.0 if z is None else _sigmoid(z + a * (b if b > low else z)) for z, b in zip(logits, best)]

    def logit(self, present: Iterable[str], words: Iterable[str] = ()) -> float:
        """The logit of a sentence alone: `features_logit` of the features `present` plus `lexical`
        of its `words` (its `tokens`), each sum exact: the same features and words give the same
        logit, to the last bit, whatever order they come in."""
        return self.features_logit(present) + self.lexical(words)

    def score(self, present: Iterable[str], words: Iterable[str] = ()) -> float:
        """The score of a sentence alone (no context) with the features `present` and the
        `words` (its `tokens`): 0 when one of the features is a veto."""
        present = set(present)
        if present & self.vetoes:
            return 0.0
        return _sigmoid(self.logit(present, words))

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
            elif name in ("moderator-labels", "not-speakers", "moment-words", "title-words"):
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
            lists.get("moment-words", frozenset()), lists.get("title-words", frozenset()),
            float(settings.get("moderator-question-share", 0.12)), int(settings.get("moderator-min-questions", 2)),
            frozenset(v.strip() for v in settings.get("veto", "").split(",") if v.strip()),
            MappingProxyType(lexicon), float(settings.get("context", 0.0)), int(settings.get("context-window", 2)),
        )


# A word as the lexicon and the one-word features read it, in a folded text (`phrases.scan_form`:
# lower case, one apostrophe): a word of the scan (letters and digits), with the clitic of a
# contraction joined to it ("didn't", "we'll", "i'm"), or a clitic alone ("'ll"); `tokens` reads
# each contraction as its words. A possessive or "is" ("russia's") stays as the scan reads it
# (russia, s), and so does any other apostrophe ("o'brien": o, brien).
_TOKEN = lazy_re(r"[^\W_]+(?:'(?:t|ll|ve|re|m|d)\b)?|'(?:ll|ve|re|m|d)\b")
_CLITIC = lazy_re(r"'(?:t|ll|ve|re|m|d)\b")
_WORD = lazy_re(r"[^\W_]+")  # a word of the scan (`phrases.Scan`)
# clitics and the words they stand for
_CLITICS = MappingProxyType({"ll": "will", "ve": "have", "re": "are", "m": "am", "d": "would"})
# the stems of "n't" that are not the verb itself: won't, can't, shan't, ain't
_NEGATED = MappingProxyType({"wo": "will", "ca": "can", "sha": "shall", "ai": "is"})


@cache
def contraction(token: str) -> tuple[str, ...]:
    """The words of a contraction: "didn't" -> did, not; "won't" -> will, not; "we'll" -> we,
    will; "'ve" -> have; anything else stays itself."""
    stem, _, clitic = token.rpartition("'")
    if clitic == "t" and len(stem) > 1 and stem.endswith("n"):
        return (_NEGATED.get(stem[:-1], stem[:-1]), "not")
    if clitic in _CLITICS:
        return (stem, _CLITICS[clitic]) if stem else (_CLITICS[clitic],)
    return (token,)


def tokens(folded: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
    """The words of `folded[start:end]` (a text in `phrases.scan_form`), in order: the scan's words
    (`phrases.Scan`), each contraction read as its words ("we've" -> we, have; "didn't" -> did,
    not), so no fragment such as "ve" or "didn" is ever a word."""
    stop = len(folded) if end is None else end
    if _CLITIC.search(folded, start, stop) is None:
        return tuple(_WORD.findall(folded, start, stop))
    return tuple(w for t in _TOKEN.findall(folded, start, stop) for w in (contraction(t) if "'" in t else (t,)))


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
# at the start of a paragraph, or a role word in any case ("Moderator:", "Q:"); the name may be followed
# by a party or state in parentheses, and after it by roles in capitals after commas ("HILLARY CLINTON
# (D-NY), FORMER SECRETARY OF STATE, PRESIDENTIAL CANDIDATE:"), which are no part of the speaker's name
# (a dateline such as "WASHINGTON, D.C.:" has no parenthesis: no label).
_LABEL = lazy_re(
    r"[ \t]*(?P<name>[A-Z][A-Z.'’ \-]{0,38}[A-Z.]|[A-Z]|(?i:moderator|question|questioner|audience))"
    r"(?:[ \t]*\([^()\n]{1,40}\)(?:,[ \t]*[A-Z][A-Z.'’ \-]{0,38}[A-Z.]){0,3})?[ \t]*:[ \t]+(?=\S)"
)
# A live blog's entry stamp: a clock time opening a paragraph ("10:32 a.m.", "14.05 GMT -").
_TIMESTAMP = lazy_re(
    r"[ \t]*(?:\[)?\d{1,2}[:.]\d{2}(?:[ \t]*(?:[ap]\.?[ \t]?m\.?|AM|PM|ET|EDT|EST|CT|CDT|PT|PDT|GMT|BST|UTC|CET|CEST))?"
    r"(?:\])?(?=[ \t]*[:|\-–—]|[ \t]+[A-Z\"“])"
)
# A capitalised word inside a sentence: after a lower-case word, a figure or a comma.
_PROPER = lazy_re(r"(?<=[a-z0-9,;%)] )[A-Z][a-z]+")
_DIGIT = lazy_re(r"\d")
_FIGURES = frozenset({"figure", "amount"})
_CLOSERS = "\"'”’»)] \t"
_STAGE = lazy_re(r"\W*[(\[][^()\[\]]*[)\]][\W]*")


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
    ends = [e for _, e in spans]
    found: list[set[str]] = [set() for _ in spans]
    # The sentence holding an offset o is i = bisect_right(starts, o) - 1 when i >= 0 and o < ends[i]
    # (else none). It is written out in each loop below, not called as a function: an article asks
    # it for some eighty offsets, and the call would cost more than the look-up.

    stamps = [(p, m.end()) for p, e in paragraphs if p < e and text[p] in " \t[0123456789"
              and (m := _TIMESTAMP.match(text, p, e)) is not None]
    for _, stamp_end in stamps:
        i = bisect_right(starts, stamp_end - 1) - 1
        if i >= 0 and stamp_end - 1 < ends[i]:
            found[i].add("timestamp")
    stamp_ends = {p: e for p, e in stamps}

    for hit in model.matcher.find(scan):
        o = hit.start
        i = bisect_right(starts, o) - 1
        if i >= 0 and o < ends[i]:
            found[i].update(hit.payloads)
    for f in figures:
        o = f.start
        i = bisect_right(starts, o) - 1
        if i < 0 or o >= ends[i]:
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
        o = r.expr.start
        k = bisect_right(stamp_starts, o) - 1
        if k >= 0 and o < stamp_ends[stamp_starts[k]]:
            continue  # a live blog's stamp
        i = bisect_right(starts, o) - 1
        if i >= 0 and o < ends[i]:
            found[i].add("date")
    for name, offsets in (("quote", quotes), ("attribution", [c for c, _ in cues]), ("titled-person", titled)):
        for o in offsets:
            i = bisect_right(starts, o) - 1
            if i >= 0 and o < ends[i]:
                found[i].add(name)
    covered = {i for o in covers if (i := bisect_right(starts, o) - 1) >= 0 and o < ends[i]}

    # the words, questions, stage directions and speakers of each sentence
    word_starts, words, folded = scan.starts, scan.words, scan.folded
    table = model._words  # type: ignore[attr-defined]
    label_starts = [lab.start for lab in labels]
    speakers: list[str | None] = [None] * len(spans)
    questions: dict[str, int] = {}
    said: dict[str, int] = {}
    lexical = [0.0] * len(spans)
    proper = _PROPER.search
    fsum = math.fsum
    i1 = 0
    # where a contraction's clitic is ("n't", "'ll", "'ve", ...): a sentence without one has the
    # scan's words for its `tokens`
    clitics = [m.start() for m in _CLITIC.finditer(folded)] if "'" in folded else []
    for i, (s, e) in enumerate(spans):
        here = found[i]
        i0 = bisect_left(word_starts, s, i1)
        i1 = bisect_left(word_starts, e, i0)
        k = bisect_left(clitics, s) if clitics else 0
        ws = tokens(folded, s, e) if k < len(clitics) and clitics[k] < e else words[i0:i1]
        n = len(ws)
        learned = []
        for w in table.keys() & ws:  # each distinct word once
            names, weight = table[w]
            if names:
                here.update(names)
            if weight is not None:
                learned.append(weight)
        if learned:
            lexical[i] = fsum(learned)  # as `model.lexical` adds them (exact: their order says nothing)
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
    figured = [i for i, here in enumerate(found) if not _FIGURES.isdisjoint(here)]
    for i in figured:
        for j in (i - 1, i + 1):  # a figure's neighbours by the same speaker
            if 0 <= j < len(spans) and speakers[j] == speakers[i]:
                found[j].add("beside-figure")
    logits: list[float | None] = []
    kept = []
    combos = model._combos  # type: ignore[attr-defined]
    for i, here in enumerate(found):
        if moderators and speakers[i] in moderators:
            here.add("moderator")
            if "question" in here:
                here.add("moderator-question")
        key = frozenset(here)
        combo = combos.get(key)
        if combo is None:
            combo = combos[key] = model._combo(key)
        # as `model.logit` adds them: the features' sum (exact) and the words' sum (exact)
        logits.append(None if combo[2] else combo[4] + lexical[i])
        kept.append(combo)
    scores = model.in_context(logits, speakers)
    return [SentenceCoverage(s, e, combo[1], i in covered, scores[i], combo[3], speakers[i])
            for i, ((s, e), combo) in enumerate(zip(spans, kept))]


__all__ = ["CheckworthyModel", "Feature", "SentenceCoverage", "SpeakerLabel", "contraction", "score_sentences",
           "speaker_labels", "tokens"]
