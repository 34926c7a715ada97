"""FL3xx: names and titles."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import FactRef, Fix, Severity, Span
from .base import Diagnostic, Example, Rule


class MisspelledName(Rule):
    code = "FL301"
    name = "misspelled-name"
    severity = Severity.ERROR
    summary = "A near miss of a curated name that is no known name of anyone."
    what_it_does = """
Finds every curated name and alias in one pass, then looks at the other capitalized words: one
within a small edit distance of a curated name word (scaled by length: a surname of six or seven
letters may be one edit off, longer ones two; beside another word of the same name, one edit
suffices) is a misspelling, unless it is a known name of anyone or one of the person's `not:` names
(Kim Yo-jong is never a misspelling of Kim Jong-un). The curated spelling is offered as a safe fix.
"""
    why_it_matters = """
A misspelled name is the error readers notice first, and transliterated names (Shoygu, Shoigu) drift
between drafts. Curating the accepted spellings once ends the drift.
"""
    example = """
facts.yaml:  shoigu: name: Sergei Shoigu, aliases: [Shoigu]
article:     Russian Defense Minister Sergei Shoygu visited Pyongyang.
finding:     FL301 'Shoygu' is not a curated spelling of Sergei Shoigu (facts.yaml:3); write 'Shoigu'
"""
    use_instead = "Russian Defense Minister Sergei Shoigu visited Pyongyang."
    flags = (
        Example("Russian Defense Minister Sergei Shoygu visited Pyongyang."),
        Example("The ambassador, Linda Thomas-Greenfeld, spoke next."),
        Example("White House spokesman John Kirbi said so."),
    )
    passes = (
        Example("Russian Defense Minister Sergei Shoigu visited Pyongyang."),
        Example("Kim Yo-jong and Kim Jong-un were both named."),
        Example("The Kirk Douglas film and the Shogun series."),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        for m in analysis.names:
            if not m.near_miss:
                continue
            person = analysis.facts.person(m.person_id)
            found = analysis.document.text[m.start : m.end]
            ref = FactRef(person.id, "person", analysis.facts_display, person.line)
            yield Diagnostic(
                Span(m.start, m.end),
                f"{found!r} is not a curated spelling of {person.name} ({ref.path}:{ref.line}); write {m.canonical!r}",
                expected=m.canonical,
                found=found,
                fact=ref,
                fix=Fix(Span(m.start, m.end), m.canonical, safe=True),
            )
