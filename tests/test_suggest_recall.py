"""`factlint suggest` reads what the stories' articles write the way wire copy writes it: quotes
whose paragraphs are sentences, speakers named after a title or only described, organizations
named alone, events whose date opens the sentence, figures with thousands separators. Each case is
a small article of its own (not the stories' text); the stories' recall is `bench/score_suggest.py`."""

from __future__ import annotations

import pytest

from factlint.facts import parse_facts
from factlint.reference import read_article
from factlint import suggest as suggest_module
from factlint.suggest import joined_quotes, mention_after, suggest
from factlint.prose import Prose


def _draft(*bodies: str):
    docs = [(read_article(f"a{i}.txt", f"Headline\nMarch 3, 2009\n{body}\n"), f"a{i}.txt") for i, body in enumerate(bodies)]
    draft, text = suggest(docs, facts_path="facts.draft.yaml")
    parse_facts(text)  # it loads
    return draft, text


def _quotes(draft) -> dict[str, str]:
    names = {p.id: p.name for p in draft.people}
    return {q.text: names.get(q.speaker, q.speaker) for q in draft.quotes}


def test_a_quote_whose_paragraphs_are_sentences_is_one_quote():
    text = ("Peter Cardillo, chief market economist at Avalon Partners, commented on the market.\n"
            "``What we've seen here was one big margin call.\n"
            "But you need a catalyst,'' he said.\n")
    prose = Prose.of(text)
    [q] = [q for q in joined_quotes(prose) if not q.nested]
    assert q.content(text) == "What we've seen here was one big margin call. But you need a catalyst,"
    assert len(q.segments) == 2
    # an opening mark left open with no closing one near: no quote made up
    assert joined_quotes(Prose.of("``It never closes.\nNext line.\nAnother.\nMore.\nStill more.\nThe end,'' he said.\n")) == []


def test_quotes_credited_where_the_sieves_abstain():
    draft, _ = _draft(
        "``It took too long for the money to get into the system,'' said Uralsib analyst Chris Weafer commenting on this.\n"
        "``They were afraid of panic selling so they stopped the market.''\n"
        "``This is a regrettable but necessary step to protect the economy.\n"
        "We can not afford a catastrophic collapse.''\n"
        "said Stephen Harper, Prime Minister of Canada.\n"
        "``Auto makers are pulling every lever in their effort to attract buyers,'' Jesse Toprak, an analyst for Edmunds.\n"
    )
    quotes = _quotes(draft)
    assert quotes["It took too long for the money to get into the system"] == "Chris Weafer"
    assert quotes["They were afraid of panic selling so they stopped the market."] == "Chris Weafer"  # goes on
    assert quotes["This is a regrettable but necessary step to protect the economy. We can not afford a catastrophic collapse."] == "Stephen Harper"
    assert quotes["Auto makers are pulling every lever in their effort to attract buyers"] == "Jesse Toprak"
    # a quote whose speech clause names someone not drafted continues no one's
    draft, _ = _draft("``We are worried about the order books of our suppliers,'' said a Delhi auto parts supplier.\n"
                      "``Going forward, the industry will undoubtedly be smaller,'' said Clements.\n")
    assert "Going forward, the industry will undoubtedly be smaller" not in _quotes(draft)


def test_pronouns_and_partial_quotes_go_to_the_speaker_before():
    draft, _ = _draft(
        "President Barack Obama said the plan was ``decades in the making,'' in a speech.\n"
        "Of the government ownership he stated that he refused ``to let General Motors become a ward of the state''.\n"
        "The new iPhone was praised by Obama as ``the biggest leap we have taken''.\n"
    )
    quotes = _quotes(draft)
    assert quotes["to let General Motors become a ward of the state"] == "Barack Obama"
    assert quotes["the biggest leap we have taken"] == "Barack Obama"


def test_described_speakers_are_drafted_with_their_quotes():
    draft, text = _draft(
        "``We expect a very short bankruptcy process,'' a top administration official said.\n"
        "Whereas a United Auto Workers negotiator has said, ``I don't see how the union will do anything.''\n"
        "``They're dealerships that are losing money,'' said GM's sales, service, and marketing vice president in a call.\n"
        "``Markets are still sceptic,'' explained Barclays Capital economists, and they predicted more falls.\n"
    )
    kinds = {p.name: p.kind for p in draft.people}
    assert kinds["top administration official"] == "person"
    assert kinds["United Auto Workers negotiator"] == "person"
    assert kinds["GM's sales, service, and marketing vice president"] == "person"
    assert kinds["Barclays Capital economists"] == "group"
    quotes = _quotes(draft)
    assert quotes["We expect a very short bankruptcy process"] == "top administration official"
    assert quotes["I don't see how the union will do anything."] == "United Auto Workers negotiator"
    assert quotes["Markets are still sceptic"] == "Barclays Capital economists"
    assert "# seen in: a0.txt:5" in text  # where each was described


def test_organizations_named_alone_by_abbreviation_and_beside_another():
    draft, _ = _draft(
        "The first A380 was delivered to Singapore Airlines (SIA) on Monday.\n"
        "In a statement, SIA said that ``The delays are disappointing for our customers.''\n"
        "Boeing has announced new orders, and Boeing's factory is busy.\n"
        "Later, Boeing said the plane was ready, as the deal between Aeroflot and Boeing was revived.\n",
    )
    people = {p.name: p for p in draft.people}
    assert people["Singapore Airlines"].aliases == ["SIA"] and "SIA" not in people
    assert _quotes(draft)["The delays are disappointing for our customers."] == "Singapore Airlines"
    assert people["Boeing"].kind == "organization"
    assert people["Aeroflot"].kind == "organization"
    # a place is no organization, nor a word of a company's name after a title
    draft, _ = _draft("Russia has said it will act, and troops in Russia were seen. General Motor's chief executive Rick Wagoner"
                      " resigned; General Motors Corporation said so.\n")
    assert "Russia" not in {p.name for p in draft.people} and "Motor" not in {p.name for p in draft.people}


@pytest.mark.parametrize("text, date, mention", [
    ("On July 2, Apple associated the issue with a software bug.", "July 2", "Apple associated the issue"),
    ("In April, the technology blog Gizmodo obtained a prototype.", "April", "technology blog Gizmodo obtained"),
    ("A test flight was delayed today after a superficial accident at the airport.", "today", "superficial accident at the airport"),
    # after a date inside its clause, a name alone is no event
    ("The plane was delivered today to Singapore Airlines.", "today", None),
    # the date's possessive is no word of the mention; an abbreviation keeps its last period
    ("At this year's developers conference in Lisbon, the company unveiled a phone.", "this year",
     "developers conference in Lisbon"),
    ("On Monday, flights resumed to the U.S.", "Monday", "flights resumed to the U.S."),
])
def test_a_mention_after_its_date(text, date, mention):
    at = text.index(date)
    span = mention_after(text, 0, at, at + len(date), len(text))
    assert (text[span[0] : span[1]] if span else None) == mention


def test_claims_keep_figures_with_thousands_separators():
    draft, _ = _draft("Around 50,000 people watched the maiden flight.\nTo date, 149 confirmed orders have been received.\n")
    claims = {c.wording: c.value for c in draft.claims}
    assert claims == {"Around 50,000 people": 50000, "149 confirmed orders": 149}


def test_calendar_words_do_not_depend_on_the_locale():
    assert not hasattr(suggest_module, "calendar")
    assert {"january", "monday", "sept", "thurs"} <= suggest_module._CALENDAR
    assert suggest_module._CLAUSE_BREAK.search("a, b")  # story.py reads it from here


def test_organizations_after_a_noun_that_describes_one():
    draft, _ = _draft(
        "In April, the technology blog Gizmodo obtained a prototype.\n"
        "It faces competition from web giant Google's software and rivals like RIM's phones.\n"
        "It works only on one network, despite carriers, such as Verizon, asking for it.\n"
        "The deal pleased our Company and its partners.\n"
    )
    kinds = {p.name: p.kind for p in draft.people}
    assert {n: kinds.get(n) for n in ("Gizmodo", "Google", "RIM", "Verizon")} == dict.fromkeys(("Gizmodo", "Google", "RIM", "Verizon"), "organization")
    assert "Company" not in kinds


def test_a_models_number_is_no_claim():
    draft, _ = _draft("Boeing unveiled the 787 Dreamliner.\nThe 787 will seat 250 passengers.\nApple sold 8 million iPhone 4 units.\n")
    assert {c.value for c in draft.claims} == {250, 8_000_000}


def test_a_hyphenated_given_name_before_an_appositive_and_its_speech_verb():
    draft, _ = _draft("In comments this year, Kim Yo-jong, sister of the leader, said the US was ``crossing a red line'' again.\n")
    people = {p.name: p.kind for p in draft.people}
    assert people.get("Kim Yo-jong") == "person"
    assert _quotes(draft)["crossing a red line"] == "Kim Yo-jong"


def test_a_numbers_own_commas_end_no_clause():
    from factlint import story

    text = "The agency counted 1,250,000 disks, and 3 more, in 2019."
    for pattern in (suggest_module._CLAUSE_BREAK, story._CLAUSE_BREAK):
        assert [text[m.start() : m.end()] for m in pattern.finditer(text)] == [",", ","]
        assert all(m.start() > text.index("disks") for m in pattern.finditer(text))


def test_a_common_word_written_only_as_a_name_speaks():
    # "Quill" is an English word, but these articles write it only as a company's name
    draft, _ = _draft(
        "The board met on Monday.\nAfter it, Quill announced that ``the merger is off for now''.\n"
        "Later, Quill said it would keep its plant in Dorvale open.\n",
    )
    assert "Quill" in {p.name for p in draft.people}
    assert _quotes(draft) == {"the merger is off for now": "Quill"}
    # written in lower case too, the word is a word ("a quill"), not a name; a first name alone
    # ("Tom told"), the object of a preposition and a people ("Americans say") speak for no one
    draft, _ = _draft(
        "The clerk wrote with a quill.\nOn Monday, Quill announced that ``the merger is off for now''.\n"
        "``It is over,'' Tom told reporters.\nThe Ambassador to France confirmed it.\n"
        "An American poll found it, and Americans say ``enough is enough''.\n",
    )
    assert not {"Quill", "Tom", "France", "Americans"} & {p.name for p in draft.people}


def test_it_and_the_company_speak_for_the_organization_named_before():
    draft, _ = _draft(
        "Northwind Group published a note on its website on Monday.\n"
        "It said that ``the recall covers every kettle sold since May''.\n"
        "In a statement on the Northwind Group website, the company said that ``no one was hurt by the kettles''.\n"
        "The kettle is ``a fine and durable product'' as stated on the Northwind Group website.\n",
    )
    quotes = _quotes(draft)
    assert quotes["the recall covers every kettle sold since May"] == "Northwind Group"
    assert quotes["no one was hurt by the kettles"] == "Northwind Group"
    assert quotes["a fine and durable product"] == "Northwind Group"
    # "it" with no organization named before it or in the sentence before: no one's
    draft, _ = _draft("The weather was cold.\nIt said that ``the recall covers every kettle sold since May''.\n")
    assert _quotes(draft) == {}


def test_a_clause_after_a_quote_is_no_name_alone():
    from factlint.suggest import _speech_clauses

    def after(text: str) -> list[str]:
        prose = Prose.of(text)
        return [text[a:b] for q in joined_quotes(prose) for a, b, _ in _speech_clauses(text, prose, q)]

    # a name alone after a quote is its speaker; a clause there is not
    assert after('"We sell more every year, " Jesse Toprak, an analyst at Edmunds.\n') == ["Jesse Toprak"]
    assert after('Formerly " Kettle OS, " Kettle 7 was first introduced by Northwind in April, and includes timers.\n') == []


@pytest.mark.parametrize(("text", "value", "wording"), [
    ("The test run lasted four hours, with the machine at full load.", 4, "test run lasted four hours"),
    ("The first unit was delivered today to Harbor Freight (HF) 18 months behind schedule.", 18, "18 months behind schedule"),
    ("Three years after it was first due, the bridge opened.", 3, "Three years after"),
])
def test_a_length_of_time_is_a_claim(text, value, wording):
    draft, _ = _draft(text)
    assert {c.wording: c.value for c in draft.claims}.get(wording) == value


@pytest.mark.parametrize("text", [
    "The plant closed two years ago.",  # an offset from the article's date
    "The index fell 600 points in one day.",  # the period something happens in
    "The deal must close within 30 days.",
    "Shares hit a 4 year low on Monday.",  # an adjective
    "The company has grown in the next 30 days.",  # a period the text talks about
])
def test_a_length_of_time_that_dates_is_no_claim(text):
    draft, _ = _draft(text)
    assert not [c for c in draft.claims if c.unit in ("years", "days", "hours", "months")], draft.claims


def test_a_one_word_misspelling_of_a_drafted_person_is_no_one_else():
    draft, text = _draft(
        "Canadian Industry Minister Tony Clement said on Monday that the plan would work.\n"
        "``The industry will be smaller,'' Tony Clement said.\n"
        "``We will not pay for it,'' said Clements.\n"
    )
    # the misspelling is a conflict over Tony Clement's name, not a second person
    assert "'Clements' misspells Tony Clement's name" in text
    assert 'name: "Clements"' not in text


def test_a_yaml_stream_holds_no_control_character():
    draft, text = _draft("Quill said on Monday that sales rose 12 percent to 5,000 units in the \x83 quarter.\n")
    assert "\x83" not in text


def test_a_family_name_written_first_is_the_alias_and_one_name_spelled_two_ways_is_one_person():
    draft, _ = _draft(
        "Park Min-jun, a researcher at the Seoul Policy Institute, said the talks had stalled.",
        "Choi Seo-yeon said the delegation left early. Park Min-jun said it had not. Choi Ha-eun said nothing.",
        "Analyst Park Min Jun said the delegation left early.",
    )
    people = {p.name: p for p in draft.people if p.kind == "person"}
    # one person however the given name is written: the spelling seen most is the name
    assert people["Park Min-jun"].aliases == ["Park Min Jun", "Park"] and "Park Min Jun" not in people
    # two people of one family name: it is the alias of neither; the given name is no alias
    assert people["Choi Seo-yeon"].aliases == [] and people["Choi Ha-eun"].aliases == []
    # a merged spelling brings its aliases, and the person keeps the plain id
    draft, _ = _draft("Hewlett-Packard Co (HPC) said on Monday it would cut jobs.",
                      "Hewlett Packard Co said sales fell.", "Hewlett Packard Co said it would hire.")
    [hp] = [p for p in draft.people if "Packard" in p.name]
    assert hp.id == "hewlett-packard-co" and {"Hewlett-Packard Co", "HPC"} <= {hp.name, *hp.aliases}
    # a given name of long syllables is no Korean one: the family name is last
    draft, _ = _draft("Omar Abdel-rahman, a lawyer, said the case was closed.")
    assert next(p for p in draft.people if p.name == "Omar Abdel-rahman").aliases == ["Abdel-rahman"]
    # a double-barrelled surname stays the surname
    draft, _ = _draft("Linda Thomas-Greenfield, the ambassador, said the vote was delayed.")
    assert next(p for p in draft.people if p.name == "Linda Thomas-Greenfield").aliases == ["Thomas-Greenfield"]
