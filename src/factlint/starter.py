"""`factlint init`: a commented starter facts.yaml and configuration, and the pre-commit entry.

Nothing is overwritten: a file that exists is left as it is and said so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

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
# .pre-commit-config.yaml: factlint as installed in this environment (pip install factlint)
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
# or, from a clone of factlint's repository, the hooks it publishes (.pre-commit-hooks.yaml):
#  - repo: <factlint's repository>
#    rev: <a tag>
#    hooks: [{id: factlint}, {id: factlint-facts}]
"""


@dataclass(frozen=True)
class Outcome:
    path: str
    written: bool


def init(folder: str) -> list[Outcome]:
    """Write the starter facts.yaml and factlint.toml into `folder` where they do not exist yet."""
    out = []
    for name, text in (("facts.yaml", FACTS), ("factlint.toml", CONFIG)):
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
