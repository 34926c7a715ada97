"""`factlint server`: a Language Server (LSP over standard input and output, built on pygls) that
shows factlint's findings in an editor as the writer types.

It only wires, as the command line does: each open Markdown, HTML or plain-text document is linted
with `runner.lint_file` (the text the editor holds, under the document's own path) against the
settings `factlint check` would use for that file (`settings.folder_settings`: the configuration
and facts.yaml found from the document's folder upward), and every finding becomes a diagnostic.
What the server adds is an editor's:

- diagnostics published when a document is opened, and again once the writer pauses (`DEBOUNCE`
  seconds after the last change) or saves; a lint whose document changed meanwhile is dropped;
- the compiled facts kept warm between lints, per facts file, rebuilt when facts.yaml or the
  configuration changes on disk (their size and modification time are compared at every lint);
- the rule's page (`Rule.markdown`) on hover over a finding, with what was expected and found;
- the safe fixes (a curated name's spelling) as quick fixes, and all of a document's at once as
  `source.fixAll.factlint`; suggestions (a date, a quote's words) are shown, never offered as edits.

Positions: LSP lines are split at "\\r\\n", "\\r" and "\\n", as factlint's are, and characters are
counted in the encoding agreed with the client: UTF-16 code units unless the client offers UTF-8
or UTF-32 (`Positions`). A document that cannot be linted (facts.yaml that does not load, a facts
regex that runs too long, an internal error) is one diagnostic at its top saying why, and a log
message; the server goes on.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import field

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from ._version import __version__, rule_doc_url
from .compiled import CompiledFacts
from .document import SUFFIX_FORMATS
from .engine import Linter
from .errors import FactlintError, FactsError
from .fixes import replacement_for, safe_fixes
from .formatters.common import finding_details
from .model import Finding, Severity
from .records import dataclass
from .report import shown_path
from .rules import RULES, RULES_BY_CODE
from .runner import lint_file
from .settings import CheckSettings, check_regular_file, folder_settings

log = logging.getLogger("factlint.server")

DEBOUNCE = 0.3  # seconds after the last change before a document is linted again
FIX_ALL = f"{lsp.CodeActionKind.SourceFixAll.value}.factlint"

# the reader for each language an editor names; other documents are linted when their file's
# suffix is an article's (.txt, .md, .html, ...), else left alone (facts.yaml, code)
LANGUAGE_FORMATS = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}
_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


class Positions:
    """Offsets of a text (code points) <-> LSP positions: 0-based line, and the character counted in
    `encoding`'s code units ("utf-16": characters beyond U+FFFF count two; "utf-8": a character's
    bytes; "utf-32": code points). Lines end at "\\r\\n", "\\r" or "\\n", as the LSP says."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text = text
        self.encoding = encoding
        starts = [0]
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            if ch == "\r":
                i += 2 if text[i + 1 : i + 2] == "\n" else 1
                starts.append(i)
            elif ch == "\n":
                i += 1
                starts.append(i)
            else:
                i += 1
        self.starts = starts

    def _units(self, s: str) -> int:
        if self.encoding == "utf-32" or s.isascii():
            return len(s)
        if self.encoding == "utf-8":
            return len(s.encode("utf-8", "surrogatepass"))
        return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)

    def position(self, offset: int) -> lsp.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return lsp.Position(line=line, character=self._units(self.text[self.starts[line] : offset]))

    def range(self, start: int, end: int) -> lsp.Range:
        return lsp.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: lsp.Position) -> int:
        """The offset of an LSP position (a line past the end: the text's end; a character past its
        line's end: the line's end)."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        end = self.starts[position.line + 1] if position.line + 1 < len(self.starts) else len(self.text)
        line = self.text[start:end].rstrip("\r\n")
        units = 0
        for i, ch in enumerate(line):
            if units >= position.character:
                return start + i
            units += self._units(ch)
        return start + len(line)


def finding_text(f: Finding) -> str:
    """A finding's message with what was expected and found (in words) and its fix or suggestion,
    as the text format gives them under the source line."""
    return "\n".join([f.message, *(f"{label}: {words}" for label, words in finding_details(f))])


def to_diagnostic(f: Finding, positions: Positions, bom: int = 0, facts_uri: str | None = None) -> lsp.Diagnostic:
    """The LSP diagnostic of a finding of a document whose text begins with `bom` byte-order marks
    (the finding's offsets count from after them); `facts_uri` links the fact's line in facts.yaml."""
    url = rule_doc_url(f.code)
    related = None
    if f.fact is not None and facts_uri is not None:
        line = max(0, f.fact.line - 1)
        where = lsp.Location(uri=facts_uri, range=lsp.Range(start=lsp.Position(line, 0), end=lsp.Position(line, 0)))
        related = [lsp.DiagnosticRelatedInformation(location=where, message=f"fact {f.fact.fact_id} ({f.fact.kind})")]
    return lsp.Diagnostic(
        range=positions.range(f.span.start + bom, f.span.end + bom),
        message=finding_text(f),
        severity=_SEVERITY[f.severity],
        code=f.code,
        code_description=lsp.CodeDescription(href=url) if url else None,
        source="factlint",
        related_information=related,
    )


def problem_diagnostic(message: str, line: int = 0, character: int = 0) -> lsp.Diagnostic:
    """A document that could not be linted, said at its top (or where the problem is)."""
    at = lsp.Position(line=line, character=character)
    return lsp.Diagnostic(range=lsp.Range(start=at, end=at), message=message, severity=lsp.DiagnosticSeverity.Error,
                          source="factlint")


@dataclass(frozen=True)
class Linted:
    """One document's lint: the text and version it was made of, its findings and their diagnostics
    (one for one; a problem diagnostic has no finding)."""

    uri: str
    version: int | None
    text: str
    fmt: str
    findings: tuple[Finding, ...] = ()
    diagnostics: tuple[lsp.Diagnostic, ...] = ()
    bom: int = 0

    def positions(self, encoding: str) -> Positions:
        return Positions(self.text, encoding)


@dataclass
class _Warm:
    stamp: tuple
    linter: Linter


def _stamp(*paths: str | None) -> tuple:
    out: list[tuple[int, int] | None] = []
    for p in paths:
        try:
            st = os.stat(p) if p else None
        except OSError:
            st = None
        out.append((st.st_mtime_ns, st.st_size) if st else None)
    return tuple(out)


@dataclass
class Projects:
    """The linters of the projects the open documents belong to, kept warm: one per facts file,
    configuration and settings, rebuilt when facts.yaml or the configuration changes on disk."""

    warm: dict[tuple, _Warm] = field(default_factory=dict)
    limit: int = 8

    def linter_for(self, settings: CheckSettings, config_path: str | None) -> Linter:
        sel = settings.selection
        key = (settings.facts_path and os.path.abspath(settings.facts_path), config_path, settings.root,
               settings.regex_timeout, settings.day_first, sel.select, sel.ignore, sel.extend_select)
        stamp = _stamp(settings.facts_path, config_path)
        hit = self.warm.get(key)
        if hit is not None and hit.stamp == stamp:
            return hit.linter
        path = settings.facts_path
        facts = None
        shown = None
        if path:
            from .facts.loader import load_facts

            check_regular_file(path, "facts")
            shown = shown_path(path, settings.root, settings.root)
            facts = load_facts(path)
        compiled = CompiledFacts.build(facts, display=shown, regex_timeout=settings.regex_timeout)
        linter = Linter(compiled, rules=tuple(r for r in RULES if sel.enabled(r.code)), day_first=settings.day_first)
        self.warm.pop(key, None)
        self.warm[key] = _Warm(stamp, linter)
        while len(self.warm) > self.limit:
            self.warm.pop(next(iter(self.warm)))
        return linter


def document_format(uri: str, language_id: str | None) -> str | None:
    """The reader for a document: by its language, else by its file's suffix; None: not an article."""
    if language_id in LANGUAGE_FORMATS:
        return LANGUAGE_FORMATS[language_id]
    path = to_fs_path(uri) if uri.startswith("file:") else None
    if path:
        suffix = os.path.splitext(path)[1].lower()
        return SUFFIX_FORMATS.get(suffix)
    return None


def lint_document(projects: Projects, uri: str, text: str, version: int | None, language_id: str | None,
                  encoding: str = "utf-16", fallback_folder: str | None = None) -> Linted | None:
    """Lint an open document as `factlint check` would lint its file (None: it is no article).
    Never raises: what stops the lint is a problem diagnostic."""
    fmt = document_format(uri, language_id)
    if fmt is None:
        return None
    path = to_fs_path(uri) if uri.startswith("file:") else None
    name = path or uri.rsplit("/", 1)[-1] or "untitled"
    folder = os.path.dirname(path) if path else (fallback_folder or os.getcwd())
    bom = len(text) - len(text.lstrip("\ufeff"))
    positions = Positions(text, encoding)

    def problem(message: str, line: int = 0, character: int = 0) -> Linted:
        return Linted(uri, version, text, fmt, (), (problem_diagnostic(message, line, character),), bom)

    try:
        settings = folder_settings(folder)
        config_path = _config_path(folder)
        linter = projects.linter_for(settings, config_path)
        report = lint_file(name, linter, settings.selection, data=text[bom:].encode("utf-8", "surrogatepass"),
                           display_path=name, fmt=fmt)
    except FactsError as exc:
        problems = exc.problems
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        log.warning("facts problems: %s", exc)
        return problem(f"factlint cannot check this document: {problems[0]}{more}" if problems else f"factlint: {exc}")
    except FactlintError as exc:
        log.warning("%s", exc)
        return problem(f"factlint cannot check this document: {exc}")
    except Exception as exc:  # an error of factlint's own: said, logged, and the server goes on
        log.exception("linting %s failed", uri)
        return problem(f"factlint could not lint this document (internal error: {type(exc).__name__}: {exc}); "
                       "see the server's log")
    if report.error is not None:
        e = report.error
        return problem(f"factlint cannot check this document: {e.detail}", max(0, e.line - 1), max(0, e.col - 1))
    facts_uri = from_fs_path(os.path.abspath(settings.facts_path)) if settings.facts_path else None
    diagnostics = tuple(to_diagnostic(f, positions, bom, facts_uri) for f in report.findings)
    return Linted(uri, version, text, fmt, report.findings, diagnostics, bom)


def _config_path(folder: str) -> str | None:
    from .settings import find_config

    return find_config(folder)


def hover_text(findings: Sequence[Finding]) -> str:
    """Markdown for the findings under the cursor: each finding in plain words, then its rule's page."""
    parts = []
    for f in findings:
        parts.append(f"**{f.code} {f.name}** ({f.severity})\n\n" + finding_text(f).replace("\n", "  \n"))
    for code in dict.fromkeys(f.code for f in findings):
        rule = RULES_BY_CODE.get(code)
        if rule is not None:
            parts.append(rule.markdown())
    return "\n\n---\n\n".join(parts)


def findings_at(linted: Linted, offset: int) -> list[tuple[int, Finding]]:
    """The findings (with their index) whose span holds the text offset `offset` (its ends included)."""
    at = offset - linted.bom
    return [(i, f) for i, f in enumerate(linted.findings) if f.span.start <= at <= max(f.span.end, f.span.start + 1)]


def code_actions(linted: Linted, start: int, end: int, encoding: str, only: Sequence[str] | None = None) -> list[lsp.CodeAction]:
    """Quick fixes for the safe fixes of the findings touching [start, end] (text offsets), and one
    action applying every safe fix of the document (`source.fixAll.factlint`)."""
    positions = linted.positions(encoding)
    bom = linted.bom

    def edit(f: Finding) -> lsp.TextEdit:
        assert f.fix is not None
        return lsp.TextEdit(range=positions.range(f.fix.span.start + bom, f.fix.span.end + bom),
                            new_text=replacement_for(f.fix, linted.fmt))

    def wanted(kind: str) -> bool:
        return not only or any(kind == k or kind.startswith(k + ".") for k in only)

    actions = []
    if wanted(lsp.CodeActionKind.QuickFix.value):
        for i, f in enumerate(linted.findings):
            if f.fix is None or not f.fix.safe:
                continue
            if f.span.end + bom < start or f.span.start + bom > end:
                continue
            actions.append(lsp.CodeAction(
                title=f"Replace {f.matched!r} with {f.fix.replacement!r} ({f.code} {f.name})",
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[linted.diagnostics[i]] if i < len(linted.diagnostics) else None,
                is_preferred=True,
                edit=lsp.WorkspaceEdit(changes={linted.uri: [edit(f)]}),
            ))
    fixable = safe_fixes(linted.findings)
    if fixable and wanted(FIX_ALL):
        n = len(fixable)
        actions.append(lsp.CodeAction(
            title=f"factlint: apply {n} safe fix{'es' if n != 1 else ''} (name spellings)",
            kind=FIX_ALL,
            edit=lsp.WorkspaceEdit(changes={linted.uri: [edit(f) for f in fixable]}),
        ))
    return actions


class FactlintServer(LanguageServer):
    """The server's state: the open documents' last lints, their pending lints, the warm linters."""

    def __init__(self, debounce: float = DEBOUNCE):
        super().__init__("factlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.debounce = debounce
        self.projects = Projects()
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        # one lint at a time, off the event loop: the loop keeps answering (hover, code actions)
        self.lint_pool = ThreadPoolExecutor(1, thread_name_prefix="factlint-lint")

    @property
    def encoding(self) -> str:
        enc = self.workspace.position_encoding
        return str(enc.value if isinstance(enc, lsp.PositionEncodingKind) else enc or "utf-16")

    def schedule(self, uri: str, delay: float) -> None:
        """Lint `uri` after `delay` seconds, replacing a lint of it still waiting (the debounce)."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(delay, lambda: asyncio.ensure_future(self.lint_and_publish(uri)))

    async def lint_and_publish(self, uri: str) -> None:
        self.pending.pop(uri, None)
        doc = self.workspace.text_documents.get(uri)
        if doc is None:  # closed meanwhile
            return
        text, version, language = doc.source, doc.version, doc.language_id
        root = self.workspace.root_path
        loop = asyncio.get_running_loop()
        linted = await loop.run_in_executor(
            self.lint_pool, lint_document, self.projects, uri, text, version, language, self.encoding, root,
        )
        now = self.workspace.text_documents.get(uri)
        if now is None or now.version != version or now.source != text:
            return  # changed since: its own lint is on its way
        if linted is None:
            self.linted.pop(uri, None)
            return
        self.linted[uri] = linted
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=list(linted.diagnostics))
        )

    def current(self, uri: str) -> Linted | None:
        """The last lint of `uri` when it is of the text the editor holds now."""
        linted = self.linted.get(uri)
        doc = self.workspace.text_documents.get(uri)
        if linted is None or doc is None or doc.source != linted.text:
            return None
        return linted


def make_server(debounce: float = DEBOUNCE) -> FactlintServer:
    server = FactlintServer(debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: FactlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: FactlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: FactlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.endswith((".yaml", ".yml", ".toml")):  # facts or configuration: every open article again
            for other in list(ls.workspace.text_documents):
                if other != uri:
                    ls.schedule(other, 0)
        else:
            ls.schedule(uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: FactlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = ls.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        if ls.linted.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: FactlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        linted = ls.current(params.text_document.uri)
        if linted is None:
            return None
        positions = linted.positions(ls.encoding)
        hits = findings_at(linted, positions.offset(params.position))
        if not hits:
            return None
        first = hits[0][1]
        return lsp.Hover(
            contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=hover_text([f for _, f in hits])),
            range=positions.range(first.span.start + linted.bom, first.span.end + linted.bom),
        )

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=False),
    )
    def code_action(ls: FactlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        linted = ls.current(params.text_document.uri)
        if linted is None:
            return None
        positions = linted.positions(ls.encoding)
        start, end = positions.offset(params.range.start), positions.offset(params.range.end)
        only = [str(k.value if isinstance(k, lsp.CodeActionKind) else k) for k in (params.context.only or [])]
        return code_actions(linted, start, end, ls.encoding, only) or None

    return server


def serve() -> int:
    """Run the server on standard input and output until the client says exit."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="factlint server: %(levelname)s: %(message)s")
    make_server().start_io()
    return 0


__all__ = [
    "DEBOUNCE", "FactlintServer", "Linted", "Positions", "Projects", "code_actions", "finding_text", "findings_at",
    "hover_text", "lint_document", "make_server", "serve", "to_diagnostic",
]
