"""FL3xx: names and titles."""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.titles import judge
from ..model import FactRef, Fix, Severity, Span
from ..plain import spoken_date
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
finding:     FL301 'Shoygu' misspells Sergei Shoigu's name (facts.yaml:3); write 'Shoigu'
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
            person = analysis.person(m.person_id)
            found = analysis.document.text[m.start : m.end]
            ref = analysis.person_ref(person)
            yield Diagnostic(
                Span(m.start, m.end),
                f"{found!r} misspells {person.name}'s name ({ref.path}:{ref.line}); write {m.canonical!r}",
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
Reads the titles written around curated names — "Title Name", "Name, the title,", "the title, Name,",
"Name, who is the title" — never across a sentence, a punctuation mark or another person's name,
and compares each with the person's titles by role and department, from the title tables
(government, legislatures, courts, the military, business, campaigns, candidacies, newsrooms): "chief
executive", "CEO" and "chief executive officer" are one role, "Pentagon" and "Defense Department"
one department. Only a clearly different role is reported: another role (a defense minister for a
leader, a chief financial officer for a chief executive, a deputy minister for a minister) or a
conflicting department (Foreign for Defense Minister, State Department for White House
spokesman, Democratic for Republican senator). A title with `from:`/`until:` in facts.yaml is
stale when it was held neither on the article's date nor at a date its sentence gives ("In 1990,
Defense Secretary Dick Cheney"); a title the text sets in its holder's time ("the cuts begun under
Defense Secretary Dick Cheney") is judged only at a date its sentence gives before it. A "former" title is never another role (people have held many),
titles not held yet ("incoming") and titles inside quotes are not judged, and a curated title of a
role no table knows ("launch customer") is compared word by word (FL303 says when a title cannot be
judged).
"""
    why_it_matters = """
A wrong title misstates who speaks with what authority; a stale one ("Pentagon spokesman" for a
White House official) tells readers an old story.
"""
    example = """
facts.yaml:  shoigu: titles: [Russian Defense Minister]
article:     Russian Foreign Minister Sergei Shoigu visited Pyongyang.
finding:     FL302 Sergei Shoigu is not 'Russian Foreign Minister' (another department: foreign affairs, not defense); facts.yaml:3 gives 'Russian Defense Minister'
"""
    use_instead = "Russian Defense Minister Sergei Shoigu visited Pyongyang."
    flags = (
        Example("Russian Foreign Minister Sergei Shoigu visited Pyongyang."),
        Example("Secretary of State Linda Thomas-Greenfield spoke next."),
        Example("Pentagon spokesman John Kirby said the talks were advancing."),
        Example("State Department spokesman John Kirby said the talks were advancing."),
        Example("Russian Deputy Defense Minister Sergei Shoigu visited Pyongyang."),
        Example("The talks were led by Sergei Shoigu, the Russian foreign minister, in July."),
        Example("They heard the Russian foreign minister, Sergei Shoigu, in July."),
    )
    passes = (
        Example("Moscow's defence minister Sergei Shoigu visited Pyongyang."),
        Example("White House national security spokesperson John Kirby said so."),
        Example("Former Pentagon spokesman John Kirby said the talks were advancing."),
        Example("Pentagon spokesman John Kirby said the talks were advancing.", reference_date="2021-06-01"),
        Example("In May 2021, Pentagon spokesman John Kirby said the talks were advancing."),
        Example("Russian Defense Ministry spokesman Igor Konashenkov said Shoigu was there."),
        Example("Shoigu met the foreign minister, Sergei Lavrov said."),
        Example("After meeting Shoigu, the foreign minister said the talks went well."),
        Example("After meeting the foreign minister, Shoigu said the talks went well."),
        Example("Defense Minister Sergei Shoigu announced the deal while he was foreign minister of nothing."),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        ref_date = analysis.document.reference_date
        for tm in analysis.titles:
            person = analysis.person(tm.person_id)
            j = judge(tm.text, person.titles, ref_date, tm.when, former=tm.former, relation=tm.relation, era=tm.era)
            if j.verdict == "different":
                ref = analysis.person_ref(person)
                allowed = ", ".join(t.text for t in person.titles)
                yield Diagnostic(
                    Span(tm.start, tm.end),
                    f"{person.name} is not {tm.text!r} ({j.why}); {ref.path}:{ref.line} gives "
                    f"{' or '.join(chr(39) + t.text + chr(39) for t in person.titles)}",
                    expected=allowed,
                    found=tm.text,
                    fact=ref,
                )
            elif j.verdict == "stale" and j.title is not None:
                best = j.title
                current = [t.text for t in person.titles if t != best and _held(t, ref_date)]
                allowed = ", ".join(current)
                instead = f"write 'former' or a current title: {allowed}" if current else "write 'former'"
                whens = list(dict.fromkeys(map(_when, tm.when)))  # the dates the sentence names
                then = f", nor on {' or '.join(whens)}, when the sentence is set" if whens else ""
                yield Diagnostic(
                    Span(tm.start, tm.end),
                    f"{tm.text!r} was {person.name}'s title {_window(best)} ({analysis.facts_display}:{best.line}), "
                    f"not on {_day(ref_date)}, the article's date{then}; {instead}",
                    expected=allowed,
                    found=tm.text,
                    fact=FactRef(person.id, "person", analysis.facts_display, best.line),
                )


class UnjudgedTitle(Rule):
    code = "FL303"
    name = "unjudged-title"
    severity = Severity.INFO
    verdict = "info"
    summary = "A title beside a curated person that cannot be compared with the person's curated titles."
    what_it_does = """
Says, once an article, that a title written beside a curated person (as FL302 reads them) could not
be judged: the person's curated titles name no role the title tables know ("launch customer",
"sister of North Korean leader Kim Jong-un") and their words do not settle it, or the facts give
only former titles for a title written as current. The first such title is pointed at; the message
counts the others.
"""
    why_it_matters = """
A title factlint cannot judge is not a title it checked: silence would read as agreement. Adding
the role to the curated title ("executive vice president"), or to the title tables, makes it
checkable.
"""
    example = """
facts.yaml:  kim-yo-jong: titles: [sister of North Korean leader Kim Jong Un]
article:     North Korean Foreign Minister Kim Yo-jong spoke.
finding:     FL303 'North Korean Foreign Minister' beside Kim Yo-jong could not be checked: no role factlint knows in 'sister of North Korean leader Kim Jong Un'
"""
    flags = (Example("North Korean Foreign Minister Kim Yo-jong spoke."),)
    passes = (
        Example("Kim Yo-jong, the sister of North Korean leader Kim Jong Un, spoke."),
        Example("Russian Defense Minister Sergei Shoigu visited Pyongyang."),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        ref_date = analysis.document.reference_date
        unjudged = []
        for tm in analysis.titles:
            person = analysis.person(tm.person_id)
            j = judge(tm.text, person.titles, ref_date, tm.when, former=tm.former, relation=tm.relation, era=tm.era)
            if j.verdict == "unjudged":
                unjudged.append((tm, person, j))
        if not unjudged:
            return
        tm, person, j = unjudged[0]
        more = f" ({len(unjudged) - 1} more in this article)" if len(unjudged) > 1 else ""
        ref = analysis.person_ref(person)
        yield Diagnostic(
            Span(tm.start, tm.end),
            f"{tm.text!r} beside {person.name} could not be checked ({ref.path}:{ref.line}): {j.why}{more}",
            found=tm.text,
            fact=ref,
        )


def _day(d) -> str:
    return spoken_date(d.year, d.month, d.day) if d is not None else "the article's date"


def _when(interval) -> str:
    """A date the sentence names, in words: "15 March 2024", "March 2024", "2005", "from ... to ..."."""
    first, last, grain = interval.first, interval.last, interval.granularity
    if grain == "day" and first == last:
        return spoken_date(first.year, first.month, first.day)
    if grain == "month":
        return spoken_date(first.year, first.month)
    if grain == "year":
        return spoken_date(first.year)
    return f"from {spoken_date(first.year, first.month, first.day)} to {spoken_date(last.year, last.month, last.day)}"


def _window(title) -> str:
    """When a curated title was held, in words: "from 1 May 2019 to 30 June 2021", "until 2021-06-30"."""
    if title.valid_from and title.valid_until:
        return f"from {_day(title.valid_from)} to {_day(title.valid_until)}"
    if title.valid_from:
        return f"from {_day(title.valid_from)}"
    return f"until {_day(title.valid_until)}"


def _held(title, day) -> bool:
    """Whether a curated title was held on `day` (a title with no window always is)."""
    if day is None:
        return title.valid_from is None and title.valid_until is None
    return (title.valid_from is None or title.valid_from <= day) and (title.valid_until is None or day <= title.valid_until)
