"""`sarif`: SARIF 2.1.0, for code-scanning services (GitHub code scanning, Azure DevOps, IDEs).

One run; `tool.driver.rules` describes every rule (id, name, short and full description, help,
default level); each result has its rule, level, message, the region (1-based lines and columns,
end column exclusive, `columnKind` unicodeCodePoints as factlint counts code points), the
line-independent fingerprint under `partialFingerprints`, the fact's definition in facts.yaml as a
related location (and, for FL501, the other articles' readings), and a fix when one is safe. Unreadable files are tool execution notifications.
Paths are relative to the project folder (`--root`, else the configuration's or facts.yaml's
folder) under `uriBaseId` %SRCROOT%; a file outside it is an absolute `file:` URI. Each rule links
its page in the repository (`helpUri`) once the repository has a public address (`_version.REPOSITORY`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .. import _version
from .._version import __version__
from ..baseline import fingerprints
from ..model import Finding, Severity
from ..rules import ALL_RULES

if TYPE_CHECKING:
    from ..report import RunReport
    from . import RenderOptions

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "factlint/v1"


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/")


def _artifact(path: str) -> dict:
    """An artifactLocation: relative to %SRCROOT% (the project folder), or an absolute file: URI."""
    import os
    from pathlib import PurePath

    if os.path.isabs(path):
        return {"uri": PurePath(path).as_uri()}
    return {"uri": _uri(path), "uriBaseId": "%SRCROOT%"}


def _location(path: str, start_line: int, start_col: int | None = None, end_line: int | None = None,
              end_col: int | None = None, snippet: str | None = None) -> dict:
    region: dict = {"startLine": start_line}
    if start_col is not None:
        region["startColumn"] = start_col
    if end_line is not None:
        region["endLine"] = end_line
    if end_col is not None:
        region["endColumn"] = end_col
    if snippet is not None:
        region["snippet"] = {"text": snippet}
    return {"physicalLocation": {"artifactLocation": _artifact(path), "region": region}}


def _rule(rule) -> dict:
    out = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(rule.what_it_does.split())},
        "help": {"text": rule.doc(), "markdown": _markdown(rule)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": ["fact-check"]},
    }
    url = _version.rule_doc_url(rule.code)
    if url:
        out["helpUri"] = url
    return out


def _markdown(rule) -> str:
    parts = [f"**{rule.code} {rule.name}**: {rule.summary}", "", "### What it does", rule.what_it_does.strip(),
             "", "### Why it matters", rule.why_it_matters.strip(), "", "### Example", "```", rule.example.strip(), "```"]
    return "\n".join(parts)


def _result(f: Finding, fingerprint: str, index: dict[str, int]) -> dict:
    end_col = f.end.col if (f.end.line, f.end.col) > (f.start.line, f.start.col) else f.start.col + 1
    out: dict = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [_location(f.path, f.start.line, f.start.col, f.end.line, end_col, f.matched)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    related = []
    if f.fact is not None:
        related.append({"message": {"text": f"fact {f.fact.fact_id} ({f.fact.kind})"}, **_location(f.fact.path, f.fact.line)})
    for x in f.related:  # another article's reading (FL501)
        related.append({"message": {"text": f"elsewhere: {x.message}"}, **_location(x.path, x.line, x.col)})
    if related:
        out["relatedLocations"] = [{"id": i, **loc} for i, loc in enumerate(related, 1)]
    props = {k: v for k, v in (("expected", f.expected), ("found", f.found), ("score", f.score)) if v is not None}
    if props:
        out["properties"] = props
    if f.fix is not None and f.fix.safe:
        out["fixes"] = [{
            "description": {"text": f"write {f.fix.replacement!r}"},
            "artifactChanges": [{
                "artifactLocation": _artifact(f.path),
                "replacements": [{"deletedRegion": _fix_region(f), "insertedContent": {"text": f.fix.replacement}}],
            }],
        }]
    return out


def _fix_region(f: Finding) -> dict:
    """The fix's span as lines and columns (a fix covers the finding's span or lies on its line)."""
    assert f.fix is not None  # called for findings with a fix only
    if f.fix.span == f.span:
        return {"startLine": f.start.line, "startColumn": f.start.col, "endLine": f.end.line, "endColumn": f.end.col}
    return {"charOffset": f.fix.span.start, "charLength": f.fix.span.end - f.fix.span.start}


def render(report: RunReport, options: RenderOptions) -> str:
    index = {r.code: i for i, r in enumerate(ALL_RULES)}
    findings = report.findings
    results = [_result(f, fp, index) for f, fp in zip(findings, fingerprints(findings))]
    notifications = [
        {"level": "error", "message": {"text": e.detail}, "locations": [_location(e.path, e.line, e.col)]}
        for e in report.errors
    ]
    run = {
        "tool": {"driver": {
            "name": "factlint",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [_rule(r) for r in ALL_RULES],
        }},
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    doc = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
