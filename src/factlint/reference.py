"""The reference date: an article's "now", which relative dates are read against, and its origin.

The whole chain, first found wins (SPEC §4):

1. the date the caller gives (`--reference-date`, the API's `reference_date`);
2. the article's entry under `sources:` in facts.yaml (`published:`);
3. Markdown front matter (`date`, `published`, ...);
4. HTML metadata (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`);
5. a "Posted on" / "Published" dateline or a date-only line near the top of the text.

Every document says which date it uses and where it came from (`reference_origin`); without one,
relative dates stay unresolved.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date

import regex

from .document import Document, read_document
from .extract.dates import find_dateline
from .facts.model import Facts

FRONT_MATTER_DATE_KEYS = ("date", "published", "pubdate", "publish_date", "publishDate", "published_at", "created")
_HTML_DATE_KEYS = (
    ("meta published", "HTML meta article:published_time"),
    ("JSON-LD datePublished", "HTML JSON-LD datePublished"),
    ("<time datetime>", "HTML <time datetime>"),
)
_DATELINE_SCAN_CHARS = 1500
_ISO_PREFIX = regex.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


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
) -> Document:
    """Read an article (see `document.read_document`) and give it its reference date.

    `reference_date`, when given, wins, and the caller says where it came from in
    `reference_origin`; `file_path` is where the article lies on disk, to find its `sources:` entry
    in `facts` (whose lines `facts_display` names)."""
    doc = read_document(path, data, fmt=fmt)
    found, origin = reference_of(doc, reference_date, reference_origin, facts, facts_display, file_path)
    return replace(doc, reference_date=found, reference_origin=origin if found else "none")


def reference_of(
    doc: Document,
    given: date | None = None,
    given_origin: str = "",
    facts: Facts | None = None,
    facts_display: str = "facts.yaml",
    file_path: str | None = None,
) -> tuple[date | None, str]:
    """The reference date of a document and where it came from, by the chain of the module."""
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
    return None, "none"


def iso_date_prefix(text: str) -> date | None:
    """The date at the start of an ISO date or timestamp string, or None when there is none."""
    m = _ISO_PREFIX.match(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


__all__ = ["FRONT_MATTER_DATE_KEYS", "iso_date_prefix", "read_article", "reference_of"]
