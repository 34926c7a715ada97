"""The listings of `factlint dates` and `factlint quotes`, as text or JSON.

JSON: one object for one file (the documented shape), a list of them for several.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..report import DateListing, QuoteListing
from .common import printable


def _json(objects: list[dict[str, Any]], n_paths: int) -> str:
    out: Any = objects[0] if n_paths == 1 and objects else objects
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"


def render_dates(listings: Sequence[DateListing], fmt: str, n_paths: int) -> str:
    if fmt == "json":
        return _json(
            [
                {
                    "path": x.document.path,
                    "reference_date": x.document.reference_date.isoformat() if x.document.reference_date else None,
                    "reference_origin": x.document.reference_origin,
                    "dates": [t for _, t in x.rows],
                }
                for x in listings
            ],
            n_paths,
        )
    out = []
    for x in listings:
        doc = x.document
        when = f"{doc.reference_date} ({doc.reference_origin})" if doc.reference_date else "none (relative dates unresolved)"
        out.append(printable(f"{doc.path}: reference date {when}") + "\n")  # control characters escaped
        for (line, col), t in x.rows:
            span = f"{t['first']}..{t['last']} {t['granularity']}" if "first" in t else t.get("note", "")
            row = f"  {line}:{col}".ljust(10) + f" {t['type']:<8} {t['value']:<20} {t['text']!r:<30} {span}"
            out.append(printable(row.rstrip()) + "\n")
    return "".join(out)


def render_quotes(listings: Sequence[QuoteListing], fmt: str, n_paths: int) -> str:
    objects: list[dict[str, Any]] = [
        {
            "path": x.document.path,
            "quotes": list(x.rows),
            "summary": {"total": x.counts.total, "attributed": x.counts.attributed, "abstained": x.counts.abstained},
            "unbalanced": list(x.unbalanced),
        }
        for x in listings
    ]
    if fmt == "json":
        return _json(objects, n_paths)
    out = []
    for obj in objects:
        s = obj["summary"]
        out.append(printable(f"{obj['path']}:") + f" {s['total']} quotes, {s['attributed']} attributed, {s['abstained']} abstained\n")
        for row in obj["quotes"]:
            who = f"{row['speaker']} ({row['rule']})" if row["speaker"] else f"unresolved ({row['cue'] or row['rule']})"
            text = row["text"] if len(row["text"]) <= 70 else row["text"][:69] + "…"
            out.append(printable(f"  {row['line']}:{row['column']}".ljust(10) + f" {row['verdict']:<14} {who:<40} {text!r}") + "\n")
        for u in obj["unbalanced"]:
            out.append(f"  {u['line']}:{u['column']}".ljust(10) + f" warning: unbalanced quote mark {u['mark']!r}\n")
    return "".join(out)


__all__ = ["render_dates", "render_quotes"]
