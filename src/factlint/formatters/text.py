"""`text`: ruff-like: location, code and message, the source line with a caret under the span,
expected vs found with the fact; then each file's reference date and a summary line."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Finding, Severity
from ..plain import spoken_date
from .common import coverage_words, finding_details, printable, quotes_words, summary_line
from ..patterns import lazy_re

if TYPE_CHECKING:
    from ..report import RunReport
    from . import RenderOptions

WINDOW = 100  # characters of a long source line shown around the span

_COLORS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m", Severity.INFO: "\x1b[1;36m"}
_BOLD, _DIM, _RESET, _BLUE = "\x1b[1m", "\x1b[2m", "\x1b[0m", "\x1b[1;34m"


@lru_cache(maxsize=4096)
def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


# Latin, Greek and Cyrillic letters and the general punctuation of prose (curly quotes, dashes,
# ellipsis) are all narrow; a text of nothing else is as wide as it is long. Checked against this
# Python's Unicode tables when the module loads, so a different table can only make it slower.
_NARROW_RANGES = ((0x0, 0x377), (0x2000, 0x2064))
_MAYBE_WIDE = lazy_re(
    "[^" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _NARROW_RANGES) + "]"
    if not any(_wide(chr(c)) for lo, hi in _NARROW_RANGES for c in range(lo, hi + 1))
    else "[\\s\\S]"
)


def _width(text: str) -> int:
    """Columns the text takes in a terminal: wide (East Asian) characters take two."""
    if text.isascii() or not _MAYBE_WIDE.search(text):
        return len(text)
    return len(text) + sum(text.count(ch) for ch in set(text) if _wide(ch))


def _snippet(f: Finding, doc) -> tuple[str, str]:
    """The source line (clipped to a window around the span) and the caret line under it."""
    line = doc.line_text(f.start.line)
    start = f.start.col - 1
    end = f.end.col - 1 if f.end.line == f.start.line else len(line)
    end = max(end, start + 1)
    lo = max(0, start - WINDOW // 2)
    hi = min(len(line), max(end, lo + WINDOW))
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    # control characters shown escaped, the carets under the escapes
    shown = prefix + printable(line[lo:hi]) + suffix
    pad = _width(prefix + printable(line[lo:start]))
    carets = "^" * max(1, _width(printable(line[start:min(end, hi)])))
    return shown, " " * pad + carets


def render(report: RunReport, options: RenderOptions) -> str:
    c = options.color
    out: list[str] = []
    for r in report.files:
        if r.error:
            e = r.error
            out.append(f"{_BOLD if c else ''}{printable(e.path)}:{e.line}:{e.col}:{_RESET if c else ''} error: {printable(e.detail)}")
            out.append("")
        for f in r.findings:
            sev = f"{_COLORS[f.severity]}{f.severity}{_RESET}" if c else str(f.severity)
            code = f"{_COLORS[f.severity]}{f.code}{_RESET}" if c else f.code
            path = printable(f.path)  # a file name or an article's words never reach the terminal raw
            loc = f"{_BOLD}{path}:{f.start.line}:{f.start.col}:{_RESET}" if c else f"{path}:{f.start.line}:{f.start.col}:"
            out.append(f"{loc} {code} [{sev}] {printable(f.message)}")
            if r.document is not None:
                shown, carets = _snippet(f, r.document)
                gutter = " " * len(str(f.start.line))
                bar = f"{_BLUE}|{_RESET}" if c else "|"
                num = f"{_BLUE}{f.start.line}{_RESET}" if c else str(f.start.line)
                out.append(f"{gutter} {bar}")
                out.append(f"{num} {bar} {shown}")
                out.append(f"{gutter} {bar} {_COLORS[f.severity] if c else ''}{carets} {f.name}{_RESET if c else ''}")
                for label, words in finding_details(f):
                    pad = " " * (len("expected") - len(label)) if label == "found" else ""
                    out.append(f"{gutter} = {label}: {pad}{printable(words)}")
            out.append("")
    if not options.quiet:
        readable = [r for r in report.files if r.error is None]
        if readable:
            out.append("Articles (the date each was read as of, and where that came from; its quotes; its check-worthy sentences):")
            width = max(len(printable(r.path)) for r in readable)
            for r in readable:
                d = r.reference_date
                when = f"{spoken_date(d.year, d.month, d.day)} ({r.reference_origin})" if d else "no date known (relative dates not checked)"
                quotes = f"; {quotes_words(r.quotes.total, r.quotes.attributed)}" if r.quotes.total else ""
                covered = f"; {coverage_words(*r.coverage)}" if r.coverage[1] else ""
                out.append(f"  {printable(r.path).ljust(width)}  {printable(when)}{quotes}{covered}")
            out.append("")
        out.append(summary_line(report))
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + ("\n" if out else "")
