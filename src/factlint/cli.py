"""The command line: parse arguments, build settings, run the engine, render, exit. Only wiring.

Exit status: 0 when nothing reaches the fail level, 1 when something does, 2 for usage,
configuration or input errors (an unreadable file is reported and the other files still linted).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Mapping
from datetime import date
from typing import TypeVar

from ._version import __version__
from .compiled import CompiledFacts
from .document import Document
from .engine import Linter
from .errors import ConfigError, FactlintError, FactsError, InputError
from .facts.model import Facts
from .formatters import FORMATS, FORMATTERS, SORTS, RenderOptions
from .formatters.common import printable
from .report import FileReport, RunReport, by_score, relocated, shown_path
from .rules import ALL_RULES, RULES, RULES_BY_CODE
from .runner import excluded_as_named, lint_file, lint_paths, read_limited
from .settings import (
    CheckSettings, check_regular_file, check_settings, find_config, find_upward, load_config, parse_reference_date, show_settings,
    use_color,
)

T = TypeVar("T")

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

# what shtab completes a path argument with (its FILE action, written out so start-up imports nothing)
_FILE = {"bash": "_shtab_compgen_files", "zsh": "_files", "tcsh": "f"}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="factlint",
        description="Check articles against the curated facts in facts.yaml: dates, quotes, names, claims.",
    )
    p.add_argument("--version", action="version", version=f"factlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("check", help="lint articles (the default folder is .)")
    c.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; - reads standard input").complete = _FILE  # type: ignore[attr-defined]
    c.add_argument("--facts", metavar="FILE", help="facts file (default: facts.yaml found upward from here)").complete = _FILE  # type: ignore[attr-defined]
    c.add_argument("--config", metavar="FILE", help="configuration file (default: factlint.toml or pyproject.toml found upward)")
    c.add_argument("--root", metavar="DIR",
                   help="the project folder reports name paths relative to (default: the configuration's folder, else facts.yaml's)")
    c.add_argument("--reference-date", metavar="YYYY-MM-DD", help="the 'now' relative dates are read against, for every file")
    c.add_argument("--format", choices=FORMATS, help="output format (default: text)")
    c.add_argument("--sort", choices=SORTS,
                   help="each article's findings by position (the default), or by score: scored ones "
                        "(FL403's check-worthiness) after the others, highest first")
    c.add_argument("--select", action="append", metavar="CODES", help="report only these code prefixes (comma-separated)")
    c.add_argument("--extend-select", action="append", metavar="CODES", help="add code prefixes to the selection")
    c.add_argument("--ignore", action="append", metavar="CODES", help="drop these code prefixes")
    c.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails the run (default: error)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings reach the fail level")
    c.add_argument("--statistics", action="store_true", help="print only the count of findings by rule (a table; JSON with --format json)")
    c.add_argument("--show-settings", action="store_true", help="print the settings this run would use and where each came from; lint nothing")
    c.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (atomically) instead of standard output")
    c.add_argument("-q", "--quiet", action="store_true", help="print findings only: no reference dates, no summary")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the text format (default: auto: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it)")
    c.add_argument("--stdin-filename", metavar="NAME", help="the name to report for standard input (-)")
    c.add_argument("--fix", action="store_true", help="apply safe fixes (name spellings) to the files, atomically")
    c.add_argument("--diff", action="store_true", help="print the safe fixes as a unified diff; write nothing")
    c.add_argument("--baseline", metavar="FILE", help="hide the findings recorded in FILE; fail only on new ones")
    c.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE (atomically) and exit")
    c.add_argument("--cache-dir", metavar="DIR", help="keep the compiled facts and patterns in DIR instead of the user's cache folder")
    c.add_argument("--force-exclude", action="store_true",
                   help="apply the configuration's exclude globs to the paths named too (as pre-commit passes them)")
    c.add_argument("--git-tracked", action="store_true",
                   help="walk folders for the files git tracks only (git ls-files): untracked drafts are left out")
    c.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                   help="lint files in N processes (0: one per core; default: one, or one per core from 200 files on)")

    d = sub.add_parser("dates", help="list every temporal expression with its TIMEX3 value and interval")
    d.add_argument("paths", nargs="+", metavar="PATH", help="article files")
    d.add_argument("--facts", metavar="FILE", help="facts file, for its sources: (default: facts.yaml found upward)")
    d.add_argument("--reference-date", metavar="YYYY-MM-DD", help="the 'now' relative dates are read against")
    d.add_argument("--format", choices=("text", "json"), default="text")
    d.add_argument("--day-first", action="store_true", help="read 8/9/2023 as 8 September")

    qp = sub.add_parser("quotes", help="list every quote with its speaker and its verdict against facts.yaml")
    qp.add_argument("paths", nargs="+", metavar="PATH", help="article files")
    qp.add_argument("--facts", metavar="FILE", help="facts file (default: facts.yaml found upward)")
    qp.add_argument("--format", choices=("text", "json"), default="text")

    sg = sub.add_parser("suggest", help="draft a facts.yaml from the articles (people, quotes, dated events, claims, sources)")
    sg.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders").complete = _FILE  # type: ignore[attr-defined]
    sg.add_argument("-o", "--output", metavar="FILE", default="facts.draft.yaml",
                    help="where to write the draft (default: facts.draft.yaml; - for standard output)")
    sg.add_argument("--force", action="store_true", help="overwrite FILE when it exists")
    sg.add_argument("--story", metavar="TEXT", help="the story's name, written as story:")
    sg.add_argument("--day-first", action="store_true", help="read 8/9/2023 as 8 September")

    i = sub.add_parser("init", help="write a starter facts.yaml and factlint.toml; print the pre-commit entry")
    i.add_argument("folder", nargs="?", default=".", help="where to write them (default: .)")

    sc = sub.add_parser("completion", help="print a shell completion script (bash, zsh, tcsh, fish, powershell)")
    sc.add_argument("shell", choices=("bash", "zsh", "tcsh", "fish", "powershell"), help="the shell to complete in")

    sv = sub.add_parser("server", help="run the language server (LSP over standard input and output) for editors")
    sv.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default and only transport)")

    r = sub.add_parser("rule", help="explain a rule (or list them all)")
    r.add_argument("code", nargs="?", help="a rule code such as FL101")

    f = sub.add_parser("facts", help="work with facts.yaml")
    fsub = f.add_subparsers(dest="facts_command", metavar="ACTION")
    v = fsub.add_parser("validate", help="check facts.yaml and report every problem as FILE:LINE:COL")
    v.add_argument("file", nargs="?", help="facts file (default: facts.yaml found upward)")
    fs = fsub.add_parser("schema", help="print the JSON Schema of facts.yaml (shipped as a file in the package)")
    fs.add_argument("--path", action="store_true", help="print the path of the schema file instead (for an editor's settings)")
    ft = fsub.add_parser("test", help="run the facts' tests: {match: [...], no_match: [...]} examples")
    ft.add_argument("file", nargs="?", help="facts file (default: facts.yaml found upward)")
    return p


def user_cache_folder(environ: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """factlint's folder in the user's cache (as black and pip keep theirs), or None when unknown."""
    if platform == "win32":
        base = environ.get("LOCALAPPDATA")
        return os.path.join(base, "factlint", "Cache") if base else None
    if platform == "darwin":
        home = environ.get("HOME")
        return os.path.join(home, "Library", "Caches", "factlint") if home else None
    base = environ.get("XDG_CACHE_HOME") or (os.path.join(environ["HOME"], ".cache") if environ.get("HOME") else None)
    return os.path.join(base, "factlint") if base else None


def cache_folder(environ: Mapping[str, str], cache_dir: str | None) -> str | None:
    """Where compiled patterns and facts are kept between runs: `--cache-dir` (or the config's
    `cache-dir`) when given, else the user's cache folder; nowhere with FACTLINT_NO_CACHE set."""
    if environ.get("FACTLINT_NO_CACHE"):
        return None
    return cache_dir or user_cache_folder(environ)


def _keep_compiled_patterns(environ: Mapping[str, str], cache_dir: str | None) -> None:
    """Where the date grammar is kept compiled between runs (`patterns`; see `cache_folder`)."""
    from .patterns import keep_compiled_in

    keep_compiled_in(cache_folder(environ, cache_dir))


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _keep_compiled_patterns(os.environ, getattr(args, "cache_dir", None))
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "rule":
            return _rule(args)
        if args.command == "completion":
            import shtab

            sys.stdout.write(shtab.complete(parser, shell=args.shell) + "\n")
            return EXIT_OK
        if args.command == "init":
            return _init(args)
        if args.command == "suggest":
            return _suggest(args)
        if args.command == "server":
            return _server()
        if args.command == "dates":
            return _dates(args)
        if args.command == "quotes":
            return _quotes(args)
        if args.command == "facts":
            if args.facts_command == "schema":
                from .facts.loader import SCHEMA_FILE

                if args.path:
                    sys.stdout.write(SCHEMA_FILE + "\n")
                else:
                    with open(SCHEMA_FILE, encoding="utf-8") as fh:
                        sys.stdout.write(fh.read())
                return EXIT_OK
            if args.facts_command == "validate":
                return _validate(args)
            if args.facts_command == "test":
                return _facts_test(args)
            parser.parse_args(["facts", "--help"])
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    except FactlintError as exc:
        _err(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        return 130
    finally:
        from .records import keep_compiled

        keep_compiled()  # the dataclasses' methods compiled once, beside the package's bytecode


def _load_facts(path: str, shown: str | None = None) -> Facts:
    """facts.yaml, validated; the loader and YAML are imported only when a file is loaded. Its
    problems name the file as `shown` (relative to the project folder) when given."""
    from dataclasses import replace

    from .facts.loader import load_facts

    check_regular_file(path, "facts")
    try:
        return load_facts(path)
    except FactsError as exc:
        if shown is None or shown == path:
            raise
        raise FactsError([replace(p, path=shown) if p.path == path else p for p in exc.problems]) from None


def _err(message: str) -> None:
    """A message on standard error, a line at a time, control characters (of a file name, say) escaped."""
    for line in message.split("\n"):
        line = printable(line)
        sys.stderr.write(f"factlint: {line}\n" if not line[:1].isspace() else line + "\n")


def _shown(path: str) -> str:
    rel = os.path.relpath(os.path.abspath(path))
    return rel if not rel.startswith("..") else path


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, found {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more processes, found {n}")
    return n or (os.cpu_count() or 1)


# The last run's compiled facts, held past the run's end: a list that holds itself, so that once
# `gc.freeze` has set it aside neither the end of `main` nor the interpreter's exit frees what it
# holds (the next run's facts replace them). A process about to exit need not free 10,000 facts'
# objects one by one (~13 ms).
_LAST_FACTS: list = [None]
_LAST_FACTS.append(_LAST_FACTS)


def _long_lived(make: Callable[[], T]) -> T:
    """Build (or load) the compiled facts with the cyclic garbage collector paused, then leave them
    out of every later collection: they live as long as the run, and with thousands of facts each
    collection would walk them all (loading 10,000 facts from the cache: ~400 -> ~100 ms). Forked
    workers then share them page by page, never walking (and so copying) them. They are kept in
    `_LAST_FACTS` until the next run's replace them, never freed at exit."""
    import gc

    gc.disable()
    try:
        made = _LAST_FACTS[0] = make()
        return made
    finally:
        gc.enable()
        gc.freeze()


def _compiled_facts(settings: CheckSettings) -> CompiledFacts:
    """The compiled facts of the run, from the cache folder when it holds them (`cache_folder`)."""
    path = settings.facts_path
    shown = shown_path(path, settings.root, os.getcwd()) if path else None
    if path:
        check_regular_file(path, "facts")  # before the cache reads it too

    def build() -> CompiledFacts:
        return CompiledFacts.build(_load_facts(path, shown) if path else None, display=shown, regex_timeout=settings.regex_timeout)

    folder = cache_folder(os.environ, settings.cache_dir)
    if folder and path:
        from .cache import cached

        return cached(folder, path, (shown, settings.regex_timeout), build)
    return build()


def _check(args: argparse.Namespace) -> int:
    config = load_config(args.config or find_config(os.getcwd()))
    settings = check_settings(args, config)
    if args.show_settings:
        sys.stdout.write(show_settings(args, config, settings))
        return EXIT_OK
    if args.statistics and settings.format not in ("text", "concise", "json"):
        raise ConfigError(f"--statistics prints a table (text, concise) or JSON (json); not with --format {settings.format}")
    if not settings.facts_path:
        _err("no facts.yaml found here or above (give --facts FILE); only checks that need no facts run")
    selection = settings.selection
    # Only the rules whose findings can be reported run (for some file: per-file ignores only take
    # away); an opt-in rule nobody asked for (FL403) costs nothing.
    rules = tuple(r for r in RULES if selection.enabled(r.code))
    compiled = _long_lived(lambda: _compiled_facts(settings))
    linter = Linter(compiled, rules=rules, day_first=settings.day_first, claim_min_score=settings.fl403_min_score)
    paths = list(settings.paths)
    # what a report or a baseline may never be written onto: the articles named, facts.yaml, the
    # configuration (and, for a report, the baseline it reads); the articles found by walking a
    # folder are checked once they are known, before anything is written
    inputs = [p for p in paths if p != "-"] + [p for p in (settings.facts_path, config.path) if p]
    outputs = [(o, inputs + ([settings.baseline_path] if settings.baseline_path and o is args.output else []))
               for o in (args.output, args.write_baseline) if o]
    for out, protected in outputs:
        _refuse_overwrite(out, protected)
    fix = "fix" if args.fix else "diff" if args.diff else None
    if "-" in paths:
        if len(paths) > 1:
            raise ConfigError("'-' (standard input) cannot be combined with other paths")
        if args.fix:
            raise ConfigError("--fix cannot rewrite standard input; use --diff to see the fixes")
        name = args.stdin_filename or "-"
        if settings.force_exclude and args.stdin_filename and excluded_as_named(name, settings.exclude, settings.exclude_base):
            report = RunReport.of((), linter.facts, linter.facts_display)  # as ruff: an excluded name lints nothing
        else:
            report = _lint_stdin(name, linter, settings, fix)
    else:
        bar = progress_bar(sys.stderr, os.environ, time.monotonic) if not args.quiet else None
        try:
            report = lint_paths(paths, linter, selection, reference_date=settings.reference_date, exclude=settings.exclude,
                                exclude_base=settings.exclude_base, force_exclude=settings.force_exclude,
                                git_tracked=settings.git_tracked, fix=fix, jobs=args.jobs, cores=os.cpu_count() or 1, clock=time.perf_counter,
                                progress=bar)
        finally:
            if bar is not None:
                bar.close()
    for out, _ in outputs:
        _refuse_overwrite(out, [r.path for r in report.files if r.path != "-"])
    if args.write_baseline:
        return _write_baseline(args.write_baseline, report)
    if args.diff:
        return _show_diff(report, args)
    cwd = os.getcwd()
    fmt = settings.format
    # the machine formats name paths from the project root (SARIF's %SRCROOT%, GitHub's checkout, CI
    # history); the terminal's from the current folder, where its links open, as ruff's do
    from_cwd = fmt in ("text", "concise") and not args.output
    report = relocated(report, lambda p: shown_path(p, settings.root, cwd, from_cwd))
    if settings.sort == "score":
        report = by_score(report)
    color = use_color(args.color, os.environ, to_terminal=not args.output and sys.stdout.isatty())
    options = RenderOptions(color=color and fmt == "text", statistics=args.statistics, quiet=args.quiet, fail_on=selection.fail_on)
    if args.statistics:
        from .formatters.common import render_statistics

        rendered = render_statistics(report, fmt)
    else:
        rendered = FORMATTERS[fmt](report, options)
    if args.output:
        _write_atomically(args.output, rendered)
    else:
        sys.stdout.write(rendered)
    for r in report.files:
        if r.error and fmt not in ("text",) and not args.output:
            _err(str(r.error))
    if report.errors:
        return EXIT_ERROR
    if selection.fails(report.findings) and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_OK


class ProgressBar:
    """A one-line progress bar on a terminal's standard error: `[#####.....] 120/640 files`.

    Hand-written (thirty lines) rather than a dependency: tqdm or rich would bring a package for
    one line of output. It stays silent for runs shorter than `delay` seconds, redraws at most every
    `interval` seconds, and erases itself when the run ends, so what follows on the terminal (the
    report, on standard output) is as it would be without it. `clock` is the command line's."""

    def __init__(self, stream, clock: Callable[[], float], *, delay: float = 0.5, interval: float = 0.1, width: int = 30):
        self.stream, self.clock, self.delay, self.interval, self.width = stream, clock, delay, interval, width
        self.start = self.last = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if done == 0:
            self.start = now
            return
        if now - self.start < self.delay or (done < total and self.shown and now - self.last < self.interval):
            return
        self.last, self.shown = now, True
        filled = self.width * done // max(total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} files")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")  # back to the line's start, the line erased
            self.stream.flush()
            self.shown = False


def progress_bar(stream, env, clock: Callable[[], float]) -> ProgressBar | None:
    """A progress bar when `stream` is a terminal, and never in CI (`CI` set, as GitHub Actions,
    GitLab and most others set it), on a dumb terminal or in a pipe."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    if not tty or env.get("CI") or env.get("TERM") == "dumb":
        return None
    return ProgressBar(stream, clock)


def _lint_stdin(name: str, linter: Linter, settings: CheckSettings, fix: str | None) -> RunReport:
    """Standard input as one article called `name`."""
    try:
        one = lint_file(name, linter, settings.selection, reference_date=settings.reference_date,
                        data=read_limited(sys.stdin.buffer, name), display_path=name, fix=fix)
    except InputError as exc:  # more than an article's worth of bytes
        one = FileReport(name, None, "none", (), error=exc.record)
    return RunReport.of((one,), linter.facts, linter.facts_display)


def _write_baseline(path: str, report: RunReport) -> int:
    from .baseline import render

    findings = report.findings
    _write_atomically(path, render(report.files, path))
    for e in report.errors:
        _err(str(e))
    n = len(findings)
    _err(f"wrote {path}: {n} finding{'s' if n != 1 else ''} recorded; run with --baseline {path} to report only new ones")
    return EXIT_ERROR if report.errors else EXIT_OK


def _show_diff(report: RunReport, args: argparse.Namespace) -> int:
    """--diff: the safe fixes as one unified diff on standard output; status 1 when there are any."""
    diffs = [r for r in report.files if r.diff]
    text = "".join(r.diff for r in diffs)
    if args.output:
        _write_atomically(args.output, text)
    else:
        sys.stdout.write(text)
    for e in report.errors:
        _err(str(e))
    n = sum(r.fixed for r in diffs)
    if not args.quiet:
        _err(f"{n} safe fix{'es' if n != 1 else ''} in {len(diffs)} file{'s' if len(diffs) != 1 else ''} would be applied by --fix")
    if report.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if diffs else EXIT_OK


def _refuse_overwrite(output: str, protected: list[str]) -> None:
    """A ConfigError when `output` is a folder or the very file (by device and inode: through a
    symbolic or hard link too) of one of `protected`."""
    if os.path.isdir(output):
        raise ConfigError(f"{output}: is a folder; expected a file name")
    try:
        target = os.stat(output)
    except OSError:
        return  # nothing there yet: nothing to overwrite
    for p in protected:
        try:
            st = os.stat(p)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
            raise ConfigError(f"{output}: refusing to overwrite an input file ({p})")


def _write_atomically(path: str, text: str) -> None:
    from .atomic import write_atomically

    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _facts_for_listing(args: argparse.Namespace) -> tuple[str | None, Facts | None]:
    """The facts file for `dates` and `quotes` (for sources: and speakers), when there is one."""
    path = args.facts or find_upward(os.getcwd(), ("facts.yaml", "facts.yml"))
    return path, (_load_facts(path) if path else None)


def _read_all(paths: list[str], facts: Facts | None, facts_display: str, reference: date | None) -> tuple[list[Document], bool]:
    """The readable articles among `paths`; an unreadable one is reported and the others go on."""
    from .runner import load_article

    docs, failed = [], False
    for path in paths:
        try:
            docs.append(load_article(path, facts, facts_display=facts_display, reference_date=reference))
        except FactlintError as exc:
            _err(str(exc))
            failed = True
    return docs, failed


def _dates(args: argparse.Namespace) -> int:
    from .formatters.listings import render_dates
    from .report import DateListing

    facts_path, facts = _facts_for_listing(args)
    reference = parse_reference_date(args.reference_date) if args.reference_date else None
    docs, failed = _read_all(args.paths, facts, _shown(facts_path) if facts_path else "facts.yaml", reference)
    listings = [DateListing.of(doc, day_first=args.day_first) for doc in docs]
    sys.stdout.write(render_dates(listings, args.format, len(args.paths)))
    return EXIT_ERROR if failed else EXIT_OK


def _quotes(args: argparse.Namespace) -> int:
    from .formatters.listings import render_quotes
    from .report import QuoteListing

    facts_path, facts = _facts_for_listing(args)
    linter = Linter.of(facts, facts_display=_shown(facts_path) if facts_path else None)
    from .runner import analyse_article

    docs, failed = _read_all(args.paths, facts, linter.facts_display, None)
    listings = []
    for doc in docs:
        try:
            listings.append(QuoteListing.of(analyse_article(linter, doc)))
        except FactlintError as exc:
            _err(str(exc))
            failed = True
    sys.stdout.write(render_quotes(listings, args.format, len(args.paths)))
    return EXIT_ERROR if failed else EXIT_OK


def _suggest(args: argparse.Namespace) -> int:
    """`factlint suggest`: the articles read as `check` reads them (without facts), drafted into facts
    (`suggest.suggest`), written to -o (never over an existing file without --force, never over an
    article)."""
    from .runner import discover
    from .suggest import suggest

    files, errors = discover(args.paths)
    for e in errors:
        _err(str(e))
    out = args.output
    if out != "-":
        _refuse_overwrite(out, files)
        if os.path.exists(out) and not args.force:
            raise ConfigError(f"{out}: exists; refusing to overwrite it (give --force, or another -o FILE)")
    docs, failed = _read_all(files, None, "facts.yaml", None)
    if not docs:
        raise ConfigError("no article to draft facts from")
    base = os.path.dirname(os.path.abspath(out)) if out != "-" else os.getcwd()
    pairs = [(d, d.path) for d in docs]
    draft, text = suggest(
        pairs, pattern=lambda p: os.path.relpath(os.path.abspath(p), base).replace(os.sep, "/"),
        facts_path=_shown(out) if out != "-" else "facts.draft.yaml", story=args.story, day_first=args.day_first,
    )
    if out == "-":
        sys.stdout.write(text)
    else:
        _write_atomically(out, text)
        c = draft.counts()
        sys.stderr.write(
            f"wrote {printable(_shown(out))}: {c['people']} people, {c['events']} events, {c['quotes']} quotes, "
            f"{c['claims']} claims, {c['sources']} sources; {c['conflicts']} conflicts left out as comments\n"
        )
    return EXIT_ERROR if failed or errors else EXIT_OK


def _init(args) -> int:
    from .facts.loader import SCHEMA_FILE
    from .starter import init, precommit

    if not os.path.isdir(args.folder):
        raise ConfigError(f"{args.folder}: no such folder")
    try:
        outcomes = init(args.folder, SCHEMA_FILE)
    except OSError as exc:
        raise ConfigError(f"{args.folder}: cannot write: {exc.strerror or exc}") from None
    for o in outcomes:
        shown = _shown(o.path)
        sys.stderr.write(f"wrote {shown}\n" if o.written else f"kept {shown}: it exists and is left as it is\n")
    install = _install()
    sys.stderr.write(f"Install factlint where the hooks run: {install.pip}\n")
    sys.stderr.write("Add this to .pre-commit-config.yaml to run factlint on every commit:\n\n")
    sys.stdout.write(precommit(install))
    return EXIT_OK


def _install():
    """How this factlint was installed (pip's direct_url.json), and the git remote and commit of the
    checkout it came from when that is a local git checkout: what `init` tells others to install."""
    import json
    import subprocess
    from importlib import metadata
    from urllib.parse import unquote, urlparse

    from .starter import install_from

    try:
        raw = metadata.distribution("factlint").read_text("direct_url.json")
        direct = json.loads(raw) if raw else None
    except (metadata.PackageNotFoundError, ValueError):
        direct = None
    git: tuple[str | None, str | None] = (None, None)
    if direct and direct.get("url", "").startswith("file://") and not direct.get("vcs_info"):
        folder = unquote(urlparse(direct["url"]).path)

        def ask(*cmd: str) -> str | None:
            try:
                p = subprocess.run(["git", "-C", folder, *cmd], capture_output=True, text=True, timeout=10)
            except (OSError, subprocess.SubprocessError):
                return None
            return p.stdout.strip() or None if p.returncode == 0 else None

        git = (ask("remote", "get-url", "origin"), ask("rev-parse", "HEAD"))
    return install_from(direct, __version__, git)


def _server() -> int:
    """`factlint server`: the language server, when its optional dependency (pygls) is installed."""
    try:
        from .server import serve
    except ImportError as exc:
        raise ConfigError(f"factlint server needs pygls ({exc}); install it with: pip install 'factlint[server]'") from None
    return serve()


def _rule(args) -> int:
    if not args.code:
        width = max(len(r.name) for r in ALL_RULES)
        for r in ALL_RULES:
            sys.stdout.write(f"{r.code}  {r.name.ljust(width)}  {str(r.severity).ljust(7)}  {r.summary}\n")
        return EXIT_OK
    rule = RULES_BY_CODE.get(args.code.upper())
    if rule is None:
        raise ConfigError(f"unknown rule {args.code!r}; expected one of: {', '.join(RULES_BY_CODE)}")
    sys.stdout.write(rule.doc())
    return EXIT_OK


def _facts_test(args) -> int:
    from .fact_examples import run_fact_tests

    path = args.file or find_upward(os.getcwd(), ("facts.yaml", "facts.yml"))
    if not path:
        raise ConfigError("no facts.yaml found here or above; give the file to test")
    facts = _load_facts(path)
    n, failures = run_fact_tests(facts)
    shown = _shown(path)
    for f in failures:
        sys.stdout.write(printable(f"{shown}:{f.line}: {f.message}") + "\n")
    sys.stdout.write(printable(f"{n - len(failures)} passed, {len(failures)} failed ({n} examples in {shown})") + "\n")
    if any(f.timed_out for f in failures):
        return EXIT_ERROR  # a runaway regex is an error of facts.yaml, as in `factlint check`
    return EXIT_FINDINGS if failures else EXIT_OK


def _validate(args) -> int:
    path = args.file or find_upward(os.getcwd(), ("facts.yaml", "facts.yml"))
    if not path:
        raise ConfigError("no facts.yaml found here or above; give the file to validate")
    try:
        facts = _load_facts(path)
    except FactsError as exc:
        sys.stderr.write("".join(printable(str(p)) + "\n" for p in exc.problems))
        n = len(exc.problems)
        sys.stderr.write(printable(f"factlint: {n} problem{'s' if n != 1 else ''} in {path}") + "\n")
        return EXIT_ERROR
    sys.stdout.write(
        f"{printable(path)}: valid (schema version {facts.version}: {len(facts.people)} people, {len(facts.events)} events, "
        f"{len(facts.quotes)} quotes, {len(facts.claims)} claims, {len(facts.sources)} sources)\n"
    )
    return EXIT_OK


__all__ = ["main"]
