"""Safe fixes: apply them to an article's text, and write the file back without losing anything.

Only `Fix.safe` replacements are ever applied (a curated name's spelling); suggestions for dates and
quotes stay in the reports. Fixes are applied to the decoded source, so line endings are kept as
they are; the file is written back in its encoding (UTF-8, or UTF-16 or UTF-32 with the same
byte-order mark), a UTF-8 byte-order mark kept when it had one; the file is replaced
atomically (a temporary file in the same folder, then a rename), keeping its permission bits, and
only when it still holds the bytes that were linted: the check and the rename are made under a lock
on the folder, so two `--fix` runs at once take turns, and the later one finds the file changed,
lints what it now holds and fixes that (nothing is lost, nothing left behind).
"""

from __future__ import annotations

import os
import stat

from .document import bom_of
from .errors import InputError
from .model import Finding, Fix


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


def replacement_for(fix: Fix, fmt: str = "text") -> str:
    """The text a fix writes into an article of format `fmt`: escaped as HTML in an HTML article."""
    if fmt == "html":
        import html

        return html.escape(fix.replacement, quote=False)
    return fix.replacement


def apply(source: str, findings: list[Finding], fmt: str = "text") -> tuple[str, int]:
    """`source` with the safe fixes of `findings` applied, and how many were applied."""
    fixes = safe_fixes(findings)
    parts, at, n = [], 0, 0
    for f in fixes:
        assert f.fix is not None  # safe_fixes keeps only findings with a fix
        span = f.fix.span
        replacement = replacement_for(f.fix, fmt)
        if source[span.start : span.end] == replacement:
            continue
        parts.append(source[at : span.start])
        parts.append(replacement)
        at = span.end
        n += 1
    parts.append(source[at:])
    return "".join(parts), n


def encode_like(original: bytes, text: str) -> bytes:
    """`text` encoded as `original` was: UTF-8, UTF-16 or UTF-32, with the byte-order mark it had."""
    mark, codec, _ = bom_of(original)
    return mark + text.encode(codec)


def unified_diff(path: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=f"a/{path.lstrip('/')}", tofile=f"b/{path.lstrip('/')}"
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_back(path: str, original: bytes, data: bytes) -> bool:
    """Replace `path`'s contents `original` by `data` atomically, keeping its permission bits and
    writing through a symbolic link (never replacing the link): True. When the file no longer holds
    `original` (another `--fix` run, an editor), nothing is written: False, for the caller to read
    and lint it again. Raises InputError when it cannot be read or written."""
    from .atomic import folder_lock, write_atomically

    real = os.path.realpath(path)
    try:
        with folder_lock(os.path.dirname(real)):
            with open(real, "rb") as fh:
                if fh.read(len(original) + 1) != original:  # one byte more tells a longer file
                    return False
            write_atomically(real, data, stat.S_IMODE(os.stat(real).st_mode))
            return True
    except OSError as exc:
        raise InputError(path, f"cannot write the fix: {exc.strerror or exc}") from None
