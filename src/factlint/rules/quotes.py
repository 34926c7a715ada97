"""FL2xx: quotes. Misquotes, quotes in the wrong mouth, and direct speech no fact backs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import MISQUOTE_KINDS
from ..model import FactRef, Fix, Severity, Span
from ..normalize.quotes import surface_pattern
from .base import Diagnostic, Example, Rule


# matches that are a curated quote's words unchanged ("contains", a whole curated quote with more
# words around it, is not: the speaker may be quoting its owner, '"..., as they told me, '...'"')
_WORD_FOR_WORD = ("exact", "minor")
SHARED_PHRASE = 6  # words a partial quote needs before its words can only be one person's
ACROSS_SPEAKERS = 8  # words a near miss must keep to be one person's misquoted words, whoever speaks
ACROSS_NAMED = 12  # and when the text names another curated person as the speaker


def _misquote_of(attribution, speakers, m, n_words: int) -> bool:
    """Whether a misquote of a curated quote is evidence enough, given who the text credits:
    its speaker (named, continued, or the one person a pronoun can be): any misquote; no one, or a
    guess between several: eight words kept; another
    curated person named: twelve; someone named who is not curated: never (their own words)."""
    kept = m.aligned if m.kind == "near" else n_words
    likely = attribution.confident or attribution.via in ("pronoun", "continuation")
    if attribution.speaker in speakers and likely:
        return True
    if attribution.via == "other":
        return False
    if attribution.speaker and attribution.confident:
        return kept >= ACROSS_NAMED
    return kept >= ACROSS_SPEAKERS


def _names(analysis, ids) -> str:
    """'Linda Thomas-Greenfield', or 'Linda Thomas-Greenfield (or John Kirby)' for shared words."""
    people = [p for p in (analysis.person(i) for i in ids) if p] if analysis.facts else []
    if not people:
        return "?"
    rest = f" (or {', '.join(p.name for p in people[1:])})" if len(people) > 1 else ""
    return people[0].name + rest


def _snippet(text: str, words: int = 8) -> str:
    """A quote's first words in curly quotes, as a message names it: “We remain concerned …”."""
    parts = text.strip(" \t\n\"“”‘’'").split()
    n = counted = 0
    while n < len(parts) and counted < words:  # dashes and other marks are no words
        counted += any(ch.isalnum() for ch in parts[n])
        n += 1
    shown = " ".join(parts[:n]).rstrip(",;:") + (" …" if n < len(parts) else "")
    return f"“{shown}”"


def _ref(analysis, quote_id: str) -> FactRef:
    q = analysis.quote_index.quotes[quote_id]
    return FactRef(q.id, "quote", analysis.facts_display, q.line)


class Misquote(Rule):
    code = "FL201"
    name = "misquote"
    severity = Severity.ERROR
    summary = "A quote close to a curated quote but not its words."
    what_it_does = """
Compares every direct quote with the curated quotes after folding case, quote marks, dashes, white
space and punctuation. Legitimate edits pass: a partial quote, an ellipsis whose fragments keep
their order within one curated quote, a `[bracketed]` insertion or replacement of a few words, a
changed first letter. A quote that keeps most of a curated quote's words but changes some, reorders
fragments, or whose ellipsis drops a negation ("not", "never", "n't") is a misquote; the finding
shows the word-level difference. A near miss must differ inside the part it shares with the curated
quote (a partial quote cut at another place is no misquote) and keep most of its own words.

Whoever the quote is credited to, a misquote is reported; but a quote credited to no one, or only
by a guess (a pronoun with several candidates), must keep at least eight of the curated quote's
words, and one credited by name to another curated person twelve: short phrases ("off the table")
recur across speakers. A quote credited by name to someone who is not curated is their own words.
"""
    why_it_matters = """
Quotation marks promise the speaker's exact words. One changed word ("rapidly" for "actively") or an
elided "not" changes what a person is on record as saying.
"""
    example = """
facts.yaml:  kirby: "... arms negotiations between Russia and the DPRK are actively advancing."
article:     “Arms negotiations between Russia and the DPRK are rapidly advancing,” Kirby said.
finding:     FL201 misquote of John Kirby: found 'are rapidly advancing', the source says 'are actively advancing'
"""
    use_instead = "“Arms negotiations between Russia and the DPRK are actively advancing,” Kirby said."
    flags = (
        Example("“Arms negotiations between Russia and the DPRK are rapidly advancing,” Kirby said."),
        Example("“The DPRK has said publicly that they will... sell to Russia,” Kirby said."),
        Example("Kirby said: “Arms negotiations between the DPRK and Russia are actively advancing.”"),
    )
    passes = (
        Example("“Arms negotiations between Russia and the DPRK [North Korea] are actively advancing,” Kirby said."),
        Example("Kirby said the talks were “actively advancing.”"),
        Example("“We have new information ... that arms negotiations between Russia and the DPRK are actively advancing,” he said."),
        Example("“The talks will resume next week,” an official said."),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        for view in analysis.quotes:
            if view.term or view.title:
                continue
            for seg, matches in view.segments:
                for m in matches:
                    if m.kind not in MISQUOTE_KINDS:
                        continue
                    curated = analysis.quote_index.quotes[m.quote_id]
                    if not _misquote_of(view.attribution, curated.speakers, m, view.word_counts[seg]):
                        continue
                    ref = _ref(analysis, m.quote_id)
                    who = _names(analysis, curated.speakers)
                    if m.kind in ("reordered", "quilted"):
                        sources = ", ".join(m.detail.split(", "))
                        message = (
                            f"the ellipsis joins fragments {'out of their order in' if m.kind == 'reordered' else 'from different quotes:'} "
                            f"{sources} ({ref.path}:{ref.line}): they were not said together this way"
                        )
                        expected, found = curated.text, analysis.document.text[seg.start : seg.end]
                    elif m.kind == "negation":
                        message = (
                            f"the ellipsis drops {m.detail!r} from {who}'s words: the quote says the opposite "
                            f"of the source ({ref.path}:{ref.line}, quote {m.quote_id})"
                        )
                        expected, found = curated.text, analysis.document.text[seg.start : seg.end]
                    else:
                        message = (
                            f"misquote of {who}: found {m.found!r}, the source says {m.expected!r} "
                            f"({ref.path}:{ref.line}, quote {m.quote_id})"
                        )
                        expected, found = m.expected, m.found
                    fix = _suggest(analysis.document.text, seg, m) if m.kind == "near" else None
                    yield Diagnostic(Span(seg.start, seg.end), message, expected=expected, found=found, fact=ref, fix=fix)
                    break


def _suggest(text: str, seg, m) -> Fix | None:
    """The differing words replaced by the source's, when they occur once in the segment: a
    suggestion, never applied by --fix (the curated quote may be what is wrong). The words are
    looked for as the text may print them ("we will" as "we'll", `surface_pattern`); a word of
    context the text prints inside a contraction ("will" of "We'll") is left out of both sides."""
    found, expected = m.found.split(), m.expected.split()
    if not found or not expected or ";" in m.found:
        return None
    for trim in ((0, 0), (1, 0), (0, 1), (1, 1)):
        lo, hi = trim
        ws, said = found[lo : len(found) - hi], expected[lo : len(expected) - hi]
        if not ws or not said or (lo and found[0] != expected[0]) or (hi and found[-1] != expected[-1]):
            continue
        pattern = re.compile(r"(?<!\w)" + surface_pattern(ws) + r"(?!\w)", re.I)
        hits = list(pattern.finditer(text, seg.start, seg.end))
        if len(hits) != 1:
            continue
        h = hits[0]
        replacement = " ".join(said)
        if h.group()[:1].isupper():
            replacement = replacement[:1].upper() + replacement[1:]
        return Fix(Span(h.start(), h.end()), replacement, safe=False)
    return None


class MisattributedQuote(Rule):
    code = "FL202"
    name = "misattributed-quote"
    severity = Severity.ERROR
    summary = "A curated quote attributed to someone other than its speaker."
    what_it_does = """
When a quote matches a curated quote word for word (as a partial quote, with ellipses or brackets)
and the article attributes it to a curated person who is not among that quote's speakers, reports
both names. Only a confident attribution counts: the person named (or a specific title) next to the
speech verb, or "he"/"she" with exactly one person of that gender named before and no one else
since; a pronoun with several candidates, a bare role ("the president said") or a partial quote
inside someone else's clause is never called misattributed. The quotes that continue a named
speaker's right after it ('"A," Kirby said. "B."') are judged with it. Quotes of one to three words
are never judged, nor fewer than six matching words (counted over the quote and the quotes that
continue it, where they match the same curated quote): short phrases ("in the home stretch", "a lot
of people") recur in many mouths; a whole curated quote of four or five words is.
"""
    why_it_matters = """
Right words in the wrong mouth misinform as surely as wrong words: the reader learns that someone
said what they did not.
"""
    example = """
facts.yaml:  ltg-shameful, speaker thomas-greenfield: "It is shameful that the Russian Federation ..."
article:     “It is shameful that the Russian Federation participated in a celebration,” Kirby said.
finding:     FL202 “It is shameful that the Russian Federation …” was said by Linda Thomas-Greenfield (facts.yaml:33, quote ltg-shameful), but the article credits it to John Kirby
"""
    flags = (
        Example("“It is shameful that the Russian Federation participated in a celebration,” Kirby said."),
        Example("Thomas-Greenfield added: “The DPRK has said publicly that they will not sell to Russia.”"),
        Example("Kirby spoke first. “It is shameful that the Russian Federation participated in a celebration,” he said."),
    )
    passes = (
        Example("“It is shameful that the Russian Federation participated in a celebration,” Thomas-Greenfield said."),
        Example("Kirby called it “shameful.”"),
        Example("“It is shameful that the Russian Federation participated,” the statement said."),
        Example("Kirby spoke after Shoigu. “It is shameful that the Russian Federation participated in a celebration,” he said."),
        Example("Kirby said Russia “participated in a celebration” of the launch."),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        for group in _utterances(analysis.quotes):
            head = group[0]
            speaker = head.attribution.speaker
            if not speaker or not head.attribution.confident:
                continue  # a continued speaker or an uncertain "he" is a guess for counting, not proof of an error
            # the words of the utterance (every segment of its quotes) that match each curated quote exactly
            evidence: dict[str, int] = {}
            for view in group:
                for seg, matches in view.segments:
                    for qid in dict.fromkeys(m.quote_id for m in matches if m.kind in _WORD_FOR_WORD):
                        evidence[qid] = evidence.get(qid, 0) + view.word_counts[seg]
            reported: set[str] = set()
            for view in group:
                for seg, matches in view.segments:
                    exact = [
                        m for m in matches
                        if m.kind in _WORD_FOR_WORD and _enough(evidence[m.quote_id], analysis, m.quote_id)
                    ]
                    if not exact:
                        continue  # a short phrase ("in the home stretch") recurs in many mouths
                    owners = list(dict.fromkeys(s for m in exact for s in analysis.quote_index.quotes[m.quote_id].speakers))
                    if speaker in owners or exact[0].quote_id in reported:
                        continue
                    reported.add(exact[0].quote_id)
                    ref = _ref(analysis, exact[0].quote_id)
                    yield Diagnostic(
                        Span(seg.start, seg.end),
                        f"{_snippet(analysis.document.text[seg.start:seg.end])} was said by {_names(analysis, owners)} "
                        f"({ref.path}:{ref.line}, quote {exact[0].quote_id}), but the article credits it to "
                        f"{_names(analysis, [speaker])}",
                        expected=_names(analysis, owners),
                        found=_names(analysis, [speaker]),
                        fact=ref,
                    )


def _utterances(views) -> Iterator[list]:
    """The quotes in runs: a quote with its speaker and the quotes that continue it ('"A," Kirby
    said. "B."'); terms, titles and quotes within quotes left out."""
    group: list = []
    for view in views:
        if view.term or view.title or view.quote.nested:
            continue
        a = view.attribution
        if group and a.rule == "continuation" and a.speaker == group[0].attribution.speaker:
            group.append(view)
            continue
        if group:
            yield group
        group = [view]
    if group:
        yield group


def _enough(n: int, analysis, quote_id: str) -> bool:
    """Whether n matching words are one person's words: six or more, or a whole curated quote of four or five."""
    return n >= SHARED_PHRASE or (n >= 4 and n == analysis.quote_index.sizes[quote_id])


class UnsupportedQuote(Rule):
    code = "FL203"
    verdict = "unsupported"
    name = "unsupported-quote"
    severity = Severity.WARNING
    summary = "Direct speech that matches no curated quote."
    what_it_does = """
Reports direct speech — a quote of four or more words, or a shorter one in a sentence that reports
speech ("said", "according to") — that matches no curated quote, even loosely. Scare quotes, terms
("referring to it as a “special military operation”"), labels of one to three words ("called him a
“moderate”", `data/quote_terms.txt`), titles of works and quotes within quotes are not direct speech
and are left alone.
"""
    why_it_matters = """
A quote nobody curated has not been checked against a recording or a transcript. On a standards desk
that is the quote most worth a second look before publication.
"""
    example = """
article:  “We will respond at a time of our choosing,” Kirby said.
finding:  FL203 John Kirby is quoted saying “We will respond at a time of our choosing”, which is none of the curated quotes
"""
    use_instead = "Curate the quote in facts.yaml (with its source), or paraphrase it without quotation marks."
    flags = (
        Example("“We will respond at a time of our choosing,” Kirby said."),
        Example("The talks are “moving forward,” according to U.S. intelligence."),
        Example("“The situation on the peninsula remains tense and unpredictable,” an official said."),
    )
    passes = (
        Example("Kirby said the talks were “actively advancing.”"),
        Example("Moscow refers to it as a “special military operation.”"),
        Example("The so-called “peace dividend” never came."),
        Example("Analysts doubt the “grand bargain” will hold."),
        Example("She reviewed the book “The Art of Strategic Patience” last year."),
        Example("The campaign ad says: “Our town deserves better jobs and safer streets.”"),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        for view in analysis.quotes:
            if view.quote.nested or view.term or view.title or view.attribution.rule == "document":
                continue  # quoted documents (an ad, a letter, a report) are not speech
            if any(matches for _, matches in view.segments):
                continue
            n_words = sum(view.word_counts.values())
            if n_words < 4 and not view.attribution.speaker and not view.speech_cue:
                continue  # a scare quote or a term, not reported speech
            q = view.quote
            words = _snippet(q.content(analysis.document.text))
            if view.attribution.speaker:
                who = _names(analysis, [view.attribution.speaker])
                message = f"{who} is quoted saying {words}, which is none of the curated quotes"
                found = f"{who}: {words}"
            else:
                message = f"the quote {words}, which factlint could credit to no one here, is none of the curated quotes"
                found = f"speaker not named: {words}"
            speaker = analysis.person(view.attribution.speaker) if analysis.facts and view.attribution.speaker else None
            ref = FactRef(speaker.id, "person", analysis.facts_display, speaker.line) if speaker else None
            yield Diagnostic(Span(q.start, q.end), message, found=found, fact=ref)
