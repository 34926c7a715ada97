"""Date expressions: one compiled grammar, one pass over the text.

`find_dates(text)` returns every date expression as a `DateExpr`: its span in the text and the
parts it states (year, month, day, weekday, a relative word and unit...). It does not resolve
anything: `factlint.normalize.dates` turns a `DateExpr` into a TIMEX3 value and an interval,
given a reference date.

Forms the grammar accepts (one named alternative each, tried in this order at each position):

    time        16:08 UTC   6:40 p.m.   12:00 UTC Monday   0800 GMT   10 p.m. Wednesday   5 p.m. EST Nov. 9
                noon Friday   at midday   (noon, midday, midnight alone only after a preposition)
    part_of_day this morning   Thursday night   yesterday afternoon   in the evening   last night
                mid-afternoon [yesterday]
    period      the latest quarter   the year-ago period   that year   the 1988 quarter   last year's quarter
                the corresponding period last year   for the year   by year-end
    quarter     the fourth quarter [of 2005|of last year]   third-quarter   Q3 2023   the first half of 2023
    month_day   [Wednesday,] Aug. 30[th][, 2023]      July 27      Aug 30th   the week of March 6
    day_month   [Wednesday,] [the] 30[th] [of] August [2023]
    iso         2023-08-30   (a time after it is left out of the span)
    numeric     8/30/2023  7/8/07  (month first; `day_first=True` reads 30/8/2023)
    month_year  [early|mid|late] Feb. 2022     February, 2022     mid-July 2023
    month_week  the last week of March [2009]   the first week of June   (the ISO week holding that Thursday)
    rel_month   this past March   Last December   next June   early/mid-/late July
    month       in July   since March   (a bare month name only after a preposition; before the noun
                it dates, "a June agreement", only when `find_dates(modifiers=True)`: `timex`)
    season      in spring   the summer of 2022   Autumn 2008   this past winter
    decade      the 1990s   the '80s   the 70s   the nineties   (not an age: "in his 30s")
                the first half of the 1990s   (a half of a decade or a century, not of a year)
    year        [early|mid|late] 2022 after a preposition or "the"; '82
    rel_unit    last/this/next/past/previous week|month|year|weekend|summer|decade...;
                earlier/later this week|month|year
    ago         two days ago   a week ago   3 years earlier   three days later (a DURATION: P3D)
    duration    two days   33 years   12-year   nearly five months   the past nine days   over a decade
                2 1/2 years   single-day   (not a share: "about three-quarters of its food")
    set         weekly   annual   every year   twice a month   each July   every Thursday
    ref_word    now   currently   recently   in the past   the future   for the time being   soon
                (not "was soon released", "soon after")   these days   in the near term   will one day
    deictic     today yesterday tomorrow tonight
    the_day     the day   the next morning   the following month   [on] the same day   that same day
                (a day the text tells of: the last one it named, else the reference date's; no interval)
    weekend     during the weekend   over the weekend
    holiday     Thanksgiving   last Christmas   Easter week   (the rules of `date_words.txt`)
    weekday     [last|next|this|coming] Wednesday
"""

from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Callable
from itertools import compress, filterfalse
from operator import itemgetter

import regex

from ..prose import Prose
from ..patterns import Rented, common_form, compiled, lazy_re, lazy_regex
from ..records import dataclass
from ..vocab import table, tagged, tagged_words
from .phrases import Scan
from .sentences import ABBREVIATIONS

def _calendar() -> dict[str, tuple[tuple[str, str], ...]]:
    """`data/calendar_words.txt` by tag: (word, value) pairs in the table's order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for line in table("calendar_words.txt"):
        words, _, rest = line.partition("|")
        value, tag = rest.split()
        out.setdefault(tag, []).append((" ".join(words.lower().split()), value))
    return {t: tuple(rows) for t, rows in out.items()}


CALENDAR = _calendar()
# month and weekday names, full and abbreviated, lower case -> their number (January 1, Monday 0)
MONTHS = {w: int(v) for tag in ("month", "month-abbr") for w, v in CALENDAR[tag]}
WEEKDAYS = {w: int(v) for tag in ("weekday", "weekday-abbr") for w, v in CALENDAR[tag]}
# numbers in words -> their value ("three" 3, "a dozen" 12)
NUMBER_WORDS = {w: int(v) for tag in ("ones", "teens", "tens", "count-word") for w, v in CALENDAR[tag]}
VAGUE_COUNTS = tuple(w for w, _ in CALENDAR["vague-count"])
ORDINALS = {w: int(v) for w, v in CALENDAR["ordinal"]}
# season -> (TimeML code, first month): "spring" -> ("SP", 3)
SEASON_CODES = {w: (v.split("/")[0], int(v.split("/")[1])) for w, v in CALENDAR["season"]}
SEASONS = tuple(SEASON_CODES)
PARTS_OF_DAY = {w: v for tag in ("part-of-day", "part-word") for w, v in CALENDAR[tag]}
SET_WORDS = dict(CALENDAR["set-word"])
# "yesterday" -> -1: days from the reference date
DEICTIC_DAYS = {w: int(v) for w, v in CALENDAR["deictic"]}


def _date_words() -> dict[str, tuple[tuple[str, str], ...]]:
    """`data/date_words.txt` by tag: (phrase, value) pairs in the table's order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for line in table("date_words.txt"):
        words, _, rest = line.partition("|")
        value, *tags = rest.split()
        for t in tags:
            out.setdefault(t, []).append((" ".join(words.lower().split()), value))
    return {t: tuple(rows) for t, rows in out.items()}


DATE_WORDS = _date_words()
# reference words and phrases ("now", "in the past", "current market conditions") -> value
REF_WORDS = {w: v for tag in ("ref", "after-prep", "adjective") for w, v in DATE_WORDS.get(tag, ())}
# a period the discourse is about: "the latest quarter" -> LATEST, "the year-ago period" -> YEAR_AGO
PERIOD_WORDS = dict(DATE_WORDS.get("period", ()))
VAGUE_UNITS = dict(DATE_WORDS.get("vague", ()))
# a period named earlier in the text: "that year" -> THAT, "the following year" -> NEXT
ANAPHORIC_WORDS = dict(DATE_WORDS.get("anaphoric", ()))
# the edge of a period written before it: "the end of" -> END
EDGE_WORDS = dict(DATE_WORDS.get("edge", ()))
# holidays by their rule: "thanksgiving" -> 11-4THU
HOLIDAYS = dict(DATE_WORDS.get("holiday", ()))
# a frequency adjective that describes the noun after it ("the annual meeting", "its quarterly
# dividend"): no time expression there
NOUN_FREQUENCY_WORDS = frozenset(w for w, _ in DATE_WORDS.get("noun-frequency", ()))


def _alt(phrases) -> str:
    """Phrases as one case-insensitive alternation, longest first, words apart by any white space."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?i:" + "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered) + ")"


_UNITS_AHEAD = r"(?:decades?|years?|months?|weeks?|days?|quarters?|centur(?:y|ies)|fiscal|period)"
_REF_ANY = _alt(w for w, _ in DATE_WORDS.get("ref", ()))
_REF_AFTER_PREP = _alt(w for w, _ in DATE_WORDS.get("after-prep", ()))
_REF_ADJECTIVE = _alt(w for w, _ in DATE_WORDS.get("adjective", ()))
_VAGUE = _alt(VAGUE_UNITS)
_PERIOD_DET = _alt(PERIOD_WORDS)
_YEAR_BEFORE = _alt(w for w, _ in DATE_WORDS.get("year-before", ()))
_ANAPHORIC = _alt(ANAPHORIC_WORDS)
_EDGE = _alt(EDGE_WORDS)
_YEAR_END = _alt(w for w, _ in DATE_WORDS.get("year-end", ()))
_HOLIDAY = _alt(HOLIDAYS)
# a weekday that ends a name ("Super Tuesday", "Black Monday"): the words before it
_NAMED_DAY_HEADS = sorted({" ".join(p.replace("-", " ").split()[:-1]) for p, _ in DATE_WORDS.get("named-day", ())})
_NOT_NAMED_DAY = "(?<!\\b" + _alt(_NAMED_DAY_HEADS) + "[\\s-])" if _NAMED_DAY_HEADS else ""
# a quantity "a year" is a rate of ("$1.76 a year", "700 seats a week", "hundreds of interviews a day")
_RATE_BEFORE = lazy_re(
    r"(?:[0-9%]|\b" + _alt(w for w, _ in DATE_WORDS.get("quantity", ())) + r")"
    r"(?:\s+(?:of\s+)?(?:plus\s+)?[a-z]+s)?\s+$",
    re.I,
)

# Month names are capitalized (lower-case "may" and "march" are verbs); abbreviations take an
# optional period. Weekdays likewise; abbreviated weekdays only directly before a date.
def _names(tag: str) -> str:
    """The words of a calendar tag capitalised, as one alternation, longer first where one begins
    another ("Sept" before "Sep")."""
    ws = [w for w, _ in CALENDAR[tag]]
    ordered = sorted(ws, key=lambda w: sum(o.startswith(w) and o != w for o in ws))
    return "|".join(w.capitalize() for w in ordered)


def _any_case(tag: str) -> str:
    """The words of a calendar tag as one case-blind alternation, longer first."""
    return "(?i:" + "|".join(sorted((w for w, _ in CALENDAR[tag]), key=lambda w: (-len(w), w))) + ")"


_MONTH_ABBR = _names("month-abbr")
_MONTH = rf"(?P<mon>(?:{_names('month')})\b|(?:{_MONTH_ABBR})(?:\.|\b))"
_WEEKDAY_FULL = rf"(?P<wd>(?:{_names('weekday')})\b)"
_WEEKDAY_ANY = rf"(?P<wd>(?:{_names('weekday')})\b|(?:{_names('weekday-abbr')})\.)"
_DAY = r"(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"
_YEAR = r"(?P<year>(?:1[5-9]|20)[0-9]{2})(?![0-9]|-[0-9])"
_MOD = rf"(?:(?P<mod>{_any_case('modifier')})(?:-|\s+))"
_PREP = _any_case("preposition")
_DAYWORD = rf"(?P<dayword>(?i:{'|'.join(DEICTIC_DAYS)}))"
_CLOCK_WORD = rf"(?P<noon>(?i:{'|'.join(w for w, _ in CALENDAR['clock-word'])}))"
_DECADE_WORDS = "|".join(w for w, _ in CALENDAR["decade-word"])
_QUALIFIERS = "|".join(w for w, _ in CALENDAR["qualifier"])
_DURATION_MOD = _alt(w for w, _ in CALENDAR["duration-mod"])
_DEICTIC = "|".join([*DEICTIC_DAYS, *(w for w, _ in CALENDAR["part-word"])])
_TENS = "|".join(w for w, _ in CALENDAR["tens"])
_ONES = "|".join(w for w, _ in CALENDAR["ones"])
_TEENS = "|".join(w for w, _ in CALENDAR["teens"])
_NUMWORD = (
    rf"(?:{_TENS})(?:-(?:{_ONES}))?|" + "|".join(w for w, v in CALENDAR["teens"] if v != "10") + f"|{_ONES}|"
    + "|".join(w for w, v in CALENDAR["teens"] if v == "10")
    # the other counts: "single" only before a hyphen ("single-day"), "a" and "an" in `_NUMBER`
    + "|" + "|".join(r"\s+".join(w.split()) for w, _ in CALENDAR["count-word"] if w not in ("a", "an", "single", "couple of"))
    .replace(r"a\s+couple\s+of", r"(?:a\s+)?couple\s+of") + "|single(?=-)"
)
# a year as it is said: "nineteen ninety-six", "nineteen oh five"; "two thousand [and] one" only
# where a year is expected ("the year two thousand", "in two thousand")
_SPOKEN_CENTURY = (
    rf"(?P<syear>(?i:seventeen|eighteen|nineteen)\s+(?i:(?:{_TENS})(?:-(?:{_ONES}))?|{_TEENS}|(?:oh|o)[\s-]+(?:{_ONES})))"
    r"(?![\w-]|\s+(?i:years?|months?|weeks?|days?|hours?|minutes?|percent|per\s+cent|dollars|people)\b)"
)
_SPOKEN_2000 = rf"(?P<syear>(?i:two\s+thousand(?:\s+(?:and\s+)?(?:{_TEENS}|{_ONES}))?))(?![\w-])"
_SPOKEN_YEAR = rf"(?:{_SPOKEN_CENTURY}|{_SPOKEN_2000})"
_NUMBER = (
    rf"(?P<count>[0-9]{{1,3}}(?:\.[0-9]+|\s+1/2)?|(?i:(?:{_NUMWORD})(?:\s+and\s+a\s+half)?|an?(?:\s+and\s+a\s+half)?"
    + "".join("|" + r"\s+".join(w.split()) for w, v in CALENDAR["vague-count"] if v == "count") + "))"
)
# a unit, singular or plural ("centuries" for "century")
_UNITS = "|".join(w[:-1] + "(?:y|ies)" if w.endswith("y") and w[-2] not in "aeiou" else w + "s?"
                  for w, _ in CALENDAR["unit"])
_UNIT_WORD = rf"(?P<unit>(?i:{_UNITS}))"
# "the first half of the 1990s": a half of a decade or a century, not of a year
_HALF_OF = rf"(?:(?i:the)\s+(?P<half>{_any_case('half')})\s+(?i:half)\s+(?i:of)\s+)"
_DECADE_AHEAD = (
    r"(?:(?i:the)\s+)?(?:{_MOD}?(?:(?:1[5-9]|20)[0-9]0|['’]?[0-9]0)['’]?s\b|[12]?[0-9](?i:st|nd|rd|th)[\s-]+(?i:century)\b"
    r"|(?i:" + _DECADE_WORDS + r")\b)"
).replace("{_MOD}", rf"(?:{_any_case('modifier')}(?:-|\s+))")
_SET_WORDS = "|".join(SET_WORDS)
_SEASON = rf"(?P<season>(?i:{'|'.join(SEASONS)}))"
_PART = rf"(?P<part>(?i:{'|'.join(w for w, _ in CALENDAR['part-of-day'])}))"

def _contexts() -> dict[str, tuple[str, ...]]:
    """`data/date_contexts.txt` by role: the words and phrases of each, in the table's order."""
    out: dict[str, list[str]] = {}
    for line in table("date_contexts.txt"):
        words, _, roles = line.partition("|")
        for role in roles.split():
            out.setdefault(role, []).append(" ".join(words.lower().split()))
    return {role: tuple(ws) for role, ws in out.items()}


CONTEXTS = _contexts()
_REL_DAY, _REL_MONTH, _REL_UNIT, _REL_YEAR = (_alt(CONTEXTS[r]) for r in ("rel-day", "rel-month", "rel-unit", "rel-year"))
_SEASON_BEFORE, _WEEKEND_BEFORE = _alt(CONTEXTS["season-before"]), _alt(CONTEXTS["weekend-before"])
_CLOCK_PREP, _PART_PREP, _PART_DAY = _alt(CONTEXTS["clock-prep"]), _alt(CONTEXTS["part-prep"]), _alt(CONTEXTS["part-day"])
_YEAR_PREP, _YEAR_END_PREP = _alt(CONTEXTS["year-prep"]), _alt(CONTEXTS["year-end-prep"])
_SEASON_PREP, _VAGUE_PREP, _REF_PREP = _alt(CONTEXTS["season-prep"]), _alt(CONTEXTS["vague-prep"]), _alt(CONTEXTS["ref-prep"])
_DAY_PREP, _DETERMINER = _alt(CONTEXTS["day-prep"]), _alt(CONTEXTS["determiner"])
_SET_BEFORE, _SET_NAME_BEFORE = _alt(CONTEXTS["set-before"]), _alt(CONTEXTS["set-name-before"])

GRAMMAR = rf"""
(?<![\w\p{{N}}-])
(?:
  (?P<time>
     (?:(?P<hour>[01]?[0-9]|2[0-3])(?::(?P<minute>[0-5][0-9])(?:\s*(?P<ampm>(?i:a\.m\.|p\.m\.|am|pm)))?
                                     |\s*(?P<ampm>(?i:a\.m\.?|p\.m\.?))(?![\w.]))
      |(?P<hour>[01][0-9]|2[0-3])(?P<minute>[0-5][0-9])(?=\s*(?:UTC|GMT)))
     (?:\s*(?P<zone>UTC|GMT|Z|[ECMP][SD]T|KST|JST|BST|CET|CEST|IST|AEST|HKT|SGT|MSK)\b)?
     (?:\s+(?:{_DAYWORD}\b|{_WEEKDAY_FULL}\b|{_MONTH}\s*{_DAY}(?:,\s*{_YEAR})?))?
   | {_CLOCK_WORD}\s+(?:{_DAYWORD}\b|{_WEEKDAY_FULL})
   | (?<=\b{_CLOCK_PREP}\s+){_CLOCK_WORD}\b(?![-'’])
  )
| (?P<part_of_day>
     (?:(?P<dayword>{_PART_DAY})\s+|{_WEEKDAY_FULL}\s+)(?:(?P<mod>(?i:early|late))\s+)?{_PART}\b
   | (?P<dayword>(?i:last))\s+(?P<part>(?i:night|evening))\b
   | (?<=\b{_PART_PREP}\s+)(?i:the)\s+{_PART}\b
   | (?P<mod>(?i:mid))[-\s]?(?P<part>(?i:morning|afternoon))\b
     (?:\s+(?:{_DAYWORD}\b|{_WEEKDAY_FULL}))?
  )
| (?P<period>
     (?:(?i:the)\s+)?(?P<pdet>{_PERIOD_DET})\s+(?:(?i:fiscal)[\s-]+)?(?P<unit>(?i:quarter|period|year))\b
     (?!-|\s+(?i:ago|earlier)\b)
   | (?P<yadj>(?i:year-(?:ago|earlier)))\b(?!\s+(?i:quarter|period)\b)
   | (?i:the)\s+(?:(?i:fiscal)\s+)?(?P<unit>(?i:quarter))\b(?:\s+(?P<pago>(?i:a\s+year\s+(?:ago|earlier)))\b)?(?!-)
   | (?i:the)\s+(?P<year>(?:19|20)[0-9]{{2}})\s+(?:(?i:fiscal)\s+)?(?P<unit>(?i:quarter|period))\b(?!-)
   | (?P<plast>(?i:last))\s+(?i:year)['’]s\s+(?:(?i:fiscal)\s+)?(?P<unit>(?i:quarter|period))\b(?!-)
   | (?i:the)\s+(?i:corresponding|comparable|same)\s+(?P<unit>(?i:quarter|period))\s+
     (?P<pago>(?i:last\s+year|a\s+year\s+(?:ago|earlier)))\b
   | (?:(?i:the)\s+)?(?P<pana>{_ANAPHORIC})\s+(?:(?i:fiscal)\s+)?(?P<unit>(?i:year|quarter))\b(?!-|['’])
   | (?=(?i:the)\s)(?:(?P<edge>{_EDGE})\s+|(?<=\b{_YEAR_PREP}\s+))
     (?i:the)\s+(?:(?i:fiscal|full|calendar)\s+)?(?P<unit>(?i:year))\b
     (?!-|['’]|\s+(?i:ago|earlier|before|after|ended|ending|ends|that|two|seventeen|eighteen|nineteen|in|of|to|when|old|and\s+a\s+half)\b|\s+[0-9])
   | (?=(?i:year))(?<=\b{_YEAR_END_PREP}\s+)(?P<yend>{_YEAR_END})\b(?!-)
   | (?i:the)\s+(?P<unit>(?i:week))(?:(?=['’]s\b)|(?<=\b(?i:for)\s+the\s+week)\b(?![-'’]|\s+(?i:ago|earlier|before|after|ended|ending|that|to|and|or|of)\b))
  )
| (?P<quarter>
     (?:(?i:the)\s+)?
     (?:(?P<year>(?:1[5-9]|20)[0-9]{{2}})\s+|(?P<rel>{_REL_YEAR})\s+(?i:year)['’]s\s+
      |(?P<pdet>{_PERIOD_DET})\s+|(?P<qfiscal>(?i:fiscal))[\s-]+)?
     (?P<ordinal>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))[\s-]+
     (?P<unit>(?i:quarter|half))\b(?!\s+(?i:of)\s+{_DECADE_AHEAD})
     (?:\s+(?i:of)\s+(?:(?P<year>(?:1[5-9]|20)[0-9]{{2}})(?![0-9])|(?P<rel>{_REL_YEAR})\s+(?i:year)))?
   | Q(?P<ordinal>[1-4])(?:\s+{_YEAR}|(?![\w]))
  )
| (?P<month_day>
     (?:(?P<weekof>(?i:the\s+week\s+of))\s+)?(?:{_WEEKDAY_ANY},?[^\S\n]+)?{_MONTH}\s*{_DAY}(?:(?:,\s*|\s+){_YEAR})?
  )
| (?P<day_month>
     (?:{_WEEKDAY_ANY},?[^\S\n]+)?(?:(?i:the)\s+)?{_DAY}(?:\s+(?i:of))?\s+{_MONTH}(?:,?\s+{_YEAR})?
  )
| (?P<iso>
     (?P<year>(?:1[5-9]|20)[0-9]{{2}})-(?P<mnum>[01][0-9])-(?P<day>[0-3][0-9])(?![0-9])
  )
| (?P<numeric>
     (?P<n1>[0-9]{{1,2}})/(?P<n2>[0-9]{{1,2}})/(?P<year>(?:1[5-9]|20)[0-9]{{2}}|(?P<yy>[0-9]{{2}}))(?![0-9/])
  )
| (?P<month_year>
     {_MOD}?{_MONTH}(?:,?\s+{_YEAR}|\s+{_SPOKEN_CENTURY}|\s+(?:(?i:of)\s+)?(?P<rel>{_REL_YEAR})\s+(?i:year)\b(?!['’]))
  )
| (?P<rel_month>
     (?:(?P<rel>{_REL_MONTH}\s+){_MOD}?|{_MOD}){_MONTH}(?!\.?\s*[0-9])
  )
| (?<=\b{_PREP}\s+)(?!(?:{_MONTH_ABBR})\s+[A-Z])(?P<month>{_MONTH}(?!\s*[0-9]))
| (?=[A-Z])(?<=\b{_DETERMINER}\s+)(?P<month>(?P<attr>){_MONTH}(?=\s+[a-z][a-z-]*[a-z]\b)(?!\s+(?:of|to|and|or|in|on|at|for|is|was|were|are|has|had|will|would|can|could)\b))
| (?P<season_form>
     (?:(?P<rel>{_REL_MONTH})\s+|{_MOD})?
     (?:(?P<season>Spring|Summer|Autumn|Winter|Fall)\s+(?:of\s+)?{_YEAR}
      |(?i:the)\s+{_SEASON}\s+(?i:of)\s+(?:{_YEAR}|{_SPOKEN_CENTURY})
      |(?<=\b(?:{_SEASON_PREP}\s+(?:(?i:the)\s+)?|{_SEASON_BEFORE}[\s-]+))
       {_SEASON}(?:\s+(?:of\s+)?{_YEAR})?\b)
  )
| (?P<decade>{_HALF_OF}?
     (?:(?:(?i:the)\s+)?{_MOD}?(?:(?P<dec>(?:1[5-9]|20)[0-9]0)|['’]?(?P<dec2>[0-9]0))['’]?s\b
      |(?i:the)\s+{_MOD}?(?P<decw>(?i:{_DECADE_WORDS}))\b))
| (?P<century>{_HALF_OF}?(?:(?i:the)\s+)?(?P<cent>[12]?[0-9])(?i:st|nd|rd|th)[\s-]+(?i:century)\b)
| (?P<year_form>
     (?:(?<=\b{_PREP}\s+)|(?<=\b(?i:the)\s+)|(?={_MOD})){_MOD}?{_YEAR}(?!\s*[-/][0-9])
   | (?:(?<=\b{_YEAR_BEFORE}\s+)|(?<=\w['’]s\s+))(?=19|20){_YEAR}(?!\s*[-/][0-9]|\s+[a-z]+s\b(?!['’]))
   | (?P<fiscal>(?i:fiscal))[\s-]+{_YEAR}(?!\s*[-/][0-9])
   | ['’](?P<yy>[0-9]{{2}})\b(?!['’])
   | (?:(?i:the\s+year)\s+)?{_SPOKEN_CENTURY}
   | (?i:the\s+year)\s+{_SPOKEN_2000}
   | (?=(?i:two)\s)(?<=\b{_PREP}\s+){_SPOKEN_2000}(?!\s+[a-z])
  )
| (?P<month_week>(?i:the)\s+(?P<wkord>{_any_case('week-ordinal')})\s+(?i:week)\s+(?i:of)\s+{_MONTH}
     (?:,?\s+{_YEAR})?(?!\.?\s*[0-9])
  )
| (?P<rel_unit>
     (?:(?P<edge>{_EDGE})\s+)?
     (?:(?P<ea>(?i:earlier|later))\s+(?P<rel>(?i:this))|(?P<rel>{_REL_UNIT}))
     \s+(?P<unit>(?i:week(?:end)?|month|year|summer|winter|spring|fall|autumn|quarter|decade))\b
     # not an ordinal: "the last month of the year", "the last week of her holiday"
     (?!(?<=(?<![\w-])(?i:the)\s+(?i:last)\s+\w+)\s+(?i:of)\s+(?i:the|his|her|its|their|our|my|your|this|that)\b)
  )
| (?P<ago>{_NUMBER}\s+(?P<unit>(?i:days?|weeks?|months?|years?|decades?))\s+(?i:ago|earlier|before|later))\b
| (?P<vague>
     (?i:recent|coming)\s+(?P<vunit>{_VAGUE})\b
   | (?<=\b{_VAGUE_PREP}\s+)(?:(?i:the)\s+)?(?P<vunit>{_VAGUE})\b
     (?!\s+(?i:of|ago|earlier|later|before|after|since|when|between)\b)
  )
| (?!(?i:an?)[\s-]+seconds?\b)(?P<duration>
     (?i:the)\s+(?:(?i:fiscal|calendar)\s+)?(?P<unit>(?i:year))(?=\s+(?i:(?:that\s+)?(?:ended|ending|ends))\b)
   |
     (?:(?P<dmod>{_DURATION_MOD})\s+)?
     (?:(?P<rel>(?i:the\s+(?:past|last|next|first|coming|previous)))\s+)?
     {_NUMBER}(?:[\s-]+(?i:{_QUALIFIERS}))?[\s-]+{_UNIT_WORD}\b
     (?!-old|-(?i:ago|earlier)\b|\s+(?i:old|ago|earlier|before|later)\b)
  )
| (?P<set>
     (?P<setword>(?i:{_SET_WORDS}))\b
   | (?P<every>{_SET_BEFORE})\s+{_UNIT_WORD}\b
   | (?P<every>{_SET_NAME_BEFORE})\s+(?:{_WEEKDAY_FULL}|{_MONTH}(?!\s*[0-9]))
  )
| (?P<ref_word>
     (?<=\b{_REF_PREP}\s+){_REF_AFTER_PREP}\b
     (?!\s+(?:[\w-]+\s+)?(?i:decades?|years?|months?|weeks?|days?|quarters?|centur(?:y|ies))\b)
   | {_REF_ANY}\b(?!-|\s+(?i:as)\b)  # not "as soon as": a conjunction
   | {_REF_ADJECTIVE}(?=\s+[a-z])(?!\s+{_UNITS_AHEAD}\b)
  )
| (?P<deictic>(?i:{_DEICTIC}))\b
| (?P<the_day>(?i:the)\s+
   (?:(?<=\b{_DAY_PREP}\s+the\s+)
      day\b(?!\s+(?:of|before|after|when|that|in|on)\b)
    | (?P<rel>(?i:following))\s+(?P<unit>(?i:day|morning|month))\b
    | (?P<rel>(?i:next))\s+(?P<unit>(?i:day|morning))\b
    | (?i:same)\s+day\b(?![-'’]|\s+(?:as|that|when)\b))
   | (?i:that)\s+(?i:same)\s+day\b(?![-'’]|\s+(?:as|that|when)\b))
| (?<=\b{_WEEKEND_BEFORE}\s+(?:(?i:the)\s+)?)(?P<weekend>(?i:the\s+)?weekend)\b
| (?=[A-Za-z])(?P<holiday>(?:(?P<rel>{_REL_DAY})\s+)?(?=[A-Z])(?P<hol>{_HOLIDAY})\b(?:\s+(?P<hweek>(?i:week))\b)?)(?!-)
| {_NOT_NAMED_DAY}(?P<weekday>(?:(?P<rel>{_REL_DAY})\s+)?{_WEEKDAY_FULL}\b(?:'s)?)
)
"""

# The grammar and the prefilter are compiled on first use (or loaded compiled: `patterns`), so that
# a run that reads no dates pays nothing for them.
_GROUP_INDEX: dict[str, int] = {}  # the grammar's group name -> its index in `Match.groups()`
_FORM_INDEXES: list[tuple[str, int]] = []  # each form's group name and index, in the order tried


def _grammar() -> regex.Pattern[str]:
    pattern = compiled(GRAMMAR, regex.VERBOSE, guarded=True)  # each form tried only where it can begin
    if not _GROUP_INDEX:
        _GROUP_INDEX.update({name: index - 1 for name, index in pattern.groupindex.items()})
        _FORM_INDEXES[:] = [(f, _GROUP_INDEX[f]) for f in _FORMS]
        _BUILD_GROUPS[:] = [itemgetter(*(_GROUP_INDEX[name] for name in _BUILD_NAMES))]
    return pattern

# Where a date expression can begin: the first token of every alternative above. Trying the
# grammar only where one of these words begins a word of the text is what makes one pass over an
# article cheap; the frequent words ("the", "a", "one") count only when what follows can continue a
# date. The words are laid out as a trie, and the prefilter is tried only where a word of the scan
# begins (never scanned along the text); which engine matches it is `_PREFILTER`'s choice.
def _starts_pattern() -> tuple[str, frozenset[str], dict[str, frozenset[str]]]:
    """Where an expression can begin, matched on the lower-cased text (so one spelling each).

    Each start word is followed by a look-ahead for what must come next in every alternative it can
    begin ("this" only before "week", "March", "past"...), so that frequent words cost a failed
    look-ahead here rather than a full attempt of the grammar. Also returned: for each start word
    whose look-aheads all need a word after it from a list, the words of the scan that can follow
    it (the first letters and digits of each listed word: "year" of "year's"), so that "the" before
    "president" is ruled out by a set test, before the pattern is tried.
    """
    from .phrases import _trie_regex

    def trie(words: str) -> str:
        return "(?:" + _trie_regex(words.split()) + ")"

    months = " ".join(MONTHS)
    days = " ".join(WEEKDAYS)
    seasons = " ".join(SEASONS)
    name = trie(f"{months} {days}") + r"(?![a-z])"
    # the first word of each period phrase of `date_words.txt` ("latest", "year" of "year-ago")
    table_starts = sorted({p.split()[0].split("-")[0] for p in PERIOD_WORDS})
    counts_words = " ".join(sorted(
        {w.split()[0] for tag in ("ones", "teens", "tens", "count-word") for w, _ in CALENDAR[tag]}
        | {w.split()[0] for w, v in CALENDAR["vague-count"] if v == "count"}
    ))
    counts = trie(counts_words)
    unit = r"(?:" + _UNITS + r")\b"
    # after a count, only more of the number ("twenty-five", "and a half") or a qualifier, then a unit
    unit_ahead = (
        r"(?=(?:[\s-]+(?:and\s+a\s+half|few|dozen|hundred|one|two|three|four|five|six|seven|eight|nine"
        r"|" + _QUALIFIERS + r"|couple|of))*[\s-]+"
        + unit + ")"
    )
    count_unit = r"(?:[0-9][0-9.]*(?:\s+1/2)?|" + counts + r"\b)" + unit_ahead
    holiday_heads = " ".join(sorted({re.split(r"[-'’]", p)[0] for p in HOLIDAYS}))
    rel_phrases = [p for role in ("rel-day", "rel-month", "rel-unit", "rel-year") for p in CONTEXTS[role]]
    rel_seconds = " ".join(sorted({p.split()[1] for p in rel_phrases if " " in p}))  # "past" of "this past"
    rel_words = f"{seasons} {rel_seconds} week weekend month year quarter decade morning afternoon evening night {holiday_heads}"
    mod_words = f"{seasons} in morning afternoon"
    after_rel = r"(?=\s+(?:" + name + "|" + trie(rel_words) + r"\b))"
    after_mod = r"(?=(?:\s+|-)?(?:[0-9'’]|" + name + "|" + trie(mod_words) + r"\b))"
    the_words = (
        f"{seasons} early mid late past future near time day week weekend morning afternoon evening night"
        " first second third fourth final last next coming previous quarter fiscal full calendar corresponding"
        " " + " ".join(w for w, _ in CALENDAR["decade-word"]) + " "
        + " ".join(table_starts) + " " + " ".join(VAGUE_UNITS) + " " + " ".join(ANAPHORIC_WORDS)
        + " " + " ".join(p.split()[1] for p in EDGE_WORDS if p.split()[0] == "the")
        + " " + " ".join(p.split()[1] for p, _ in DATE_WORDS.get("after-prep", ()) if p.split()[0] == "the")
    )
    the_ahead = r"(?=\s+(?:[0-9'’]|" + name + "|" + trie(the_words) + r"\b))"
    names = "|".join([*MONTHS, *WEEKDAYS])
    units = "|".join(f"{w}|{w}s|{w[:-1]}ies" for w, _ in CALENDAR["unit"])  # every form `unit` reads, and more
    count_parts = ("and|few|dozen|hundred|one|two|three|four|five|six|seven|eight|nine|couple|of|"
                   + _QUALIFIERS + "|" + units)
    # Each start word with what must follow it; a word that begins several alternatives ("last",
    # "more") gets all their look-aheads. The words are laid out by first letter, so at a word's
    # start the engine picks one branch by that letter instead of trying each alternative in turn.
    after: dict[str, list[str]] = {}
    follow: dict[str, set[str] | None] = {}  # None: the word may begin a date whatever follows

    def add(words: str, tail: str, nexts: str | None = None) -> None:
        """`nexts`: the words (or phrases) one of which the look-ahead `tail` needs next, when it
        needs one of a list (else None); a digit, or an apostrophe before the next word, is
        always let through by `_starts_from_scan`."""
        lead = _LEADING_WORD.match  # "[^\W_]*": always matches
        firsts = None if nexts is None else {lead(p).group() for p in nexts.lower().split("|")}  # type: ignore[union-attr]
        for w in words.split():
            after.setdefault(w, []).append(tail)
            had = follow.get(w, set())
            follow[w] = None if had is None or firsts is None else had | firsts

    end = r"\b"
    add(f"{months} {days}", end)
    add(" ".join(sorted({p.split()[0] for p in rel_phrases})), end + after_rel, names + "|" + "|".join(rel_words.split()))
    add(" ".join(w for w, _ in CALENDAR["modifier"]), end + after_mod, names + "|" + "|".join(mod_words.split()))
    add("earlier later", r"(?=\s+this\b)", "this")
    add("coming", r"(?=\s+(?:" + "|".join(VAGUE_UNITS) + r")\b)", "|".join(VAGUE_UNITS))  # "in coming weeks"
    add(
        f"{seasons} weekend {' '.join(DEICTIC_DAYS)} {' '.join(w for w, _ in CALENDAR['part-word'])} {' '.join(SET_WORDS)}"
        f" fiscal {' '.join(w for w, _ in CALENDAR['clock-word'])}",
        end,
    )
    # the words of `date_words.txt`: each phrase's first word, with the rest of the phrase ahead
    def word_regex(w: str) -> str:
        return "".join("['’]" if ch in "'’" else re.escape(ch) for ch in w)

    for tag in ("ref", "adjective", "vague", "period", "year-end", "holiday"):
        for phrase, _ in DATE_WORDS.get(tag, ()):
            first, *rest = phrase.split()
            head = re.split(r"[-'’]", first)[0]
            tail = first[len(head):]
            ahead = word_regex(tail) + (r"\b" if tail[-1:].isalnum() or not tail else "")
            ahead += "".join(r"(?=\s+" + word_regex(w) + (r"\b" if w[-1].isalnum() else "") + ")" for w in rest[:1])
            nexts = (tail.lstrip("-'’") or None) if tail else (rest[0] if rest else None)
            add(head, ahead, nexts)
    # "that year", "the same quarter"; "nineteen ninety-six", "the year two thousand"
    add(" ".join(ANAPHORIC_WORDS), r"(?=\s+(?:fiscal\s+)?(?:year|quarter)\b)", "fiscal|year|quarter")
    add("seventeen eighteen nineteen", r"(?=\s+(?:" + _TENS + "|" + _TEENS + r"|oh|o)\b)", _TENS + "|" + _TEENS + "|oh|o")
    add("two", r"(?=\s+thousand\b)", "thousand")
    add(" ".join(sorted({p.split()[0] for p in CONTEXTS["set-before"]})), r"(?=\s+(?:an?\s+)?" + unit + ")", "a|an|" + units)
    add(" ".join(CONTEXTS["set-name-before"]), r"(?=\s+" + name + ")", names)  # "each Thursday", "every July"
    add("first second third fourth final last", r"(?=[\s-]+(?:quarter|half)\b)", "quarter|half")
    add("the", the_ahead, names + "|" + "|".join(the_words.split()))
    add(counts_words, end + unit_ahead, count_parts)
    add(
        " ".join(sorted({p.split()[0] for p, _ in CALENDAR["duration-mod"]})),
        r"(?=\s+(?:(?:than|least|to)\s+)?(?:the\s+\w+\s+)?" + count_unit + ")",
        "than|least|to|the|" + "|".join(counts_words.split()),
    )
    add("that", r"(?=\s+(?:morning|afternoon|evening|night|same\s+day)\b)", "morning|afternoon|evening|night|same")

    # Under each first letter, the words that share their look-aheads make one small trie followed
    # by those look-aheads. Words whose look-aheads are long (counts, hedges) keep one alternative of
    # their own instead, so that no long look-ahead is written more than once (the pattern stays
    # small and quick to compile).
    groups: dict[tuple[str, ...], list[str]] = {}
    for word, word_tails in after.items():
        groups.setdefault(tuple(dict.fromkeys(word_tails)), []).append(word)

    def alternative(words: list[str], tails: tuple[str, ...]) -> str:
        return "(?:" + _trie_regex(words) + ")" + (tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")")

    long_ones = [alternative(words, tails) for tails, words in groups.items() if sum(map(len, tails)) > 400]
    by_letter: dict[str, list[str]] = {}
    for tails, words in groups.items():
        if sum(map(len, tails)) > 400:
            continue
        for letter in sorted({w[0] for w in words}):
            rests = [w[1:] for w in words if w[0] == letter]  # "" among them: the letter alone is a word ("a")
            by_letter.setdefault(letter, []).append(alternative(rests, tails))
    branches = [re.escape(k) + (v[0] if len(v) == 1 else "(?:" + "|".join(v) + ")") for k, v in sorted(by_letter.items())]
    branches += long_ones
    # Ends of words are tested as "no ASCII letter follows" rather than with \b: the two engines
    # disagree on a few characters (\b before "¼"), and the prefilter must never be the stricter.
    # Zero-width, so that one candidate never hides the next.
    # A number begins a date only as a year (four digits), a count before a unit, a clock time, a
    # numeric date, a day before a month, a decade, a century or a quarter: the rest ("1,000
    # people", "5%") are not tried.
    digits = (
        r"[0-9]{4}|[0-9]{1,3}(?:\.[0-9]+|\s+1/2)?" + unit_ahead + r"|[0-9]{1,2}[:/]|[0-9]{1,2}\s*[ap]\.m"
        r"|[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + name + r"|[0-9]0['’]?s\b"
        r"|[0-9]{1,2}(?:st|nd|rd|th)[\s-]+(?:century|quarter|half)\b"
    )
    # What may not stand before a start ("(?<![\w-])" in the standard library's terms: a letter or
    # digit by `str.isalnum`, "_" or "-") is tested by `_starts_from_scan`, so that `regex`, whose
    # \w differs from the scan's on a few characters, never decides where a word begins.
    source = ("(?=" + digits + r"|q[1-4]|['’][0-9]|" + "|".join(branches) + ")").replace(r"\b", "(?![a-z])")
    return source, frozenset(after), {w: frozenset(f) for w, f in follow.items() if f is not None}


_LEADING_WORD = re.compile(r"[^\W_]*")  # the letters and digits a listed word begins with
_STARTS_SOURCE, _START_WORDS, _START_FOLLOW = _starts_pattern()


# The prefilter is written in what both engines read alike: the first texts of a process match it
# with the kept `regex` form, the rest with `re`'s (see `Rented`); 64 texts of ~85 start words
# each cost, by `regex`, about what compiling `re`'s form does.
_PREFILTER = Rented(common_form(_STARTS_SOURCE), rent_for=64)


def _starts() -> "re.Pattern[str] | regex.Pattern[str]":
    """The prefilter for the next text: what must follow a start word (matched where a word of
    the scan begins)."""
    return _PREFILTER.for_text()


def _after_word(lower: str, pos: int) -> bool:
    """Whether a letter or digit (`str.isalnum`), "_" or "-" stands right before `pos`: no date
    begins there ("x-2023", "_5")."""
    if not pos:
        return False
    ch = lower[pos - 1]
    return ch.isalnum() or ch in "_-"
_LEAD = lazy_re(r"[a-z]*")


def _starts_from_scan(lower: str, scan: Scan) -> list[int]:
    """Where `_STARTS` matches in `lower`, found from the words of the text's `phrases.Scan`: an
    expression begins at a word (or at the apostrophe of "’90s"), and only a word that is a start
    word, or whose letters before a digit or other letter are one ("jan2023"), or that begins with a
    digit or "q1".."q4", can begin one; `_STARTS` is then tried at those words only."""
    vocab = scan.vocab
    begins = vocab & _START_WORDS
    # digits, other letters (C loops: no Python step a word): a start word followed by one is always
    # tried, since the look-aheads end a listed word only before a letter a-z ("week2")
    odd = set(filterfalse(str.isalpha, vocab))
    odd.update(filterfalse(str.isascii, vocab))
    if odd:
        begins = begins | {
            w for w in odd
            if "0" <= w[0] <= "9" or (w[0] == "q" and w[1:2] in ("1", "2", "3", "4"))
            or _LEAD.match(w).group() in _START_WORDS  # type: ignore[union-attr]  # "[a-z]*" always matches
        }
    if not begins:
        return []
    out = []
    starts, words, between = scan.starts, scan.words, scan.between
    last = len(words) - 1
    _STARTS = _starts()
    follow = _START_FOLLOW
    for k in compress(range(len(words)), map(begins.__contains__, words)):
        nexts = follow.get(words[k])
        if nexts is not None and (
            not (words[k + 1] in nexts or words[k + 1] in odd or "'" in between[k + 1]) if k < last
            else "'" not in scan.folded[scan.ends[k] :]  # the last word: only an apostrophe may follow
        ):
            continue  # the word needs one of a few words next (or a number), and another follows
        pos = starts[k]
        if pos and lower[pos - 1] in "'’" and "0" <= words[k][0] <= "9" and not _after_word(lower, pos - 1) and _STARTS.match(lower, pos - 1):
            out.append(pos - 1)
        # a word of the scan never follows a letter or digit: only "_" and "-" remain to rule out
        if not (pos and lower[pos - 1] in "_-") and _STARTS.match(lower, pos):
            out.append(pos)
    return out
_FORMS = (
    "time", "part_of_day", "period", "quarter", "month_day", "day_month", "iso", "numeric", "month_year",
    "rel_month", "month", "season_form", "decade", "century", "year_form", "month_week", "rel_unit", "ago", "vague", "duration", "set",
    "ref_word", "deictic", "the_day", "weekend", "holiday", "weekday",
)


def words_pattern(phrases) -> str:
    """The table words and phrases as one trie-shaped pattern, matched as whole words in any case
    (a phrase's words separated by any white space, an apostrophe either way). A word that begins
    with an apostrophe is a contraction, matched right after a word ("'ll" in "they'll")."""

    def emit(node: dict) -> str:
        branches = [
            (r"\s+" if ch == " " else "['’]" if ch == "'" else re.escape(ch)) + emit(node[ch])
            for ch in sorted(k for k in node if k)
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    root: dict = {}
    for phrase in phrases:
        node = root
        for ch in " ".join(phrase.replace("’", "'").split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    return r"\b(?i:" + emit(root) + r")\b"


def _cores(words) -> tuple[str, ...]:
    """The shortest pieces of `words` (lower case, no apostrophe at either end) that every one of
    them contains: a quick substring test before a word pattern ("til" for until, till, 'til)."""
    bare = sorted({w.replace("’", "'").strip("'").lower() for w in words}, key=len)
    out: list[str] = []
    for w in bare:
        if not any(c in w for c in out):
            out.append(w)
    return tuple(out)


def _future_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """Future cues that reach the whole clause, and those ("would") that reach only their phrase
    (`data/future_cues.txt`); a phrase tagged `not` looks like a cue and is none ("next to")."""
    rows = tagged("future_cues.txt")
    clause = [w for w, tags in rows if not tags & {"phrase", "not"}]
    phrase = [w for w, tags in rows if "phrase" in tags]
    nots = [w for w, tags in rows if "not" in tags]
    never = "(?!)"
    guard = "(?!" + words_pattern(nots) + ")" if nots else ""
    return (
        lazy_regex(guard + words_pattern(clause) if clause else never),
        lazy_regex(guard + words_pattern(phrase) if phrase else never),
    )


# Words in the clause before a date that point it into the future ("will meet on Sept. 5").
_FUTURE_CUE, _FUTURE_PHRASE_CUE = _future_patterns()


def _past_clause_pattern() -> regex.Pattern:
    """A clause of its own whose verb is past (`data/date_clauses.txt`): a word opening it, then a
    finite past form within two words ("that was released", "after they had met", "that they
    signed": a word in -ed)."""
    rows = tagged("date_clauses.txt")
    openers = words_pattern([w for w, t in rows if "opener" in t])
    past = words_pattern([w for w, t in rows if "past" in t])
    participle = words_pattern([w for w, t in rows if "participle" in t])
    return lazy_regex(
        openers + r"(?:\s+[\w'’-]+){0,2}?\s+(?:" + past + r"|(?<!" + participle + r"\s+)[a-z]{2,}ed\b)"
    )


_PAST_CLAUSE = _past_clause_pattern()


def _narrative_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """A past form right before or right after a word ("he was soon released", "a trickle that
    soon became a flood"; `data/date_clauses.txt`, or a word in -ed), and a word that counts from
    another event ("soon after being captured"): "soon" there is not ahead of the writing."""
    past = words_pattern([w for w, t in tagged("date_clauses.txt") if "past" in t])
    return (
        lazy_regex(r"(?:" + past + r")\s+\Z"),
        lazy_regex(r"\s+(?:" + past + r"|[a-z]{2,}ed\b|(?i:after|before|afterwards?|thereafter)\b)"),
    )


_PAST_BEFORE, _PAST_OR_ANCHOR_AFTER = _narrative_patterns()
# a finite past form (`data/date_clauses.txt`, or a word in -ed), and the end of a sentence
_PAST_FORM = lazy_regex(
    r"(?:" + words_pattern([w for w, t in tagged("date_clauses.txt") if "past" in t]) + r"|\b[a-z]{2,}ed\b)"
)


def _clause_tense_pattern() -> regex.Pattern:
    """The end of a sentence or a word that opens another clause (`stop`), a future cue (`cue`,
    `data/future_cues.txt`) or a past form (`past`), whichever comes first."""
    rows = tagged("future_cues.txt")
    clause = [w for w, tags in rows if not tags & {"phrase", "not"}]
    nots = [w for w, tags in rows if "not" in tags]
    guard = "(?!" + words_pattern(nots) + ")" if nots else ""
    openers = words_pattern([w for w, t in tagged("date_clauses.txt") if "opener" in t])
    past = words_pattern([w for w, t in tagged("date_clauses.txt") if "past" in t])
    # a past form after an adverb of `participle-adverb`, a determiner, or a hyphen joining it to a
    # capitalised word or to a word after a determiner is a participle used as an adjective ("the
    # newly built school", "the spent fuel", "the Saudi-led coalition", "a tax-funded plan"), no
    # verb ("narrowly passed", "re-elected" are)
    determiners = words_pattern(tagged_words("function_words.txt", "determiner"))
    adverbs = words_pattern([w for w, t in tagged("date_clauses.txt") if "participle-adverb" in t])
    adjective = (
        r"(?<!" + adverbs + r"\s+|" + determiners + r"\s+|\b[A-Z][\w'’]*[-‐‑]|" + determiners + r"\s+[\w'’]+[-‐‑])"
    )
    return lazy_regex(
        r"(?P<stop>[.!?;]\s|\n|" + openers + r")|(?P<cue>" + guard + words_pattern(clause) + r")"
        r"|" + adjective + r"(?P<past>" + past + r"|\b[a-z]{2,}ed\b)"
    )


_CLAUSE_TENSE = _clause_tense_pattern()
# right before a future cue, a pluperfect that puts the plan in the past ("had been scheduled to")
_PLAN_PAST_BEFORE = lazy_regex(
    r"(?:" + words_pattern([w for w, t in tagged("date_clauses.txt") if "plan-past" in t]) + r")\s+\Z"
)
# cues that a finite past form right before makes an adverb ("arrived next"), and that form
_ADVERB_CUES = frozenset(w for w, tags in tagged("future_cues.txt") if "adverb" in tags)
# (a finite "-ed" form: not "need" or "proceed", nor a passive's participle: "is seeded next")
_PAST_FORM_BEFORE = lazy_regex(
    r"(?:" + words_pattern([w for w, t in tagged("date_clauses.txt") if "past" in t])
    + r"|(?<!\b(?:" + words_pattern([w for w, t in tagged("date_clauses.txt") if "participle" in t]) + r")\s+)"
    + r"\b[a-z]{2,}(?<!e)ed)\s+\Z"
)
_PRESENT_BEFORE = lazy_regex(
    r"(?:" + words_pattern([w for w, t in tagged("date_clauses.txt") if "participle" in t]) + r")\s+\Z"
)
# a date right after one of these words is past ("the year ended March 31"): `date_words.txt`
# "one day" after a modal is some day ahead ("will one day be"): `date_words.txt`
_SOMEDAY_BEFORE = lazy_regex(r"(?:" + words_pattern(w for w, _ in DATE_WORDS.get("someday", ())) + r")\s+\Z")
_ENDED_BEFORE = lazy_regex(r"(?:" + words_pattern(w for w, _ in DATE_WORDS.get("past-before", ())) + r")\s+\Z")
_CLAUSE_BREAK = lazy_regex(r"[.!?;:]\s|[\"”]\s|\n")  # a closing quote ends what was quoted


def _bound_patterns() -> tuple[regex.Pattern, tuple[str, ...], frozenset[str]]:
    """The words that make a date the end of a state, right before it ("until [the] ..."), those
    words without their apostrophes (for a quick test before the pattern), and the negations that
    may stand before them (`data/date_bounds.txt`)."""
    rows = tagged("date_bounds.txt")
    ends = [w for w, tags in rows if "end" in tags]
    negations = frozenset(w.replace("’", "'") for w, tags in rows if "negation" in tags)
    return lazy_regex(r"(?:" + words_pattern(ends) + r")\s+(?:(?i:the)\s+)?\Z"), _cores(ends), negations


_BOUND_END, _BOUND_WORDS, _NEGATIONS = _bound_patterns()
# The words of the bounds and of the phrase cues as a text's scan has them (its `vocab`): a text
# without any needs no look before its dates.
_BOUND_VOCAB = frozenset(w.strip("'’") for w, tags in tagged("date_bounds.txt") if "end" in tags)
_FUTURE_PHRASE_VOCAB = frozenset(w.split()[0].strip("'’") for w, tags in tagged("future_cues.txt") if "phrase" in tags)
_PHRASE_BREAK = lazy_regex(r"[.!?;:,()\[\]\"“”—–]|\n")


@dataclass(frozen=True)
class DateExpr:
    """One temporal expression as written: its prose span and the parts it states."""

    start: int
    end: int
    text: str
    form: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None
    mod: str | None = None  # START, MID, END (early, mid, late); APPROX, MORE_THAN... for durations
    rel: str | None = None  # last, next, this, past, this past, earlier, later...
    unit: str | None = None  # week, month, year, quarter, half, season name...
    count: float | None = None
    future: bool = False
    hour: int | None = None
    minute: int | None = None
    zone: str | None = None
    part: str | None = None  # MO, AF, EV, NI
    dayword: str | None = None  # today, yesterday, tomorrow, this, that (for times and parts of day)
    ordinal: int | None = None  # the quarter or half
    value: str | None = None  # a value the form fixes by itself (SET and *_REF words)
    bound: str | None = None  # "end": the date ends a state ("closed until Friday")
    past: bool = False  # the date opens a clause whose verb is past ("In October, the talks stalled")
    modifier: bool = False  # a month written before the noun it dates ("the October slaying", "a June agreement")
    fiscal: bool = False  # a quarter of a company's fiscal year ("the fiscal second quarter")
    attributive: bool = False  # a year or a day written before the noun it dates ("the 1998 memo", "the March 2 strike"): it dates that noun only


# "of" after "a quarter" that is no time's: not "of 1990", "of the year", "of this fiscal year"
_SHARE_OF = lazy_re(
    r"\s*,?\s+of\b(?!\s+(?:(?:the|this|last|next|that)\s+)?(?:fiscal\s+)?(?:(?:19|20)[0-9]{2}|year|fiscal)\b)", re.I
)
# a determiner or a possessive right before a year or a day that a noun follows: "the 1998 memo",
# "its 1990 invasion", "Elco's 1989 results", "the March 2 strike" (the date dates the noun, not
# the clause)
_ATTRIBUTIVE_FORMS = frozenset(("year", "month_day", "day_month"))
_DETERMINER_BEFORE = lazy_re(r"(?:\b(?:the|a|an|its|his|her|their|our|whose|this|that)|\w['’]s)\s+\Z", re.I)
# the grammar's own "the" opening a day before a month ("the 12 March strike"), not "the 12th of
# March" nor "the 12th March", which date their clause
_THE_DAY_MONTH = lazy_re(r"(?i:the)\s+\d{1,2}\s+[A-Za-z]")
_AGE_BEFORE = lazy_re(r"\b(?:his|her|their|my|your|our)\s+(?:(?:early|mid|late)[\s-]+)?\Z", re.I)
_QUALIFIED = lazy_re(r"\b(?:" + _QUALIFIERS + r")\b", re.I)
_NOUN_AFTER = lazy_re(r"\s+(?!(?:and|or|of|to|in|on|at|by|for|from|through|since|and|but|until)\b)[a-z]")
_MODS = dict(CALENDAR["modifier"])
_WEEK_ORDINALS = {w: int(v) for w, v in CALENDAR["week-ordinal"]}
_TENSE_FORMS = frozenset(
    ("month_day", "day_month", "rel_month", "month", "season", "quarter", "weekday", "weekend", "time", "part_of_day",
     "holiday", "month_week")
)
_DURATION_MODS = dict(CALENDAR["duration-mod"])
_DECADE_YEARS = {w: int(v) for w, v in CALENDAR["decade-word"]}  # "nineties" -> 1990
_HALF_MODS = dict(CALENDAR["half"])  # "first" (half) -> START
_CLOCK_HOURS = {w: int(v) for w, v in CALENDAR["clock-word"]}  # "noon" -> 12


def _clause_before(text: str, start: int) -> str:
    """The clause before `start` within 80 characters: from the last clause break on, a period
    after an abbreviation or an initial ("Daniel P. Davison", "Mr.", "U.S.") being none."""
    window = text[max(0, start - 80) : start]
    for m in reversed(list(_CLAUSE_BREAK.finditer(window))):
        if window[m.start()] == ".":
            word = window[: m.start()].rsplit(None, 1)[-1:] or [""]
            w = word[0].lower().lstrip("\"'“‘(")
            if len(w) == 1 or w in ABBREVIATIONS or "." in w:
                continue  # an initial or an abbreviation
        return window[m.end() :]
    return window


def _tense(text: str, start: int, end: int, phrase_cues: bool) -> str | None:
    """"future" when the clause before `start` points ahead (`_future_in`); a date that opens its
    clause ("On Tuesday, the league plans to ...", "The March accession will enable ...", "In
    October, the talks stalled") takes the tense of the verb after it (`_tense_after`; `end`:
    where the date ends): "future", "past" or None."""
    window = _clause_before(text, start)
    if len(window) < 16 and len(window.split()) <= 1:  # (a long window holds more than one word)
        return _tense_after(text, end)
    return "future" if _future_in(window, phrase_cues) else None


def _future_in(window: str, phrase_cues: bool) -> bool:
    """Whether the clause `window` (before a date) points ahead (`data/future_cues.txt`);
    `phrase_cues`: whether the text holds any of the cues that reach only their phrase ("would")."""
    cue = _FUTURE_CUE.search(window)
    # "had been due to expire": a plan seen from the past; "where she arrived next": a sequence
    while cue is not None and (_PLAN_PAST_BEFORE.search(window, 0, cue.start()) or (
            cue.group().lower() in _ADVERB_CUES and _PAST_FORM_BEFORE.search(window, 0, cue.start()))):
        cue = _FUTURE_CUE.search(window, cue.end())
    if cue is not None:
        # a clause of its own in the past after the cue: "will cite a memo that was released on
        # Monday" (unless another cue follows: "that was announced will begin on Monday")
        past = _PAST_CLAUSE.search(window, cue.end())
        return past is None or _FUTURE_CUE.search(window, past.end()) is not None
    if not phrase_cues:
        return False
    comma = window.rfind(",")
    # "would" keeps its phrase ahead through a past that only follows it: "would be infused when the
    # markets opened on Tuesday" (reported speech shifts the tenses back)
    return bool(_FUTURE_PHRASE_CUE.search(window, comma + 1))


def _tense_after(text: str, end: int) -> str | None:
    """The tense of the clause a date opens, read after it (`end`: where the date ends): "future"
    when a future cue comes before any past form ("On Tuesday, the league plans to ..."), "past"
    when a past form comes first ("In October, the talks stalled"), else None."""
    # the first of: the end of the sentence or another clause ("On Friday, when Albright ..."), a
    # future cue, a past form
    m = _CLAUSE_TENSE.search(text, end, end + 100)
    if m is None or m.group("stop") is not None:
        return None
    if m.group("past") is not None:
        return "past"
    # "the government planned to": a cue that is itself a past form is past, unless a present form
    # stands before it ("is expected to")
    if _PAST_FORM.match(text, m.start()) and _PRESENT_BEFORE.search(text, end, m.start()) is None:
        return "past"
    return "future"


def _ends_state(text: str, start: int) -> tuple[bool, bool]:
    """Whether the date at `start` ends a state ("closed until Friday"), and whether that state
    goes on from the time of writing: not when the phrase opens its clause ("Until Thursday, they
    had not called") or is negated ("not until Tuesday")."""
    window = text[max(0, start - 60) : start]
    m = _BOUND_END.search(window)
    if m is None:
        return False, False
    before = window[: m.start()].rstrip("'’")  # the apostrophe of "'til"
    breaks = list(_PHRASE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    words = before.split()
    if len(words) < 2:
        return True, False  # it opens its clause (or follows one word: "Up until Thursday, ...")
    last = words[-1].lower().replace("’", "'")
    negated = any(last == n or (n.startswith("n'") and last.endswith(n)) for n in _NEGATIONS)
    return True, not negated


def spoken_year(text: str) -> int:
    """'nineteen ninety-six' -> 1996, 'nineteen oh five' -> 1905, 'two thousand and one' -> 2001."""
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + (NUMBER_WORDS[rest[0]] if rest else 0)
    century, rest = NUMBER_WORDS[words[0]], [w for w in words[1:] if w not in ("oh", "o")]
    return century * 100 + sum(NUMBER_WORDS[w] for w in rest)


def parse_count(text: str) -> float | None:
    """'two' -> 2, 'twenty-five' -> 25, 'two and a half' -> 2.5, '2 1/2' -> 2.5, '1.5' -> 1.5, 'several' -> None."""
    t = " ".join(text.lower().split())
    half = t.endswith((" and a half", " 1/2"))
    if half:
        t = t.rsplit(" 1/2", 1)[0] if t.endswith(" 1/2") else t[: -len(" and a half")]
    if t in VAGUE_COUNTS:
        return None
    n: float | None
    try:
        n = float(t)
    except ValueError:
        if "-" in t:
            tens, ones = t.split("-", 1)
            n = float(NUMBER_WORDS.get(tens, 0) + NUMBER_WORDS.get(ones, 0))
        else:
            n = float(NUMBER_WORDS[t]) if t in NUMBER_WORDS else None
    if n is None:
        return None
    return n + 0.5 if half else n


# The named groups `_build` reads, taken from a match's `groups()` in one call (several alternatives
# share names): the order of the names here is the order of `_build`'s unpacking.
_BUILD_NAMES = (
    "ampm",
    "attr",
    "cent",
    "count",
    "day",
    "dayword",
    "dec",
    "dec2",
    "decw",
    "dmod",
    "ea",
    "edge",
    "fiscal",
    "half",
    "hol",
    "hour",
    "hweek",
    "minute",
    "mnum",
    "mod",
    "mon",
    "n1",
    "n2",
    "noon",
    "ordinal",
    "pago",
    "pana",
    "part",
    "pdet",
    "plast",
    "qfiscal",
    "rel",
    "season",
    "setword",
    "syear",
    "unit",
    "vunit",
    "wd",
    "weekof",
    "wkord",
    "yadj",
    "year",
    "yend",
    "yy",
    "zone",
)
_BUILD_GROUPS: list[Callable[[tuple], tuple]] = []  # filled with the grammar's `_GROUP_INDEX`


def _build(m: regex.Match, text: str, day_first: bool, bounds: bool = True, phrase_cues: bool = True) -> DateExpr | None:
    """The expression of a grammar match; `bounds` and `phrase_cues` say whether the text holds
    a word of `date_bounds.txt` and of the phrase cues of `future_cues.txt` at all."""
    values = m.groups()
    form = next(f for f, i in _FORM_INDEXES if values[i] is not None)
    (
        g_ampm, g_attr, g_cent, g_count, g_day, g_dayword, g_dec, g_dec2, g_decw, g_dmod, g_ea, g_edge,
        g_fiscal, g_half, g_hol, g_hour, g_hweek, g_minute, g_mnum, g_mod, g_mon, g_n1, g_n2, g_noon,
        g_ordinal, g_pago, g_pana, g_part, g_pdet, g_plast, g_qfiscal, g_rel, g_season, g_setword, g_syear,
        g_unit, g_vunit, g_wd, g_weekof, g_wkord, g_yadj, g_year, g_yend, g_yy, g_zone,
    ) = _BUILD_GROUPS[0](values)
    start, end = m.span(form)
    if form == "rel_unit" and text[max(0, start - 2) : start].endswith(('"', "“", "``")) and text[start:end].istitle():
        return None  # a title in quotes: ABC News' "This Week"
    if form == "year_form":
        form = "year"
    elif form == "season_form":
        form = "season"
    parts: dict = {"form": form}
    if form == "year" and g_fiscal:
        parts["rel"] = "fiscal"  # a fiscal year: its months are the company's
    if g_mon:
        parts["month"] = MONTHS[g_mon.lower().rstrip(".")]
    if g_day and form != "numeric":
        parts["day"] = int(g_day)
    if g_syear:
        parts["year"] = spoken_year(g_syear)
    elif g_yy and form in ("numeric", "year"):
        yy = int(g_yy)
        parts["year"] = 2000 + yy if yy < 30 else 1900 + yy
    elif g_year:
        parts["year"] = int(g_year)
    if form == "iso":
        parts["month"] = int(g_mnum)
        if not 1 <= parts["month"] <= 12:
            return None
    elif form == "numeric":
        a, b = int(g_n1), int(g_n2)
        month, day = (b, a) if day_first else (a, b)
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        parts.update(month=month, day=day)
    elif form == "century":
        parts["year"] = (int(g_cent) - 1) * 100
    elif form == "decade":
        if _AGE_BEFORE.search(text, max(0, start - 16), start):
            return None  # an age: "in his 30s", "her early forties"
        if g_decw:  # "the nineties": of the 20th century
            parts["year"] = _DECADE_YEARS[g_decw.lower()]
        elif g_dec:
            parts["year"] = int(g_dec)
        else:
            d2 = int(g_dec2)
            parts["year"] = 2000 + d2 if d2 < 30 else 1900 + d2
    if form == "month" and g_attr is not None:
        parts["modifier"] = True
    elif (form in _ATTRIBUTIVE_FORMS and not g_mod and not g_fiscal and _NOUN_AFTER.match(text, end)
            and (_DETERMINER_BEFORE.search(text, max(0, start - 40), start)
                 or (form == "day_month" and _THE_DAY_MONTH.match(text, start) and " of " not in text[start:end]))):
        parts["attributive"] = True
    elif form == "month_day" and g_weekof:  # "the week of March 6": that day's week
        parts["unit"] = "week"
    if g_wd:
        parts["weekday"] = WEEKDAYS[g_wd.lower().rstrip(".")]
        parts["weekday_span"] = m.span("wd")
    if g_mod:
        parts["mod"] = _MODS[g_mod.lower()]
    if g_half:  # "the first half of the 1990s"
        parts["mod"] = _HALF_MODS[g_half.lower()]
    if g_rel:
        parts["rel"] = " ".join(g_rel.lower().split())
    if g_ea:
        parts["rel"] = g_ea.lower()
    if g_unit:
        unit = g_unit.lower()
        if form in ("ago", "duration", "set"):
            unit = "century" if unit.startswith("centur") else unit.rstrip("s")
        parts["unit"] = unit
    if g_season:
        parts["unit"] = g_season.lower()
    if form in ("period", "quarter") and (g_pdet or g_pago or g_plast):
        parts["rel"] = "year-ago" if g_pago or g_plast else PERIOD_WORDS[" ".join(g_pdet.lower().split())].lower().replace("_", "-")
    if g_edge:  # "the end of last year", "the beginning of the year"
        parts["mod"] = EDGE_WORDS[" ".join(g_edge.lower().split())]
    if g_yadj:  # "a year-earlier loss": the period a year before the one reported on
        parts.update(rel="year-ago", unit="year")
    elif g_pana:  # "that year", "the following year": a period the text named before
        parts["rel"] = "that" if ANAPHORIC_WORDS[g_pana.lower()] == "THAT" else "following"
    elif g_yend:  # "by year-end": the end of the year of the writing
        parts.update(rel="current", unit="year", mod="END")
    elif form == "period" and g_unit and g_unit.lower() == "year" and not g_pdet:
        parts["rel"] = "current"  # "for the year", "the end of the year": the year of the writing
    if form == "period":
        parts["unit"] = parts["unit"] if parts["unit"] in ("year", "week") else "quarter"
        parts.setdefault("rel", "latest")  # "the quarter": the one the text reports on
    if (form == "duration" and parts.get("unit") == "quarter" and (g_count or "").lower() in ("a", "an", "one", "three")
            and _SHARE_OF.match(text, end) and not _QUALIFIED.search(text, m.end("count"), m.start("unit"))):
        return None  # a share, not a time: "about three-quarters of its food", "a quarter of its dealers"
    if (form == "duration" and (g_count or "").lower() == "one" and parts.get("unit") == "day" and not g_dmod
            and not g_rel and _SOMEDAY_BEFORE.search(text, max(0, start - 12), start)):
        return DateExpr(start=start, end=end, text=text[start:end], form="ref_word", value="FUTURE_REF")
    if form in ("ago", "duration"):
        parts["count"] = parse_count(g_count) if g_count else 1  # "the year ended June 30"
        if form == "ago":
            tail = text[start:end].split()[-1].lower()
            parts["rel"] = "later" if tail == "later" else ("ago" if tail == "ago" else "before")
        elif g_dmod:
            parts["mod"] = _DURATION_MODS.get(" ".join(g_dmod.lower().split()))
        elif not g_rel and (g_count or "").lower() in ("a", "an") and _RATE_BEFORE.search(text, max(0, start - 40), start):
            parts.update(form="set", value=unit_value(parts["unit"], 1))  # a rate: "$1.76 a year"
            del parts["count"]
    elif form == "deictic":
        parts["rel"] = text[start:end].lower()
    elif form == "the_day" and parts.get("rel") == "following":
        parts["rel"] = "next"  # "the following day": the one after the day the text tells of
    elif form == "time" and g_noon:
        parts.update(hour=_CLOCK_HOURS[g_noon.lower()], minute=0)
    elif form == "time":
        hour = int(g_hour)
        ampm = (g_ampm or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        parts.update(hour=hour, minute=int(g_minute or 0), zone="Z" if g_zone in ("UTC", "GMT", "Z") else None)
    elif form == "part_of_day":
        parts["part"] = PARTS_OF_DAY[g_part.lower()]
    elif form == "month_week":  # "the last week of March": the week that holds its last Thursday
        parts.update(unit="week", ordinal=_WEEK_ORDINALS[g_wkord.lower()])
    elif form == "quarter":
        ordinal = g_ordinal.lower()
        parts["ordinal"] = int(ordinal) if ordinal.isdigit() else ORDINALS[ordinal]
        parts["unit"] = (g_unit or "quarter").lower()
        if g_qfiscal:
            parts["fiscal"] = True
    elif form == "set":
        if g_setword and g_setword.lower() in NOUN_FREQUENCY_WORDS and _NOUN_AFTER.match(text, end):
            return None
        if g_setword:
            parts["value"] = SET_WORDS[g_setword.lower()]
        elif "weekday" in parts:  # "each Thursday"
            parts["value"] = f"XXXX-WXX-{parts['weekday'] + 1}"
        elif "month" in parts:  # "each July"
            parts["value"] = f"XXXX-{parts['month']:02d}"
        else:
            parts["value"] = unit_value(parts["unit"], 1)
    elif form == "vague":
        parts["value"] = VAGUE_UNITS[g_vunit.lower()]
        parts["unit"] = g_vunit.lower()
    elif form == "holiday":
        parts["value"] = HOLIDAYS[" ".join(g_hol.lower().split())]
        if g_hweek:  # "Easter week": the week that holds the holiday
            parts["unit"] = "week"
    elif form == "ref_word":
        phrase = " ".join(text[start:end].lower().split())
        parts["value"] = REF_WORDS.get(phrase, "PRESENT_REF")
        if parts["value"] == "FUTURE_REF" and (
            _PAST_OR_ANCHOR_AFTER.match(text, end) or _PAST_BEFORE.search(text, max(0, start - 12), start)
        ):
            return None  # "was soon released", "soon after": ahead of a past event, not of the writing
    if g_dayword:
        parts["dayword"] = g_dayword.lower()
    if bounds and any(c in text[max(0, start - 12) : start].lower() for c in _BOUND_WORDS):  # a quick test first
        ends, goes_on = _ends_state(text, start)
        if ends:
            parts["bound"] = "end"
    else:
        goes_on = False
    if (form in _TENSE_FORMS or form == "rel_unit" and parts.get("unit") == "weekend") and "year" not in parts:
        # only where the tense can choose the year or the day; a state that still holds ends ahead
        tense = None if goes_on else _tense(text, start, end, phrase_cues)
        parts["future"] = goes_on or (tense == "future" and not _ENDED_BEFORE.search(text, max(0, start - 12), start))
        if tense == "past" and form == "month":
            parts["past"] = True  # "In October, the talks stalled": not the coming October
    return DateExpr(start=start, end=end, text=text[start:end], **parts)


_UNIT_CODES = {
    "year": ("", "Y"), "month": ("", "M"), "week": ("", "W"), "day": ("", "D"), "quarter": ("", "Q"),
    "hour": ("T", "H"), "minute": ("T", "M"), "second": ("T", "S"), "decade": ("", "DE"), "century": ("", "CE"),
}


def unit_value(unit: str, count: float | None) -> str:
    """A TIMEX3 duration: P2D, PT30M, P2.5Y; PXY when the count is vague."""
    t, code = _UNIT_CODES[unit]
    if count is None:
        return f"P{t}X{code}"
    if code in ("DE", "CE"):
        count, code = count * (10 if code == "DE" else 100), "Y"
    n = int(count) if count == int(count) else count
    return f"P{t}{n}{code}"


def find_dates(prose: Prose, *, day_first: bool = False, modifiers: bool = False) -> list[DateExpr]:
    """Every date expression of a text, in order, without overlaps (the places to try are read off
    the words of its scan). `modifiers`: also the months written before a noun they date ("the
    October slaying", "a June agreement"): TIMEX3 expressions (`timex`), but they date their noun,
    not an event near them, so the checks do not read them."""
    text = prose.text
    out = []
    last_end = 0
    lower = text.lower()
    if len(lower) != len(text):  # a rare character whose lower case is longer: scan case by case
        lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    starts = _starts_from_scan(lower, prose.scan)
    vocab = prose.scan.vocab
    bounds = not _BOUND_VOCAB.isdisjoint(vocab)  # one set test a text spares a test a date
    phrase_cues = not _FUTURE_PHRASE_VOCAB.isdisjoint(vocab)
    grammar = _grammar() if starts else None
    for pos in starts:
        if pos < last_end:
            continue
        m = grammar.match(text, pos)  # type: ignore[union-attr]  # starts: the grammar is compiled
        if m is None:
            continue
        expr = _build(m, text, day_first, bounds, phrase_cues)
        if expr is not None and (modifiers or not expr.modifier):
            out.append(expr)
            last_end = m.end()
    return _times_on_days(out, text)


_TIME_DAY = lazy_re(r"\s+(?:" + _alt(CONTEXTS["time-day"]) + r"\s+)?\Z")
_DAY_FORMS = frozenset(("weekday", "month_day", "day_month"))


def _times_on_days(found: list[DateExpr], text: str) -> list[DateExpr]:
    """A time of day that states no day, followed by the day it falls on ("11:45 a.m. on Friday",
    "noon on June 7", "9 a.m. last Thursday"), takes that day, as "11:45 a.m. Friday" is read
    whole; each keeps its own words. A day with its month takes its month and day, not its weekday:
    the date's own weekday is checked once, where it is written (FL102)."""
    for k in range(len(found) - 1):
        time, day = found[k], found[k + 1]
        if (time.form in ("time", "part_of_day") and day.form in _DAY_FORMS and time.weekday is None
                and time.day is None and time.dayword is None and day.start - time.end < 12
                and _TIME_DAY.match(text[time.end : day.start])):
            if day.form == "weekday":
                found[k] = replace(time, weekday=day.weekday, rel=day.rel, future=day.future, past=day.past)
            else:
                found[k] = replace(time, year=day.year, month=day.month, day=day.day, future=day.future, past=day.past)
    return found


_DATE_WORDS = (
    r"(?:1[5-9]|20)[0-9]{2}-[01][0-9]-[0-3][0-9]|[A-Z][a-z]+\.?\s+[0-9]{1,2},?\s+[0-9]{4}"
    r"|[0-9]{1,2}\s+[A-Z][a-z]+\.?,?\s+[0-9]{4}"
)
_DATELINE_BODY = (
    r"[ \t]*(?P<label>(?i:posted|published|first\s+published|updated|modified|last\s+updated|date))"
    r"(?:\s+(?i:on|at))?\s*:?\s*(?P<date>" + _DATE_WORDS + ")"
)
_DATELINE_ALONE = (
    r"[ \t]*(?P<alone>(?:[A-Z][a-z]+\.?\s+[0-9]{1,2},\s+[0-9]{4})|(?:1[5-9]|20)[0-9]{2}-[01][0-9]-[0-3][0-9])[ \t]*$"
)
# A dateline starts a line or follows a separator ("… | Posted on ..."). The line break or the
# separator before it is matched rather than looked for with ^, so the engine skips straight to
# them; the text's first line is read with the same pattern at position 0.
_DATELINE = lazy_re(r"[\n|•·–—]" + _DATELINE_BODY + r"|\n" + _DATELINE_ALONE, re.M)
_DATELINE_FIRST = lazy_re(_DATELINE_BODY + "|" + _DATELINE_ALONE, re.M)


def find_dateline(text: str):
    """The date of a "Posted on ..." line or a date-only line near the top, with its offset.

    Returns (datetime.date, offset) or None. A "posted"/"published" line wins over "updated".
    """
    from datetime import date

    best = None
    for m in _dateline_matches(text):
        group = "date" if m.group("date") else "alone"
        for e in find_dates(Prose.of(m.group(group))):
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


def _dateline_matches(text: str) -> list:
    """Every dateline candidate, in order: the first line, then each line or separator."""
    first = _DATELINE_FIRST.match(text)
    return ([first] if first else []) + list(_DATELINE.finditer(text, first.end() if first else 0))
