"""`jsonl`: one JSON object a line, for streams and log pipelines.

Each finding is the `json` format's FINDING object (with its `fingerprint`); a file that could not
be read is `{"path", "error": {"message", "line", "column"}}`. No summary line: count the lines.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..baseline import fingerprints
from .json import finding_dict

if TYPE_CHECKING:
    from ..report import RunReport
    from . import RenderOptions


def render(report: RunReport, options: RenderOptions) -> str:
    lines = []
    for r in report.files:
        if r.error:
            e = r.error
            lines.append({"path": r.path, "error": {"message": e.detail, "line": e.line, "column": e.col}})
        lines.extend(finding_dict(f) | {"fingerprint": fp} for f, fp in zip(r.findings, fingerprints(list(r.findings))))
    return "".join(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n" for obj in lines)
