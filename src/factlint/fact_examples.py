"""`factlint facts test`: run the examples facts carry in `tests: {match: [...], no_match: [...]}`.

- an event's examples test its `mentions`: each `match` sentence must mention the event, no
  `no_match` sentence may;
- a person's examples test the name scan: each `match` sentence must name the person (as written,
  not as a near miss), no `no_match` sentence may;
- a claim's examples test its `contradicts` patterns, the ones that raise FL401: each `match`
  sentence must contradict the claim, no `no_match` sentence may.

A regex that runs past its time limit on an example is a failure of that example that says so
(`timed_out`), never a hang or a traceback.
"""

from __future__ import annotations

from collections.abc import Callable

from .extract.claims import ClaimScanner
from .extract.events import EventScanner, RegexTimeout
from .extract.names import NameIndex
from .facts.model import Claim, Event, Facts, Person
from .prose import Prose
from .records import dataclass


@dataclass(frozen=True)
class Failure:
    line: int
    fact_id: str
    message: str
    timed_out: bool = False  # the fact's regex ran past its time limit on the example: an error of the facts


def run_fact_tests(facts: Facts) -> tuple[int, list[Failure]]:
    """(number of examples run, failures in facts.yaml order)."""
    events = EventScanner(facts)
    names = NameIndex(facts.people)
    claims = ClaimScanner(facts.claims)
    # each check is called as matches(text); its lambda binds the fact as a default argument
    checks: list[tuple[Event | Person | Claim, str, Callable[..., bool]]] = []
    for e in facts.events:
        checks.append((e, "event", lambda text, e=e: any(m.event_id == e.id for m in events.find(Prose.of(text)))))
    for p in facts.people:
        checks.append((p, "person", lambda text, p=p: any(m.person_id == p.id and not m.near_miss for m in names.find(Prose.of(text)))))
    for c in facts.claims:
        checks.append((c, "claim", lambda text, c=c: any(m.claim_id == c.id and m.stance == "contradicts" for m in claims.find(Prose.of(text)))))
    failures, n = [], 0
    for fact, kind, matches in checks:
        if fact.tests is None:
            continue
        t = fact.tests
        for want, texts, lines in ((True, t.match, t.match_lines), (False, t.no_match, t.no_match_lines)):
            for text, line in zip(texts, lines or (t.line,) * len(texts), strict=True):
                n += 1
                try:
                    found = matches(text)
                except RegexTimeout as exc:
                    failures.append(Failure(line, fact.id, f"{kind} {fact.id}: {exc}, on the example {text!r}", timed_out=True))
                    continue
                if found != want:
                    expected = "a match" if want else "no match"
                    failures.append(Failure(line, fact.id, f"{kind} {fact.id}: expected {expected} in {text!r}, found {'none' if want else 'one'}"))
    failures.sort(key=lambda f: f.line)
    return n, failures
