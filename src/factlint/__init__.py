"""factlint: a source-consistency fact-check linter for prose.

The library API:

    facts = load_facts("facts.yaml")
    findings = lint_text(text, facts, reference_date=date(2023, 9, 1))
    report = lint_paths(["seeds/"], facts)
"""

from __future__ import annotations

__version__ = "0.1.0"

from datetime import date  # noqa: E402

from .errors import ConfigError, FactlintError, FactsError, InputError  # noqa: E402
from .facts import Facts  # noqa: E402
from .model import Finding, Severity, Span  # noqa: E402


def __getattr__(name: str):
    if name in ("load_facts", "parse_facts"):  # the loader (and YAML) on first use
        from . import facts

        return getattr(facts, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def lint_text(
    text: str,
    facts: Facts | None,
    *,
    reference_date: date | None = None,
    path: str = "<text>",
    fmt: str = "text",
) -> list[Finding]:
    """Every finding for one article given as a string (all rules, default severities)."""
    from .reference import read_article
    from .engine import Linter

    doc = read_article(path, text, fmt=fmt, reference_date=reference_date, reference_origin="reference_date argument")
    return Linter.of(facts).lint(doc)


def lint_paths(paths: list[str], facts: Facts | None, *, reference_date: date | None = None):
    """Lint files and folders; returns a RunReport with one FileReport per file."""
    from .engine import Linter
    from .runner import lint_paths as _lint_paths
    from .selection import Selection

    return _lint_paths(list(paths), Linter.of(facts), Selection(), reference_date=reference_date)


__all__ = [
    "ConfigError", "FactlintError", "Facts", "FactsError", "Finding", "InputError", "Severity", "Span",
    "lint_paths", "lint_text", "load_facts", "parse_facts", "__version__",
]
