"""Output formats, registered by name; each renders a whole run to one string."""

from __future__ import annotations

import importlib
from collections import Counter

from ..model import Finding, Severity
from ..records import dataclass


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    statistics: bool = False
    quiet: bool = False
    fail_on: Severity = Severity.ERROR


def _lazy(module: str):
    """A format's render function, its module imported on first use (start-up stays short)."""

    def render(report, options) -> str:
        return importlib.import_module(f"{__name__}.{module}").render(report, options)

    return render


# The output formats of `factlint check`, each a module of this package with a `render` function.
FORMATS = ("text", "concise", "json", "jsonl", "github", "sarif", "junit", "html")
FORMATTERS = {name: _lazy(name) for name in FORMATS}
# `--sort`: each article's findings by position (line, column), or those with a score (FL403's
# check-worthiness) after the others, highest first (`report.by_score`)
SORTS = ("position", "score")


def counts(findings: list[Finding]) -> dict[Severity, int]:
    c = Counter(f.severity for f in findings)
    return {s: c.get(s, 0) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}


__all__ = ["FORMATS", "FORMATTERS", "SORTS", "RenderOptions", "counts"]
