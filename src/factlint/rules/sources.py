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
- a person's surname written alone ("Marquart said") by one article, one or two edits from the
  surname of a full name two other articles write ("Lena Marquardt"); never when the article names
  someone of that surname itself;
- a figure of the same unit and subject (the last content words of its clause before it, after a
  speech verb: "the storm sank | two tankers"; the same noun after it, and the names after it in
  its clause; the same dates in its sentence; articles of the same known day, or copies of one
  text; a sentence that names a time of day only with the same time) that differs beyond rounding
  ("$1.27 billion" and "$1.3 billion" agree, and "1.75%" and "1.8%"; "500" and "1,000" do not;
  "two tankers" and "three tankers" do not); a hedged figure is compared only with figures hedged
  the same way ("about 500" with "about 1,000", within a tenth; "more than" with "more than"),
  never with a bare one;
- one sentence two articles share, written alike but for one number, month or weekday in one of
  them (a figure or a date a copy changed, even where the article has no reference date or the
  figure no subject of its own; a time of day is an update, not a disagreement): between copies of
  one text (articles that share three sentences of four content words or more, and half the
  shorter one's, whatever their day) and between articles of the same known day; a sentence still
  counts as shared with one other word changed, between copies any word (a word inside a quote is
  then a misquote, a name one or two letters apart a misspelling), between other articles a word
  without a capital in a sentence of six content words or more ("the index fell", "the index
  dropped"; "in Paris" and "in Lyon" are other subjects); British and American spellings
  ("defence", "defense") and a number written as a word or in digits ("two", "2") agree;
- the same event dated on days that do not overlap: an event no curated fact names, known by the
  words that mention it (the clause before its date, "the old bridge reopened to traffic | on
  April 27", or after a date that opens its sentence, "On Saturday, | Boeing announced new
  orders"; their content words, speech verbs left out); compared between articles of the same day,
  or across days when both dates are written out ("April 27, 2024", not "on Tuesday") and neither
  is a plan or a forecast ("will reopen on June 1"), two articles or more against one; an article
  giving the words two dates names two events (not compared);
- one person (nobody curated) given titles of different roles or departments ("Finance Minister" and
  "Defense Minister"; "chief executive" and "President and Chief Executive Officer" agree) by
  articles at most a week apart (articles of unknown date: when the run's known dates lie within a
  week), or by one article against articles before and after it, within a year, that agree (a role
  held before and after is held between); past titles ("former") are not compared.

The people are read without facts: a known first name ("Lena Marquardt"), a title the title tables
know ("automotive analyst Erich Merkle", "Fritz Henderson, the chief operating officer"); a
surname alone is read inside quotes too. A quote
nobody is credited with is compared by its words when it has eight words or more.

A curated fact always wins: a quote that matches or misquotes a curated quote, a name that is or
nearly is a curated name, a figure tied to a curated claim, a date paired with a curated event is
left to FL201, FL301, FL402 and FL101.
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
        # the same event dated otherwise
        Example("Published: May 2, 2024\n\nThe old bridge reopened to traffic on April 27, 2024." + ARTICLE_BREAK
                + "Published: May 2, 2024\n\nThe old bridge reopened to traffic on April 27, 2024." + ARTICLE_BREAK
                + "Published: May 2, 2024\n\nThe old bridge reopened to traffic on April 29, 2024.", reference_date=None),
        # one person, two roles
        Example("Finance Minister Anna Berg opened the bridge." + ARTICLE_BREAK + "Finance Minister Anna Berg opened the bridge."
                + ARTICLE_BREAK + "Defense Minister Anna Berg opened the bridge."),
        # a surname alone, spelled otherwise
        Example("Inspector Lena Marquardt visited the site. Marquardt said it was safe." + ARTICLE_BREAK
                + "Inspector Lena Marquardt visited the site. Marquardt said it was safe." + ARTICLE_BREAK
                + "Inspector Lena Marquardt visited the site. Marquart said it was safe."),
        # a quote nobody is credited with, known by its words
        Example('The statement said: "We will rebuild the plant in Ohio before the end of this year."' + ARTICLE_BREAK
                + 'The statement said: "We will rebuild the plant in Ohio before the end of this year."' + ARTICLE_BREAK
                + 'The statement said: "We will rebuild the factory in Ohio before the end of this year."'),
        # approximations beyond a tenth
        Example("The launch drew about 500 people to the pier." + ARTICLE_BREAK + "The launch drew about 500 people to the pier."
                + ARTICLE_BREAK + "The launch drew about 1,000 people to the pier."),
    )
    passes = (
        Example('"We will rebuild the plant in Ohio this year," Jane Doe said.' + ARTICLE_BREAK
                + 'Jane Doe said: "We will rebuild the plant ... this year."' + ARTICLE_BREAK
                + 'Jane Doe promised to "rebuild the plant in Ohio."'),
        Example("The company lost $1.27 billion in the quarter." + ARTICLE_BREAK + "The company lost $1.3 billion in the quarter."),
        Example("Mayor Anna Kowalczyk opened the bridge." + ARTICLE_BREAK + "Mayor Anna Kowalcyk opened the bridge."),
        Example("John Smith and Joan Smith opened the bridge." + ARTICLE_BREAK + "John Smith opened the bridge."
                + ARTICLE_BREAK + "Joan Smith opened the bridge."),
        # dates that overlap; a plan that moved between two days' news
        Example("The old bridge reopened to traffic on April 27, 2024." + ARTICLE_BREAK
                + "The old bridge reopened to traffic in April 2024."),
        Example("Published: May 2, 2024\n\nThe old bridge will reopen to traffic on June 1, 2024." + ARTICLE_BREAK
                + "Published: May 20, 2024\n\nThe old bridge will reopen to traffic on June 8, 2024.", reference_date=None),
        # one role written two ways; two roles seven weeks apart
        Example("President and Chief Executive Officer Tom Vale opened the plant." + ARTICLE_BREAK
                + "Chief executive Tom Vale opened the plant."),
        Example("Published: May 2, 2024\n\nFinance Minister Anna Berg opened the bridge." + ARTICLE_BREAK
                + "Published: June 20, 2024\n\nDefense Minister Anna Berg opened the bridge.", reference_date=None),
        # a surname of someone the article names
        Example("Inspector Lena Marquardt visited the site. Marquardt said it was safe." + ARTICLE_BREAK
                + "Inspector Lena Marquardt visited the site. Marquardt said it was safe." + ARTICLE_BREAK
                + "Inspector Lena Marquardt and Tom Marquart visited the site. Marquart said it was safe."),
        # an approximation and a bare figure are not compared
        Example("The launch drew about 500 people to the pier." + ARTICLE_BREAK + "The launch drew 520 people to the pier."),
    )

    def check(self, analysis) -> Iterator[Diagnostic]:
        return iter(())  # story-level: see factlint.story


__all__ = ["ARTICLE_BREAK", "SourcesDisagree"]
