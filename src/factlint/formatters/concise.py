"""`concise`: exactly one line a finding, `path:line:col: CODE message`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .common import printable, summary_line

if TYPE_CHECKING:
    from ..report import RunReport
    from . import RenderOptions


def render(report: RunReport, options: RenderOptions) -> str:
    # a file name or an article's words may hold control characters: shown escaped, never raw
    lines = [printable(f"{f.path}:{f.start.line}:{f.start.col}: {f.code} {f.message}") for f in report.findings]
    if not options.quiet:
        lines.append(summary_line(report))
    return "\n".join(lines) + ("\n" if lines else "")
