"""Settings: `[tool.factlint]` in pyproject.toml or a factlint.toml, merged with the command line.

The configuration file is the first `factlint.toml`, or `pyproject.toml` holding a
`[tool.factlint]` table, found from the current folder upward (or the one given with --config).
Keys (all optional; command-line options win):

    facts = "facts.yaml"              # relative to the configuration file
    select = ["FL"]                   # code prefixes to report
    ignore = []                       # code prefixes to drop
    extend-select = []
    fail-on = "error"                 # error | warning | info
    format = "text"                   # text | concise | json | github
    sort = "position"                 # each article's findings by position, or by score (FL403's highest first)
    exclude = ["drafts/*"]            # globs of paths not to lint when walking folders (relative to this file)
    force-exclude = false             # exclude the paths named on the command line too
    articles = ["articles"]           # what `factlint check` lints when given no path (default: .)
    day-first = false                 # read 8/30/2023 (false) or 30/8/2023 (true)
    regex-timeout = 1.0               # seconds one user regex may run on one article
    fl403-min-score = 0.06            # check-worthiness score from which FL403 lists a sentence and
                                      # claim coverage counts it (default: data/checkworthy.txt's threshold)
    [tool.factlint.severity]          # per-rule severities, by code prefix
    FL203 = "info"
    [tool.factlint.per-file-ignores]  # glob -> code prefixes
    "wire/*.txt" = ["FL104"]
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import field, replace
from datetime import date
from typing import Any

from .errors import ConfigError
from .formatters import FORMATS, SORTS
from .model import Severity
from .records import dataclass
from .selection import Selection


def _toml() -> Any:
    """The TOML reader, imported when a configuration is read (most runs of a project without one
    never pay for it)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib

KEYS = (
    "facts", "select", "ignore", "extend-select", "fail-on", "format", "exclude", "day-first",
    "regex-timeout", "severity", "per-file-ignores", "baseline", "cache-dir", "force-exclude", "articles",
    "fl403-min-score", "sort",
)


@dataclass(frozen=True)
class FileConfig:
    """What a configuration file says, already validated; `path` is None when there is none."""

    path: str | None = None
    values: dict = field(default_factory=dict)

    @property
    def base_dir(self) -> str:
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()


def find_upward(start: str, names: tuple[str, ...]) -> str | None:
    """The first file named one of `names` in `start` or a parent folder."""
    folder = os.path.abspath(start)
    while True:
        for name in names:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def find_config(start: str) -> str | None:
    """factlint.toml, or a pyproject.toml with [tool.factlint], from `start` upward."""
    folder = os.path.abspath(start)
    while True:
        toml = os.path.join(folder, "factlint.toml")
        if os.path.isfile(toml):
            return toml
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _has_factlint_table(pyproject):
            return pyproject
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


# a [tool.factlint] (or [tool.factlint.severity], tool.factlint.select = ...) anywhere in the text
_FACTLINT_TABLE = re.compile(rb"""^[ \t]*\[?[ \t]*["']?tool["']?[ \t]*\.[ \t]*["']?factlint\b""", re.M)


def _has_factlint_table(pyproject: str) -> bool:
    """Whether a pyproject.toml configures factlint. One that does not parse but names
    [tool.factlint] does: loading it then reports its error, never silently running without it."""
    try:
        with open(pyproject, "rb") as fh:
            raw = fh.read()
    except OSError:
        return False
    if b"factlint" not in raw:  # no table of ours however it is written: nothing to parse
        return False
    tomllib = _toml()
    try:
        tool = tomllib.loads(raw.decode("utf-8")).get("tool", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return bool(_FACTLINT_TABLE.search(raw))
    return isinstance(tool, dict) and "factlint" in tool


def _toml_error(path: str, raw: bytes, exc: Exception) -> ConfigError:
    """A TOML syntax error as `path:LINE:COL: invalid TOML: ...` (tomllib puts the place in its message)."""
    message = str(exc)
    m = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", message)
    if m:
        return ConfigError(f"{path}:{m.group(1)}:{m.group(2)}: invalid TOML: {message[: m.start()]}")
    m = re.search(r"\s*\(at end of document\)\s*$", message)
    if m:
        last = raw.rstrip(b"\r\n").count(b"\n") + 1
        return ConfigError(f"{path}:{last}: invalid TOML: {message[: m.start()]} at the end of the file")
    return ConfigError(f"{path}: invalid TOML: {message}")


def _line_of(text: str, key: str) -> int:
    for i, line in enumerate(text.splitlines(), 1):
        stripped = line.strip().strip('"')
        if stripped.startswith(key):
            return i
    return 1


def check_regular_file(path: str, what: str) -> None:
    """A ConfigError unless `path` is a regular file (a missing file, a folder, a FIFO or a device
    is named as such; a FIFO is never opened, so it cannot hang the run)."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        gone = "a broken symbolic link" if os.path.islink(path) else "no such file"
        raise ConfigError(f"{path}: {what} file not found ({gone})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read {what} file: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise ConfigError(f"{path}: is a folder; expected the {what} file")
    if not stat.S_ISREG(mode):
        raise ConfigError(f"{path}: is not a regular file (a FIFO, device or socket); expected the {what} file")


def load_config(path: str | None) -> FileConfig:
    """Read and validate a configuration file (None: no file, empty settings)."""
    if path is None:
        return FileConfig()
    check_regular_file(path, "configuration")
    tomllib = _toml()
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        data = tomllib.loads(raw.decode("utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}:1:1: configuration is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(path, raw, exc) from None
    text = raw.decode("utf-8")
    table = data.get("tool", {}).get("factlint", {}) if os.path.basename(path) == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.factlint] must be a table")
    problems = []
    for key, value in table.items():
        where = f"{path}:{_line_of(text, key)}"
        if key not in KEYS:
            problems.append(f"{where}: unknown key {key!r}; expected one of: {', '.join(KEYS)}")
            continue
        problem = _check_value(key, value)
        if problem:
            problems.append(f"{where}: {key}: {problem}")
    if problems:
        raise ConfigError("\n".join(problems))
    return FileConfig(path, dict(table))


def _check_value(key: str, value) -> str | None:
    if key in ("select", "ignore", "extend-select", "exclude", "articles"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"expected a list of strings, found {value!r}"
        if key == "articles" and (not value or not all(v.strip() and v != "-" for v in value)):
            return f"expected a list of folders or files, found {value!r}"
        if key not in ("exclude", "articles"):
            return _check_codes(value)
    elif key in ("facts", "baseline", "cache-dir"):
        if not isinstance(value, str):
            return f"expected a path, found {value!r}"
    elif key == "fail-on":
        if value not in ("error", "warning", "info"):
            return f"expected error, warning or info, found {value!r}"
    elif key == "format":
        if value not in FORMATS:
            return f"expected one of {', '.join(FORMATS)}, found {value!r}"
    elif key == "sort":
        if value not in SORTS:
            return f"expected one of {', '.join(SORTS)}, found {value!r}"
    elif key in ("day-first", "force-exclude"):
        if not isinstance(value, bool):
            return f"expected true or false, found {value!r}"
    elif key == "regex-timeout":
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 < value <= 60:
            return f"expected a number of seconds in (0, 60], found {value!r}"
    elif key == "fl403-min-score":
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 1:
            return f"expected a score between 0 and 1, found {value!r}"
    elif key == "severity":
        if not isinstance(value, dict):
            return "expected a table of code prefix = severity"
        for code, sev in value.items():
            problem = _check_codes([code])
            if problem:
                return problem
            if sev not in ("error", "warning", "info"):
                return f"{code}: expected error, warning or info, found {sev!r}"
    elif key == "per-file-ignores":
        if not isinstance(value, dict):
            return "expected a table of glob = [code prefixes]"
        for glob, codes in value.items():
            if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                return f"{glob}: expected a list of code prefixes, found {codes!r}"
            problem = _check_codes(codes)
            if problem:
                return problem
    return None


def _check_codes(codes) -> str | None:
    """Why `codes` are not rule codes or prefixes (None when they all are); the library's
    `Selection` checks the same (`selection.code_problem`)."""
    from .selection import code_problem

    return code_problem(codes)


def split_codes(values: list[str] | None) -> tuple[str, ...] | None:
    """Command-line code lists: repeatable and comma-separated; None when not given."""
    if values is None:
        return None
    out: list[str] = []
    for v in values:
        out.extend(c.strip().upper() for c in v.split(",") if c.strip())
    problem = _check_codes(out)
    if problem:
        raise ConfigError(problem)
    return tuple(out)


@dataclass(frozen=True)
class CheckSettings:
    """What `factlint check` runs with: the command line merged over the configuration file."""

    selection: Selection
    facts_path: str | None
    reference_date: date | None
    day_first: bool
    regex_timeout: float
    cache_dir: str | None
    format: str
    exclude: tuple[str, ...]
    baseline_path: str | None
    paths: tuple[str, ...] = (".",)  # what to lint: the command line's paths, else `articles`, else .
    exclude_base: str | None = None  # the folder `exclude` globs are relative to (the configuration's)
    force_exclude: bool = False  # `exclude` applies to the paths named too
    git_tracked: bool = False  # folders are walked for the files git tracks only
    root: str = ""  # the project folder (absolute) every report names paths relative to
    fl403_min_score: float | None = None  # None: the check-worthiness model's threshold
    sort: str = "position"  # each article's findings: by position, or scored ones by score (`report.SORTS`)


def check_settings(options: Any, config: FileConfig) -> CheckSettings:
    """Merge `factlint check`'s parsed options over `config`; raises ConfigError."""
    cv = config.values
    if options.fix and options.diff:
        raise ConfigError("--fix writes the fixes and --diff only shows them; give one of the two")
    if options.write_baseline and (options.fix or options.diff):
        raise ConfigError("--write-baseline records findings as they are; it cannot be combined with --fix or --diff")
    baseline_path = options.baseline or (os.path.join(config.base_dir, cv["baseline"]) if cv.get("baseline") else None)
    baseline = None
    if baseline_path and not options.write_baseline:
        from .baseline import load as load_baseline

        baseline = load_baseline(baseline_path)
    selection = Selection(
        select=split_codes(options.select) or tuple(cv.get("select", ("FL",))),
        ignore=(split_codes(options.ignore) or ()) + tuple(cv.get("ignore", ())),
        extend_select=(split_codes(options.extend_select) or ()) + tuple(cv.get("extend-select", ())),
        severities=tuple((k, Severity.parse(v)) for k, v in sorted(cv.get("severity", {}).items())),
        per_file_ignores=tuple((_glob(k), tuple(v)) for k, v in sorted(cv.get("per-file-ignores", {}).items())),
        fail_on=Severity.parse(options.fail_on or cv.get("fail-on", "error")),
        baseline=baseline,
        base_dir=config.base_dir if config.path else None,
    )
    facts = facts_path(options.facts, config)
    if options.paths:
        paths = tuple(options.paths)
    elif cv.get("articles"):
        paths = tuple(os.path.relpath(os.path.join(config.base_dir, a)) for a in cv["articles"])
    else:
        paths = (".",)
    return CheckSettings(
        selection=selection,
        facts_path=facts,
        reference_date=parse_reference_date(options.reference_date) if options.reference_date else None,
        day_first=bool(cv.get("day-first", False)),
        regex_timeout=float(cv.get("regex-timeout", 1.0)),
        cache_dir=options.cache_dir or (os.path.join(config.base_dir, cv["cache-dir"]) if cv.get("cache-dir") else None),
        format=options.format or cv.get("format", "text"),
        exclude=tuple(_glob(g) for g in cv.get("exclude", ())),
        baseline_path=baseline_path,
        paths=paths,
        exclude_base=config.base_dir,
        force_exclude=bool(options.force_exclude or cv.get("force-exclude", False)),
        git_tracked=bool(options.git_tracked),
        root=project_root(getattr(options, "root", None), config, facts),
        fl403_min_score=float(cv["fl403-min-score"]) if "fl403-min-score" in cv else None,
        sort=getattr(options, "sort", None) or cv.get("sort", "position"),
    )


def project_root(explicit: str | None, config: FileConfig, facts: str | None) -> str:
    """The folder reports name paths relative to (absolute): `--root`, else the configuration
    file's folder, else facts.yaml's, else the current folder."""
    if explicit:
        if not os.path.isdir(explicit):
            raise ConfigError(f"--root {explicit}: no such folder")
        return os.path.abspath(explicit)
    if config.path:
        return config.base_dir
    if facts:
        return os.path.dirname(os.path.abspath(facts))
    return os.getcwd()


def _glob(pattern: str) -> str:
    """A configuration glob as paths are matched: relative to the configuration's folder, so a
    leading "./" says nothing ("./drafts/*" is "drafts/*")."""
    while pattern.startswith("./"):
        pattern = pattern[2:]
    return pattern


def facts_path(explicit: str | None, config: FileConfig, start: str | None = None) -> str | None:
    """The facts file: given, named by the configuration, or facts.yaml found upward from `start`
    (default: here)."""
    if explicit:
        return explicit
    if config.values.get("facts"):
        return os.path.join(config.base_dir, config.values["facts"])
    return find_upward(start or os.getcwd(), ("facts.yaml", "facts.yml"))


# `factlint check`'s options as the command line leaves them when none is given
_NO_OPTIONS: dict[str, Any] = dict(
    paths=[], facts=None, config=None, root=None, reference_date=None, format=None, select=None, extend_select=None,
    ignore=None, fail_on=None, fix=False, diff=False, baseline=None, write_baseline=None, cache_dir=None,
    force_exclude=False, git_tracked=False,
)


def folder_settings(folder: str) -> CheckSettings:
    """The settings `factlint check FILE` uses for a file in `folder` when run from there with no
    options: the configuration found from `folder` upward, and the facts file it names or
    facts.yaml found from `folder` upward (what the language server lints an open document with).
    Raises ConfigError."""
    from types import SimpleNamespace

    folder = os.path.abspath(folder)
    config = load_config(find_config(folder))
    options = SimpleNamespace(**{**_NO_OPTIONS, "facts": facts_path(None, config, folder)})
    settings = check_settings(options, config)
    return settings if config.path or settings.facts_path else replace(settings, root=folder)


def parse_reference_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"--reference-date: expected a date as YYYY-MM-DD, found {text!r}") from None


def use_color(choice: str, env, *, to_terminal: bool) -> bool:
    """Whether to colour the text output: `--color always|never` decide; with `auto`, NO_COLOR
    (set and not empty, no-color.org) turns colour off, else FORCE_COLOR (set and not empty,
    force-color.org) turns it on, else colour goes to a terminal only. NO_COLOR winning over
    FORCE_COLOR is what CPython's own colouring does."""
    if choice in ("always", "never"):
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return to_terminal


def show_settings(options: Any, config: FileConfig, settings: CheckSettings) -> str:
    """`factlint check --show-settings`: every setting the run would use, as TOML, each with where
    it came from (the command line, the configuration file, found, or the default). TOML-like:
    a setting not given at all shows as (none)."""
    import json

    cv = config.values
    cfg = os.path.relpath(config.path) if config.path else None

    def origin(flag: str | None, key: str | None, found: str = "default") -> str:
        if flag is not None and getattr(options, flag, None) not in (None, False, [], ()):
            return "command line"
        if key is not None and key in cv:
            return cfg or "configuration"
        return found

    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (list, tuple)):
            return "[" + ", ".join(value(x) for x in v) + "]"
        if v is None:
            return "(none)"
        if isinstance(v, float):
            return repr(v)
        return json.dumps(str(v), ensure_ascii=False)

    sel = settings.selection
    facts_found = "found upward from the current folder" if settings.facts_path else "none found"
    if getattr(options, "root", None):
        root_from = "command line"
    elif config.path:
        root_from = "the configuration's folder"
    elif settings.facts_path:
        root_from = "facts.yaml's folder"
    else:
        root_from = "the current folder"
    rows: list[tuple[str, str, str | None]] = [
        ("configuration", value(cfg), "given with --config" if options.config else ("found upward" if cfg else "none found")),
        ("facts", value(settings.facts_path and os.path.relpath(settings.facts_path)), origin("facts", "facts", facts_found)),
        ("root", value(settings.root), root_from),
        ("paths", value(list(settings.paths)), "command line" if options.paths else (cfg if "articles" in cv else "default")),
        ("select", value(list(sel.select)), origin("select", "select")),
        ("extend-select", value(list(sel.extend_select)), origin("extend_select", "extend-select")),
        ("ignore", value(list(sel.ignore)), origin("ignore", "ignore")),
        ("fail-on", value(str(sel.fail_on)), origin("fail_on", "fail-on")),
        ("format", value(settings.format), origin("format", "format")),
        ("sort", value(settings.sort), origin("sort", "sort")),
        ("reference-date", value(settings.reference_date and settings.reference_date.isoformat()),
         origin("reference_date", None, "default: each article's own (sources:, front matter, HTML, dateline)")),
        ("exclude", value(list(settings.exclude)), origin(None, "exclude")),
        ("force-exclude", value(settings.force_exclude), origin("force_exclude", "force-exclude")),
        ("git-tracked", value(settings.git_tracked), origin("git_tracked", None)),
        ("day-first", value(settings.day_first), origin(None, "day-first")),
        ("regex-timeout", value(settings.regex_timeout), origin(None, "regex-timeout")),
        ("baseline", value(settings.baseline_path), origin("baseline", "baseline")),
        ("cache-dir", value(settings.cache_dir), origin("cache_dir", "cache-dir")),
        ("jobs", str(getattr(options, "jobs", 1)), origin("jobs", None) if getattr(options, "jobs", 1) != 1 else "default"),
    ]
    width = max(len(k) + 3 + len(v) for k, v, _ in rows)
    out = [f"{(k + ' = ' + v).ljust(width)}  # {o}" for k, v, o in rows]
    for table, key in (("severity", "severity"), ("per-file-ignores", "per-file-ignores")):
        entries = sel.severities if key == "severity" else sel.per_file_ignores
        out.append("")
        out.append(f"[{table}]  # {origin(None, key)}" + ("" if entries else ": (none)"))
        for k, v in entries:
            out.append(f"{json.dumps(k)} = {value(str(v) if isinstance(v, Severity) else list(v))}")
    return "\n".join(out) + "\n"
