"""FL1xx: dates. Contradictions with curated event dates, weekday/date mismatches, impossible
dates, and relative dates that cannot be resolved."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..interval import Interval
from ..model import FactRef, Fix, Severity, Span
from ..plain import in_words, spoken_date, value_in_words
from ..normalize.dates import NO_REFERENCE, WEEKDAY_NAMES, consistent_without_year, other_reading, resolve
from .base import Diagnostic, Example, Rule
from ..patterns import lazy_re


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

It stays silent when it cannot be sure: a schedule given up or a forecast ("originally due later
this year", "is expected to take off in mid-2006") is not the event's date and is not paired; a
date whose direction the text leaves open ("on Friday", "July 27") is reported only when it fits
the event read neither as the last such day nor as the next; a date that ends a state ("closed
until Friday") may fall on the day after an event curated over several days; a date more than a
year from every date of the event names another time it took place ("won the New Hampshire primary
in 2008" for the 2016 primary), not a mistake; "last Monday" written on a Wednesday may be two days
before or nine; "last week" may count weeks from Monday or from Sunday; a day or a year written
before a noun ("the March 2 strike") dates that noun only. An event with several
dates (`dates:`) is compared with the one its mention or a cue word near the date names, else
with any of them. A weekday written beside the date that is not its weekday is said in the same
finding.
"""
    why_it_matters = """
A wrong date is the most common factual slip in copy that is rewritten from wires and briefings,
and relative dates ("last month", "on Wednesday") hide it: they are only wrong once anchored on the
day the article appears.
"""
    example = """
facts.yaml:   shoigu-visit, date: 2023-07-27, mentions: ["visit to Pyongyang"]
article:      Shoigu's visit to Pyongyang on July 21 was meant to secure shells.
finding:      FL101 expected 27 July 2023 (facts.yaml:5, fact shoigu-visit), found 21 July 2023 ('July 21')
"""
    use_instead = "Shoigu's visit to Pyongyang on July 27 was meant to secure shells."
    flags = (
        Example("Shoigu's visit to Pyongyang on July 21 was meant to secure shells."),
        Example("Kirby said in a daily briefing on Thursday that the talks were advancing."),
        Example("Speaking after Shoigu's visit last week, the analyst was cautious."),
        Example("Russia launched its full-scale invasion of Ukraine in March 2022."),
        Example("The visit to Pyongyang on July 29 was a show of unity.", reference_date=None),
        # the weekday is wrong too: said in this one finding (FL102 says nothing more)
        Example("Kirby said in a daily briefing on Wednesday, Aug. 31, that the talks were advancing."),
        Example("The daily briefing is on hold until Thursday.", reference_date="2023-08-29"),
    )
    passes = (
        Example("Shoigu's visit to Pyongyang on July 27 was meant to secure shells."),
        # a schedule given up, a forecast: not the date of the event
        Example("Shoigu's visit, originally planned for July 25, was a show of unity."),
        Example("Originally, Shoigu's visit was planned for July 25."),
        Example("A visit to Pyongyang is expected to take place in mid-2024."),
        # "until Wednesday" in a Tuesday's article: the coming one
        Example("The daily briefing is on hold until Wednesday.", reference_date="2023-08-29"),
        # "would" in its phrase: the coming Wednesday
        Example("Kirby said the daily briefing would resume when reporters returned on Wednesday.", reference_date="2023-08-28"),
        Example("It was believed that Shoigu pushed for shells while visiting Pyongyang in July."),
        Example("After Shoigu's visit last month, letters were exchanged.", reference_date="2023-08-30"),
        Example("Since Shoigu's visit, Kim and Putin have exchanged letters, Kirby said on Wednesday."),
        Example("Relations have soured since Russia launched its full-scale invasion of Ukraine in Feb. 2022."),
        Example("On Wednesday, Kirby said in a daily briefing that the talks were advancing."),
        Example("The visit to Pyongyang on July 27 was a show of unity.", reference_date=None),
        # years from the curated visit: another visit
        Example("Shoigu's visit to Pyongyang in 2019 was a show of unity."),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        shift = writing_shift(analysis)
        for index in sorted(analysis.date_events):
            d = contradiction(analysis, index, shift)
            if d is not None:
                yield d


ANOTHER_OCCURRENCE = timedelta(days=366)  # a date further than this from every date of the event


def _years_apart(found: Interval, fact: Interval) -> bool:
    """Whether a date stands more than a year from an event's date: an event named with such a
    date is another time it took place (a primary, a summit, a meeting that recurs), far more
    often than a date wrong by years."""
    return fact.first - found.last > ANOTHER_OCCURRENCE or found.first - fact.last > ANOTHER_OCCURRENCE  # no date arithmetic past the calendar


def writing_shift(analysis) -> int:
    """The day of writing, as days after an inferred reference date that is only the earliest it
    can be (`Document.reference_after`): the one day of that week against which the fewest of the
    article's paired dates contradict their events (the earliest of equals). One day for the whole
    article: its relative dates are read together, as they were written on one day."""
    doc = analysis.document
    if not doc.reference_after or doc.reference_date is None:
        return 0
    best = (len(analysis.date_events) + 1, 0)
    for k in range(doc.reference_after + 1):
        try:
            doc.reference_date + timedelta(days=k)
        except OverflowError:  # the calendar's end
            break
        n = sum(contradiction(analysis, i, k) is not None for i in analysis.date_events)
        if n < best[0]:
            best = (n, k)
        if not n:
            break
    return best[1]


def _fits_when_written(expr, written: date, facts) -> bool:
    """Whether the date, read as written on `written`, either way it may be read, fits the event."""
    for reading in (resolve(expr, written), other_reading(expr, written)):
        if reading is not None and reading.interval is not None and any(reading.interval.overlaps(f) for f in facts):
            return True
    return False


def contradiction(analysis, index: int, shift: int = 0) -> Diagnostic | None:
    """FL101's finding for the paired date `analysis.dates[index]`, or None when it fits its event
    (read as written `shift` days after the reference date: `writing_shift`).

    It fits when some reading of it overlaps some date the event may have there: the date as
    resolved, or read the other way round the reference date when the text leaves that open
    (`other_reading`); a date that ends a state ("closed until Friday") also on the day after the
    last of an event curated over several days (the state ends the day before); an event with several dates (`dates:`)
    is compared with the ones its mention or a cue word chose (`Analysis.date_choices`). A weekday
    written beside the date that is not its weekday is said in the same finding (FL102 then says
    nothing of it): one mistake, one finding."""
    mention = analysis.date_events[index]
    resolved = analysis.dates[index]
    event = analysis.events_by_id[mention.event_id]
    expr = resolved.expr
    if resolved.impossible:
        return None  # FL103 reports it
    if event.dates:
        chosen = [event.dates[i] for i in analysis.date_choices.get(index, range(len(event.dates)))]
        facts = [c.date.interval for c in chosen]
    else:
        chosen = []
        facts = [event.date.interval]
    if expr.bound == "end":  # a state curated over several days may be said to last until the day after
        facts = [Interval(f.first, f.last + timedelta(days=1), f.granularity) if f.first != f.last else f for f in facts]
    if resolved.interval is not None:
        if shift:  # read as written that many days later: both readings of that day only
            if _fits_when_written(expr, analysis.document.reference_date + timedelta(days=shift), facts):
                return None
        else:
            if any(resolved.interval.overlaps(f) for f in facts):
                return None
            other = other_reading(expr, analysis.document.reference_date)
            if other is not None and other.interval is not None and any(other.interval.overlaps(f) for f in facts):
                return None
        if all(_years_apart(resolved.interval, f) for f in facts):
            return None  # "won the New Hampshire primary in 2008": another time the event took place
        if shift:  # said as read on the day of writing the article is read as of
            shifted = resolve(expr, analysis.document.reference_date + timedelta(days=shift))
            if shifted.interval is not None:
                resolved = shifted
        found = resolved.value
        if resolved.interval.granularity != "day" and found.count("-") < 2:
            found = f"{found} ({resolved.interval})"
    elif resolved.unresolved == NO_REFERENCE and all(consistent_without_year(expr, f) is False for f in facts):
        found = WEEKDAY_NAMES[expr.weekday] if expr.form == "weekday" else resolved.value
    else:
        return None
    if len(chosen) == 1:
        ref = FactRef(event.id, "event", analysis.facts_display, chosen[0].date_line)
    else:
        ref = analysis.fact_ref(event)
    days = [c.date.interval for c in chosen] or [event.date.interval]
    texts = [f"{c.date.text} ({c.what})" for c in chosen] if chosen else [event.date.text]
    if expr.form == "weekday" and all(f.first == f.last for f in days):
        texts = [f"{WEEKDAY_NAMES[f.first.weekday()]} {t}" for f, t in zip(days, texts, strict=True)]
    expected = " or ".join(texts)
    single = days[0].first if len(days) == 1 and days[0].first == days[0].last else None
    suggestion = restyle(expr.text, single) if single else None
    weekday = weekday_problem(resolved, analysis.document.reference_date)
    written = value_in_words(found)
    as_written = "" if written == expr.text else f" ({expr.text!r})"
    message = (
        f"date of {event.what}: expected {in_words(expected)} ({ref.path}:{ref.line}, fact {event.id}), "
        f"found {written}{as_written}"
    )
    if weekday:
        message += f"; besides, {weekday}"
    return Diagnostic(
        span=Span(expr.start, expr.end),
        message=message,
        expected=expected,
        found=found,
        fact=ref,
        fix=Fix(Span(expr.start, expr.end), suggestion, safe=False) if suggestion else None,
        covers=(("FL102", Span(expr.start, expr.end)),) if weekday else (),
    )


# how far from the writing the other reading of a yearless date may fall for its weekday to count
# ("Friday, Nov. 8" in January: last November's or the coming one; "Wednesday, Aug. 31" written on
# Aug. 30 is tomorrow, not the Aug. 31 of a year before, whatever weekday that was)
_OTHER_YEAR_DAYS = 305
# ... and only when the date as read is months from the writing: a weekday two days before the
# writing ("met on Tuesday, April 8" written April 10) is that week's, however the year could turn
_NEAR_DAYS = 60


def weekday_problem(resolved, reference: date | None = None) -> str | None:
    """"2023-08-31 is a Thursday, not a Wednesday" when the weekday written beside a date is not
    its weekday (a date without a year takes the reference date's, as it was read; with the
    `reference` date, none when the weekday is the date's in the other reading the text leaves
    open, `other_reading`, within `_OTHER_YEAR_DAYS` of it: "Friday, Nov. 8" in January may be the
    coming one)."""
    expr = resolved.expr
    if expr.weekday is None or expr.form == "weekday" or resolved.interval is None:
        return None
    if resolved.interval.granularity != "day":
        return None
    actual = resolved.interval.first.weekday()
    if actual == expr.weekday:
        return None
    if expr.year is None and reference is not None:
        other = other_reading(expr, reference)
        if (other is not None and other.interval is not None and other.interval.first.weekday() == expr.weekday
                and abs((resolved.interval.first - reference).days) > _NEAR_DAYS
                and abs((other.interval.first - reference).days) <= _OTHER_YEAR_DAYS):
            return None
    day = resolved.interval.first
    inferred = "" if expr.year else f" (the year {day.year} taken from the article's date)"
    written = spoken_date(day.year, day.month, day.day)
    return f"{written} is a {WEEKDAY_NAMES[actual]}, not a {WEEKDAY_NAMES[expr.weekday]}{inferred}"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_AP = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_MONTH_DAY = lazy_re(
    r"(?P<month>[A-Z][a-z]+\.?) (?P<day>\d{1,2})(?P<suffix>st|nd|rd|th)?(?:(?P<comma>,)? (?P<year>\d{4}))?\Z"
)
_DAY_MONTH = lazy_re(r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+\.?)(?: (?P<year>\d{4}))?\Z")
_ISO = lazy_re(r"\d{4}-\d{2}-\d{2}\Z")


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
without a year takes its year from the reference date, the way it is read. Needs no fact. When the
date also contradicts a curated event, FL101 reports both mistakes in one finding and this one is
not reported beside it (it is when FL101 is ignored or suppressed there). A date without a year
whose weekday fits the other way the text may be read ("Friday, Nov. 8" in a January article: last
November's, if not the coming one) is no mismatch.
"""
    why_it_matters = """
Weekday and date are two statements of one day; when they disagree, at least one is wrong, and the
reader cannot tell which.
"""
    example = """
article (published 2023-09-01):  The White House said on Wednesday, Aug. 31, that talks advanced.
finding:  FL102 31 August 2023 is a Thursday, not a Wednesday
"""
    use_instead = "The White House said on Wednesday, Aug. 30, that talks advanced."
    flags = (
        Example("The White House said on Wednesday, Aug. 31, that the talks advanced."),
        Example("The statement came on Thursday, Aug. 30, 2023.", reference_date=None),
        Example("It was published on Friday 30 August 2023."),
        # two days before the writing: that week's date, whatever weekday a year on would be
        Example("The council met on Tuesday, April 8, to vote on the harbour plan.", reference_date="2024-04-10"),
    )
    passes = (
        Example("The White House said on Wednesday, Aug. 30, that the talks advanced."),
        Example("The statement came on Wednesday, Aug. 30, 2023.", reference_date=None),
        Example("Markets stay closed until Friday\nSeptember 18, 2008\nThe government kept markets shut.", reference_date=None),
        # read as last November's, Nov. 8 is a Wednesday; as the coming one, a Friday
        Example("The coalition gathers in Riyadh on Friday, Nov. 8.", reference_date="2024-01-20"),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        for resolved in analysis.dates:
            problem = weekday_problem(resolved, analysis.document.reference_date)
            if problem is None:
                continue
            expr = resolved.expr
            assert resolved.interval is not None and expr.weekday is not None  # weekday_problem saw to it
            yield Diagnostic(
                span=Span(expr.start, expr.end),
                message=problem,
                expected=WEEKDAY_NAMES[resolved.interval.first.weekday()],
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
        for index, resolved in enumerate(analysis.dates):
            if resolved.impossible:
                expr = resolved.expr
                # a date that dates a curated event is that event's fact gone wrong: the report's
                # matrix shows the article deviating from it, not consistent
                mention = analysis.date_events.get(index)
                event = analysis.events_by_id[mention.event_id] if mention is not None else None
                ref = analysis.fact_ref(event) if event is not None else None
                dated = (
                    f"; it dates {event.what}: {in_words(event.date.text)} ({ref.path}:{ref.line}, fact {event.id})"
                    if event is not None and ref is not None else ""
                )
                yield Diagnostic(
                    span=Span(expr.start, expr.end),
                    message=f"{expr.text!r} cannot exist: {resolved.impossible}{dated}",
                    expected=event.date.text if event is not None else None,
                    found=resolved.value,
                    fact=ref,
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
finding:  FL104 1 relative date ('Wednesday') cannot be checked: the article's date is not known; give it ...
"""
    use_instead = """Give the article's date the way its format carries it: in Markdown, front matter (`date: 2023-08-30`
between the `---` lines at the top); in HTML, `<meta property="article:published_time" content="2023-08-30">`;
in plain text, a line such as `Published: August 30, 2023` near the top. Or add the article to
`sources:` in facts.yaml with `published: 2023-08-30`, or pass --reference-date."""
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
        # "Wednesday, Aug. 30" and "July 27" are dates without a year, not relative dates
        no_year = [r.expr for r in pending if r.expr.month is not None and r.expr.year is None]
        relative = [r.expr for r in pending if not (r.expr.month is not None and r.expr.year is None)]
        parts = []
        if no_year:
            parts.append(_counted(len(no_year), "date without a year", "dates without a year", no_year[0].text))
        if relative:
            parts.append(_counted(len(relative), "relative date", "relative dates", relative[0].text))
        yield Diagnostic(
            span=Span(first.start, first.end),
            message=(
                f"{' and '.join(parts)} cannot be checked: the article's date is not known; "
                f"{how_to_date(analysis.document.format)}"
            ),
            found=f"{n} date{'s' if n != 1 else ''} not checked",
        )


def _counted(n: int, one: str, many: str, first: str) -> str:
    return f"1 {one} ({first!r})" if n == 1 else f"{n} {many} (the first {first!r})"


def how_to_date(fmt: str) -> str:
    """How to give an article's date in its own format, or in facts.yaml (FL104's hint)."""
    own = {
        "markdown": "give it in the front matter (a line 'date: 2023-09-01' between the '---' lines at the top)",
        "html": "give it in the head (<meta property=\"article:published_time\" content=\"2023-09-01\">)",
    }.get(fmt, "give it on a line of its own near the top ('Published: September 1, 2023')")
    return f"{own}, or in facts.yaml (the article under sources: with published: 2023-09-01), or pass --reference-date"
