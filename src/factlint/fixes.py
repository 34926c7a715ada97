"""Safe fixes: apply them to an article's text, and write the file back without losing anything.

Only `Fix.safe` replacements are ever applied (a curated name's spelling); suggestions for dates and
quotes stay in the reports. Fixes are applied to the decoded source, so line endings are kept as
they are; a UTF-8 byte-order mark is written back when the file had one; the file is replaced
atomically (a temporary file in the same folder, then a rename), keeping its permission bits, and
only when it still holds the bytes that were linted.
"""

from __future__ import annotations

import html
import os
import stat

from .errors import InputError
from .model import Finding

BOM = b"\xef\xbb\xbf"


def safe_fixes(findings: tuple[Finding, ...] | list[Finding]) -> list[Finding]:
    """The findings whose fix may be applied, by position; overlapping ones after the first dropped."""
    out: list[Finding] = []
    last_end = -1
    for f in sorted(
        (f for f in findings if f.fix is not None and f.fix.safe),
        key=lambda f: (f.fix.span.start, f.fix.span.end),  # type: ignore[union-attr]  # only findings with a fix
    ):
        assert f.fix is not None  # only findings with a fix are sorted
        if f.fix.span.start < last_end:
            continue
        out.append(f)
        last_end = max(last_end, f.fix.span.end)
    return out


def apply(source: str, findings: list[Finding], fmt: str = "text") -> tuple[str, int]:
    """`source` with the safe fixes of `findings` applied, and how many were applied."""
    fixes = safe_fixes(findings)
    parts, at, n = [], 0, 0
    for f in fixes:
        assert f.fix is not None  # safe_fixes keeps only findings with a fix
        span = f.fix.span
        replacement = html.escape(f.fix.replacement, quote=False) if fmt == "html" else f.fix.replacement
        if source[span.start : span.end] == replacement:
            continue
        parts.append(source[at : span.start])
        parts.append(replacement)
        at = span.end
        n += 1
    parts.append(source[at:])
    return "".join(parts), n


def encode_like(original: bytes, text: str) -> bytes:
    """`text` encoded as UTF-8, with the byte-order mark `original` had."""
    return (BOM if original.startswith(BOM) else b"") + text.encode("utf-8")


def unified_diff(path: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=f"a/{path.lstrip('/')}", tofile=f"b/{path.lstrip('/')}"
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_back(path: str, original: bytes, data: bytes) -> None:
    """Replace `path`'s contents `original` by `data` atomically, keeping its permission bits and
    writing through a symbolic link (never replacing the link); refuse if the file changed meanwhile."""
    from .atomic import write_atomically

    try:
        with open(path, "rb") as fh:
            if fh.read() != original:
                raise InputError(path, "changed while factlint was fixing it; not written")
        write_atomically(os.path.realpath(path), data, stat.S_IMODE(os.stat(path).st_mode))
    except OSError as exc:
        raise InputError(path, f"cannot write the fix: {exc.strerror or exc}") from None
