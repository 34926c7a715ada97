"""Pieces several formats share: the summary line and the statistics table."""

from __future__ import annotations

import re
from collections import Counter

from ..model import Severity
from ..patterns import lazy_re

# What a terminal (or a CI log) would act on rather than show: C0 and C1 control characters (ESC
# starts the escape sequences that move the cursor, retitle the window or recolour the screen), DEL,
# the line and paragraph separators, and the bidirectional controls that can make text read in
# another order than it is ("Trojan Source", CVE-2021-42574).
_UNSAFE = lazy_re("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(m: re.Match) -> str:
    ch = m.group()
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def printable(text: str) -> str:
    """`text` safe to write to a terminal: each control character shown escaped as Python writes it
    ("\\x1b", "\\t", "\\u202e"), one character for one escape; everything else as it is."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def finding_details(f) -> list[tuple[str, str]]:
    """What a finding says under its message, as (label, words) pairs: what was expected (with the
    fact's place), what was found, where other articles read otherwise, and its fix or suggestion; the text format and the language
    server's diagnostics say the same."""
    from ..plain import value_in_words

    out = []
    if f.expected is not None:
        where = f" ({f.fact.path}:{f.fact.line}, fact {f.fact.fact_id})" if f.fact else ""
        out.append(("expected", value_in_words(f.expected) + where))
    if f.found is not None:
        out.append(("found", value_in_words(f.found)))
    for x in f.related:  # the other articles' readings (FL501)
        out.append(("elsewhere", f"{x.path}:{x.line}: {x.message}"))
    if f.fix is not None:
        out.append(("fix" if f.fix.safe else "suggestion", f"replace with {f.fix.replacement!r}"))
    return out


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(report) -> str:
    findings = report.findings
    c = Counter(f.severity for f in findings)
    nfiles = sum(1 for r in report.files if r.error is None)
    parts = [_plural(c.get(Severity.ERROR, 0), "error"), _plural(c.get(Severity.WARNING, 0), "warning"), f"{c.get(Severity.INFO, 0)} info"]
    line = f"Checked {_plural(nfiles, 'file')}"
    if report.facts_path:
        line += f" against {printable(report.facts_path)} ({_plural(report.fact_count, 'fact')})"
    line += ": " + ", ".join(parts)
    total = sum(r.quotes.total for r in report.files)
    if total:
        line += f"; {quotes_words(total, sum(r.quotes.attributed for r in report.files))}"
    worthy = sum(r.coverage[1] for r in report.files)
    if worthy:
        line += f"; {coverage_words(sum(r.coverage[0] for r in report.files), worthy)}"
    fixed = sum(r.fixed for r in report.files)
    if fixed:
        line += f"; {fixed} fixed"
    fixable = sum(1 for f in findings if f.fix is not None and f.fix.safe)
    if fixable:
        line += f"; {fixable} fixable with --fix"
    suppressed = sum(r.suppressed for r in report.files)
    if suppressed:
        line += f"; {suppressed} suppressed by comments"
    baselined = sum(r.baselined for r in report.files)
    if baselined:
        line += f"; {baselined} in the baseline"
    if report.errors:
        line += f"; {_plural(len(report.errors), 'file')} could not be read"
    return line + "."


def quotes_words(total: int, attributed: int) -> str:
    """"32 quotes, 22 with a speaker": how many quotes, and to how many factlint gave a speaker."""
    return f"{_plural(total, 'quote')}, {attributed} with a speaker"


def coverage_words(covered: int, worthy: int) -> str:
    """"53 of 65 check-worthy sentences backed by a fact"."""
    return f"{covered} of {_plural(worthy, 'check-worthy sentence')} backed by a fact"


def statistics_rows(report) -> list[dict]:
    """Findings counted by rule (and severity), most first: {code, name, severity, count, fixable}."""
    c = Counter((f.code, f.name, f.severity) for f in report.findings)
    fixable = Counter((f.code, f.name, f.severity) for f in report.findings if f.fix is not None and f.fix.safe)
    rows = sorted(c.items(), key=lambda kv: (-kv[1], kv[0][0], -kv[0][2]))
    return [{"code": code, "name": name, "severity": str(sev), "count": n, "fixable": fixable[(code, name, sev)]}
            for (code, name, sev), n in rows]


def statistics_lines(report) -> list[str]:
    """The statistics table, as ruff prints it: count, code, [*] when --fix can fix some, name, severity."""
    return [f"{r['count']:>5}  {r['code']}  {'[*]' if r['fixable'] else '   '} {r['name']} [{r['severity']}]"
            for r in statistics_rows(report)]


def render_statistics(report, fmt: str) -> str:
    """`--statistics`: the table only (text), or the same rows as a JSON list (json)."""
    if fmt == "json":
        import json

        return json.dumps(statistics_rows(report), indent=2) + "\n"
    lines = statistics_lines(report)
    return "\n".join(lines) + ("\n" if lines else "")
