"""`github`: GitHub Actions workflow commands, one annotation a finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Severity
from .common import printable

if TYPE_CHECKING:
    from ..report import RunReport
    from . import RenderOptions

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    """A workflow command's message: control characters escaped first (the log would render an
    escape sequence), then GitHub's own encoding of '%'."""
    return printable(text).replace("%", "%25")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: RunReport, options: RenderOptions) -> str:
    lines = []
    for r in report.files:
        if r.error:
            e = r.error
            lines.append(f"::error file={_prop(e.path)},line={e.line},col={e.col},title=factlint::{_data(e.detail)}")
        for f in r.findings:
            lines.append(
                f"::{_LEVEL[f.severity]} file={_prop(f.path)},line={f.start.line},col={f.start.col},"
                f"endLine={f.end.line},endColumn={f.end.col},title={_prop(f.code + ' ' + f.name)}::{_data(f.message)}"
            )
    return "\n".join(lines) + ("\n" if lines else "")
