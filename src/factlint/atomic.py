"""Writing a file atomically: a temporary file in the same folder, flushed to disk, then renamed
over the target, so a reader sees the old contents or the new, never half of them; and a lock on a
folder, so that two processes that check a file and replace it do so one after the other."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

def digest(size: int) -> Any:
    """A BLAKE2b hasher of `size` bytes, to name the cache folder's entries by: the built-in module
    `hashlib.blake2b` comes from, imported without `hashlib` (whose OpenSSL binding alone costs a
    one-article run ~2 ms)."""
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return blake2b(digest_size=size)


def only_mine(folder: str) -> bool:
    """Whether only this user can write to `folder`: a cache of pickles (code the engine runs) is
    read from no other."""
    st = os.stat(folder)
    getuid = getattr(os, "getuid", None)
    return getuid is None or (st.st_uid == getuid() and not st.st_mode & 0o022)


LOCK_TIMEOUT = 30.0  # seconds to wait for another process's lock before giving up (never a hang)


@contextmanager
def folder_lock(folder: str, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive advisory lock (flock) on `folder` itself: no lock file is made, so nothing
    is left behind, and the lock goes with the process that held it, however it ends. Where there
    are no flocks (Windows) or the folder cannot be opened, nothing is locked. Raises OSError when
    another process holds the lock for longer than `timeout`."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    import time

    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise OSError(f"another process has held the lock on {folder} for {timeout:g} seconds") from None
                time.sleep(0.005)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def write_atomically(path: str, data: bytes, mode: int | None = None) -> None:
    """Replace `path` by `data`; `mode` is the permission bits (default: what umask allows an
    ordinary new file). A path that is not a regular file (a device, a pipe: `-o /dev/null`) is
    written to, never replaced. Raises OSError, with nothing left behind."""
    import tempfile

    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        regular = True  # a new file
    if not regular:  # a device or a pipe ("-o /dev/null", "-o /dev/stdout"): written to, never replaced
        with open(path, "wb") as fh:
            fh.write(data)
        return
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
