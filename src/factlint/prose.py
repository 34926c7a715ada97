"""One document's text view, computed once and read by every extractor.

`Prose.of(text)` holds what several extractors need of the same text, so none of them computes it
again or keeps a slower way of its own:

- `scan`: the folded text, its words with their offsets and its vocabulary (`phrases.Scan`);
- `sentences`: the sentence around any offset (`sentences.SentenceIndex`, split on first use);
- `paragraphs`: the (start, end) of each line of the text;
- `cues`: every speech verb and "according to" ("said", "told", "according to"), in order, and
  `says`, the same without "according to".

The speech verbs are vocabulary, listed once here (`SAY_VERBS`) for the quote finder, the
attribution rules and claim coverage alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress

from .extract.phrases import Scan
from .extract.sentences import SentenceIndex

SAY_VERBS = (
    "said says say told tells added adds stated states noted notes wrote writes asked asks explained"
    " explains continued continues declared declares announced announces warned warns insisted insists"
    " argued argues claimed claims remarked remarks replied replies responded responds urged urges"
    " called calls described describes denounced denounces accused accuses stressed stresses"
    " emphasised emphasized emphasises emphasizes concluded concludes admitted admits"
)
SAY_WORDS = frozenset(SAY_VERBS.split())

Span = tuple[int, int]


@dataclass(frozen=True, eq=False)
class Prose:
    """A text and its view: folded words, sentences, paragraphs, speech cues (see the module)."""

    text: str
    scan: Scan = field(repr=False)
    sentences: SentenceIndex = field(repr=False)
    cues: tuple[Span, ...] = field(repr=False)

    @classmethod
    def of(cls, text: str) -> "Prose":
        if not isinstance(text, str):
            raise TypeError(f"Prose.of expects the text as a str, got {type(text).__name__}")
        scan = Scan.of(text)
        return cls(text, scan, SentenceIndex(text), tuple(speech_words(scan, text=text)))

    @cached_property
    def says(self) -> tuple[Span, ...]:
        """The speech verbs alone, without "according to"."""
        folded = self.scan.folded
        return tuple(c for c in self.cues if not folded.startswith("according", c[0]))

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """(start, end) of each line, the end at its line break (or the end of the text)."""
        text = self.text
        out = []
        start = 0
        while True:
            nl = text.find("\n", start)
            if nl == -1:
                out.append((start, len(text)))
                return tuple(out)
            out.append((start, nl))
            start = nl + 1


def speech_words(scan: Scan, according: bool = True, text: str | None = None) -> list[Span]:
    """(start, end) of each speech verb (and, with `according`, each "according to") as whole words
    of a text's `Scan`, in order: the same places a case-blind `\\b(?:said|...)\\b` search of the
    folded text finds, read off the words the scan already has instead of trying a pattern at every
    character. With `text` (the scan's own text), "according to" must be separated by white space in
    it, as `according\\s+to` reads the text itself (the folded text has dashes as spaces)."""
    words, starts, ends, between, folded = scan.words, scan.starts, scan.ends, scan.between, scan.folded
    n = len(words)
    wanted = scan.vocab & SAY_WORDS
    if according and "according" in scan.vocab:
        wanted = wanted | {"according"}
    out = []
    for k in compress(range(n), map(wanted.__contains__, words)):
        last = k
        if words[k] == "according":  # only "according to", with nothing but spaces between
            if k + 1 >= n or words[k + 1] != "to" or not between[k + 1] or between[k + 1].strip(" "):
                continue
            if text is not None and not text[ends[k] : starts[k + 1]].isspace():
                continue
            last = k + 1
        # a word of the scan ends where letters and digits do; "_" would join it to its neighbour
        if (starts[k] and folded[starts[k] - 1] == "_") or folded[ends[last] : ends[last] + 1] == "_":
            continue
        out.append((starts[k], ends[last]))
    return out


__all__ = ["SAY_VERBS", "SAY_WORDS", "Prose", "speech_words"]
