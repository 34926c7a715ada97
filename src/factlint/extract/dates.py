"""Date expressions: one compiled grammar, one pass over the text.

`find_dates(text)` returns every date expression as a `DateExpr`: its span in the text and the
parts it states (year, month, day, weekday, a relative word and unit...). It does not resolve
anything: `factlint.normalize.dates` turns a `DateExpr` into a TIMEX3 value and an interval,
given a reference date.

Forms the grammar accepts (one named alternative each, tried in this order at each position):

    month_day   [Wednesday,] [the] Aug. 30[th][, 2023]      July 27      Aug 30th
    day_month   [Wednesday,] [the] 30[th] [of] August [2023]
    iso         2023-08-30   (a time after it is left out of the span)
    numeric     8/30/2023    (month first; `day_first=True` reads 30/8/2023)
    month_year  [early|mid|late] Feb. 2022     February, 2022     mid-July 2023
    rel_month   this past March   Last December   next June   early/mid-/late July
    month       in July   since March   (a bare month name only after a preposition)
    year        [early|mid|late] 2022 after a preposition or "the"; the 1990s
    rel_unit    last/this/next/past/previous week|month|year|weekend|summer...;
                earlier/later this week|month|year
    ago         two days ago   a week ago   3 years ago
    deictic     today yesterday tomorrow tonight
    weekday     [last|next|this|coming] Wednesday
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None,
}

# Month names are capitalized (lower-case "may" and "march" are verbs); abbreviations take an
# optional period. Weekdays likewise; abbreviated weekdays only directly before a date.
_MONTH = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))"
)
_WEEKDAY_FULL = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_ANY = (
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.)"
)
_DAY = r"(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"
_YEAR = r"(?P<year>(?:1[5-9]|20)[0-9]{2})(?![0-9]|-[0-9])"
_MOD = r"(?:(?P<mod>(?i:early|mid|late))(?:-|\s+))"
_PREP = r"(?i:in|since|during|until|till|by|from|through|throughout|of|before|after|to|between|and|or|until|for)"
_NUMBER = r"(?P<count>[0-9]{1,3}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|few))"

GRAMMAR = rf"""
(?<![\w\p{{N}}-])
(?:
  (?P<month_day>
     (?:{_WEEKDAY_ANY},?[^\S\n]+)?(?:(?i:the)\s+)?{_MONTH}\s*{_DAY}(?:(?:,\s*|\s+){_YEAR})?
  )
| (?P<day_month>
     (?:{_WEEKDAY_ANY},?[^\S\n]+)?(?:(?i:the)\s+)?{_DAY}(?:\s+(?i:of))?\s+{_MONTH}(?:,?\s+{_YEAR})?
  )
| (?P<iso>
     (?P<year>(?:1[5-9]|20)[0-9]{{2}})-(?P<mnum>[01][0-9])-(?P<day>[0-3][0-9])(?![0-9])
  )
| (?P<numeric>
     (?P<n1>[0-9]{{1,2}})/(?P<n2>[0-9]{{1,2}})/(?P<year>(?:1[5-9]|20)[0-9]{{2}})(?![0-9/])
  )
| (?P<month_year>
     {_MOD}?{_MONTH},?\s+{_YEAR}
  )
| (?P<rel_month>
     (?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past)\s+){_MOD}?|{_MOD}){_MONTH}(?!\s*[0-9])
  )
| (?<=\b{_PREP}\s+)(?P<month>{_MONTH}(?!\s*[0-9]))
| (?P<decade>(?:(?i:the)\s+)?{_MOD}?(?P<dec>(?:1[5-9]|20)[0-9]0)'?s\b)
| (?P<year_form>
     (?:(?<=\b{_PREP}\s+)|(?<=\b(?i:the)\s+)|(?={_MOD})){_MOD}?{_YEAR}(?!\s*[-/][0-9])
  )
| (?P<rel_unit>
     (?:(?P<ea>(?i:earlier|later))\s+(?P<rel>(?i:this))|(?P<rel>(?i:last|next|this|past|previous|coming)))
     \s+(?P<unit>(?i:week(?:end)?|month|year|summer|winter|spring|fall|autumn|quarter))\b
  )
| (?P<ago>{_NUMBER}\s+(?P<unit>(?i:days?|weeks?|months?|years?|decades?))\s+(?i:ago|earlier|before|later))\b
| (?P<deictic>(?i:today|yesterday|tomorrow|tonight))\b
| (?P<weekday>(?:(?P<rel>(?i:last|next|this|coming|this\s+coming|this\s+past))\s+)?{_WEEKDAY_FULL}\b(?:'s)?)
)
"""

_DATES = regex.compile(GRAMMAR, regex.VERBOSE)

# Where a date expression can begin: the first token of every alternative above. Scanning for
# these and trying the grammar only there is what makes one pass over an article cheap; the frequent
# words ("the", "a", "one") count only when what follows can continue a date. The words are laid out
# as a trie, and the standard library's engine scans this flat prefilter about twice as fast as
# `regex` does.
def _starts_pattern() -> re.Pattern:
    from .phrases import _trie_regex

    def cased(words: str) -> list[str]:
        return [v for w in words.split() for v in (w, w.capitalize(), w.upper())]

    names = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun"
    relative = cased("this last next past previous coming earlier later early mid late today yesterday tomorrow tonight")
    counts = cased("a an one two three four five six seven eight nine ten eleven twelve several")
    unit_ahead = r"(?=\s+(?:[Ff]ew\s+)?(?i:days?|weeks?|months?|years?|decades?)\b)"
    the_ahead = r"(?=\s+(?:[0-9]|" + _trie_regex(names.split()) + r"|(?i:early|mid|late)\b))"
    return re.compile(
        r"(?<![\w-])(?:[0-9]|" + _trie_regex(names.split())
        + r"|(?:" + _trie_regex(relative) + r")\b"
        + r"|(?:" + _trie_regex(cased("the")) + ")" + the_ahead
        + r"|(?:" + _trie_regex(counts) + ")" + unit_ahead + ")"
    )


_STARTS = _starts_pattern()
_FORMS = (
    "month_day", "day_month", "iso", "numeric", "month_year", "rel_month", "month", "decade",
    "year_form", "rel_unit", "ago", "deictic", "weekday",
)

# Words in the clause before a date that point it into the future ("will meet on Sept. 5").
_FUTURE_CUE = regex.compile(
    r"\b(?i:will|shall|'ll|going\s+to|scheduled|plans?\s+to|planned|set\s+to|next|coming|upcoming|due\s+to)\b"
)
_CLAUSE_BREAK = regex.compile(r"[.!?;:]\s|\n")


@dataclass(frozen=True)
class DateExpr:
    """One date expression as written: its prose span and the parts it states."""

    start: int
    end: int
    text: str
    form: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None
    mod: str | None = None  # START, MID, END (early, mid, late)
    rel: str | None = None  # last, next, this, past, this past, earlier, later...
    unit: str | None = None
    count: int | None = None
    future: bool = False

    @property
    def relative(self) -> bool:
        """True when the expression cannot be placed in time without a reference date."""
        return self.year is None and self.form not in ("decade",)


_MODS = {"early": "START", "mid": "MID", "late": "END"}


def _future(text: str, start: int) -> bool:
    window = text[max(0, start - 80) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return bool(_FUTURE_CUE.search(window))


def _build(m: regex.Match, text: str, day_first: bool) -> DateExpr | None:
    g = m.groupdict()
    form = next(f for f in _FORMS if g[f] is not None)
    start, end = m.span(form)
    if form == "year_form":
        form = "year"
    parts: dict = {"form": form}
    if g["mon"]:
        parts["month"] = MONTHS[g["mon"].lower().rstrip(".")]
    if g["day"] and form != "numeric":
        parts["day"] = int(g["day"])
    if g["year"]:
        parts["year"] = int(g["year"])
    if form == "iso":
        parts["month"] = int(g["mnum"])
        if not 1 <= parts["month"] <= 12:
            return None
    elif form == "numeric":
        a, b = int(g["n1"]), int(g["n2"])
        month, day = (b, a) if day_first else (a, b)
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        parts.update(month=month, day=day)
    elif form == "decade":
        parts["year"] = int(g["dec"])
    if g["wd"]:
        parts["weekday"] = WEEKDAYS[g["wd"].lower().rstrip(".")]
        parts["weekday_span"] = m.span("wd")
    if g["mod"]:
        parts["mod"] = _MODS[g["mod"].lower()]
    if g["rel"]:
        parts["rel"] = " ".join(g["rel"].lower().split())
    if g["ea"]:
        parts["rel"] = g["ea"].lower()
    if g["unit"]:
        unit = g["unit"].lower()
        parts["unit"] = unit.rstrip("s") if form == "ago" else unit
    if form == "ago":
        c = " ".join(g["count"].lower().split())
        parts["count"] = int(c) if c.isdigit() else NUMBER_WORDS.get(c.replace("a few", "few"))
        tail = text[start:end].split()[-1].lower()
        parts["rel"] = "later" if tail == "later" else ("ago" if tail == "ago" else "before")
    elif form == "deictic":
        parts["rel"] = text[start:end].lower()
    parts["future"] = _future(text, start)
    return DateExpr(start=start, end=end, text=text[start:end], **parts)


def find_dates(text: str, *, day_first: bool = False) -> list[DateExpr]:
    """Every date expression in `text`, in order, without overlaps."""
    out = []
    last_end = 0
    for start in _STARTS.finditer(text):
        pos = start.start()
        if pos < last_end:
            continue
        m = _DATES.match(text, pos)
        if m is None:
            continue
        expr = _build(m, text, day_first)
        if expr is not None:
            out.append(expr)
            last_end = m.end()
    return out


_DATE_WORDS = (
    r"(?:1[5-9]|20)[0-9]{2}-[01][0-9]-[0-3][0-9]|[A-Z][a-z]+\.?\s+[0-9]{1,2},?\s+[0-9]{4}"
    r"|[0-9]{1,2}\s+[A-Z][a-z]+\.?,?\s+[0-9]{4}"
)
_DATELINE = re.compile(
    r"(?:^[ \t]*|[|•·–—][ \t]*)(?P<label>(?i:posted|published|first\s+published|updated|modified|last\s+updated|date))"
    r"(?:\s+(?i:on|at))?\s*:?\s*(?P<date>" + _DATE_WORDS + ")"
    r"|^[ \t]*(?P<alone>(?:[A-Z][a-z]+\.?\s+[0-9]{1,2},\s+[0-9]{4})|(?:1[5-9]|20)[0-9]{2}-[01][0-9]-[0-3][0-9])[ \t]*$",
    re.M,
)


def find_dateline(text: str):
    """The date of a "Posted on ..." line or a date-only line near the top, with its offset.

    Returns (datetime.date, offset) or None. A "posted"/"published" line wins over "updated".
    """
    from datetime import date

    best = None
    for m in _DATELINE.finditer(text):
        group = "date" if m.group("date") else "alone"
        for e in find_dates(m.group(group)):
            if e.year and e.month and e.day:
                try:
                    d = date(e.year, e.month, e.day)
                except ValueError:
                    continue
                label = (m.group("label") or "").lower()
                rank = 1 if label.startswith(("updated", "modified", "last")) else 0
                cand = (rank, m.start(group), d)
                if best is None or cand < best:
                    best = cand
                break
    return (best[2], best[1]) if best else None
