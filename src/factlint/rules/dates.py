"""FL1xx: dates. Contradictions with curated event dates, weekday/date mismatches, impossible
dates, and relative dates that cannot be resolved."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Fix, Severity, Span
from ..normalize.dates import NO_REFERENCE, WEEKDAY_NAMES, consistent_without_year
from .base import Diagnostic, Example, Rule


def _found(resolved) -> str:
    return resolved.value


class DateContradictsFact(Rule):
    code = "FL101"
    name = "date-contradicts-fact"
    severity = Severity.ERROR
    summary = "A date tied to a curated event falls outside the event's date."
    what_it_does = """
Finds date expressions that belong to a mention of a curated event (same sentence, syntax cues such
as "on", "in", "last month", nearest mention) and normalizes them against the article's reference
date. When the date's interval does not overlap the event's date in facts.yaml, it reports the
contradiction with both values. A date written without a year is still checked when no year could
make it fit ("July 29" never fits an event on 2023-07-27).
"""
    why_it_matters = """
A wrong date is the most common factual slip in copy that is rewritten from wires and briefings,
and relative dates ("last month", "on Wednesday") hide it: they are only wrong once anchored on the
day the article appears.
"""
    example = """
facts.yaml:   shoigu-visit, date: 2023-07-27, mentions: ["visit to Pyongyang"]
article:      Shoigu's visit to Pyongyang on July 21 was meant to secure shells.
finding:      FL101 expected 2023-07-27 (facts.yaml:5, fact shoigu-visit), found 2023-07-21 ('July 21')
"""
    use_instead = "Shoigu's visit to Pyongyang on July 27 was meant to secure shells."
    flags = (
        Example("Shoigu's visit to Pyongyang on July 21 was meant to secure shells."),
        Example("Kirby said in a daily briefing on Thursday that the talks were advancing."),
        Example("Speaking after Shoigu's visit last week, the analyst was cautious."),
        Example("Russia launched its full-scale invasion of Ukraine in March 2022."),
        Example("The visit to Pyongyang on July 29 was a show of unity.", reference_date=None),
    )
    passes = (
        Example("Shoigu's visit to Pyongyang on July 27 was meant to secure shells."),
        Example("It was believed that Shoigu pushed for shells while visiting Pyongyang in July."),
        Example("After Shoigu's visit last month, letters were exchanged.", reference_date="2023-08-30"),
        Example("Since Shoigu's visit, Kim and Putin have exchanged letters, Kirby said on Wednesday."),
        Example("Relations have soured since Russia launched its full-scale invasion of Ukraine in Feb. 2022."),
        Example("On Wednesday, Kirby said in a daily briefing that the talks were advancing."),
        Example("The visit to Pyongyang on July 27 was a show of unity.", reference_date=None),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        for index, mention in sorted(analysis.date_events.items()):
            resolved = analysis.dates[index]
            event = analysis.events_by_id[mention.event_id]
            fact = event.date.interval
            expr = resolved.expr
            if resolved.impossible:
                continue  # FL103 reports it
            if resolved.interval is not None:
                if resolved.interval.overlaps(fact):
                    continue
                found = resolved.value
                if resolved.interval.granularity != "day" and found.count("-") < 2:
                    found = f"{found} ({resolved.interval})"
            elif resolved.unresolved == NO_REFERENCE and consistent_without_year(expr, fact) is False:
                found = WEEKDAY_NAMES[expr.weekday] if expr.form == "weekday" else resolved.value
            else:
                continue
            ref = analysis.fact_ref(event)
            expected = event.date.text
            if fact.first == fact.last and expr.form == "weekday":
                expected = f"{WEEKDAY_NAMES[fact.first.weekday()]} {expected}"
            suggestion = restyle(expr.text, fact.first) if fact.first == fact.last else None
            yield Diagnostic(
                span=Span(expr.start, expr.end),
                message=(
                    f"date of {event.what}: expected {expected} ({ref.path}:{ref.line}, fact {event.id}), "
                    f"found {found} ({expr.text!r})"
                ),
                expected=expected,
                found=found,
                fact=ref,
                fix=Fix(Span(expr.start, expr.end), suggestion, safe=False) if suggestion else None,
            )


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_AP = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_MONTH_DAY = re.compile(
    r"(?P<month>[A-Z][a-z]+\.?) (?P<day>\d{1,2})(?P<suffix>st|nd|rd|th)?(?:(?P<comma>,)? (?P<year>\d{4}))?\Z"
)
_DAY_MONTH = re.compile(r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+\.?)(?: (?P<year>\d{4}))?\Z")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def restyle(text: str, day) -> str | None:
    """`day` written the way `text` writes its date ("July 21" -> "July 27", "Aug. 30, 2023",
    "30 August", 2023-08-30), or None for a form with no one obvious rewrite (weekdays, "yesterday").
    A suggestion for the writer, never applied by --fix: the fact may be what is wrong."""
    def month(name: str) -> str | None:
        """The new month in the style of `name`: full, AP abbreviation (Aug., Sept.), or Aug."""
        bare = name.rstrip(".")
        if not any(full.startswith(bare) for full in _MONTHS) or len(bare) < 3:
            return None
        if bare in _MONTHS:
            return _MONTHS[day.month - 1]
        if name.endswith("."):
            return _AP[day.month - 1]
        return _MONTHS[day.month - 1][:3]

    if _ISO.match(text):
        return day.isoformat()
    m = _MONTH_DAY.match(text)
    if m:
        name = month(m["month"])
        if name is None:
            return None
        suffix = _ordinal(day.day) if m["suffix"] else ""
        year = f"{m['comma'] or ''} {day.year}" if m["year"] else ""
        return f"{name} {day.day}{suffix}{year}"
    m = _DAY_MONTH.match(text)
    if m:
        name = month(m["month"])
        return None if name is None else f"{day.day} {name}" + (f" {day.year}" if m["year"] else "")
    return None


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


class WeekdayMismatch(Rule):
    code = "FL102"
    name = "weekday-mismatch"
    severity = Severity.ERROR
    summary = "A weekday written beside a date is not that date's weekday."
    what_it_does = """
Checks every weekday written with a date ("Wednesday, Aug. 30", "Thursday 31 August 2023"). A date
without a year takes its year from the reference date, the way it is read. Needs no fact.
"""
    why_it_matters = """
Weekday and date are two statements of one day; when they disagree, at least one is wrong, and the
reader cannot tell which.
"""
    example = """
article (published 2023-09-01):  The White House said on Wednesday, Aug. 31, that talks advanced.
finding:  FL102 2023-08-31 is a Thursday, not a Wednesday
"""
    use_instead = "The White House said on Wednesday, Aug. 30, that talks advanced."
    flags = (
        Example("The White House said on Wednesday, Aug. 31, that the talks advanced."),
        Example("The statement came on Thursday, Aug. 30, 2023.", reference_date=None),
        Example("It was published on Friday 30 August 2023."),
    )
    passes = (
        Example("The White House said on Wednesday, Aug. 30, that the talks advanced."),
        Example("The statement came on Wednesday, Aug. 30, 2023.", reference_date=None),
        Example("Markets stay closed until Friday\nSeptember 18, 2008\nThe government kept markets shut.", reference_date=None),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        for resolved in analysis.dates:
            expr = resolved.expr
            if expr.weekday is None or expr.form == "weekday" or resolved.interval is None:
                continue
            if resolved.interval.granularity != "day":
                continue
            actual = resolved.interval.first.weekday()
            if actual == expr.weekday:
                continue
            day = resolved.interval.first
            inferred = "" if expr.year else f" (year {day.year} taken from the reference date)"
            yield Diagnostic(
                span=Span(expr.start, expr.end),
                message=f"{day.isoformat()} is a {WEEKDAY_NAMES[actual]}, not a {WEEKDAY_NAMES[expr.weekday]}{inferred}",
                expected=WEEKDAY_NAMES[actual],
                found=WEEKDAY_NAMES[expr.weekday],
            )


class ImpossibleDate(Rule):
    code = "FL103"
    name = "impossible-date"
    severity = Severity.ERROR
    summary = "A date that does not exist: Feb. 30, 31 April, Feb. 29 of a common year."
    what_it_does = "Reports month-and-day dates whose day is past the end of the month."
    why_it_matters = "An impossible date is certainly a typo, and the true date cannot be guessed."
    example = """
article:  The sanctions took effect on Feb. 30, 2023.
finding:  FL103 'Feb. 30, 2023' cannot exist: February has 28 days in 2023
"""
    flags = (
        Example("The sanctions took effect on Feb. 30, 2023."),
        Example("The vote is set for 31 April."),
        Example("The report is dated 2023-02-29."),
        Example("The talks ended on June 31.", reference_date=None),
    )
    passes = (
        Example("The sanctions took effect on Feb. 28, 2023."),
        Example("The leap day was Feb. 29, 2024."),
        Example("The vote is set for 30 April."),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        for resolved in analysis.dates:
            if resolved.impossible:
                expr = resolved.expr
                yield Diagnostic(
                    span=Span(expr.start, expr.end),
                    message=f"{expr.text!r} cannot exist: {resolved.impossible}",
                    found=resolved.value,
                )


class UnresolvedRelativeDate(Rule):
    code = "FL104"
    verdict = "info"
    name = "unresolved-relative-date"
    severity = Severity.INFO
    summary = "Relative dates cannot be checked: the article has no reference date."
    what_it_does = """
Reported once per article that uses relative dates ("on Wednesday", "last month", "July 27" without a
year) but has no reference date: no --reference-date, no `sources:` entry with `published`, no
front matter date, no HTML date metadata and no dateline. Absolute dates are still checked.
"""
    why_it_matters = """
Without the day an article appeared, "last month" can be any month: the dates that most often go
wrong are then the ones factlint cannot check. Saying so keeps a clean run honest.
"""
    example = """
article (no date known):  On Wednesday, the White House said the talks were advancing.
finding:  FL104 1 relative date cannot be resolved without a reference date (first: 'Wednesday')
"""
    use_instead = "Add the article to `sources:` in facts.yaml with `published: 2023-08-30`, or pass --reference-date."
    flags = (
        Example("On Wednesday, the White House said the talks were advancing. Last month, Shoigu visited.", reference_date=None),
        Example("The visit on July 27 was a show of unity.", reference_date=None),
    )
    passes = (
        Example("On Wednesday, the White House said the talks were advancing."),
        Example("On Aug. 30, 2023, the White House said the talks were advancing.", reference_date=None),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        if analysis.document.reference_date is not None:
            return
        pending = [r for r in analysis.dates if r.unresolved == NO_REFERENCE]
        if not pending:
            return
        first = pending[0].expr
        n = len(pending)
        yield Diagnostic(
            span=Span(first.start, first.end),
            message=(
                f"{n} relative date{'s' if n != 1 else ''} cannot be resolved without a reference date "
                f"(first: {first.text!r}); pass --reference-date or add the article to sources: with published:"
            ),
            found=f"{n} unresolved",
        )
