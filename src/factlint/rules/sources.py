"""FL5xx: the articles of one run checked against each other, where no curated fact decides.

FL501 is a story-level rule: it reads no single `Analysis` (its `check` yields nothing); the run's
story stage (`factlint.story`) compares the articles' summaries after every article is analysed
and makes its diagnostics. Its examples are stories: articles separated by a line `---`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Severity
from .base import Diagnostic, Example, Rule

# The line between the articles of a story-level example.
ARTICLE_BREAK = "\n---\n"


class SourcesDisagree(Rule):
    code = "FL501"
    name = "sources-disagree"
    severity = Severity.WARNING
    verdict = "unsupported"
    default_enabled = False
    story_level = True
    summary = "Two articles of the run state the same thing differently where no curated fact decides."
    what_it_does = """
After every article of a run is analysed, compares what the articles sharing the run's facts file say
about the same thing, and reports the minority reading on its line, the other articles' readings as
related locations ("elsewhere: path:line: ..."; SARIF `relatedLocations`). With two readings and no
majority, each is reported. The kinds, precise ones only:

- the same speaker's quote worded differently (the words aligned as FL201 aligns them; an ellipsis,
  a `[bracketed]` insertion, a partial quote or a quote inside a longer one is no disagreement);
- a person's name spelled differently by one article (one or two edits on one capitalised word of
  the name) while at least two other articles spell it the other way; never when one article writes
  both spellings (two people) or both words are first names ("John" and "Joan");
- a figure of the same unit and subject (the same three words before it, the same noun after it,
  no other date in its sentence) that differs beyond rounding ("$1.27 billion" and "$1.3 billion"
  agree; "two tankers" and "three tankers" do not); hedged figures ("about", "more than") are not
  compared.

A curated fact always wins: a quote that matches or misquotes a curated quote, a name that is or
nearly is a curated name, a figure tied to a curated claim is left to FL201, FL301 and FL402.
Opt-in (`--extend-select FL501`).
"""
    why_it_matters = """
Where nobody has curated a fact yet, outlets that disagree with each other still show that at least
one of them is wrong: one quotes "our workers", another "the workers"; one counts two tankers,
another three. A monitoring desk wants those places before it curates anything.
"""
    example = """
wire.txt:    "We will rebuild the plant in Ohio," Jane Doe said.
herald.txt:  "We will rebuild the plant in Ohio," Jane Doe said.
post.txt:    "We will rebuild the factory in Ohio," Jane Doe said.
finding:     post.txt:1:1: FL501 the articles quote Jane Doe differently: found 'the factory in',
             2 other articles say 'the plant in'
             = elsewhere: wire.txt:1: 'the plant in'
"""
    use_instead = "Check the speaker's words against the recording or transcript, then curate the quote in facts.yaml."
    flags = (
        Example('"We will rebuild the plant in Ohio this year," Jane Doe said.' + ARTICLE_BREAK
                + '"We will rebuild the plant in Ohio this year," Jane Doe said.' + ARTICLE_BREAK
                + '"We will rebuild the factory in Ohio this year," Jane Doe said.'),
        # two articles, no majority: each reading is reported, the other as its related location
        Example("Police said the storm sank two tankers near the port." + ARTICLE_BREAK
                + "Police said the storm sank three tankers near the port.", count=2),
        Example("Mayor Anna Kowalczyk opened the bridge." + ARTICLE_BREAK + "Mayor Anna Kowalczyk opened the bridge."
                + ARTICLE_BREAK + "Mayor Anna Kowalcyk opened the bridge."),
    )
    passes = (
        Example('"We will rebuild the plant in Ohio this year," Jane Doe said.' + ARTICLE_BREAK
                + 'Jane Doe said: "We will rebuild the plant ... this year."' + ARTICLE_BREAK
                + 'Jane Doe promised to "rebuild the plant in Ohio."'),
        Example("The company lost $1.27 billion in the quarter." + ARTICLE_BREAK + "The company lost $1.3 billion in the quarter."),
        Example("Mayor Anna Kowalczyk opened the bridge." + ARTICLE_BREAK + "Mayor Anna Kowalcyk opened the bridge."),
        Example("John Smith and Joan Smith opened the bridge." + ARTICLE_BREAK + "John Smith opened the bridge."
                + ARTICLE_BREAK + "Joan Smith opened the bridge."),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        return iter(())  # story-level: see factlint.story


__all__ = ["ARTICLE_BREAK", "SourcesDisagree"]
