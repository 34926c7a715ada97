"""The one decision point: which findings are reported, at what severity, and whether they fail.

Rules report everything; here `--select`/`--ignore`/`--extend-select` (code prefixes, the longest
matching prefix wins, as in ruff), per-rule severities from the configuration and per-file ignores
are applied, once, before any formatter sees a finding.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field, replace

from . import suppress
from .baseline import Baseline
from .document import Document
from .model import Finding, Severity
from .rules import ALL_RULES, RULES_BY_CODE
from .suppress import Decision

# Rules asked for by name only (--extend-select FL403, or select = ["FL4"]), never by the blanket
# default: they say so themselves (`Rule.default_enabled`).
OPT_IN = frozenset(r.code for r in ALL_RULES if not r.default_enabled)


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ("FL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severities: tuple[tuple[str, Severity], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    fail_on: Severity = Severity.ERROR
    baseline: Baseline | None = None

    def enabled(self, code: str, path: str | None = None) -> bool:
        """Whether findings of `code` are reported (for `path`, when per-file ignores apply).

        Opt-in rules (`Rule.default_enabled` False) run only when a prefix more specific than "FL" selects them.
        """
        chosen = _longest(code, self.select + self.extend_select)
        if code in OPT_IN and chosen <= len("FL"):
            return False
        dropped = _longest(code, self.ignore)
        if chosen < 0 or dropped > chosen or (dropped == chosen and dropped >= 0):
            return False
        if path is not None:
            for pattern, codes in self.per_file_ignores:
                if _path_matches(path, pattern) and _longest(code, codes) >= 0:
                    return False
        return True

    def severity_of(self, code: str, default: Severity) -> Severity:
        best, severity = -1, default
        for prefix, sev in self.severities:
            if code.startswith(prefix) and len(prefix) > best:
                best, severity = len(prefix), sev
        return severity

    def apply(self, findings: list[Finding]) -> list[Finding]:
        """The findings selected, at their configured severities (no suppression comments)."""
        out = []
        for f in findings:
            if not self.enabled(f.code, f.path):
                continue
            sev = self.severity_of(f.code, f.severity)
            out.append(f if sev == f.severity else replace(f, severity=sev))
        return out

    def decide(self, doc: Document, findings: list[Finding]) -> Decision:
        """Selection, then the document's suppression comments, then severities, then the
        baseline: what is reported.

        Unused and invalid suppressions (FL001, FL002) are findings like any other, selected and
        re-graded the same way. A finding another reported finding says all of (`Finding.covers`:
        a wrong weekday FL101 names beside the wrong date) is dropped: one mistake, one finding;
        with that other finding ignored or suppressed, it is reported.
        """
        selected = [f for f in findings if self.enabled(f.code, f.path)]
        d = suppress.decide(doc, selected, [r.code for r in ALL_RULES], lambda code: self.enabled(code, doc.path))
        kept = self.apply(sorted(_uncovered(d.kept) + d.problems, key=Finding.sort_key))
        baselined = 0
        if self.baseline is not None:
            kept, baselined = self.baseline.split(doc, kept)
        return Decision(tuple(kept), d.suppressed, baselined=baselined)

    def fails(self, findings: list[Finding]) -> bool:
        return any(f.severity >= self.fail_on for f in findings)


def _uncovered(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """The findings no other of them covers."""
    covered = {(code, span) for f in findings for code, span in f.covers}
    if not covered:
        return findings
    return tuple(f for f in findings if (f.code, f.span) not in covered)


def _longest(code: str, prefixes: tuple[str, ...]) -> int:
    """Length of the longest prefix in `prefixes` that `code` starts with (-1 for none)."""
    best = -1
    for p in prefixes:
        if p == "ALL" or code.startswith(p):
            best = max(best, 0 if p == "ALL" else len(p))
    return best


def _path_matches(path: str, pattern: str) -> bool:
    norm = path.replace("\\", "/").lstrip("./") if path.startswith("./") else path.replace("\\", "/")
    return fnmatch.fnmatchcase(norm, pattern) or fnmatch.fnmatchcase(norm, "*/" + pattern)
