"""`json`: one versioned, stable document for the whole run.

Shape (format version 1; keys are only ever added, never renamed or removed):

    {"version": 1, "tool": {"name", "version"},
     "facts": {"path", "sha256", "count"} | null,
     "files": [{"path", "reference_date", "reference_origin", "error": null | {"message", "line", "column"},
                "quotes": {"total", "attributed", "abstained"}, "claim_coverage": {"covered", "check_worthy"},
                "suppressed": n, "baselined": n,
                "findings": [FINDING, ...]}],
     "summary": {"files", "errors", "warnings", "info", "unreadable", "by_code": {CODE: n}}}

    FINDING = {"code", "name", "severity", "message", "path", "line", "column", "end_line",
               "end_column", "offset", "end_offset", "matched", "expected", "found",
               "fact": null | {"id", "kind", "path", "line"}, "fix": null | {"offset", "end_offset",
               "replacement", "safe"}, "fingerprint"}
    (and "score", between 0 and 1, in a finding that has one: FL403's check-worthiness; and
    "related": [{"path", "line", "column", "message"}, ...] in an FL501 finding: the other articles' readings)

`fingerprint` names the finding by rule, fact and matched text, not by line (see factlint.baseline).

Lines and columns are 1-based (columns in Unicode code points); offsets are 0-based code points.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING

from .._version import __version__
from ..baseline import fingerprints
from ..model import Finding, Severity

if TYPE_CHECKING:
    from ..report import RunReport
    from . import RenderOptions

FORMAT_VERSION = 1


def finding_dict(f: Finding) -> dict:
    return {
        "code": f.code,
        "name": f.name,
        "severity": str(f.severity),
        "message": f.message,
        "path": f.path,
        "line": f.start.line,
        "column": f.start.col,
        "end_line": f.end.line,
        "end_column": f.end.col,
        "offset": f.span.start,
        "end_offset": f.span.end,
        "matched": f.matched,
        "expected": f.expected,
        "found": f.found,
        "fact": None if f.fact is None else {"id": f.fact.fact_id, "kind": f.fact.kind, "path": f.fact.path, "line": f.fact.line},
        "fix": None if f.fix is None else {"offset": f.fix.span.start, "end_offset": f.fix.span.end, "replacement": f.fix.replacement, "safe": f.fix.safe},
    } | ({} if f.score is None else {"score": f.score}) | (
        {} if not f.related else {"related": [{"path": x.path, "line": x.line, "column": x.col, "message": x.message} for x in f.related]}
    )


def render(report: RunReport, options: RenderOptions) -> str:
    findings = report.findings
    fps = iter(fingerprints(findings))
    sev = Counter(f.severity for f in findings)
    doc = {
        "version": FORMAT_VERSION,
        "tool": {"name": "factlint", "version": __version__},
        "facts": None if report.facts_path is None else {"path": report.facts_path, "sha256": report.facts_sha256, "count": report.fact_count},
        "files": [
            {
                "path": r.path,
                "reference_date": r.reference_date.isoformat() if r.reference_date else None,
                "reference_origin": r.reference_origin,
                "error": None if r.error is None else {"message": r.error.detail, "line": r.error.line, "column": r.error.col},
                "quotes": {"total": r.quotes.total, "attributed": r.quotes.attributed, "abstained": r.quotes.abstained},
                "claim_coverage": {"covered": r.coverage[0], "check_worthy": r.coverage[1]},
                "suppressed": r.suppressed,
                "baselined": r.baselined,
                "findings": [finding_dict(f) | {"fingerprint": next(fps)} for f in r.findings],
            }
            for r in report.files
        ],
        "summary": {
            "files": sum(1 for r in report.files if r.error is None),
            "errors": sev.get(Severity.ERROR, 0),
            "warnings": sev.get(Severity.WARNING, 0),
            "info": sev.get(Severity.INFO, 0),
            "unreadable": len(report.errors),
            "by_code": dict(sorted(Counter(f.code for f in findings).items())),
        },
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
