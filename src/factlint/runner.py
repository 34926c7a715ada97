"""Lint files: walk the paths, read each article, lint it, and collect per-file reports."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from datetime import date

from .document import SUFFIX_FORMATS, Document, read_document
from .errors import InputError
from .engine import Linter, QuoteCounts
from .extract.events import RegexTimeout
from .facts.model import Facts
from .model import Finding
from .selection import Selection

SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache"})


@dataclass(frozen=True)
class FileReport:
    path: str
    reference_date: date | None
    reference_origin: str
    findings: tuple[Finding, ...]
    error: InputError | None = None
    document: Document | None = None
    quotes: QuoteCounts = QuoteCounts()
    coverage: tuple[int, int] = (0, 0)  # (covered, check-worthy) sentences
    suppressed: int = 0  # findings silenced by suppression comments


@dataclass(frozen=True)
class RunReport:
    files: tuple[FileReport, ...]
    facts_path: str | None
    facts_sha256: str | None
    fact_count: int

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def errors(self) -> list[InputError]:
        return [r.error for r in self.files if r.error]


def _is_venv(path: str) -> bool:
    return os.path.isfile(os.path.join(path, "pyvenv.cfg"))


def discover(paths: list[str], exclude: tuple[str, ...] = ()) -> tuple[list[str], list[InputError]]:
    """Article files under `paths`, sorted; folders are walked for known suffixes.

    A path named on the command line is linted whatever its suffix; hidden folders, version
    control, virtual environments and `exclude` globs are skipped while walking.
    """
    files: list[str] = []
    errors: list[InputError] = []
    for given in paths:
        if os.path.isdir(given):
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
                    and not _excluded(os.path.join(root, d), exclude)
                )
                for name in sorted(names):
                    full = os.path.join(root, name)
                    if os.path.splitext(name)[1].lower() in SUFFIX_FORMATS and not _excluded(full, exclude):
                        files.append(_display(full))
        elif os.path.exists(given):
            files.append(_display(given))
        elif os.path.islink(given):
            errors.append(InputError(given, "broken symbolic link"))
        else:
            errors.append(InputError(given, "no such file or folder"))
    return sorted(dict.fromkeys(files)), errors


def _display(path: str) -> str:
    path = os.path.normpath(path)
    rel = os.path.relpath(path) if os.path.isabs(path) else path
    return rel if not rel.startswith("..") else path


def _excluded(path: str, exclude: tuple[str, ...]) -> bool:
    norm = os.path.normpath(path).replace(os.sep, "/")
    return any(fnmatch.fnmatchcase(norm, g) or fnmatch.fnmatchcase(os.path.basename(norm), g) for g in exclude)


def read_article(
    path: str,
    facts: Facts | None,
    *,
    facts_display: str = "facts.yaml",
    reference_date: date | None = None,
    data: bytes | None = None,
    display_path: str | None = None,
) -> Document:
    """Read one article into a Document, with its reference date from the command line, its
    `sources:` entry in facts.yaml, or the document itself (in that order). Raises InputError."""
    shown = display_path or path
    origin = "--reference-date" if reference_date else ""
    if data is None:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except IsADirectoryError:
            raise InputError(shown, "is a folder, not a file") from None
        except OSError as exc:
            raise InputError(shown, f"cannot read: {exc.strerror or exc}") from None
    if reference_date is None and facts is not None:
        source = facts.source_for(os.path.relpath(os.path.abspath(path), facts.base_dir))
        if source and source.published:
            reference_date = source.published
            origin = f"sources: in {facts_display}:{source.line}"
    return read_document(shown, data, reference_date=reference_date, reference_origin=origin)


def lint_file(
    path: str,
    linter: Linter,
    selection: Selection,
    *,
    reference_date: date | None = None,
    data: bytes | None = None,
    display_path: str | None = None,
) -> FileReport:
    """Lint one article; a file that cannot be read gives a report with `error` set."""
    shown = display_path or path
    try:
        doc = read_article(
            path, linter.facts, facts_display=linter.facts_display, reference_date=reference_date,
            data=data, display_path=display_path,
        )
        try:
            findings, analysis = linter.run(doc)
        except RegexTimeout as exc:
            raise InputError(shown, f"{exc} ({linter.facts_display})") from None
    except InputError as exc:
        return FileReport(shown, None, "none", (), error=exc)
    decision = selection.decide(doc, findings)
    return FileReport(
        shown, doc.reference_date, doc.reference_origin, decision.kept, document=doc,
        quotes=analysis.quote_counts(), coverage=analysis.claim_coverage(), suppressed=decision.suppressed,
    )


def lint_paths(
    paths: list[str],
    linter: Linter,
    selection: Selection,
    *,
    reference_date: date | None = None,
    exclude: tuple[str, ...] = (),
) -> RunReport:
    files, errors = discover(paths, exclude)
    reports = [FileReport(e.path, None, "none", (), error=e) for e in errors]
    reports += [lint_file(p, linter, selection, reference_date=reference_date) for p in files]
    reports.sort(key=lambda r: r.path)
    facts = linter.facts
    return RunReport(tuple(reports), linter.facts_display if facts else None, facts.sha256 if facts else None, facts.fact_count if facts else 0)
