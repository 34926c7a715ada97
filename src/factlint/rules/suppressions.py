"""FL0xx: the suppression comments themselves.

These rules read no mention: their findings are made at the decision point (`factlint.suppress`),
after every other rule ran and the selection is known, because only then can a directive be seen
to silence nothing. They are registered so that they can be selected, ignored, re-graded and
explained like any other rule.
"""

from __future__ import annotations

from ..model import Severity
from .base import Example, Rule


class UnusedSuppression(Rule):
    code = "FL001"
    verdict = "info"
    name = "unused-suppression"
    severity = Severity.WARNING
    summary = "A suppression comment that silences nothing."
    what_it_does = """
Reports an `ignore[...]` whose next line has no finding of the codes it names, and a
`disable[...]` ... `enable[...]` region without one. Only codes that run are judged: with
`--select FL1`, an `ignore[FL203]` is left alone.
"""
    why_it_matters = """
A suppression outlives the finding it was written for: once the sentence is fixed, a stale comment
would silence the next, different mistake on that line. Reporting it keeps suppressions honest.
"""
    example = """
article:  <!-- factlint: ignore[FL203] -->
          Kirby said the talks went well.        (no quote here, nothing to silence)
finding:  FL001 unused suppression: ignore[FL203] silences nothing on the next line
"""
    use_instead = "Delete the comment."
    flags = (
        Example("<!-- factlint: ignore[FL203] -->\nKirby said the talks went well.\n"),
        Example("<!-- factlint: disable[FL3] -->\nSergei Shoigu visited Pyongyang.\n<!-- factlint: enable[FL3] -->\n"),
    )
    passes = (
        Example('<!-- factlint: ignore[FL203] quoted from the briefing -->\nKirby said, "We will see what happens next week."\n'),
        Example("<!-- factlint: disable[FL3] -->\nRussian Defense Minister Sergei Shoygu visited.\n<!-- factlint: enable[FL3] -->\n"),
    )


class InvalidSuppression(Rule):
    code = "FL002"
    verdict = "info"
    name = "invalid-suppression"
    severity = Severity.WARNING
    summary = "A factlint comment that does not parse, names no rule, or enables what was never disabled."
    what_it_does = """
Reads every `<!-- factlint: ... -->` comment: the verb must be ignore, disable or enable, each code
a rule code or prefix (FL2, FL203), and an `enable[...]` must close a `disable[...]` of the same codes.
"""
    why_it_matters = """
A mistyped suppression silences nothing and says nothing: the finding it meant to silence comes
back, or, worse, a region meant to be closed stays open to the end of the file.
"""
    example = """
article:  <!-- factlint: ignroe[FL203] -->
finding:  FL002 invalid suppression: expected ignore[...], disable[...] or enable[...], found 'ignroe[FL203]'
"""
    use_instead = "<!-- factlint: ignore[FL203] -->"
    flags = (
        Example("<!-- factlint: ignroe[FL203] -->\nKirby spoke.\n"),
        Example("<!-- factlint: ignore[FL999] -->\nKirby spoke.\n"),
        Example("Kirby spoke.\n<!-- factlint: enable[FL2] -->\n"),
    )
    passes = (
        Example("<!-- factlint: disable[FL2] -->\nKirby spoke.\n<!-- factlint: enable[FL2] -->\n"),
        Example("<!-- an ordinary comment -->\nKirby spoke.\n"),
    )
