"""`factlint init`: a commented starter facts.yaml and configuration, and the pre-commit entry.

Nothing is overwritten: a file that exists is left as it is and said so.
"""

from __future__ import annotations

import os

from .records import dataclass

FACTS = """\
# The canonical facts of one story: what every article about it is checked against.
# Curate each value from a source you trust; a comment saying which source helps the next editor.
# Check the file with `factlint facts validate`, its examples with `factlint facts test`;
# `factlint facts schema` prints the JSON Schema (for editor completion).
version: 1
story: "Example: Riverton council votes on the new bridge"   # replace with your story

# Articles and what is known about them; `published` is the date relative dates are read against
# ("yesterday", "on Tuesday"). Paths are relative to this file.
sources: {}
#  articles/bridge-vote.md:
#    outlet: The Riverton Ledger
#    published: 2026-03-04

# People: the spelling to use, other accepted spellings, the titles they may be given.
people:
  - id: example-mayor                  # replace: one entry a person or organization
    name: Dana Example
    aliases: [Example]                  # other accepted ways to name them ("Mayor Example")
    titles:
      - Mayor of Riverton               # "Mayor of Riverton Dana Example", "Dana Example, the mayor of Riverton"
      # - {title: Riverton city manager, until: 2025-12-31}   # a former title: stale after that date
    # not: [Dan Example]                # near names that are someone else: never reported as misspellings

# Events: what happened when. Dates are YYYY-MM-DD, YYYY-MM, YYYY, or {from: ..., to: ...}.
events:
  - id: example-vote
    what: the council's vote on the bridge
    date: 2026-03-03
    mentions: ["vote on the bridge", "bridge vote"]   # how articles refer to it (phrases; `regex:` for patterns)

# Quotes: the exact words, as said, and who said them.
quotes:
  - id: example-quote
    speaker: example-mayor
    said: 2026-03-03
    text: "This bridge will serve the town for a hundred years."

# Claims: checkable statements; `supports` phrases back them, `contradicts` patterns contradict them,
# a `figure` is compared with the numbers articles give (digits or words, hedges allowed).
claims:
  - id: example-vote-count
    statement: the council approved the bridge by seven votes to two
    supports: ["approved the bridge by seven votes to two"]
    contradicts:
      - regex: 'approved the bridge by (?:six|eight|nine) votes'
    figure: {value: 7, unit: votes}
    tests:                              # examples `factlint facts test` checks
      match: ["The council approved the bridge by eight votes to one."]
      no_match: ["The council approved the bridge by seven votes to two."]
"""

CONFIG = """\
# factlint's settings (the same keys work under [tool.factlint] in pyproject.toml).
# Every key is optional; these are the defaults unless said otherwise.

facts = "facts.yaml"            # the facts file, relative to this file
# select = ["FL"]               # rule-code prefixes to report (FL1 dates, FL2 quotes, FL3 names, FL4 claims)
# extend-select = ["FL403"]     # add opt-in rules: FL403 lists check-worthy sentences no fact covers
# ignore = []                   # prefixes to drop
# fail-on = "error"             # the lowest severity that fails a run: error, warning or info
# format = "text"               # text, concise, json, jsonl, github, sarif, junit, html
# articles = ["articles"]       # what `factlint check` lints when given no path (default: .)
# exclude = ["drafts/*"]        # globs skipped when walking folders (relative to this file)
# force-exclude = false         # skip them among the files named too (--force-exclude; the hooks pass it)
# day-first = false             # read 3/4/2026 as 3 April
# baseline = "factlint-baseline.json"   # report only findings not recorded here (--write-baseline)

# [severity]                    # per rule (or prefix): error, warning or info
# FL203 = "info"

# [per-file-ignores]            # glob (relative to this file) = [prefixes]
# "archive/*" = ["FL2"]
"""

PRECOMMIT = """\
# .pre-commit-config.yaml: factlint as installed in the environment the hooks run in
repos:
  - repo: local
    hooks:
      - id: factlint
        name: factlint
        entry: factlint check --force-exclude
        language: system
        files: \\.(txt|md|markdown|html?)$
      - id: factlint-facts
        name: factlint (corpus, when facts change)
        entry: factlint check --force-exclude --git-tracked
        language: system
        files: (^|/)facts\\.ya?ml$
        pass_filenames: false
"""


@dataclass(frozen=True)
class Install:
    """How this factlint can be installed elsewhere (CI, a colleague's clone): the pip command,
    and the repository and revision pre-commit can install it from, when they are known."""

    pip: str
    repo: str | None = None
    rev: str | None = None
    note: str = ""


def pip_git_url(remote: str, checkout: str | None = None) -> str:
    """A git remote as pip's `git+URL` takes it: a URL as it is; scp-like `git@host:owner/repo` as
    `ssh://git@host/owner/repo`; a folder (a clone of a local repository) as a `file://` URL,
    a relative one read from the `checkout` folder it was configured in."""
    import os
    import re
    from urllib.parse import quote, unquote

    if "://" in remote:
        return remote
    scp = re.fullmatch(r"([\w.-]+@)?([\w.-]+):(?!//)(.+)", remote)
    if scp and not re.fullmatch(r"[A-Za-z]", scp.group(2)):  # (not a Windows drive, "C:\\repo")
        return f"ssh://{scp.group(1) or ''}{scp.group(2)}/{scp.group(3).lstrip('/')}"
    path = remote if os.path.isabs(remote) or checkout is None else os.path.join(unquote(checkout), remote)
    return "file://" + quote(os.path.normpath(os.path.abspath(path)).replace(os.sep, "/"))


def install_from(direct_url: dict | None, version: str, git: tuple[str | None, str | None] = (None, None)) -> Install:
    """The install line for a factlint installed as `direct_url` says (pip's direct_url.json, PEP
    610; None: from a package index). `git` is (remote URL, commit) of the checkout it was
    installed from, when that is a git checkout."""
    if direct_url is None:
        return Install(f"pip install factlint=={version}")
    vcs = direct_url.get("vcs_info")
    url = direct_url.get("url", "")
    if vcs and vcs.get("vcs") == "git" and vcs.get("commit_id"):
        return Install(f"pip install git+{url}@{vcs['commit_id']}", url, vcs["commit_id"])
    remote, commit = git
    if remote and commit:
        remote = pip_git_url(remote, url[len("file://"):] if url.startswith("file://") else None)
        return Install(f"pip install git+{remote}@{commit}", remote, commit,
                       "the commit of the checkout factlint was installed from; it must be pushed to that remote")
    path = url[len("file://"):] if url.startswith("file://") else url
    from urllib.parse import unquote

    return Install(
        f"pip install {unquote(path)}" if path else "pip install .",
        note=("factlint was installed from a checkout with no git remote: install it the same way from that "
              "checkout (pip install . inside it), or push it somewhere CI can reach and use "
              "pip install git+URL@COMMIT"),
    )


def precommit(install: Install) -> str:
    """The pre-commit entry `factlint init` prints: the local hooks, and the install line they need
    (the hooks this repository publishes, pinned to a commit, when its address is known)."""
    head = f"# install factlint where the hooks run (each clone, CI): {install.pip}\n"
    if install.note:
        head += f"#   ({install.note})\n"
    text = head + PRECOMMIT
    if install.repo and install.rev:
        text += (
            "# or let pre-commit install factlint itself, from the hooks its repository publishes, pinned:\n"
            f"#  - repo: {install.repo}\n"
            f"#    rev: {install.rev}   # a commit or a tag (v0.2.0); `pre-commit autoupdate` moves it to the newest tag\n"
            "#    hooks: [{id: factlint}, {id: factlint-facts}]\n"
        )
    return text


def schema_line(schema_path: str, folder: str) -> str:
    """The first line of a starter facts.yaml: editors with the YAML language server (VS Code's
    YAML extension, Neovim's yamlls) complete and check the file against factlint's JSON Schema.
    The path is relative to the folder when the schema lies inside it (a project's own .venv),
    else absolute."""
    schema = os.path.abspath(schema_path)
    rel = os.path.relpath(schema, os.path.abspath(folder))
    shown = rel if not rel.startswith(os.pardir) else schema
    return f"# yaml-language-server: $schema={shown.replace(os.sep, '/')}\n"


@dataclass(frozen=True)
class Outcome:
    path: str
    written: bool


def init(folder: str, schema_path: str | None = None) -> list[Outcome]:
    """Write the starter facts.yaml and factlint.toml into `folder` where they do not exist yet;
    facts.yaml opens with the line that points editors at `schema_path` (factlint's JSON Schema)."""
    out = []
    facts = (schema_line(schema_path, folder) if schema_path else "") + FACTS
    for name, text in (("facts.yaml", facts), ("factlint.toml", CONFIG)):
        path = os.path.join(folder, name)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)  # never replaces a file
        except FileExistsError:
            out.append(Outcome(path, False))
            continue
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        out.append(Outcome(path, True))
    return out
