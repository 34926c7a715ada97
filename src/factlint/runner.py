"""Lint files: walk the paths, read each article, lint it, and collect per-file reports."""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from . import fixes
from .document import MAX_BYTES, SUFFIX_FORMATS, Document
from .errors import FileError, InputError
from .report import FileReport, RunReport
from .engine import Linter
from .extract.events import RegexTimeout
from .facts.model import Facts
from .reference import read_article
from .rules import STORY_RULES
from .selection import Selection
from .views import TextViews

SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache"})


# Files of a repository that are about the repository, not articles: left out when walking folders
# (named on the command line, they are linted). The name before its first dot, in any capitals...
NOT_ARTICLES = frozenset({"readme", "changelog", "license", "licence", "copying", "contributing", "code_of_conduct", "code-of-conduct"})
# ...and these only in capitals, as repositories write them ("history.md" may be an article)
NOT_ARTICLES_UPPER = frozenset({"CHANGES", "HISTORY", "AUTHORS", "CONTRIBUTORS", "MAINTAINERS", "NOTICE", "SECURITY", "SUPPORT"})


def _is_venv(path: str) -> bool:
    return os.path.isfile(os.path.join(path, "pyvenv.cfg"))


def _not_an_article(name: str) -> bool:
    stem = name.split(".", 1)[0]
    return stem.lower() in NOT_ARTICLES or stem in NOT_ARTICLES_UPPER


def discover(
    paths: list[str],
    exclude: tuple[str, ...] = (),
    *,
    base: str | None = None,
    force_exclude: bool = False,
    git_tracked: bool = False,
) -> tuple[list[str], list[FileError]]:
    """Article files under `paths`, sorted; folders are walked for known suffixes.

    A path named on the command line is linted whatever its suffix; hidden folders, version
    control, virtual environments, a repository's own files (README, CHANGELOG, LICENSE...) and
    `exclude` globs are skipped while walking. The globs match paths relative to `base` (the
    configuration file's folder; None: the paths as given) or a file's or folder's own name;
    `force_exclude` applies them to the paths named too (as pre-commit passes them). With
    `git_tracked`, a folder is walked for the files git tracks in it only (`git ls-files`):
    untracked drafts are left out (a folder git cannot list is an error of its own).
    """
    files: list[str] = []
    errors: list[FileError] = []
    for given in paths:
        if force_exclude and exclude and excluded_as_named(given, exclude, base):
            continue
        if os.path.isdir(given):
            try:
                tracked = _git_tracked(given) if git_tracked else None
            except InputError as exc:  # this folder cannot be walked; the other paths go on
                errors.append(exc.record)
                continue
            seen_dirs: set[tuple[int, int]] = set()
            for root, dirs, names in os.walk(given, followlinks=True):
                st = os.stat(root)
                key = (st.st_dev, st.st_ino)
                if key in seen_dirs:  # a symlink loop: do not walk it twice
                    dirs[:] = []
                    continue
                seen_dirs.add(key)
                dirs[:] = sorted(
                    d for d in dirs
                    if d not in SKIP_DIRS and not d.startswith(".") and not _is_venv(os.path.join(root, d))
                    and not _excluded(os.path.join(root, d), exclude, base)
                )
                for name in sorted(names):
                    full = os.path.join(root, name)
                    if (os.path.splitext(name)[1].lower() in SUFFIX_FORMATS and not _not_an_article(name)
                            and not _excluded(full, exclude, base)
                            and (tracked is None or os.path.abspath(full) in tracked)):
                        files.append(_display(full))
        elif os.path.exists(given) or os.path.islink(given):
            files.append(_display(given))  # a broken link is reported when it is read, once, walked or named
        else:
            errors.append(FileError(given, "no such file or folder"))
    return sorted(dict.fromkeys(files)), errors


def _git_tracked(folder: str) -> frozenset[str]:
    """The absolute paths of the files git tracks under `folder` (`git ls-files`: staged new files
    too, untracked ones not). Raises InputError naming the folder when git cannot say."""
    import subprocess

    try:
        p = subprocess.run(["git", "-C", folder, "ls-files", "-z", "--cached"], capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        raise InputError(folder, f"cannot list the files git tracks (git ls-files): {exc}") from None
    if p.returncode != 0:
        why = p.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(folder, f"cannot list the files git tracks (git ls-files): {why[-1] if why else f'exit status {p.returncode}'}")
    root = os.path.abspath(folder)
    return frozenset(os.path.join(root, os.fsdecode(name)) for name in p.stdout.split(b"\0") if name)


def _display(path: str) -> str:
    path = os.path.normpath(path)
    rel = os.path.relpath(path) if os.path.isabs(path) else path
    return rel if not rel.startswith("..") else path


def _relative(path: str, base: str | None) -> str:
    """`path` relative to the folder `base` ('/'-separated; '../' when outside it), or as given."""
    norm = os.path.relpath(os.path.abspath(path), base) if base else os.path.normpath(path)
    return norm.replace(os.sep, "/")


def _excluded(path: str, exclude: tuple[str, ...], base: str | None = None) -> bool:
    """Whether a glob of `exclude` matches `path` (relative to `base`) or its name."""
    if not exclude:
        return False
    norm = _relative(path, base)
    name = os.path.basename(norm)
    return any(fnmatch.fnmatchcase(norm, g) or fnmatch.fnmatchcase(name, g) for g in exclude)


def excluded_as_named(path: str, exclude: tuple[str, ...], base: str | None = None) -> bool:
    """Whether `exclude` leaves out a path named on the command line (`--force-exclude`): the path
    or one of the folders above it inside `base`, as walking from `base` would have skipped it."""
    norm = _relative(path, base)
    parts = [p for p in norm.split("/") if p not in ("", ".")]
    if not parts:
        return False
    if parts[0] == "..":  # outside the configuration's folder: the path itself and its own name
        return _excluded(path, exclude, base)
    return any(
        fnmatch.fnmatchcase("/".join(parts[: i + 1]), g) or fnmatch.fnmatchcase(parts[i], g)
        for i in range(len(parts)) for g in exclude
    )


def load_article(
    path: str,
    facts: Facts | None,
    *,
    facts_display: str = "facts.yaml",
    reference_date: date | None = None,
    data: bytes | None = None,
    display_path: str | None = None,
    fmt: str | None = None,
    views: TextViews | None = None,
) -> Document:
    """Read one article file (or its `data`) into a Document with its reference date (see
    `reference`: the command line's, the `sources:` entry's, or the document's own). `fmt` picks
    the reader when the path's suffix does not (an editor's unsaved Markdown); `views`, the
    article's text views, when the caller analyses it next (see `views`). Raises InputError."""
    shown = display_path or path
    if data is None:
        data = _read_bytes(path, shown)
    return read_article(
        shown, data, fmt=fmt, reference_date=reference_date, reference_origin="--reference-date",
        facts=facts, facts_display=facts_display, file_path=path, views=views,
    )


# How often a file may change under `--fix` (another run fixing it too, an editor saving it) before
# factlint gives up on it: each change is read and linted again, and its fixes applied to it.
_MAX_CHANGES = 5


def lint_file(
    path: str,
    linter: Linter,
    selection: Selection,
    *,
    reference_date: date | None = None,
    data: bytes | None = None,
    display_path: str | None = None,
    fix: str | None = None,
    clock: Callable[[], float] | None = None,
    fmt: str | None = None,
) -> FileReport:
    """Lint one article; a file that cannot be read gives a report with `error` set.

    `fix="fix"` writes the safe fixes of the reported findings back to the file (then lints it
    again and reports what remains); `fix="diff"` only records them as a unified diff. With a
    `clock` (seconds, as `time.perf_counter` gives them; the command line passes one), the report
    holds the seconds the file took. `fmt` ("text", "markdown", "html") picks the reader instead
    of the path's suffix.
    """
    if clock is None:
        return _lint_file(path, linter, selection, reference_date, data, display_path, fix, fmt)
    start = clock()
    report = _lint_file(path, linter, selection, reference_date, data, display_path, fix, fmt)
    return replace(report, seconds=max(0.0, clock() - start))


def _lint_file(path, linter, selection, reference_date, data, display_path, fix, fmt=None) -> FileReport:
    shown = display_path or path
    try:
        if data is None and fix:
            data = _read_bytes(path, shown)
        report = _lint_once(path, linter, selection, reference_date, data, display_path, fmt)
        if fix is None or report.document is None:
            return report
        fixed = rounds = changes = 0
        while rounds < 3:  # a fix can only remove findings; stop once nothing is left to fix
            doc = report.document
            new_source, n = fixes.apply(doc.source, list(report.findings), doc.format)
            if not n:
                break
            if fix == "diff":
                return replace(report, diff=fixes.unified_diff(shown, doc.source, new_source), fixed=n)
            assert data is not None  # read above when `fix` is set
            new_data = fixes.encode_like(data, new_source)
            if fixes.write_back(path, data, new_data):
                rounds += 1
                fixed += n
                data = new_data
            else:  # changed since it was read (another --fix run, an editor): lint what it holds now
                changes += 1
                if changes > _MAX_CHANGES:
                    raise InputError(shown, f"changed {changes} times while factlint was fixing it; not written")
                data = _read_bytes(path, shown)
            report = _lint_once(path, linter, selection, reference_date, data, display_path, fmt)
            if report.document is None:
                break
        return replace(report, fixed=fixed) if fixed else report
    except InputError as exc:
        return FileReport(shown, None, "none", (), error=exc.record)


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
)


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    kind = next((what for test, what in _KINDS if test(mode)), "not a regular file")
    return f"is {kind}, not a regular file; factlint reads only regular files"


def _read_bytes(path: str, shown: str) -> bytes:
    """The bytes of the regular file `path`, at most MAX_BYTES of them: anything else (a FIFO, a
    device, a socket, a folder) is an InputError, found before a byte is read, and a file is never
    read past the limit (one that grows while it is read included)."""
    try:
        problem = _not_regular(os.stat(path).st_mode)
        if problem:
            raise InputError(shown, problem)
        # O_NONBLOCK: should the path become a FIFO after the check, opening it cannot wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            problem = _not_regular(st.st_mode)
            if problem:
                raise InputError(shown, problem)
            if st.st_size > MAX_BYTES:
                raise InputError(shown, _too_large(f"{st.st_size:,} bytes"))
            return read_limited(fh, shown, st.st_size)
    except FileNotFoundError:
        raise InputError(shown, "broken symbolic link" if os.path.islink(path) else "no such file or folder") from None
    except IsADirectoryError:
        raise InputError(shown, "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(shown, f"cannot read: {exc.strerror or exc}") from None


def read_limited(fh, shown: str, size: int | None = None) -> bytes:
    """Read a binary stream (a file, standard input) to its end, but never more than MAX_BYTES:
    one byte more is an InputError. `size`, the file's size when known, is read first (no buffer
    of the limit's size for a small file); a file that grew since is read on, to the limit."""
    if size is not None and size < MAX_BYTES:
        data = fh.read(size + 1)
        if len(data) <= size:
            return data
        data += fh.read(MAX_BYTES + 1 - len(data))
    else:
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(shown, _too_large(f"more than {MAX_BYTES:,} bytes"))
    return data


def _too_large(size: str) -> str:
    return f"file is {size}; factlint reads articles up to {MAX_BYTES:,} bytes"


def analyse_article(linter: Linter, doc: Document):
    """`linter.analyse(doc)`, a facts regex that runs past its time limit being an InputError that
    names the article, the fact and the facts file (as `factlint check` reports it)."""
    try:
        return linter.analyse(doc)
    except RegexTimeout as exc:
        raise InputError(doc.path, f"{exc} ({linter.facts_display})") from None


def _lint_once(path, linter, selection, reference_date, data, display_path, fmt) -> FileReport:
    shown = display_path or path
    views = TextViews()  # the text read once for its reference date and its analysis
    try:
        doc = load_article(
            path, linter.facts, facts_display=linter.facts_display, reference_date=reference_date,
            data=data, display_path=display_path, fmt=fmt, views=views,
        )
        try:
            findings, analysis = linter.run(doc, views=views)
        except RegexTimeout as exc:
            raise InputError(shown, f"{exc} ({linter.facts_display})") from None
    except InputError as exc:
        return FileReport(shown, None, "none", (), error=exc.record)
    decision = selection.decide(doc, findings)
    story = None
    if any(selection.enabled(r.code) for r in STORY_RULES):  # the story stage compares the articles later
        from .story import summarize

        story = summarize(analysis, linter.compiled, shown)
    return FileReport(
        shown, doc.reference_date, doc.reference_origin, decision.kept, document=doc,
        quotes=analysis.quote_counts(), coverage=analysis.claim_coverage(), suppressed=decision.suppressed,
        baselined=decision.baselined, mentioned=analysis.facts_mentioned(),
        story=story, candidates=tuple(findings) if story is not None else (),
    )


# A worker process's linter, selection and options (set once by `_init_worker`, in that process only).
_WORKER: tuple | None = None


def _init_worker(linter: Linter, selection: Selection, reference_date: date | None, fix: str | None,
                 clock: Callable[[], float] | None = None) -> None:
    global _WORKER
    _WORKER = (linter, selection, reference_date, fix, clock)


def _lint_in_worker(path: str) -> FileReport:
    assert _WORKER is not None  # set by _init_worker before any task runs
    linter, selection, reference_date, fix, clock = _WORKER
    return lint_file(path, linter, selection, reference_date=reference_date, fix=fix, clock=clock)


def lint_paths(
    paths: list[str],
    linter: Linter,
    selection: Selection,
    *,
    reference_date: date | None = None,
    exclude: tuple[str, ...] = (),
    exclude_base: str | None = None,
    force_exclude: bool = False,
    git_tracked: bool = False,
    fix: str | None = None,
    jobs: int | None = 1,
    cores: int = 1,
    clock: Callable[[], float] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RunReport:
    """Lint every article under `paths` (found as `discover` finds them). With `jobs` > 1 the
    files are shared among that many worker processes; `jobs` None leaves it to the number of
    files (`choose_jobs`: `cores` processes for a large run); the report is the same, byte for
    byte, whatever `jobs` is. `clock` times each file (see `lint_file`); `progress(done, total)` is
    called once the files are known (done 0) and after each file, in this process."""
    files, errors = discover(paths, exclude, base=exclude_base, force_exclude=force_exclude, git_tracked=git_tracked)
    reports = [FileReport(e.path, None, "none", (), error=e) for e in errors]
    if progress is not None:
        progress(0, len(files))
    jobs = choose_jobs(len(files), jobs, cores)
    if jobs > 1 and len(files) > 1 and _can_fork():
        done = _lint_parallel(files, linter, selection, reference_date, fix, jobs, clock)
    else:
        done = (lint_file(p, linter, selection, reference_date=reference_date, fix=fix, clock=clock) for p in files)
    for i, one in enumerate(done, 1):
        reports.append(one)
        if progress is not None:
            progress(i, len(files))
    reports.sort(key=lambda r: r.path)
    if any(r.story is not None for r in reports):  # the story stage: the articles compared (FL501)
        from .story import apply

        reports = apply(reports, selection)
    return RunReport.of(reports, linter.facts, linter.facts_display)


AUTO_FILES = 200  # from this many files on, a run left to choose lints them in one process per core


def choose_jobs(files: int, jobs: int | None, cores: int) -> int:
    """The processes a run of `files` files lints them in: `jobs` when given; else one (starting
    the workers and sending them the compiled facts costs more than a few hundred articles take),
    or `cores` from `AUTO_FILES` files on."""
    if jobs is not None:
        return jobs
    return max(1, cores) if files >= AUTO_FILES else 1


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


# Files go to the workers a few at a time: small enough that both finish together (with 64 a
# chunk, one worker could sit idle for the last 0.2 s), large enough that the hand-over is cheap.
_CHUNK = 8


def _lint_parallel(files, linter, selection, reference_date, fix, jobs, clock=None):
    """Forked workers inherit the compiled facts; files go out in chunks and come back in order."""
    from concurrent.futures import ProcessPoolExecutor

    import multiprocessing

    jobs = min(jobs, len(files))
    chunk = max(1, min(_CHUNK, len(files) // (jobs * 4)))
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker,
                             initargs=(linter, selection, reference_date, fix, clock)) as pool:
        yield from pool.map(_lint_in_worker, files, chunksize=chunk)
