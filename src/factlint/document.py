"""Articles as documents: the original text, a prose view of it, and offset -> line:col.

A reader turns a file's bytes into a `Document`:

- `source` is the decoded file: UTF-8, or UTF-16 or UTF-32 when a byte-order mark says so (the mark
  is dropped; nothing else changes), so offsets count characters of the decoded text, whatever the
  encoding;
- `text` is the *prose view* the extractors read. For plain text it is `source` itself; for
  Markdown, code, front matter, URLs and HTML comments are blanked with spaces, so offsets are
  unchanged; for HTML, tags become white space and entities are decoded, and a `SourceMap` carries
  every prose offset back to the original one.

Line and column are computed once from the line starts of `source` and looked up with bisect.
"""

from __future__ import annotations

import bisect
import posixpath
from dataclasses import field
from datetime import date
from functools import lru_cache
from itertools import accumulate

import regex

from .errors import InputError
from .patterns import lazy_regex
from .records import dataclass

FORMATS = ("text", "markdown", "html")
SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
MAX_BYTES = 20 * 1024 * 1024

# Byte-order marks and the encodings they announce; UTF-32's before UTF-16's, whose marks begin theirs.
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"), (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


def bom_of(data: bytes) -> tuple[bytes, str, str]:
    """The byte-order mark `data` begins with, its codec and its name (no mark: UTF-8's codec)."""
    return next((b for b in BOMS if data.startswith(b[0])), (b"", "utf-8", "UTF-8"))


def format_for_path(path: str) -> str:
    """The reader to use for `path`, by suffix (plain text when unknown)."""
    return SUFFIX_FORMATS.get(posixpath.splitext(path.lower())[1], "text")


@dataclass(frozen=True)
class SourceMap:
    """Maps prose-view offsets to source offsets.

    `segments` holds (prose_start, source_start, prose_len, source_len) in order. A segment whose two
    lengths are equal maps linearly; any other (a tag, an entity) maps every inner offset to its
    start, and its end to the end of its source.
    """

    segments: tuple[tuple[int, int, int, int], ...]
    _starts: tuple[int, ...] = field(repr=False, compare=False, default=())

    @classmethod
    def build(cls, segments: list[tuple[int, int, int, int]]) -> "SourceMap":
        return cls(tuple(segments), tuple(s[0] for s in segments))

    def to_source(self, offset: int, *, end: bool = False) -> int:
        if not self.segments:
            return offset
        i = bisect.bisect_right(self._starts, offset) - 1
        if end and i > 0 and self._starts[i] == offset:
            i -= 1  # an end offset belongs to the segment it closes
        i = max(i, 0)
        p0, s0, plen, slen = self.segments[i]
        delta = offset - p0
        if plen == slen:
            return s0 + min(delta, slen)
        if end and delta > 0:
            return s0 + slen
        return s0 if delta < plen else s0 + slen


@dataclass(frozen=True)
class Document:
    """One article, ready for the extractors."""

    path: str
    source: str
    text: str
    format: str
    reference_date: date | None
    reference_origin: str
    line_starts: tuple[int, ...]
    source_map: SourceMap | None = None
    metadata: tuple[tuple[str, str], ...] = ()
    # how many days after `reference_date` the article may have been written: 0 when the date is
    # stated; more when it was inferred as the earliest day it can be (a curated event's weekday)
    reference_after: int = 0

    def source_offset(self, offset: int, *, end: bool = False) -> int:
        """The offset in `source` of prose offset `offset`."""
        if self.source_map is None:
            return offset
        return self.source_map.to_source(offset, end=end)

    def position(self, source_offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset; columns count code points."""
        line = bisect.bisect_right(self.line_starts, source_offset) - 1
        return line + 1, source_offset - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The source line `line` (1-based) without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.source)
        return self.source[start:end].rstrip("\r\n")


def _line_starts(text: str) -> tuple[int, ...]:
    if "\r" not in text:  # the common case: one split, no pattern
        return tuple(accumulate((len(line) + 1 for line in text.split("\n")[:-1]), initial=0))
    return (0, *(m.end() for m in _NEWLINE.finditer(text)))


_NEWLINE = lazy_regex(r"\r\n|\r|\n")


def decode(path: str, data: bytes) -> str:
    """Decode an article's bytes as UTF-8 (a BOM is allowed), or as UTF-16 or UTF-32 when it begins
    with their byte-order mark; raise a per-file InputError for anything else."""
    if len(data) > MAX_BYTES:
        raise InputError(path, f"file is {len(data):,} bytes; factlint reads articles up to {MAX_BYTES:,} bytes")
    mark, codec, name = bom_of(data)
    if codec != "utf-8":
        return _decode_wide(path, data[len(mark):], codec, name)
    if b"\x00" in data:
        nul = data.index(b"\x00")
        line = data.count(b"\n", 0, nul) + 1
        hint = _utf16_hint(data)
        raise InputError(path, "binary file (NUL byte found); expected UTF-8 text" + hint, line=line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            path,
            f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded; save the file as UTF-8",
            line=line,
            col=col,
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def _decode_wide(path: str, body: bytes, codec: str, name: str) -> str:
    """UTF-16 or UTF-32 after its byte-order mark; a NUL character is binary, as in UTF-8."""
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        before = body[: exc.start].decode(codec, "replace")
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        raise InputError(
            path, f"not {name}: bytes {body[exc.start:exc.end].hex(' ')} cannot be decoded "
            f"(the file begins with a {name} byte-order mark); save the file as UTF-8", line=line, col=col,
        ) from None
    if "\x00" in text:
        nul = text.index("\x00")
        raise InputError(path, f"binary file (NUL character found in {name} text); expected text", line=text.count("\n", 0, nul) + 1)
    return text


def _utf16_hint(data: bytes) -> str:
    """A hint when NUL bytes fall on every other byte, as in UTF-16 without a byte-order mark."""
    head = data[:4096]
    if len(head) >= 4:
        for nuls in (head[1::2], head[0::2]):
            if nuls.count(0) >= 0.9 * len(nuls):
                return " (it looks like UTF-16 without a byte-order mark: save it as UTF-8, or as UTF-16 with one)"
    return ""


# ----------------------------------------------------------------------------------------------
# Markdown: blank what is not prose, keep every offset.

# Front matter: '---' on the first line, YAML up to the next '---' (or '...') line.
_FRONT_MATTER = lazy_regex(r"\A---[ \t]*\r?\n(?P<body>.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S)
# Fenced code: ``` or ~~~ (3+), closed by the same fence or the end of the file.
_FENCE = lazy_regex(
    r"^(?P<indent>[ ]{0,3})(?P<fence>`{3,}|~{3,})[^\n]*\n(?:.*?\n)??(?P=indent)?[ ]{0,3}(?P=fence)[`~]*[ \t]*$|"
    r"^[ ]{0,3}(?:`{3,}|~{3,})[^\n]*\n.*\Z",
    regex.M | regex.S,
)
# Indented code: a block of lines indented 4+ spaces (or a tab) after a blank line.
_INDENTED = lazy_regex(r"(?:\A|\n[ \t]*\n)(?P<code>(?:(?:    |\t)[^\n]*(?:\n|\Z)|[ \t]*\n(?=(?:    |\t)))+)")
_INLINE_CODE = lazy_regex(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)", regex.S)
# Link and image targets: ](url "title"), reference definitions, autolinks, bare raw HTML tags.
_LINK_TARGET = lazy_regex(r"\]\((?P<target>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?)\)")
_LINK_DEF = lazy_regex(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*\S+.*$", regex.M)
_AUTOLINK = lazy_regex(r"<(?:https?|mailto|ftp):[^>\s]*>")
_HTML_COMMENT = lazy_regex(r"<!--.*?-->", regex.S)
_HTML_TAG = lazy_regex(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _markdown_prose(source: str) -> tuple[str, dict[str, str]]:
    chars = list(source)
    meta: dict[str, str] = {}
    fm = _FRONT_MATTER.match(source)
    if fm:
        meta = _front_matter_fields(fm.group("body"))
        _blank(chars, 0, fm.end())
    for pattern in (_FENCE, _HTML_COMMENT, _LINK_DEF, _AUTOLINK, _HTML_TAG):
        for m in pattern.finditer(source, fm.end() if fm else 0):
            _blank(chars, m.start(), m.end())
    masked = "".join(chars)
    for m in _INDENTED.finditer(masked):
        _blank(chars, m.start("code"), m.end("code"))
    masked = "".join(chars)
    for m in _INLINE_CODE.finditer(masked):
        _blank(chars, m.start(), m.end())
    for m in _LINK_TARGET.finditer(masked):
        _blank(chars, m.start("target") - 1, m.end())
    return "".join(chars), meta


def markdown_code_spans(source: str) -> list[tuple[int, int]]:
    """Where a Markdown source holds code (fenced, indented, inline): text there is shown, not
    meant, so a `<!-- factlint: ... -->` written in code is an example, not a directive."""
    spans = [(m.start(), m.end()) for m in _FENCE.finditer(source)]
    chars = list(source)
    for a, b in spans:
        _blank(chars, a, b)
    masked = "".join(chars)
    indented = [(m.start("code"), m.end("code")) for m in _INDENTED.finditer(masked)]
    for a, b in indented:
        _blank(chars, a, b)
    masked = "".join(chars)
    inline = [(m.start(), m.end()) for m in _INLINE_CODE.finditer(masked)]
    return sorted(spans + indented + inline)


def _front_matter_fields(body: str) -> dict[str, str]:
    """Top-level scalar fields of YAML front matter, as strings (errors leave it empty). Dates and
    times stay the text they are written as, so an impossible one (`date: 2023-02-30`) is a string
    the reference-date chain passes over, not an error."""
    import yaml

    try:
        data = yaml.load(body, Loader=_front_matter_loader())  # noqa: S506 - a SafeLoader subclass
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, (str, int, float, date))}


@lru_cache(maxsize=1)
def _front_matter_loader():
    """PyYAML's safe loader, but a timestamp is left as its text (the class made once, on first use)."""
    import yaml

    class FrontMatterLoader(yaml.SafeLoader):
        def timestamp_as_text(self, node):
            return self.construct_scalar(node)

    FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", FrontMatterLoader.timestamp_as_text)
    return FrontMatterLoader


# ----------------------------------------------------------------------------------------------
# HTML: drop tags, scripts and styles, decode entities, keep a map back to the source.

_HTML_TOKEN = lazy_regex(
    r"(?P<comment><!--.*?(?:-->|\Z))"
    r"|(?P<raw><(?P<rawtag>script|style|template|noscript)\b[^>]*>.*?(?:</(?P=rawtag)\s*>|\Z))"
    r"|(?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*)?/?>|<![^>]*>|<\?[^>]*>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?)",
    regex.S | regex.I,
)
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul title".split()
)
_META_SITE = lazy_regex(r"<meta\b[^>]*?(?:property|name)\s*=\s*[\"'](?:og:site_name|application-name)[\"'][^>]*>", regex.I)
_META_DATE = lazy_regex(
    r"<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|datePublished|"
    r"date|pubdate|publish-date|dc\.date|og:published_time)[\"'][^>]*>",
    regex.I,
)
_ATTR_CONTENT = lazy_regex(r"\bcontent\s*=\s*[\"']([^\"']*)[\"']", regex.I)
_TIME_TAG = lazy_regex(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"']", regex.I)
_JSON_LD = lazy_regex(r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script\s*>", regex.I | regex.S)


_WRAP = str.maketrans("\r\n", "  ")


def _unescape(entity: str) -> str:
    import html  # only HTML articles need it

    return html.unescape(entity)


def _html_prose(source: str) -> tuple[str, SourceMap, dict[str, str]]:
    out: list[str] = []
    segments: list[tuple[int, int, int, int]] = []
    plen = 0
    pos = 0

    def emit(text: str, s0: int, slen: int) -> None:
        nonlocal plen
        if not text:
            return  # an inline tag: no prose, and the next segment maps from its own start
        segments.append((plen, s0, len(text), slen))
        out.append(text)
        plen += len(text)

    for m in _HTML_TOKEN.finditer(source):
        if m.start() > pos:
            # a line break inside a paragraph's source is white space, as a browser reads it; only
            # block tags end paragraphs (each becomes a line break of the prose)
            emit(source[pos : m.start()].translate(_WRAP), pos, m.start() - pos)
        if m.group("entity"):
            decoded = _unescape(m.group())
            if decoded == m.group():
                emit(decoded, m.start(), len(decoded))
            else:
                emit(decoded, m.start(), m.end() - m.start())
        elif m.group("tag") and (m.group("name") or "").lower() not in _BLOCK_TAGS:
            emit("", m.start(), m.end() - m.start())  # inline tags (b, a, span...) join their words
        else:
            emit("\n", m.start(), m.end() - m.start())  # block tags, scripts, styles, comments
        pos = m.end()
    if pos < len(source):
        emit(source[pos:].translate(_WRAP), pos, len(source) - pos)
    return "".join(out), SourceMap.build(segments), _html_metadata(source)


def _html_metadata(source: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    m = _META_DATE.search(source)
    if m:
        c = _ATTR_CONTENT.search(m.group())
        if c:
            meta["meta published"] = c.group(1)
    m = _META_SITE.search(source)
    if m:
        c = _ATTR_CONTENT.search(m.group())
        if c:
            meta["og:site_name"] = c.group(1)
    for m in _JSON_LD.finditer(source):
        try:
            import json  # only pages with JSON-LD need it

            data = json.loads(m.group(1))
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
                meta.setdefault("JSON-LD datePublished", item["datePublished"])
            publisher = item.get("publisher") if isinstance(item, dict) else None
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                meta.setdefault("JSON-LD publisher", publisher["name"])
    m = _TIME_TAG.search(source)
    if m:
        meta["<time datetime>"] = m.group(1)
    return meta


def read_document(path: str, data: bytes | str, *, fmt: str | None = None) -> Document:
    """Build the `Document` for an article: decoded, its prose view and its metadata; the reference
    date is `reference.read_article`'s to find (here it is left unknown)."""
    source = decode(path, data) if isinstance(data, bytes) else data.lstrip("\ufeff")
    fmt = fmt or format_for_path(path)
    if fmt not in FORMATS:
        raise InputError(path, f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    source_map = None
    meta: dict[str, str] = {}
    if fmt == "markdown":
        text, meta = _markdown_prose(source)
    elif fmt == "html":
        text, source_map, meta = _html_prose(source)
    else:
        text = source
    return Document(
        path=path,
        source=source,
        text=text,
        format=fmt,
        reference_date=None,
        reference_origin="none",
        line_starts=_line_starts(source),
        source_map=source_map,
        metadata=tuple(sorted(meta.items())),
    )
