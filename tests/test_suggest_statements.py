"""`factlint suggest` drafts what the articles state beyond quotes and figures: claims without a
figure where two articles state the same thing, the event an article's headline reports, events
dated by a time of day, and articles without a date of their own read against the others'. Each
case is a small article of its own (not the stories' text); the stories' recall is
`bench/score_suggest.py`."""

from __future__ import annotations

from factlint.facts import parse_facts
from factlint.reference import read_article
from factlint.suggest import _analyses, draft_claims, headline_event, suggest, support_wording


def _draft(*texts: str):
    docs = [(read_article(f"a{i}.txt", text), f"a{i}.txt") for i, text in enumerate(texts)]
    draft, text = suggest(docs, facts_path="facts.draft.yaml")
    parse_facts(text)  # it loads
    return draft, text


def _statements(draft) -> dict[str, list[str]]:
    return {c.wording: [str(s) for s in c.seen] for c in draft.claims if c.value is None}


def _article(headline: str, day: str, *body: str) -> str:
    return "\n".join((headline, day, *body)) + "\n"


# two articles stating one thing in their own words
_SHIPPED = (
    _article("Ministry under pressure", "March 3, 2021",
             "Officials said the ministry quietly shipped spare turbine blades to the coastal plant last winter.",
             "The weather was mild."),
    _article("Plant reopens", "March 4, 2021",
             "According to the report, the ministry had shipped spare turbine blades to the plant.",
             "Workers returned."),
)


def test_a_statement_two_articles_make_is_drafted_as_a_claim_without_a_figure():
    draft, text = _draft(
        *_SHIPPED,
    )
    statements = _statements(draft)
    # one claim, seen in both articles, its wording words of one clause the other article restates
    [(wording, seen)] = statements.items()
    assert "shipped spare turbine" in wording and seen == ["a0.txt:3", "a1.txt:3"]
    claim = next(c for c in parse_facts(text).claims if c.figure is None)
    assert claim.statement.startswith("Officials said the ministry quietly shipped")
    assert [p.text for p in claim.supports] == [wording]


def test_a_sentence_sharing_words_but_not_the_wording_is_not_the_claim_seen_again():
    # the third article shares the first one's words (ministry, coastal plant, turbine blades,
    # winter) but says something else: it is no place the claim was seen
    draft, _ = _draft(
        *_SHIPPED,
        _article("Supplier chosen", "March 5, 2021",
                 "The ministry said its coastal plant ordered turbine blades from a new supplier this winter.",
                 "Prices rose."),
    )
    shipped = next(seen for wording, seen in _statements(draft).items() if "shipped" in wording)
    assert shipped == ["a0.txt:3", "a1.txt:3"]


def test_no_statement_from_one_article_a_copy_or_a_quote():
    sentence = "The ministry quietly shipped spare turbine blades to the coastal plant last winter."
    # said once: nobody restates it
    draft, _ = _draft(_article("Ministry", "March 3, 2021", sentence, "The weather was mild."),
                      _article("Plant", "March 4, 2021", "Workers returned to the plant on Monday."))
    assert _statements(draft) == {}
    # a copy of the sentence is the same words, not a second article's
    draft, _ = _draft(_article("Ministry", "March 3, 2021", sentence),
                      _article("Ministry again", "March 4, 2021", sentence))
    assert _statements(draft) == {}
    # a speaker's words are a quote, not a claim of the article
    draft, _ = _draft(
        _article("Ministry", "March 3, 2021", f'"{sentence}" said John Kirby.'),
        _article("Plant", "March 4, 2021", "Officials said the ministry had shipped spare turbine blades to the plant."),
    )
    assert all(s != ["a0.txt:3"] for s in _statements(draft).values())


def test_the_supports_wording_is_the_restated_words_of_one_clause():
    text = "Kirby noted that despite its denials, the North supplied infantry rockets and missiles to the privately run group."
    s, e = support_wording(text, 0, len(text), frozenset({"infantry", "rocket", "missil"}))
    assert text[s:e] == "supplied infantry rockets and missiles"
    # with nothing restated: the span with the most lower-case content words
    s, e = support_wording("China has so far refrained from sending weapons to Russia.", 0, 58)
    assert "refrained from sending weapons" in "China has so far refrained from sending weapons to Russia."[s:e]
    assert support_wording("He said so.", 0, 11) is None
    # a date says when, not what
    text = "Sales of the new model fell sharply last year."
    at = text.index("last year")
    s, e = support_wording(text, 0, len(text), dates=[(at, at + len("last year"))])
    assert "year" not in text[s:e] and "fell sharply" in text[s:e]


def test_a_headline_is_an_event_of_the_day_its_lead_or_dateline_gives():
    def head(text: str):
        doc = read_article("a.txt", text)
        [(a, _)] = _analyses([(doc, "a.txt")], None, False)
        found = headline_event(a)
        return None if found is None else (text[found[0] : found[1]], found[2])

    # an undated lead: the news of the day the article is published
    assert head(_article("U.S. automaker Acme plans to close 900 dealerships", "May 15, 2009",
                         "Acme Motors has announced that it intends to close about 900 of its dealerships.")) == (
        "plans to close", "2009-05-15")
    # a lead dating one day: that day ("Thursday" before May 1, 2009)
    assert head(_article("Acme files for bankruptcy", "May 1, 2009",
                         "The carmaker Acme filed for bankruptcy Thursday, ending months of talks with lenders.")) == (
        "files for bankruptcy", "2009-04-30")
    # a lead dating two days: which is the headline's is not said
    assert head(_article("Acme files for bankruptcy", "May 1, 2009",
                         "Acme filed for bankruptcy Thursday after its lenders met on Monday to reject the plan.")) is None
    # no headline (a sentence), or no date the article shows
    assert head(_article("Acme filed for bankruptcy.", "May 1, 2009", "Acme filed for bankruptcy, its lenders said.")) is None
    assert head("Acme files for bankruptcy\nAcme has filed for bankruptcy, ending months of talks with its lenders.\n") is None


def test_a_time_of_day_dates_its_event():
    draft, _ = _draft(_article("Speech", "June 1, 2009",
                               "The president presented a reorganization plan at 16:00 UTC today in a televised speech."))
    assert ("president presented a reorganization plan", "2009-06-01") in {(e.mention, e.date) for e in draft.events}


def test_an_undated_article_is_read_against_the_story_dates():
    dated = _article("Talks", "August 31, 2023",
                     "The envoy visited Pyongyang on Wednesday, Aug. 30, for talks on the arms deal.")
    undated = "Envoy in Pyongyang\nThe envoy met the minister on Wednesday, Aug. 30, to discuss the arms deal.\n"
    draft, _ = _draft(dated, undated)
    assert ("envoy met the minister", "2023-08-30") in {(e.mention, e.date) for e in draft.events}
    # alone, the undated article's weekday has no year
    draft, _ = _draft(undated)
    assert "envoy met the minister" not in {e.mention for e in draft.events}


def test_figures_with_a_unit_of_words_and_separators():
    doc = read_article("a.txt", _article(
        "Jet", "March 3, 2009",
        "It will have a range of 3,500 to 8,500 nautical miles.",
        "The talks between the two countries ended.",
        "The company seeks $16.6 billion in loans.",
    ))
    claims = {c.wording: (c.value, c.unit) for c in draft_claims(_analyses([(doc, "a.txt")], None, False))}
    assert claims["of 3,500 to 8,500 nautical miles"] == (8500, "nautical-miles")  # "3,500": one number
    assert not any(value == 2 for value, _ in claims.values())  # "the two countries": named before, no count
    assert claims["The company seeks $16.6 billion"][0] == 16_600_000_000  # not 16600000000.000002


def test_no_figure_claim_inside_a_quote_whose_paragraphs_are_sentences():
    doc = read_article("a.txt", _article("Talks", "March 3, 2009",
                                         "``We were about three words away from a deal.",
                                         "We solved everything else,'' he said."))
    assert draft_claims(_analyses([(doc, "a.txt")], None, False)) == []
