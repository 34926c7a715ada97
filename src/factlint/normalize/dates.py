"""Resolve date expressions against a reference date: TIMEX3 values and day intervals.

Pure functions: the reference date is a parameter (None when unknown), never the clock.

Year inference follows news usage: a month and day without a year ("July 27") is the one in the
reference year unless that lies more than 60 days after the reference date ("payable Dec. 7"
(in an article of Oct. 30) is weeks ahead), then the year before;
a future cue in the clause ("will", "next", "scheduled") picks the next occurrence instead. A bare
month ("in July") is the latest such month not after the reference month (or the next one with a
future cue). A bare weekday ("on Wednesday") is the latest such day not after the reference date.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from ..extract.dates import DEICTIC_DAYS, SEASON_CODES, DateExpr, unit_value
from ..interval import Interval, add_months, days_in_month, is_leap, month_end, month_name
from ..records import dataclass

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SEASONS = SEASON_CODES  # "spring" -> ("SP", 3): its TimeML code and first month
NEAR_FUTURE_DAYS = 60


@dataclass(frozen=True)
class Resolved:
    """A date expression with its TIMEX3 value and, when it can be placed, its interval.

    `unresolved` says why there is no interval (no reference date, anchored on another date);
    `impossible` says why the stated date cannot exist ("Feb. 30").
    """

    expr: DateExpr
    value: str
    timex_type: str = "DATE"
    interval: Interval | None = None
    mod: str | None = None
    unresolved: str | None = None
    impossible: str | None = None

    @property
    def needs_reference(self) -> bool:
        return self.unresolved == NO_REFERENCE


NO_REFERENCE = "no reference date"
ANCHORED_ELSEWHERE = "counted from another date in the text"


def month_interval(year: int, month: int, mod: str | None = None) -> Interval:
    last = days_in_month(year, month)
    first_day, last_day = 1, last
    if mod == "START":
        last_day = 10
    elif mod == "MID":
        first_day, last_day = 11, 20
    elif mod == "END":
        first_day = 21
    return Interval(date(year, month, first_day), date(year, month, last_day), "month")


def year_interval(year: int, mod: str | None = None) -> Interval:
    first, last = date(year, 1, 1), date(year, 12, 31)
    if mod == "START":
        last = date(year, 4, 30)
    elif mod == "MID":
        first, last = date(year, 5, 1), date(year, 8, 31)
    elif mod == "END":
        first = date(year, 9, 1)
    return Interval(first, last, "year")


def week_interval(day: date) -> Interval:
    monday = day - timedelta(days=day.weekday())
    return Interval(monday, monday + timedelta(days=6), "week")


def _week_value(day: date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def _infer_year(month: int, day: int, ref: date, future: bool) -> int:
    def candidate(y: int) -> date:
        return date(y, month, min(day, days_in_month(y, month)))

    if future:
        return ref.year if candidate(ref.year) >= ref else ref.year + 1
    if candidate(ref.year) > ref + timedelta(days=NEAR_FUTURE_DAYS):
        return ref.year - 1
    return ref.year


def _check_day(year: int | None, month: int, day: int) -> str | None:
    days = days_in_month(year if year else 2000, month)  # 2000 is a leap year
    if day <= days:
        return None
    name = month_name(month)
    if month == 2 and day == 29 and year:
        return f"{year} is not a leap year: February {year} has 28 days"
    return f"{name} has {days} days" + (f" in {year}" if year and month == 2 else "")


def resolve(expr: DateExpr, ref: date | None) -> Resolved:
    """The TIMEX3 value and interval of `expr` given the reference date `ref` (or None).

    A date that would fall outside the calendar (years 1 to 9999: "two days ago" read against
    0001-01-01, "next year" against 9999-12-31) is left unresolved, never an error."""
    try:
        r = _resolve(expr, ref)
        return _in_calendar(r) if ref is not None and ref.year < 3 and r.interval is None else r
    except (OverflowError, ValueError):  # date arithmetic past year 1 or 9999
        return Resolved(expr, _partial_value(expr), mod=expr.mod, unresolved=OUT_OF_RANGE)


def _in_calendar(r: Resolved) -> Resolved:
    """`r`, or `r` unresolved when its value names a year outside 1 to 9999 ("the year-ago
    quarter" read against 0001-01-07 would be year 0)."""
    v = r.value
    if r.timex_type in ("DATE", "TIME") and (v[:1] == "-" or v[:4] == "0000" or v[4:5].isdigit()):
        return Resolved(r.expr, _partial_value(r.expr), mod=r.mod, unresolved=OUT_OF_RANGE)
    return r


OUT_OF_RANGE = "outside the calendar's years 1 to 9999"
FISCAL_YEAR = "a fiscal year: its months are the company's"
DISCOURSE_PERIOD = "the period the text reports on"


def _resolve(expr: DateExpr, ref: date | None) -> Resolved:
    f = expr.form
    if f in _OTHER_FORMS:
        return _OTHER_FORMS[f](expr, ref)
    if f in ("month_day", "day_month", "iso", "numeric"):
        return _resolve_day(expr, ref)
    if f == "month_year":
        assert expr.month is not None  # every month_year form states its month
        year = expr.year
        if year is None:  # "October of next year"
            if ref is None:
                return Resolved(expr, f"XXXX-{expr.month:02d}", mod=expr.mod, unresolved=NO_REFERENCE)
            year = ref.year + _shift(expr.rel)
        return Resolved(expr, f"{year:04d}-{expr.month:02d}", interval=month_interval(year, expr.month, expr.mod), mod=expr.mod)
    if f in ("rel_month", "month"):
        return _resolve_month(expr, ref)
    if f == "year":
        assert expr.year is not None  # a year form states its year
        if expr.rel == "fiscal":  # "fiscal 1989": a company's year, whose months the text does not say
            return Resolved(expr, f"{expr.year:04d}", mod=expr.mod, unresolved=FISCAL_YEAR)
        return Resolved(expr, f"{expr.year:04d}", interval=year_interval(expr.year, expr.mod), mod=expr.mod)
    if f == "century":
        assert expr.year is not None  # a century form states its first year
        first = date(max(expr.year, 1), 1, 1)
        return Resolved(expr, f"{expr.year // 100:02d}", interval=Interval(first, date(expr.year + 99, 12, 31), "decade"), mod=expr.mod)
    if f == "decade":
        assert expr.year is not None  # a decade form states its first year
        first = date(expr.year, 1, 1)
        return Resolved(expr, f"{expr.year // 10:03d}", interval=Interval(first, date(expr.year + 9, 12, 31), "decade"), mod=expr.mod)
    if ref is None:
        return Resolved(expr, _partial_value(expr), unresolved=NO_REFERENCE)
    if f == "rel_unit":
        return _resolve_unit(expr, ref)
    if f == "ago":
        return _resolve_ago(expr, ref)
    if f == "deictic":
        shift = DEICTIC_DAYS.get(expr.rel or "today", 0)  # "tonight": the reference day
        d = ref + timedelta(days=shift)
        return Resolved(expr, d.isoformat(), interval=Interval(d, d, "day"))
    if f == "weekday":
        assert expr.weekday is not None  # a weekday form names its day
        d = _resolve_weekday(expr.weekday, expr.rel, ref, expr.future)
        return Resolved(expr, d.isoformat(), interval=Interval(d, d, "day"))
    raise AssertionError(f"unhandled date form {f}")


def _partial_value(expr: DateExpr) -> str:
    if expr.form == "weekday":
        assert expr.weekday is not None  # a weekday form names its day
        return f"XXXX-WXX-{expr.weekday + 1}"
    if expr.form in ("rel_unit", "ago"):
        return "PAST_REF" if expr.rel in ("last", "past", "previous", "ago", "earlier") else "PRESENT_REF"
    return "XXXX"


def _resolve_day(expr: DateExpr, ref: date | None) -> Resolved:
    month, day, year = expr.month, expr.day, expr.year
    assert month is not None and day is not None  # the day forms state a month and a day
    problem = _check_day(year, month, day)
    if problem:
        return Resolved(expr, f"{year or 'XXXX'}-{month:02d}-{day:02d}", impossible=problem)
    if year is None:
        if ref is None:
            return Resolved(expr, f"XXXX-{month:02d}-{day:02d}", unresolved=NO_REFERENCE)
        year = _infer_year(month, day, ref, expr.future)
        if month == 2 and day == 29 and not is_leap(year):
            return Resolved(expr, "XXXX-02-29", unresolved=f"no February 29 in {year}")
    d = date(year, month, day)
    if expr.unit == "week":  # "the week of March 6"
        iv = week_interval(d)
        return Resolved(expr, _week_value(iv.first), interval=iv)
    return Resolved(expr, d.isoformat(), interval=Interval(d, d, "day"))


def _resolve_month(expr: DateExpr, ref: date | None) -> Resolved:
    month = expr.month
    assert month is not None  # the month forms state their month
    if ref is None:
        return Resolved(expr, f"XXXX-{month:02d}", mod=expr.mod, unresolved=NO_REFERENCE)
    rel = expr.rel
    if rel in ("last", "this past", "past"):
        year = ref.year if month < ref.month else ref.year - 1
    elif rel in ("next", "this coming"):
        year = ref.year if month > ref.month else ref.year + 1
    elif rel == "this":
        year = ref.year
    elif expr.future:
        year = ref.year if month >= ref.month else ref.year + 1
    else:
        year = ref.year if month <= ref.month else ref.year - 1
        # a month that begins within NEAR_FUTURE_DAYS is the coming one, as a day without a year
        # is read ("for November transactions" in an article of Oct. 30)
        ahead = year + 1 if year < ref.year or month <= ref.month else year
        if expr.form == "month" and not expr.past and date(ahead, month, 1) <= ref + timedelta(days=NEAR_FUTURE_DAYS):
            year = ahead
    return Resolved(expr, f"{year:04d}-{month:02d}", interval=month_interval(year, month, expr.mod), mod=expr.mod)


def _shift(rel: str | None) -> int:
    return {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(rel or "", 0)


def _resolve_unit(expr: DateExpr, ref: date) -> Resolved:
    unit, rel = expr.unit, expr.rel
    n = _shift(rel)
    if unit == "week":
        iv = week_interval(ref + timedelta(weeks=n))
        if rel == "later" and iv.last == ref:  # "later this week" on a Sunday: the days ahead of it
            try:
                return Resolved(expr, _week_value(ref + timedelta(days=1)), interval=Interval(ref, ref + timedelta(days=6), "week"))
            except OverflowError:  # the calendar's end
                pass
        return Resolved(expr, _week_value(iv.first), interval=_narrow(iv, rel, ref))
    if unit == "weekend":
        base = ref + timedelta(weeks=n)
        sat = base - timedelta(days=base.weekday()) + timedelta(days=5)
        if rel in ("last", "past", "previous") and sat >= ref:
            sat -= timedelta(weeks=1)
        elif rel == "earlier" and sat > ref:
            sat -= timedelta(weeks=1)  # "earlier this weekend" written before its Saturday: the one just past
        y, w, _ = sat.isocalendar()
        return Resolved(expr, f"{y}-W{w:02d}-WE", interval=Interval(sat, sat + timedelta(days=1), "week"))
    if unit == "month":
        first = add_months(date(ref.year, ref.month, 1), n)
        iv = month_interval(first.year, first.month)
        return Resolved(expr, f"{first.year:04d}-{first.month:02d}", interval=_narrow(iv, rel, ref))
    if unit == "year":
        year = ref.year + n
        return Resolved(expr, f"{year:04d}", interval=_narrow(year_interval(year), rel, ref))
    if unit == "decade":
        if rel == "past":  # "over the past decade": the ten years up to the writing
            return Resolved(expr, "P10Y", timex_type="DURATION")
        first_year = (ref.year // 10 + n) * 10  # "the last decade": the calendar decade before the writing's
        return Resolved(expr, f"{first_year // 10:03d}", interval=Interval(date(first_year, 1, 1), date(first_year + 9, 12, 31), "decade"))
    if unit == "quarter":
        q = (ref.month - 1) // 3 + n
        year = ref.year + q // 4
        q = q % 4
        first = date(year, q * 3 + 1, 1)
        last = month_end(first, 3)
        return Resolved(expr, f"{year}-Q{q + 1}", interval=Interval(first, last, "quarter"))
    assert unit is not None  # a rel_unit form states its unit
    code, start_month = _SEASONS[unit]
    year = ref.year
    season_first = date(year, start_month, 1)
    if rel in ("last", "past", "previous"):
        while add_months(season_first, 3) > ref:
            season_first = add_months(season_first, -12)
    elif rel in ("next", "coming"):
        while season_first <= ref:
            season_first = add_months(season_first, 12)
    last = month_end(season_first, 3)
    return Resolved(expr, f"{season_first.year}-{code}", interval=Interval(season_first, last, "season"))


def _narrow(iv: Interval, rel: str | None, ref: date) -> Interval:
    """"earlier this month" ends at the reference date; "later this month" starts there."""
    if rel == "earlier":
        return Interval(iv.first, ref, iv.granularity)
    if rel == "later":
        return Interval(ref, iv.last, iv.granularity)
    return iv


def _resolve_ago(expr: DateExpr, ref: date) -> Resolved:
    if expr.rel != "ago":
        if expr.count is not None and expr.unit is not None and not (expr.unit == "year" and expr.count == 1 and expr.rel == "before"):
            # "three days later", "30 days before the closing": counted from another event, the
            # span itself is what the text states (TimeML: a DURATION; "a year earlier" is read
            # by the discourse, `resolve_text`)
            return Resolved(expr, unit_value(expr.unit, expr.count), timex_type="DURATION", unresolved=ANCHORED_ELSEWHERE)
        if expr.count is None and expr.unit is not None:  # "a few days later"
            return Resolved(expr, unit_value(expr.unit, None), timex_type="DURATION", unresolved=ANCHORED_ELSEWHERE)
        return Resolved(expr, "PAST_REF" if expr.rel == "before" else "FUTURE_REF", unresolved=ANCHORED_ELSEWHERE)
    if expr.count is None:
        return Resolved(expr, "PAST_REF", unresolved="an uncounted span ('several')")
    unit, n = expr.unit, expr.count
    if n != int(n):
        return Resolved(expr, "PAST_REF", unresolved="a fractional span")
    n = int(n)
    if unit == "day":
        d = ref - timedelta(days=n)
        return Resolved(expr, d.isoformat(), interval=Interval(d, d, "day"))
    if unit == "week":
        iv = week_interval(ref - timedelta(weeks=n))
        return Resolved(expr, _week_value(iv.first), interval=iv)
    if unit == "month":
        d = add_months(ref, -n)
        return Resolved(expr, f"{d.year:04d}-{d.month:02d}", interval=month_interval(d.year, d.month))
    if unit == "year":
        y = ref.year - n
        return Resolved(expr, f"{y:04d}", interval=year_interval(y))
    y = ref.year - 10 * n
    return Resolved(expr, f"{y // 10:03d}", interval=Interval(date(y // 10 * 10, 1, 1), date(y // 10 * 10 + 9, 12, 31), "decade"))


def _resolve_weekday(weekday: int, rel: str | None, ref: date, future: bool) -> date:
    back = (ref.weekday() - weekday) % 7  # days back to the latest such day not after ref
    ahead = (weekday - ref.weekday()) % 7
    if rel in ("last", "this past"):
        return ref - timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming"):
        return ref + timedelta(days=ahead or 7)
    if rel == "this":
        return ref - timedelta(days=ref.weekday()) + timedelta(days=weekday)
    if future:
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


# Forms whose year, month or week the text may leave to the reading (news prefers the past; a
# future cue, the next occurrence).
_DIRECTED_FORMS = frozenset(
    ("month_day", "day_month", "month", "rel_month", "season", "quarter", "weekday", "weekend", "time", "part_of_day",
     "holiday", "month_week")
)


def other_reading(expr: DateExpr, ref: date | None) -> Resolved | None:
    """The date read the other way round the reference date, when the text leaves that open: "on
    Friday" without "last" or "next", "July 27" or "in July" without a year; and "last" or "next"
    before a day of the writing's own week, that day or the one a week away ("last Monday" on a
    Wednesday); and a count of weeks ("last week", "two weeks ago") in weeks that begin on a Sunday;
    and a part of the day said ahead without its day ("will leave in the morning"): the next day's.
    None when the text fixes the date (a year, "last Friday" on a Wednesday, "yesterday") or the
    other reading is the same.

    "Markets stay closed until Friday" in a Thursday's article means the next day; read as news
    usually reads a weekday, the past Friday. A rule that reports a contradiction only when neither
    reading fits never reports the reading's mistake."""
    if ref is not None and expr.form in ("weekday", "time", "part_of_day") and expr.rel in ("last", "next") and expr.weekday is not None:
        return _week_reading(expr, ref)
    if ref is not None and expr.rel == "this" and not expr.future and (
        expr.weekday is not None and expr.form in ("weekday", "time", "part_of_day")
        or expr.form == "rel_unit" and expr.unit == "weekend"
    ):
        return _this_week_reading(expr, ref)  # (said ahead, "will meet this Saturday", it is this week's)
    if ref is not None and expr.form in ("rel_unit", "ago") and expr.unit == "week":
        return _sunday_week_reading(expr, ref)
    if ref is None or expr.form not in _DIRECTED_FORMS or expr.year is not None or expr.rel is not None:
        return None
    if expr.form in ("time", "part_of_day") and expr.weekday is None:
        if expr.form == "part_of_day" and expr.dayword is None and expr.future:
            # "will leave in the morning": this morning, or the next day's when written later in the day
            other = resolve(replace(expr, dayword="tomorrow"), ref)
            return other if other.interval is not None and other.interval != resolve(expr, ref).interval else None
        return None  # today, yesterday, this morning: fixed by their word
    first = resolve(expr, ref)
    other = resolve(replace(expr, future=not expr.future), ref)
    if (other.interval is None or other.interval == first.interval) and expr.form == "weekday" and first.interval is not None \
            and first.interval.first == ref:
        # a weekday written on that very day ("Monday's caucuses" in a Monday's article): that day,
        # or the one a week before (after, said ahead)
        try:
            day = ref + timedelta(weeks=1 if expr.future else -1)
        except OverflowError:  # the calendar's edge: no other reading
            return None
        return Resolved(expr, day.isoformat(), interval=Interval(day, day, "day"))
    if (other.interval is None or other.interval == first.interval) and expr.form in _YEARLY_FORMS and not expr.future:
        # both readings took the coming one, near ahead ("in October" written in August): the
        # other is the one a year before ("since announcing in October that he would not run")
        if first.interval is not None and first.interval.first > ref and first.interval.first.year > 1:
            before = replace(expr, past=True) if expr.form == "month" else replace(expr, year=first.interval.first.year - 1)
            other = resolve(before, ref)
    if other.interval is None or other.interval == first.interval:
        return None
    return other


_YEARLY_FORMS = frozenset(("month", "month_day", "day_month"))


def _week_reading(expr: DateExpr, ref: date) -> Resolved | None:
    """"last Monday" written on a Wednesday: the Monday two days before, or the Monday of the week
    before (and "next Friday" on a Wednesday: the coming one, or the next week's). Only a day of
    the writing's own week is read both ways: "last Friday" on a Wednesday is last week's."""
    first = resolve(expr, ref).interval
    if first is None or first.first.isocalendar()[:2] != ref.isocalendar()[:2]:
        return None
    try:
        d = first.first + timedelta(weeks=-1 if expr.rel == "last" else 1)
    except OverflowError:  # a week past the calendar's edge (9999-12-31): no other reading
        return None
    return Resolved(expr, d.isoformat(), interval=Interval(d, d, "day"))


def _sunday_week_reading(expr: DateExpr, ref: date) -> Resolved | None:
    """"last week", "this week", "two weeks ago" counted in weeks that begin on a Sunday, as
    American usage counts them, rather than in the ISO weeks (Monday to Sunday) the value names:
    "last week's vote" in a Sunday's paper is the week that ends the day before. The same
    number of weeks from the writing's own Sunday-to-Saturday week."""
    first = resolve(expr, ref).interval
    if first is None or first.granularity != "week" or (first.last - first.first).days != 6:
        return None  # (a part of a week, "later this week", is counted from the writing)
    # the ISO week holding the writing starts on a Monday; its Sunday-start week starts the day
    # before (a Sunday writing: that very day, six days after)
    shift = timedelta(days=6 if ref.weekday() == 6 else -1)
    try:
        a, b = first.first + shift, first.last + shift
    except OverflowError:  # the calendar's edge: no other reading
        return None
    y, w, _ = b.isocalendar()  # (named by the ISO week that holds most of it)
    return Resolved(expr, f"{y}-W{w:02d}", interval=Interval(a, b, "week"))


def _this_week_reading(expr: DateExpr, ref: date) -> Resolved | None:
    """"this weekend" or "this Saturday" written on a Wednesday, in a clause that does not point
    ahead: the one ahead in the writing's week, or the one just past ("this weekend's vote gave the
    union much to cheer": news told after the fact). Only a day still ahead in the writing's week is
    read both ways."""
    first = resolve(expr, ref).interval
    if first is None or first.first <= ref:
        return None
    try:
        a, b = first.first - timedelta(weeks=1), first.last - timedelta(weeks=1)
    except OverflowError:  # a week before the calendar's start: no other reading
        return None
    if a == b:
        return Resolved(expr, a.isoformat(), interval=Interval(a, b, "day"))
    y, w, _ = a.isocalendar()
    return Resolved(expr, f"{y}-W{w:02d}-WE", interval=Interval(a, b, "week"))


def consistent_without_year(expr: DateExpr, fact: Interval) -> bool | None:
    """Whether a date stated without a year can fall in `fact` in some year (None: can't tell).

    "July 29" cannot be true of an event on 2023-07-27 whatever its year, so a missing reference
    date does not hide that contradiction.
    """
    if fact.last - fact.first >= timedelta(days=366):
        return True
    if expr.form == "weekday":
        if expr.rel is not None or fact.last - fact.first >= timedelta(days=6):
            return None
        d = fact.first
        while d <= fact.last:
            if d.weekday() == expr.weekday:
                return True
            d += timedelta(days=1)
        return False
    if expr.form not in ("month_day", "day_month", "month", "rel_month") or expr.month is None:
        return None
    for year in range(fact.first.year, fact.last.year + 1):
        if expr.day is not None:
            if _check_day(year, expr.month, expr.day):
                continue
            d = date(year, expr.month, expr.day)
            iv = Interval(d, d, "day")
        else:
            iv = month_interval(year, expr.month, expr.mod)
        if iv.overlaps(fact):
            return True
    return False


# -- times, parts of day, quarters, seasons, durations, sets and reference words ----------------

ANAPHORIC = "refers to a day named elsewhere"
SPAN_REACH = 250  # characters after "for the nine months" within which "a year earlier" is its year
NAMED_BEFORE = "refers to a period the text named before"


def _anchor_day(expr: DateExpr, ref: date | None) -> date | None:
    """The day a time or part of day falls on: its weekday or day word, else the reference date."""
    if ref is None:
        return None
    if expr.month is not None and expr.day is not None and not _check_day(expr.year, expr.month, expr.day):
        year = expr.year or _infer_year(expr.month, expr.day, ref, expr.future)  # "5 p.m. EST Nov. 9"
        return date(year, expr.month, min(expr.day, days_in_month(year, expr.month)))
    if expr.weekday is not None:  # "9 a.m. last Thursday": the time took its day's "last"
        return _resolve_weekday(expr.weekday, expr.rel, ref, expr.future)
    shift = {"yesterday": -1, "last": -1, "tomorrow": 1}.get(expr.dayword or "", 0)  # "last night"
    return ref + timedelta(days=shift)


UNSTATED_DAY = "a time of day on a day the text does not state"


def _no_day(expr: DateExpr) -> str:
    """Why a time has no day: no reference date, or (a bare clock time) no day stated at all."""
    stated = expr.dayword not in (None, "this", "that") or expr.weekday is not None or expr.day is not None
    return NO_REFERENCE if stated else UNSTATED_DAY


def _resolve_time(expr: DateExpr, ref: date | None) -> Resolved:
    clock = f"T{expr.hour:02d}:{expr.minute:02d}{expr.zone or ''}"
    day = _anchor_day(expr, ref)
    if day is None:
        return Resolved(expr, "XXXX-XX-XX" + clock, timex_type="TIME", unresolved=_no_day(expr))
    return Resolved(expr, day.isoformat() + clock, timex_type="TIME", interval=Interval(day, day, "day"))


def _resolve_part_of_day(expr: DateExpr, ref: date | None) -> Resolved:
    day = _anchor_day(expr, ref)
    if day is None:
        return Resolved(expr, f"XXXX-XX-XXT{expr.part}", timex_type="TIME", unresolved=_no_day(expr))
    return Resolved(expr, f"{day.isoformat()}T{expr.part}", timex_type="TIME", interval=Interval(day, day, "day"))


def _resolve_quarter(expr: DateExpr, ref: date | None) -> Resolved:
    assert expr.ordinal is not None  # a quarter form states which quarter or half
    half = expr.unit == "half"
    n = expr.ordinal if not half else min(expr.ordinal, 2)
    months = 6 if half else 3
    code = f"H{n}" if half else f"Q{n}"
    year = expr.year
    year_ago = expr.rel == "year-ago"  # "the year-ago third quarter"
    if year is None and expr.rel in ("this", "last", "next") and ref is not None:
        year = ref.year + _shift(expr.rel)
    if year is None:
        if ref is None:
            return Resolved(expr, f"XXXX-{code}", unresolved=NO_REFERENCE)
        current = (ref.month - 1) // months + 1
        if expr.future and not year_ago:
            # a quarter just ended is still this year's: results "expected" for it are reported ahead
            year = ref.year if n >= current - 1 else ref.year + 1
        else:
            year = ref.year if n <= current else ref.year - 1
        if year_ago:
            year -= 1
    first = date(year, (n - 1) * months + 1, 1)
    last = month_end(first, months)
    return Resolved(expr, f"{year}-{code}", interval=Interval(first, last, "half" if half else "quarter"))


def latest_quarter(ref: date) -> tuple[int, int]:
    """The last quarter ended before `ref`: (year, 1..4)."""
    q = (ref.month - 1) // 3  # the quarter holding ref, from 0
    return (ref.year, q) if q else (ref.year - 1, 4)


def _resolve_period(expr: DateExpr, ref: date | None, quarter: tuple[int, int] | None = None) -> Resolved:
    """A period the text reports on: "the latest quarter", "the year-ago period", "the current
    year". `quarter`: the one the text named last (else the last one ended before `ref`). Its value
    only: the period is the text's, so it is never checked against a fact (no interval)."""
    rel = expr.rel or "latest"
    if rel in ("that", "following"):  # "that year" with no year named before: the writing's
        rel = "current"
    if expr.year is not None:  # "the 1988 quarter": that year's quarter the text reports on
        q = (quarter or latest_quarter(ref))[1] if ref is not None and expr.unit == "quarter" else None
        return Resolved(expr, f"{expr.year:04d}" + (f"-Q{q}" if q else ""), unresolved=DISCOURSE_PERIOD)
    if expr.unit == "week":  # "for the week", "the week's most active session": a week of the writing's year
        return Resolved(expr, f"{ref.year:04d}-WXX" if ref else "XXXX-WXX", unresolved=DISCOURSE_PERIOD if ref else NO_REFERENCE)
    if ref is None:
        return Resolved(expr, "XXXX-QX" if expr.unit == "quarter" else "XXXX", unresolved=NO_REFERENCE)
    if expr.unit == "year":
        year = ref.year if rel == "current" else ref.year - 1
        return Resolved(expr, f"{year:04d}", unresolved=DISCOURSE_PERIOD)
    if rel == "current":
        year, q = ref.year, (ref.month - 1) // 3 + 1
    else:
        year, q = quarter or latest_quarter(ref)
        if rel == "year-ago":
            year -= 1
    return Resolved(expr, f"{year:04d}-Q{q}", unresolved=DISCOURSE_PERIOD)


def _resolve_vague(expr: DateExpr, ref: date | None) -> Resolved:
    assert expr.value is not None  # a vague unit fixes its value
    return Resolved(expr, expr.value, timex_type="DURATION")


def resolve_text(exprs, ref: date | None) -> list[Resolved]:
    """Every expression of one text resolved in order, the periods it reports on ("the quarter",
    "the year-ago period", "a year earlier" after a quarter) read against the last quarter it named.

    Only values change by the text: the intervals stay those `resolve` gives, so what the rules
    check does not depend on the reading of the discourse."""
    out = []
    quarter: tuple[int, int] | None = None
    year: int | None = None  # the last year the text named
    # where the last span of several quarters the text reports on ends ("for the nine months", "the
    # first half"), when no quarter was named after it: "a year earlier" close after it is the year
    span_end: int | None = None
    day: str | None = None  # the last day the text named ("Friday", "Oct. 13"): what "the day" is
    month: str | None = None  # the last month or day it named: what "the following month" follows
    for e in exprs:
        over_span = span_end is not None and e.start - span_end < SPAN_REACH
        if e.form == "period" and e.rel in ("that", "following") and (year if e.unit == "year" else quarter):
            # "later that year", "the following year", "that quarter": the period the text named last
            if e.unit == "year":
                assert year is not None
                value = f"{year + (e.rel == 'following'):04d}"
            else:
                assert quarter is not None
                y, q = quarter[0] + (quarter[1] == 4 and e.rel == "following"), quarter[1] % 4 + 1 if e.rel == "following" else quarter[1]
                value = f"{y:04d}-Q{q}"
            r = Resolved(e, value, unresolved=NAMED_BEFORE)
        elif e.form == "period" and e.year is not None:  # "the 1989 period": its year's quarter reported on
            r = Resolved(e, f"{e.year:04d}" + (f"-Q{quarter[1]}" if quarter else ""), unresolved=DISCOURSE_PERIOD)
        elif e.form == "period":
            r = _resolve_period(e, ref, quarter)
            if e.unit == "year" and e.rel == "year-ago" and quarter is not None:  # "the year-earlier loss"
                r = replace(r, value=f"{quarter[0] - 1:04d}" + ("" if over_span else f"-Q{quarter[1]}"))
            if e.unit == "quarter" and e.rel in ("latest", "current") and r.value[5:6] == "Q":
                quarter = (int(r.value[:4]), int(r.value[6]))
                span_end = None
        else:
            r = resolve(e, ref)
            # a quarter reported on: one ended by the writing, or, the first one the text names, one
            # begun and not spoken of as ahead (a November report of "fourth-quarter earnings" is of
            # a fiscal quarter already closed)
            reported = r.interval is not None and ref is not None and (
                r.interval.last < ref or (quarter is None and r.interval.first <= ref and not e.future))
            if e.form == "quarter" and e.unit == "quarter" and e.rel != "year-ago" and reported:
                assert r.interval is not None
                named = (r.interval.first.year, (r.interval.first.month - 1) // 3 + 1)
                # one before the quarter reported on, named in passing ("after a flat second
                # quarter"), is no new report; a fiscal one is (another company's, or its own year's)
                if quarter is None or named >= quarter or e.fiscal:
                    quarter = named
                    span_end = None
            elif e.form == "ago" and e.unit == "year" and e.count == 1 and ref is not None and e.rel in ("ago", "before"):
                if quarter is not None and over_span:  # "for the nine months, ... a year earlier": the year
                    r = replace(r, value=f"{quarter[0] - 1:04d}")
                elif quarter is not None:  # "net rose 5% from a year earlier": the quarter a year before
                    r = replace(r, value=f"{quarter[0] - 1:04d}-Q{quarter[1]}")
                elif e.rel == "before":  # "a year earlier" in news: the year before the writing
                    r = replace(r, value=f"{ref.year - 1:04d}")
        if (e.form == "duration" and e.unit == "month" and e.count in (6, 9)) or (e.form == "quarter" and e.unit == "half"):
            span_end = e.end
        if e.form == "the_day" and e.unit == "month" and month is not None:  # "the following month"
            first = add_months(date.fromisoformat(month[:7] + "-01"), 1 if e.rel == "next" else 0)
            r = replace(r, value=f"{first.year:04d}-{first.month:02d}")
        elif day is not None and e.form == "the_day" and e.unit != "month":
            # "ending the day at 8,017", "the same day", "the next morning": the day the text is
            # telling of, or the one after it
            r = replace(r, value=(date.fromisoformat(day) + timedelta(days=e.rel == "next")).isoformat())
        elif day is not None and e.form == "part_of_day" and e.dayword is None and e.weekday is None:
            r = replace(r, value=day + r.value[10:])  # "in the morning": of the day the text tells of
        elif r.interval is not None and r.interval.granularity == "day" and len(r.value) >= 10 and r.value[4:5] == "-" and r.value[7:8] == "-":
            day = month = r.value[:10]
        elif r.interval is not None and r.interval.granularity == "month" and len(r.value) == 7:
            month = r.value  # "In March, ...  The following month"
        if ref is not None and ref.year < 3:  # a value counted back past the calendar's start
            r = _in_calendar(r)
        if e.year is not None and e.form not in ("decade", "century") and r.value[:4].isdigit():
            year = int(r.value[:4])
        out.append(r)
    return out


def _season_interval(year: int, season: str) -> Interval:
    code, start_month = _SEASONS[season]
    first = date(year, start_month, 1)
    return Interval(first, month_end(first, 3), "season")


def _resolve_season(expr: DateExpr, ref: date | None) -> Resolved:
    season = expr.unit
    assert season is not None  # a season form names its season
    code = _SEASONS[season][0]
    if expr.year is not None:
        return Resolved(expr, f"{expr.year}-{code}", interval=_season_interval(expr.year, season), mod=expr.mod)
    if ref is None:
        return Resolved(expr, f"XXXX-{code}", unresolved=NO_REFERENCE, mod=expr.mod)
    rel = expr.rel
    year = ref.year
    if rel in ("last", "past", "this past"):
        while _season_interval(year, season).last >= ref:
            year -= 1
    elif rel in ("next", "this coming") or (rel is None and expr.future):
        while _season_interval(year, season).first <= ref:
            year += 1
    elif rel != "this":
        while _season_interval(year, season).first > ref:  # the latest one begun by the reference date
            year -= 1
    return Resolved(expr, f"{year}-{code}", interval=_season_interval(year, season), mod=expr.mod)


def _resolve_duration(expr: DateExpr, ref: date | None) -> Resolved:
    assert expr.unit is not None  # a duration states its unit
    return Resolved(expr, unit_value(expr.unit, expr.count), timex_type="DURATION", mod=expr.mod)


def _resolve_set(expr: DateExpr, ref: date | None) -> Resolved:
    assert expr.value is not None  # a set form fixes its value
    return Resolved(expr, expr.value, timex_type="SET")


def _resolve_ref_word(expr: DateExpr, ref: date | None) -> Resolved:
    assert expr.value is not None  # a reference word fixes its value
    return Resolved(expr, expr.value)


def holiday_date(rule: str, year: int) -> date:
    """The day of a holiday rule of `date_words.txt` in `year`: "12-25", "11-4THU" (the fourth
    Thursday), "05-LMON" (the last Monday), "11-1MON+1" (a day after the first Monday), "EASTER"."""
    rule, _, plus = rule.partition("+")
    if rule.startswith("EASTER"):
        minus = rule.partition("-")[2]
        d = easter(year) - timedelta(days=int(minus or 0))
    else:
        mm, spec = rule.split("-", 1)
        month = int(mm)
        if spec.isdigit():
            d = date(year, month, int(spec))
        else:
            weekday = WEEKDAY_NAMES.index(next(n for n in WEEKDAY_NAMES if n[:3].upper() == spec[1:]))
            if spec[0] == "L":
                d = date(year, month, days_in_month(year, month))
                d -= timedelta(days=(d.weekday() - weekday) % 7)
            else:
                d = date(year, month, 1)
                d += timedelta(days=(weekday - d.weekday()) % 7 + 7 * (int(spec[0]) - 1))
    return d + timedelta(days=int(plus or 0))


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    return date(year, month, (h + el - 7 * m + 114) % 31 + 1)


def _resolve_holiday(expr: DateExpr, ref: date | None) -> Resolved:
    """"Thanksgiving Day", "last Christmas": the holiday's day in the year the reading picks, as a
    month and day without a year is read (the next one with "next" or a future cue)."""
    assert expr.value is not None  # a holiday form names its rule
    if ref is None:
        fixed = expr.value[:2].isdigit() and expr.value[3:].isdigit()
        return Resolved(expr, f"XXXX-{expr.value}" if fixed else "XXXX", unresolved=NO_REFERENCE)
    rel = expr.rel
    this = holiday_date(expr.value, ref.year)
    if rel in ("last", "this past"):
        d = this if this < ref else holiday_date(expr.value, ref.year - 1)
    elif rel in ("next", "coming", "this coming") or (rel is None and expr.future):
        d = this if this >= ref else holiday_date(expr.value, ref.year + 1)
    elif rel == "this" or this <= ref + timedelta(days=NEAR_FUTURE_DAYS):
        d = this
    else:
        d = holiday_date(expr.value, ref.year - 1)
    if expr.unit == "week":  # "Easter week", "Thanksgiving week": the week that holds it
        iv = week_interval(d)
        return Resolved(expr, _week_value(iv.first), interval=iv)
    return Resolved(expr, d.isoformat(), interval=Interval(d, d, "day"))


def _resolve_the_day(expr: DateExpr, ref: date | None) -> Resolved:
    """"the day", "the same day", "the next morning", "the following month": a day (month) the
    text tells of; read alone, the reference date's (`resolve_text` reads the one named before)."""
    if expr.unit == "month":
        if ref is None:
            return Resolved(expr, "XXXX-XX", unresolved=ANAPHORIC)
        first = add_months(date(ref.year, ref.month, 1), 1 if expr.rel == "next" else 0)
        return Resolved(expr, f"{first.year:04d}-{first.month:02d}", unresolved=ANAPHORIC)
    if ref is None:
        return Resolved(expr, "XXXX-XX-XX", unresolved=ANAPHORIC)
    return Resolved(expr, (ref + timedelta(days=expr.rel == "next")).isoformat(), unresolved=ANAPHORIC)


def _resolve_weekend(expr: DateExpr, ref: date | None) -> Resolved:
    if ref is None:
        return Resolved(expr, "XXXX-WXX-WE", unresolved=NO_REFERENCE)
    saturday = ref - timedelta(days=ref.weekday()) + timedelta(days=5)
    if ref.weekday() < 5 and not expr.future:
        saturday -= timedelta(weeks=1)  # on a weekday, "the weekend" is the one just past
    y, w, _ = saturday.isocalendar()
    return Resolved(expr, f"{y}-W{w:02d}-WE", interval=Interval(saturday, saturday + timedelta(days=1), "week"))


def _resolve_month_week(expr: DateExpr, ref: date | None) -> Resolved:
    """"the last week of March": the ISO week holding the month's last (first, second...)
    Thursday, the day by which ISO 8601 gives a week to a month; the month's year as "in March"
    is read."""
    assert expr.month is not None and expr.ordinal is not None  # the form states both
    year = expr.year
    if year is None:
        if ref is None:
            return Resolved(expr, "XXXX-WXX", unresolved=NO_REFERENCE)
        year = int(_resolve_month(replace(expr, form="month"), ref).value[:4])
    if expr.ordinal > 0:
        first = date(year, expr.month, 1)
        thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 7 * (expr.ordinal - 1))
    else:
        last = date(year, expr.month, days_in_month(year, expr.month))
        thursday = last - timedelta(days=(last.weekday() - 3) % 7)
    iv = week_interval(thursday)
    return Resolved(expr, _week_value(iv.first), interval=iv)


_OTHER_FORMS = {
    "month_week": _resolve_month_week,
    "weekend": _resolve_weekend,
    "time": _resolve_time,
    "part_of_day": _resolve_part_of_day,
    "quarter": _resolve_quarter,
    "season": _resolve_season,
    "duration": _resolve_duration,
    "set": _resolve_set,
    "ref_word": _resolve_ref_word,
    "period": _resolve_period,
    "vague": _resolve_vague,
    "the_day": _resolve_the_day,
    "holiday": _resolve_holiday,
}
