"""Suppression comments: read from an article's source, applied at the one decision point.

    <!-- factlint: ignore[FL203] the speaker's own words, checked by phone -->   silences the next line
    <!-- factlint: disable[FL2] -->  ...  <!-- factlint: enable[FL2] -->          silences a region

- `ignore` silences the findings that start on the next line holding text after the comment (so a
  blank line between the comment and its paragraph does not matter); `disable` silences from the
  end of the comment to the start of the `enable` with the same codes, or to the end of the file.
- Codes are rule-code prefixes, separated by commas (`FL2`, `FL201,FL301`); without brackets a
  directive covers every rule. Anything after the brackets is the reason, for the reader.
- A directive that silences nothing is reported (FL001 unused-suppression), only for codes that are
  enabled in this run (a directive for a rule the run does not select cannot be judged). One that
  does not parse, names no rule, or enables what was never disabled is FL002 invalid-suppression,
  and silences nothing: a bracket left open (`disable[FL4 -->`) or codes written without brackets
  (`ignore FL301`) never widen into "every rule".

The directives are read from the source, so they work wherever the comment survives: Markdown,
HTML, and plain text too (where the comment is part of the prose, but harmless). In Markdown, a
comment inside code (fenced, indented or inline) shows the syntax and is not a directive.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from .document import Document, markdown_code_spans
from .engine import to_finding
from .model import Finding, Span
from .records import dataclass
from .rules.base import Diagnostic, Rule
from .rules.suppressions import InvalidSuppression, UnusedSuppression
from .patterns import lazy_re

_DIRECTIVE = lazy_re(r"<!--\s*factlint\s*:(?P<body>.*?)-->", re.S | re.I)
_BODY = lazy_re(r"\s*(?P<verb>[A-Za-z-]+)\s*(?:\[(?P<codes>[^\]]*)\])?(?P<reason>.*)", re.S)
_CODE = lazy_re(r"FL\d{0,3}\Z")
# a reason that starts with what looks like rule codes: "ignore FL301", "disable (FL2, FL3)", "ignore: FL203"
_LOOSE_CODES = lazy_re(r"[\s:=({]*FL\d*\b(?:[\s,;]+FL\d*\b)*", re.I)
VERBS = ("ignore", "disable", "enable")


@dataclass(frozen=True)
class Directive:
    """One `<!-- factlint: ... -->` comment: its verb, its code prefixes, where it is."""

    verb: str
    codes: tuple[str, ...]  # ("FL",) when the comment names none
    span: Span  # source offsets of the whole comment
    reason: str
    problem: str = ""  # why it is invalid, when it is


@dataclass(frozen=True)
class Region:
    """Findings of `code` (a prefix) starting in [start, end) source offsets, or on `line`, are silenced."""

    directive: Directive
    code: str
    start: int = 0
    end: int = 0
    line: int = 0

    def covers(self, f: Finding) -> bool:
        if not f.code.startswith(self.code):
            return False
        if self.line:
            return f.start.line == self.line
        return self.start <= f.span.start < self.end


@dataclass(frozen=True)
class Decision:
    kept: tuple[Finding, ...]
    suppressed: int  # silenced by suppression comments
    problems: tuple[Finding, ...] = ()  # FL001 and FL002 findings
    baselined: int = 0  # hidden because the baseline lists them


def parse(source: str, known_codes: Iterable[str], code: Sequence[tuple[int, int]] = ()) -> list[Directive]:
    """Every directive in `source`, in order; invalid ones carry a `problem`. A comment that starts
    inside one of the `code` spans (Markdown code showing the syntax) is not a directive."""
    known = tuple(known_codes)
    out: list[Directive] = []
    if "factlint" not in source:
        return out
    for m in _DIRECTIVE.finditer(source):
        if any(a <= m.start() < b for a, b in code):
            continue
        span = Span(m.start(), m.end())
        b = _BODY.match(m.group("body"))
        verb = b.group("verb").lower() if b else ""
        if verb not in VERBS:
            shown = m.group("body").strip()[:40]
            out.append(Directive(verb, (), span, "", f"expected ignore[...], disable[...] or enable[...], found {shown!r}"))
            continue
        assert b is not None  # else verb is "", not one of VERBS
        raw = b.group("codes")
        codes = tuple(c.strip().upper() for c in re.split(r"[,\s]+", raw) if c.strip()) if raw is not None else ("FL",)
        reason = b.group("reason").strip()
        problem = ""
        if raw is not None and not codes:
            problem = f"{verb}[] names no rule"
        elif reason.startswith(("[", "]")):  # "disable[FL4 -->": a bracket never closed (or one too many)
            problem = f"expected {verb}[CODES] with its brackets closed, found {m.group('body').strip()[:40]!r}"
        elif raw is None and (lm := _LOOSE_CODES.match(reason)):  # "ignore FL301": codes must be in brackets
            loose = ",".join(c.upper() for c in re.findall(r"FL\d*", lm.group(), re.I))
            problem = f"rule codes go in brackets: expected {verb}[{loose}], found {m.group('body').strip()[:40]!r}"
        for c in codes:
            if not _CODE.match(c) or not any(k.startswith(c) for k in known):
                problem = f"{c!r} is not a rule code or prefix (such as FL203 or FL2)"
                break
        out.append(Directive(verb, codes, span, reason, problem))
    return out


def regions(doc: Document, directives: list[Directive]) -> tuple[list[Region], list[Directive]]:
    """The regions the valid directives silence, and the directives that are invalid."""
    out: list[Region] = []
    bad: list[Directive] = []
    open_: dict[str, tuple[Directive, int]] = {}
    for d in directives:
        if d.problem:
            bad.append(d)
            continue
        if d.verb == "ignore":
            line = _next_text_line(doc, d.span.end)
            for c in d.codes:
                out.append(Region(d, c, line=line or -1))
        elif d.verb == "disable":
            for c in d.codes:
                if c not in open_:
                    open_[c] = (d, d.span.end)
        else:  # enable
            closing = list(open_) if d.codes == ("FL",) and "FL" not in open_ else list(d.codes)
            missing = [c for c in closing if c not in open_]
            if missing:
                bad.append(Directive(d.verb, d.codes, d.span, d.reason, f"enable[{','.join(missing)}] closes no disable[{','.join(missing)}]"))
            for c in closing:
                if c in open_:
                    opener, start = open_.pop(c)
                    out.append(Region(opener, c, start=start, end=d.span.start))
    for c, (opener, start) in open_.items():
        out.append(Region(opener, c, start=start, end=len(doc.source)))
    return out, bad


def _next_text_line(doc: Document, offset: int) -> int:
    """The first line after the one holding `offset` with anything but white space (0 for none)."""
    line, _ = doc.position(offset)
    n = len(doc.line_starts)
    while line < n:
        line += 1
        if doc.line_text(line).strip():
            return line
    return 0


def decide(
    doc: Document,
    findings: list[Finding],
    known_codes: Iterable[str],
    enabled: Callable[[str], bool],
) -> Decision:
    """Drop the findings a directive silences; report unused and invalid directives."""
    if "factlint" not in doc.source:
        return Decision(tuple(findings), 0, ())
    code = markdown_code_spans(doc.source) if doc.format == "markdown" else []
    directives = parse(doc.source, known_codes, code)
    if not directives:
        return Decision(tuple(findings), 0, ())
    regs, bad = regions(doc, directives)
    used: set[tuple[int, str]] = set()  # (directive offset, code)
    kept = []
    for f in findings:
        hit = [r for r in regs if r.covers(f)]
        if hit:
            used.update((r.directive.span.start, r.code) for r in hit)
        else:
            kept.append(f)
    problems = [_finding(doc, InvalidSuppression, f"invalid suppression: {d.problem}", d.span) for d in bad]
    unused: dict[Directive, list[str]] = {}
    for r in regs:
        if (r.directive.span.start, r.code) in used:
            continue
        # judge a code only when some rule it names runs in this run
        if any(enabled(k) for k in known_codes if k.startswith(r.code)):
            unused.setdefault(r.directive, []).append(r.code)
    for d, codes in unused.items():
        what = f"{d.verb}[{','.join(codes)}]" if d.codes != ("FL",) else d.verb
        where = "the next line" if d.verb == "ignore" else "its region"
        problems.append(
            _finding(doc, UnusedSuppression, f"unused suppression: {what} silences nothing on {where}", d.span)
        )
    problems.sort(key=Finding.sort_key)
    return Decision(tuple(kept), len(findings) - len(kept), tuple(problems))


def _finding(doc: Document, rule: type[Rule], message: str, span: Span) -> Finding:
    return to_finding(doc, rule, Diagnostic(span, message), in_source=True)
