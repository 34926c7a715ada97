"""Output formats, registered by name; each renders a whole run to one string."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Finding, Severity
from . import concise, github, html, json, jsonl, junit, sarif, text


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    statistics: bool = False
    quiet: bool = False
    fail_on: Severity = Severity.ERROR


FORMATTERS = {
    "text": text.render,
    "concise": concise.render,
    "json": json.render,
    "jsonl": jsonl.render,
    "github": github.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "html": html.render,
}


def counts(findings: list[Finding]) -> dict[Severity, int]:
    c = Counter(f.severity for f in findings)
    return {s: c.get(s, 0) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}


__all__ = ["FORMATTERS", "RenderOptions", "counts"]
