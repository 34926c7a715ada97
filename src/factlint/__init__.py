"""factlint: a source-consistency fact-check linter for prose.

The library API (what it promises to keep is in the README, "Library"):

    facts = load_facts("facts.yaml")
    findings = lint_text(text, facts, reference_date=date(2023, 9, 1))
    report = lint_paths(["seeds/"], facts)

`lint_text` and `lint_paths` behave as `factlint check` does with no configuration: the same
readers (chosen by the path's suffix), the same reference-date chain, the same decision point
(default selection with FL403 off, suppression comments honoured, severities), unless a
`Selection` says otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import ConfigError, FactlintError, FactsError, InputError
from .facts.model import Facts
from .model import Finding, Severity, Span

if TYPE_CHECKING:
    from .report import FileReport, RunReport
    from .selection import Selection

# Imported on first use, so that `factlint --version` and a cached run start fast.
_LAZY = {"FileReport": "report", "RunReport": "report", "Selection": "selection"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_facts(path: str | os.PathLike[str]) -> Facts:
    """Read and validate a facts file; raises FactsError listing every problem as FILE:LINE:COL."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"load_facts: path must be a str or os.PathLike, got {type(path).__name__}")
    from .facts.loader import load_facts as load

    return load(path)


def parse_facts(data: bytes | str, path: str = "facts.yaml") -> Facts:
    """Validate and build facts from YAML text; `path` names the file in messages."""
    if not isinstance(data, (bytes, str)):
        raise TypeError(f"parse_facts: data must be str or bytes, got {type(data).__name__}")
    from .facts.loader import parse_facts as parse

    return parse(data, path)


def _check_common(fn: str, facts: object, reference_date: object, selection: object) -> None:
    if facts is not None and not isinstance(facts, Facts):
        raise TypeError(f"{fn}: facts must be Facts (from load_facts) or None, got {type(facts).__name__}")
    if reference_date is not None and (not isinstance(reference_date, date) or isinstance(reference_date, datetime)):
        raise TypeError(
            f"{fn}: reference_date must be a datetime.date (date.fromisoformat('2023-09-01')), "
            f"got {type(reference_date).__name__} {reference_date!r}"
        )
    from .selection import Selection

    if selection is not None and not isinstance(selection, Selection):
        raise TypeError(f"{fn}: selection must be a factlint.Selection or None, got {type(selection).__name__}")


def lint_text(
    text: str,
    facts: Facts | None,
    *,
    reference_date: date | None = None,
    path: str | None = None,
    fmt: str | None = None,
    selection: Selection | None = None,
) -> list[Finding]:
    """The findings `factlint check` reports for one article given as a string, sorted by position.

    `path` names the article in findings and picks its reader by suffix (.md: Markdown, .html:
    HTML, otherwise plain text) unless `fmt` ("text", "markdown", "html") says; `reference_date`
    is its "now" (otherwise found in the text as `factlint check` would); `selection` is the
    decision point (default: every rule but the opt-in FL403, default severities). Raises
    InputError for an unknown `fmt`, TypeError for arguments of the wrong type.
    """
    if not isinstance(text, str):
        raise TypeError(f"lint_text: text must be a str, got {type(text).__name__}")
    if path is not None and not isinstance(path, str):
        raise TypeError(f"lint_text: path must be a str or None, got {type(path).__name__}")
    if fmt is not None and not isinstance(fmt, str):
        raise TypeError(f"lint_text: fmt must be a str or None, got {type(fmt).__name__}")
    _check_common("lint_text", facts, reference_date, selection)
    from .engine import Linter
    from .reference import read_article
    from .rules import RULES
    from .selection import Selection

    selection = selection or Selection()
    # A byte-order mark read into the string (open(..., encoding="utf-8") keeps it) is no part of
    # the article, but offsets, columns and `matched` are the caller's string's: read without it,
    # the findings are moved back past it.
    bom = len(text) - len(text.lstrip("\ufeff"))
    doc = read_article(
        path or "<text>", text[bom:], fmt=fmt, reference_date=reference_date, reference_origin="reference_date argument",
        facts=facts, file_path=path,
    )
    linter = Linter.of(facts, rules=tuple(r for r in RULES if selection.enabled(r.code)))
    findings, _ = linter.run(doc)
    kept = list(selection.decide(doc, findings).kept)
    return [_moved(f, bom) for f in kept] if bom else kept


def _moved(f: Finding, by: int) -> Finding:
    """`f` with its offsets (and its columns on the first line) `by` characters further on."""
    from dataclasses import replace

    from .model import Position

    def span(s: Span) -> Span:
        return Span(s.start + by, s.end + by)

    def position(p: Position) -> Position:
        return Position(p.line, p.col + by) if p.line == 1 else p

    fix = replace(f.fix, span=span(f.fix.span)) if f.fix is not None else None
    covers = tuple((code, span(s)) for code, s in f.covers)
    return replace(f, span=span(f.span), start=position(f.start), end=position(f.end), fix=fix, covers=covers)


def lint_paths(
    paths: Sequence[str | os.PathLike[str]],
    facts: Facts | None,
    *,
    reference_date: date | None = None,
    selection: Selection | None = None,
    jobs: int = 1,
) -> RunReport:
    """Lint files and folders as `factlint check PATHS` does; a RunReport with one FileReport per
    file (an unreadable file is a report with `error` set, never an exception)."""
    if isinstance(paths, (str, bytes, os.PathLike)) or not all(isinstance(p, (str, os.PathLike)) for p in paths):
        raise TypeError("lint_paths: paths must be a list of paths (str or os.PathLike), not a single path")
    if not isinstance(jobs, int) or jobs < 1:
        raise TypeError(f"lint_paths: jobs must be a positive int, got {jobs!r}")
    _check_common("lint_paths", facts, reference_date, selection)
    from .engine import Linter
    from .rules import RULES
    from .runner import lint_paths as run
    from .selection import Selection

    selection = selection or Selection()
    linter = Linter.of(facts, rules=tuple(r for r in RULES if selection.enabled(r.code)))
    return run([os.fspath(p) for p in paths], linter, selection, reference_date=reference_date, jobs=jobs)


__all__ = [
    "ConfigError", "FactlintError", "Facts", "FactsError", "FileReport", "Finding", "InputError", "RunReport",
    "Selection", "Severity", "Span", "lint_paths", "lint_text", "load_facts", "parse_facts", "__version__",
]
