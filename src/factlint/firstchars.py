"""A big alternation made quick to fail: each alternative guarded by the characters it can start with.

A pattern such as the date grammar is an ordered list of alternatives (`(?:A|B|C|...)`), and the
engine tries every one of them at every place it is asked to match, look-behinds first: at a word
no alternative can begin with, each of them still costs its look-behinds. `guard_alternatives`
writes, before each alternative of the pattern's outermost alternations, a look-ahead for the
characters that alternative can begin with (`(?=[0-9]|(?i:[lmt]))`), so an alternative that cannot
start where it is tried fails on one character.

The guarded pattern matches what the pattern matches, at the same places, with the same groups:
a look-ahead takes no text, and it lets through every character the alternative can begin with,
so the alternative that wins is the same one. The characters are read from the pattern itself, as
the standard library's regular-expression parser reads it: the syntax the two engines share
(groups named twice are read as plain groups). An alternative written in what `regex` alone reads
or reads otherwise (inline flags for what follows such as "(?i)", fuzzy counts, POSIX classes,
`\\p{...}`), or that can match an empty string, gets no guard, nor does a group that sets flags
("(?x: ...)"), nor a pattern compiled with flags other than VERBOSE, IGNORECASE, ASCII and
UNICODE: the reading may let more through, never less. Each character is written in the case mode
it was read in (`(?i:[lmt])` where the pattern ignores case), so the engine that matches the
guarded pattern folds case as it does for the pattern. The date grammar's guarded form is tested
to match as the grammar does (tests/test_firstchars.py).
"""

from __future__ import annotations

import re
from importlib import import_module
from typing import Any, Optional

# the standard library's parser: `re._parser` from Python 3.11, `sre_parse` before
try:
    _sre: Any = import_module("re._constants")
    _sre_parse: Any = import_module("re._parser")
except ImportError:  # pragma: no cover - Python 3.10
    _sre = import_module("sre_constants")
    _sre_parse = import_module("sre_parse")

# A first-character set: a frozenset of (class text, ignores case) items, each item the text of a
# character class ("a", "0-9", "\\d", "^a-z") that one character must match; None: any character.
Firsts = Optional[frozenset[tuple[str, bool]]]

_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = tuple(
    op for op in (getattr(_sre, name, None) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")) if op is not None
)
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)
_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")
_HEADER = re.compile(r"\?(?:P<\w+>|:)")  # a group that takes text and sets no flag: (?:  (?P<name>
# what `regex` reads otherwise than the standard library, or that sets flags for what follows: an
# alternative holding one is not guarded ("(?i)", fuzzy counts "{e<=1}", POSIX classes "[[:alpha:]]")
_INLINE_FLAGS = re.compile(r"\(\?[a-zA-Z-]+\)")
_NOT_READ = re.compile(r"\(\?[a-zA-Z-]+\)|\(\?[a-zA-Z0-9-]*[befprVw]|\{[a-z]|\[\[:|\(\?\||\\[pPmMXGKN]")
# the flags a guard is read under; a pattern with any other (`regex`'s FULLCASE, VERSION1...) is not guarded
_READ_FLAGS = re.VERBOSE | re.IGNORECASE | re.ASCII | re.UNICODE


def _char(code: int) -> str:
    """One character as a class writes it: a letter or digit of ASCII as it is, any other escaped."""
    ch = chr(code)
    return ch if ch.isascii() and ch.isalnum() else f"\\U{code:08x}"


def _class_item(op, av) -> str | None:
    if op is _sre.LITERAL:
        return _char(av)
    if op is _sre.RANGE:
        return _char(av[0]) + "-" + _char(av[1])
    if op is _sre.CATEGORY:
        return _CATEGORIES.get(av)
    return None


def _item(op, av, icase: bool) -> tuple[Firsts, bool]:
    """The first characters of one parsed item and whether it can match an empty string."""
    if op is _sre.LITERAL:
        return frozenset({(_char(av), icase)}), False
    if op is _sre.NOT_LITERAL:
        return frozenset({("^" + _char(av), icase)}), False
    if op is _sre.IN:
        parts = []
        negate = False
        for sub_op, sub_av in av:
            if sub_op is _sre.NEGATE:
                negate = True
                continue
            text = _class_item(sub_op, sub_av)
            if text is None:
                return None, False
            parts.append(text)
        return frozenset({(("^" if negate else "") + "".join(parts), icase)}), False
    if op is _sre.BRANCH:
        out: Firsts = frozenset()
        empty = False
        for seq in av[1]:
            firsts, nullable = _sequence(seq, icase)
            out = None if out is None or firsts is None else out | firsts
            empty = empty or nullable
        return out, empty
    if op is _sre.SUBPATTERN:
        _group, add, remove, seq = av
        inner = (icase or bool(add & _sre.SRE_FLAG_IGNORECASE)) and not remove & _sre.SRE_FLAG_IGNORECASE
        return _sequence(seq, inner)
    if op in _REPEATS:
        low, _high, seq = av
        firsts, nullable = _sequence(seq, icase)
        return firsts, nullable or low == 0
    if _ATOMIC is not None and op is _ATOMIC:
        return _sequence(av, icase)
    if op in _ZERO_WIDTH:
        return frozenset(), True  # takes no text (a look-ahead is not read: more gets through, never less)
    return None, False  # anything else (., a back-reference, a conditional): any character


def _sequence(seq, icase: bool) -> tuple[Firsts, bool]:
    out: Firsts = frozenset()
    for op, av in seq:
        firsts, nullable = _item(op, av, icase)
        out = None if out is None or firsts is None else out | firsts
        if not nullable or out is None:
            return out, nullable and out is not None
    return out, True


def first_characters(source: str, flags: int = 0) -> Firsts:
    """The characters a match of `source` can begin with (None: any, or not known)."""
    if flags & ~_READ_FLAGS or _NOT_READ.search(source):
        return None
    try:
        parsed = _sre_parse.parse(_NAMED_GROUP.sub("(", source), flags & (re.VERBOSE | re.IGNORECASE))
    except Exception:  # a construct the standard library does not read: no guard
        return None
    firsts, nullable = _sequence(list(parsed), bool(flags & re.IGNORECASE))
    return None if nullable else firsts


def guard(firsts: Firsts) -> str:
    """The look-ahead for a first-character set ("" for any character)."""
    if firsts is None:
        return ""
    items = []
    for icase in (False, True):
        plain = sorted(text for text, ic in firsts if ic == icase and not text.startswith("^"))
        if plain:
            items.append(("(?i:[{}])" if icase else "[{}]").format("".join(plain)))
        items += [("(?i:[{}])" if icase else "[{}]").format(text) for text, ic in sorted(firsts) if ic == icase and text.startswith("^")]
    return "(?=" + "|".join(items) + ")" if items else "(?!)"


def _top_alternations(source: str, verbose: bool) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """The groups at the top of `source` that hold alternatives: (group start, body start,
    [(start, end) of each alternative]). Read character by character: escapes, classes and (in
    verbose mode) comments are skipped."""
    out = []
    depth = 0
    k = 0
    body = group = 0
    pieces: list[tuple[int, int]] = []
    n = len(source)
    while k < n:
        ch = source[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            k += 1
            if source.startswith("^", k):
                k += 1
            if source.startswith("]", k):
                k += 1
            while k < n and source[k] != "]":
                k += 2 if source[k] == "\\" else 1
        elif verbose and ch == "#":
            end = source.find("\n", k)
            k = n if end < 0 else end
            continue
        elif ch == "(":
            depth += 1
            if depth == 1:
                group, pieces = k, []
                body = k + 1
                if source.startswith("?", body):  # (?:  (?P<name>  (?i:  the body starts after the header
                    m = _HEADER.match(source, body)
                    body = -1 if m is None else m.end()  # a look-around or another kind of group: left as it is
        elif ch == ")":
            depth -= 1
            if depth == 0 and body >= 0 and pieces:
                pieces.append((pieces[-1][1] + 1, k))
                out.append((group, body, pieces))
        elif ch == "|" and depth == 1 and body >= 0:
            pieces.append(((pieces[-1][1] + 1) if pieces else body, k))
        k += 1
    return out


def guard_alternatives(source: str, flags: int = 0) -> str:
    """`source` with each alternative of its top-level alternation groups guarded by a look-ahead
    for the characters it can begin with (see the module). Alternatives written in a form the
    reading does not know are left unguarded."""
    if flags & ~_READ_FLAGS or _INLINE_FLAGS.search(source):
        return source  # flags the reading does not follow, or set inline for what follows
    verbose = bool(flags & re.VERBOSE)
    parts = []
    last = 0
    for _group, _body, pieces in _top_alternations(source, verbose):
        for start, end in pieces:
            firsts = first_characters(source[start:end], flags)
            if firsts is None:
                continue
            parts.append(source[last:start])
            parts.append(guard(firsts))
            last = start
    parts.append(source[last:])
    return "".join(parts)
