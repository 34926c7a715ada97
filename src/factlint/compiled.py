"""The compiled facts: every index the extractors look facts up in, built once per facts file.

`CompiledFacts.build(facts)` turns the facts model into tries, scanners and lookup tables. The
result is a value: nothing in it changes while articles are linted (what a run remembers lives in
its `Memo`), so it can be shared by worker processes and stored by `--cache-dir` as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .extract.claims import ClaimScanner
from .extract.events import EventScanner
from .extract.names import NameIndex
from .extract.attribution import SpeakerIndex
from .facts.model import Claim, Event, Facts
from .normalize.quotes import QuoteIndex, words

# A figure claim's wordings split around their number: (words before, words after) pairs, and
# the unit's head noun.
Templates = tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]

_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())
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
    """A figure claim's wordings split around their number, (words before, words after), with the
    hedge left out of the words before; and the unit's head noun."""
    assert claim.figure is not None
    unit_words = words(claim.figure.unit)
    templates = []
    for p in claim.supports:
        if p.is_regex:
            continue
        ws = words(p.text)
        at = next((i for i, w in enumerate(ws) if w.isdigit() or w in _NUMBER_WORDS), None)
        if at is None:
            continue
        prefix = ws[:at]
        while prefix and prefix[-1] in _HEDGE_WORDS:
            prefix = prefix[:-1]
        templates.append((tuple(prefix[-2:]), tuple(ws[at + 1 : at + 1 + len(unit_words)])))
    return tuple(templates), (unit_words[-1] if unit_words else "")


__all__ = ["CompiledFacts", "claim_templates"]
