"""`html`: one self-contained report page for an editor (no scripts, no external styles, fonts or
images; it works opened from a file, with no network).

- **Filters** at the top, by severity and by rule: checkboxes read by CSS alone (`:has()`), so
  unticking "Info" or "FL203" hides those findings in every list and takes their highlights away.
- A **facts x articles matrix**: one row a curated fact, one column an article; each cell says
  whether the article is consistent with the fact, contradicts it (a finding tied to the fact),
  makes an unsupported statement about it (direct speech of a curated person that no curated quote
  backs), or does not mention it. The matrix scrolls inside its own box (its header row and fact
  column stay in view), so the page fits a 1280 px window whatever the number of articles. A column
  is labelled by the article's outlet (its `sources:` entry in facts.yaml) or its headline (front
  matter or HTML title, else its first line), set vertically and cut short with an ellipsis; the
  file's path shows on hover. A column with contradictions is marked.
- **Each article**, those with the most errors first, then the most warnings: its findings, each with
  its severity in words and an icon (never colour alone), what was expected and what was found, the
  fact it comes from and the fix or suggestion; then the article as the prose factlint checked (its
  text view: no markup, front matter or code), the findings' spans highlighted. A highlight shows its
  message on hover, on keyboard focus (every highlight is in the tab order) and when it is the page's
  target (the findings list links to it).

Fonts are the system's: a sans-serif stack ending in CJK families (Noto Sans CJK, Apple SD Gothic
Neo, Malgun Gothic, Hiragino, Microsoft YaHei...), and the browser's own fallback after them, so
Korean, Japanese and Chinese text renders with whatever CJK font the reader's system has.

The page is deterministic: the same run gives the same bytes.
"""

from __future__ import annotations

import bisect
import posixpath
import re
from html import escape
from typing import TYPE_CHECKING

from ..model import Finding, Severity
from ..plain import spoken_date, value_in_words
from ..rules import RULES_BY_CODE
from .common import coverage_words, summary_line
from ..patterns import lazy_re

if TYPE_CHECKING:
    from ..document import Document
    from ..report import FileReport, RunReport
    from . import RenderOptions

STATES = ("contradicted", "unsupported", "consistent", "not-mentioned")
SOURCES = "FL501"  # sources-disagree: its own section, and its own row of the matrix
_SYMBOL = {"contradicted": "\u2717", "unsupported": "?", "consistent": "\u2713", "not-mentioned": "\u00b7"}
_WORDS = {"contradicted": "contradicted", "unsupported": "unsupported", "consistent": "consistent", "not-mentioned": "not mentioned"}
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# severity in words and an icon, never colour alone
ICON = {Severity.ERROR: "\u2716", Severity.WARNING: "\u26a0", Severity.INFO: "\u2139"}
WORD = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Info"}
PLURAL = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"}

FONTS = ('system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,'
         '"Noto Sans CJK KR","Noto Sans CJK JP","Noto Sans CJK SC","Source Han Sans","Apple SD Gothic Neo",'
         '"Malgun Gothic","Hiragino Sans","Hiragino Kaku Gothic ProN","Microsoft YaHei","PingFang SC",'
         '"NanumGothic","Noto Sans KR",sans-serif')

STYLE = """
:root{--err:#b42318;--err-bg:#fde2e0;--warn:#8a5a00;--warn-bg:#ffefc2;--info:#1d4e89;--info-bg:#dcebfb;
--ok:#1a7f37;--ok-bg:#dcf5e3;--muted:#5d6679;--line:#d0d5dd;font-family:%(fonts)s}
*,*::before,*::after{box-sizing:border-box}
body{margin:0 auto;max-width:80rem;padding:1rem 1.5rem;color:#101828;background:#fff;line-height:1.45;overflow-wrap:anywhere}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line)}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.85rem}
.summary{font-weight:600}.muted{color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.5rem 0;font-size:.85rem}
.filters fieldset{border:1px solid var(--line);border-radius:4px;margin:0;padding:.3rem .6rem;display:flex;flex-wrap:wrap;gap:.2rem .9rem}
.filters legend{font-weight:600;padding:0 .2rem}.filters label{white-space:nowrap;cursor:pointer}
.matrix-box{position:relative;overflow:auto;max-height:75vh;max-width:100%%;border:1px solid var(--line)}
table.matrix{border-collapse:separate;border-spacing:0;font-size:.85rem}
.matrix th,.matrix td{border-right:1px solid var(--line);border-bottom:1px solid var(--line);padding:.25rem .4rem}
.matrix thead th{position:sticky;top:0;z-index:2;background:#fff;vertical-align:bottom;font-weight:600}
.matrix thead th.col{padding:.4rem .2rem;width:2.6rem;min-width:2.6rem}
.matrix thead th.col a{display:inline-flex;flex-direction:row;gap:.1rem;color:inherit;text-decoration:none}
.matrix thead th.col span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;overflow:hidden;
text-overflow:ellipsis;max-height:11rem}
.matrix thead th.col .file{font-weight:400;color:var(--muted);font-size:.7rem}
.matrix thead th.deviates{background:var(--err-bg);color:var(--err)}
.matrix thead th.corner{left:0;z-index:3;text-align:left}
.matrix tbody th,.matrix tfoot th{position:sticky;left:0;z-index:1;background:#fff;text-align:left;font-weight:400;
min-width:16rem;max-width:26rem}
.matrix td{text-align:center;min-width:2.2rem;font-weight:700}
.kind{display:inline-block;min-width:3.6rem;color:var(--muted);font-size:.75rem;text-transform:uppercase}
td.contradicted{background:var(--err-bg);color:var(--err)}td.unsupported{background:var(--warn-bg);color:var(--warn)}
td.consistent{background:var(--ok-bg);color:var(--ok)}td.not-mentioned{color:var(--muted);font-weight:400}
.legend span{display:inline-block;margin-right:1rem}
td.disagrees{background:var(--warn-bg);color:var(--warn)}
table.disagree{border-collapse:collapse;font-size:.9rem;width:100%%}
.disagree th,.disagree td{border:1px solid var(--line);padding:.3rem .5rem;vertical-align:top;text-align:left}
.disagree thead th{background:#f9fafb}.disagree ul{margin:0;padding-left:1.1rem}
.disagree .reading{font-weight:600}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.sev{display:inline-block;font-weight:700;padding:0 .35rem;border-radius:3px;font-size:.8rem;white-space:nowrap}
.sev.error{background:var(--err-bg);color:var(--err)}.sev.warning{background:var(--warn-bg);color:var(--warn)}
.sev.info{background:var(--info-bg);color:var(--info)}
ol.findings{padding-left:1.4rem;margin:.5rem 0}ol.findings>li{margin:.5rem 0}
.finding p{margin:.1rem 0}.finding .rule{color:var(--muted)}
.finding dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem;margin:.2rem 0 0;font-size:.9rem}
.finding dt{color:var(--muted)}.finding dd{margin:0}
.prose{white-space:pre-wrap;max-width:46rem;font-size:1rem;line-height:1.7;background:#f9fafb;border:1px solid var(--line);
padding:1rem 1.25rem;border-radius:4px}
.hl{position:relative}
mark{border-radius:2px;color:inherit;outline-offset:1px;cursor:help}
mark::before{font-size:.7em;vertical-align:super;margin-right:.1em}
mark.error{background:var(--err-bg);border-bottom:2px solid var(--err)}mark.error::before{content:"\\2716";color:var(--err)}
mark.warning{background:var(--warn-bg);border-bottom:2px dashed var(--warn)}mark.warning::before{content:"\\26A0";color:var(--warn)}
mark.info{background:var(--info-bg);border-bottom:2px dotted var(--info)}mark.info::before{content:"\\2139";color:var(--info)}
mark:focus{outline:2px solid #101828}
.tip{display:none;position:absolute;left:0;top:1.6em;z-index:10;width:max-content;max-width:min(36rem,80vw);white-space:normal;
background:#101828;color:#fff;padding:.4rem .6rem;border-radius:4px;font-size:.8rem;line-height:1.4}
mark:hover+.tip,mark:focus+.tip,mark:target+.tip{display:block}
"""

# what a filter that is unticked hides: its findings, and its highlights' colour
_HIDE = "body:has(#{id}:not(:checked)) {items}{{display:none}}\n"
_PLAIN = "body:has(#{id}:not(:checked)) {marks}{{background:none;border-bottom:none}}\n" \
         "body:has(#{id}:not(:checked)) {before}{{content:none}}\n"


def _filter_css(codes: list[str]) -> str:
    out = []
    for s in SEVERITIES:
        out.append(_HIDE.format(id=f"show-{s}", items=f".finding.sev-{s}"))
        out.append(_PLAIN.format(id=f"show-{s}", marks=f"mark.{s}", before=f"mark.{s}::before"))
    for code in codes:
        out.append(_HIDE.format(id=f"show-{code}", items=f'.finding[data-code="{code}"]'))
        out.append(_PLAIN.format(id=f"show-{code}", marks=f'mark[data-codes~="{code}"]', before=f'mark[data-codes~="{code}"]::before'))
    return "".join(out)


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


def _counts(r: FileReport) -> dict[Severity, int]:
    return {s: sum(1 for f in r.findings if f.severity == s) for s in SEVERITIES}


def by_attention(files: list[FileReport]) -> list[FileReport]:
    """Articles in the order an editor reads them: most errors first, then most warnings, most
    info, then by path."""
    def key(r: FileReport) -> tuple:
        c = _counts(r)
        return (-c[Severity.ERROR], -c[Severity.WARNING], -c[Severity.INFO], r.path)

    return sorted(files, key=key)


_TITLE = lazy_re(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_OG_TITLE = lazy_re(r"""<meta\b[^>]*\bproperty\s*=\s*["']og:title["'][^>]*\bcontent\s*=\s*["']([^"']+)["']""", re.I)


def _headline(doc: Document) -> str | None:
    """The article's title: its front matter's `title`, its HTML title, else its first line of prose."""
    meta = dict(doc.metadata)
    if meta.get("title", "").strip():
        return meta["title"].strip()
    if doc.format == "html":
        import html as _html

        for pattern in (_OG_TITLE, _TITLE):
            m = pattern.search(doc.source)
            if m and m.group(1).strip():
                return " ".join(_html.unescape(m.group(1)).split())
    for line in doc.text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return " ".join(line.split())
    return None


def _outlet(report: RunReport, path: str) -> str | None:
    """The `outlet:` of the article's `sources:` entry. Report paths and the facts path are both
    named from the project folder, so the article's path from facts.yaml's folder is worked out
    from them alone."""
    facts = report.facts
    if facts is None or not facts.sources or report.facts_path is None:
        return None
    if posixpath.isabs(path) != posixpath.isabs(report.facts_path):
        return None
    rel = posixpath.relpath(path, posixpath.dirname(report.facts_path) or ".")
    source = facts.source_for(rel)
    return source.outlet if source is not None else None


def _label(report: RunReport, r: FileReport) -> str:
    """What a column and an article are called: its outlet, else its headline, else its file name."""
    label = _outlet(report, r.path) or (_headline(r.document) if r.document is not None else None) or _short(r.path)
    return label if len(label) <= 80 else label[:79] + "\u2026"


def _filters(files: list[FileReport]) -> list[str]:
    findings = [f for r in files for f in r.findings]
    if not findings:
        return []
    out = ['<div class="filters" role="group" aria-label="Show findings">',
           "<fieldset><legend>Severity</legend>"]
    for s in SEVERITIES:
        n = sum(1 for f in findings if f.severity == s)
        out.append(f'<label><input type="checkbox" id="show-{s}" checked> '
                   f'<span class="sev {s}"><span aria-hidden="true">{ICON[s]}</span> {WORD[s]}</span> ({n})</label>')
    out.append("</fieldset><fieldset><legend>Rule</legend>")
    for code in sorted({f.code for f in findings}):
        rule = RULES_BY_CODE.get(code)
        n = sum(1 for f in findings if f.code == code)
        name = f" {escape(rule.name)}" if rule is not None else ""
        out.append(f'<label><input type="checkbox" id="show-{code}" checked> <code>{code}</code>{name} ({n})</label>')
    out.append("</fieldset></div>")
    return out


def _matrix(report: RunReport, files: list[FileReport], labels: list[str]) -> list[str]:
    out = ['<section id="matrix" aria-labelledby="matrix-h">', '<h2 id="matrix-h">Facts \u00d7 articles</h2>']
    disagree = any(f.code == SOURCES for r in files for f in r.findings)
    if not report.fact_rows:
        out.append('<p class="muted">No curated facts: nothing to compare the articles with'
                   + (' but each other (below).</p>' if disagree else '.</p>'))
        if not disagree:
            out.append("</section>")
            return out
        out.append('<div class="matrix-box" role="region" aria-labelledby="matrix-h" tabindex="0">')
        out += _matrix_head(files, labels, [False] * len(files))
        out.append("</tbody><tfoot>")
        out += _disagree_row(files, labels)
        out.append("</tfoot></table></div></section>")
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
    out.append('<div class="matrix-box" role="region" aria-labelledby="matrix-h" tabindex="0">')
    out += _matrix_head(files, labels, deviates)
    for row, states in zip(report.fact_rows, cells):
        label = row.label if len(row.label) <= 90 else row.label[:89] + "\u2026"
        out.append(
            f'<tr data-fact="{escape(row.fact_id)}"><th scope="row"><span class="kind">{row.kind}</span> '
            f'{escape(label)} <span class="muted">({escape(report.facts_path or "")}:{row.line})</span></th>'
        )
        for j, (state, tied) in enumerate(states):
            detail = "; ".join(f"{f.code} at {f.start.line}:{f.start.col}: {f.message}" for f in tied)
            title = f"{labels[j]} ({_short(files[j].path)}): {_WORDS[state]}" + (f" \u2014 {detail}" if detail else "")
            out.append(f'<td class="{state}" title="{escape(title)}">{_SYMBOL[state]}<span class="sr"> {_WORDS[state]}</span></td>')
        out.append("</tr>")
    out.append('</tbody><tfoot><tr><th scope="row">statements no fact covers (FL203, FL403)</th>')
    for r in files:
        n = sum(1 for f in r.findings if _verdict(f) == "unsupported" and f.fact is None and f.code != SOURCES)
        out.append(f'<td class="{"unsupported" if n else "not-mentioned"}">{n}</td>')
    out.append("</tr>")
    if disagree:
        out += _disagree_row(files, labels)
    out.append("</tfoot></table></div></section>")
    return out


def _matrix_head(files: list[FileReport], labels: list[str], deviates: list[bool]) -> list[str]:
    out = ['<table class="matrix"><thead><tr><th scope="col" class="corner">Fact</th>']
    for j, r in enumerate(files):
        cls = "col deviates" if deviates[j] else "col"
        out.append(
            f'<th scope="col" class="{cls}" title="{escape(r.path)}"><a href="#a{j + 1}">'
            f'<span class="label">{escape(labels[j])}</span><span class="file">{escape(_short(r.path))}</span></a></th>'
        )
    out.append("</tr></thead><tbody>")
    return out


def _disagree_row(files: list[FileReport], labels: list[str]) -> list[str]:
    """The matrix row of FL501: in each article's cell, how many of its readings the other articles
    give otherwise (a link to the "sources disagree" section)."""
    out = [f'<tr class="fl501"><th scope="row"><a href="#disagree">sources disagree ({SOURCES})</a></th>']
    for j, r in enumerate(files):
        n = sum(1 for f in r.findings if f.code == SOURCES)
        title = f"{labels[j]} ({_short(r.path)}): {n} reading{'s' if n != 1 else ''} the other articles give otherwise"
        cell = f'<a href="#disagree-a{j + 1}">\u2260 {n}</a>' if n else "0"
        out.append(f'<td class="{"disagrees" if n else "not-mentioned"}" data-code="{SOURCES}" title="{escape(title)}">{cell}'
                   f'<span class="sr"> {n} disagreements</span></td>')
    out.append("</tr>")
    return out


def _disagreements(files: list[FileReport], labels: list[str]) -> list[str]:
    """The "sources disagree" section: each FL501 finding with its reading beside the other
    articles' readings of the same thing."""
    rows = [(j, r, f) for j, r in enumerate(files) for f in r.findings if f.code == SOURCES]
    if not rows:
        return []
    out = ['<section id="disagree" aria-labelledby="disagree-h">',
           f'<h2 id="disagree-h">Sources disagree ({len(rows)})</h2>',
           '<p class="muted">Where the articles say the same thing differently and no curated fact decides '
           f'(<code>{SOURCES}</code>): each article\u2019s reading beside the other articles\u2019.</p>',
           '<table class="disagree"><thead><tr><th scope="col">What</th><th scope="col">This article says</th>'
           '<th scope="col">The other articles say</th></tr></thead><tbody>']
    first: set[int] = set()
    for j, r, f in rows:
        anchor = f' id="disagree-a{j + 1}"' if j not in first else ""
        first.add(j)
        here = (f'<span class="reading">{escape(value_in_words(f.found) if f.found is not None else f.matched)}</span>'
                f'<br><a href="#a{j + 1}">{escape(labels[j])}</a> <span class="muted"><code>{escape(r.path)}:{f.start.line}:'
                f'{f.start.col}</code></span>')
        there = "".join(
            f'<li><span class="reading">{escape(x.message)}</span> <span class="muted"><code>{escape(x.path)}:{x.line}:{x.col}'
            f'</code></span></li>' for x in f.related)
        out.append(f'<tr{anchor} class="finding sev-{f.severity}" data-code="{f.code}"><td>{escape(f.message)}</td>'
                   f'<td>{here}</td><td><ul>{there}</ul></td></tr>')
    out.append("</tbody></table></section>")
    return out


def _prose_offset(doc: Document, offset: int, *, end: bool = False) -> int:
    """The offset in the text view of a source offset (the inverse of `Document.source_offset`)."""
    sm = doc.source_map
    if sm is None:
        return offset
    segments = sm.segments
    i = bisect.bisect_right([s[1] for s in segments], offset) - 1
    if i < 0:
        return 0
    p0, s0, plen, slen = segments[i]
    if end and i > 0 and offset == s0:
        p0, s0, plen, slen = segments[i - 1]
    if offset >= s0 + slen:
        return p0 + plen
    if plen == slen:
        return p0 + (offset - s0)
    return p0 + plen if end and offset > s0 else p0


_SPACE = " \t\r\f\v\u00a0"


def prose_display(text: str, lines_are_paragraphs: bool = False) -> tuple[str, list[int]]:
    """The text view as a reader sees it: each line's runs of white space one space, lines trimmed,
    blank lines (the blanked front matter, code and markup among them) at most one in a row, and one
    after every line when `lines_are_paragraphs` (plain text, where a line is a paragraph); and, for
    each character kept, its offset in `text` (increasing)."""
    chars: list[str] = []
    origin: list[int] = []
    blank = False
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip(_SPACE):
            blank = bool(chars)
            continue
        if chars:
            for _ in range(2 if blank or lines_are_paragraphs else 1):
                chars.append("\n")
                origin.append(start)
        blank = False
        spaced = False
        for i, ch in enumerate(line):
            if ch in _SPACE:
                spaced = True
                continue
            if spaced and chars and chars[-1] != "\n":
                chars.append(" ")
                origin.append(start + i - 1)
            spaced = False
            chars.append(ch)
            origin.append(start + i)
    return "".join(chars), origin


def _highlighted(r: FileReport, prefix: str) -> tuple[str, dict[int, str]]:
    """The article's text view with each finding's span in a <mark>, and the anchor of each finding's
    first piece (a finding outside the prose, in a comment or the front matter, has none)."""
    doc = r.document
    assert doc is not None
    shown, origin = prose_display(doc.text, lines_are_paragraphs=doc.format == "text")
    findings = r.findings
    spans = []
    for i, f in enumerate(findings):
        ps, pe = _prose_offset(doc, f.span.start), _prose_offset(doc, f.span.end, end=True)
        start, end = bisect.bisect_left(origin, ps), bisect.bisect_left(origin, pe)
        if end <= start and f.span.end <= f.span.start and start < len(shown):
            end = start + 1  # an empty span in the prose: mark the character it points at
        if end > start:
            spans.append((start, end, i))
    cuts = sorted({0, len(shown), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[str] = []
    anchors: dict[int, str] = {}
    k = 0
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(shown[a:b])
        cover = [i for s, e, i in spans if s <= a and b <= e]
        if not cover:
            out.append(piece)
            continue
        k += 1
        pid, tid = f"{prefix}-p{k}", f"{prefix}-t{k}"
        for i in cover:
            anchors.setdefault(i, pid)
        worst = max(findings[i].severity for i in cover)
        tip = "<br>".join(escape(f"{WORD[findings[i].severity]}: {findings[i].code} {findings[i].message}") for i in cover)
        out.append(
            f'<span class="hl"><mark id="{pid}" class="{worst}" tabindex="0" aria-describedby="{tid}" '
            f'data-codes="{" ".join(findings[i].code for i in cover)}">{piece}</mark>'
            f'<span class="tip" role="tooltip" id="{tid}">{tip}</span></span>'
        )
    return "".join(out), anchors


def _fact_words(report: RunReport, f: Finding) -> str | None:
    if f.fact is None:
        return None
    row = next((row for row in report.fact_rows if row.fact_id == f.fact.fact_id), None)
    what = f"{row.kind} {row.fact_id}: {row.label}" if row is not None else f"{f.fact.kind} {f.fact.fact_id}"
    return f"{what} ({f.fact.path}:{f.fact.line})"


def _finding(report: RunReport, f: Finding, anchor: str | None) -> str:
    s = f.severity
    where = f"line {f.start.line}, column {f.start.col}"
    loc = f'<a href="#{anchor}">{where}</a>' if anchor else where
    rows = []
    if f.expected is not None:
        rows.append(("Expected", value_in_words(f.expected)))
    if f.found is not None:
        found = value_in_words(f.found)
        rows.append(("Found", found))
        if f.matched and f.matched not in found:
            rows.append(("In the text", f"\u201c{f.matched}\u201d"))
    fact = _fact_words(report, f)
    if fact:
        rows.append(("Fact", fact))
    if f.fix is not None:
        if f.fix.safe:
            rows.append(("Fix", f"replace with \u2018{f.fix.replacement}\u2019 (safe: factlint check --fix applies it)"))
        else:
            rows.append(("Suggestion", f"replace with \u2018{f.fix.replacement}\u2019 (check the fact first: it may be what is wrong)"))
    detail = "".join(f"<dt>{k}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    return (
        f'<li class="finding sev-{s}" data-code="{f.code}">'
        f'<p><span class="sev {s}"><span aria-hidden="true">{ICON[s]}</span> {WORD[s]}</span> '
        f'<code>{f.code}</code> <span class="rule">{escape(f.name)}</span> \u2014 {loc}</p>'
        f'<p class="message">{escape(f.message)}</p>' + (f"<dl>{detail}</dl>" if detail else "") + "</li>"
    )


def _article(report: RunReport, j: int, r: FileReport, label: str) -> list[str]:
    prefix = f"a{j}"
    counts = _counts(r)
    d = r.reference_date
    when = f"read as of {spoken_date(d.year, d.month, d.day)} ({r.reference_origin})" if d else "its date not known (relative dates not checked)"
    tally = ", ".join(
        f'<span class="sev {s}"><span aria-hidden="true">{ICON[s]}</span> {counts[s]} {PLURAL[s] if counts[s] != 1 else WORD[s].lower()}</span>'
        for s in SEVERITIES
    )
    out = [
        f'<section class="article" id="{prefix}" aria-labelledby="{prefix}-h" data-errors="{counts[Severity.ERROR]}" '
        f'data-warnings="{counts[Severity.WARNING]}">',
        f'<h2 id="{prefix}-h">{escape(label)} <span class="muted"><code>{escape(r.path)}</code></span></h2>',
        f'<p>{tally}</p>',
        f'<p class="muted">{escape(when)}; {coverage_words(*r.coverage)}</p>',
    ]
    text, anchors = _highlighted(r, prefix)
    if r.findings:
        out.append('<ol class="findings">')
        out += [_finding(report, f, anchors.get(i)) for i, f in enumerate(r.findings)]
        out.append("</ol>")
    else:
        out.append('<p class="muted">No findings.</p>')
    out.append(f'<div class="prose" lang="und">{text}</div></section>')
    return out


def render(report: RunReport, options: RenderOptions) -> str:
    files = by_attention([r for r in report.files if r.error is None and r.document is not None])
    labels = [_label(report, r) for r in files]
    facts = f"{report.facts_path} ({report.fact_count} facts, sha256 {(report.facts_sha256 or '')[:12]})" if report.facts_path else "none"
    codes = sorted({f.code for r in files for f in r.findings})
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>factlint report</title>",
        f"<style>{STYLE % {'fonts': FONTS}}{_filter_css(codes)}</style></head><body>",
        "<header><h1>factlint report</h1>",
        f'<p class="summary">{escape(summary_line(report))}</p>',
        f'<p class="muted">Facts: {escape(facts)}</p>',
    ]
    out += _filters(files)
    out.append("</header><main>")
    out += _matrix(report, files, labels)
    out += _disagreements(files, labels)
    unreadable = [r for r in report.files if r.error is not None]
    if unreadable:
        out.append('<section id="unreadable"><h2>Could not be read</h2><ul>')
        out += [f"<li>{escape(str(r.error))}</li>" for r in unreadable]
        out.append("</ul></section>")
    for j, (r, label) in enumerate(zip(files, labels), 1):
        out += _article(report, j, r, label)
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"
