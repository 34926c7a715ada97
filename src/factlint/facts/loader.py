"""Load and validate facts.yaml (schema version 1) into the frozen facts model.

Loading is strict and reports every problem at once as `facts.yaml:LINE:COL: message`: YAML syntax
errors, unknown or duplicate keys, wrong types, impossible dates, duplicate ids, speakers that name
no person, invalid regular expressions. Only PyYAML's safe loader is used.
"""

from __future__ import annotations

import hashlib
import os
import stat

import regex
import yaml

from ..errors import FactsError, Problem
from ..interval import Interval
from . import model
from .spec import INVALID, AnyOf, Ctx, DateText, Field, Integer, ListOf, MapOf, Number, Obj, Text, did_you_mean

# libyaml's parser when PyYAML was built with it (several times faster), else the pure-Python one;
# both are safe loaders and both keep line and column marks on every node.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

ID = Text("an id (lower case letters, digits and '-')", pattern=r"[a-z0-9][a-z0-9_-]*", hint=" such as shoigu-visit")
PHRASES_DOC = "phrases matched after folding case, quote marks, dashes and white space; {regex: PATTERN} for a regex"


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _pattern_from_mapping(values: dict, node: yaml.Node):
    (text, vnode) = values["regex"]
    return ("regex", text, vnode)


PATTERN = AnyOf(
    "a phrase or {regex: PATTERN}",
    scalar=Text("a phrase"),
    mapping=Obj("a regex pattern", {"regex": Field(Text("a regular expression"), required=True)}, build=_pattern_from_mapping),
)
PATTERNS = ListOf(PATTERN, "a list of phrases or {regex: PATTERN}", allow_single=True)
WORDS = ListOf(Text("a word or phrase"), "a word or phrase, or a list of them", allow_single=True)


def _mention_from_mapping(values: dict, node: yaml.Node):
    return ("mention", values.get("phrase"), values.get("regex"), values.get("near"), node)


# An event's mention may also require a word nearby: {phrase: "the speech", near: [Obama]}.
EVENT_PATTERN = AnyOf(
    "a phrase, {regex: PATTERN} or {phrase: TEXT, near: [WORDS]}",
    scalar=Text("a phrase"),
    mapping=Obj(
        "a mention",
        {
            "phrase": Field(Text("a phrase"), doc="matched after folding case, quote marks, dashes and white space"),
            "regex": Field(Text("a regular expression")),
            "near": Field(WORDS, doc="the mention counts only in a sentence that also holds one of these words or phrases"),
        },
        build=_mention_from_mapping,
        exactly_one=("phrase", "regex"),
    ),
)
EVENT_PATTERNS = ListOf(
    EVENT_PATTERN, "a list of phrases, {regex: PATTERN} or {phrase: TEXT, near: [WORDS]}", allow_single=True
)


def _examples(values: dict, node: yaml.Node) -> model.Examples:
    def lines(key: str) -> tuple[int, ...]:
        return tuple(_line(n) for _, n in _items(values[key])) if key in values else ()

    return model.Examples(
        match=tuple(v for v, _ in _items(values["match"])) if "match" in values else (),
        no_match=tuple(v for v, _ in _items(values["no_match"])) if "no_match" in values else (),
        line=_line(node),
        match_lines=lines("match"),
        no_match_lines=lines("no_match"),
    )


EXAMPLES = Obj(
    "tests",
    {
        "match": Field(ListOf(Text("an example sentence"), "a list of example sentences"), doc="sentences the fact's patterns must match"),
        "no_match": Field(ListOf(Text("an example sentence"), "a list of example sentences"), doc="sentences they must not match"),
    },
    build=_examples,
)


def _range(values: dict, node: yaml.Node):
    first = values["from"][0]
    last = values["to"][0]
    return ("range", first, last, node)


FACT_DATE = AnyOf(
    "a date (YYYY-MM-DD, YYYY-MM, YYYY) or {from: DATE, to: DATE}",
    scalar=DateText(),
    mapping=Obj(
        "a date range",
        {"from": Field(DateText(), required=True), "to": Field(DateText(), required=True)},
        build=_range,
    ),
)


def _title(values: dict, node: yaml.Node):
    return model.Title(
        text=values["title"][0],
        valid_from=values.get("from", (None,))[0] and values["from"][0][1],
        valid_until=values.get("until", (None,))[0] and values["until"][0][2],
        line=_line(node),
    )


TITLE = AnyOf(
    "a title or {title: TEXT, from: DATE, until: DATE}",
    scalar=Text("a title"),
    mapping=Obj(
        "a title with validity dates",
        {
            "title": Field(Text("a title"), required=True),
            "from": Field(DateText(), doc="first day the title holds"),
            "until": Field(DateText(), doc="last day the title holds"),
        },
        build=_title,
    ),
)

PERSON = Obj(
    "a person",
    {
        "id": Field(ID, required=True),
        "name": Field(Text("the canonical name"), required=True, doc="the accepted spelling"),
        "kind": Field(Text("person, organization or group", pattern=r"person|organization|group"), doc="person (default), organization or group"),
        "aliases": Field(ListOf(Text("a name"), "a list of names"), doc="other accepted spellings and short forms"),
        "titles": Field(ListOf(TITLE, "a list of titles"), doc="titles the articles may give this person"),
        "not": Field(ListOf(Text("a name"), "a list of names"), doc="near names that are other people: never misspellings"),
        "tests": Field(EXAMPLES),
    },
)

EVENT_DATE = Obj(
    "an event date",
    {
        "date": Field(FACT_DATE, required=True),
        "what": Field(Text("what happened on that date"), required=True, doc="what happened on that date: 'published online'"),
        "mentions": Field(EVENT_PATTERNS, doc="mentions of the event as of this date (" + PHRASES_DOC + ")"),
        "cue": Field(WORDS, doc="words that, next to a date tied to a mention of the event, say it is this date"),
        "note": Field(Text("a note")),
    },
)

EVENT = Obj(
    "an event",
    {
        "id": Field(ID, required=True),
        "what": Field(Text("a description"), required=True),
        "date": Field(FACT_DATE, doc="the event's date (or give dates:)"),
        "dates": Field(
            ListOf(EVENT_DATE, "a list of dates, each {date: DATE, what: TEXT, mentions: [...], cue: [...]}"),
            doc="several dates of one event, each with what happened on it (or give date:)",
        ),
        "mentions": Field(EVENT_PATTERNS, doc=PHRASES_DOC + "; {phrase: TEXT, near: [WORDS]} for a mention that needs a word nearby"),
        "note": Field(Text("a note")),
        "tests": Field(EXAMPLES),
    },
    exactly_one=("date", "dates"),
)

QUOTE = Obj(
    "a quote",
    {
        "id": Field(ID, required=True),
        "speaker": Field(ListOf(ID, "a person id or a list of person ids", allow_single=True), required=True),
        "text": Field(Text("the exact words"), required=True),
        "said": Field(FACT_DATE, doc="when it was said"),
        "context": Field(Text("where it was said")),
        "note": Field(Text("a note")),
    },
)

FIGURE = Obj(
    "a figure",
    {
        "value": Field(Number("a number"), required=True),
        "unit": Field(Text("a unit (the counted noun)"), required=True),
        "tolerance": Field(Number("an absolute tolerance", minimum=0)),
    },
)

CLAIM = Obj(
    "a claim",
    {
        "id": Field(ID, required=True),
        "statement": Field(Text("the claim in plain words"), required=True),
        "supports": Field(PATTERNS, doc="wordings that state the claim"),
        "contradicts": Field(PATTERNS, doc="wordings that contradict it (FL401)"),
        "figure": Field(FIGURE, doc="the claim's checkable number (FL402)"),
        "note": Field(Text("a note")),
        "tests": Field(EXAMPLES),
    },
)

SOURCE = Obj(
    "a source",
    {
        "outlet": Field(Text("the outlet's name")),
        "published": Field(DateText("a publication date (YYYY-MM-DD)", partial=False), doc="the article's reference date"),
        "url": Field(Text("a URL")),
        "note": Field(Text("a note")),
    },
)

FACTS = Obj(
    "facts.yaml",
    {
        "version": Field(Integer("the schema version", allowed=(1,)), required=True),
        "story": Field(Text("a story title")),
        "sources": Field(MapOf("article metadata by path or glob", SOURCE, "a path or glob")),
        "people": Field(ListOf(PERSON, "a list of people")),
        "events": Field(ListOf(EVENT, "a list of events")),
        "quotes": Field(ListOf(QUOTE, "a list of quotes")),
        "claims": Field(ListOf(CLAIM, "a list of claims")),
    },
)


SCHEMA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "facts-v1.schema.json")  # shipped in the package


def json_schema() -> dict:
    """The JSON Schema (draft 2020-12) of facts.yaml, schema version 1."""
    schema = FACTS.json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://factlint.invalid/schema/facts-v1.json",
        "title": "factlint facts.yaml (version 1)",
        **schema,
    }


# ----------------------------------------------------------------------------------------------


_NOT_REGULAR = (
    (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
)


def _regular(path: str, mode: int) -> None:
    """A FactsError unless `mode` is a regular file's: a FIFO would block the read until some
    writer came, a device (/dev/zero) would never end."""
    if not stat.S_ISREG(mode):
        kind = next((what for test, what in _NOT_REGULAR if test(mode)), "not a regular file")
        raise FactsError([Problem(path, 1, 1, f"is {kind}, not a regular file; expected the facts file")])


def load_facts(path: str | os.PathLike) -> model.Facts:
    """Read, validate and build the facts in `path`; raise FactsError listing every problem (a path
    that is not a regular file is one, found before anything is read)."""
    path = os.fspath(path)
    try:
        _regular(path, os.stat(path).st_mode)
        # O_NONBLOCK: should the path become a FIFO after the check, opening it cannot wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as fh:
            _regular(path, os.fstat(fh.fileno()).st_mode)
            data = fh.read()
    except OSError as exc:
        raise FactsError([Problem(path, 1, 1, f"cannot read facts file: {exc.strerror or exc}")]) from None
    return parse_facts(data, path)


def parse_facts(data: bytes | str, path: str = "facts.yaml") -> model.Facts:
    """Validate and build facts from YAML text; `path` names the file in messages."""
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    sha = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FactsError([Problem(path, line, 1, "not UTF-8 text")]) from None
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        lines = text.splitlines()
        source_line = lines[line - 1] if 0 < line <= len(lines) else ""
        hint = yaml_hint(what, source_line, exc.context_mark)
        raise FactsError([Problem(path, line, col, f"invalid YAML: {what}{hint}")]) from None
    except yaml.YAMLError as exc:
        raise FactsError([Problem(path, 1, 1, f"invalid YAML: {exc}")]) from None
    except RecursionError:
        raise FactsError([Problem(path, 1, 1, "invalid YAML: nested too deeply")]) from None
    if root is None:
        raise FactsError([Problem(path, 1, 1, "empty facts file; expected at least 'version: 1'")])
    if "&" in text:  # no anchor, no alias: the walk is only for files that could have some
        _check_aliases(root, path)
    ctx = Ctx(path, [])
    values = FACTS.check(root, ctx)
    if values is INVALID:
        raise FactsError(ctx.problems)
    facts = _build(values, path, sha, ctx)  # cross-checks run even when entries were invalid
    if ctx.problems:
        raise FactsError(ctx.problems)
    return facts


# What PyYAML's words about a syntax error usually mean in a facts file, and what to do.
_INDENT = "this line is indented differently from the lines above it: the keys of one mapping line up, and each item of a list starts with '- ' at the same indentation"
_YAML_HINTS = (
    ("mapping values are not allowed", "",
     "a value holding ': ' must be quoted (story: \"Kirby said: no\"), or this line is indented under a key that already has a value"),
    ("could not find expected ':'", "",
     "a key needs ': ' after it; a value running over several lines, or holding '#' or ': ', must be quoted"),
    ("did not find expected key", "", _INDENT),
    ("did not find expected '-' indicator", "", _INDENT),
    ("expected <block end>", "", _INDENT),
    ("found unexpected end of stream", "quoted scalar", "a quotation mark is opened and never closed"),
    ("found unknown escape character", "", "in double quotes a backslash starts an escape; use single quotes, or write \\\\"),
    ("found undefined alias", "", "an *alias names an &anchor that is not defined above it"),
    ("expected ',' or ']'", "", "a [list, like, this] needs commas between items, and quotes around items holding ', ' or ']'"),
    ("expected ',' or '}'", "", "a {key: value, mapping} needs commas between pairs, and quotes around values holding ', ' or '}'"),
    ("cannot start any token", "", "a value starting with '@', '`' or '%' must be quoted"),
)


def yaml_hint(problem: str, line_text: str = "", context_mark=None) -> str:
    """"; hint: ..." for a YAML syntax error PyYAML describes as `problem` on the line `line_text`
    (empty when no hint fits); where the error started elsewhere (an unclosed quote), the hint
    names that line."""
    if "\t" in line_text[: len(line_text) - len(line_text.lstrip())] and ("token" in problem or "indent" in problem or "expected" in problem):
        return "; hint: YAML indents with spaces, never tabs: replace the tab at the start of this line with spaces"
    for words, also, hint in _YAML_HINTS:
        if words in problem and also in problem:
            started = f" (it opened on line {context_mark.line + 1})" if context_mark is not None and "quoted" in problem else ""
            return f"; hint: {hint}{started}"
    return ""


# How many nodes YAML aliases may add, all repetitions counted: a few anchors reused (a list of
# titles shared by people) stay far below; an alias "bomb" (each level repeating the one before
# ten times) would otherwise expand into billions and never finish.
MAX_ALIAS_NODES = 100_000


def _check_aliases(root: yaml.Node, path: str) -> None:
    """Raise FactsError when aliases make the document recursive or expand it by more than
    MAX_ALIAS_NODES nodes. One walk over the distinct nodes (a repeated one is counted from its
    size, not walked again), so this takes time in proportion to the file, whatever it expands to."""
    size: dict[int, int] = {}  # id(node) -> nodes it stands for, expanded
    on_path: set[int] = set()
    added = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        kids = _children(node)
        if done:
            on_path.discard(key)
            size[key] = 1 + sum(size[id(k)] for k in kids)
            continue
        if key in size:  # met again: an alias of it
            added += size[key]
            if added > MAX_ALIAS_NODES:
                mark = node.start_mark
                raise FactsError([Problem(path, mark.line + 1, mark.column + 1, (
                    f"invalid YAML: aliases expand the file by more than {MAX_ALIAS_NODES:,} nodes "
                    "(this anchor is the one repeated past the limit); write the repeated entries out"))])
            continue
        if key in on_path:
            mark = node.start_mark
            raise FactsError([Problem(path, mark.line + 1, mark.column + 1, "invalid YAML: an alias inside its own anchor (a recursive structure)")])
        on_path.add(key)
        stack.append((node, True))
        stack.extend((k, False) for k in reversed(kids))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _fact_date(value, node: yaml.Node, ctx: Ctx) -> model.FactDate | None:
    if value[0] == "range":
        _, first, last, rnode = value
        if last[2] < first[1]:
            ctx.error(rnode, f"date range ends ({last[0]}) before it starts ({first[0]})")
            return None
        gran = first[3] if first[3] == last[3] else "day"
        return model.FactDate(f"{first[0]}..{last[0]}", Interval(first[1], last[2], gran))
    text, first, last, gran = value
    return model.FactDate(text, Interval(first, last, gran))


def _patterns(values, ctx: Ctx, fact_id: str) -> tuple[model.Pattern, ...]:
    out = []
    for item, node in _items(values):
        near: tuple[str, ...] = ()
        if isinstance(item, tuple) and item[0] == "mention":  # {phrase|regex: ..., near: [...]}
            _, phrase, rx, near_entry, _mnode = item
            near = tuple(w for w, _ in _items(near_entry)) if near_entry else ()
            if phrase is not None:
                text, pnode = phrase
                out.append(model.Pattern(text, False, _line(pnode), pnode.start_mark.column + 1, near))
                continue
            item = ("regex", *rx)
        if isinstance(item, tuple) and item[0] == "regex":
            _, text, vnode = item
            try:
                regex.compile(text, regex.IGNORECASE)
            except regex.error as exc:
                ctx.error(vnode, f"invalid regex in fact {fact_id}: {exc}")
                continue
            out.append(model.Pattern(text, True, _line(vnode), vnode.start_mark.column + 1, near))
        else:
            out.append(model.Pattern(item, False, _line(node), node.start_mark.column + 1))
    return tuple(out)


def _event_dates(entry, eid: str, ctx: Ctx) -> tuple[model.EventDate, ...]:
    """The dates of an event given with `dates:`, each checked; problems at their own lines."""
    value, node = entry
    if not value:
        ctx.error(node, f"event {eid} lists no dates under dates:; give at least one {{date: DATE, what: TEXT}}")
        return ()
    out: list[model.EventDate] = []
    seen: dict[str, int] = {}
    for d, dnode in _items(entry):
        fd = _fact_date(d["date"][0], d["date"][1], ctx)
        what, wnode = d["what"]
        key = " ".join(what.lower().split())
        if key in seen:
            ctx.error(wnode, f"event {eid} has two dates labelled {what!r} (first at line {seen[key]}); label each date differently")
        seen.setdefault(key, _line(dnode))
        if fd is None:
            continue
        out.append(
            model.EventDate(
                date=fd,
                what=what,
                line=_line(dnode),
                date_line=_line(d["date"][1]),
                mentions=_patterns(d["mentions"], ctx, eid) if "mentions" in d else (),
                cues=tuple(w for w, _ in _items(d["cue"])) if "cue" in d else (),
            )
        )
    return tuple(out)


def _span_of(dates: tuple[model.EventDate, ...]) -> model.FactDate:
    """One FactDate for several: from the first day of any to the last; its text lists them."""
    first = min(d.date.interval.first for d in dates)
    last = max(d.date.interval.last for d in dates)
    grans = {d.date.interval.granularity for d in dates}
    text = ", ".join(f"{d.date.text} ({d.what})" for d in dates)
    return model.FactDate(text, Interval(first, last, grans.pop() if len(grans) == 1 else "day"))


def _items(entry):
    """The valid (value, node) pairs of a list field, node being the item's own YAML node."""
    value, node = entry
    if isinstance(node, yaml.SequenceNode):
        return [(v, n) for v, n in zip(value, node.value, strict=True) if v is not INVALID]
    return [(value[0], node)] if value and value[0] is not INVALID else []


def _get(values: dict, key: str, default=None):
    if key not in values:
        return default
    value = values[key][0]
    if isinstance(value, list):
        return [v for v in value if v is not INVALID]
    return value


def _build(values: dict, path: str, sha: str, ctx: Ctx) -> model.Facts:
    ids: dict[str, int] = {}

    def claim_id(entry: dict) -> str:
        fid, node = entry["id"]
        if fid in ids:
            ctx.error(node, f"duplicate id {fid!r} (first defined at line {ids[fid]})")
        else:
            ids[fid] = _line(node)
        return fid

    people = []
    for entry, node in _items(values["people"]) if "people" in values else []:
        pid = claim_id(entry)
        titles = tuple(t if isinstance(t, model.Title) else model.Title(t, line=_line(n)) for t, n in _items(entry["titles"])) if "titles" in entry else ()
        people.append(
            model.Person(
                id=pid,
                name=_get(entry, "name"),
                line=_line(node),
                kind=_get(entry, "kind", "person"),
                aliases=tuple(_get(entry, "aliases", ())),
                titles=titles,
                not_names=tuple(_get(entry, "not", ())),
                tests=_get(entry, "tests"),
            )
        )
    person_ids = {p.id for p in people}

    events = []
    for entry, node in _items(values["events"]) if "events" in values else []:
        eid = claim_id(entry)
        dates: tuple[model.EventDate, ...] = ()
        if "dates" in entry:
            dates = _event_dates(entry["dates"], eid, ctx)
            fd = _span_of(dates) if dates else None
            date_line = _line(entry["dates"][1])
        else:
            fd = _fact_date(entry["date"][0], entry["date"][1], ctx)
            date_line = _line(entry["date"][1])
        mentions = _patterns(entry["mentions"], ctx, eid) if "mentions" in entry else ()
        if fd is not None:
            events.append(
                model.Event(
                    id=eid,
                    what=_get(entry, "what"),
                    date=fd,
                    line=_line(node),
                    date_line=date_line,
                    mentions=mentions,
                    tests=_get(entry, "tests"),
                    dates=dates,
                )
            )

    quotes = []
    for entry, node in _items(values["quotes"]) if "quotes" in values else []:
        qid = claim_id(entry)
        speakers = tuple(_get(entry, "speaker"))
        for sid, snode in _items(entry["speaker"]) if "speaker" in entry else []:
            if sid not in person_ids:
                guess = did_you_mean(sid, person_ids) if isinstance(sid, str) else ""
                ctx.error(snode, f"speaker {sid!r} of quote {qid} names no person;{guess or ' define it under people:'}")
        said = _fact_date(entry["said"][0], entry["said"][1], ctx) if "said" in entry else None
        quotes.append(model.Quote(id=qid, speakers=speakers, text=_get(entry, "text"), line=_line(node), said=said, context=_get(entry, "context")))

    claims = []
    for entry, node in _items(values["claims"]) if "claims" in values else []:
        cid = claim_id(entry)
        fig = _get(entry, "figure")
        figure = None
        if fig:
            figure = model.Figure(value=fig["value"][0], unit=fig["unit"][0], tolerance=fig.get("tolerance", (0.0,))[0])
        claims.append(
            model.Claim(
                id=cid,
                statement=_get(entry, "statement"),
                line=_line(node),
                supports=_patterns(entry["supports"], ctx, cid) if "supports" in entry else (),
                contradicts=_patterns(entry["contradicts"], ctx, cid) if "contradicts" in entry else (),
                figure=figure,
                tests=_get(entry, "tests"),
            )
        )

    sources = []
    for pattern, (entry, knode) in (_get(values, "sources") or {}).items():
        published = _get(entry, "published")
        sources.append(
            model.Source(
                pattern=pattern,
                line=_line(knode),
                outlet=_get(entry, "outlet"),
                published=published[1] if published else None,
                url=_get(entry, "url"),
                note=_get(entry, "note"),
            )
        )

    return model.Facts(
        path=path,
        version=_get(values, "version"),
        story=_get(values, "story"),
        sha256=sha,
        sources=tuple(sources),
        people=tuple(people),
        events=tuple(events),
        quotes=tuple(quotes),
        claims=tuple(claims),
        base_dir=os.path.dirname(os.path.abspath(path)),
    )
