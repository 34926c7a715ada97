"""The library API over generated news-like text (issue 14): whatever the text, markup and
reference date, `lint_text` raises nothing, and every finding points into the text it was given:
its span inside the text and equal to what it quotes (`matched`), its line and column those of its
offsets (lines end at \\n, \\r\\n or \\r; columns count code points)."""

from __future__ import annotations

import bisect
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint import lint_text, load_facts

from .conftest import FACTS

FACTS_LOADED = load_facts(FACTS)
CURATED_QUOTES = [q.text for q in FACTS_LOADED.quotes]

NAMES = [
    "John Kirby", "Kirby", "Krby", "Sergei Shoigu", "Sergei Shoygu", "Shoigu's", "Kim Jong Un", "Kim Jong-un",
    "Kim Jong-xn", "kim jong un", "Kim Yo-jong", "Linda Thomas-Greenfield", "Thomas-Greenfeld", "Vladimir Putin",
    "Mr. Putin", "Defense Minister Shoigu", "Foreign Minister Shoigu", "White House spokesman John Kirby",
    "Russian Defense Ministry", "Russian Defence Minstry", "he", "she", "They",
]
DATES = [
    "July 27", "July 21", "on Wednesday", "Wednesday, Aug. 30, 2023", "Thursday, Aug. 30, 2023", "Feb. 30",
    "Feb. 29, 2023", "last month", "Last December", "earlier this month", "two days ago", "next year",
    "in 9999", "0001-01-01", "9999-12-31", "8/30/2023", "31 April", "the 1990s", "mid-July", "until Friday",
    "this past March", "the fourth quarter of 2005", "Q3 2023", "yesterday", "tomorrow",
]
VERBS = ["said", "told reporters", "added:", "says", "according to", "visited Pyongyang", "launched two short-range ballistic missiles",
         "launched three short-range ballistic missiles", "denied", "asked"]
WORDS = ["the", "talks", "are", "actively", "advancing", "arms", "negotiations", "between", "Russia", "and", "North",
         "Korea", "visit", "more", "than", "a", "photo", "op", "not", "1.5 million", "two", "three", "about 20%",
         "9" * 40, "café", "日本", "\U0001F4F0", "—", "…", ",", ".", ";"]
MARKS = ["“", "”", '"', "'", "‘", "’", "''", "``", "[", "]", "(", ")", "...", "…"]
BREAKS = ["\n", "\n\n", "\r\n", "\r\n\r\n", "\r", " ", "  ", "\t"]
ODD = ["\x1b[31m", "\x00", "\x0c", "\u202e", "\u2028", "\u00a0", "\u200b", "\ufeff", "\\", "%", "<", ">", "&"]
MARKDOWN = ["# ", "## ", "**", "*", "_", "`", "```\n", "    ", "> ", "- ", "1. ", "[link](https://example.com/July-27)",
            "![img](x.png)", "<!-- factlint: ignore[FL301] -->", "<!-- factlint: disable[FL4 -->",
            "<!-- factlint: enable[FL2] -->", "<!-- factlint: ignore FL301 -->", "---\n", "| a | b |\n|---|---|\n"]
HTML = ["<p>", "</p>", "<br>", "<b>", "</b>", "&amp;", "&ldquo;", "&rdquo;", "&#8217;", "&nbsp;", "<script>July 27</script>",
        "<!-- July 27 -->", '<time datetime="2023-08-30">', '<meta property="article:published_time" content="2023-09-01">',
        "<div>", "</div>", "<h1>", "</h1>"]
FRONT = ["", "---\ndate: 2023-09-01\n---\n", "---\ndate: 2023-02-30\n---\n", "---\npublished: 9999-12-31\n---\n",
         "---\ntitle: [unclosed\n---\n", "Posted on : 2023-09-01 16:51 KST\n", "\ufeff"]
REFERENCES = [None, date.min, date.max, date(1, 1, 7), date(9999, 12, 25), date(2023, 9, 1), date(2024, 2, 29), date(2023, 7, 27)]


def _quote() -> st.SearchStrategy[str]:
    curated = st.sampled_from(CURATED_QUOTES).flatmap(
        lambda q: st.tuples(st.integers(0, len(q)), st.integers(0, len(q))).map(lambda ab: q[min(ab) : max(ab)])
    )
    words = st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)
    return st.tuples(st.sampled_from(MARKS), st.one_of(curated, words), st.sampled_from(MARKS)).map("".join)


PIECE = st.one_of(
    st.sampled_from(NAMES), st.sampled_from(DATES), st.sampled_from(VERBS), st.sampled_from(WORDS), st.sampled_from(MARKS),
    st.sampled_from(BREAKS), st.sampled_from(ODD), _quote(), st.text(max_size=3),
)


@st.composite
def articles(draw) -> tuple[str, str, date | None]:
    suffix = draw(st.sampled_from([".txt", ".md", ".html"]))
    extra = MARKDOWN if suffix == ".md" else HTML if suffix == ".html" else []
    piece = st.one_of(PIECE, st.sampled_from(extra)) if extra else PIECE
    sentences = draw(st.lists(st.lists(piece, max_size=14).map(" ".join), max_size=8))
    glue = draw(st.sampled_from(["\n\n", "\n", " ", "\r\n"]))
    text = draw(st.sampled_from(FRONT)) + glue.join(sentences)
    return text, "article" + suffix, draw(st.sampled_from(REFERENCES))


def _line_starts(text: str) -> list[int]:
    """Where each line begins: after \\n, after \\r\\n (as one break), after a lone \\r."""
    starts, i = [0], 0
    while i < len(text):
        if text[i] == "\r" and text[i + 1 : i + 2] == "\n":
            i += 1
        if text[i] in "\r\n":
            starts.append(i + 1)
        i += 1
    return starts


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(articles())
def test_every_finding_points_into_the_text_it_was_given(article):
    text, path, reference = article
    findings = lint_text(text, FACTS_LOADED, path=path, reference_date=reference)
    starts = _line_starts(text)
    for f in findings:
        assert 0 <= f.span.start <= f.span.end <= len(text), f
        assert text[f.span.start : f.span.end] == f.matched, f
        assert (f.start.line, f.start.col) == _position(starts, f.span.start), f
        assert (f.end.line, f.end.col) == _position(starts, f.span.end), f
        assert f.path == path
        if f.fix is not None:
            assert 0 <= f.fix.span.start <= f.fix.span.end <= len(text), f
    assert findings == sorted(findings, key=lambda f: f.sort_key())


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.sampled_from([".txt", ".md", ".html"]), st.sampled_from(REFERENCES))
def test_any_text_at_all(text, suffix, reference):
    findings = lint_text(text, FACTS_LOADED, path="a" + suffix, reference_date=reference)
    for f in findings:
        assert text[f.span.start : f.span.end] == f.matched, f
