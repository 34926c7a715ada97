"""Readers: prose views of text, Markdown and HTML keep every offset pointing into the file."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import lint_text, parse_facts
from factlint.document import read_document
from factlint.reference import read_article
from factlint.errors import InputError
from factlint.rules.examples import EXAMPLE_FACTS

FACTS = parse_facts(EXAMPLE_FACTS)


def test_plain_text_is_its_own_prose():
    doc = read_document("a.txt", "Line one.\r\nLine two on July 27.\n")
    assert doc.text == doc.source
    assert doc.position(doc.source.index("July")) == (2, 13)
    assert doc.line_text(2) == "Line two on July 27."


def test_bom_is_dropped():
    doc = read_document("a.txt", "\ufeffOn July 27.".encode("utf-8"))
    assert doc.source == "On July 27."


def test_markdown_masks_code_front_matter_links_and_comments():
    src = (
        "---\ntitle: Draft\ndate: 2023-09-01\n---\n"
        "Shoigu's visit to Pyongyang on July 27 was noted.\n\n"
        "```\nvisit to Pyongyang on July 21\n```\n\n"
        "    visit to Pyongyang on July 22\n\n"
        "Inline `visit to Pyongyang on July 23` and [a link](https://x.test/July-24) too.\n"
        "<!-- visit to Pyongyang on July 25 -->\n"
    )
    doc = read_article("a.md", src)
    assert len(doc.text) == len(src)
    assert "July 27" in doc.text
    for hidden in ("July 21", "July 22", "July 23", "July-24", "July 25", "title: Draft"):
        assert hidden not in doc.text
    assert doc.reference_date == date(2023, 9, 1)
    assert doc.reference_origin == "front matter 'date'"
    assert "a link" in doc.text


def test_markdown_findings_only_in_prose():
    src = "```\nShoigu's visit to Pyongyang on July 21\n```\n\nShoigu's visit to Pyongyang on July 20 was noted.\n"
    found = lint_text(src, FACTS, reference_date=date(2023, 9, 1), fmt="markdown")
    assert [(f.code, f.start.line, f.start.col, f.matched) for f in found] == [("FL101", 5, 32, "July 20")]


def test_html_offsets_map_back_to_the_source():
    src = (
        "<html><head><title>T</title><style>p{color:red}</style>"
        '<meta property="article:published_time" content="2023-09-01T08:00:00Z"></head>\n'
        "<body><p>Shoigu&rsquo;s <b>visit</b> to Pyongyang on July&nbsp;21 was &quot;noted&quot;.</p>\n"
        "<script>var s = 'visit to Pyongyang on July 22';</script></body></html>\n"
    )
    doc = read_article("a.html", src)
    assert "Shoigu’s visit to Pyongyang on July\xa021" in doc.text
    assert "July 22" not in doc.text and "color" not in doc.text
    assert doc.reference_date == date(2023, 9, 1)
    assert doc.reference_origin == "HTML meta article:published_time"
    found = lint_text(src, FACTS, fmt="html", reference_date=doc.reference_date)
    (f,) = found
    assert f.code == "FL101"
    assert f.matched == "July&nbsp;21"
    line = src.splitlines()[f.start.line - 1]
    assert line[f.start.col - 1 :].startswith("July&nbsp;21")


def test_html_time_tag_and_json_ld():
    src = '<script type="application/ld+json">{"datePublished": "2023-08-30"}</script><p>text</p>'
    assert read_article("a.html", src).reference_origin == "HTML JSON-LD datePublished"
    src = '<p><time datetime="2023-08-31">Aug. 31</time> text</p>'
    assert read_article("a.html", src).reference_date == date(2023, 8, 31)


def test_reference_date_chain_order():
    src = "---\ndate: 2023-08-30\n---\nPosted on : 2023-09-01\nText.\n"
    doc = read_article("a.md", src)
    assert (doc.reference_date, doc.reference_origin) == (date(2023, 8, 30), "front matter 'date'")
    doc = read_article("a.md", src, reference_date=date(2020, 1, 1), reference_origin="--reference-date")
    assert (doc.reference_date, doc.reference_origin) == (date(2020, 1, 1), "--reference-date")
    doc = read_article("a.txt", "Headline\nPosted on : 2023-09-01 16:51 KST\nText.\n")
    assert (doc.reference_date, doc.reference_origin) == (date(2023, 9, 1), "dateline (line 2)")
    doc = read_article("a.txt", "No date.\n")
    assert (doc.reference_date, doc.reference_origin) == (None, "none")


@pytest.mark.parametrize(
    "data,message,line,col",
    [
        (b"ok\nbad \xff here\n", "not UTF-8: byte 0xff", 2, 5),
        (b"text\x00more", "binary file (NUL byte found)", 1, 1),
        ("caf\u00e9".encode("latin-1"), "not UTF-8: byte 0xe9", 1, 4),
    ],
)
def test_bad_bytes(data, message, line, col):
    with pytest.raises(InputError) as info:
        read_document("a.txt", data)
    assert info.value.detail.startswith(message)
    assert (info.value.line, info.value.col) == (line, col)


def test_empty_file_is_fine():
    doc = read_document("a.txt", b"")
    assert doc.text == "" and doc.position(0) == (1, 1)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n\r\t"), max_size=40))
def test_line_starts_follow_every_kind_of_line_break(text):
    import re

    from factlint.document import _line_starts

    assert _line_starts(text) == (0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text)))
