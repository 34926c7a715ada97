"""Writing a file atomically: a temporary file in the same folder, flushed to disk, then renamed
over the target, so a reader sees the old contents or the new, never half of them."""

from __future__ import annotations

import os


def write_atomically(path: str, data: bytes, mode: int | None = None) -> None:
    """Replace `path` by `data`; `mode` is the permission bits (default: what umask allows an
    ordinary new file). Raises OSError, with nothing left behind."""
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=".factlint-", dir=os.path.dirname(os.path.abspath(path)))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
