"""The compiled facts: every index the extractors look facts up in, built once per facts file.

`CompiledFacts.build(facts)` turns the facts model into tries, scanners and lookup tables. The
result is a value: nothing in it changes while articles are linted (what a run remembers lives in
its `Memo`), so it can be shared by worker processes and stored by `--cache-dir` as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .extract.claims import ClaimScanner, figures_of
from .extract.events import EventScanner
from .extract.names import NameIndex
from .extract.attribution import SpeakerIndex
from .facts.model import Claim, Event, Facts
from .normalize.quotes import QuoteIndex, words

# A figure claim's wordings split around their number: (words before, words after) pairs, and
# the unit's head noun.
Templates = tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]

_FUNCTION_WORDS = frozenset("a an the of to in on at by for from with and or its their his her our is was were".split())
_HEDGE_WORDS = frozenset("at least most more than about nearly almost over up to some around".split())


@dataclass(frozen=True, eq=False)
class CompiledFacts:
    """A facts file's indexes (see the module). `display` is how reports name the facts file."""

    facts: Facts | None
    display: str
    regex_timeout: float
    events: EventScanner | None = field(repr=False)
    events_by_id: dict[str, Event] = field(repr=False)
    speakers: SpeakerIndex = field(repr=False)
    quotes: QuoteIndex = field(repr=False)
    names: NameIndex = field(repr=False)
    claims: ClaimScanner = field(repr=False)
    claims_by_id: dict[str, Claim] = field(repr=False)
    figure_claims: tuple[tuple[Claim, Templates, str], ...] = field(repr=False)

    @classmethod
    def build(cls, facts: Facts | None, *, display: str | None = None, regex_timeout: float = 1.0) -> "CompiledFacts":
        claims = facts.claims if facts else ()
        return cls(
            facts=facts,
            display=display or (facts.path if facts else "facts.yaml"),
            regex_timeout=regex_timeout,
            events=EventScanner(facts, regex_timeout) if facts else None,
            events_by_id={e.id: e for e in facts.events} if facts else {},
            speakers=SpeakerIndex.build(facts),
            quotes=QuoteIndex(facts.quotes if facts else ()),
            names=NameIndex(facts.people if facts else ()),
            claims=ClaimScanner(claims, regex_timeout),
            claims_by_id={c.id: c for c in claims},
            figure_claims=tuple((c, *claim_templates(c)) for c in claims if c.figure is not None),
        )


def claim_templates(claim: Claim) -> tuple[Templates, str]:
    """A figure claim's wordings split around the number that states the claim's value: (the two
    words before it, hedges left out; the unit and the word after it), kept only where they are
    enough to know the wording by anywhere in an article; and the unit's head noun."""
    assert claim.figure is not None
    unit_words = words(claim.figure.unit)
    templates = []
    for p in claim.supports:
        if p.is_regex:
            continue
        # the slot is the number that states the claim's value, not any number of the wording
        # ("two of the Trent 900 engines": "two"; "the lowest level in five years at 8,579.19": 8,579.19)
        figures = figures_of(p.text)
        slot = next((f for f in figures if same_value(f.value, claim.figure.value)), None)
        if slot is None:
            continue
        if any(f is not slot and f.end <= slot.start and len(words(p.text[f.end : slot.start])) <= 3 for f in figures):
            continue  # one amount given in two units: "1.13 trillion rubles (US$ 44.6 billion)"
        prefix = words(p.text[: slot.start])
        while prefix and prefix[-1] in _HEDGE_WORDS:
            prefix = prefix[:-1]
        after = words(slot.following)
        suffix = tuple(after[: len(unit_words)])
        prefix = prefix[-2:]
        if suffix != tuple(unit_words) or len(prefix) + len(suffix) < 3 or all(w in _FUNCTION_WORDS for w in prefix):
            continue  # too little to know the wording by anywhere: "a 79.9% stake", "down 2.62%"
        # and the word after the unit, when the wording has one: "1.75% lower" is not "5.06% higher"
        templates.append((tuple(prefix), tuple(after[: len(unit_words) + 1])))
    return tuple(templates), (unit_words[-1] if unit_words else "")


def same_value(a: float, b: float) -> bool:
    """Two figures are the same number (16.6 billion read as 16600000000.000002 is 16600000000)."""
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


__all__ = ["CompiledFacts", "claim_templates"]
