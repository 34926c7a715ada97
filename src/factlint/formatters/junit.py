"""`junit`: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure DevOps).

One test suite a file, one test case a finding; a finding at or above the fail level (`--fail-on`)
is a <failure>, one below it a passing case with its message in <system-out>; a clean file is one
passing case; an unreadable file an <error>.

A case is named by what it is about, never by where it stands, so CI keeps its history when lines
move: classname the path, name "CODE rule-name: FACT" (the fact's id; the matched words for a
finding no fact backs), with " (2)", " (3)" for the same name again in the file. `time` is the
seconds the file took (on the suite; its cases share it evenly, so the sums agree) when the run
was timed, as `factlint check` times it.
"""

from __future__ import annotations

from html import escape as _escape
from typing import TYPE_CHECKING
from ..patterns import lazy_re

if TYPE_CHECKING:
    from ..report import RunReport
    from . import RenderOptions


# characters XML 1.0 allows in no form, not even as a character reference (a file name or an
# article may hold them): shown escaped as Python writes them, so the report stays well-formed
_NOT_XML = lazy_re("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_chars(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def escape(text: str) -> str:
    return _escape(_xml_chars(text), quote=False)


def quoteattr(text: str) -> str:
    """An XML attribute value in double quotes (xml.sax.saxutils would import urllib and http)."""
    return '"' + _escape(_xml_chars(text), quote=True).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;") + '"'


def _case(classname: str, name: str, seconds: float, body: str = "") -> str:
    head = f"    <testcase classname={quoteattr(classname)} name={quoteattr(name)} time=\"{seconds:.3f}\""
    return head + (f">\n{body}    </testcase>\n" if body else "/>\n")


def _names(findings) -> list[str]:
    """Each finding's case name: rule and fact (or the matched words), numbered when repeated."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        about = f.fact.fact_id if f.fact is not None else repr(" ".join(f.matched.split())[:60])
        base = f"{f.code} {f.name}: {about}"
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base} ({seen[base]})")
    return out


def render(report: RunReport, options: RenderOptions) -> str:
    suites = []
    total = failures = errors = 0
    seconds = 0.0
    for r in report.files:
        cases = []
        n_fail = n_err = 0
        share = r.seconds / max(1, len(r.findings) + (1 if r.error or not r.findings else 0))
        seconds += r.seconds
        if r.error:
            e = r.error
            n_err = 1
            cases.append(_case(r.path, "read", share, f"      <error message={quoteattr(e.detail)} type=\"input-error\">{escape(str(e))}</error>\n"))
        elif not r.findings:
            cases.append(_case(r.path, "factlint", share))
        for f, name in zip(r.findings, _names(r.findings)):
            detail = f"{f.path}:{f.start.line}:{f.start.col}: {f.code} [{f.severity}] {f.message}"
            if f.severity >= options.fail_on:
                n_fail += 1
                body = f"      <failure message={quoteattr(f.message)} type={quoteattr(f.code + ' ' + f.name)}>{escape(detail)}</failure>\n"
            else:
                body = f"      <system-out>{escape(detail)}</system-out>\n"
            cases.append(_case(r.path, name, share, body))
        total += len(cases)
        failures += n_fail
        errors += n_err
        suites.append(
            f"  <testsuite name={quoteattr(r.path)} tests=\"{len(cases)}\" failures=\"{n_fail}\" errors=\"{n_err}\" skipped=\"0\""
            f" time=\"{r.seconds:.3f}\">\n"
            + "".join(cases) + "  </testsuite>\n"
        )
    head = f"<testsuites name=\"factlint\" tests=\"{total}\" failures=\"{failures}\" errors=\"{errors}\" time=\"{seconds:.3f}\">\n"
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + head + "".join(suites) + "</testsuites>\n"
