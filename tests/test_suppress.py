"""Suppression comments: ignore the next line, disable/enable a region, unused and invalid ones."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import suppress
from factlint.reference import read_article
from factlint.engine import Linter
from factlint.facts import parse_facts
from factlint.rules import ALL_RULES
from factlint.rules.examples import EXAMPLE_FACTS
from factlint.selection import Selection

LINTER = Linter.of(parse_facts(EXAMPLE_FACTS))
CODES = [r.code for r in ALL_RULES]
MISSPELT = "Russian Defense Minister Sergei Shoygu visited Pyongyang."


def decide(text: str, selection: Selection = Selection(), path: str = "a.md"):
    doc = read_article(path, text, reference_date=date(2023, 9, 1), reference_origin="test")
    return selection.decide(doc, LINTER.lint(doc))


def codes(decision) -> list[str]:
    return [f.code for f in decision.kept]


def test_without_a_comment_the_finding_is_reported():
    assert codes(decide(MISSPELT + "\n")) == ["FL301"]


def test_ignore_silences_the_next_line_even_across_a_blank_line():
    for gap in ("\n", "\n\n"):
        d = decide(f"<!-- factlint: ignore[FL301] spelled as the agency does -->{gap}{MISSPELT}\n")
        assert codes(d) == [] and d.suppressed == 1


def test_ignore_silences_only_the_next_line():
    d = decide(f"<!-- factlint: ignore[FL301] -->\nFine words.\n{MISSPELT}\n")
    assert codes(d) == ["FL001", "FL301"]


def test_ignore_by_prefix_and_without_codes():
    assert codes(decide(f"<!-- factlint: ignore[FL3] -->\n{MISSPELT}\n")) == []
    assert codes(decide(f"<!-- factlint: ignore -->\n{MISSPELT}\n")) == []


def test_ignore_of_another_code_does_not_silence_and_is_unused():
    d = decide(f"<!-- factlint: ignore[FL201] -->\n{MISSPELT}\n")
    assert codes(d) == ["FL001", "FL301"]
    assert "ignore[FL201] silences nothing" in d.kept[0].message
    assert d.kept[0].start.line == 1


def test_disable_enable_region():
    text = f"{MISSPELT}\n<!-- factlint: disable[FL3] -->\n{MISSPELT}\n\n{MISSPELT}\n<!-- factlint: enable[FL3] -->\n{MISSPELT}\n"
    d = decide(text)
    assert [(f.code, f.start.line) for f in d.kept] == [("FL301", 1), ("FL301", 7)]
    assert d.suppressed == 2


def test_disable_without_enable_runs_to_the_end():
    d = decide(f"<!-- factlint: disable[FL301] -->\n{MISSPELT}\n\n{MISSPELT}\n")
    assert codes(d) == [] and d.suppressed == 2


def test_a_multi_code_directive_reports_only_its_unused_codes():
    d = decide(f"<!-- factlint: ignore[FL301,FL203] -->\n{MISSPELT}\n")
    assert codes(d) == ["FL001"]
    assert "ignore[FL203]" in d.kept[0].message


def test_unused_is_judged_only_for_rules_that_run():
    text = f"<!-- factlint: ignore[FL203] -->\n{MISSPELT}\n"
    assert codes(decide(text, Selection(select=("FL3",)))) == ["FL301"]
    assert codes(decide(text, Selection(ignore=("FL001",)))) == ["FL301"]


def test_invalid_directives():
    d = decide("<!-- factlint: ignroe[FL3] -->\nWords.\n<!-- factlint: ignore[XY1] -->\n<!-- factlint: enable[FL1] -->\n")
    assert [(f.code, f.start.line) for f in d.kept] == [("FL002", 1), ("FL002", 3), ("FL002", 4)]
    assert "closes no disable[FL1]" in d.kept[2].message


def test_directives_work_in_html():
    html = f"<html><body>\n<!-- factlint: ignore[FL301] -->\n<p>{MISSPELT}</p>\n<p>{MISSPELT}</p>\n</body></html>\n"
    d = decide(html, path="a.html")
    assert [(f.code, f.start.line) for f in d.kept] == [("FL301", 4)]


def test_per_file_ignores_and_severity_still_apply_after_suppression():
    sel = Selection(severities=(("FL001", __import__("factlint").Severity.ERROR),))
    d = decide(f"<!-- factlint: ignore[FL201] -->\n{MISSPELT}\n", sel)
    assert [(f.code, str(f.severity)) for f in d.kept] == [("FL001", "error"), ("FL301", "error")]
    sel = Selection(per_file_ignores=(("*.md", ("FL0",)),))
    assert codes(decide(f"<!-- factlint: ignore[FL201] -->\n{MISSPELT}\n", sel)) == ["FL301"]


def test_cli_summary_counts_suppressed(cli, tmp_path):
    (tmp_path / "a.md").write_text(f"<!-- factlint: ignore[FL301] -->\n{MISSPELT}\n", encoding="utf-8")
    from .conftest import FACTS

    status, out, _ = cli(["check", str(tmp_path / "a.md"), "--facts", str(FACTS), "--reference-date", "2023-09-01"])
    assert status == 0 and "1 suppressed by comments" in out


_piece = st.sampled_from(
    ["<!-- factlint: ignore[FL301] -->", "<!-- factlint: disable[FL3] -->", "<!-- factlint: enable[FL3] -->",
     "<!-- factlint: enable -->", "<!-- factlint: bogus -->", "<!-- factlint:", "-->", MISSPELT, "\n", "\n\n", "Words."]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_piece, max_size=14))
def test_property_suppression_only_removes_and_spans_point_at_comments(pieces):
    text = "".join(pieces)
    doc = read_article("p.md", text, reference_date=date(2023, 9, 1), reference_origin="test")
    raw = LINTER.lint(doc)
    d = Selection().decide(doc, raw)
    kept_rules = [f for f in d.kept if f.code not in ("FL001", "FL002")]
    assert len(kept_rules) + d.suppressed == len(raw)
    assert all(f in raw for f in kept_rules)
    for f in d.kept:
        if f.code in ("FL001", "FL002"):
            assert f.matched.startswith("<!--") and f.matched.endswith("-->")
    for directive in suppress.parse(text, CODES):
        assert text[directive.span.start : directive.span.end].startswith("<!--")


def test_a_directive_shown_in_markdown_code_is_not_a_directive():
    text = (
        "How to silence a finding:\n\n```markdown\n<!-- factlint: ignore[FL203] -->\n```\n\n"
        "Or inline: `<!-- factlint: ignore[FL301] -->`.\n\n"
        "    <!-- factlint: disable[FL3] -->\n\n"
        f"{MISSPELT}\n"
    )
    d = decide(text)
    assert codes(d) == ["FL301"] and d.suppressed == 0
    # the same comments outside code are directives (and here, unused or silencing)
    assert "FL001" in codes(decide("<!-- factlint: ignore[FL203] -->\nWords.\n"))
