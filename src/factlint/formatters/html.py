"""`html`: one self-contained report page (no scripts, no external styles, fonts or images).

- A **facts x articles matrix**: one row a curated fact, one column an article; each cell says
  whether the article is consistent with the fact, contradicts it (a finding tied to the fact),
  makes an unsupported statement about it (direct speech of a curated person that no curated quote
  backs), or does not mention it. A column with contradictions is marked: the source that deviates
  from the record stands out. A last row counts the statements no fact covers.
- **Each article** with its findings listed and highlighted in its text, coloured by severity; a
  highlight shows its message on hover, on keyboard focus (every highlight is in the tab order) and
  when it is the page's target (the findings list links to it).

The page is deterministic: the same run gives the same bytes.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ..model import Finding, Severity
from ..plain import spoken_date
from ..rules import RULES_BY_CODE
from .common import coverage_words, summary_line

if TYPE_CHECKING:
    from ..report import RunReport
    from . import RenderOptions

STATES = ("contradicted", "unsupported", "consistent", "not-mentioned")
_SYMBOL = {"contradicted": "\u2717", "unsupported": "?", "consistent": "\u2713", "not-mentioned": "\u00b7"}
_WORDS = {"contradicted": "contradicted", "unsupported": "unsupported", "consistent": "consistent", "not-mentioned": "not mentioned"}

STYLE = """
:root{--err:#b42318;--err-bg:#fde2e0;--warn:#8a5a00;--warn-bg:#ffefc2;--info:#1d4e89;--info-bg:#dcebfb;
--ok:#1a7f37;--ok-bg:#dcf5e3;--muted:#667085;--line:#d0d5dd;font-family:system-ui,-apple-system,"Segoe UI",sans-serif}
body{margin:0 auto;max-width:80rem;padding:1rem 1.5rem;color:#101828;background:#fff;line-height:1.45}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line)}
code,pre{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.85rem}
.summary{font-weight:600}.muted{color:var(--muted)}
table.matrix{border-collapse:collapse;font-size:.85rem}
.matrix th,.matrix td{border:1px solid var(--line);padding:.25rem .4rem}
.matrix thead th{vertical-align:bottom;max-width:9rem;word-break:break-all;font-weight:600}
.matrix thead th.deviates{background:var(--err-bg);color:var(--err)}
.matrix tbody th,.matrix tfoot th{text-align:left;font-weight:400;min-width:16rem;max-width:32rem}
.matrix td{text-align:center;min-width:2.2rem;font-weight:700}
.kind{display:inline-block;min-width:3.6rem;color:var(--muted);font-size:.75rem;text-transform:uppercase}
td.contradicted{background:var(--err-bg);color:var(--err)}td.unsupported{background:var(--warn-bg);color:var(--warn)}
td.consistent{background:var(--ok-bg);color:var(--ok)}td.not-mentioned{color:var(--muted);font-weight:400}
.legend span{display:inline-block;margin-right:1rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
ol.findings{padding-left:1.2rem}ol.findings li{margin:.2rem 0}
li.error code{color:var(--err)}li.warning code{color:var(--warn)}li.info code{color:var(--info)}
pre.text{white-space:pre-wrap;overflow-wrap:anywhere;background:#f9fafb;border:1px solid var(--line);padding:1rem;line-height:1.6}
.hl{position:relative}
mark{border-radius:2px;color:inherit;outline-offset:1px;cursor:help}
mark.error{background:var(--err-bg);border-bottom:2px solid var(--err)}
mark.warning{background:var(--warn-bg);border-bottom:2px solid var(--warn)}
mark.info{background:var(--info-bg);border-bottom:2px dotted var(--info)}
mark:focus{outline:2px solid #101828}
.tip{display:none;position:absolute;left:0;top:1.6em;z-index:10;width:max-content;max-width:36rem;white-space:normal;
background:#101828;color:#fff;padding:.4rem .6rem;border-radius:4px;font:.8rem/1.4 system-ui,sans-serif}
mark:hover+.tip,mark:focus+.tip,mark:target+.tip{display:block}
"""


def _state(fact_id: str, findings_by_fact: dict[str, list[Finding]], mentioned: frozenset[str]) -> tuple[str, list[Finding]]:
    tied = findings_by_fact.get(fact_id, [])
    contradicting = [f for f in tied if _verdict(f) == "contradiction"]
    if contradicting:
        return "contradicted", contradicting
    if tied:
        return "unsupported", tied
    return ("consistent" if fact_id in mentioned else "not-mentioned"), []


def _verdict(f: Finding) -> str:
    """What a finding says of the article, as its rule declares it (`Rule.verdict`)."""
    rule = RULES_BY_CODE.get(f.code)
    return rule.verdict if rule is not None else "contradiction"


def _short(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _matrix(report, files) -> list[str]:
    out = ['<section id="matrix" aria-labelledby="matrix-h">', '<h2 id="matrix-h">Facts \u00d7 articles</h2>']
    if not report.fact_rows:
        out.append('<p class="muted">No facts file: nothing to compare the articles with.</p></section>')
        return out
    out.append('<p class="legend">' + "".join(
        f'<span><b class="{s}">{_SYMBOL[s]}</b> {_WORDS[s]}</span>' for s in STATES) + "</p>")
    by_file = []
    for r in files:
        d: dict[str, list[Finding]] = {}
        for f in r.findings:
            if f.fact is not None:
                d.setdefault(f.fact.fact_id, []).append(f)
        by_file.append(d)
    cells = [[_state(row.fact_id, by_file[j], r.mentioned) for j, r in enumerate(files)] for row in report.fact_rows]
    deviates = [any(cells[i][j][0] == "contradicted" for i in range(len(cells))) for j in range(len(files))]
    out.append('<table class="matrix"><thead><tr><th scope="col">Fact</th>')
    for j, r in enumerate(files):
        cls = ' class="deviates"' if deviates[j] else ""
        out.append(f'<th scope="col"{cls} title="{escape(r.path)}"><a href="#a{j + 1}">{escape(_short(r.path))}</a></th>')
    out.append("</tr></thead><tbody>")
    for row, states in zip(report.fact_rows, cells):
        label = row.label if len(row.label) <= 90 else row.label[:89] + "\u2026"
        out.append(
            f'<tr data-fact="{escape(row.fact_id)}"><th scope="row"><span class="kind">{row.kind}</span> '
            f'{escape(label)} <span class="muted">({escape(report.facts_path or "")}:{row.line})</span></th>'
        )
        for j, (state, tied) in enumerate(states):
            detail = "; ".join(f"{f.code} at {f.start.line}:{f.start.col}: {f.message}" for f in tied)
            title = f"{_short(files[j].path)}: {_WORDS[state]}" + (f" \u2014 {detail}" if detail else "")
            out.append(f'<td class="{state}" title="{escape(title)}">{_SYMBOL[state]}<span class="sr"> {_WORDS[state]}</span></td>')
        out.append("</tr>")
    out.append('</tbody><tfoot><tr><th scope="row">statements no fact covers (FL203, FL403)</th>')
    for r in files:
        n = sum(1 for f in r.findings if _verdict(f) == "unsupported" and f.fact is None)
        out.append(f'<td class="{"unsupported" if n else "not-mentioned"}">{n}</td>')
    out.append("</tr></tfoot></table></section>")
    return out


def _highlighted(source: str, findings: tuple[Finding, ...], prefix: str) -> tuple[str, dict[int, str]]:
    """The source with each finding's span in a <mark>, and the anchor of each finding's first piece."""
    spans = []
    for i, f in enumerate(findings):
        start, end = f.span.start, f.span.end
        if end <= start:  # an empty span: mark the character it points at
            end = min(len(source), start + 1)
            start = min(start, end - 1) if end else 0
        spans.append((start, end, i))
    cuts = sorted({0, len(source), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[str] = []
    anchors: dict[int, str] = {}
    k = 0
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(source[a:b])
        cover = [i for s, e, i in spans if s <= a and b <= e and s < e]
        if not cover:
            out.append(piece)
            continue
        k += 1
        pid, tid = f"{prefix}-p{k}", f"{prefix}-t{k}"
        for i in cover:
            anchors.setdefault(i, pid)
        worst = max(findings[i].severity for i in cover)
        tip = "<br>".join(escape(f"{findings[i].code} [{findings[i].severity}] {findings[i].message}") for i in cover)
        out.append(
            f'<span class="hl"><mark id="{pid}" class="{worst}" tabindex="0" aria-describedby="{tid}" '
            f'data-codes="{" ".join(findings[i].code for i in cover)}">{piece}</mark>'
            f'<span class="tip" role="tooltip" id="{tid}">{tip}</span></span>'
        )
    return "".join(out), anchors


def _article(j: int, r) -> list[str]:
    prefix = f"a{j}"
    counts = {s: sum(1 for f in r.findings if f.severity == s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    d = r.reference_date
    when = f"read as of {spoken_date(d.year, d.month, d.day)} ({r.reference_origin})" if d else "its date not known (relative dates not checked)"
    out = [
        f'<section class="article" id="{prefix}" aria-labelledby="{prefix}-h">',
        f'<h2 id="{prefix}-h">{escape(r.path)}</h2>',
        f'<p class="muted">{counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, '
        f'{counts[Severity.INFO]} info; {escape(when)}; {coverage_words(*r.coverage)}</p>',
    ]
    text, anchors = _highlighted(r.document.source, r.findings, prefix)
    if r.findings:
        out.append('<ol class="findings">')
        for i, f in enumerate(r.findings):
            out.append(
                f'<li class="{f.severity}"><a href="#{anchors.get(i, prefix)}">{f.start.line}:{f.start.col}</a> '
                f'<code>{f.code}</code> {escape(f.message)}</li>'
            )
        out.append("</ol>")
    else:
        out.append('<p class="muted">No findings.</p>')
    out.append(f'<pre class="text">{text}</pre></section>')
    return out


def render(report: RunReport, options: RenderOptions) -> str:
    files = [r for r in report.files if r.error is None and r.document is not None]
    facts = f"{report.facts_path} ({report.fact_count} facts, sha256 {(report.facts_sha256 or '')[:12]})" if report.facts_path else "none"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>factlint report</title>",
        f"<style>{STYLE}</style></head><body>",
        "<header><h1>factlint report</h1>",
        f'<p class="summary">{escape(summary_line(report))}</p>',
        f'<p class="muted">Facts: {escape(facts)}</p></header><main>',
    ]
    out += _matrix(report, files)
    unreadable = [r for r in report.files if r.error is not None]
    if unreadable:
        out.append('<section id="unreadable"><h2>Could not be read</h2><ul>')
        out += [f"<li>{escape(str(r.error))}</li>" for r in unreadable]
        out.append("</ul></section>")
    for j, r in enumerate(files, 1):
        out += _article(j, r)
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"
