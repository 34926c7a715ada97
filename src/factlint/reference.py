"""The reference date: an article's "now", which relative dates are read against, and its origin.

The whole chain, first found wins (SPEC §4):

1. the date the caller gives (`--reference-date`, the API's `reference_date`);
2. the article's entry under `sources:` in facts.yaml (`published:`);
3. Markdown front matter (`date`, `published`, ...);
4. HTML metadata (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`);
5. a "Posted on" / "Published" dateline or a date-only line near the top of the text;
6. inferred, when nothing states it (`infer_reference`), and reported as inferred: the date in the
   article's address (`url:` of its `sources:` entry); a slug line ("WASHINGTON, Aug. 30 (AP) --")
   or weekday+date pairs without a year ("Wednesday, Aug. 30" fits only some years: the one the
   story's dated facts, else the years the text states, allow), read with the latest explicit
   full date of the text, which is then the reference date; else the latest full date alone, when
   another full date of the text falls in the three days before it; else a bare weekday
   ("announced on Wednesday") in a sentence that mentions a curated event of one day on that weekday: that day, or
   up to six days after (`Document.reference_after`; FL101 reads the article as written on the one
   of those days against which the fewest of its dates contradict their events). Ambiguous
   evidence (two years fit, a weekday of two events' days) infers nothing: relative dates stay
   unresolved (FL104) rather than read against a guess.

Every document says which date it uses and where it came from (`reference_origin`); without one,
relative dates stay unresolved.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, timedelta

import regex

from .document import Document, read_document
from .extract.dates import DateExpr, find_dateline, find_dates
from .extract.phrases import fold
from .facts.model import Facts, Source
from .prose import Prose
from .patterns import lazy_regex
from .views import TextViews

FRONT_MATTER_DATE_KEYS = ("date", "published", "pubdate", "publish_date", "publishDate", "published_at", "created")
_HTML_DATE_KEYS = (
    ("meta published", "HTML meta article:published_time"),
    ("JSON-LD datePublished", "HTML JSON-LD datePublished"),
    ("<time datetime>", "HTML <time datetime>"),
)
_DATELINE_SCAN_CHARS = 1500
_ISO_PREFIX = lazy_regex(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def read_article(
    path: str,
    data: bytes | str,
    *,
    fmt: str | None = None,
    reference_date: date | None = None,
    reference_origin: str = "",
    facts: Facts | None = None,
    facts_display: str = "facts.yaml",
    file_path: str | None = None,
    views: TextViews | None = None,
) -> Document:
    """Read an article (see `document.read_document`) and give it its reference date.

    `reference_date`, when given, wins, and the caller says where it came from in
    `reference_origin`; `file_path` is where the article lies on disk, to find its `sources:` entry
    in `facts` (whose lines `facts_display` names); `views`, the article's text views, which the
    caller's analysis reads again (see `views`)."""
    doc = read_document(path, data, fmt=fmt)
    found, origin = reference_of(doc, reference_date, reference_origin, facts, facts_display, file_path, views)
    return with_reference(doc, found, origin)


def with_reference(doc: Document, found: date | None, origin: str) -> Document:
    """The document read as of `found` (from `origin`, as `reference_of` says it): with the days
    after it the article may have been written (`Document.reference_after`), when the date is only
    the earliest it can be."""
    after = WRITTEN_WITHIN if found is not None and origin.endswith(_EARLIEST) else 0
    return replace(doc, reference_date=found, reference_origin=origin if found else "none", reference_after=after)


def reference_of(
    doc: Document,
    given: date | None = None,
    given_origin: str = "",
    facts: Facts | None = None,
    facts_display: str = "facts.yaml",
    file_path: str | None = None,
    views: TextViews | None = None,
) -> tuple[date | None, str]:
    """The reference date of a document and where it came from, by the chain of the module
    (`views`: see `read_article`)."""
    if given is not None:
        return given, given_origin
    if facts is not None and file_path is not None:
        source = facts.source_for(os.path.relpath(os.path.abspath(file_path), facts.base_dir))
        if source and source.published:
            return source.published, f"sources: in {facts_display}:{source.line}"
    meta = dict(doc.metadata)
    if doc.format == "markdown":
        for key in FRONT_MATTER_DATE_KEYS:
            if key in meta:
                d = iso_date_prefix(meta[key])
                if d:
                    return d, f"front matter '{key}'"
    if doc.format == "html":
        for key, label in _HTML_DATE_KEYS:
            if key in meta:
                d = iso_date_prefix(meta[key])
                if d:
                    return d, label
    found = find_dateline(doc.text[:_DATELINE_SCAN_CHARS])
    if found:
        d, start = found
        offset = doc.source_offset(start)
        line = doc.source.count("\n", 0, offset) + 1
        return d, f"dateline (line {line})"
    source = None
    if facts is not None and file_path is not None:
        source = facts.source_for(os.path.relpath(os.path.abspath(file_path), facts.base_dir))
    return infer_reference(doc.text, facts, source, facts_display, views=views)


_URL_DATE = lazy_regex(r"(?<![0-9])((?:1[5-9]|20)[0-9]{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12][0-9]|3[01])(?![0-9])")
_SLUG = lazy_regex(r"\A\s*(?:[A-Z][A-Z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*)*)[ ,]+(?P<date>[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2})\b[^\n]{0,40}?(?:--|—|–|-)\s")
_FULL_FORMS = frozenset(("month_day", "day_month", "iso", "numeric"))
_SCAN_CHARS = 20000  # the part of a long text read for evidence
_STORY_REACH = timedelta(days=366)
_OWN_DAYS = timedelta(days=3)  # how close a second full date must be to the latest one to confirm it


def infer_reference(
    text: str, facts: Facts | None = None, source: Source | None = None, facts_display: str = "facts.yaml",
    *, views: TextViews | None = None,
) -> tuple[date | None, str]:
    """The reference date inferred from what the text and its facts say (link 6 of the chain), and
    its origin ("inferred from 'Wednesday, Aug. 30' and the story's dates"), or (None, "none")."""
    if source is not None and source.url:
        m = _URL_DATE.search(source.url)
        if m:
            d = _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d is not None:
                return d, f"inferred from the address in sources: ({facts_display}:{source.line})"
    head = text[:_SCAN_CHARS]
    if views is not None:  # the text views the analysis reads too
        prose = views.prose(head)
        exprs = views.dates(prose)
    else:
        prose = Prose.of(head)
        exprs = find_dates(prose)
    story = _story_span(facts)
    years = [e.year for e in exprs if e.year is not None and e.form not in ("decade", "century")]
    full = [(d, e) for e in exprs if e.form in _FULL_FORMS and e.year is not None
            for d in [_day(e.year, e.month or 0, e.day or 0)] if d is not None]
    # a slug line's date and weekday+date pairs without a year: the years they fit
    slug = _SLUG.match(head)
    open_days = [e for e in exprs if e.form in ("month_day", "day_month") and e.year is None and e.weekday is not None]
    slug_days = [e for e in exprs if slug is not None and e.form == "month_day" and e.year is None
                 and slug.start("date") <= e.start < slug.end("date")]
    evidence = open_days + [e for e in slug_days if e not in open_days]
    if evidence:
        chosen = _years_fitting(evidence, story, years, _NearFacts(facts))
        if chosen is None:
            return None, "none"
        fitting = []
        for e in evidence:
            assert e.month is not None and e.day is not None  # a day form states both
            d = _day(chosen, e.month, e.day)
            if d is not None and (e.weekday is None or d.weekday() == e.weekday):
                full.append((d, e))
                fitting.append(e)
        named = ", ".join(repr(e.text) for e in fitting[:2])
        why = "the story's dates" if story is not None else "the years the text gives"
        latest = max(full, key=lambda x: x[0])
        if years and latest[0].year < max(years):
            return None, "none"
        return latest[0], f"inferred from {named} and {why}"
    if full:
        latest = max(full, key=lambda x: x[0])
        # the latest time the text speaks of, when another full date of the text falls in the days
        # before it (`_OWN_DAYS`): the days of the writing show in several of its dates (an update, a
        # post, the week's events), where a date written once is more often a past event recalled
        # ("the storm of Oct. 3, 1998", "the law signed on May 2, 2009")
        if latest[0].year >= max(years) and any(
            e is not latest[1] and timedelta(0) <= latest[0] - d <= _OWN_DAYS for d, e in full
        ):
            return latest[0], f"inferred from {latest[1].text!r}, the latest date of the text"
    return _weekday_of_an_event(prose, exprs, facts)


def _has_phrase(folded: str, phrase: str) -> bool:
    """Whether `phrase` stands in `folded` as whole words."""
    return regex.search(r"(?<!\w)" + regex.escape(phrase) + r"(?!\w)", folded) is not None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _story_span(facts: Facts | None) -> tuple[date, date] | None:
    """From the first to the last day of the story's curated events, or None without any."""
    events = facts.events if facts is not None else ()
    if not events:
        return None
    return min(e.date.interval.first for e in events), max(e.date.interval.last for e in events)


def _years_fitting(
    evidence: list[DateExpr], story: tuple[date, date] | None, years: list[int], days: "_NearFacts"
) -> int | None:
    """The year the weekday+date pairs of `evidence` fit best: among the years the story's span
    allows (its years and the next; else the latest year the text states and the next), the one
    where most pairs fit their weekday, then most of their days lie within a week of a curated
    event dated to a month or finer (a wrong weekday elsewhere in the text is then a weekday
    mismatch, not a vote). None when no year fits, two fit as well, or (with facts) no day of the
    best one is near a curated event."""
    if story is not None:
        lo, hi = story[0].year, story[1].year + 1
    elif years:
        lo, hi = max(years), max(years) + 1
    else:
        return None
    ranked = []
    for y in range(max(lo, 1), min(hi, 9999) + 1):
        fit = inside = 0
        for e in evidence:
            assert e.month is not None and e.day is not None  # a day form states both
            d = _day(y, e.month, e.day)
            if d is None or (story is not None and not story[0] <= d <= story[1] + _STORY_REACH):
                continue  # outside the story's time (and the year after its last fact)
            if e.weekday is None or d.weekday() == e.weekday:
                fit += 1
                inside += d in days
        if fit:
            ranked.append(((fit, inside), y))
    ranked.sort(reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    if story is not None and not ranked[0][0][1]:
        return None  # the story's dated facts support no day of that year
    return ranked[0][1]


class _NearFacts:
    """The days near a curated event dated to a month or finer: within a week of it."""

    def __init__(self, facts: Facts | None):
        self._spans = [
            (e.date.interval.first - _NEAR, e.date.interval.last + _NEAR)
            for e in (facts.events if facts is not None else ())
            if e.date.interval.last - e.date.interval.first <= _MONTH
        ]

    def __contains__(self, d: date) -> bool:
        return any(first <= d <= last for first, last in self._spans)


_NEAR = timedelta(days=7)
_MONTH = timedelta(days=31)


def _weekday_of_an_event(prose: Prose, exprs: list[DateExpr], facts: Facts | None) -> tuple[date | None, str]:
    """A bare weekday ("announced on Wednesday") in a sentence mentioning a curated event of one day
    on that weekday: that day. One such day in all, or nothing."""
    if facts is None:
        return None, "none"
    days = [e for e in exprs if e.form == "weekday" and e.rel is None and e.weekday is not None]
    if not days:
        return None, "none"
    found: dict[date, DateExpr] = {}
    for e in days:
        span = prose.sentences.containing(e.start)
        if span is None:
            continue
        sentence = fold(prose.text[span[0] : span[1]])
        for ev in facts.events:
            iv = ev.date.interval
            if iv.first != iv.last or iv.first.weekday() != e.weekday:
                continue
            if any(not p.is_regex and not p.near and _has_phrase(sentence, fold(p.text)) for p, _ in ev.all_mentions):
                found.setdefault(iv.first, e)
    if len(found) != 1:
        return None, "none"
    ((d, e),) = found.items()
    return d, f"inferred from {e.text!r} and the story's dates{_EARLIEST}"


# A bare weekday of a curated event says on which day the event fell, not on which the article was
# written: that day or one of the week after it. The reference date is then the earliest, and FL101
# reads the article as written on one day of that week (`Document.reference_after`,
# `rules.dates.writing_shift`).
WRITTEN_WITHIN = 6
_EARLIEST = f", or up to {WRITTEN_WITHIN} days after"


def iso_date_prefix(text: str) -> date | None:
    """The date at the start of an ISO date or timestamp string, or None when there is none."""
    m = _ISO_PREFIX.match(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


__all__ = ["FRONT_MATTER_DATE_KEYS", "infer_reference", "iso_date_prefix", "read_article", "reference_of"]
