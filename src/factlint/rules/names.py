"""FL3xx: names and titles."""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.titles import fold_title, role_of, same_role
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
(Kim Yo-jong is never a misspelling of Kim Jong-un). So is a person's full name (two words or more)
in the wrong capitals in running prose ("sergei shoigu"; not a headline in capitals, not a web
address). The curated spelling is offered as a safe fix. An organization's name of two or more
capitalised words ("Singapore Airlines") is checked the same way, a word only beside another word
of that name and never for a different ending ("Defense Minister" is not a typo of "Defense
Ministry"); one-word organization names are matched as written.
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
        Example("White House spokesman john kirby said so."),  # a full name in the wrong capitals
    )
    passes = (
        Example("WHITE HOUSE SPOKESMAN JOHN KIRBY SAID SO."),  # capitals of a headline: a style
        Example("See https://example.org/john-kirby for the briefing."),
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


class WrongTitle(Rule):
    code = "FL302"
    name = "wrong-title"
    severity = Severity.ERROR
    summary = "A title attached to a person that none of the person's curated titles allows."
    what_it_does = """
Reads the titles written around curated names — "Title Name", "Name, the title,", "the title, Name",
"Name, who is the title" — and compares each with the person's titles by role: the role word
(minister, ambassador, spokesperson, president...) and its department (defense, foreign, state...),
after folding spelling variants (defence/defense, spokesman/spokesperson, Russia's/Russian, U.S./US).
Only a clearly different role is reported: another role family (secretary of state for an
ambassador) or a conflicting department (Foreign for Defense Minister). A title with `until:` in
facts.yaml is stale after that day unless the text says "former".
"""
    why_it_matters = """
A wrong title misstates who speaks with what authority; a stale one ("Pentagon spokesman" for a
White House official) tells readers an old story.
"""
    example = """
facts.yaml:  shoigu: titles: [Russian Defense Minister]
article:     Russian Foreign Minister Sergei Shoigu visited Pyongyang.
finding:     FL302 'Russian Foreign Minister' is not a title of Sergei Shoigu (facts.yaml:3): Russian Defense Minister
"""
    use_instead = "Russian Defense Minister Sergei Shoigu visited Pyongyang."
    flags = (
        Example("Russian Foreign Minister Sergei Shoigu visited Pyongyang."),
        Example("Secretary of State Linda Thomas-Greenfield spoke next."),
        Example("Pentagon spokesman John Kirby said the talks were advancing."),
    )
    passes = (
        Example("Moscow's defence minister Sergei Shoigu visited Pyongyang."),
        Example("White House national security spokesperson John Kirby said so."),
        Example("Former Pentagon spokesman John Kirby said the talks were advancing."),
        Example("Pentagon spokesman John Kirby said the talks were advancing.", reference_date="2021-06-01"),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        ref_date = analysis.document.reference_date
        for tm in analysis.titles:
            person = analysis.facts.person(tm.person_id)
            role = role_of(tm.text)
            titled = [(t, role_of(t.text)) for t in person.titles]
            curated = [(t, r) for t, r in titled if r is not None]
            if role is None or not curated:
                continue
            ref = FactRef(person.id, "person", analysis.facts_display, person.line)
            allowed = ", ".join(t.text for t, _ in curated)
            same = [t for t, r in curated if same_role(role, r)]
            if not same:
                yield Diagnostic(
                    Span(tm.start, tm.end),
                    f"{tm.text!r} is not a title of {person.name} ({ref.path}:{ref.line}): {allowed}",
                    expected=allowed,
                    found=tm.text,
                    fact=ref,
                )
                continue
            if ref_date is None or tm.former:
                continue
            words = set(fold_title(tm.text))
            best = max(same, key=lambda t: len(words & set(fold_title(t.text))))
            stale = (best.valid_until and ref_date > best.valid_until) or (best.valid_from and ref_date < best.valid_from)
            if stale:
                window = f"{best.valid_from or '…'}..{best.valid_until or '…'}"
                yield Diagnostic(
                    Span(tm.start, tm.end),
                    f"{tm.text!r} was {person.name}'s title for {window} ({analysis.facts_display}:{best.line}), "
                    f"not on {ref_date}; write 'former' or a current title: {allowed}",
                    expected=allowed,
                    found=tm.text,
                    fact=FactRef(person.id, "person", analysis.facts_display, best.line),
                )
