"""An article's text views read once (factlint.views), and the run's index of people by id."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import load_facts
from factlint import views as views_module
from factlint.analysis import analyse, find_titles
from factlint.compiled import CompiledFacts
from factlint.engine import Linter
from factlint.extract.dates import find_dates
from factlint.prose import Prose
from factlint.reference import read_article
from factlint.views import TextViews

from .conftest import FACTS

# Made up: no dateline, so the reference date is inferred from the text (a weekday with its date).
UNDATED = (
    "Pyongyang talks\n"
    "On Wednesday, Aug. 30, officials in Seoul said the launch was the third this summer.\n"
    "The defense ministry said on Wednesday it had tracked two missiles, and a spokesman added that "
    "\"the talks are actively advancing\" after the July 27 visit.\n"
)
DATED = "Posted on : 2023-09-01\n" + UNDATED


def _counting(monkeypatch):
    calls = {"prose": 0, "dates": 0}
    real_of, real_dates = views_module.Prose.of, views_module.find_dates

    def of(text, **kw):
        calls["prose"] += 1
        return real_of(text, **kw)

    def dates(prose, **kw):
        calls["dates"] += 1
        return real_dates(prose, **kw)

    monkeypatch.setattr(views_module.Prose, "of", of)
    monkeypatch.setattr(views_module, "find_dates", dates)
    return calls


def test_an_undated_article_s_text_is_read_once_for_its_reference_date_and_its_analysis(monkeypatch):
    facts = load_facts(FACTS)
    linter = Linter(CompiledFacts.build(facts))
    plain = read_article("a.txt", UNDATED, facts=facts)
    expected = linter.run(plain)[0]
    assert plain.reference_origin.startswith("inferred")  # the case the views are for
    calls = _counting(monkeypatch)
    views = TextViews()
    doc = read_article("a.txt", UNDATED, facts=facts, views=views)
    found = linter.run(doc, views=views)[0]
    assert (doc.reference_date, doc.reference_origin) == (plain.reference_date, plain.reference_origin)
    assert found == expected
    assert calls == {"prose": 1, "dates": 1}  # made for the inference, read again by the analysis


def test_a_dated_article_is_analysed_as_without_views(monkeypatch):
    facts = load_facts(FACTS)
    compiled = CompiledFacts.build(facts)
    plain = read_article("a.txt", DATED, facts=facts)
    views = TextViews()
    doc = read_article("a.txt", DATED, facts=facts, views=views)
    assert doc.reference_origin.startswith("dateline")
    a, b = analyse(plain, compiled), analyse(doc, compiled, views=views)
    assert [(r.expr, r.interval) for r in a.dates] == [(r.expr, r.interval) for r in b.dates]
    assert Linter(compiled).run(doc, views=views)[0] == Linter(compiled).run(plain)[0]


def test_the_views_remember_one_text_and_read_another_afresh():
    views = TextViews()
    first = views.prose("On Monday, the envoy left.")
    assert views.prose("On Monday, the envoy left.") is first
    other = views.prose("On Tuesday, the envoy returned.")
    assert other is not first and other.text == "On Tuesday, the envoy returned."
    assert views.prose("On Tuesday, the envoy returned.", wrapped=True) is not other  # another view
    dates = views.dates(other)
    assert [e.text for e in dates] == ["Tuesday"]
    dates.clear()  # a caller's list is its own
    assert [e.text for e in views.dates(other)] == ["Tuesday"]


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="abc MondayJuly 0123456789,.\n-", max_size=80), st.booleans())
def test_the_views_give_what_prose_and_find_dates_give(text, day_first):
    views = TextViews()
    prose = views.prose(text)
    assert prose.text == text and views.prose(text) is prose
    expected = find_dates(Prose.of(text), day_first=day_first)
    assert views.dates(prose, day_first=day_first) == expected
    assert views.dates(prose, day_first=day_first) == expected


def test_the_analysis_finds_people_by_id_as_the_facts_do():
    facts = load_facts(FACTS)
    compiled = CompiledFacts.build(facts)
    analysis = analyse(read_article("a.txt", DATED, facts=facts), compiled)
    for p in facts.people:
        assert analysis.person(p.id) is facts.person(p.id)
    assert analysis.person("nobody-of-that-id") is None


def test_titles_found_through_the_run_s_people_index_are_those_found_through_the_facts():
    facts = load_facts(FACTS)
    compiled = CompiledFacts.build(facts)
    text = "National Security Council spokesman John Kirby said on Wednesday that the talks went on."
    doc = read_article("t.txt", "Posted on : 2023-08-30\n" + text, facts=facts)
    analysis = analyse(doc, compiled)
    prose = Prose.of(doc.text)
    plain = find_titles(prose, analysis.names, facts, analysis.dates, compiled.titles)
    indexed = find_titles(prose, analysis.names, facts, analysis.dates, compiled.titles, (), compiled.people_by_id)
    assert plain == indexed and plain == analysis.titles and plain
