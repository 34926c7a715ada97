"""The cache of the compiled facts: the user's cache folder, or `--cache-dir DIR` / `cache-dir = "..."`.

With thousands of facts, start-up is dominated by validating facts.yaml and building the indexes
(the name trie and deletion index, quote bigrams, phrase tries): about 1.7 s for 10,000 facts, and
a pre-commit run pays it on every commit. The cache keeps the built `Linter` as a pickle, keyed by
the facts file's bytes, the options that shape the indexes and the factlint code itself (the path,
size and modification time of each of its modules), so any change to any of them builds afresh.

The command line keeps them where it keeps the compiled date grammar (`patterns`): the user's cache
folder unless told otherwise (`--cache-dir`), nowhere with FACTLINT_NO_CACHE set; a one-article
pre-commit run then skips reading YAML and building the indexes (a tenth of its time with the
seeds' facts). The folder gets a CACHEDIR.TAG and a .gitignore, entries are written atomically,
only the few newest are kept, and an entry that cannot be read (truncated, from another Python)
is ignored and rebuilt, never an error. As with any pickle, the folder must be one only you can
write to: a folder others can write to is neither read nor written.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from typing import TypeVar

from ._version import __version__
from .atomic import digest, only_mine, write_atomically

T = TypeVar("T")

KEEP = 8  # entries kept: a few projects' facts files, or a few versions of one, side by side
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is factlint's cache; see https://bford.info/cachedir/\n"


def _code_stamp() -> str:
    """Each factlint module's and data table's path, size and modification time: a new build, or
    an edited vocabulary table (`data/*.txt`), never reuses an entry."""
    root = os.path.dirname(os.path.abspath(__file__))
    parts = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".txt", ".json")):
                st = os.stat(os.path.join(folder, name))
                parts.append(f"{os.path.relpath(os.path.join(folder, name), root)}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts)


def key(facts_path: str, options: tuple) -> str | None:
    """The cache key of a facts file and the options, or None when the file cannot be read
    (loading it then reports the problem as usual)."""
    try:
        with open(facts_path, "rb") as fh:
            raw = fh.read()
    except OSError:
        return None
    h = digest(20)
    for part in (__version__, sys.version, os.path.abspath(facts_path), repr(options), _code_stamp()):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    h.update(raw)
    return h.hexdigest()[:40]


def cached(cache_dir: str, facts_path: str, options: tuple, build: Callable[[], T]) -> T:
    """The object `build()` makes for this facts file and options, from the cache when it holds it."""
    k = key(facts_path, options)
    if k is None or not _usable(cache_dir):
        return build()
    entry = os.path.join(cache_dir, f"facts-{k}.pickle")
    try:
        with open(entry, "rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        pass
    except Exception:  # a truncated or foreign entry: rebuild it
        pass
    made = build()
    _store(cache_dir, entry, made)
    return made


def _usable(cache_dir: str) -> bool:
    """Whether `cache_dir` may be used: missing (it is made, mode 0700), or only this user's."""
    try:
        return only_mine(cache_dir)
    except FileNotFoundError:
        return True
    except OSError:
        return False


def _store(cache_dir: str, entry: str, obj: object) -> None:
    """Write `entry` atomically; a cache that cannot be written is skipped, never an error."""
    try:
        os.makedirs(cache_dir, mode=0o700, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# written by factlint\n*\n")):
            path = os.path.join(cache_dir, name)
            if not os.path.exists(path):
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write(text)
        write_atomically(entry, pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL), 0o600)
        entries = sorted(
            (os.path.join(cache_dir, n) for n in os.listdir(cache_dir) if n.startswith("facts-") and n.endswith(".pickle")),
            key=lambda p: os.stat(p).st_mtime_ns,
            reverse=True,
        )
        for old in entries[KEEP:]:
            os.unlink(old)
    except (OSError, pickle.PicklingError, RecursionError):
        pass
