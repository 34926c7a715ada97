"""FL4xx: claims. Contradicted claims, wrong figures, and check-worthy sentences no fact backs."""

from __future__ import annotations

import math
from collections.abc import Iterator

from ..compiled import consistent, same_value
from ..extract.claims import Figure, parse_unit, value_in
from ..facts.model import Claim
from ..model import FactRef, Severity, Span
from .base import Diagnostic, Example, Rule


def _ref(analysis, claim) -> FactRef:
    return FactRef(claim.id, "claim", analysis.facts_display, claim.line)


class ContradictedClaim(Rule):
    code = "FL401"
    name = "contradicted-claim"
    severity = Severity.ERROR
    summary = "A wording that a curated claim lists under `contradicts` appears."
    what_it_does = """
Scans for every claim's `contradicts` patterns (phrases, matched after folding case, quote marks,
dashes and white space, or `{regex: ...}` patterns) and reports each match with the claim it
contradicts. One mistake gives one finding: a match whose wrong number FL402 reports for the same
claim ("launched three short-range ballistic missiles") is not reported beside FL402's finding,
which names the claim and both numbers (it is when FL402 is ignored or suppressed there).
"""
    why_it_matters = """
Some errors recur in predictable wordings (the wrong count of missiles, the wrong country); writing
them down once lets every draft be checked for them.
"""
    example = """
facts.yaml:  srbm-launch: contradicts: [{regex: "launched (?:a|one|three) short-range ballistic missiles?"}]
article:     North Korea launched a short-range ballistic missile.
finding:     FL401 contradicts claim srbm-launch (facts.yaml:3): North Korea launched two short-range ballistic missiles
"""
    flags = (
        Example("On Wednesday, North Korea launched a short-range ballistic missile."),
        # a wrong number in the claim's words: FL402's finding covers this one where both run
        Example("On Wednesday, North Korea launched three short-range ballistic missiles."),
    )
    passes = (Example("On Wednesday, North Korea launched two short-range ballistic missiles."),)

    def check(self, analysis) -> Iterator[Diagnostic]:
        for m in analysis.claim_mentions:
            if m.stance != "contradicts":
                continue
            claim = analysis.claims_by_id[m.claim_id]
            ref = _ref(analysis, claim)
            found = analysis.document.text[m.start : m.end]
            yield Diagnostic(
                Span(m.start, m.end),
                f"contradicts claim {claim.id} ({ref.path}:{ref.line}): {claim.statement}",
                expected=claim.statement,
                found=found,
                fact=ref,
            )


def mismatches(analysis) -> list[tuple[Figure, Claim, float]]:
    """The tied figures that disagree with their claim's value, with the value in the claim's unit
    ("two decades" for a claim in years: 20), within its tolerance and the figure's hedge."""
    out = []
    for fig, claim in analysis.claim_figures:
        f = claim.figure
        assert f is not None  # a tied claim has a figure
        stated = value_in(fig, parse_unit(f.unit))
        if not consistent(stated, fig.hedge, f.value, f.tolerance):
            out.append((fig, claim, stated))
    return out


def _number(v: float) -> str:
    return str(int(v)) if math.isfinite(v) and v == int(v) else f"{v:g}"


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _fmt(v: float) -> str:
    """A number as a reader writes it: 44.6 billion, 1,234,567, 2, 0.5."""
    if not math.isfinite(v):
        return str(v)
    for scale, word in _SCALES:
        if abs(v) >= scale and round(v / scale, 3) * scale == v:
            return f"{round(v / scale, 3):g} {word}"
    if v == int(v):
        return f"{int(v):,}" if abs(v) >= 10_000 else str(int(v))
    return f"{v:g}"


class NumberMismatch(Rule):
    code = "FL402"
    name = "number-mismatch"
    severity = Severity.ERROR
    summary = "A figure tied to a curated claim differs from the claim's value."
    what_it_does = """
Reads figures in digits and words ("2", "two", "a dozen", "1.5 million") with their hedges ("about",
"more than", "at least", "nearly") and their units ("%", "per cent", "US$", "decades"; the units
table `data/units.txt`). A figure counts for a claim when it is written the way one of the claim's
`supports` wordings is, with another number ("launched three short-range ballistic missiles" for
"launched two ..."; a short wording such as "close five plants" only after the claim's subject,
"GM", in the sentence), when its unit is the claim's of two words or more after the claim's subject
("North Korea fired three short-range ballistic missiles"), or when its noun is the claim's unit in
a sentence that holds one of the claim's wordings. It must then agree with the claim's value, compared in the claim's unit ("almost
two decades" is below 20 years), within the claim's tolerance and the hedge, or the figure's own
rounding when it is written round to thousands or beyond with three significant digits ("367,000"
for 367,491). A figure that states
another claim's value, sits in a sentence dated on another day, month or year than the claim's
statement gives (its days compared with the statement's days; a month or year written before the
figure with every date the statement gives: "In the 2012 vote, 61 percent ..." for a claim of
2016), with no date of its own is in an article written before every day the statement gives (an
earlier count), or follows in its sentence the name of a curated person other than the
one the claim is about (and not that one's: "Baker would need 60 percent of the remaining
delegates" for a claim about Rivera's; a person set aside in commas as the source, "Acme Corp, Tom
Baker said, cut 700 jobs", is no other subject) is left alone. A number after a capitalised word is
a name's ("Trent 900 engines", "the FTSE 100"), unless a share follows it ("Rivera led Baker 47
percent to 39 percent": units flagged `share` in `data/units.txt`).
"""
    why_it_matters = "Numbers are the facts readers remember and repeat; a wrong one travels far."
    example = """
facts.yaml:  srbm-launch: figure: {value: 2, unit: short-range ballistic missiles}
article:     North Korea launched three short-range ballistic missiles.
finding:     FL402 expected 2 short-range ballistic missiles (facts.yaml:3, claim srbm-launch), found 3
"""
    flags = (
        Example("South Korea said the North launched 3 short-range ballistic missiles on Wednesday."),
        Example("On Wednesday, North Korea launched three short-range ballistic missiles."),
        Example("The North launched one short-range ballistic missile."),  # one noun, singular or plural
        Example("The U.S. imposed sanctions on four entities earlier this month."),
        Example("North Korea fired three short-range ballistic missiles."),  # the unit after the subject
    )
    passes = (
        Example("South Korea said the North launched two short-range ballistic missiles on Wednesday."),
        Example("The U.S. imposed sanctions on three entities earlier this month."),
        Example("The U.S. flew at least one long-range bomber to the peninsula."),
        Example("Officials said three entities in Iran were also under review."),
        Example("On Monday, North Korea launched three short-range ballistic missiles."),  # another day
        Example("South Korea fired three short-range ballistic missiles in a drill."),  # another subject
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        for fig, claim, stated in mismatches(analysis):
            f = claim.figure
            assert f is not None  # a tied claim has a figure
            ref = _ref(analysis, claim)
            expected = f"{_fmt(f.value)} {f.unit}"
            # a figure in another size of the unit shows how it was read: "found 10 (1 x 10 years)"
            read = f"{_fmt(fig.value)} x {_fmt(fig.factor)} {fig.unit}" if fig.factor != 1 else f"{_fmt(fig.value)} {fig.unit or ''}"
            written = "" if same_value(stated, fig.value) else f" ({read.strip()})"
            # the claim's `contradicts` wording around this number says the same mistake (FL401)
            covers = tuple(
                ("FL401", Span(m.start, m.end))
                for m in analysis.claim_mentions
                if m.stance == "contradicts" and m.claim_id == claim.id and m.start <= fig.start < m.end
            )
            yield Diagnostic(
                Span(fig.start, fig.end),
                f"expected {expected} ({ref.path}:{ref.line}, claim {claim.id}), found {_fmt(stated)}{written}"
                + (f" ({fig.hedge})" if fig.hedge else ""),
                expected=expected,
                found=_number(stated),  # a value for machines; the message has the reader's form
                fact=ref,
                covers=covers,
            )


class UnsupportedClaim(Rule):
    code = "FL403"
    verdict = "unsupported"
    default_enabled = False
    name = "unsupported-claim"
    severity = Severity.INFO
    summary = "A check-worthy sentence that no curated fact covers (opt-in: --extend-select FL403)."
    what_it_does = """
Scores each sentence's check-worthiness from features declared in `data/checkworthy.txt`, each
with its weight and meaning: evidence for (a figure, an amount, statistics words, comparisons and
superlatives, changes such as "doubled" or "cut", records such as "voted for" or "signed", causal
words, a dated event, a quote or an attribution, names) and against (a question, an opinion or a
feeling, a promise about the future, a greeting, procedure, the speaker's own story, a moderator's
line in a transcript, a live blog's timestamp), plus a lexicon of common words whose weights were
learned with the rest, and the context: a sentence gains a share of the best score among its
speaker's sentences next to it (a claim is argued over several sentences). A sentence whose score reaches `fl403-min-score`
(configuration; the table's threshold by default) and that no curated fact covers (no event
mention, claim wording, curated quote or checked figure) is reported, with its score (in JSON and
SARIF too); `--sort score` lists each article's FL403 findings most check-worthy first. A
sentence's words are read with their contractions spelled out ("didn't": did, not). Each
article's claim coverage (covered / check-worthy sentences) is in the text summary and the JSON
whether or not the rule is selected. In a transcript, a paragraph opening with a
speaker label ("TRUMP:", "MODERATOR:") is read as that speaker's. The rule is off by default and
turned on with `--extend-select FL403` (or a selection that names it, such as `FL4`).
"""
    why_it_matters = """
What no fact backs has not been checked. Listing the sentences most worth checking first tells an
editor where the curated record ends and where a second source is still needed.
"""
    example = """
article:  Unemployment doubled in Ohio between 2008 and 2010, the governor said.
finding:  FL403 check-worthy sentence (score 0.62: figure, measured, change, ...) that no curated fact covers
"""
    flags = (
        Example("An official said on Thursday that 40 warships had left the port."),
        Example("Unemployment in Ohio doubled to 12 percent between 2008 and 2010."),
        Example("TRUMP: We lost 70,000 factories to China since 2001."),
    )
    passes = (
        Example("The weather was mild."),
        Example("Shoigu's visit to Pyongyang on July 27 was meant to secure shells."),
        Example("MODERATOR: Senator, you said in 2015 that taxes would rise by 10 percent, is that right?"),
        Example("Thank you all for coming tonight."),
        Example("I think we will do great things together."),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        for s in analysis.worthy_sentences():
            if not s.covered:
                yield Diagnostic(
                    Span(s.start, s.end),
                    f"check-worthy sentence (score {s.score:.2f}: {', '.join(s.worthy) or 'no evidence for'}) "
                    "that no curated fact covers",
                    found=", ".join(s.worthy),
                    score=round(s.score, 4),
                )
