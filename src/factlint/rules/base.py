"""What a rule is: identity, default severity, documentation, examples and a check.

A rule reads the analysed document (`Analysis`) and yields `Diagnostic`s; it never prints and
never decides whether a finding is shown: that is `factlint.selection`'s job.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from typing import TYPE_CHECKING, ClassVar, Literal

from ..model import FactRef, Fix, Related, Severity, Span
from ..records import dataclass

if TYPE_CHECKING:
    from ..analysis import Analysis


@dataclass(frozen=True)
class Example:
    """An article snippet a rule must flag (in `flags`) or must pass (in `passes`).

    `reference_date` is the article's "now"; `count` is how many findings of the rule it gives.
    """

    text: str
    reference_date: str | None = "2023-09-01"
    count: int = 1


@dataclass(frozen=True)
class Diagnostic:
    """What a rule found, in prose offsets; the engine adds the code, severity and location."""

    span: Span
    message: str
    expected: str | None = None
    found: str | None = None
    fact: FactRef | None = None
    fix: Fix | None = None
    notes: tuple[str, ...] = field(default=())
    # other rules' findings this one says all of (code, span): one mistake, one finding. The
    # decision point drops such a finding when this one is reported (`Selection.decide`).
    covers: tuple[tuple[str, Span], ...] = field(default=())
    # how check-worthy the place is (FL403), between 0 and 1; None for rules that do not score
    score: float | None = None
    # other places the finding speaks of (FL501: the other articles' readings)
    related: tuple[Related, ...] = field(default=())


# What a rule's finding says of the article: it contradicts the record, it states what no fact
# backs, or it is a note about the checking itself. The HTML matrix reads it.
Verdict = Literal["contradiction", "unsupported", "info"]


class Rule:
    """Base class. Subclasses set the class attributes and implement `check`.

    `default_enabled` is False for a rule that reports as long as an article (FL403): it runs only
    when a prefix more specific than "FL" selects it (`--extend-select FL403`).
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    verdict: ClassVar[Verdict] = "contradiction"
    default_enabled: ClassVar[bool] = True
    # a rule of the story stage (FL501): it compares the articles of a run, not one analysis
    story_level: ClassVar[bool] = False
    summary: ClassVar[str]
    what_it_does: ClassVar[str]
    why_it_matters: ClassVar[str]
    example: ClassVar[str]
    use_instead: ClassVar[str] = ""
    flags: ClassVar[tuple[Example, ...]] = ()
    passes: ClassVar[tuple[Example, ...]] = ()

    def check(self, analysis: "Analysis") -> Iterator[Diagnostic]:
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        """The rule's page, as `factlint rule CODE` prints it."""
        parts = [
            f"{cls.code} {cls.name} (default severity: {cls.severity})",
            "",
            cls.summary,
            "",
            "## What it does",
            cls.what_it_does.strip(),
            "",
            "## Why it matters",
            cls.why_it_matters.strip(),
            "",
            "## Example",
            cls.example.strip(),
        ]
        if cls.use_instead:
            parts += ["", "## Use instead", cls.use_instead.strip()]
        return "\n".join(parts) + "\n"

    @classmethod
    def markdown(cls) -> str:
        """The rule's page in Markdown, as `docs/rules/CODE.md` holds it (SARIF's helpUri links there)."""
        parts = [
            f"# {cls.code} {cls.name}",
            "",
            f"Default severity: {cls.severity}." + ("" if cls.default_enabled else f" Opt-in: `--extend-select {cls.code}`."),
            "",
            cls.summary,
            "",
            "## What it does",
            "",
            cls.what_it_does.strip(),
            "",
            "## Why it matters",
            "",
            cls.why_it_matters.strip(),
            "",
            "## Example",
            "",
            "```",
            cls.example.strip(),
            "```",
        ]
        if cls.use_instead:
            parts += ["", "## Use instead", "", cls.use_instead.strip()]
        return "\n".join(parts) + "\n"
