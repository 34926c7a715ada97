"""One document's text view, computed once and read by every extractor.

`Prose.of(text)` holds what several extractors need of the same text, so none of them computes it
again or keeps a slower way of its own:

- `scan`: the folded text, its words with their offsets and its vocabulary (`phrases.Scan`);
- `sentences`: the sentence around any offset (`sentences.SentenceIndex`, split on first use);
- `paragraphs`: the (start, end) of each paragraph: each line of plain text, each block of lines
  between blank lines (or Markdown block starts: headings, list items, block quotes) of a format
  that wraps its lines (`Prose.of(text, wrapped=True)`, for Markdown; the HTML reader already
  keeps one paragraph a line);
- `cues`: every speech cue ("said", "told", "according to"), in order, and `says`, the same
  without "according to"; `verbs`: every speech verb, the rarer ones too ("tweeted", "quipped"),
  that attribution reads.

The speech verbs are vocabulary, kept in the data table `speech_verbs.txt` (`vocab.speech_verbs`)
for the quote finder, the attribution rules and claim coverage alike.
"""

from __future__ import annotations

from dataclasses import field
from functools import cached_property


from .extract.phrases import Scan
from .extract.sentences import SentenceIndex
from .records import dataclass
from .vocab import speech_verbs
from .patterns import lazy_re

SAY_WORDS = speech_verbs().cues  # the verbs that mark a sentence as reporting speech
SAY_VERBS = " ".join(sorted(SAY_WORDS))
ALL_SPEECH_WORDS = speech_verbs().forms  # and every verb that attributes a quote
# a line that starts a Markdown block of its own, even without a blank line before it
_BLOCK_START = lazy_re(r"[ \t]{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|\|)")

Span = tuple[int, int]
# the words `speech_words` looks around: "according" (only "according to"), "states" and "state"
# (no verb after "United")
_CHECKED_WORDS = frozenset(("according", "states", "state"))


@dataclass(frozen=True, eq=False)
class Prose:
    """A text and its view: folded words, sentences, paragraphs, speech cues (see the module)."""

    text: str
    scan: Scan = field(repr=False)
    sentences: SentenceIndex = field(repr=False)
    cues: tuple[Span, ...] = field(repr=False)
    wrapped: bool = False  # paragraphs are blocks of lines (Markdown), not single lines

    @classmethod
    def of(cls, text: str, *, wrapped: bool = False) -> "Prose":
        if not isinstance(text, str):
            raise TypeError(f"Prose.of expects the text as a str, got {type(text).__name__}")
        scan = Scan.of(text)
        verbs = speech_words(scan, text=text, vocabulary=ALL_SPEECH_WORDS)  # one pass for cues and verbs
        folded = scan.folded
        cues = tuple(v for v in verbs if folded[v[0] : v[1]] in SAY_WORDS or folded.startswith("according", v[0]))
        prose = cls(text, scan, SentenceIndex(text), cues, wrapped)
        prose.__dict__["verbs"] = tuple(v for v in verbs if not folded.startswith("according", v[0]))
        return prose

    @cached_property
    def says(self) -> tuple[Span, ...]:
        """The speech verbs alone, without "according to"."""
        folded = self.scan.folded
        return tuple(c for c in self.cues if not folded.startswith("according", c[0]))

    @cached_property
    def verbs(self) -> tuple[Span, ...]:
        """Every speech verb of the text (`vocab.speech_verbs().forms`), in order (`Prose.of` finds
        them with the cues, in one pass)."""
        return tuple(speech_words(self.scan, according=False, text=self.text, vocabulary=ALL_SPEECH_WORDS))

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """(start, end) of each paragraph, the end at its line break (or the end of the text): a
        line, or with `wrapped` a block of lines (blank lines stay paragraphs of their own)."""
        text = self.text
        lines = []
        start = 0
        while True:
            nl = text.find("\n", start)
            if nl == -1:
                lines.append((start, len(text)))
                break
            lines.append((start, nl))
            start = nl + 1
        if not self.wrapped:
            return tuple(lines)
        out: list[Span] = []
        for s, e in lines:
            blank = not text[s:e].strip()
            if out and not blank and not _BLOCK_START.match(text, s) and text[out[-1][0] : out[-1][1]].strip():
                out[-1] = (out[-1][0], e)  # a wrapped line of the same block
            else:
                out.append((s, e))
        return tuple(out)


def speech_words(
    scan: Scan, according: bool = True, text: str | None = None, vocabulary: frozenset[str] = SAY_WORDS
) -> list[Span]:
    """(start, end) of each speech verb (and, with `according`, each "according to") as whole words
    of a text's `Scan`, in order: the same places a case-blind `\\b(?:said|...)\\b` search of the
    folded text finds, read off the words the scan already has instead of trying a pattern at every
    character. With `text` (the scan's own text), "according to" must be separated by white space in
    it, as `according\\s+to` reads the text itself (the folded text has dashes as spaces)."""
    words, starts, ends, between, folded = scan.words, scan.starts, scan.ends, scan.between, scan.folded
    n = len(words)
    wanted = scan.vocab & vocabulary
    if according and "according" in scan.vocab:
        wanted = wanted | {"according"}
    out = []
    underscore = "_" in folded  # (one search of the text spares two tests a verb)
    for k in scan.where(wanted) if wanted else ():  # (the scan's index of its words: no pass over every word)
        last = k
        word = words[k]
        if word in _CHECKED_WORDS:
            if word == "according":  # only "according to", with nothing but spaces between
                if k + 1 >= n or words[k + 1] != "to" or not between[k + 1] or between[k + 1].strip(" "):
                    continue
                if text is not None and not text[ends[k] : starts[k + 1]].isspace():
                    continue
                last = k + 1
            elif k and words[k - 1] == "united":
                continue  # "the United States" names a country; "states" is no verb there
        # a word of the scan ends where letters and digits do; "_" would join it to its neighbour
        if underscore and ((starts[k] and folded[starts[k] - 1] == "_") or folded[ends[last] : ends[last] + 1] == "_"):
            continue
        out.append((starts[k], ends[last]))
    return out


__all__ = ["ALL_SPEECH_WORDS", "SAY_VERBS", "SAY_WORDS", "Prose", "speech_words"]
