"""The one decision point: which findings are reported, at what severity, and whether they fail.

Rules report everything; here `--select`/`--ignore`/`--extend-select` (code prefixes, the longest
matching prefix wins, as in ruff), per-rule severities from the configuration and per-file ignores
are applied, once, before any formatter sees a finding.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import field, replace
from typing import TYPE_CHECKING

from . import suppress
from .document import Document
from .model import Finding, Severity
from .records import dataclass
from .rules import ALL_RULES
from .suppress import Decision

if TYPE_CHECKING:  # a baseline (and the JSON it is read from) is loaded only by runs that give one
    from .baseline import Baseline

# Rules asked for by name only (--extend-select FL403, or select = ["FL4"]), never by the blanket
# default: they say so themselves (`Rule.default_enabled`).
OPT_IN = frozenset(r.code for r in ALL_RULES if not r.default_enabled)


def code_problem(codes) -> str | None:
    """Why `codes` are not rule codes or prefixes (None when they all are): a prefix that selects
    no rule ("FL999", "FL9") would silently check nothing, so it is an error, as in ruff."""
    import regex

    for code in codes:
        if code == "ALL":
            continue
        if not isinstance(code, str) or not regex.fullmatch(r"FL[0-9]{0,3}", code):
            return f"expected rule codes or prefixes such as FL1 or FL101, found {code!r}"
        if not any(r.code.startswith(code) for r in ALL_RULES):
            valid = ", ".join(r.code for r in ALL_RULES)
            return f"unknown rule code or prefix {code!r}: no rule starts with it; the rules are {valid}"
    return None


def _checked_codes(name: str, value: object) -> tuple:
    """`value` as a tuple of rule codes, or a TypeError (a lone string is the usual slip: "FL1" for
    ("FL1",)) or a ValueError listing the rules, as `factlint check` gives for its options."""
    if isinstance(value, str) or not isinstance(value, (tuple, list)):
        raise TypeError(f"Selection: {name} must be a tuple of rule codes such as ('FL1',), got {type(value).__name__} {value!r}")
    problem = code_problem(value)
    if problem:
        raise ValueError(f"Selection: {name}: {problem}")
    return tuple(value)


def _pairs(name: str, value: object) -> tuple:
    """(key, value) pairs given as a tuple, a list or a dict, as a tuple of tuples."""
    items = tuple(value.items()) if isinstance(value, dict) else value
    if isinstance(items, str) or not isinstance(items, (tuple, list)) or not all(
        isinstance(p, (tuple, list)) and len(p) == 2 and isinstance(p[0], str) for p in items
    ):
        raise TypeError(f"Selection: {name} must be (key, value) pairs, got {value!r}")
    return tuple(tuple(p) for p in items)


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ("FL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severities: tuple[tuple[str, Severity], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    fail_on: Severity = Severity.ERROR
    baseline: Baseline | None = None
    # the folder `per_file_ignores` globs are relative to (the configuration file's); None: they
    # match the paths as reported (relative to the current folder)
    base_dir: str | None = None

    def __post_init__(self) -> None:
        """The checks `factlint check` makes of its options: an unknown code or prefix is a
        ValueError listing the rules (it would silently check nothing), a wrong type a TypeError.
        Lists and dicts given are kept as tuples (the selection is frozen and hashable)."""
        for name in ("select", "ignore", "extend_select"):
            object.__setattr__(self, name, _checked_codes(name, getattr(self, name)))
        severities = _pairs("severities", self.severities)
        for code, severity in severities:
            _checked_codes("severities", (code,))
            if not isinstance(severity, Severity):
                raise TypeError(f"Selection: severities: {code}: expected a Severity (Severity.WARNING), got {severity!r}")
        per_file = tuple(
            (glob, _checked_codes(f"per_file_ignores: {glob}", codes)) for glob, codes in _pairs("per_file_ignores", self.per_file_ignores)
        )
        object.__setattr__(self, "severities", severities)
        object.__setattr__(self, "per_file_ignores", per_file)
        if not isinstance(self.fail_on, Severity):
            raise TypeError(f"Selection: fail_on must be a Severity (Severity.WARNING), got {self.fail_on!r}")

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
        if path is not None and self.per_file_ignores:
            rel = _relative(path, self.base_dir)
            for pattern, codes in self.per_file_ignores:
                if _path_matches(rel, pattern) and _longest(code, codes) >= 0:
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


def _relative(path: str, base_dir: str | None) -> str:
    """`path` relative to `base_dir` ('../' when outside it), or as given when there is none."""
    if base_dir is None:
        return path
    return os.path.relpath(os.path.abspath(path), base_dir).replace(os.sep, "/")


def _path_matches(path: str, pattern: str) -> bool:
    norm = path.replace("\\", "/").lstrip("./") if path.startswith("./") else path.replace("\\", "/")
    return fnmatch.fnmatchcase(norm, pattern) or fnmatch.fnmatchcase(norm, "*/" + pattern)
