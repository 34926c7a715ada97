"""Fingerprints of findings, and the baseline file that lets an archive adopt factlint.

A fingerprint names a finding by what it is, not where it is: the rule, the fact it compares with,
the matched text (case folded, white space collapsed) and, for the same three repeated in one file,
which occurrence it is. Editing other lines, or moving the sentence, keeps it; changing the words
it points at, or fixing the mistake, does not. SARIF's `partialFingerprints` carry the same value.

The baseline file (JSON, written with `--write-baseline FILE`):

    {"version": 1, "tool": "factlint",
     "findings": [{"path", "code", "fact", "matched", "key", "context"}, ...]}

`key` hashes the rule, the fact and the normalized matched text; `context` hashes the normalized
line the finding is on. Paths are relative to the baseline file's folder, with "/" separators, so
the file works from any working folder and on any system.

`--baseline FILE` hides the findings it lists and fails only on the others. Findings are matched by
`key`, as many as were recorded; when a file now has more findings with one key than the baseline
recorded (the same misspelling written once more), those whose line is unchanged are the old ones
and the others are new, so the new mistake is the one reported, wherever it was added.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter

from .document import Document
from .errors import ConfigError
from .model import Finding
from .records import dataclass

VERSION = 1


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def fingerprints(findings: list[Finding]) -> list[str]:
    """The fingerprint of each finding, in order (occurrences counted per file, in position order)."""
    seen: Counter = Counter()
    out = [""] * len(findings)
    for i in sorted(range(len(findings)), key=lambda i: findings[i].sort_key()):
        f = findings[i]
        key = (f.path, f.code, f.fact.fact_id if f.fact else "", _norm(f.matched))
        n = seen[key]
        seen[key] += 1
        out[i] = hashlib.sha256("\0".join((*key[1:], str(n))).encode("utf-8")).hexdigest()[:32]
    return out


def finding_key(f: Finding) -> str:
    """The rule, the fact and the matched text, hashed: what the baseline matches findings by."""
    return hashlib.sha256("\0".join((f.code, f.fact.fact_id if f.fact else "", _norm(f.matched))).encode("utf-8")).hexdigest()[:32]


def context_hash(doc: Document, f: Finding) -> str:
    return hashlib.sha256(_norm(doc.line_text(f.start.line)).encode("utf-8")).hexdigest()[:16]


def _rel(path: str, base_dir: str) -> str:
    return os.path.relpath(os.path.abspath(path), base_dir).replace(os.sep, "/")


@dataclass(frozen=True)
class Baseline:
    """The findings recorded in a baseline file, by path (relative to `base_dir`) and key."""

    base_dir: str
    entries: tuple[tuple[str, str, str], ...]  # (path, key, context)

    def split(self, doc: Document, findings: list[Finding]) -> tuple[list[Finding], int]:
        """The findings of `doc` the baseline does not hold, and how many it does."""
        rel = _rel(doc.path, self.base_dir)
        recorded: dict[str, list[str]] = {}
        for path, key, context in self.entries:
            if path == rel:
                recorded.setdefault(key, []).append(context)
        if not recorded:
            return list(findings), 0
        keys = [finding_key(f) for f in findings]
        contexts = [context_hash(doc, f) for f in findings]
        hidden = [False] * len(findings)
        for key, ctxs in recorded.items():
            mine = [i for i, k in enumerate(keys) if k == key]
            budget = len(ctxs)
            left = list(ctxs)
            for i in mine:  # first the findings on lines the baseline saw
                if budget and contexts[i] in left:
                    left.remove(contexts[i])
                    hidden[i] = True
                    budget -= 1
            for i in mine:  # then, in order, as many more as were recorded
                if budget and not hidden[i]:
                    hidden[i] = True
                    budget -= 1
        new = [f for f, h in zip(findings, hidden) if not h]
        return new, len(findings) - len(new)


def load(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        raise ConfigError(f"--baseline {path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}:1:1: a baseline is UTF-8 JSON; this file is not UTF-8") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}:{exc.lineno}:{exc.colno}: not a factlint baseline: {exc.msg}") from None
    if not isinstance(doc, dict) or doc.get("version") != VERSION or not isinstance(doc.get("findings"), list):
        raise ConfigError(f"{path}:1:1: not a factlint baseline: expected {{\"version\": 1, \"findings\": [...]}}")
    entries = []
    for i, e in enumerate(doc["findings"]):
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in ("path", "key", "context")):
            raise ConfigError(f"{path}: findings[{i}]: expected an object with \"path\", \"key\" and \"context\" strings")
        entries.append((e["path"], e["key"], e["context"]))
    return Baseline(os.path.dirname(os.path.abspath(path)), tuple(entries))


def render(files, path: str) -> str:
    """The baseline file recording the findings of `files` (FileReports), written at `path`."""
    base_dir = os.path.dirname(os.path.abspath(path))
    rows = [
        {"path": _rel(f.path, base_dir), "code": f.code, "fact": f.fact.fact_id if f.fact else None,
         "matched": f.matched, "key": finding_key(f), "context": context_hash(r.document, f)}
        for r in files if r.document is not None for f in r.findings
    ]
    rows.sort(key=lambda r: (r["path"], r["code"], r["key"], r["context"]))
    return json.dumps({"version": VERSION, "tool": "factlint", "findings": rows}, indent=2, ensure_ascii=False) + "\n"
