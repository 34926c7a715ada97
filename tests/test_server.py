"""`factlint server`, end to end: pytest-lsp starts `python -m factlint server` and talks to it over
standard input and output as an editor's client does (and checks every message against the LSP
specification): a misspelt name is a diagnostic at the right range (0-based lines, characters in
UTF-16 code units), a change updates it (debounced: a burst of changes is linted once, as of the
last), hover shows the rule's page, and the quick fix is the safe fix's edit. The facts are found
from the document's folder, as `factlint check` finds them; a facts file that does not load is a
diagnostic, and the server goes on.

Below them, the pure pieces: positions in UTF-16, UTF-8 and UTF-32 across line endings.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient

from factlint.server import Positions

FACTS = """\
version: 1
story: Coalition talks
people:
  - id: merkel
    name: Angela Merkel
    titles: [German Chancellor]
"""
# the emoji before the name is one code point but two UTF-16 code units (and four UTF-8 bytes)
DRAFT = "# Talks\n\n\U0001F642 German Chancellor Angela Mirkle said on Tuesday that the talks would go on.\n"
MIRKLE = lsp.Range(start=lsp.Position(line=2, character=28), end=lsp.Position(line=2, character=34))


def _client() -> LanguageClient:
    """pytest-lsp's test client, also keeping every publishDiagnostics in order, with its version
    (its own handler keeps the last diagnostics of each document only)."""
    from pygls.protocol import default_converter
    from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

    client = LanguageClient(converter_factory=default_converter)
    published: list[lsp.PublishDiagnosticsParams] = []
    client.published = published  # type: ignore[attr-defined]

    def publish(c: LanguageClient, params: lsp.PublishDiagnosticsParams) -> None:
        published.append(params)
        c.diagnostics[params.uri] = params.diagnostics

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish})
    return client


SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "factlint", "server"], client_factory=_client)


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        lsp.InitializeParams(
            capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
            root_uri=Path("/").as_uri(),  # the facts must come from the document's folder, not the workspace's
        )
    )
    yield
    await lsp_client.shutdown_session()


def _project(tmp_path: Path, facts: str = FACTS) -> Path:
    (tmp_path / "facts.yaml").write_text(facts, encoding="utf-8")
    return tmp_path


async def _diagnostics(client: LanguageClient, uri: str, version: int) -> list[lsp.Diagnostic]:
    """The first diagnostics published for `uri` as of `version` (waiting for them, at most 60 s)."""
    published = client.published  # type: ignore[attr-defined]

    async def wait() -> list[lsp.Diagnostic]:
        while True:
            for p in published:
                if p.uri == uri and p.version == version:
                    return list(p.diagnostics)
            await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    return await asyncio.wait_for(wait(), 60)


def _open(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri=uri, language_id=language, version=1, text=text))
    )
    return uri


def _change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
    ))


@pytest.mark.asyncio
async def test_open_change_hover_and_fix(client: LanguageClient, tmp_path):
    folder = _project(tmp_path)
    uri = _open(client, folder / "draft.md", DRAFT)
    diags = await _diagnostics(client, uri, 1)
    by_code = {d.code: d for d in diags}
    assert set(by_code) == {"FL301", "FL104"}  # the name; 'on Tuesday' with no date for the article
    name = by_code["FL301"]
    assert name.range == MIRKLE
    assert name.severity == lsp.DiagnosticSeverity.Error and name.source == "factlint"
    assert name.message.startswith("'Mirkle' misspells Angela Merkel's name (facts.yaml:4)")
    assert "expected: Merkel (facts.yaml:4, fact merkel)" in name.message and "fix: replace with 'Merkel'" in name.message
    assert name.related_information and name.related_information[0].location.uri == (folder / "facts.yaml").as_uri()
    assert by_code["FL104"].severity == lsp.DiagnosticSeverity.Information

    # hover over the misspelt name: the finding in words, then the rule's page
    hover = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=2, character=30)))
    assert hover is not None and hover.range == MIRKLE
    assert isinstance(hover.contents, lsp.MarkupContent) and hover.contents.kind == lsp.MarkupKind.Markdown
    assert "**FL301 misspelled-name** (error)" in hover.contents.value
    assert "# FL301 misspelled-name" in hover.contents.value and "## What it does" in hover.contents.value
    nothing = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=0, character=2)))
    assert nothing is None

    # the quick fix is the safe fix's edit, which makes the line right
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), range=lsp.Range(start=MIRKLE.start, end=MIRKLE.start),
        context=lsp.CodeActionContext(diagnostics=[name])))
    assert actions is not None
    quick = [a for a in actions if isinstance(a, lsp.CodeAction) and a.kind == lsp.CodeActionKind.QuickFix]
    assert len(quick) == 1 and quick[0].is_preferred and list(quick[0].diagnostics or ()) == [name]
    assert quick[0].title == "Replace 'Mirkle' with 'Merkel' (FL301 misspelled-name)"
    assert quick[0].edit is not None and quick[0].edit.changes is not None
    assert list(quick[0].edit.changes[uri]) == [lsp.TextEdit(range=MIRKLE, new_text="Merkel")]
    fix_all = [a for a in actions if isinstance(a, lsp.CodeAction) and a.kind == "source.fixAll.factlint"]
    assert len(fix_all) == 1

    # the writer takes the fix (the editor sends the new text): the diagnostic goes
    fixed = DRAFT.replace("Mirkle", "Merkel")
    _change(client, uri, 2, fixed)
    assert [d.code for d in await _diagnostics(client, uri, 2)] == ["FL104"]

    # a burst of typing is linted once, as of its last change: the next publication is version 7,
    # with the misspelling on the line the last change put it on
    for v in range(3, 8):
        _change(client, uri, v, fixed + "\nMore from Chancellor Mirkle" + "." * v + "\n")
    diags = await _diagnostics(client, uri, 7)
    versions = [p.version for p in client.published if p.uri == uri]  # type: ignore[attr-defined]
    assert versions == [1, 2, 7]
    name = next(d for d in diags if d.code == "FL301")
    assert name.range == lsp.Range(start=lsp.Position(line=4, character=21), end=lsp.Position(line=4, character=27))


@pytest.mark.asyncio
async def test_facts_that_do_not_load_are_said_and_the_server_goes_on(client: LanguageClient, tmp_path):
    folder = _project(tmp_path, FACTS.replace("    name:", "\tname:"))  # a tab: no YAML
    uri = _open(client, folder / "draft.md", DRAFT)
    (problem,) = await _diagnostics(client, uri, 1)
    assert problem.severity == lsp.DiagnosticSeverity.Error and problem.source == "factlint"
    assert problem.message.startswith("factlint cannot check this document: ")
    assert "facts.yaml:5:1: invalid YAML" in problem.message and "tabs" in problem.message
    assert problem.range.start == lsp.Position(line=0, character=0)
    # facts.yaml mended and saved: the open article is linted again, with the facts rebuilt
    _project(tmp_path)
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(
        text_document=lsp.TextDocumentIdentifier(uri=(folder / "facts.yaml").as_uri())))
    published = client.published  # type: ignore[attr-defined]

    async def relinted() -> list[lsp.Diagnostic]:
        while True:
            mine = [p for p in published if p.uri == uri]
            if len(mine) >= 2:
                return list(mine[-1].diagnostics)
            await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    diags = await asyncio.wait_for(relinted(), 60)
    assert [d.range for d in diags if d.code == "FL301"] == [MIRKLE]


@pytest.mark.asyncio
async def test_html_and_text_articles_and_no_other_documents(client: LanguageClient, tmp_path):
    folder = _project(tmp_path)
    # facts.yaml itself (YAML) is no article: never linted, never published
    facts_uri = _open(client, folder / "facts.yaml", FACTS, language="yaml")
    # HTML: the diagnostic points into the markup as written (CRLF line ends; an entity before the name)
    html = "<!DOCTYPE html>\r\n<html><body>\r\n<p>Caf&eacute; talk: Chancellor Angela Mirkle spoke.</p>\r\n</body></html>\r\n"
    html_uri = _open(client, folder / "page.html", html, language="html")
    (d,) = [d for d in await _diagnostics(client, html_uri, 1) if d.code == "FL301"]
    col = html.split("\r\n")[2].index("Mirkle")
    assert d.range == lsp.Range(start=lsp.Position(line=2, character=col), end=lsp.Position(line=2, character=col + 6))
    # plain text with old Mac line ends (CR alone), opened under a name with no suffix, as an editor's
    # unsaved buffer is: its language says how to read it
    text = "Talks\r\rChancellor Angela Mirkle said so.\r"
    text_uri = _open(client, folder / "notes", text, language="plaintext")
    (d,) = [d for d in await _diagnostics(client, text_uri, 1) if d.code == "FL301"]
    assert d.range == lsp.Range(start=lsp.Position(line=2, character=18), end=lsp.Position(line=2, character=24))
    assert all(p.uri != facts_uri for p in client.published)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "offset", "encoding", "line", "character"),
    [
        ("ab\ncd", 4, "utf-16", 1, 1),
        ("a\U0001F642b", 2, "utf-16", 0, 3),  # past the emoji: two UTF-16 code units
        ("a\U0001F642b", 2, "utf-8", 0, 5),  # four UTF-8 bytes
        ("a\U0001F642b", 2, "utf-32", 0, 2),
        ("é\u4e2dx", 2, "utf-16", 0, 2),  # accents and CJK are one UTF-16 unit each
        ("é\u4e2dx", 2, "utf-8", 0, 5),
        ("a\r\nb\rc\nd", 3, "utf-16", 1, 0),  # CRLF is one line end
        ("a\r\nb\rc\nd", 5, "utf-16", 2, 0),  # a lone CR ends a line
        ("a\r\nb\rc\nd", 7, "utf-16", 3, 0),
        ("a\u2028b", 2, "utf-16", 0, 2),  # a line separator is no line end in the LSP
        ("", 0, "utf-16", 0, 0),
    ],
)
def test_positions_count_code_units_and_lsp_line_ends(text, offset, encoding, line, character):
    p = Positions(text, encoding)
    assert p.position(offset) == lsp.Position(line=line, character=character)
    assert p.offset(lsp.Position(line=line, character=character)) == offset


def test_positions_past_the_end_clamp():
    p = Positions("ab\ncd\n", "utf-16")
    assert p.offset(lsp.Position(line=1, character=99)) == 5  # the line's end, before its line end
    assert p.offset(lsp.Position(line=9, character=0)) == 6
    assert p.position(99) == lsp.Position(line=2, character=0)


def test_without_pygls_the_command_says_what_to_install(cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "factlint.server", None)  # as when pygls is not installed
    status, out, err = cli(["server"])
    assert status == 2 and out == ""
    assert "factlint server needs pygls" in err and "pip install 'factlint[server]'" in err
    assert "Traceback" not in err
